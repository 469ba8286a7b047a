/**
 * Read an X.509 certificate (RFC 5280 §4.1) into the plain fields the lab displays and builds from:
 *
 * ```asn
 * Certificate  ::=  SEQUENCE  { tbsCertificate TBSCertificate, signatureAlgorithm AlgorithmIdentifier,
 *                               signatureValue BIT STRING }
 * TBSCertificate ::= SEQUENCE { version [0] Version DEFAULT v1, serialNumber CertificateSerialNumber,
 *     signature AlgorithmIdentifier, issuer Name, validity Validity, subject Name,
 *     subjectPublicKeyInfo SubjectPublicKeyInfo, … extensions [3] Extensions OPTIONAL }
 * ```
 * The ITL needs the RSA key as PKCS#1 `RSAPublicKey` DER (RFC 8017 A.1.1; 270 bytes at 2048 bits) or the
 * EC key as the uncompressed point (SEC 1 §2.3.3; 97 bytes on P-384), and the raw signature value.
 * Malformed bytes come back as `{ ok: false }`, never as an exception.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import {
  DerError,
  expect,
  parseDer,
  readAlgorithm,
  readBitString,
  readBoolean,
  readIntegerBytes,
  readOid,
  readSmallInteger,
  readTime,
  TAG,
  type AlgorithmIdentifier,
  type BitStringValue,
  type Node,
} from './asn1';
import { exactBuffer, toHex, type Decoded } from './encode';
import { fromRdns } from './names';

export type PublicKeyDescription =
  | { kind: 'RSA'; bits: number; pkcs1: Uint8Array }
  | { kind: 'EC'; curve: 'P-256' | 'P-384' | 'P-521'; point: Uint8Array };

export interface CertificateInfo {
  der: Uint8Array;
  version: number;
  serialNumber: Uint8Array;
  signatureAlgorithmOid: string;
  /** Java-style name as CUCM prints it: "SHA256withRSA", "SHA384withECDSA". */
  signatureAlgorithmName: string;
  issuer: Array<[string, string]>;
  subject: Array<[string, string]>;
  notBefore: Date;
  notAfter: Date;
  publicKey: PublicKeyDescription;
  publicKeyAlgorithmOid: string;
  /** DER SubjectPublicKeyInfo, as WebCrypto imports it ("spki"). */
  spki: Uint8Array;
  /** The certificate's own signature value (BIT STRING contents). */
  signatureValue: Uint8Array;
  isCA: boolean;
  pathLength: number | undefined;
  keyUsage: string[];
  extendedKeyUsage: string[];
  selfIssued: boolean;
}

export const SIGNATURE_ALGORITHMS: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'SHA1withRSA',
  '1.2.840.113549.1.1.11': 'SHA256withRSA',
  '1.2.840.113549.1.1.12': 'SHA384withRSA',
  '1.2.840.113549.1.1.13': 'SHA512withRSA',
  '1.2.840.10045.4.3.2': 'SHA256withECDSA',
  '1.2.840.10045.4.3.3': 'SHA384withECDSA',
  '1.2.840.10045.4.3.4': 'SHA512withECDSA',
};
export const RSA_ENCRYPTION_OID = '1.2.840.113549.1.1.1';
export const EC_PUBLIC_KEY_OID = '1.2.840.10045.2.1';
const CURVES: Record<string, 'P-256' | 'P-384' | 'P-521'> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
};
/** KeyUsage's named bits in RFC 5280 §4.2.1.3 order: a name's index is its bit number. */
export const KEY_USAGE_BITS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];
/** The names of the bits set in a KeyUsage BIT STRING's bytes (bit 0 is the first byte's high bit). */
export function keyUsageNames(bytes: Uint8Array): string[] {
  return KEY_USAGE_BITS.filter((_, i) => (bytes[i >> 3] ?? 0) & (0x80 >> (i & 7)));
}
export const EKU_NAMES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.5': 'ipsecEndSystem',
};

/** Strip the sign-padding zero DER puts in front of a positive INTEGER whose top bit is set. */
export function unsignedInteger(value: Uint8Array): Uint8Array {
  let i = 0;
  while (i < value.length - 1 && value[i] === 0) i++;
  return value.subarray(i);
}

/** SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING } */
export interface SubjectPublicKeyInfo {
  der: Uint8Array;
  algorithm: AlgorithmIdentifier;
  /** The BIT STRING's contents: PKCS#1 RSAPublicKey DER, or the EC point. */
  publicKey: Uint8Array;
}

/** Extension ::= SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING } */
export interface Extension {
  oid: string;
  critical: boolean;
  /** The OCTET STRING's contents: the DER of the extension's own type. */
  value: Uint8Array;
  /** Where the Extension starts in the certificate. */
  offset: number;
}

/** A certificate as read: its signed part and fields, with Names kept as DER trees for exact comparison. */
export interface X509Certificate {
  der: Uint8Array;
  /** The DER of tbsCertificate: the bytes the signature covers. */
  tbs: Uint8Array;
  /** As encoded: 0 for v1, 2 for v3. */
  version: number;
  /** The serialNumber INTEGER's contents. */
  serialNumber: Uint8Array;
  /** tbsCertificate.signature: must equal {@link signatureAlgorithm} (RFC 5280 §4.1.2.3). */
  tbsSignature: AlgorithmIdentifier;
  issuer: Node;
  subject: Node;
  notBefore: Date;
  notAfter: Date;
  subjectPublicKeyInfo: SubjectPublicKeyInfo;
  extensions: Extension[];
  signatureAlgorithm: AlgorithmIdentifier;
  signature: BitStringValue;
}

export function readSubjectPublicKeyInfo(node: Node | undefined, what = 'The subjectPublicKeyInfo'): SubjectPublicKeyInfo {
  const seq = expect(node, TAG.SEQUENCE, what);
  if (seq.children.length !== 2) throw new DerError(`${what} at byte ${seq.offset} is not an algorithm and a key`);
  const key = readBitString(seq.children[1], `${what}'s key`);
  return { der: seq.der, algorithm: readAlgorithm(seq.children[0], `${what}'s algorithm`), publicKey: key.bytes };
}

function readExtensions(node: Node): Extension[] {
  const list = expect(node.children[0], TAG.SEQUENCE, 'The extensions');
  if (node.children.length !== 1) throw new DerError(`The extensions at byte ${node.offset} are not one SEQUENCE`);
  return list.children.map((ext) => {
    const parts = expect(ext, TAG.SEQUENCE, 'An extension').children;
    const critical = parts.length === 3;
    if (parts.length !== 2 && !critical) throw new DerError(`The extension at byte ${ext.offset} is not an OID, a flag and a value`);
    return {
      oid: readOid(parts[0], 'An extension ID'),
      critical: critical ? readBoolean(parts[1], 'An extension\'s critical flag') : false,
      value: expect(parts[parts.length - 1], TAG.OCTET_STRING, 'An extension value').value,
      offset: ext.offset,
    };
  });
}

/** RFC 5280 §4.1 over a parsed tree; a field that is not what the schema says is a DerError. */
function readCertificate(root: Node): X509Certificate {
  const top = expect(root, TAG.SEQUENCE, 'The certificate').children;
  if (top.length !== 3) throw new DerError('a certificate is three parts: the signed part, an algorithm and a signature');
  const tbsNode = expect(top[0], TAG.SEQUENCE, 'The signed part (tbsCertificate)');
  const f = tbsNode.children;
  let i = 0;
  let version = 0;
  if (f[0]?.tag === 0xa0) {
    if (f[0].children.length !== 1) throw new DerError(`The version at byte ${f[0].offset} is not one INTEGER`);
    version = readSmallInteger(f[0].children[0], 'The version');
    i++;
  }
  const serialNumber = expect(f[i++], TAG.INTEGER, 'The serial number').value;
  if (serialNumber.length === 0) throw new DerError('The serial number is empty');
  const tbsSignature = readAlgorithm(f[i++], 'The signature algorithm of the signed part');
  const issuer = f[i++];
  fromRdns(expect(issuer, TAG.SEQUENCE, 'The issuer'));
  const validity = expect(f[i++], TAG.SEQUENCE, 'The validity');
  if (validity.children.length !== 2) throw new DerError(`The validity at byte ${validity.offset} is not two times`);
  const notBefore = readTime(validity.children[0], 'notBefore');
  const notAfter = readTime(validity.children[1], 'notAfter');
  const subject = f[i++];
  fromRdns(expect(subject, TAG.SEQUENCE, 'The subject'));
  const subjectPublicKeyInfo = readSubjectPublicKeyInfo(f[i++]);
  // issuerUniqueID [1], subjectUniqueID [2] (IMPLICIT BIT STRINGs, either form), then extensions [3]
  while (f[i] && (f[i].tag & 0xdf) === 0x81) i++;
  while (f[i] && (f[i].tag & 0xdf) === 0x82) i++;
  let extensions: Extension[] = [];
  if (f[i]?.tag === 0xa3) extensions = readExtensions(f[i++]);
  if (i !== f.length) throw new DerError(`The signed part has an unexpected field at byte ${f[i].offset}`);
  return {
    der: root.der,
    tbs: tbsNode.der,
    version,
    serialNumber,
    tbsSignature,
    issuer: issuer!,
    subject: subject!,
    notBefore,
    notAfter,
    subjectPublicKeyInfo,
    extensions,
    signatureAlgorithm: readAlgorithm(top[1], 'The signature algorithm'),
    signature: readBitString(top[2], 'The signature'),
  };
}

/**
 * Read untrusted bytes as a certificate: the DER must be exact (der.ts: lengths that agree, nothing
 * after the end) and every field what RFC 5280 says. Never throws.
 */
export function parseCertificate(der: Uint8Array): Decoded<X509Certificate> {
  if (!(der instanceof Uint8Array) || der.length === 0) return { ok: false, error: 'The certificate is empty.' };
  let root: Node;
  try {
    root = parseDer(der);
  } catch (e) {
    return { ok: false, error: `The certificate is not valid DER: ${(e as Error).message}` };
  }
  try {
    return { ok: true, value: readCertificate(root) };
  } catch (e) {
    // DerError: a field that is not what RFC 5280 says; anything else would be a bug here, and is still an answer
    return { ok: false, error: `The bytes are DER but not an X.509 certificate (${(e as Error).message}).` };
  }
}

/** The same as {@link parseCertificate}: every certificate is read as untrusted input. */
export const parseUntrustedCertificate = parseCertificate;

/** The same description for any SubjectPublicKeyInfo (a CSR's, a certificate's). */
export function describePublicKeyInfo(spki: SubjectPublicKeyInfo): Decoded<PublicKeyDescription> {
  const oid = spki.algorithm.oid;
  const keyBytes = spki.publicKey;
  if (oid === RSA_ENCRYPTION_OID) {
    try {
      const key = expect(parseDer(keyBytes), TAG.SEQUENCE, 'RSAPublicKey');
      const modulus = readIntegerBytes(key.children[0], 'The modulus');
      readIntegerBytes(key.children[1], 'The public exponent');
      return { ok: true, value: { kind: 'RSA', bits: unsignedInteger(modulus).length * 8, pkcs1: keyBytes } };
    } catch {
      return { ok: false, error: 'The RSA public key is not a PKCS#1 RSAPublicKey.' };
    }
  }
  if (oid === EC_PUBLIC_KEY_OID) {
    let curveOid = '';
    try {
      if (spki.algorithm.parameters?.tag === TAG.OID) curveOid = readOid(spki.algorithm.parameters, 'The curve');
    } catch {
      curveOid = '';
    }
    const curve = CURVES[curveOid];
    if (!curve) return { ok: false, error: `Unsupported elliptic curve ${curveOid || '(none)'}.` };
    return { ok: true, value: { kind: 'EC', curve, point: keyBytes } };
  }
  return { ok: false, error: `Unsupported public key algorithm ${oid}.` };
}

/**
 * Read a bare DER SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) — what a phone sends CAPF in the PUBLIC_KEY element
 * of KEY_GENERATE_RESPONSE (domain.md §14.2). Junk, trailing bytes or an unknown algorithm are an error value.
 */
export function parseSubjectPublicKeyInfo(der: Uint8Array): Decoded<{ info: SubjectPublicKeyInfo; key: PublicKeyDescription }> {
  if (!(der instanceof Uint8Array) || der.length === 0) return { ok: false, error: 'The public key is empty.' };
  let info: SubjectPublicKeyInfo;
  try {
    info = readSubjectPublicKeyInfo(parseDer(der));
  } catch {
    return { ok: false, error: 'The public key is not a DER SubjectPublicKeyInfo.' };
  }
  const key = describePublicKeyInfo(info);
  return key.ok ? { ok: true, value: { info, key: key.value } } : key;
}

/** The DER value of the extension `oid` read as a tree, or undefined when absent or not DER. */
export function extensionValue(cert: Pick<X509Certificate, 'extensions'>, oid: string): Node | undefined {
  const ext = cert.extensions.find((e) => e.oid === oid);
  if (!ext) return undefined;
  try {
    return parseDer(ext.value);
  } catch {
    return undefined;
  }
}

/** BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL } — undefined when unreadable. */
export function basicConstraints(cert: Pick<X509Certificate, 'extensions'>): { ca: boolean; pathLength?: number } | undefined {
  const node = extensionValue(cert, '2.5.29.19');
  if (!node || node.tag !== TAG.SEQUENCE) return undefined;
  try {
    let i = 0;
    const ca = node.children[0]?.tag === TAG.BOOLEAN ? readBoolean(node.children[i++], 'cA') : false;
    const pathLength = node.children[i] ? readSmallInteger(node.children[i++], 'pathLenConstraint') : undefined;
    return i === node.children.length ? { ca, ...(pathLength === undefined ? {} : { pathLength }) } : undefined;
  } catch {
    return undefined;
  }
}

/** The KeyUsage BIT STRING's bytes, or undefined when absent or unreadable. */
export function keyUsageBits(cert: Pick<X509Certificate, 'extensions'>): Uint8Array | undefined {
  const node = extensionValue(cert, '2.5.29.15');
  try {
    return node ? readBitString(node, 'KeyUsage').bytes : undefined;
  } catch {
    return undefined;
  }
}

/** The ExtKeyUsage purposes' OIDs, or undefined when absent or unreadable. */
export function extendedKeyUsageOids(cert: Pick<X509Certificate, 'extensions'>): string[] | undefined {
  const node = extensionValue(cert, '2.5.29.37');
  try {
    return node ? expect(node, TAG.SEQUENCE, 'ExtKeyUsage').children.map((p) => readOid(p, 'A key purpose')) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Certificates already read, by content. The lab reads the same few certificates over and over (every
 * phone checks its ITL and configuration signatures at each boot), and reading them is worth keeping.
 * Entries keep their own copy of the bytes, so a caller changing its array afterwards changes nothing here.
 */
const described = new Map<string, Decoded<CertificateInfo>>();
const DESCRIBED_MAX = 1024;

export function describeCertificate(der: Uint8Array): Decoded<CertificateInfo> {
  if (!(der instanceof Uint8Array) || der.length === 0) return { ok: false, error: 'The certificate is empty.' };
  const key = `${der.length}:${toHex(sha1(der))}`;
  const hit = described.get(key);
  if (hit) return hit;
  let result: Decoded<CertificateInfo>;
  try {
    result = describeFresh(der.slice());
  } catch (e) {
    result = { ok: false, error: `The certificate cannot be read: ${(e as Error).message}` };
  }
  if (described.size >= DESCRIBED_MAX) described.delete(described.keys().next().value!);
  described.set(key, result);
  return result;
}

function describeFresh(der: Uint8Array): Decoded<CertificateInfo> {
  const parsed = parseCertificate(der);
  if (!parsed.ok) return parsed;
  const cert = parsed.value;
  const key = describePublicKeyInfo(cert.subjectPublicKeyInfo);
  if (!key.ok) return key;
  // A damaged extension value reads as absent here, as it did under pkijs; details.ts names the damage.
  const bc = basicConstraints(cert);
  const ku = keyUsageBits(cert);
  const issuer = fromRdns(cert.issuer);
  const subject = fromRdns(cert.subject);
  const sigOid = cert.signatureAlgorithm.oid;
  return {
    ok: true,
    value: {
      der,
      version: cert.version + 1,
      serialNumber: unsignedInteger(cert.serialNumber.slice()),
      signatureAlgorithmOid: sigOid,
      signatureAlgorithmName: SIGNATURE_ALGORITHMS[sigOid] ?? sigOid,
      issuer,
      subject,
      notBefore: cert.notBefore,
      notAfter: cert.notAfter,
      publicKey: key.value.kind === 'RSA' ? { ...key.value, pkcs1: key.value.pkcs1.slice() } : { ...key.value, point: key.value.point.slice() },
      publicKeyAlgorithmOid: cert.subjectPublicKeyInfo.algorithm.oid,
      spki: cert.subjectPublicKeyInfo.der.slice(),
      signatureValue: cert.signature.bytes.slice(),
      isCA: Boolean(bc?.ca),
      pathLength: bc?.pathLength,
      keyUsage: ku ? keyUsageNames(ku) : [],
      extendedKeyUsage: (extendedKeyUsageOids(cert) ?? []).map((p) => EKU_NAMES[p] ?? p),
      selfIssued: issuer.length === subject.length && issuer.every(([t, v], i) => subject[i][0] === t && subject[i][1] === v),
    },
  };
}

/** Verification keys already imported, by key and hash (public keys: nothing secret is kept). */
const importedKeys = new Map<string, Promise<CryptoKey>>();

/** Import a certificate's public key for signature checks (RSASSA-PKCS1-v1_5 or ECDSA). */
export function importCertificateKey(
  info: Pick<CertificateInfo, 'spki' | 'publicKey'>,
  hash: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512' = 'SHA-256',
): Promise<CryptoKey> {
  const id = `${info.publicKey.kind === 'RSA' ? hash : 'ECDSA'}:${toHex(sha1(info.spki))}`;
  let key = importedKeys.get(id);
  if (!key) {
    const algorithm =
      info.publicKey.kind === 'RSA'
        ? { name: 'RSASSA-PKCS1-v1_5', hash }
        : { name: 'ECDSA', namedCurve: info.publicKey.curve };
    key = crypto.subtle.importKey('spki', exactBuffer(info.spki), algorithm, true, ['verify']);
    if (importedKeys.size >= 256) importedKeys.delete(importedKeys.keys().next().value!);
    importedKeys.set(id, key);
    key.catch(() => importedKeys.delete(id));
  }
  return key;
}
