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
  arrivesWith?: { itlFromOtherCluster?: boolean; lscFromOtherCluster?: boolean };
}

export interface Scenario {
  id: string;
  title: string;
  description: string;
  zone: TimeZoneRule;
  /** Local wall-clock time the lab starts at; `undefined` date = today (the learner's date), at `hour`. */
  start: { date?: { year: number; month: number; day: number }; hour: number };
  domain: string;
  /** CUCM release whose behaviour is modelled ("11.5" as in the seed: ITL signed by the TFTP node, SHA-1). */
  release: '11.5';
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
}
