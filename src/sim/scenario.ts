/**
 * What a scenario (src/content/scenarios) declares: the lab's topology and starting facts. The world is
 * built from it; everything else happens through the learner's actions.
 */
import type { TimeZoneRule } from './time';

export type ServiceKey = 'capf' | 'tftp' | 'tvs';

/** Service names exactly as Cisco Unified Serviceability lists them (domain.md §4). */
export const SERVICE_NAMES: Record<ServiceKey, string> = {
  capf: 'Cisco Certificate Authority Proxy Function',
  tftp: 'Cisco TFTP',
  tvs: 'Cisco Trust Verification Service',
};

/** The CUCM releases the lab models. */
export type CucmRelease = '11.5' | '14.0';

/** What differs between the releases the lab models (domain.md §14.5, §14.7). */
export interface ReleaseFeatures {
  /** Full version as the CLI and pages print it. */
  version: string;
  /** `utils dbreplication runtimestate` "DB Version". */
  dbVersion: string;
  /**
   * Which key signs each TFTP node's ITL: the node's CallManager certificate through 11.5 (the seed's `show
   * itl` on ao115sub), the ITLRecovery certificate from 12.0 on ("release 12.0+ the ITL is signed by the
   * ITLRecovery Certificate", TAC 214231; Collaboration Preferred Architecture).
   */
  itlSigner: 'CallManager' | 'ITLRecovery';
  /**
   * CAPF service parameter "Certificate Issuer to Endpoint": Online CA arrives in 12.5(1) (System Configuration
   * Guide 12.5, Release Notes 12.5(1)); Offline CA (`utils capf cert import`) is older.
   */
  certificateIssuers: ReadonlyArray<'Cisco Certificate Authority Proxy Function' | 'Online CA' | 'Offline CA'>;
  /** The CAPF CLI of 12.5(1): `utils capf stale-lsc …`, `utils capf csr list` (Release Notes 12.5(1)). */
  capfCli125: boolean;
  /** SIP User-Agent of CUCM's NOTIFY to phones ("Cisco-CUCM12.5" in TAC 217294). */
  userAgent: string;
}

export const RELEASES: Record<CucmRelease, ReleaseFeatures> = {
  // The seed's cluster: CUCM 11.5.1.15038-2 (TAC 213295's DNS lab).
  '11.5': {
    version: '11.5.1.15038-2',
    dbVersion: 'ccm11_5_1_15038_2',
    itlSigner: 'CallManager',
    certificateIssuers: ['Cisco Certificate Authority Proxy Function', 'Offline CA'],
    capfCli125: false,
    userAgent: 'Cisco-CUCM11.5',
  },
  // 14.0(1): 14.0.1.10000-20 is the release build (our recollection; no source in domain.md gives one).
  '14.0': {
    version: '14.0.1.10000-20',
    dbVersion: 'ccm14_0_1_10000_20',
    itlSigner: 'ITLRecovery',
    certificateIssuers: ['Cisco Certificate Authority Proxy Function', 'Online CA', 'Offline CA'],
    capfCli125: true,
    userAgent: 'Cisco-CUCM14.0',
  },
};

/** The features of a scenario's release (11.5 for a scenario that names none the lab knows). */
export function releaseOf(scenario: Pick<Scenario, 'release'>): ReleaseFeatures {
  return RELEASES[scenario.release] ?? RELEASES['11.5'];
}

export interface NodeSpec {
  /** Host name: "ao115pub". */
  name: string;
  ip: string;
  role: 'publisher' | 'subscriber';
  /** System > Server "Host Name/IP Address" (what phones are told, e.g. the CAPF processNodeName). */
  serverName: string;
  /** Feature services activated at install time (TVS is a network service: always on). */
  activated: { capf?: boolean; tftp?: boolean };
}

export interface PhoneSpec {
  deviceName: string;
  /** Model key in phone/models.ts: "CP-8845". */
  model: string;
  ip: string;
  /** DHCP option 150: the node whose TFTP service the phone uses. */
  tftpNode: string;
  description: string;
  /**
   * The serial number on the phone's label (its MIC and LSC carry it as `PID:<model> SN:<serial>`). Optional:
   * when absent the lab draws a plausible one from the seed (phone/models.ts `ciscoSerialNumber`).
   */
  serialNumber?: string;
  /**
   * What the phone brings from an earlier life: the trust list and/or the LSC of another cluster it was
   * registered to before (domain.md §2.9 "secure phone moved to another cluster", §11 F21).
   */
  arrivesWith?: {
    itlFromOtherCluster?: boolean;
    lscFromOtherCluster?: boolean;
    /**
     * An LSC this cluster's CAPF issued before the lab: still valid, or run out `expiredDaysAgo` days ago (a
     * fleet enrolled years ago with a short "Duration Of Certificate Validity").
     */
    lscFromThisCluster?: { expiredDaysAgo?: number };
    /**
     * An earlier enrolment was cut off: CAPF issued this phone an LSC that never reached it (the phone was
     * reset during the operation), so CAPF lists it as a stale LSC (`utils capf stale-lsc list`).
     */
    staleLscDaysAgo?: number;
  };
}

export interface Scenario {
  id: string;
  title: string;
  description: string;
  zone: TimeZoneRule;
  /** Local wall-clock time the lab starts at; `undefined` date = today (the learner's date), at `hour`. */
  start: { date?: { year: number; month: number; day: number }; hour: number };
  domain: string;
  /**
   * CUCM release whose behaviour is modelled: "11.5" as in the seed (ITL signed by the TFTP node's CallManager
   * certificate, no Online CA, no 12.5 CAPF commands) or "14.0" (`RELEASES`).
   */
  release: CucmRelease;
  nodes: NodeSpec[];
  dns: { host: string; ip: string; records: Record<string, string> };
  phones: PhoneSpec[];
  /** CN of the CAPF certificate at install ("CAPF-7f0ae8d7" in the seed); random when absent. */
  capfCommonName?: string;
  /** How long before the lab's start the cluster was installed (certificate notBefore). */
  installedDaysBeforeStart: number;
  /** The CAPF certificate ran out this many days before the lab starts (the seed's first check, F18). */
  capfExpiredDaysAgo?: number;
  /**
   * The phones' switch ports run 802.1X (monitor mode) against a RADIUS server whose EAP-TLS policy trusts
   * only this cluster's CAPF (domain.md §10).
   */
  dot1x?: { switch: { host: string; ip: string }; radius: { host: string; ip: string } };
  /**
   * A fleet: the lab grows to this many phones from the seed (`sim/fleet.ts` `withFleet`); phone 1 stays the
   * scenario's own first phone. The runner's `--phones N` sets it on any scenario.
   */
  fleet?: { phones: number };
}
