/**
 * Key pairs for every certificate the lab creates, through WebCrypto (W3C Web Cryptography API):
 *
 * - RSA keys are RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017 §8.2), e = 65537, 512–4096 bits — the sizes a
 *   CUCM Phone Configuration page offers under "Key Size (Bits)" (512, 1024, 2048, 3072, 4096);
 * - EC keys are ECDSA on the NIST curves CAPF v3 asks a phone for (secp256r1/384r1/521r1, domain.md §6.4
 *   CURVE element; SEC 2 §2.4–2.6).
 *
 * Keys are extractable because the lab lets a student download them; the private key export is
 * PKCS#8 `PrivateKeyInfo` (RFC 5208 §5) in PEM (RFC 7468 §10).
 */
import { exactBuffer, toPem } from './encode';

export type KeySpec =
  | { kind: 'RSA'; bits: 512 | 1024 | 2048 | 3072 | 4096 }
  | { kind: 'EC'; curve: 'P-256' | 'P-384' | 'P-521' };

export type SignatureHash = 'SHA-256' | 'SHA-384' | 'SHA-512';

const RSA_SIZES = [512, 1024, 2048, 3072, 4096] as const;
const CURVES = ['P-256', 'P-384', 'P-521'] as const;
const RSA_PUBLIC_EXPONENT = new Uint8Array([0x01, 0x00, 0x01]);

export async function generateKeyPair(spec: KeySpec): Promise<CryptoKeyPair> {
  const algorithm: RsaHashedKeyGenParams | EcKeyGenParams =
    spec.kind === 'RSA'
      ? { name: 'RSASSA-PKCS1-v1_5', modulusLength: spec.bits, publicExponent: RSA_PUBLIC_EXPONENT, hash: 'SHA-256' }
      : { name: 'ECDSA', namedCurve: spec.curve };
  return crypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
}

/** "RSA 2048", "EC P-256" */
export function describeKeySpec(spec: KeySpec): string {
  return spec.kind === 'RSA' ? `RSA ${spec.bits}` : `EC ${spec.curve}`;
}

/** Read the spec back from a WebCrypto key (either half of a pair). */
export function keySpecOf(key: CryptoKey): KeySpec {
  const algorithm = key.algorithm as Partial<RsaHashedKeyAlgorithm & EcKeyAlgorithm> & { name: string };
  const bits = RSA_SIZES.find((b) => b === algorithm.modulusLength);
  if (algorithm.name === 'RSASSA-PKCS1-v1_5' && bits !== undefined) return { kind: 'RSA', bits };
  const curve = CURVES.find((c) => c === algorithm.namedCurve);
  if (algorithm.name === 'ECDSA' && curve !== undefined) return { kind: 'EC', curve };
  throw new Error(`Unsupported key ${algorithm.name}: LSC Lab signs with RSASSA-PKCS1-v1_5 or ECDSA keys only.`);
}

/**
 * The digest a key signs with. RSA always SHA-256 (CAPF LSCs are SHA-256 since 11.5(1)SU1, domain.md §2.9);
 * ECDSA matches the hash to the curve size, as RFC 5480 §4 recommends (P-256/SHA-256, P-384/SHA-384,
 * P-521/SHA-512).
 */
export function signatureHashFor(key: CryptoKey): SignatureHash {
  const spec = keySpecOf(key);
  if (spec.kind === 'RSA') return 'SHA-256';
  return spec.curve === 'P-256' ? 'SHA-256' : spec.curve === 'P-384' ? 'SHA-384' : 'SHA-512';
}

/** PKCS#8 PEM of a private key — for tests and the "download key" button only; the simulator never needs it. */
export async function exportPrivateKeyPem(key: CryptoKey): Promise<string> {
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', key));
  return toPem(pkcs8, 'PRIVATE KEY');
}

/** DER SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) of a public key. */
export async function exportPublicKeySpki(key: CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.exportKey('spki', key));
}

/**
 * Import a SubjectPublicKeyInfo for signature checks. The RSA hash is only a WebCrypto label here; the
 * verifying code re-imports with the hash of the signature algorithm it checks.
 */
export async function importPublicKeySpki(spki: Uint8Array, spec: KeySpec): Promise<CryptoKey> {
  const algorithm =
    spec.kind === 'RSA' ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } : { name: 'ECDSA', namedCurve: spec.curve };
  return crypto.subtle.importKey('spki', exactBuffer(spki), algorithm, true, ['verify']);
}
