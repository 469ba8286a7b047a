/**
 * Signatures on certificates and requests: made with WebCrypto, checked with WebCrypto, and their encoding
 * checked before the maths. A signature is a BIT STRING with no unused bits (RFC 5280 §4.1.1.3, RFC 2986
 * §4); for ECDSA its contents are the DER of
 *
 * ```asn
 * Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }      -- RFC 3279 §2.2.3, RFC 5480 §2.2
 * ```
 * while WebCrypto signs and verifies the raw r‖s (W3C WebCrypto §23.4), so this module converts both ways.
 * A converter that ignored the SEQUENCE's tag (pkijs' did) lets a damaged signature "verify" where openssl
 * rejects it: every check here looks at the encoding first, so the lab and openssl agree.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { bitString, expect, oid, parseDer, readIntegerBytes, readOid, readSmallInteger, sequence, TAG, tlv, unsignedIntegerContents, type AlgorithmIdentifier, type BitStringValue } from './asn1';
import { bytesEqual, exactBuffer, toHex } from './encode';
import { EC_PUBLIC_KEY_OID, RSA_ENCRYPTION_OID, type SubjectPublicKeyInfo } from './parse';

const ECDSA_SIGNATURE_PREFIX = '1.2.840.10045.4.';
type Hash = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

/** sha*WithRSAEncryption (RFC 4055 §5, RFC 8017 A.2.4) and ecdsa-with-SHA* (RFC 5758 §3.2, RFC 3279 §2.2.3). */
const RSA_PKCS1: Record<string, Hash> = {
  '1.2.840.113549.1.1.5': 'SHA-1',
  '1.2.840.113549.1.1.11': 'SHA-256',
  '1.2.840.113549.1.1.12': 'SHA-384',
  '1.2.840.113549.1.1.13': 'SHA-512',
};
const ECDSA: Record<string, Hash> = {
  '1.2.840.10045.4.1': 'SHA-1',
  '1.2.840.10045.4.3.2': 'SHA-256',
  '1.2.840.10045.4.3.3': 'SHA-384',
  '1.2.840.10045.4.3.4': 'SHA-512',
};
const RSA_PSS_OID = '1.2.840.113549.1.1.10';
const MGF1_OID = '1.2.840.113549.1.1.8';
const HASH_OIDS: Record<string, Hash> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};
const CURVE_BYTES: Record<string, { name: 'P-256' | 'P-384' | 'P-521'; size: number }> = {
  '1.2.840.10045.3.1.7': { name: 'P-256', size: 32 },
  '1.3.132.0.34': { name: 'P-384', size: 48 },
  '1.3.132.0.35': { name: 'P-521', size: 66 },
};

/** A universal, primitive, positive INTEGER in minimal DER. */
function isDerPositiveInteger(node: { tag: number; value: Uint8Array }): boolean {
  const v = node.value;
  if (node.tag !== TAG.INTEGER || v.length === 0 || v[0] & 0x80) return false;
  return !(v.length > 1 && v[0] === 0 && v[1] < 0x80);
}

/** Why the signature value is malformed, or undefined when its encoding is sound. */
export function signatureEncodingProblem(signatureAlgorithmOid: string, signature: BitStringValue): string | undefined {
  const bytes = signature.bytes;
  if (bytes.length === 0) return 'the signature is empty';
  if (signature.unusedBits !== 0) return 'the signature BIT STRING has unused bits';
  if (!signatureAlgorithmOid.startsWith(ECDSA_SIGNATURE_PREFIX)) return undefined;
  if (bytes[0] !== TAG.SEQUENCE) return 'the ECDSA signature is not a DER SEQUENCE';
  let parsed;
  try {
    parsed = parseDer(bytes);
  } catch {
    return 'the ECDSA signature is not DER';
  }
  if (parsed.children.length !== 2 || !parsed.children.every(isDerPositiveInteger)) {
    return 'the ECDSA signature is not two positive DER INTEGERs';
  }
  return undefined;
}

/** The WebCrypto parameters a signature algorithm identifier names, or undefined when the lab cannot check it. */
function verifyParameters(algorithm: AlgorithmIdentifier): { kind: 'RSA' | 'EC'; params: RsaPssParams | EcdsaParams | Algorithm; hash: Hash } | undefined {
  const p = algorithm.parameters;
  // DER writes NULL parameters for the PKCS#1 algorithms and none for ECDSA (RFC 4055 §5, RFC 5758 §3.2).
  if (RSA_PKCS1[algorithm.oid]) {
    if (p && !(p.tag === TAG.NULL && p.value.length === 0)) return undefined;
    return { kind: 'RSA', params: { name: 'RSASSA-PKCS1-v1_5' }, hash: RSA_PKCS1[algorithm.oid] };
  }
  if (ECDSA[algorithm.oid]) {
    if (p) return undefined;
    return { kind: 'EC', params: { name: 'ECDSA', hash: ECDSA[algorithm.oid] }, hash: ECDSA[algorithm.oid] };
  }
  if (algorithm.oid === RSA_PSS_OID && p) {
    // RSASSA-PSS-params (RFC 4055 §3.1): hash [0] DEFAULT sha1, maskGen [1] DEFAULT mgf1SHA1, salt [2] DEFAULT 20, trailer [3] DEFAULT 1
    try {
      let hash: Hash | undefined = 'SHA-1';
      let mgfHash: Hash | undefined = 'SHA-1';
      let saltLength = 20;
      for (const field of expect(p, TAG.SEQUENCE, 'RSASSA-PSS-params').children) {
        const inner = field.children[0];
        if (field.tag === 0xa0) hash = HASH_OIDS[readOid(inner?.children[0], 'hashAlgorithm')];
        else if (field.tag === 0xa1) {
          if (readOid(inner?.children[0], 'maskGenAlgorithm') !== MGF1_OID) return undefined;
          mgfHash = HASH_OIDS[readOid(inner?.children[1]?.children[0], 'MGF1 hash')];
        } else if (field.tag === 0xa2) saltLength = readSmallInteger(inner, 'saltLength');
        else if (field.tag !== 0xa3 || readSmallInteger(inner, 'trailerField') !== 1) return undefined;
      }
      // WebCrypto's RSA-PSS uses MGF1 with the message hash; other combinations it cannot check.
      if (!hash || hash !== mgfHash) return undefined;
      return { kind: 'RSA', params: { name: 'RSA-PSS', saltLength }, hash };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** ECDSA DER → the raw r‖s WebCrypto verifies, each half padded to the curve's size; undefined if it cannot fit. */
function rawEcdsaSignature(der: Uint8Array, size: number): Uint8Array | undefined {
  const seq = parseDer(der);
  const out = new Uint8Array(size * 2);
  for (const [i, part] of seq.children.entries()) {
    let v = readIntegerBytes(part, 'r or s');
    while (v.length > 1 && v[0] === 0) v = v.subarray(1);
    if (v.length > size) return undefined;
    out.set(v, i * size + size - v.length);
  }
  return out;
}

/** Imported verification keys by algorithm and SPKI (public keys: nothing secret is kept). */
const keys = new Map<string, Promise<CryptoKey>>();

function importKey(spki: SubjectPublicKeyInfo, algorithm: RsaHashedImportParams | EcKeyImportParams): Promise<CryptoKey> {
  const id = `${JSON.stringify(algorithm)}:${toHex(sha1(spki.der))}`;
  let key = keys.get(id);
  if (!key) {
    key = crypto.subtle.importKey('spki', exactBuffer(spki.der), algorithm, false, ['verify']);
    if (keys.size >= 256) keys.delete(keys.keys().next().value!);
    keys.set(id, key);
    key.catch(() => keys.delete(id));
  }
  return key;
}

/**
 * Whether `signature` over `signed` verifies with `spki` under `algorithm`. A malformed signature, an
 * algorithm the key cannot make, unknown parameters or a key WebCrypto refuses are all false, never an exception.
 */
export async function verifySignature(signed: Uint8Array, algorithm: AlgorithmIdentifier, signature: BitStringValue, spki: SubjectPublicKeyInfo): Promise<boolean> {
  if (signatureEncodingProblem(algorithm.oid, signature)) return false;
  const how = verifyParameters(algorithm);
  if (!how) return false;
  try {
    if (how.kind === 'RSA') {
      if (spki.algorithm.oid !== RSA_ENCRYPTION_OID) return false;
      const key = await importKey(spki, { name: how.params.name, hash: how.hash });
      return await crypto.subtle.verify(how.params, key, exactBuffer(signature.bytes), exactBuffer(signed));
    }
    const params = spki.algorithm.parameters;
    const curve = spki.algorithm.oid === EC_PUBLIC_KEY_OID && params?.tag === TAG.OID ? CURVE_BYTES[readOid(params, 'The curve')] : undefined;
    if (!curve) return false;
    const raw = rawEcdsaSignature(signature.bytes, curve.size);
    if (!raw) return false;
    const key = await importKey(spki, { name: 'ECDSA', namedCurve: curve.name });
    return await crypto.subtle.verify(how.params, key, exactBuffer(raw), exactBuffer(signed));
  } catch {
    return false; // a DerError in the signature or key, or WebCrypto refusing the key
  }
}

/** The AlgorithmIdentifier a private key signs under, and the WebCrypto parameters to sign with. */
function signingAlgorithm(key: CryptoKey): { identifier: Uint8Array; params: Algorithm | EcdsaParams; ec: number } {
  const algorithm = key.algorithm as Partial<RsaHashedKeyAlgorithm & EcKeyAlgorithm> & { name: string };
  if (algorithm.name === 'RSASSA-PKCS1-v1_5') {
    // an RSA key signs with the hash it was made with (keys.ts: always SHA-256)
    const hash = (algorithm.hash as Algorithm | undefined)?.name;
    const oidFor = Object.entries(RSA_PKCS1).find(([, h]) => h === hash)?.[0];
    if (!oidFor) throw new Error(`Unsupported RSA signing hash ${hash}.`);
    // Parameters absent rather than NULL: RFC 4055 §5 asks for NULL but has verifiers accept both, and
    // absent is what every certificate the lab made has carried (pkijs wrote it so); a change would alter
    // certificates, ITL sizes and stored fixtures for no gain.
    return { identifier: sequence(oid(oidFor)), params: { name: 'RSASSA-PKCS1-v1_5' }, ec: 0 };
  }
  if (algorithm.name === 'ECDSA') {
    // keys.ts signatureHashFor: the curve's own hash (RFC 5480 §4)
    const curve = Object.values(CURVE_BYTES).find((c) => c.name === algorithm.namedCurve);
    if (!curve) throw new Error(`Unsupported curve ${algorithm.namedCurve}.`);
    const hash: Hash = curve.name === 'P-256' ? 'SHA-256' : curve.name === 'P-384' ? 'SHA-384' : 'SHA-512';
    const oidFor = Object.entries(ECDSA).find(([, h]) => h === hash)![0];
    return { identifier: sequence(oid(oidFor)), params: { name: 'ECDSA', hash }, ec: curve.size };
  }
  throw new Error(`Unsupported key ${algorithm.name}: LSC Lab signs with RSASSA-PKCS1-v1_5 or ECDSA keys only.`);
}

/** The signature AlgorithmIdentifier `key` will sign under — it goes inside the signed part too. */
export function signatureAlgorithmFor(key: CryptoKey): Uint8Array {
  return signingAlgorithm(key).identifier;
}

/**
 * `SEQUENCE { signed, signatureAlgorithm, signature BIT STRING }` — a Certificate (RFC 5280 §4.1) or a
 * CertificationRequest (RFC 2986 §4) around its already encoded signed part.
 */
export async function signedObject(signed: Uint8Array, key: CryptoKey): Promise<Uint8Array> {
  const how = signingAlgorithm(key);
  let value: Uint8Array = new Uint8Array(await crypto.subtle.sign(how.params, key, exactBuffer(signed)));
  if (how.ec) {
    const r = value.subarray(0, how.ec);
    const s = value.subarray(how.ec);
    value = sequence(tlv(TAG.INTEGER, unsignedIntegerContents(r)), tlv(TAG.INTEGER, unsignedIntegerContents(s)));
  }
  return sequence(signed, how.identifier, bitString(value));
}

/** Whether two AlgorithmIdentifiers are the same bytes (a certificate's inner and outer must be, RFC 5280 §4.1.1.2). */
export function sameAlgorithm(a: AlgorithmIdentifier, b: AlgorithmIdentifier): boolean {
  return bytesEqual(a.der, b.der);
}
