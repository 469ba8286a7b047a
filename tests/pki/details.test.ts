// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createServiceCertificate } from '../../src/pki/certificates';
import { certificateFileData, certificateFileDataModel, wrapKeyValue } from '../../src/pki/details';
import { fromHex, fromPem, toPem } from '../../src/pki/encode';
import { importPublicKeySpki } from '../../src/pki/keys';
import { clusterSubject } from '../../src/pki/names';
import { asn1parse } from '../helpers/openssl';
import { daysAfter, keysFor, LAB_DAY, makeCapf, nextSerial, RSA2048 } from './fixtures';

/**
 * The seed's Certificate File Data block for the CAPF certificate of ao115pub (TAC 213295, seed lines
 * 112–127), as printed there. The source cuts it off inside the key value.
 */
const SEED_BLOCK = [
  '[',
  'Version: V3',
  'Serial Number: 64F2FE613B79C5D362E26DAB4A8B761B',
  'Signature Algorithm: SHA256withRSA (1.2.840.113549.1.1.11)',
  'Issuer Name: L=Boxborough, ST=MA, CN=CAPF-7f0ae8d7, OU=TAC, O=Cisco Systems, C=US',
  'Validity From: Mon Nov 21 15:49:43 EST 2016',
  'To: Sat Nov 20 15:49:42 EST 2021',
  'Subject Name: L=Boxborough, ST=MA, CN=CAPF-7f0ae8d7, OU=TAC, O=Cisco Systems, C=US',
  'Key: RSA (1.2.840.113549.1.1.1)',
  'Key value:',
  '3082010a0282010100c39c51d51eadb8216af79a1b231ce42896cf13fd23293f32a2f0baea679e5fa1ac5',
  'bb58fcf015c179272e4f470ec06900667997de25c7bc61653d4302c8adc4022bb2bee47f9a7b56adfd5c5',
  '4770f41f06bf5e4621e2a8233146a7fccd40d55704cd73a03a44f5b674cbec81e33c06d5d44e358db4b8',
  '9710b4c022bc4357a1a064df9e8e02e9feb00213f0c0bd8bde9a363d6afcf162c20a86561d3e87acad8b',
  '02cf079b01cfa3afdd12197bc115cb478202d41b5389dc0b8676c61011d73eb3f1e2bf3f204a4da2f753a',
  'c2d88b1a5ab759abdb4453eda89713592dde471c23884dc738c7ed2f1c6d0b393678cec88d1bad2746d',
];
const SEED_KEY_LINES = SEED_BLOCK.slice(10);

/** Java's Date.toString() in the seed server's zone: "Mon Nov 21 15:49:43 EST 2016". The simulator owns this. */
function javaDate(d: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/New_York',
      weekday: 'short',
      month: 'short',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      year: 'numeric',
      timeZoneName: 'short',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.weekday} ${parts.month} ${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${parts.timeZoneName} ${parts.year}`;
}

/**
 * The seed's CAPF key, completed: the seed shows 253 of the 270 bytes of its PKCS#1 RSAPublicKey; the
 * last 12 modulus bytes are made up here, then e = 65537. Wrapped in a SubjectPublicKeyInfo for RSA 2048.
 */
function seedLikeSpki(): Uint8Array {
  const pkcs1 = SEED_KEY_LINES.join('') + '0123456789abcdef01234567' + '0203010001';
  return fromHex('30820122300d06092a864886f70d01010105000382010f00' + pkcs1);
}

/**
 * A certificate laid out like the seed's CAPF certificate: its serial, names, dates and public key. The
 * seed's private key is unknown, so a lab key signs it; the Certificate File Data never checks signatures.
 */
async function seedLikeCapf(): Promise<Uint8Array> {
  const publicKey = await importPublicKeySpki(seedLikeSpki(), RSA2048);
  const signer = await keysFor(RSA2048, 'seed-signer');
  return createServiceCertificate({
    profile: 'CAPF',
    subject: clusterSubject('CAPF-7f0ae8d7'),
    keys: { publicKey, privateKey: signer.privateKey },
    serialNumber: fromHex('64F2FE613B79C5D362E26DAB4A8B761B'),
    notBefore: new Date('2016-11-21T20:49:43Z'),
    notAfter: new Date('2021-11-20T20:49:42Z'),
  });
}

describe('Certificate File Data, as the CAPF "Certificate Details" page shows it', () => {
  it('reproduces the seed block line for line: serial, algorithm, names, Java dates, the key value wrapping', async () => {
    const text = certificateFileData(await seedLikeCapf(), javaDate);
    if (!text.ok) throw new Error(text.error);
    const lines = text.value.split('\n');
    expect(lines.slice(0, 15)).toEqual(SEED_BLOCK.slice(0, 15));
    // the seed stops here; our sixth key line starts the same and goes on with the made-up bytes
    expect(lines[15].startsWith(SEED_BLOCK[15])).toBe(true);
  });

  it('wraps the seed key hex into exactly the seed lines (85, 85, 84, 84, 85, 83 characters)', () => {
    expect(wrapKeyValue(SEED_KEY_LINES.join(''))).toEqual(SEED_KEY_LINES);
    expect(SEED_KEY_LINES.map((l) => l.length)).toEqual([85, 85, 84, 84, 85, 83]);
  });

  it('with extensions and signature switched off it is just the documented part, closed by "]"', async () => {
    const text = certificateFileData(await seedLikeCapf(), javaDate, { extensions: false, signature: false });
    if (!text.ok) throw new Error(text.error);
    const lines = text.value.split('\n');
    expect(lines.at(-1)).toBe(']');
    expect(lines.at(-2)).toMatch(/^[0-9a-f]+0203010001$/);
  });

  it('lists the CAPF extensions in certificate order, in the layout of CUCM dumps, then the signature dump', async () => {
    const capf = await makeCapf();
    const text = certificateFileData(capf.certificate, javaDate);
    if (!text.ok) throw new Error(text.error);
    const afterKey = text.value.split('\n').slice(text.value.split('\n').indexOf('Key value:') + 1);
    const extensions = afterKey.slice(afterKey.findIndex((l) => l.startsWith('Extensions:')));
    expect(extensions.slice(0, 17)).toEqual([
      'Extensions: 5 present',
      '[',
      'Extension: BasicConstraints (OID.2.5.29.19)',
      'Critical: true',
      'cA: true',
      'pathLenConstraint: 0',
      ']',
      '[',
      'Extension: KeyUsage (OID.2.5.29.15)',
      'Critical: true',
      'Usages: digitalSignature, keyEncipherment, keyCertSign,',
      ']',
      '[',
      'Extension: ExtKeyUsageSyntax (OID.2.5.29.37)',
      'Critical: false',
      'Usage oids: 1.3.6.1.5.5.7.3.1, 1.3.6.1.5.5.7.3.2,',
      ']',
    ]);
    expect(extensions).toContain('Extension: SubjectKeyIdentifier (OID.2.5.29.14)');
    const signature = extensions.slice(extensions.indexOf('Signature:') + 1, -2);
    expect(signature).toHaveLength(16); // 256 bytes, 16 a row
    expect(signature[0]).toMatch(/^0000: ([0-9a-f]{2} ){15}[0-9a-f]{2} \[.{16}\]$/);
    expect(extensions.slice(-2)).toEqual(['', ']']);
  });

  it('an EC certificate shows "Key: EC" with the point as the key value and an ECDSA algorithm', async () => {
    const der = await createServiceCertificate({
      profile: 'CallManager-ECDSA',
      subject: clusterSubject('ao115pub-EC'),
      keys: await keysFor({ kind: 'EC', curve: 'P-256' }),
      serialNumber: nextSerial(),
      notBefore: LAB_DAY,
      notAfter: daysAfter(LAB_DAY, 1825),
    });
    const model = certificateFileDataModel(der);
    if (!model.ok) throw new Error(model.error);
    expect(model.value.key).toEqual({ name: 'EC', oid: '1.2.840.10045.2.1' });
    expect(model.value.signatureAlgorithm).toEqual({ name: 'SHA256withECDSA', oid: '1.2.840.10045.4.3.2' });
    expect(model.value.keyValue).toMatch(/^04[0-9a-f]{128}$/);
    const text = certificateFileData(der, javaDate);
    expect(text.ok && text.value.split('\n')).toContain('Key: EC (1.2.840.10045.2.1)');
  });

  it('prints the serial number as Java does: upper-case hex without leading zeros', async () => {
    const der = await createServiceCertificate({
      profile: 'CAPF',
      subject: clusterSubject('CAPF-serial'),
      keys: await keysFor(RSA2048),
      serialNumber: Uint8Array.of(0x0a, ...new Uint8Array(15).fill(0xbc)),
      notBefore: LAB_DAY,
      notAfter: daysAfter(LAB_DAY, 10),
    });
    const model = certificateFileDataModel(der);
    expect(model.ok && model.value.serialNumber).toBe('A' + 'BC'.repeat(15));
  });

  it('the model carries the fields a UI lays out itself', async () => {
    const model = certificateFileDataModel(await seedLikeCapf());
    if (!model.ok) throw new Error(model.error);
    expect(model.value).toMatchObject({
      version: 'V3',
      serialNumber: '64F2FE613B79C5D362E26DAB4A8B761B',
      issuerName: 'L=Boxborough, ST=MA, CN=CAPF-7f0ae8d7, OU=TAC, O=Cisco Systems, C=US',
      validityFrom: new Date('2016-11-21T20:49:43Z'),
      validityTo: new Date('2021-11-20T20:49:42Z'),
      key: { name: 'RSA', oid: '1.2.840.113549.1.1.1' },
    });
    expect(model.value.keyValue).toHaveLength(540); // 270-byte RSAPublicKey at 2048 bits
    expect(model.value.keyValueLines.join('')).toBe(model.value.keyValue);
  });
});

describe('the certificate file itself (Download .PEM File / Download .DER File)', () => {
  it('PEM and DER round-trip byte for byte, and openssl asn1parse -strictpem accepts it', async () => {
    const capf = await makeCapf();
    const pem = toPem(capf.certificate, 'CERTIFICATE');
    expect(pem.split('\n').slice(1, -3).every((l) => l.length === 64)).toBe(true);
    const back = fromPem(pem, 'CERTIFICATE');
    expect(back.ok && Array.from(back.value)).toEqual(Array.from(capf.certificate));
    const parsed = asn1parse(capf.certificate);
    expect(parsed.status).toBe(0);
    expect(parsed.output).toContain('sha256WithRSAEncryption');
  });

  it('junk and damaged certificates give an error value, never an exception — a property', async () => {
    const capf = await makeCapf();
    expect(certificateFileData(new Uint8Array(0), javaDate)).toEqual({ ok: false, error: 'The certificate is empty.' });
    await fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (junk) => {
        expect(certificateFileData(junk, javaDate).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.property(fc.integer({ min: 0, max: capf.certificate.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, delta) => {
        const damaged = capf.certificate.slice();
        damaged[at] = (damaged[at] + delta) & 0xff;
        expect(typeof certificateFileData(damaged, javaDate).ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
