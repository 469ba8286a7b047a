// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { describeKeySpec, exportPrivateKeyPem, generateKeyPair, keySpecOf, signatureHashFor } from '../../src/pki/keys';
import { openssl } from '../helpers/openssl';

describe('key pairs for the Key Order / Key Size choices of the Phone Configuration page', () => {
  it('names a key the way the lab shows it', () => {
    expect(describeKeySpec({ kind: 'RSA', bits: 2048 })).toBe('RSA 2048');
    expect(describeKeySpec({ kind: 'EC', curve: 'P-256' })).toBe('EC P-256');
  });

  it('an RSA-1024 key exports as PKCS#8 PEM that openssl checks as a valid RSA key', async () => {
    const keys = await generateKeyPair({ kind: 'RSA', bits: 1024 });
    expect(keySpecOf(keys.publicKey)).toEqual({ kind: 'RSA', bits: 1024 });
    expect(signatureHashFor(keys.privateKey)).toBe('SHA-256');
    const pem = await exportPrivateKeyPem(keys.privateKey);
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const check = openssl(['rsa', '-in', 'key.pem', '-check', '-noout'], { 'key.pem': pem });
    expect(check.output).toContain('RSA key ok');
  });

  it.each([
    ['P-256', 'SHA-256', 'prime256v1'],
    ['P-384', 'SHA-384', 'secp384r1'],
    ['P-521', 'SHA-512', 'secp521r1'],
  ] as const)('an EC %s key signs with %s and openssl reads it on %s', async (curve, hash, opensslCurve) => {
    const keys = await generateKeyPair({ kind: 'EC', curve });
    expect(keySpecOf(keys.privateKey)).toEqual({ kind: 'EC', curve });
    expect(signatureHashFor(keys.privateKey)).toBe(hash);
    const text = openssl(['pkey', '-in', 'key.pem', '-noout', '-text'], { 'key.pem': await exportPrivateKeyPem(keys.privateKey) });
    expect(text.status).toBe(0);
    expect(text.output).toContain(`ASN1 OID: ${opensslCurve}`);
  });
});
