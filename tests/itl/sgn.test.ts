import { describe, expect, it } from 'vitest';
import { buildItl } from '../../src/itl/build';
import { parseItl } from '../../src/itl/parse';
import { buildSignedFile, parseSignedFile, verifySignedFile, verifySignedFileWithItl } from '../../src/itl/sgn';
import { SEED, makeCertificate, seedItlRecords, signerFor } from './helpers';

const CONFIG = new TextEncoder().encode(
  '<device><deviceProtocol>SIP</deviceProtocol><capfAuthMode>0</capfAuthMode><capfList><capf><phonePort>3804</phonePort>' +
    '<processNodeName>ao115pub</processNodeName></capf></capfList></device>\n',
);
const FILENAME = 'SEP682C7B5C2342.cnf.xml.sgn';
const TIMESTAMP = 1615893205;

async function signedConfig(digest: 'SHA-1' | 'SHA-512' = 'SHA-1') {
  const tftp = makeCertificate(SEED.callManagerSub);
  return buildSignedFile({ content: CONFIG, filename: FILENAME, signer: await signerFor(tftp, digest), digest, timestamp: TIMESTAMP });
}

async function seedItl() {
  const { records, signerCertificate } = seedItlRecords();
  const parsed = parseItl(await buildItl({ records, signer: await signerFor(signerCertificate), digest: 'SHA-1', timestamp: TIMESTAMP }));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

describe('signed configuration files (.sgn)', () => {
  for (const digest of ['SHA-1', 'SHA-512'] as const) {
    it(`round trip with ${digest}: VERSION 1.0 header, the file after HEADERLENGTH, verified by the TFTP certificate`, async () => {
      const bytes = await signedConfig(digest);
      const parsed = parseSignedFile(bytes);
      if (!parsed.ok) throw new Error(parsed.error.message);
      const file = parsed.value;
      expect(file.version).toBe('1.0');
      expect(file.signerVersion).toBeUndefined();
      expect(file.filename).toBe(FILENAME);
      expect(file.timestamp).toBe(TIMESTAMP);
      expect(file.digest).toBe(digest);
      expect(file.headerLength % 4).toBe(0);
      expect(file.signerName).toBe('CN=ao115sub;OU=TAC;O=Cisco Systems;L=Boxborough;ST=MA;C=US');
      expect(Array.from(file.content)).toEqual(Array.from(CONFIG));
      const verified = await verifySignedFile(bytes, makeCertificate(SEED.callManagerSub).der);
      expect(verified.ok).toBe(true);
      if (verified.ok) expect(new TextDecoder().decode(verified.content)).toContain('<processNodeName>ao115pub</processNodeName>');
    });
  }

  it('a phone holding the seed ITL accepts it through the TFTP record (#6), not through TVS or CAPF', async () => {
    const result = await verifySignedFileWithItl(await signedConfig(), await seedItl());
    expect(result.ok).toBe(true);
  });

  it('a changed byte of the configuration is rejected: "signature does not verify"', async () => {
    const bytes = await signedConfig();
    bytes[bytes.length - 10] ^= 0x20;
    expect(await verifySignedFile(bytes, makeCertificate(SEED.callManagerSub).der)).toEqual({ ok: false, reason: 'signature does not verify' });
    expect(await verifySignedFileWithItl(bytes, await seedItl())).toEqual({ ok: false, reason: 'signature does not verify' });
  });

  it('a changed header byte (the FILENAME) is rejected too: the signature covers the header', async () => {
    const bytes = await signedConfig();
    const parsed = parseSignedFile(bytes);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const at = parsed.value.headerTlvs.find((t) => t.tag === 14)!.offset + 3;
    bytes[at] ^= 0x01;
    expect((await verifySignedFile(bytes, makeCertificate(SEED.callManagerSub).der)).ok).toBe(false);
  });

  it('a file signed by a certificate that is not in the ITL as TFTP is refused', async () => {
    const tvs = makeCertificate(SEED.tvsPub);
    const bytes = await buildSignedFile({ content: CONFIG, filename: FILENAME, signer: await signerFor(tvs), digest: 'SHA-1', timestamp: TIMESTAMP });
    expect(await verifySignedFileWithItl(bytes, await seedItl())).toEqual({
      ok: false,
      reason: 'no TFTP record in the ITL matches the signer serial',
    });
    expect(await verifySignedFile(bytes, makeCertificate(SEED.callManagerSub).der)).toEqual({
      ok: false,
      reason: "the TFTP certificate's serial number is not the header's SERIALNUMBER",
    });
  });

  it('garbage is a parse error with an offset, not an exception', async () => {
    const parsed = parseSignedFile(new TextEncoder().encode('<device/>'));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatchObject({ kind: 'unexpected-tag', offset: 0 });
    const verified = await verifySignedFile(new Uint8Array([1, 0, 2, 1, 0]), makeCertificate(SEED.callManagerSub).der);
    expect(verified.ok).toBe(false);
  });
});
