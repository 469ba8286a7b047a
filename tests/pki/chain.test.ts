// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRootCa, createServiceCertificate, issueLsc, signCsrAsCa } from '../../src/pki/certificates';
import { isSignedBy, verifyChain } from '../../src/pki/chain';
import { createCsr } from '../../src/pki/csr';
import { clusterSubject } from '../../src/pki/names';
import { exportPublicKeySpki } from '../../src/pki/keys';
import { openssl, verifyCertificate } from '../helpers/openssl';
import { fromPem } from '../../src/pki/encode';
import { describeCertificate } from '../../src/pki/parse';
import { daysAfter, keysFor, LAB_DAY, makeCapf, nextSerial, RSA2048 } from './fixtures';

const DEVICE = 'SEP682C7B5C2342';

async function lscSignedBy(issuer: { keys: CryptoKeyPair; certificate: Uint8Array }, validityDays = 1825, deviceName = DEVICE) {
  const lsc = await issueLsc({
    subjectPublicKeyInfo: await exportPublicKeySpki((await keysFor(RSA2048, deviceName)).publicKey),
    issuerCertificate: issuer.certificate,
    issuerPrivateKey: issuer.keys.privateKey,
    phone: { model: 'CP-8845', deviceName, serialNumber: 'FCH2229A1B2' },
    serialNumber: nextSerial(),
    notBefore: LAB_DAY,
    validityDays,
  });
  if (!lsc.ok) throw new Error(lsc.error);
  return lsc.value;
}

describe('is this LSC trusted? — path validation at the simulator’s time', () => {
  it('an LSC verifies against the CAPF that issued it, and the CAPF signed it', async () => {
    const capf = await makeCapf();
    const lsc = await lscSignedBy(capf);
    expect(await verifyChain({ leaf: lsc, trusted: [capf.certificate], at: daysAfter(LAB_DAY, 10) })).toEqual({ ok: true });
    expect(await isSignedBy(lsc, capf.certificate)).toBe(true);
    expect(await isSignedBy(capf.certificate, capf.certificate)).toBe(true);
  });

  it('a one-year LSC has expired a year and a day later', async () => {
    const capf = await makeCapf();
    const lsc = await lscSignedBy(capf, 365);
    const at = daysAfter(LAB_DAY, 366);
    expect(await verifyChain({ leaf: lsc, trusted: [capf.certificate], at })).toEqual({
      ok: false,
      code: 'expired',
      reason: 'The certificate CP-8845-SEP682C7B5C2342 expired on 2022-03-15 14:00:00 UTC.',
    });
    // openssl agrees at the same instant
    expect(verifyCertificate({ ca: [capf.certificate], leaf: lsc, at }).output).toContain('certificate has expired');
  });

  it('before its notBefore the LSC is not yet valid', async () => {
    const capf = await makeCapf();
    const lsc = await lscSignedBy(capf);
    expect(await verifyChain({ leaf: lsc, trusted: [capf.certificate], at: daysAfter(LAB_DAY, -1) })).toEqual({
      ok: false,
      code: 'notYetValid',
      reason: 'The certificate CP-8845-SEP682C7B5C2342 is not valid before 2021-03-15 14:00:00 UTC.',
    });
  });

  it('an LSC still in date is rejected once the CAPF certificate that issued it has expired', async () => {
    const keys = await keysFor(RSA2048, 'short-capf');
    const shortCapf = await createServiceCertificate({
      profile: 'CAPF',
      subject: clusterSubject('CAPF-5h0r7'),
      keys,
      serialNumber: nextSerial(),
      notBefore: daysAfter(LAB_DAY, -10),
      notAfter: daysAfter(LAB_DAY, 30),
    });
    const lsc = await lscSignedBy({ keys, certificate: shortCapf }, 365);
    const verdict = await verifyChain({ leaf: lsc, trusted: [shortCapf], at: daysAfter(LAB_DAY, 60) });
    expect(verdict).toEqual({
      ok: false,
      code: 'expired',
      reason: 'The issuing certificate CAPF-5h0r7 expired on 2021-04-14 14:00:00 UTC.',
    });
  });

  it('an LSC from another cluster’s CAPF finds no path', async () => {
    const capf = await makeCapf();
    const other = await makeCapf('CAPF-0badc0de');
    const lsc = await lscSignedBy(capf);
    expect(await verifyChain({ leaf: lsc, trusted: [other.certificate], at: LAB_DAY })).toEqual({
      ok: false,
      code: 'untrusted',
      reason: 'No valid certificate paths found: no trusted certificate is named CAPF-7f0ae8d7, the issuer of CP-8845-SEP682C7B5C2342.',
    });
    expect(await isSignedBy(lsc, other.certificate)).toBe(false);
  });

  it('a certificate "issued" by an end-entity LSC is refused: the LSC is not a CA', async () => {
    const capf = await makeCapf();
    const phoneLsc = await lscSignedBy(capf);
    const phoneKeys = await keysFor(RSA2048, DEVICE);
    const forged = await lscSignedBy({ keys: phoneKeys, certificate: phoneLsc }, 30, 'SEP000000000001');
    const verdict = await verifyChain({ leaf: forged, trusted: [capf.certificate], intermediates: [phoneLsc], at: LAB_DAY });
    expect(verdict).toMatchObject({ ok: false, code: 'notCa' });
    if (!verdict.ok) expect(verdict.reason).toContain('The issuing certificate CP-8845-SEP682C7B5C2342 is not a CA certificate');
    expect(verifyCertificate({ ca: [capf.certificate], untrusted: [phoneLsc], leaf: forged, at: LAB_DAY }).status).not.toBe(0);
  });

  it('a certificate that is itself trusted needs no path (a pinned trust anchor)', async () => {
    const capf = await makeCapf();
    const lsc = await lscSignedBy(capf);
    expect(await verifyChain({ leaf: lsc, trusted: [lsc], at: LAB_DAY })).toEqual({ ok: true });
  });

  it('an LSC from a CA-signed CAPF needs that CAPF as an intermediate; without it the gap is named', async () => {
    const rootKeys = await keysFor(RSA2048, 'root');
    const root = await createRootCa({
      subject: [['CN', 'Lab Enterprise Root CA']],
      keys: rootKeys,
      serialNumber: nextSerial(),
      notBefore: daysAfter(LAB_DAY, -10),
      notAfter: daysAfter(LAB_DAY, 3650),
    });
    const capfKeys = await keysFor(RSA2048, 'capf-offline');
    const signed = await signCsrAsCa({
      csr: await createCsr({ subject: clusterSubject('CAPF-7f0ae8d7'), keys: capfKeys }),
      caCertificate: root,
      caPrivateKey: rootKeys.privateKey,
      serialNumber: nextSerial(),
      notBefore: daysAfter(LAB_DAY, -1),
      notAfter: daysAfter(LAB_DAY, 730),
      profile: 'CAPF',
    });
    if (!signed.ok) throw new Error(signed.error);
    const lsc = await lscSignedBy({ keys: capfKeys, certificate: signed.value });
    expect(await verifyChain({ leaf: lsc, trusted: [root], intermediates: [signed.value], at: LAB_DAY })).toEqual({ ok: true });
    expect(await verifyChain({ leaf: lsc, trusted: [root], at: LAB_DAY })).toEqual({
      ok: false,
      code: 'untrusted',
      reason: 'No valid certificate paths found: no trusted certificate is named CAPF-7f0ae8d7, the issuer of CP-8845-SEP682C7B5C2342.',
    });
  });

  it('no trust anchors at all is said plainly', async () => {
    const capf = await makeCapf();
    const verdict = await verifyChain({ leaf: capf.certificate, trusted: [], at: LAB_DAY });
    expect(verdict).toMatchObject({ ok: false, code: 'untrusted' });
  });

  it('a certificate with any single byte changed is no longer signed by its issuer — a property', async () => {
    // Regression: a corrupted outer length (asn1js 4 reads past it) and a retagged ECDSA signature
    // (pkijs ignores the SEQUENCE tag) used to leave the signature "valid" here while openssl refused it.
    const keys = await keysFor({ kind: 'EC', curve: 'P-384' }, 'ecdsa-node');
    const cert = await createServiceCertificate({
      profile: 'CallManager-ECDSA',
      subject: clusterSubject('ao115pub-EC'),
      keys,
      serialNumber: nextSerial(),
      notBefore: LAB_DAY,
      notAfter: daysAfter(LAB_DAY, 1825),
    });
    const signatureAt = [...cert.keys()].reverse().find((p) => cert[p] === 0x30 && cert[p + 1] === cert.length - p - 2) ?? 0;
    expect(await isSignedBy(cert, cert)).toBe(true);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: cert.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, delta) => {
        const changed = cert.slice();
        changed[at] = (changed[at] + delta) & 0xff;
        expect(await isSignedBy(changed, cert)).toBe(false);
      }),
      { numRuns: 400, examples: [[3, 0x97], [signatureAt, 0xe0], [signatureAt + 2, 0x08]] },
    );
  });

  it('unreadable input is a verdict, not an exception — a property over arbitrary bytes', async () => {
    const capf = await makeCapf();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (junk) => {
        expect(await verifyChain({ leaf: junk, trusted: [capf.certificate], at: LAB_DAY })).toMatchObject({ ok: false, code: 'unreadable' });
        expect(await verifyChain({ leaf: capf.certificate, trusted: [junk], at: LAB_DAY })).toMatchObject({ ok: false, code: 'unreadable' });
        expect(await isSignedBy(junk, capf.certificate)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

describe('certificates the lab did not make — a learner’s upload, checked as openssl checks it', () => {
  it('an RSA-PSS root from openssl and the EC leaf it issued form a path; a changed leaf does not', async () => {
    const pss = ['-sha256', '-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:32'];
    const key = openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']);
    expect(key.status).toBe(0);
    const root = openssl(['req', '-x509', '-key', 'root.key', '-subj', '/CN=Foreign PSS Root', '-days', '3650', ...pss,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], { 'root.key': key.stdout });
    expect(root.status).toBe(0);
    const rootDer = fromPem(root.stdout, 'CERTIFICATE');
    if (!rootDer.ok) throw new Error(rootDer.error);
    const leaf = openssl(['req', '-x509', '-CA', 'root.pem', '-CAkey', 'root.key', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', '/dev/null',
      '-subj', '/CN=foreign-leaf', '-days', '30', ...pss], { 'root.pem': root.stdout, 'root.key': key.stdout });
    expect(leaf.status).toBe(0);
    const leafDer = fromPem(leaf.stdout, 'CERTIFICATE');
    if (!leafDer.ok) throw new Error(leafDer.error);
    const info = describeCertificate(leafDer.value);
    if (!info.ok) throw new Error(info.error);
    const at = daysAfter(info.value.notBefore, 1);
    expect(verifyCertificate({ ca: [rootDer.value], leaf: leafDer.value, at }).status).toBe(0);
    expect(await verifyChain({ leaf: leafDer.value, trusted: [rootDer.value], at })).toEqual({ ok: true });
    expect(await isSignedBy(rootDer.value, rootDer.value)).toBe(true);
    const changed = leafDer.value.slice();
    changed[Buffer.from(changed).indexOf('foreign-leaf')] ^= 0x20; // the subject now reads "Foreign-leaf"
    expect(await isSignedBy(changed, rootDer.value)).toBe(false);
  });
});
