/**
 * Phone models the lab knows: what each supports (Security By Default, CAPF version, EC keys), how it
 * talks and logs, and how long it takes to do the slow things. Facts from domain.md §1 (SBD support:
 * 7940/7960 have none), §2.9 (CAPF v3 and EC keys; key generation runs at low priority and can take 30+
 * minutes on some models), §9.4 and §14.4 (console formats), §10 (MIC issuers). Durations are our model,
 * chosen so the seed's "the phone shows it is generating keys" is visible.
 *
 * Two generations behave differently:
 * - 88xx (and 78xx) run a Linux/Java firmware: console lines `<seq> <LVL> <Mon DD HH:MM:SS.ffffff> …` with
 *   dnsmasq, SECUREAPP and JAVA-configmgr sources, files over HTTP on TCP 6970 (the seed's
 *   "SEP….cnf.xml.sgn(HTTP)", TAC 213295/214535), MICs from "Cisco Manufacturing CA SHA2";
 * - 79xx print `<seq> <LVL> <HH:MM:SS.ffffff> SECD: …` — no date, no Java, no dnsmasq (TAC 200860) — fetch
 *   their files over TFTP on UDP 69, and carry MICs from "Cisco Manufacturing CA" (domain.md §10).
 */
import type { KeySpec } from '../../pki/keys';
import type { Random } from '../random';

/** The Cisco manufacturing CAs whose MICs the lab's phones carry (domain.md §10; CUCM trusts both). */
export const MANUFACTURING_CAS = ['Cisco Manufacturing CA SHA2', 'Cisco Manufacturing CA'] as const;
export type ManufacturingCaName = (typeof MANUFACTURING_CAS)[number];

export interface PhoneModel {
  /** Product id as the MIC and Find Phone show it: "CP-8845". */
  model: string;
  /** CUCM device type: "Cisco 8845". */
  deviceType: string;
  /** Supports Security By Default (ITL + TVS). */
  securityByDefault: boolean;
  /** CAPF protocol version the firmware speaks (3 adds EC keys). */
  capfVersion: 2 | 3;
  firmware: string;
  /** Console line format: the 88xx Linux/Java firmware's, or the older 79xx firmware's (see the module comment). */
  console: 'java' | 'legacy';
  /** How the phone fetches its trust list and configuration from TFTP: HTTP on TCP 6970, or TFTP on UDP 69. */
  fileTransport: 'HTTP' | 'TFTP';
  /** CN of the manufacturing CA that signed the phone's MIC at the factory (domain.md §10). */
  micIssuer: ManufacturingCaName;
  /** Menu path to the LSC field on this model (seed §5 for 79xx, S13 for 78xx/88xx). */
  lscMenuPath: readonly string[];
  /**
   * RSA key sizes the phone can generate. CUCM offers 512–4096 for every phone, but 3072/4096 need a model
   * with "3072/4096 RSA key size support" in the Phone Feature List (domain.md §2.1, BAT Guide 14SU1); the
   * 79xx are not among them.
   */
  rsaKeySizes: readonly number[];
  /** Seconds to generate an RSA-1024 key; larger keys scale with the cube of the size. */
  rsa1024KeygenSeconds: number;
  /** Seconds to generate a P-256 key. */
  ecKeygenSeconds: number;
  /** Power-on to network-up. */
  bootSeconds: number;
}

export const PHONE_MODELS: Record<string, PhoneModel> = {
  'CP-8845': {
    model: 'CP-8845',
    deviceType: 'Cisco 8845',
    securityByDefault: true,
    capfVersion: 3,
    firmware: 'sip88xx.12-8-1-0001-455',
    console: 'java',
    fileTransport: 'HTTP',
    micIssuer: 'Cisco Manufacturing CA SHA2',
    lscMenuPath: ['Applications', 'Admin Settings', 'Security Setup', 'LSC'],
    rsaKeySizes: [512, 1024, 2048, 3072, 4096],
    rsa1024KeygenSeconds: 4,
    ecKeygenSeconds: 1,
    bootSeconds: 45,
  },
  // The fleet's other Linux/Java models (issue 13: 8845, 8865, 7841, 7821). The 8865 is the 8845 with video
  // (same firmware family, same security features). That the 78xx speak CAPF version 3 (EC keys) like the
  // 88xx is our assumption: the Security Guide 12.5(1)SU6 "ECDSA Support for Common Criteria" names the
  // protocol, not the models. Firmware names follow the 88xx pattern; the versions are ours.
  'CP-8865': {
    model: 'CP-8865',
    deviceType: 'Cisco 8865',
    securityByDefault: true,
    capfVersion: 3,
    firmware: 'sip8845_65.12-8-1-0001-455',
    console: 'java',
    fileTransport: 'HTTP',
    micIssuer: 'Cisco Manufacturing CA SHA2',
    lscMenuPath: ['Applications', 'Admin Settings', 'Security Setup', 'LSC'],
    rsaKeySizes: [512, 1024, 2048, 3072, 4096],
    rsa1024KeygenSeconds: 4,
    ecKeygenSeconds: 1,
    bootSeconds: 50,
  },
  'CP-7841': {
    model: 'CP-7841',
    deviceType: 'Cisco 7841',
    securityByDefault: true,
    capfVersion: 3,
    firmware: 'sip78xx.12-8-1-0001-455',
    console: 'java',
    fileTransport: 'HTTP',
    micIssuer: 'Cisco Manufacturing CA SHA2',
    lscMenuPath: ['Applications', 'Admin Settings', 'Security Setup', 'LSC'],
    rsaKeySizes: [512, 1024, 2048],
    rsa1024KeygenSeconds: 6,
    ecKeygenSeconds: 2,
    bootSeconds: 40,
  },
  'CP-7821': {
    model: 'CP-7821',
    deviceType: 'Cisco 7821',
    securityByDefault: true,
    capfVersion: 3,
    firmware: 'sip78xx.12-8-1-0001-455',
    console: 'java',
    fileTransport: 'HTTP',
    micIssuer: 'Cisco Manufacturing CA SHA2',
    lscMenuPath: ['Applications', 'Admin Settings', 'Security Setup', 'LSC'],
    rsaKeySizes: [512, 1024, 2048],
    rsa1024KeygenSeconds: 6,
    ecKeygenSeconds: 2,
    bootSeconds: 40,
  },
  'CP-7965': {
    model: 'CP-7965',
    deviceType: 'Cisco 7965',
    securityByDefault: true,
    capfVersion: 2,
    firmware: 'SCCP45.9-4-2SR3-1S',
    console: 'legacy',
    fileTransport: 'TFTP',
    micIssuer: 'Cisco Manufacturing CA',
    lscMenuPath: ['Settings', 'Security Configuration', 'LSC'],
    rsaKeySizes: [512, 1024, 2048],
    // Low-priority key generation on an old CPU "can take up to 30 or more minutes" (System Configuration
    // Guide 12.5, "Configure CAPF"): 5 minutes for RSA-1024, 40 for RSA-2048 in the lab — longer than CAPF waits.
    rsa1024KeygenSeconds: 300,
    ecKeygenSeconds: 30,
    bootSeconds: 60,
  },
  'CP-7960': {
    model: 'CP-7960',
    deviceType: 'Cisco 7960',
    securityByDefault: false,
    capfVersion: 2,
    firmware: 'P0030801SR02',
    console: 'legacy',
    fileTransport: 'TFTP',
    micIssuer: 'Cisco Manufacturing CA',
    lscMenuPath: ['Settings', 'Security Configuration', 'LSC'],
    rsaKeySizes: [512, 1024, 2048],
    rsa1024KeygenSeconds: 300,
    ecKeygenSeconds: 120,
    bootSeconds: 60,
  },
};

/** The model behind a CUCM device type ("Cisco 8845" → CP-8845): CAPF knows a phone by its device record. */
export function modelOfDeviceType(deviceType: string): PhoneModel | undefined {
  return Object.values(PHONE_MODELS).find((m) => m.deviceType === deviceType);
}

export function keyGenerationMs(model: PhoneModel, spec: KeySpec): number {
  if (spec.kind === 'EC') {
    const factor = spec.curve === 'P-256' ? 1 : spec.curve === 'P-384' ? 2 : 4;
    return Math.round(model.ecKeygenSeconds * factor * 1000);
  }
  return Math.round(model.rsa1024KeygenSeconds * (spec.bits / 1024) ** 3 * 1000);
}

const SERIAL_CHARS = '0123456789ABCDEFGHIJKLMNPQRSTUVWXYZ';

/**
 * A plausible Cisco serial number for a phone made at `manufacturedAt`, in the 11-character form of the ones
 * quoted in TAC 213407 and 215014 (`FCH18198CNQ`, `FCH2133E8B9`): a 3-letter plant code, the year of
 * manufacture counted from 1996, the week of the year, and 4 characters. Which plant made the lab's phones is
 * not known; the quoted phones come from "FCH", so the lab's do too. Seeded, like every other random fact.
 */
export function ciscoSerialNumber(random: Random, manufacturedAt: number): string {
  const made = new Date(manufacturedAt);
  const year = made.getUTCFullYear() - 1996;
  const week = Math.min(52, Math.floor((made.getTime() - Date.UTC(made.getUTCFullYear(), 0, 1)) / (7 * 86400000)) + 1);
  const tail = Array.from({ length: 4 }, () => SERIAL_CHARS[random.int(0, SERIAL_CHARS.length - 1)]).join('');
  return `FCH${String(year).padStart(2, '0')}${String(week).padStart(2, '0')}${tail}`;
}
