/**
 * The CAPF operations and settings of the phone page beyond the seed's Install/Upgrade with a null string:
 * Delete, Troubleshoot, the three Key Orders and their sizes, all four authentication modes, and a pending
 * operation that survives the phone's reboot (domain.md §2.1–2.3, §6.5).
 */
import { describe, expect, it } from 'vitest';
import { seedLab } from '../../src/content/scenarios/seed-lab';
import { describeCertificate } from '../../src/pki/parse';
import type { CapfForm } from '../../src/sim/actions';
import { capfFormOf } from '../../src/sim/faults';
import { LabWorld } from '../../src/sim/world';
import { pooledKeys } from '../helpers/key-pool';

const PHONE = 'SEP682C7B5C2342';
const START = Date.UTC(2026, 2, 16, 13, 0);

async function bootedLab(scenario = seedLab) {
  const world = await LabWorld.create({ scenario, seed: 5, start: START, keySource: pooledKeys });
  await world.runUntilSettled();
  return world;
}

async function operate(world: LabWorld, changes: Partial<CapfForm>) {
  const saved = await world.act({ type: 'cucm.phone.save', device: PHONE, capf: capfFormOf(world, PHONE, changes) });
  expect(saved.ok).toBe(true);
  await world.act({ type: 'cucm.phone.applyConfig', device: PHONE });
  await world.runUntilSettled();
}

const lscInfo = (world: LabWorld) => {
  const lsc = world.phoneContext(PHONE)!.flash.lsc;
  if (!lsc) return null;
  const info = describeCertificate(lsc.der);
  if (!info.ok) throw new Error(info.error);
  return info.value;
};

describe('CAPF operations', () => {
  it('Delete removes the LSC: the phone resets, shows Not Installed, CUCM shows Delete Success', async () => {
    const world = await bootedLab();
    await operate(world, { certificateOperation: 'Install/Upgrade', authenticationMode: 'By Null String' });
    expect(world.lsc(PHONE)).toBe('Installed');
    await operate(world, { certificateOperation: 'Delete', authenticationMode: 'By Null String' });
    expect(world.certificateOperationStatus(PHONE)).toBe('Delete Success');
    expect(world.lsc(PHONE)).toBe('Not Installed');
    expect(world.phoneContext(PHONE)!.flash.lsc).toBeNull();
    expect(world.env.db.phone(PHONE)!.lsc.status).toBe('Not Installed');
    expect(world.trace.packets.some((p) => p.summary === 'DELETE_CERTIFICATE_REQUEST')).toBe(true);
  });

  it('Troubleshoot fetches the LSC and the MIC into the CAPF trace and ends in Troubleshoot Success', async () => {
    const world = await bootedLab();
    await operate(world, { certificateOperation: 'Install/Upgrade', authenticationMode: 'By Null String' });
    await operate(world, { certificateOperation: 'Troubleshoot', authenticationMode: 'By Null String' });
    expect(world.certificateOperationStatus(PHONE)).toBe('Troubleshoot Success');
    const trace = world.env.log.text('capf-trace');
    // Subjects of the real forms (TAC 213407 for the LSC, 215014 for the MIC), printed last RDN first as CUCM's Java does.
    expect(trace).toMatch(/Fetched LSC \(CN=CP-8845-SEP682C7B5C2342, OU=TAC, O=Cisco Systems, C=US, serialNumber=PID:CP-8845 SN:FCH\w+\):\n-----BEGIN CERTIFICATE-----/);
    expect(trace).toMatch(/Fetched MIC \(CN=CP-8845-SEP682C7B5C2342, OU=CTG, O=Cisco Systems Inc\., serialNumber=PID:CP-8845 SN:FCH\w+\):\n-----BEGIN CERTIFICATE-----/);
    // Troubleshoot leaves the LSC where it is.
    expect(world.lsc(PHONE)).toBe('Installed');
  });

  it('Delete on a phone without an LSC fails: Delete Failed: Invalid LSC', async () => {
    const world = await bootedLab();
    await operate(world, { certificateOperation: 'Delete', authenticationMode: 'By Null String' });
    expect(world.certificateOperationStatus(PHONE)).toBe('Delete Failed: Invalid LSC');
  });
});

describe('Key Order and key sizes', () => {
  it.each([512, 1024, 3072] as const)('RSA Only with RSA Key Size %i gives an RSA LSC of that size', async (bits) => {
    const world = await bootedLab();
    await operate(world, { keyOrder: 'RSA Only', rsaKeySize: bits });
    expect(world.certificateOperationStatus(PHONE)).toBe('Upgrade Success');
    expect(lscInfo(world)!.publicKey).toMatchObject({ kind: 'RSA', bits });
  });

  it.each([
    [256, 'P-256'],
    [384, 'P-384'],
    [521, 'P-521'],
  ] as const)('EC Only with EC Key Size %i on a CAPF v3 phone gives an EC %s LSC', async (size, curve) => {
    const world = await bootedLab();
    await operate(world, { keyOrder: 'EC Only', ecKeySize: size });
    expect(world.certificateOperationStatus(PHONE)).toBe('Upgrade Success');
    expect(lscInfo(world)!.publicKey).toMatchObject({ kind: 'EC', curve });
    expect(world.trace.packets.some((p) => p.summary === `KEY_GENERATE_REQUEST EC ${curve}`)).toBe(true);
  });

  it('EC Preferred, RSA Backup on a CAPF v3 phone issues no LSC while "Endpoint Advanced Encryption Algorithm Support" is off (S7), and an EC LSC once it is on', async () => {
    const world = await bootedLab();
    await operate(world, { keyOrder: 'EC Preferred, RSA Backup', ecKeySize: 256 });
    expect(world.certificateOperationStatus(PHONE)).toBe('Upgrade Failed');
    expect(world.lsc(PHONE)).toBe('Not Installed');
    const params = world.env.db.enterpriseParameters;
    expect((await world.act({ type: 'cucm.enterpriseParameters.save', parameters: { ...params, endpointAdvancedEncryptionAlgorithmSupport: true } })).ok).toBe(true);
    await operate(world, { keyOrder: 'EC Preferred, RSA Backup', ecKeySize: 256 });
    expect(world.certificateOperationStatus(PHONE)).toBe('Upgrade Success');
    expect(lscInfo(world)!.publicKey).toMatchObject({ kind: 'EC', curve: 'P-256' });
  });

  it('EC Preferred, RSA Backup on a CAPF v2 phone (CP-7965) falls back to RSA', async () => {
    const world = await bootedLab({ ...seedLab, phones: [{ ...seedLab.phones[0], model: 'CP-7965' }] });
    await operate(world, { keyOrder: 'EC Preferred, RSA Backup', rsaKeySize: 1024 });
    expect(world.certificateOperationStatus(PHONE)).toBe('Upgrade Success');
    expect(lscInfo(world)!.publicKey).toMatchObject({ kind: 'RSA', bits: 1024 });
    // A 7965 is a 79xx: its trust list and configuration come over TFTP (UDP 69), its console has no date,
    // no Java and no dnsmasq (TAC 200860), and its MIC is from "Cisco Manufacturing CA" (domain.md §10).
    const packets = world.trace.packets.map((p) => `${p.to.host}:${p.to.port} ${p.protocol} ${p.summary}`);
    expect(packets).toContain('ao115sub:69 TFTP Read Request, File: ITLSEP682C7B5C2342.tlv, Transfer type: octet');
    expect(packets).toContain('ao115sub:69 TFTP Read Request, File: SEP682C7B5C2342.cnf.xml.sgn, Transfer type: octet');
    expect(packets.some((p) => p.includes(':6970 '))).toBe(false);
    expect(world.env.log.text('phone-status', PHONE)).toMatch(/\] SEP682C7B5C2342\.cnf\.xml\.sgn\(TFTP\)$/m);
    const console = world.env.log.text('phone-console', PHONE);
    expect(console).toMatch(/^\d{4} NOT \d\d:\d\d:\d\d\.\d{6} SECD: RCAPF_START_MODE: Start CAPF - mode:\[1\]\(\[NULL_STR\]\)$/m);
    expect(console).not.toMatch(/JAVA|dnsmasq|SECUREAPP/);
    const mic = describeCertificate(world.phoneContext(PHONE)!.flash.mic!.der);
    expect(mic.ok && mic.value.issuer.find(([t]) => t === 'CN')?.[1]).toBe('Cisco Manufacturing CA');
  });
});

describe('what an older phone can generate', () => {
  it('a CP-7965 asked for RSA 4096 answers without a public key (no "3072/4096 RSA key size support", BAT Guide 14SU1): Key Generation Failed/Timeout', async () => {
    const world = await bootedLab({ ...seedLab, phones: [{ ...seedLab.phones[0], model: 'CP-7965' }] });
    const started = world.now;
    await operate(world, { keyOrder: 'RSA Only', rsaKeySize: 4096 });
    expect(world.certificateOperationStatus(PHONE)).toBe('Upgrade Failed: Key Generation Failed/Timeout');
    expect(world.env.log.text('phone-console', PHONE)).toContain('SECD: CAPFClnt: RSA 4096 keys are not supported on this phone');
    expect(world.trace.packets.some((p) => p.summary === 'KEY_GENERATE_RESPONSE INVALID_ELEMENT')).toBe(true);
    // It fails at once, not after CAPF's wait.
    expect(world.now - started).toBeLessThan(10 * 60 * 1000);
  });
});

describe('authentication modes', () => {
  it('By Authentication String: the phone waits until the string is entered on it, then installs', async () => {
    const world = await bootedLab();
    await operate(world, { authenticationMode: 'By Authentication String', authenticationString: '4711' });
    expect(world.stateOf(`phone/${PHONE}`)).toEqual({ on: { registered: 'awaitingAuthenticationString' } });
    expect(world.trace.packets.some((p) => p.to.port === 3804)).toBe(false);
    expect((await world.act({ type: 'phone.lsc.submit', device: PHONE, authenticationString: '4711' })).ok).toBe(true);
    await world.runUntilSettled();
    expect(world.certificateOperationStatus(PHONE)).toBe('Upgrade Success');
  });

  it('By Existing Certificate (precedence to LSC) with no LSC yet authenticates with the MIC; the next upgrade uses the LSC', async () => {
    const world = await bootedLab();
    await operate(world, { authenticationMode: 'By Existing Certificate (precedence to LSC)' });
    expect(world.certificateOperationStatus(PHONE)).toBe('Upgrade Success');
    expect(world.env.log.text('capf-trace')).toMatch(/MIC CP-8845-SEP682C7B5C2342 issued by Cisco Manufacturing CA SHA2 verified/);
    const first = lscInfo(world)!;
    await operate(world, { authenticationMode: 'By Existing Certificate (precedence to LSC)' });
    expect(world.certificateOperationStatus(PHONE)).toBe('Upgrade Success');
    expect(world.env.log.text('capf-trace')).toMatch(/LSC CP-8845-SEP682C7B5C2342 issued by CAPF-7f0ae8d7 verified/);
    expect(lscInfo(world)!.serialNumber).not.toEqual(first.serialNumber);
  });

  it('By Existing Certificate (precedence to MIC) authenticates with the MIC even when an LSC exists', async () => {
    const world = await bootedLab();
    await operate(world, { authenticationMode: 'By Null String' });
    await operate(world, { authenticationMode: 'By Existing Certificate (precedence to MIC)' });
    expect(world.certificateOperationStatus(PHONE)).toBe('Upgrade Success');
    expect(world.trace.packets.filter((p) => /AUTH_RESPONSE .* with MIC/.test(p.summary))).toHaveLength(1);
    // AUTH_REQUEST announces each session's configured mode: 2 no password, then 4 MIC (codes as <capfAuthMode>).
    const announced = world.trace.packets.filter((p) => p.protocol === 'CAPF' && p.summary.startsWith('AUTH_REQUEST')).map((p) => p.detail!.AUTH_TYPE);
    expect(announced).toEqual(['2 (no password)', '4 (MIC)']);
  });
});

describe('a pending operation', () => {
  it('survives a reboot of the phone in the middle of key generation and completes afterwards', async () => {
    const world = await bootedLab();
    await world.act({ type: 'cucm.phone.save', device: PHONE, capf: capfFormOf(world, PHONE, { rsaKeySize: 2048 }) });
    await world.act({ type: 'cucm.phone.applyConfig', device: PHONE });
    // Run until the phone is generating its key, then pull the power.
    for (let i = 0; i < 200 && world.phoneContext(PHONE)!.capfActivity !== 'generating-keys'; i++) await world.run(1000);
    expect(world.phoneContext(PHONE)!.capfActivity).toBe('generating-keys');
    await world.act({ type: 'phone.power', device: PHONE, on: false });
    await world.run(5000);
    expect(world.certificateOperationStatus(PHONE)).toBe('Operation Pending');
    await world.act({ type: 'phone.power', device: PHONE, on: true });
    await world.runUntilSettled();
    expect(world.lsc(PHONE)).toBe('Installed');
    expect(world.certificateOperationStatus(PHONE)).toBe('Upgrade Success');
  });
});
