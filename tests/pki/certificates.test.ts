// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  createManufacturingCa,
  createMic,
  createRootCa,
  createServiceCertificate,
  issueLsc,
  issueLscFromRequest,
  lscSubject,
  signCsrAsCa,
} from '../../src/pki/certificates';
import { createCsr, createRequestForPublicKey } from '../../src/pki/csr';
import { describeCertificate } from '../../src/pki/parse';
import { clusterSubject } from '../../src/pki/names';
import { verifyChain } from '../../src/pki/chain';
import { exportPublicKeySpki, type KeySpec } from '../../src/pki/keys';
import { asn1parse, openssl, pem, verifyCertificate, x509Text } from '../helpers/openssl';
import { daysAfter, DAY_MS, keysFor, LAB_DAY, makeCapf, nextSerial, RSA2048 } from './fixtures';

const DEVICE = 'SEP682C7B5C2342';
/** The seed's CP-8845, with a serial number of the real form (TAC 213407, 215014). */
const PHONE = { model: 'CP-8845', deviceName: DEVICE, serialNumber: 'FCH2229A1B2' };
const SOON = daysAfter(LAB_DAY, 1);
const SEED_CAPF_DN = 'C = US, O = Cisco Systems, OU = TAC, CN = CAPF-7f0ae8d7, ST = MA, L = Boxborough';

/** The block openssl prints under one extension header, e.g. "X509v3 Key Usage: critical". */
function extension(text: string, header: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.trim().startsWith(header));
  if (i < 0) return '';
  return `${lines[i].trim()}\n${lines[i + 1].trim()}`;
}

/** What the phone sends in KEY_GENERATE_RESPONSE: its public key as a bare DER SubjectPublicKeyInfo (domain.md §14.2). */
async function phoneKey(spec: KeySpec, name = 'phone') {
  const keys = await keysFor(spec, name);
  return exportPublicKeySpki(keys.publicKey);
}

async function lscFrom(capf: { keys: CryptoKeyPair; certificate: Uint8Array }, subjectPublicKeyInfo: Uint8Array, validityDays = 1825) {
  const issued = await issueLsc({
    subjectPublicKeyInfo,
    issuerCertificate: capf.certificate,
    issuerPrivateKey: capf.keys.privateKey,
    phone: PHONE,
    serialNumber: nextSerial(),
    notBefore: LAB_DAY,
    validityDays,
  });
  if (!issued.ok) throw new Error(issued.error);
  return issued.value;
}

describe('the self-signed certificates a CUCM node generates, as openssl reads them', () => {
  it('CAPF: one attribute per RDN in the seed order, SHA-256, CA:TRUE pathlen:0, the CAPF key usages', async () => {
    const capf = await makeCapf();
    const text = x509Text(capf.certificate);
    expect(text).toContain('Version: 3 (0x2)');
    expect(text).toContain(`Issuer: ${SEED_CAPF_DN}\n`);
    expect(text).toContain(`Subject: ${SEED_CAPF_DN}\n`);
    expect(text).not.toContain(' + ');
    expect(text).toContain('Signature Algorithm: sha256WithRSAEncryption');
    expect(text).toContain('Public-Key: (2048 bit)');
    expect(extension(text, 'X509v3 Basic Constraints')).toBe('X509v3 Basic Constraints: critical\nCA:TRUE, pathlen:0');
    expect(extension(text, 'X509v3 Key Usage')).toBe('X509v3 Key Usage: critical\nDigital Signature, Key Encipherment, Certificate Sign');
    expect(extension(text, 'X509v3 Extended Key Usage')).toBe(
      'X509v3 Extended Key Usage:\nTLS Web Server Authentication, TLS Web Client Authentication',
    );
    expect(text).toContain('X509v3 Subject Key Identifier');
    expect(text).toContain('X509v3 Authority Key Identifier');
    expect(verifyCertificate({ ca: [capf.certificate], leaf: capf.certificate, at: SOON }).output).toContain('leaf.pem: OK');
  });

  it('CallManager and TVS: the five key usages and three EKUs CUCM prints for its own certificates', async () => {
    const keys = await keysFor(RSA2048, 'node');
    for (const profile of ['CallManager', 'TVS'] as const) {
      const der = await createServiceCertificate({
        profile,
        subject: clusterSubject('ao115pub'),
        keys,
        serialNumber: nextSerial(),
        notBefore: LAB_DAY,
        notAfter: daysAfter(LAB_DAY, 1825),
      });
      const text = x509Text(der);
      expect(text).toContain('Subject: C = US, O = Cisco Systems, OU = TAC, CN = ao115pub, ST = MA, L = Boxborough\n');
      expect(text).toContain('Signature Algorithm: sha256WithRSAEncryption');
      expect(extension(text, 'X509v3 Basic Constraints')).toBe('X509v3 Basic Constraints: critical\nCA:TRUE');
      expect(extension(text, 'X509v3 Key Usage')).toBe(
        'X509v3 Key Usage:\nDigital Signature, Key Encipherment, Data Encipherment, Key Agreement, Certificate Sign',
      );
      expect(extension(text, 'X509v3 Extended Key Usage')).toBe(
        'X509v3 Extended Key Usage:\nTLS Web Server Authentication, TLS Web Client Authentication, IPSec End System',
      );
    }
  });

  it('CallManager-ECDSA: an EC key signs with the hash of its curve, encipherment bits dropped', async () => {
    for (const [curve, algorithm] of [
      ['P-256', 'ecdsa-with-SHA256'],
      ['P-384', 'ecdsa-with-SHA384'],
    ] as const) {
      const der = await createServiceCertificate({
        profile: 'CallManager-ECDSA',
        subject: clusterSubject('ao115pub-EC'),
        keys: await keysFor({ kind: 'EC', curve }, 'node'),
        serialNumber: nextSerial(),
        notBefore: LAB_DAY,
        notAfter: daysAfter(LAB_DAY, 1825),
      });
      const text = x509Text(der);
      expect(text).toContain(`Signature Algorithm: ${algorithm}`);
      expect(text).toContain(`NIST CURVE: ${curve}`);
      expect(extension(text, 'X509v3 Key Usage')).toBe('X509v3 Key Usage:\nDigital Signature, Key Agreement, Certificate Sign');
      expect(verifyCertificate({ ca: [der], leaf: der, at: SOON }).output).toContain('leaf.pem: OK');
    }
  });

  it('CallManager-ECDSA with an RSA key is a programming error', async () => {
    await expect(
      createServiceCertificate({
        profile: 'CallManager-ECDSA',
        subject: clusterSubject('x'),
        keys: await keysFor(RSA2048, 'node'),
        serialNumber: nextSerial(),
        notBefore: LAB_DAY,
        notAfter: daysAfter(LAB_DAY, 1),
      }),
    ).rejects.toThrow(/needs an EC key/);
  });

  it('ITLRecovery: a signing-only CA certificate without EKU', async () => {
    const der = await createServiceCertificate({
      profile: 'ITLRecovery',
      subject: clusterSubject('ITLRECOVERY_ao115pub'),
      keys: await keysFor(RSA2048, 'node'),
      serialNumber: nextSerial(),
      notBefore: LAB_DAY,
      notAfter: new Date('2051-03-15T14:00:00Z'),
    });
    const text = x509Text(der);
    expect(extension(text, 'X509v3 Key Usage')).toBe('X509v3 Key Usage:\nDigital Signature, Certificate Sign');
    expect(text).toContain('CA:TRUE');
    expect(text).not.toContain('Extended Key Usage');
    // a date from 2050 on is a GeneralizedTime, earlier ones UTCTime (RFC 5280 §4.1.2.5)
    expect(text).toContain('Not After : Mar 15 14:00:00 2051 GMT');
    const asn1 = asn1parse(der).output;
    expect(asn1).toMatch(/UTCTIME\s+:210315140000Z/);
    expect(asn1).toMatch(/GENERALIZEDTIME\s+:20510315140000Z/);
  });

  it('serial numbers are encoded as positive minimal INTEGERs, whatever the top bit', async () => {
    const keys = await keysFor(RSA2048, 'node');
    const high = new Uint8Array(16).fill(0xab);
    const leadingZero = Uint8Array.of(0, 0, 0x12, ...new Uint8Array(13).fill(0x34));
    for (const [serial, expected] of [
      [high, 'ab:'.repeat(15) + 'ab'],
      [leadingZero, '12:' + '34:'.repeat(12) + '34'],
    ] as const) {
      const der = await createServiceCertificate({
        profile: 'CAPF',
        subject: clusterSubject('CAPF-serial'),
        keys,
        serialNumber: serial,
        notBefore: LAB_DAY,
        notAfter: daysAfter(LAB_DAY, 10),
      });
      expect(x509Text(der).replace(/\s+/g, ' ')).toContain(`Serial Number: ${expected} `);
    }
    await expect(
      createServiceCertificate({
        profile: 'CAPF',
        subject: clusterSubject('x'),
        keys,
        serialNumber: new Uint8Array(16),
        notBefore: LAB_DAY,
        notAfter: daysAfter(LAB_DAY, 10),
      }),
    ).rejects.toThrow(/positive/);
  });
});

describe('the factory certificate (MIC) and its simulated manufacturing CA', () => {
  it('the MIC for CP-8845 SEP682C7B5C2342 chains to the simulated "Cisco Manufacturing CA SHA2"', async () => {
    const caKeys = await keysFor(RSA2048, 'manufacturing');
    const ca = await createManufacturingCa({
      keys: caKeys,
      serialNumber: nextSerial(),
      notBefore: new Date('2012-01-01T00:00:00Z'),
      notAfter: new Date('2037-01-01T00:00:00Z'),
    });
    const phoneKeys = await keysFor(RSA2048, 'phone');
    const mic = await createMic({
      caCertificate: ca,
      caPrivateKey: caKeys.privateKey,
      publicKey: phoneKeys.publicKey,
      phone: PHONE,
      serialNumber: nextSerial(),
      notBefore: new Date('2019-06-01T00:00:00Z'),
      notAfter: new Date('2029-06-01T00:00:00Z'),
    });

    const caText = x509Text(ca);
    expect(caText).toContain(
      'Subject: O = Cisco, OU = Simulated by LSC Lab - not a Cisco certificate, CN = Cisco Manufacturing CA SHA2\n',
    );
    expect(extension(caText, 'X509v3 Basic Constraints')).toBe('X509v3 Basic Constraints: critical\nCA:TRUE');

    const micText = x509Text(mic);
    // A real MIC (TAC 215014): /serialNumber=PID:CP-8861 SN:FCH2133E8B9/O=Cisco Systems Inc./OU=CTG/CN=CP-8861-SEP…
    expect(micText).toContain('Subject: serialNumber = PID:CP-8845 SN:FCH2229A1B2, O = Cisco Systems Inc., OU = CTG, CN = CP-8845-SEP682C7B5C2342\n');
    expect(micText).toContain('Issuer: O = Cisco, OU = Simulated by LSC Lab - not a Cisco certificate, CN = Cisco Manufacturing CA SHA2\n');
    expect(micText).toContain('Signature Algorithm: sha256WithRSAEncryption');
    expect(extension(micText, 'X509v3 Basic Constraints')).toBe('X509v3 Basic Constraints: critical\nCA:FALSE');
    expect(extension(micText, 'X509v3 Key Usage')).toBe('X509v3 Key Usage: critical\nDigital Signature, Key Encipherment');
    expect(extension(micText, 'X509v3 Extended Key Usage')).toBe(
      'X509v3 Extended Key Usage:\nTLS Web Client Authentication, TLS Web Server Authentication',
    );

    expect(verifyCertificate({ ca: [ca], leaf: mic, at: LAB_DAY }).output).toContain('leaf.pem: OK');
    expect(await verifyChain({ leaf: mic, trusted: [ca], at: LAB_DAY })).toEqual({ ok: true });
  });
});

describe('CAPF issues the LSC from the phone\'s public key (Install/Upgrade)', () => {
  it('the RSA-2048 LSC: serialNumber, the CAPF\'s C/O/OU and CN = <model>-<device name>, issuer = CAPF, the LSC profile, verified by openssl', async () => {
    const capf = await makeCapf();
    const lsc = await lscFrom(capf, await phoneKey(RSA2048));
    const text = x509Text(lsc);
    expect(text).toContain(`Issuer: ${SEED_CAPF_DN}\n`);
    // A real CUCM LSC (TAC 213407): /serialNumber=PID:CP-8861 SN:FCH18198CNQ/C=AU/O=stormin/OU=IST/CN=CP-8861-SEPB000B4BA0AEE
    // under the issuer /C=AU/O=stormin/OU=IST/CN=CAPF-a7fb32bf/ST=NSQ/L=Sydney: no ST, no L.
    expect(text).toContain('Subject: serialNumber = PID:CP-8845 SN:FCH2229A1B2, C = US, O = Cisco Systems, OU = TAC, CN = CP-8845-SEP682C7B5C2342\n');
    expect(text).toContain('Signature Algorithm: sha256WithRSAEncryption');
    expect(text).toContain('Not Before: Mar 15 14:00:00 2021 GMT');
    expect(text).toContain('Not After : Mar 14 14:00:00 2026 GMT'); // 1825 days later
    expect(extension(text, 'X509v3 Basic Constraints')).toBe('X509v3 Basic Constraints: critical\nCA:FALSE');
    expect(extension(text, 'X509v3 Key Usage')).toBe('X509v3 Key Usage: critical\nDigital Signature, Key Encipherment');
    expect(extension(text, 'X509v3 Extended Key Usage')).toBe(
      'X509v3 Extended Key Usage:\nTLS Web Server Authentication, TLS Web Client Authentication, IPSec End System',
    );
    expect(extension(text, 'X509v3 Subject Alternative Name')).toBe('X509v3 Subject Alternative Name:\nURI:SEP682C7B5C2342');
    // the LSC names the CAPF key that signed it
    const capfSki = extension(x509Text(capf.certificate), 'X509v3 Subject Key Identifier').split('\n')[1];
    expect(extension(text, 'X509v3 Authority Key Identifier').split('\n')[1]).toBe(capfSki);

    expect(verifyCertificate({ ca: [capf.certificate], leaf: lsc, at: SOON }).output).toContain('leaf.pem: OK');
  });

  it.each([
    ['P-256', 256],
    ['P-384', 384],
    ['P-521', 521],
  ] as const)('an EC %s LSC carries Key Agreement and verifies against the RSA CAPF', async (curve, bits) => {
    const capf = await makeCapf();
    const lsc = await lscFrom(capf, await phoneKey({ kind: 'EC', curve }));
    const text = x509Text(lsc);
    expect(text).toContain(`Public-Key: (${bits} bit)`);
    expect(text).toContain('Signature Algorithm: sha256WithRSAEncryption');
    expect(extension(text, 'X509v3 Key Usage')).toBe('X509v3 Key Usage: critical\nDigital Signature, Key Agreement');
    expect(verifyCertificate({ ca: [capf.certificate], leaf: lsc, at: SOON }).output).toContain('leaf.pem: OK');
  });

  it.each([512, 1024, 4096] as const)('an RSA-%i LSC (the Key Size drop-down extremes) verifies with openssl', async (bits) => {
    const capf = await makeCapf();
    const lsc = await lscFrom(capf, await phoneKey({ kind: 'RSA', bits }));
    expect(x509Text(lsc)).toContain(`Public-Key: (${bits} bit)`);
    expect(verifyCertificate({ ca: [capf.certificate], leaf: lsc, at: SOON }).output).toContain('leaf.pem: OK');
  });

  it('"Duration Of Certificate Validity" sets notAfter = notBefore + days', async () => {
    const capf = await makeCapf();
    const lsc = await lscFrom(capf, await phoneKey(RSA2048), 365);
    const info = describeCertificate(lsc);
    if (!info.ok) throw new Error(info.error);
    expect(info.value.notAfter.getTime() - info.value.notBefore.getTime()).toBe(365 * DAY_MS);
  });

  it('an LSC presented to another cluster is rejected: openssl and verifyChain both refuse the wrong CAPF', async () => {
    const capf = await makeCapf();
    const otherCluster = await makeCapf('CAPF-0badc0de');
    const lsc = await lscFrom(capf, await phoneKey(RSA2048));
    const openssl = verifyCertificate({ ca: [otherCluster.certificate], leaf: lsc, at: SOON });
    expect(openssl.status).not.toBe(0);
    expect(openssl.output).toContain('unable to get local issuer certificate');
    const verdict = await verifyChain({ leaf: lsc, trusted: [otherCluster.certificate], at: SOON });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(/^No valid certificate paths found/);
  });

  it('after "Regenerate" the CAPF keeps its name but not its key: the old LSC no longer verifies', async () => {
    const capf = await makeCapf();
    const regenerated = await makeCapf('CAPF-7f0ae8d7', 'regenerated');
    const lsc = await lscFrom(capf, await phoneKey(RSA2048));
    const openssl = verifyCertificate({ ca: [regenerated.certificate], leaf: lsc, at: SOON });
    expect(openssl.status).not.toBe(0);
    expect(openssl.output).toMatch(/certificate signature failure|unable to get local issuer certificate/);
    const verdict = await verifyChain({ leaf: lsc, trusted: [regenerated.certificate], at: SOON });
    expect(verdict).toEqual({
      ok: false,
      code: 'untrusted',
      reason:
        'No valid certificate paths found: a certificate named CAPF-7f0ae8d7 is present, but its key did not sign ' +
        'CP-8845-SEP682C7B5C2342 (a different CAPF-7f0ae8d7: regenerated, or from another cluster).',
    });
  });

  it('bytes that are not a SubjectPublicKeyInfo are refused with a message, not an LSC', async () => {
    const capf = await makeCapf();
    const good = await phoneKey(RSA2048);
    for (const [bytes, message] of [
      [Uint8Array.of(0x30, 0x82, 0x01), /not a DER SubjectPublicKeyInfo/],
      [new Uint8Array(0), /is empty/],
      [Uint8Array.of(...good, 0x00), /not a DER SubjectPublicKeyInfo/],
      [Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x00), /SubjectPublicKeyInfo|public key/],
    ] as const) {
      const result = await issueLsc({
        subjectPublicKeyInfo: bytes,
        issuerCertificate: capf.certificate,
        issuerPrivateKey: capf.keys.privateKey,
        phone: PHONE,
        serialNumber: nextSerial(),
        notBefore: LAB_DAY,
        validityDays: 1825,
      });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
      if (!result.ok) expect(result.error).toMatch(/^CAPF refused to sign an LSC for SEP682C7B5C2342\./);
    }
  });
});

describe('Offline CA: a third-party CA signs the CAPF CSR', () => {
  it('the CA-signed CAPF keeps its CSR subject, is CA:TRUE pathlen:0, and the LSCs it issues chain to the root', async () => {
    const rootKeys = await keysFor(RSA2048, 'enterprise-root');
    const root = await createRootCa({
      subject: [
        ['CN', 'Lab Enterprise Root CA'],
        ['O', 'Example Corp'],
        ['C', 'US'],
      ],
      keys: rootKeys,
      serialNumber: nextSerial(),
      notBefore: daysAfter(LAB_DAY, -365),
      notAfter: daysAfter(LAB_DAY, 3650),
    });
    const capfKeys = await keysFor(RSA2048, 'capf-offline');
    const capfCsr = await createCsr({ subject: clusterSubject('CAPF-7f0ae8d7'), keys: capfKeys });
    const signed = await signCsrAsCa({
      csr: capfCsr,
      caCertificate: root,
      caPrivateKey: rootKeys.privateKey,
      serialNumber: nextSerial(),
      notBefore: LAB_DAY,
      notAfter: daysAfter(LAB_DAY, 730),
      profile: 'CAPF',
    });
    if (!signed.ok) throw new Error(signed.error);
    const text = x509Text(signed.value);
    expect(text).toContain(`Subject: ${SEED_CAPF_DN}\n`);
    expect(text).toContain('Issuer: CN = Lab Enterprise Root CA, O = Example Corp, C = US\n');
    expect(extension(text, 'X509v3 Basic Constraints')).toBe('X509v3 Basic Constraints: critical\nCA:TRUE, pathlen:0');
    expect(verifyCertificate({ ca: [root], leaf: signed.value, at: SOON }).output).toContain('leaf.pem: OK');

    const capf = { keys: capfKeys, certificate: signed.value };
    const lsc = await lscFrom(capf, await phoneKey(RSA2048));
    expect(x509Text(lsc)).toContain(`Issuer: ${SEED_CAPF_DN}\n`);
    expect(verifyCertificate({ ca: [root], untrusted: [signed.value], leaf: lsc, at: SOON }).output).toContain('leaf.pem: OK');
    expect(await verifyChain({ leaf: lsc, trusted: [root], intermediates: [signed.value], at: SOON })).toEqual({ ok: true });
  });

  it('the CA refuses a tampered CAPF CSR', async () => {
    const rootKeys = await keysFor(RSA2048, 'enterprise-root');
    const root = await createRootCa({
      subject: [['CN', 'Lab Enterprise Root CA']],
      keys: rootKeys,
      serialNumber: nextSerial(),
      notBefore: LAB_DAY,
      notAfter: daysAfter(LAB_DAY, 3650),
    });
    const csr = await createCsr({ subject: clusterSubject('CAPF-7f0ae8d7'), keys: await keysFor(RSA2048, 'capf-offline') });
    const tampered = csr.slice();
    tampered[tampered.length - 1] ^= 0x01; // last byte of the signature
    const result = await signCsrAsCa({
      csr: tampered,
      caCertificate: root,
      caPrivateKey: rootKeys.privateKey,
      serialNumber: nextSerial(),
      notBefore: LAB_DAY,
      notAfter: daysAfter(LAB_DAY, 730),
      profile: 'CAPF',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('does not match its contents');
  });
});

describe('Offline CA: an enterprise CA signs the request CAPF exported for a phone', () => {
  async function setup() {
    const capf = await makeCapf();
    const rootKeys = await keysFor(RSA2048, 'enterprise-root');
    const root = await createRootCa({
      subject: [
        ['C', 'US'],
        ['O', 'Example Corp'],
        ['CN', 'Lab Enterprise Root CA'],
      ],
      keys: rootKeys,
      serialNumber: nextSerial(),
      notBefore: daysAfter(LAB_DAY, -365),
      notAfter: daysAfter(LAB_DAY, 3650),
    });
    const describedCapf = describeCertificate(capf.certificate);
    if (!describedCapf.ok) throw new Error(describedCapf.error);
    // No source says which request CUCM exports (domain.md §14.2): ours carries the phone's key and the LSC
    // subject, signed by CAPF (it never holds the phone's private key).
    const csr = await createRequestForPublicKey({
      subject: lscSubject(describedCapf.value.subject, PHONE),
      subjectPublicKeyInfo: await phoneKey(RSA2048),
      signingKey: capf.keys.privateKey,
    });
    return { capf, root, rootKeys, csr };
  }

  it('the CA checks the request against the CAPF certificate and issues an LSC with its subject; openssl verifies it against the root', async () => {
    const { capf, root, rootKeys, csr } = await setup();
    // The request is signed by CAPF, not by its own key: openssl's self-signature check fails, as it must.
    expect(openssl(['req', '-in', 'csr.pem', '-noout', '-verify'], { 'csr.pem': pem(csr, 'CERTIFICATE REQUEST') }).output).toContain('self-signature verify failure');
    const lsc = await issueLscFromRequest({ csr, registrationAuthority: capf.certificate, caCertificate: root, caPrivateKey: rootKeys.privateKey, serialNumber: nextSerial(), notBefore: LAB_DAY, validityDays: 730 });
    if (!lsc.ok) throw new Error(lsc.error);
    const text = x509Text(lsc.value);
    expect(text).toContain('Subject: serialNumber = PID:CP-8845 SN:FCH2229A1B2, C = US, O = Cisco Systems, OU = TAC, CN = CP-8845-SEP682C7B5C2342\n');
    expect(text).toContain('Issuer: C = US, O = Example Corp, CN = Lab Enterprise Root CA\n');
    expect(extension(text, 'X509v3 Subject Alternative Name')).toBe('X509v3 Subject Alternative Name:\nURI:SEP682C7B5C2342');
    expect(verifyCertificate({ ca: [root], leaf: lsc.value, at: SOON }).output).toContain('leaf.pem: OK');
  });

  it('a request not signed by this cluster\'s CAPF is refused', async () => {
    const { root, rootKeys, csr } = await setup();
    const otherCapf = await makeCapf('CAPF-0badc0de', 'other');
    const result = await issueLscFromRequest({ csr, registrationAuthority: otherCapf.certificate, caCertificate: root, caPrivateKey: rootKeys.privateKey, serialNumber: nextSerial(), notBefore: LAB_DAY, validityDays: 730 });
    expect(result).toEqual({ ok: false, error: "The CA refused to sign the request. It was not signed by this cluster's CAPF: The certificate signing request was not signed by the expected key." });
  });
});
