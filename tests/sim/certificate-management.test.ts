/**
 * Cisco Unified OS Administration > Security > Certificate Management, and the Offline CA path: a CA-signed
 * CAPF certificate made with the lab's third-party CA, and LSCs signed offline (domain.md §2.6, §3).
 */
import { describe, expect, it } from 'vitest';
import { seedLab } from '../../src/content/scenarios/seed-lab';
import { describeCertificate } from '../../src/pki/parse';
import { commonName } from '../../src/pki/names';
import { capfFormOf } from '../../src/sim/faults';
import { LabWorld } from '../../src/sim/world';
import { pooledKeys } from '../helpers/key-pool';
import { openssl, pem } from '../helpers/openssl';

const PHONE = 'SEP682C7B5C2342';

async function lab() {
  const world = await LabWorld.create({ scenario: seedLab, seed: 31, start: Date.UTC(2026, 2, 16, 13), keySource: pooledKeys });
  await world.runUntilSettled();
  return world;
}

async function enrol(world: LabWorld) {
  await world.act({ type: 'cucm.phone.save', device: PHONE, capf: capfFormOf(world, PHONE) });
  await world.act({ type: 'cucm.phone.applyConfig', device: PHONE });
  await world.runUntilSettled();
}

describe('Certificate Management', () => {
  it('Regenerate gives the CAPF certificate a new key and serial with the same CN, keeps the old one in CAPF-trust, and resets the phones (CSCue55353)', async () => {
    const world = await lab();
    const old = world.env.certs.identity('ao115pub', 'CAPF')!;
    const r = await world.act({ type: 'os.certificate.regenerate', node: 'ao115pub', purpose: 'CAPF' });
    expect(r).toMatchObject({ ok: true, output: 'Success: Certificate Regenerated' });
    const fresh = world.env.certs.identity('ao115pub', 'CAPF')!;
    expect(commonName(fresh.info.subject)).toBe('CAPF-7f0ae8d7');
    expect(fresh.info.serialNumber).not.toEqual(old.info.serialNumber);
    expect(fresh.info.spki).not.toEqual(old.info.spki);
    const trusted = world.env.certs.trust('ao115pub', 'CAPF-trust').map((t) => t.der);
    expect(trusted).toContainEqual(old.der);
    expect(trusted).toContainEqual(fresh.der);
    expect(world.trace.packets.some((p) => p.protocol === 'SIP' && p.summary.includes('Event: service-control, action=reset'))).toBe(true);
  });

  it('Regenerate with CAPF stopped does not reset the phones', async () => {
    const world = await lab();
    await world.act({ type: 'serviceability.stop', node: 'ao115pub', service: 'capf' });
    await world.act({ type: 'os.certificate.regenerate', node: 'ao115pub', purpose: 'CAPF' });
    expect(world.trace.packets.some((p) => p.protocol === 'SIP')).toBe(false);
  });

  it('a malformed upload is refused with a message and changes nothing', async () => {
    const world = await lab();
    const before = world.env.certs.all().length;
    for (const text of ['', 'hello', '-----BEGIN CERTIFICATE-----\n@@@@\n-----END CERTIFICATE-----', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----']) {
      const r = await world.act({ type: 'os.certificate.upload', node: 'ao115pub', purpose: 'CAPF-trust', pem: text });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error).toMatch(/^Upload failed: /);
    }
    expect(world.env.certs.all().length).toBe(before);
  });

  it('the CA-signed CAPF round trip: Generate CSR, the lab CA signs it, its root goes to CAPF-trust, the certificate is uploaded — and new LSCs chain to the CA root', async () => {
    const world = await lab();
    const csr = await world.act({ type: 'os.certificate.generateCsr', node: 'ao115pub', purpose: 'CAPF' });
    expect(csr.ok && csr.output).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----/);
    expect(openssl(['req', '-in', 'csr.pem', '-noout', '-verify'], { 'csr.pem': csr.ok ? csr.output! : '' }).output).toContain('verify OK');
    const signed = await world.act({ type: 'lab.ca.sign', csr: csr.ok ? csr.output! : '' });
    expect(signed.ok).toBe(true);
    const [certificatePem, caPem] = (signed.ok ? signed.output! : '').split(/(?<=-----END CERTIFICATE-----\n)/);
    // The certificate before its CA is trusted: CUCM refuses it.
    const early = await world.act({ type: 'os.certificate.upload', node: 'ao115pub', purpose: 'CAPF', pem: certificatePem });
    expect(early.ok).toBe(false);
    expect(!early.ok && early.error).toContain('CAPF-trust');
    expect((await world.act({ type: 'os.certificate.upload', node: 'ao115pub', purpose: 'CAPF-trust', pem: caPem, description: 'LSC Lab Issuing CA' })).ok).toBe(true);
    const up = await world.act({ type: 'os.certificate.upload', node: 'ao115pub', purpose: 'CAPF', pem: certificatePem });
    expect(up.ok).toBe(true);
    const capf = world.env.certs.identity('ao115pub', 'CAPF')!;
    expect(capf.type).toBe('CA-signed');
    expect(commonName(capf.info.issuer)).toBe('LSC Lab Issuing CA');
    // The ITLs must carry the new CAPF certificate before the phone can talk to it.
    for (const node of ['ao115pub', 'ao115sub']) await world.act({ type: 'serviceability.restart', node, service: 'tftp' });
    await world.runUntilSettled();
    await world.act({ type: 'cucm.phone.reset', device: PHONE });
    await world.runUntilSettled();
    await enrol(world);
    expect(world.lsc(PHONE)).toBe('Installed');
    const lsc = world.phoneContext(PHONE)!.flash.lsc!.der;
    const at = String(Math.floor(world.now / 1000));
    const v = openssl(['verify', '-attime', at, '-CAfile', 'root.pem', '-untrusted', 'capf.pem', 'lsc.pem'], { 'root.pem': caPem, 'capf.pem': pem(capf.der), 'lsc.pem': pem(lsc) });
    expect(v.output).toContain('lsc.pem: OK');
  });

  it('a CSR the lab CA does not sign (not CAPF-… nor SEP…) is refused with a reason', async () => {
    const world = await lab();
    const r = await world.act({ type: 'lab.ca.sign', csr: 'not a csr' });
    expect(r.ok).toBe(false);
  });
});

describe('Certificate Issuer to Endpoint: Offline CA', () => {
  it('CAPF keeps the phone\'s CSR instead of signing; the LSC signed by the lab CA and imported reaches the phone at its next session', async () => {
    const world = await lab();
    const params = world.env.db.capfParameters;
    expect((await world.act({ type: 'cucm.serviceParameters.save', capf: { ...params, certificateIssuerToEndpoint: 'Offline CA' } })).ok).toBe(true);
    await enrol(world);
    expect(world.certificateOperationStatus(PHONE)).toBe('Operation Pending');
    expect(world.lsc(PHONE)).toBe('Not Installed');
    // `utils capf csr list` arrives in 12.5(1) (tests/sim/release.test.ts); the 11.5 CLI dumps the file by name.
    const dump = await world.act({ type: 'cli', node: 'ao115pub', command: `utils capf csr dump ${PHONE}.csr` });
    const csrPem = dump.ok ? dump.output! : '';
    expect(csrPem).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----/);
    // Which request CUCM exports is not documented (domain.md §14.2); ours names the LSC-to-be and is signed by
    // CAPF, which never holds the phone's private key — so openssl's self-signature check must fail.
    const req = openssl(['req', '-in', 'csr.pem', '-noout', '-subject', '-nameopt', 'oneline', '-verify'], { 'csr.pem': csrPem });
    expect(req.output).toContain('self-signature verify failure');
    expect(req.output).toMatch(/subject=serialNumber = PID:CP-8845 SN:FCH\w+, C = US, O = Cisco Systems, OU = TAC, CN = CP-8845-SEP682C7B5C2342/);
    const signed = await world.act({ type: 'lab.ca.sign', csr: csrPem });
    const [lscPem, caPem] = (signed.ok ? signed.output! : '').split(/(?<=-----END CERTIFICATE-----\n)/);
    expect((await world.act({ type: 'capf.offline.import', device: 'SEP000000000001', pem: lscPem })).ok).toBe(false);
    expect((await world.act({ type: 'capf.offline.import', device: PHONE, pem: lscPem })).ok).toBe(true);
    await world.act({ type: 'cucm.phone.reset', device: PHONE });
    await world.runUntilSettled();
    expect(world.lsc(PHONE)).toBe('Installed');
    expect(world.certificateOperationStatus(PHONE)).toBe('Upgrade Success');
    const lsc = world.phoneContext(PHONE)!.flash.lsc!;
    const info = describeCertificate(lsc.der);
    expect(info.ok && commonName(info.value.issuer)).toBe('LSC Lab Issuing CA');
    expect(info.ok && commonName(info.value.subject)).toBe('CP-8845-SEP682C7B5C2342');
    const at = String(Math.floor(world.now / 1000));
    expect(openssl(['verify', '-attime', at, '-CAfile', 'ca.pem', 'lsc.pem'], { 'ca.pem': caPem, 'lsc.pem': pem(lsc.der) }).output).toContain('lsc.pem: OK');
  });
});
