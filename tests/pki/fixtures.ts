/**
 * Shared test fixtures for the PKI tests: a lab on 15 March 2021 (the seed's date), keys generated once
 * per test file (RSA keygen is the slow part), and serial numbers from a counter instead of a PRNG.
 */
import { generateKeyPair, type KeySpec } from '../../src/pki/keys';
import { clusterSubject } from '../../src/pki/names';
import { createServiceCertificate } from '../../src/pki/certificates';

export const LAB_DAY = new Date('2021-03-15T14:00:00Z');
export const DAY_MS = 86_400_000;
export const daysAfter = (d: Date, days: number) => new Date(d.getTime() + days * DAY_MS);

let serialCounter = 0x40;
/** 16 positive bytes, distinct per call: 0x40 0x00 … n. */
export function nextSerial(): Uint8Array {
  const s = new Uint8Array(16);
  s[0] = serialCounter++ & 0x7f;
  s[15] = 1;
  return s;
}

const keyCache = new Map<string, Promise<CryptoKeyPair>>();
/** One key pair per spec and name within a test file. */
export function keysFor(spec: KeySpec, name = 'default'): Promise<CryptoKeyPair> {
  const id = `${spec.kind}-${spec.kind === 'RSA' ? spec.bits : spec.curve}-${name}`;
  let keys = keyCache.get(id);
  if (!keys) {
    keys = generateKeyPair(spec);
    keyCache.set(id, keys);
  }
  return keys;
}

export const RSA2048: KeySpec = { kind: 'RSA', bits: 2048 };

/** A self-signed CAPF certificate as a fresh CUCM publisher has it (five years, RSA 2048). */
export async function makeCapf(name = 'CAPF-7f0ae8d7', keyName = name) {
  const keys = await keysFor(RSA2048, keyName);
  const certificate = await createServiceCertificate({
    profile: 'CAPF',
    subject: clusterSubject(name),
    keys,
    serialNumber: nextSerial(),
    notBefore: daysAfter(LAB_DAY, -100),
    notAfter: daysAfter(LAB_DAY, 1725),
  });
  return { keys, certificate };
}
