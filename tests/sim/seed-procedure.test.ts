/**
 * The seed article's procedure (TAC 213295, "Configure LSC on IP Phones with CUCM"), step by step, on the
 * headless lab: what an engineer checks and sees at each step.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedLab } from '../../src/content/scenarios/seed-lab';
import { certificateFileData } from '../../src/pki/details';
import { describeCertificate } from '../../src/pki/parse';
import { formatCucmName } from '../../src/pki/names';
import { LabWorld } from '../../src/sim/world';
import { javaDateString, operationCompletesByString } from '../../src/sim/time';
import { lscField } from '../../src/sim/phone/phone.machine';
import { openssl, pem } from '../helpers/openssl';
import { pooledKeys } from '../helpers/key-pool';

const PHONE = 'SEP682C7B5C2342';
// A fixed start keeps the test independent of the day it runs; the runner's default is "today".
const START = Date.UTC(2026, 2, 16, 15, 0); // 11:00 EDT, the seed's day-of-week and hour aside

describe('installing an LSC on the CP-8845 with a null string, as in the seed article', () => {
  let world: LabWorld;
  const lscFieldHistory: string[] = [];

  beforeAll(async () => {
    world = await LabWorld.create({ scenario: seedLab, seed: 213295, start: START, keySource: pooledKeys });
    // What the phone shows: its LSC field, and the moment it generates keys.
    let shown = '';
    world.actor(`phone/${PHONE}`)!.subscribe((s) => {
      const now = s.context.capfActivity === 'generating-keys' ? 'generating keys' : lscField(s.context);
      if (now !== shown) lscFieldHistory.push((shown = now));
    });
    const booted = await world.runUntilSettled();
    expect(booted.settled).toBe(true);
  });

  it('the CAPF certificate in Certificate Management is valid well past today (Certificate File Data)', () => {
    const capf = world.env.certs.identity('ao115pub', 'CAPF')!;
    const text = certificateFileData(capf.der, (d) => javaDateString(d.getTime(), world.env.zone), { extensions: false, signature: false });
    expect(text.ok).toBe(true);
    if (!text.ok) return;
    expect(text.value).toContain('Signature Algorithm: SHA256withRSA (1.2.840.113549.1.1.11)');
    expect(text.value).toContain('Issuer Name: L=Boxborough, ST=MA, CN=CAPF-7f0ae8d7, OU=TAC, O=Cisco Systems, C=US');
    expect(text.value).toMatch(/Validity From: \w{3} \w{3} \d\d \d\d:\d\d:\d\d E[SD]T 2025/);
    expect(capf.info.notAfter.getTime()).toBeGreaterThan(world.now + 3 * 365 * 86400000);
  });

  it('show itl on every TFTP server has an ITL record with FUNCTION CAPF and verifies', async () => {
    for (const node of ['ao115pub', 'ao115sub']) {
      const result = await world.act({ type: 'cli', node, command: 'show itl' });
      expect(result.ok).toBe(true);
      const output = result.ok ? result.output! : '';
      expect(output).toMatch(/4\s+FUNCTION\s+2\s+CAPF/);
      expect(output).toMatch(/3\s+SUBJECTNAME\s+64\s+CN=CAPF-7f0ae8d7;OU=TAC;O=Cisco Systems;L=Boxborough;ST=MA;C=US/);
      expect(output).toMatch(/1\s+RECORDLENGTH\s+2\s+727/);
      expect(output).toContain(`CN=ITLRECOVERY_ao115pub`);
      expect(output).toContain('This etoken was used to sign the ITL file.');
      expect(output).toContain('This etoken was not used to sign the ITL file.');
      expect(output.trimEnd().endsWith('The ITL file was verified successfully.')).toBe(true);
    }
  });

  it('the phone console shows its downloads as TAC 214535 does: the signed configuration approved before the transfer, then complete', () => {
    const lines = world.env.log.text('phone-console', PHONE).split('\n');
    const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
    // downd-GETXXTP [GT339][src=SEP….cnf.xml][dest=…cnf.xml.59075][serv=][serv6=][sec=2]
    const get = at(/\) downd-GETXXTP \[GT\d+\]\[src=SEP682C7B5C2342\.cnf\.xml\]\[dest=\/tmp\/SEP682C7B5C2342\.cnf\.xml\.\d{5}\]\[serv=\]\[serv6=\]\[sec=2\]$/);
    expect(get).toBeGreaterThan(0);
    expect(lines[get + 1]).toMatch(/\) downd-XXTP Secure file requested$/);
    expect(lines[get + 2]).toMatch(/\) downd-XXTP authenticated file approved - add \.sgn if necessary -- SEP682C7B5C2342\.cnf\.xml\.sgn$/);
    expect(lines[get + 3]).toMatch(/\) GHTTP-hdr->HTTP\/1\.1 200 OK$/);
    expect(lines[get + 4]).toMatch(/\) XXTP complete - status = 100$/);
    expect(at(/downd-GETXXTP \[GT\d+\]\[src=ITLSEP682C7B5C2342\.tlv\]\[dest=\/tmp\/ITLFile\.tlv\]/)).toBeGreaterThan(0);
  });

  it('the phone has no LSC yet, and holds the ITL of its TFTP server ao115sub', () => {
    expect(world.lsc(PHONE)).toBe('Not Installed');
    const phone = world.phoneContext(PHONE)!;
    expect(phone.flash.itl).toEqual(world.servedItl('ao115sub')!.bytes);
    expect(world.env.log.text('phone-status', PHONE)).toContain('ITL installed');
  });

  it('CAPF Information: Install/Upgrade, By Null String, defaults, Operation Completes By two hours ahead; Save shows Operation Pending', async () => {
    const record = world.env.db.phone(PHONE)!;
    expect(record.capf.keyOrder).toBe('RSA Only');
    expect(record.capf.rsaKeySize).toBe(2048);
    const saved = await world.act({
      type: 'cucm.phone.save',
      device: PHONE,
      capf: {
        certificateOperation: 'Install/Upgrade',
        authenticationMode: 'By Null String',
        keyOrder: record.capf.keyOrder,
        rsaKeySize: record.capf.rsaKeySize,
        ecKeySize: record.capf.ecKeySize,
        operationCompletesBy: operationCompletesByString(world.now + 2 * 3600000, world.env.zone),
      },
    });
    expect(saved).toEqual({ ok: true, warning: undefined });
    expect(world.certificateOperationStatus(PHONE)).toBe('Operation Pending');
  });

  it('Apply Config: the LSC field goes Pending, the phone generates keys, resets, and shows Installed; CUCM shows Upgrade Success', async () => {
    expect((await world.act({ type: 'cucm.phone.applyConfig', device: PHONE })).ok).toBe(true);
    const run = await world.runUntilSettled();
    expect(run.settled).toBe(true);
    expect(lscFieldHistory).toEqual(['Not Installed', 'Pending', 'generating keys', 'Pending', 'Installed']);
    expect(world.lsc(PHONE)).toBe('Installed');
    expect(world.certificateOperationStatus(PHONE)).toBe('Upgrade Success');
    expect(world.env.db.phone(PHONE)!.capf.certificateOperation).toBe('No Pending Operation');
    const status = world.env.log.text('phone-status', PHONE);
    expect(status).toMatch(/\[\d\d:\d\d:\d\d \d\d\/\d\d\/\d\d\] SEP682C7B5C2342\.cnf\.xml\.sgn\(HTTP\)/);
    expect(status).toContain('LSC: Installed');
    expect(status).not.toContain('LSC: Connection failed');
    // The CAPF trace shows the session from connection to success.
    const trace = world.env.log.text('capf-trace');
    expect(trace).toMatch(/Incoming Connection from IP: 10\.122\.138\.150/);
    expect(trace).toContain('Sending KEY_GEN_REQ to phone: RSA 2048');
    expect(trace).toContain('Certificate Operation Status: Upgrade Success');
  });

  it('Apply Config reached the phone as NOTIFY with Event: service-control and a text/plain body action=… (TAC 217294)', () => {
    const notify = world.trace.packets.find((p) => p.protocol === 'SIP')!;
    expect(notify.summary).toBe('Request: NOTIFY sip:SEP682C7B5C2342@10.122.138.150:5060 (Event: service-control, action=apply-config)');
    const text = new TextDecoder().decode(notify.bytes);
    expect(text).toMatch(/^NOTIFY sip:SEP682C7B5C2342@10\.122\.138\.150:5060 SIP\/2\.0\r\n/);
    expect(text).toContain('\r\nEvent: service-control\r\n');
    expect(text).toContain('\r\nContent-Type: text/plain\r\n');
    expect(text).toContain('\r\nUser-Agent: Cisco-CUCM11.5\r\n');
    expect(text.endsWith('\r\n\r\naction=apply-config\r\n')).toBe(true);
    expect(text).not.toContain('check-sync');
  });

  it('on the wire: AUTH_REQUEST announces the null string, the phone says REQUEST_IN_PROGRESS, then sends its bare public key', () => {
    const capf = world.trace.packets.filter((p) => p.protocol === 'CAPF');
    const commands = capf.map((p) => p.summary.split(' ')[0]);
    expect(commands).toEqual(['AUTH_REQUEST', 'AUTH_RESPONSE', 'KEY_GENERATE_REQUEST', 'REQUEST_IN_PROGRESS', 'KEY_GENERATE_RESPONSE', 'STORE_CERTIFICATE_REQUEST', 'STORE_CERTIFICATE_RESPONSE', 'END_SESSION']);
    // AUTH_TYPE 2 = no password, the configured By Null String (codes as <capfAuthMode>, domain.md §2.3, §6.4).
    const auth = capf[0];
    expect(auth.detail).toMatchObject({ VERSION: '3', AUTH_TYPE: '2 (no password)' });
    // KEY_GENERATE_RESPONSE: PUBLIC_KEY (element 0x09) is a DER SubjectPublicKeyInfo, 0x0126 = 294 bytes for
    // RSA-2048 as in Jabber4Linux's trace (domain.md §14.2) — not a PKCS#10 request.
    const key = capf.find((p) => p.summary.startsWith('KEY_GENERATE_RESPONSE'))!;
    expect(key.summary).toBe('KEY_GENERATE_RESPONSE PUBLIC_KEY (RSA 2048, 294-byte SubjectPublicKeyInfo)');
    expect(key.detail).toMatchObject({ PUBLIC_KEY: 'SubjectPublicKeyInfo (RSA 2048, 294-byte SubjectPublicKeyInfo)' });
    const bytes = key.bytes!;
    const at = bytes.indexOf(0x09, 8 + 4); // after the header and the REASON element
    expect(Array.from(bytes.subarray(at, at + 3))).toEqual([0x09, 0x01, 0x26]);
    const spki = bytes.subarray(at + 3, at + 3 + 294);
    const parsed = openssl(['pkey', '-pubin', '-inform', 'DER', '-in', 'key.der', '-noout', '-text'], { 'key.der': spki });
    expect(parsed.output).toContain('Public-Key: (2048 bit)');
  });

  it('the installed LSC: CN = CP-8845-SEP682C7B5C2342 with the serialNumber attribute, issued by the CAPF certificate, SHA-256, RSA 2048 — and openssl verifies it against CAPF.pem', () => {
    const lsc = world.phoneContext(PHONE)!.flash.lsc!;
    const info = describeCertificate(lsc.der);
    expect(info.ok).toBe(true);
    if (!info.ok) return;
    // A real CUCM LSC (TAC 213407): serialNumber=PID:CP-8861 SN:FCH18198CNQ, C, O, OU of the CAPF, CN=CP-8861-SEP…; no ST/L.
    const serial = world.env.scenario.phones[0].serialNumber!;
    expect(serial).toMatch(/^FCH\d{4}[0-9A-Z]{4}$/);
    expect(info.value.subject).toEqual([
      ['serialNumber', `PID:CP-8845 SN:${serial}`],
      ['C', 'US'],
      ['O', 'Cisco Systems'],
      ['OU', 'TAC'],
      ['CN', 'CP-8845-SEP682C7B5C2342'],
    ]);
    expect(formatCucmName(info.value.issuer)).toBe('L=Boxborough, ST=MA, CN=CAPF-7f0ae8d7, OU=TAC, O=Cisco Systems, C=US');
    expect(info.value.signatureAlgorithmName).toBe('SHA256withRSA');
    expect(info.value.publicKey).toMatchObject({ kind: 'RSA', bits: 2048 });
    const days = (info.value.notAfter.getTime() - info.value.notBefore.getTime()) / 86400000;
    expect(days).toBe(world.env.db.capfParameters.durationOfCertificateValidity);
    const capf = world.env.certs.identity('ao115pub', 'CAPF')!;
    const at = String(Math.floor(world.now / 1000));
    const ok = openssl(['verify', '-attime', at, '-CAfile', 'CAPF.pem', 'LSC.pem'], { 'CAPF.pem': pem(capf.der), 'LSC.pem': pem(lsc.der) });
    expect(ok.output).toContain('LSC.pem: OK');
    // And an LSC is not something the manufacturing CA vouches for.
    const wrong = openssl(['verify', '-attime', at, '-CAfile', 'ca.pem', 'LSC.pem'], { 'ca.pem': pem(world.installed.manufacturingCa.der), 'LSC.pem': pem(lsc.der) });
    expect(wrong.status).not.toBe(0);
  });
});
