import { sha1 } from '@noble/hashes/legacy.js';
import { describe, expect, it } from 'vitest';
import { buildItl } from '../../src/itl/build';
import { parseItl, type ItlParseErrorKind } from '../../src/itl/parse';
import { ITL_MAX_BYTES } from '../../src/itl/tlv';
import { toHex } from '../../src/pki/encode';
import { FIXTURES, SEED, fixtureBytes, makeCertificate, readParsedTxt, signerFor } from './helpers';

describe('ITL files written by an independent tool parse (tests/itl/fixtures)', () => {
  for (const name of FIXTURES) {
    it(`${name}.tlv: header fields and records equal what that tool printed`, () => {
      const parsed = parseItl(fixtureBytes(`${name}.tlv`));
      if (!parsed.ok) throw new Error(`${parsed.error.kind} at ${parsed.error.offset}: ${parsed.error.message}`);
      const file = parsed.value;
      const expected = readParsedTxt(`${name}.parsed.txt`);
      expect(file.version).toBe(expected.header['Version']);
      expect(`${file.headerLength} bytes`).toBe(expected.header['Header Length']);
      expect(file.signerVersion).toBe(expected.header['Signer Version']);
      expect(file.signerName).toBe(expected.header['Signer Name']);
      expect(file.caName).toBe(expected.header['Issuer Name']);
      expect(toHex(file.signerSerial)).toBe(expected.header['Serial Number']);
      expect(file.digest).toBe({ SHA1: 'SHA-1', SHA512: 'SHA-512' }[expected.header['Digest Algorithm']]);
      expect(`${file.signature.length} bytes`).toBe(expected.header['Signature']);
      expect(file.filename).toBe(expected.header['Filename']);
      // The tool prints local time; the fixtures were made with TZ=UTC ("2026-11-22 10:05:44").
      expect(new Date(file.timestamp * 1000).toISOString().replace('T', ' ').slice(0, 19)).toBe(expected.header['Timestamp']);

      expect(file.records.map((r) => r.function.name)).toEqual(['SAST', 'TFTP', 'CAPF', 'TVS', 'TVS']);
      expect(file.records).toHaveLength(expected.records.length);
      file.records.forEach((record, i) => {
        const want = expected.records[i];
        expect(`${record.length} bytes`).toBe(want['Record Length']);
        expect(record.subjectName).toBe(want['Subject Name']);
        expect(record.issuerName).toBe(want['Issuer Name']);
        expect(toHex(record.serialNumber)).toBe(want['Serial Numer']); // sic, the tool's spelling
        expect(`${record.publicKey!.length} bytes`).toBe(want['Public Key']);
        expect(`${record.signature!.length} bytes`).toBe(want['Signature']);
        expect(`${record.certificate!.length} bytes`).toBe(want['Certificate']);
        expect(toHex(sha1(record.certificate!))).toBe(want['Certificate Hash']);
        expect(record.dnsName).toBe(''); // that tool writes no DNSNAME at all
        expect(record.certHash).toBeUndefined();
      });
    });
  }

  it('keeps the independent order: CANAME before SERIALNUMBER, FUNCTION after SERIALNUMBER', () => {
    const parsed = parseItl(fixtureBytes('ITLFile-sha1.tlv'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.headerTlvs.map((t) => t.tag)).toEqual([1, 2, 28, 3, 4, 6, 5, 7, 8, 9, 10, 11, 12, 14, 15]);
    expect(parsed.value.records[0].tlvs.map((t) => t.tag)).toEqual([1, 3, 5, 6, 4, 7, 8, 9]);
  });
});

/** A small valid file to break in controlled ways. */
async function smallItl(): Promise<Uint8Array> {
  const cm = makeCertificate(SEED.callManagerSub);
  return buildItl({
    records: [
      { certificate: cm.der, function: 'SAST', form: 'certificate' },
      { certificate: makeCertificate(SEED.capf).der, function: 'CAPF', form: 'certhash' },
    ],
    signer: await signerFor(cm),
    digest: 'SHA-1',
    timestamp: 1479761383,
  });
}

function expectError(bytes: Uint8Array, kind: ItlParseErrorKind, offset: number) {
  const parsed = parseItl(bytes);
  expect(parsed.ok).toBe(false);
  if (parsed.ok) return;
  expect(parsed.error).toMatchObject({ kind, offset });
  expect(parsed.error.message.length).toBeGreaterThan(0);
}

describe('malformed ITL files come back as typed errors naming the byte offset', () => {
  it('an empty file', () => {
    expectError(new Uint8Array(0), 'empty-file', 0);
  });

  it('a file over the phone limit of 64 KB is its own error kind', async () => {
    const big = new Uint8Array(ITL_MAX_BYTES + 1);
    big.set(await smallItl());
    expectError(big, 'file-too-large', ITL_MAX_BYTES);
    expect(parseItl(big, { maxBytes: Infinity }).ok).toBe(false); // still garbage after the records
  });

  it('a file that does not open with VERSION', () => {
    expectError(Uint8Array.of(2, 0, 2, 1, 2), 'unexpected-tag', 0);
  });

  it('a TLV header cut short', () => {
    expectError(Uint8Array.of(1, 0), 'truncated-tlv', 0);
  });

  it('HEADERLENGTH past the end of the file', async () => {
    const bytes = (await smallItl()).slice(0, 300);
    expectError(bytes, 'header-length-inconsistent', 5);
  });

  it('HEADERLENGTH that cuts the last header TLV in two', async () => {
    const bytes = await smallItl();
    const parsed = parseItl(bytes);
    if (!parsed.ok) throw new Error('fixture');
    const timestampAt = parsed.value.headerTlvs.find((t) => t.tag === 15)!.offset;
    bytes[9] -= 2; // header now ends inside TIMESTAMP's value
    expectError(bytes, 'header-length-inconsistent', timestampAt);
  });

  it('a header TLV whose length runs past the end of the file', () => {
    expectError(Uint8Array.of(1, 0, 2, 1, 2, 2, 0, 2, 0, 16, 4, 0xff, 0xff, 0, 0, 0), 'length-past-end', 10);
  });

  it('a nested TLV longer than its SIGNERID', async () => {
    const bytes = await smallItl();
    const parsed = parseItl(bytes);
    if (!parsed.ok) throw new Error('fixture');
    const caName = parsed.value.headerTlvs.find((t) => t.tag === 6)!; // the last TLV inside SIGNERID
    bytes[caName.offset + 2] += 1;
    expectError(bytes, 'container-length-inconsistent', caName.offset);
  });

  it('a record whose RECORDLENGTH runs past the end of the file', async () => {
    const bytes = await smallItl();
    const parsed = parseItl(bytes);
    if (!parsed.ok) throw new Error('fixture');
    const last = parsed.value.records[1];
    expectError(bytes.slice(0, bytes.length - 1), 'record-length-inconsistent', last.offset);
  });

  it('a record whose RECORDLENGTH ends inside one of its TLVs', async () => {
    const bytes = await smallItl();
    const parsed = parseItl(bytes);
    if (!parsed.ok) throw new Error('fixture');
    const first = parsed.value.records[0];
    bytes[first.offset + 4] -= 1; // one byte shorter: the CERTIFICATE now crosses the record end
    const certAt = first.tlvs.find((t) => t.tag === 9)!.offset;
    expectError(bytes, 'record-length-inconsistent', certAt);
  });

  it('a record that lacks FUNCTION', async () => {
    const bytes = await smallItl();
    const parsed = parseItl(bytes);
    if (!parsed.ok) throw new Error('fixture');
    const capf = parsed.value.records[1];
    const fn = capf.tlvs.find((t) => t.tag === 4)!;
    bytes[fn.offset] = 99; // an unknown tag in its place
    expectError(bytes, 'missing-tag', capf.offset);
  });

  it('a header without SIGNATURE', async () => {
    const bytes = await smallItl();
    const parsed = parseItl(bytes);
    if (!parsed.ok) throw new Error('fixture');
    bytes[parsed.value.signatureOffset] = 0x63; // the signature TLV becomes an unknown tag
    expectError(bytes, 'missing-tag', 0);
  });

  it('a FUNCTION of the wrong size', async () => {
    const bytes = await smallItl();
    const parsed = parseItl(bytes);
    if (!parsed.ok) throw new Error('fixture');
    const fn = parsed.value.records[0].tlvs.find((t) => t.tag === 4)!;
    bytes[fn.offset + 2] = 1;
    const again = parseItl(bytes);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.offset).toBeGreaterThanOrEqual(parsed.value.records[0].offset);
  });

  it('keeps unknown tags in records and the header instead of failing', async () => {
    const bytes = await smallItl();
    const parsed = parseItl(bytes);
    if (!parsed.ok) throw new Error('fixture');
    const capf = parsed.value.records[1];
    const hashAlg = capf.tlvs.find((t) => t.tag === 12)!;
    bytes[hashAlg.offset] = 42;
    const again = parseItl(bytes);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.value.records[1].tlvs.map((t) => t.tag)).toContain(42);
    expect(again.value.records[1].hashAlgorithm).toBeUndefined();
  });
});
