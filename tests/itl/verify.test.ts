import { sha1 } from '@noble/hashes/legacy.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildItl } from '../../src/itl/build';
import { parseItl, type ItlFile } from '../../src/itl/parse';
import { findSignerRecord, recordCertificateHash, signedContent, verifyItl } from '../../src/itl/verify';
import { bytesEqual } from '../../src/pki/encode';
import { describeCertificate, importCertificateKey } from '../../src/pki/parse';
import { FIXTURES, SEED, fixtureBytes, fixtureCertificate, makeCertificate, seedItlRecords, signerFor } from './helpers';

const TIMESTAMP = 1479761383;

function parsed(bytes: Uint8Array): ItlFile {
  const p = parseItl(bytes);
  if (!p.ok) throw new Error(`${p.error.kind} at ${p.error.offset}: ${p.error.message}`);
  return p.value;
}

const flipped = (bytes: Uint8Array, at: number) => {
  const copy = bytes.slice();
  copy[at] ^= 0xff;
  return copy;
};

describe('build → parse → verify round trip', () => {
  for (const digest of ['SHA-1', 'SHA-512'] as const) {
    it(`the seed's seven-record ITL signed with ${digest} verifies, signer = the SAST ao115sub record (#5)`, async () => {
      const { records, signerCertificate } = seedItlRecords();
      const bytes = await buildItl({ records, signer: await signerFor(signerCertificate, digest), digest, timestamp: TIMESTAMP });
      const file = parsed(bytes);
      expect(file.digest).toBe(digest);
      expect(await verifyItl(bytes)).toEqual({ ok: true, signerIndex: 4 });
      expect(await verifyItl(file)).toEqual({ ok: true, signerIndex: 4 });
      // The ITLRecovery record is SAST too, but its serial is not the header's: it did not sign (seed trailer lines).
      expect(file.records[2].function.name).toBe('SAST');
      expect(bytesEqual(file.records[2].serialNumber, file.signerSerial)).toBe(false);
    });
  }

  it('the signed bytes are the file without the SIGNATURE TLV', async () => {
    const { records, signerCertificate } = seedItlRecords();
    const bytes = await buildItl({ records, signer: await signerFor(signerCertificate), digest: 'SHA-1', timestamp: TIMESTAMP });
    const file = parsed(bytes);
    const content = signedContent(file);
    expect(content.length).toBe(bytes.length - 259);
    expect(bytesEqual(content.subarray(0, file.signatureOffset), bytes.subarray(0, file.signatureOffset))).toBe(true);
    const info = describeCertificate(signerCertificate.der);
    if (!info.ok) throw new Error(info.error);
    const key = await importCertificateKey(info.value, 'SHA-1');
    expect(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, file.signature.slice().buffer, content.slice().buffer)).toBe(true);
  });

  it('signed by a key that is not the SAST certificate\'s: "signature does not verify"', async () => {
    const { records, signerCertificate } = seedItlRecords();
    const otherKey = makeCertificate(SEED.tvsPub);
    const bytes = await buildItl({
      records,
      signer: { certificate: signerCertificate.der, privateKey: (await signerFor(otherKey)).privateKey },
      digest: 'SHA-1',
      timestamp: TIMESTAMP,
    });
    expect(await verifyItl(bytes)).toEqual({ ok: false, reason: 'signature does not verify' });
  });

  it('signed by a certificate that has no SAST record: "no SAST record matches the signer serial"', async () => {
    const { records } = seedItlRecords();
    const capf = makeCertificate(SEED.capf);
    const bytes = await buildItl({ records, signer: await signerFor(capf), digest: 'SHA-1', timestamp: TIMESTAMP });
    expect(await verifyItl(bytes)).toEqual({ ok: false, reason: 'no SAST record matches the signer serial' });
  });

  it('a SAST record that only carries a CERTHASH cannot sign', async () => {
    const cm = makeCertificate(SEED.callManagerSub);
    const bytes = await buildItl({
      records: [{ certificate: cm.der, function: 'SAST', form: 'certhash' }],
      signer: await signerFor(cm),
      digest: 'SHA-1',
      timestamp: TIMESTAMP,
    });
    expect(await verifyItl(bytes)).toEqual({ ok: false, reason: 'no SAST record matches the signer serial' });
  });

  it('a file that does not parse is reported, not thrown', async () => {
    const result = await verifyItl(new Uint8Array([1, 0, 2]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^the file does not parse: /);
  });
});

describe('the independent fixtures verify, and any changed byte breaks them', () => {
  for (const name of FIXTURES) {
    describe(name, () => {
      let bytes: Uint8Array;
      let file: ItlFile;
      beforeAll(() => {
        bytes = fixtureBytes(`${name}.tlv`);
        file = parsed(bytes);
      });

      it('verifies against the SAST record whose serial matches the header (record #1)', async () => {
        expect(await verifyItl(bytes)).toEqual({ ok: true, signerIndex: 0 });
        expect(findSignerRecord(file)).toBe(0);
        expect(bytesEqual(file.records[0].certificate!, fixtureCertificate('callmanager-ao115sub.pem'))).toBe(true);
      });

      // Every byte of every record for the SHA-1 file (≈8300 verifications, ~12 s: certificate parsing dominates);
      // the SHA-512 file differs only in the digest, so there every 7th byte plus each record's first and last.
      const stride = name === 'ITLFile-sha1' ? 1 : 7;
      it(`flipping any single byte of any record makes verification fail (every ${stride === 1 ? '' : `${stride}th `}byte)`, async () => {
        expect(file.records).toHaveLength(5);
        for (const record of file.records) {
          const offsets = new Set<number>([record.offset + record.length - 1]);
          for (let at = record.offset; at < record.offset + record.length; at += stride) offsets.add(at);
          for (const at of offsets) {
            const result = await verifyItl(flipped(bytes, at));
            if (result.ok) throw new Error(`flipping byte ${at} (record at ${record.offset}) still verifies`);
          }
        }
      });

      it('flipping any byte of the header, signature included, makes verification fail', async () => {
        for (let at = 0; at < file.headerLength; at++) {
          const result = await verifyItl(flipped(bytes, at));
          if (result.ok) throw new Error(`flipping header byte ${at} still verifies`);
        }
        const inSignature = await verifyItl(flipped(bytes, file.signatureOffset + 3 + 100));
        expect(inSignature).toEqual({ ok: false, reason: 'signature does not verify' });
      });
    });
  }
});

describe('recordCertificateHash: what the phone pins CAPF and TVS by', () => {
  it('is the CERTHASH of a CUCM 11.5 CAPF record and SHA-1 of the DER for a CERTIFICATE record', async () => {
    const { records, signerCertificate } = seedItlRecords();
    const file = parsed(await buildItl({ records, signer: await signerFor(signerCertificate), digest: 'SHA-1', timestamp: TIMESTAMP }));
    const capfDer = makeCertificate(SEED.capf).der;
    expect(file.records[0].certHash).toBeDefined();
    expect(recordCertificateHash(file.records[0])).toEqual(sha1(capfDer));
    expect(recordCertificateHash(file.records[4])).toEqual(sha1(signerCertificate.der));
    expect(recordCertificateHash({})).toBeUndefined();
  });

  it('matches the fixture tool\'s "Certificate Hash" for the fixture CAPF', () => {
    const file = parsed(fixtureBytes('ITLFile-sha1.tlv'));
    expect(Buffer.from(recordCertificateHash(file.records[2])!).toString('hex')).toBe('869e7be0fbf57df6880b14eb27f5136957bd8c38');
  });
});
