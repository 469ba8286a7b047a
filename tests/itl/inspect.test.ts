/**
 * "Inspect a file" over bytes (src/itl/inspect.ts): the independent tool's ITLs and an ITL with EC records
 * and two SAST records read and verify; the annotated bytes cover the file; an ITL's CAPF hash is compared
 * with a certificate dropped beside it; a .sgn is checked against the ITL that names its signer; damage is
 * a reason with a byte offset, never an exception.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildItl } from '../../src/itl/build';
import { exitCodeOf, inspectFiles, reportText, type FileReport, type FileView } from '../../src/itl/inspect';
import { ITL_VERIFIED_LINE } from '../../src/itl/show';
import { INPUT_MAX_BYTES } from '../../src/pki/input';
import { FIXTURES, SEED, fixtureBytes, fixtureText, makeCertificate, signerFor } from './helpers';

const corpus = (name: string) => new Uint8Array(readFileSync(new URL(`../fuzz/corpus/${name}`, import.meta.url)));
const formatDate = (ms: number) => new Date(ms).toUTCString();
const inspect = (...files: Array<[string, Uint8Array]>) => inspectFiles(files.map(([name, bytes]) => ({ name, bytes, lastModified: 0 })), { formatDate });

function view<K extends FileView['kind']>(report: FileReport, kind: K): Extract<FileView, { kind: K }> {
  if (!report.ok) throw new Error(`${report.name}: ${report.error.message}`);
  if (report.view.kind !== kind) throw new Error(`${report.name} is a ${report.view.kind}`);
  return report.view as Extract<FileView, { kind: K }>;
}

/** The annotated sections tile the file: in order, no gap, no overlap, from byte 0 to the end. */
function expectSectionsTile(v: { sections: Array<{ offset: number; size: number }>; bytes: Uint8Array }) {
  let at = 0;
  for (const s of v.sections) {
    expect(s.offset).toBe(at);
    at += s.size;
  }
  expect(at).toBe(v.bytes.length);
}

describe('ITL files written by an independent tool', () => {
  for (const name of FIXTURES) {
    it(`${name}.tlv reads as an ITL whose signature holds, with show itl ending "${ITL_VERIFIED_LINE}"`, async () => {
      const [report] = await inspect([`${name}.tlv`, fixtureBytes(`${name}.tlv`)]);
      const itl = view(report, 'trust-list');
      expect(itl.list).toBe('ITL');
      expect(itl.signature.status).toBe('valid');
      expect(itl.text.trimEnd().endsWith(ITL_VERIFIED_LINE)).toBe(true);
      expect(itl.records.map((r) => r.functionName)).toEqual(['System Administrator Security Token', 'TFTP', 'CAPF', 'TVS', 'TVS']);
      expect(itl.records[0].signer).toBe(true);
      expectSectionsTile(itl);
      expect(itl.sections.map((s) => s.kind)).toEqual(['header', 'signature', 'header', 'record', 'record', 'record', 'record', 'record']);
      expect(exitCodeOf([report])).toBe(0);
    });
  }

  it('the annotated header names each tag with its value, nested fields one level in', async () => {
    const [report] = await inspect(['ITLFile-sha512.tlv', fixtureBytes('ITLFile-sha512.tlv')]);
    const fields = view(report, 'trust-list').sections.flatMap((s) => s.fields);
    const byLabel = (label: string) => fields.find((f) => f.label === label)!;
    expect(byLabel('VERSION')).toMatchObject({ offset: 0, size: 5, value: '1.2', depth: 0 });
    expect(byLabel('DIGESTALGORTITHM')).toMatchObject({ value: '3 (SHA-512)', depth: 1 });
    expect(byLabel('SIGNATUREMODULUS')).toMatchObject({ value: '2 (256-byte signature, 2048-bit key)', depth: 2 });
    expect(byLabel('FILENAME').value).toBe('ITLFile.tlv');
    expect(fields.find((f) => f.label === 'FUNCTION' && f.value === '4 (CAPF)')).toBeTruthy();
  });
});

describe('an ITL with EC records and two SAST records (the seed ao115sub layout)', () => {
  it('reads, verifies against record 5 (the SAST whose serial the header names), and shows the EC key', async () => {
    const [report] = await inspect(['ITLFile.tlv', corpus('ITLFile-seed-ao115sub.tlv')]);
    const itl = view(report, 'trust-list');
    expect(itl.records.map((r) => r.functionName)).toEqual(['CAPF', 'TVS', 'System Administrator Security Token', 'TVS', 'System Administrator Security Token', 'TFTP', 'TFTP']);
    expect(itl.records.filter((r) => r.signer).map((r) => r.index)).toEqual([5]);
    expect(itl.signature).toMatchObject({ status: 'valid', reason: expect.stringContaining('Record 5') });
    expect(itl.text).toContain('This etoken was not used to sign the ITL file.');
    expect(itl.text).toContain('This etoken was used to sign the ITL file.');
    expect(itl.text).toMatch(/7 {7}PUBLICKEY {7}97\n/);
    expectSectionsTile(itl);
  });

  it("the CAPF record's hash is compared with every certificate dropped beside it", async () => {
    const capf = corpus('CAPF.pem');
    const [withCapf] = await inspect(['ITLFile.tlv', corpus('ITLFile-seed-ao115sub.tlv')], ['CAPF.pem', capf]);
    expect(view(withCapf, 'trust-list').records[0]).toMatchObject({ functionName: 'CAPF', matches: ['CAPF.pem'] });
    expect(reportText(withCapf)).toContain('ITL record 1 (CAPF CN=CAPF-7f0ae8d7;OU=TAC;O=Cisco Systems;L=Boxborough;ST=MA;C=US) matches CAPF.pem.');

    const [other] = await inspect(['ITLFile.tlv', corpus('ITLFile-seed-ao115sub.tlv')], ['chain.pem', corpus('chain.pem')]);
    expect(view(other, 'trust-list').records[0].matches).toEqual([]);
    expect(reportText(other)).toContain('matches none of the 2 certificates given.');
  });

  it('one flipped byte in a record: well-formed, the signature does not hold, exit code 1', async () => {
    const bytes = corpus('ITLFile-seed-ao115sub.tlv').slice();
    bytes[bytes.length - 100] ^= 0x01;
    const [report] = await inspect(['ITLFile.tlv', bytes]);
    expect(view(report, 'trust-list').signature.status).toBe('invalid');
    expect(reportText(report)).toContain('The ITL file was not verified successfully.');
    expect(exitCodeOf([report])).toBe(2 - 1);
  });

  it('truncated: the record that runs past the end is named with its offset, exit code 2', async () => {
    const bytes = corpus('ITLFile-seed-ao115sub.tlv').subarray(0, 3000);
    const [report] = await inspect(['ITLFile.tlv', bytes]);
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.error.kind).toBe('record-length-inconsistent');
    expect(report.error.message).toContain(`byte ${report.error.offset}`);
    expect(exitCodeOf([report])).toBe(2);
  });
});

describe('CTL files', () => {
  it('a trust list named CTLFile.tlv prints as show ctl', async () => {
    const cm = makeCertificate(SEED.callManagerSub);
    const bytes = await buildItl({ records: [{ certificate: cm.der, function: 'SAST', form: 'certificate' }, { certificate: cm.der, function: 'CCM+TFTP', form: 'certificate' }], signer: await signerFor(cm), digest: 'SHA-1', timestamp: 1425675367, filename: 'CTLFile.tlv' });
    const [report] = await inspect(['CTLFile.tlv', bytes]);
    const ctl = view(report, 'trust-list');
    expect(ctl.list).toBe('CTL');
    expect(ctl.text).toContain('Parse CTL File');
    expect(ctl.text).toContain('CTL Record #:2');
    expect(ctl.text).toContain('This etoken was used to sign the CTL file.');
    expect(ctl.text.trimEnd().endsWith('The CTL file was verified successfully.')).toBe(true);
  });
});

describe('signed configuration files (.sgn)', () => {
  const sgn = corpus('SEP682C7B5C2342.cnf.xml.sgn');

  it('alone: the header and content are shown; the signature is not checked, and the page says what to add', async () => {
    const [report] = await inspect(['SEP682C7B5C2342.cnf.xml.sgn', sgn]);
    const v = view(report, 'signed-file');
    expect(v.filename).toBe('SEP682C7B5C2342.cnf.xml.sgn');
    expect(v.contentText).toContain('<capfAuthMode>1</capfAuthMode>');
    expect(v.signature).toMatchObject({ status: 'unchecked', reason: expect.stringContaining('add the ITL') });
    expect(v.sections.map((s) => s.kind)).toEqual(['header', 'signature', 'header', 'content']);
    expectSectionsTile(v);
    expect(exitCodeOf([report])).toBe(0);
  });

  it('with the ITL the phone holds: signed by its TFTP record; with the signer certificate alone too', async () => {
    const [withItl] = await inspect(['x.sgn', sgn], ['ITLFile.tlv', corpus('ITLFile-seed-ao115sub.tlv')]);
    expect(view(withItl, 'signed-file').signature.status).toBe('valid');
    const [withCert] = await inspect(['x.sgn', sgn], ['CallManager.der', corpus('CallManager-ao115sub.der')]);
    expect(view(withCert, 'signed-file').signature).toMatchObject({ status: 'valid', reason: expect.stringContaining('CallManager.der') });
  });

  it('altered content: the signature does not hold, exit code 1', async () => {
    const bytes = sgn.slice();
    bytes[bytes.length - 5] ^= 0x20;
    const reports = await inspect(['x.sgn', bytes], ['ITLFile.tlv', corpus('ITLFile-seed-ao115sub.tlv')]);
    expect(view(reports[0], 'signed-file').signature.status).toBe('invalid');
    expect(exitCodeOf(reports)).toBe(1);
  });
});

describe('certificates and CSRs', () => {
  it("a certificate's issuer is looked up in the other files: the LSC alone is unchecked, with its CA it is valid", async () => {
    const chain = fixtureText('capf.pem'); // one self-signed certificate
    const [alone] = await inspect(['capf.pem', new TextEncoder().encode(chain)]);
    const pki = view(alone, 'pki');
    expect(pki.items[0]).toMatchObject({ type: 'certificate', subject: 'C=US, O=Cisco Systems, OU=TAC, CN=CAPF-7f0ae8d7, ST=MA, L=Boxborough', signature: { status: 'valid' } });
    expect(pki.items[0].type === 'certificate' && pki.items[0].fileData.startsWith('[\nVersion: V3\nSerial Number: ')).toBe(true);

    const pem = new TextDecoder().decode(corpus('chain.pem'));
    const leaf = new TextEncoder().encode(pem.slice(0, pem.indexOf('-----END CERTIFICATE-----') + 26));
    const ca = new TextEncoder().encode(pem.slice(pem.indexOf('-----END CERTIFICATE-----') + 26));
    const [lonely] = await inspect(['LSC.pem', leaf]);
    expect(view(lonely, 'pki').items[0].signature.status).toBe('unchecked');
    const [signed] = await inspect(['LSC.pem', leaf], ['ca.pem', ca]);
    expect(view(signed, 'pki').items[0].signature).toMatchObject({ status: 'valid', reason: expect.stringContaining('ca.pem') });
    // Another CA of the same name (regenerated, or another lab's): named right, wrong key.
    const impostor = execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', '/dev/null', '-subj', '/CN=Lab Issuing CA/O=LSC Lab', '-days', '30'], { stdio: 'pipe' });
    const [wrong] = await inspect(['LSC.pem', leaf], ['impostor.pem', new Uint8Array(impostor)]);
    expect(view(wrong, 'pki').items[0].signature).toMatchObject({ status: 'invalid', reason: expect.stringContaining('impostor.pem is named O=LSC Lab, CN=Lab Issuing CA, but its key does not verify the signature') });
  });

  it('a PKCS#7 bundle and a CSR: each item with its own verdict', async () => {
    const [bundle, csr] = await inspect(['chain.p7b', corpus('chain.p7b')], ['phone.csr', corpus('SEP682C7B5C2342.csr')]);
    expect(view(bundle, 'pki')).toMatchObject({ container: 'pkcs7', items: [{ signature: { status: 'valid' } }, { signature: { status: 'valid' } }] });
    const request = view(csr, 'pki').items[0];
    expect(request).toMatchObject({ type: 'csr', subject: 'CN=SEP682C7B5C2342', signature: { status: 'valid' } });
    expect(request.type === 'csr' && request.text).toContain('Key: EC (1.2.840.10045.2.1), P-256');
  });
});

describe('refused up front', () => {
  it('more than 1 MB, naming the cap; an empty file; a private key, which is never shown', async () => {
    const [big, empty] = await inspect(['big.tlv', new Uint8Array(INPUT_MAX_BYTES + 1).fill(1)], ['empty.pem', new Uint8Array(0)]);
    expect(big.ok === false && big.error).toMatchObject({ kind: 'too-large', message: expect.stringContaining('1 MB') });
    expect(empty.ok === false && empty.error.kind).toBe('empty');
    const key = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ\n-----END PRIVATE KEY-----\n';
    const [secret] = await inspect(['key.pem', new TextEncoder().encode(key)]);
    expect(secret.ok === false && secret.error.kind).toBe('private-key');
    expect(reportText(secret)).not.toContain('MIIE');
  });
});
