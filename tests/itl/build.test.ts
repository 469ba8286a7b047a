import { describe, expect, it } from 'vitest';
import { buildItl, encodeItlRecord } from '../../src/itl/build';
import { parseItl, type ItlFile } from '../../src/itl/parse';
import { HeaderTag, PAD_BYTE, RecordTag } from '../../src/itl/tlv';
import { describeCertificate } from '../../src/pki/parse';
import { SEED, makeCertificate, seedItlRecords, signerFor } from './helpers';

const TIMESTAMP = 1479761383; // Nov 21 2016, the day the seed's CAPF certificate was issued

function certInfo(der: Uint8Array) {
  const info = describeCertificate(der);
  if (!info.ok) throw new Error(info.error);
  return info.value;
}

async function seedItl(extra: { signerVersion?: '1.0' | '1.1' } = {}): Promise<ItlFile> {
  const { records, signerCertificate } = seedItlRecords();
  const bytes = await buildItl({ records, signer: await signerFor(signerCertificate), digest: 'SHA-1', timestamp: TIMESTAMP, ...extra });
  const parsed = parseItl(bytes);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** [tag, value length] of each TLV of a record, RECORDLENGTH included. */
const shape = (file: ItlFile, i: number) => file.records[i].tlvs.map((t) => [t.tag, t.length]);

describe('ITL record arithmetic (domain.md §5.5, worked on the seed)', () => {
  it('a CAPF record for a 2048-bit RSA certificate, empty DNS name, 16-byte serial and CERTHASH is exactly 727 bytes', () => {
    const capf = makeCertificate(SEED.capf);
    const record = encodeItlRecord({ certificate: capf.der, function: 'CAPF', form: 'certhash' });
    // 5 RECORDLENGTH + 5 DNSNAME(2) + 67 SUBJECT(64) + 5 FUNCTION + 67 ISSUER + 19 SERIAL(16) + 273 PUBLICKEY(270)
    // + 259 SIGNATURE(256) + 23 CERTHASH(20) + 4 HASH ALGORITHM(1)
    expect(record.length).toBe(727);
    expect((record[3] << 8) | record[4]).toBe(727);
  });

  it('a TVS record for ao115pub is 717 bytes (subject and issuer 59 instead of 64)', () => {
    const record = encodeItlRecord({ certificate: makeCertificate(SEED.tvsPub).der, function: 'TVS', form: 'certhash' });
    expect(record.length).toBe(717);
  });

  it('the seed ITL has the seed record shapes, and the CERTIFICATE records add up', async () => {
    const file = await seedItl();
    expect(file.records).toHaveLength(7);
    const capfShape = [[1, 2], [2, 2], [3, 64], [4, 2], [5, 64], [6, 16], [7, 270], [8, 256], [11, 20], [12, 1]];
    expect(shape(file, 0)).toEqual(capfShape);
    expect(file.records.map((r) => r.length).filter((_, i) => [0, 1, 3].includes(i))).toEqual([727, 717, 717]);

    // #3 SAST ITLRECOVERY_ao115pub with CERTIFICATE: 5+5+74+5+74+19+273+259+(3+len(DER)); the seed's 963 gives 1680
    const recovery = makeCertificate(SEED.itlRecovery).der;
    expect(file.records[2].length).toBe(5 + 5 + 74 + 5 + 74 + 19 + 273 + 259 + (3 + recovery.length));
    expect(5 + 5 + 74 + 5 + 74 + 19 + 273 + 259 + (3 + 963)).toBe(1680);
    expect(shape(file, 2).map(([tag]) => tag)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);

    // #5 and #6: the CallManager certificate twice (SAST, then TFTP), the seed's 959-byte DER giving 1652
    const cm = makeCertificate(SEED.callManagerSub).der;
    expect(file.records[4].length).toBe(5 + 5 + 62 + 5 + 62 + 19 + 273 + 259 + (3 + cm.length));
    expect(file.records[5].length).toBe(file.records[4].length);
    expect(5 + 5 + 62 + 5 + 62 + 19 + 273 + 259 + (3 + 959)).toBe(1652);
  });

  it('an EC P-384 TFTP record with DNSNAME ao115sub carries the 97-byte point and the ECDSA signature', async () => {
    const file = await seedItl();
    const ec = makeCertificate(SEED.callManagerSubEc).der;
    const info = certInfo(ec);
    const record = file.records[6];
    expect(record.dnsName).toBe('ao115sub');
    expect(record.publicKey).toHaveLength(97);
    expect(record.publicKey![0]).toBe(0x04); // uncompressed point
    expect(record.signature).toEqual(info.signatureValue);
    expect(record.signature!.length).toBeGreaterThanOrEqual(100); // DER ECDSA-P384: the seed shows 103
    expect(record.signature!.length).toBeLessThanOrEqual(104);
    expect(shape(file, 6)).toEqual([[1, 2], [2, 9], [3, 62], [4, 2], [5, 62], [6, 16], [7, 97], [8, info.signatureValue.length], [9, ec.length]]);
    // seed: 5 + 12 + 65 + 5 + 65 + 19 + 100 + (3+103) + (3+651) = 1031
    expect(record.length).toBe(5 + 12 + 65 + 5 + 65 + 19 + 100 + (3 + info.signatureValue.length) + (3 + ec.length));
    expect(5 + 12 + 65 + 5 + 65 + 19 + 100 + (3 + 103) + (3 + 651)).toBe(1031);
  });

  it('writes names CN-first and serials as the certificate holds them', async () => {
    const file = await seedItl();
    expect(file.records[0].subjectName).toBe('CN=CAPF-7f0ae8d7;OU=TAC;O=Cisco Systems;L=Boxborough;ST=MA;C=US');
    expect(file.records[0].issuerName).toBe(file.records[0].subjectName);
    expect(file.records[0].function).toEqual({ code: 4, name: 'CAPF' });
    expect(file.records[6].subjectName).toBe('CN=ao115sub-EC;OU=TAC;O=Cisco Systems;L=Boxborough;ST=MA;C=US');
    expect(Buffer.from(file.records[4].serialNumber).toString('hex').toUpperCase()).toBe(SEED.callManagerSub.serial);
    expect(file.records[2].function).toEqual({ code: 0, name: 'SAST' });
    expect(file.records[1].function).toEqual({ code: 21, name: 'TVS' });
    expect(file.records[1].hashAlgorithm).toBe(1);
  });
});

describe('ITL header as CUCM 11.5 writes it', () => {
  it('VERSION 1.2, HEADERLENGTH padded to a multiple of 4 with 0x0D, SIGNERID as SIGNERNAME, SERIALNUMBER, CANAME', async () => {
    const file = await seedItl();
    expect(file.version).toBe('1.2');
    expect(file.signerVersion).toBeUndefined();
    // 5 VERSION + 5 HEADERLENGTH + 146 SIGNERID{62+19+62} + 18 SIGNATUREINFO + 259 SIGNATURE + 15 FILENAME + 7 TIMESTAMP
    // = 455, one pad byte → 456
    expect(file.headerLength).toBe(456);
    expect(file.headerTlvs.map((t) => t.tag)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 13]);
    expect(file.bytes[455]).toBe(PAD_BYTE);
    expect(file.headerTlvs.find((t) => t.tag === HeaderTag.SIGNERID)!.length).toBe(143);
    expect(file.headerTlvs.find((t) => t.tag === HeaderTag.SIGNATUREINFO)!.length).toBe(15);
    expect(file.signerName).toBe('CN=ao115sub;OU=TAC;O=Cisco Systems;L=Boxborough;ST=MA;C=US');
    expect(file.caName).toBe(file.signerName);
    expect(Buffer.from(file.signerSerial).toString('hex').toUpperCase()).toBe(SEED.callManagerSub.serial);
    expect(file.digest).toBe('SHA-1');
    expect(file.digestCode).toBe(1);
    expect(file.signatureAlgorithm).toBe(0);
    expect(file.signatureModulus).toBe(2);
    expect(file.signature).toHaveLength(256);
    expect(file.signatureOffset).toBe(5 + 5 + 146 + 18);
    expect(file.signatureLength).toBe(259);
    expect(file.filename).toBe('ITLFile.tlv');
    expect(file.timestamp).toBe(TIMESTAMP);
    expect(file.records[0].offset).toBe(456);
    expect(file.records[0].tlvs[0].tag).toBe(RecordTag.RECORDLENGTH);
  });

  it('writes the signer version (tag 28) right after HEADERLENGTH when asked, and pads accordingly', async () => {
    const file = await seedItl({ signerVersion: '1.1' });
    expect(file.signerVersion).toBe('1.1');
    expect(file.headerTlvs.slice(0, 3).map((t) => t.tag)).toEqual([1, 2, 28]);
    expect(file.headerLength).toBe(460); // 455 + 5, already a multiple of 4
    expect(file.headerTlvs.some((t) => t.tag === HeaderTag.PADDING)).toBe(false);
  });

  it('names a per-device file and a SHA-512 digest in the header', async () => {
    const cm = makeCertificate(SEED.callManagerSub);
    const bytes = await buildItl({
      records: [{ certificate: cm.der, function: 'SAST', form: 'certificate' }],
      signer: await signerFor(cm, 'SHA-1'), // bound to SHA-1 on purpose: the builder re-binds an extractable key
      digest: 'SHA-512',
      timestamp: TIMESTAMP,
      filename: 'ITLSEP001122334455.tlv',
    });
    const parsed = parseItl(bytes);
    expect(parsed.ok && parsed.value.filename).toBe('ITLSEP001122334455.tlv');
    expect(parsed.ok && parsed.value.digestCode).toBe(3);
  });

  it('refuses an EC signer: the header signature algorithm only knows RSA', async () => {
    const ec = makeCertificate(SEED.callManagerSubEc);
    const rsa = makeCertificate(SEED.callManagerSub);
    await expect(
      buildItl({
        records: [],
        signer: { certificate: ec.der, privateKey: (await signerFor(rsa)).privateKey },
        digest: 'SHA-1',
        timestamp: TIMESTAMP,
      }),
    ).rejects.toThrow(/RSA/);
  });
});
