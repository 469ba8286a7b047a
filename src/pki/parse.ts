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
import * as asn1js from 'asn1js';
import { BasicConstraints, Certificate, ExtKeyUsage, PublicKeyInfo } from 'pkijs';
import { sha1 } from '@noble/hashes/legacy.js';
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

export function parseCertificate(der: Uint8Array): Decoded<Certificate> {
  if (!(der instanceof Uint8Array) || der.length === 0) return { ok: false, error: 'The certificate is empty.' };
  const asn = asn1js.fromBER(exactBuffer(der));
  if (asn.offset === -1) return { ok: false, error: `The certificate is not valid DER: ${asn.result.error}` };
  try {
    return { ok: true, value: new Certificate({ schema: asn.result }) };
  } catch (e) {
    return { ok: false, error: `The bytes are DER but not an X.509 certificate (${(e as Error).message}).` };
  }
}

/**
 * DER lengths are definite and exact (X.690 §10.1). asn1js 4 lets a child run past its parent's declared
 * length without an error, so an object with a corrupted outer length would parse — and, the signed part
 * being intact, verify. Untrusted input is checked node by node.
 */
export function derLengthsAgree(node: asn1js.AsnType): boolean {
  const block = node as asn1js.BaseBlock<asn1js.ValueBlock & { value?: unknown }>;
  if (!block.idBlock.isConstructed) return true;
  if (block.lenBlock.isIndefiniteForm || block.valueBlock.blockLength !== block.lenBlock.length) return false;
  const children = block.valueBlock.value;
  return !Array.isArray(children) || children.every((child: asn1js.AsnType) => derLengthsAgree(child));
}

/**
 * {@link parseCertificate} that also keeps its promise on hostile bytes: asn1js 4's `fromBER` throws,
 * instead of reporting, on some malformed primitives (a UTCTime/GeneralizedTime whose digits are not a
 * date: "Wrong input string for conversion"), and checks what it lets through: trailing bytes and
 * lengths that disagree with their contents. Found by the property tests in tests/pki.
 */
export function parseUntrustedCertificate(der: Uint8Array): Decoded<Certificate> {
  try {
    const parsed = parseCertificate(der);
    if (!parsed.ok) return parsed;
    const asn = asn1js.fromBER(exactBuffer(der));
    if (asn.offset !== der.length) return { ok: false, error: 'The certificate has trailing bytes after its DER.' };
    if (!derLengthsAgree(asn.result)) {
      return { ok: false, error: 'The certificate is not valid DER: a length field does not match its contents.' };
    }
    return parsed;
  } catch (e) {
    return { ok: false, error: `The certificate is not valid DER: ${(e as Error).message}` };
  }
}

function describePublicKey(cert: Certificate): Decoded<PublicKeyDescription> {
  return describePublicKeyInfo(cert.subjectPublicKeyInfo);
}

/** The same description for any SubjectPublicKeyInfo (a CSR's, a certificate's). */
export function describePublicKeyInfo(spki: PublicKeyInfo): Decoded<PublicKeyDescription> {
  const oid = spki.algorithm.algorithmId;
  const keyBytes = new Uint8Array(spki.subjectPublicKey.valueBlock.valueHexView);
  if (oid === RSA_ENCRYPTION_OID) {
    const parsed = asn1js.fromBER(exactBuffer(keyBytes));
    if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence)) {
      return { ok: false, error: 'The RSA public key is not a PKCS#1 RSAPublicKey.' };
    }
    const modulus = (parsed.result.valueBlock.value[0] as asn1js.Integer).valueBlock.valueHexView;
    return { ok: true, value: { kind: 'RSA', bits: unsignedInteger(modulus).length * 8, pkcs1: keyBytes } };
  }
  if (oid === EC_PUBLIC_KEY_OID) {
    const params = spki.algorithm.algorithmParams;
    const curveOid = params instanceof asn1js.ObjectIdentifier ? params.valueBlock.toString() : '';
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
export function parseSubjectPublicKeyInfo(der: Uint8Array): Decoded<{ info: PublicKeyInfo; key: PublicKeyDescription }> {
  if (!(der instanceof Uint8Array) || der.length === 0) return { ok: false, error: 'The public key is empty.' };
  try {
    const asn = asn1js.fromBER(exactBuffer(der));
    if (asn.offset === -1 || asn.offset !== der.length || !derLengthsAgree(asn.result)) {
      return { ok: false, error: 'The public key is not a DER SubjectPublicKeyInfo.' };
    }
    const info = new PublicKeyInfo({ schema: asn.result });
    const key = describePublicKeyInfo(info);
    return key.ok ? { ok: true, value: { info, key: key.value } } : key;
  } catch (e) {
    return { ok: false, error: `The public key is not a DER SubjectPublicKeyInfo (${(e as Error).message}).` };
  }
}

/**
 * Certificates already read, by content. The lab reads the same few certificates over and over (every
 * phone checks its ITL and configuration signatures at each boot), and pkijs parsing is the slow part.
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
  const parsed = parseUntrustedCertificate(der);
  if (!parsed.ok) return parsed;
  const cert = parsed.value;
  const key = describePublicKey(cert);
  if (!key.ok) return key;
  const ext = (oid: string) => cert.extensions?.find((e) => e.extnID === oid);
  const bc = ext('2.5.29.19')?.parsedValue as BasicConstraints | undefined;
  const kuExt = ext('2.5.29.15');
  const keyUsage: string[] = [];
  if (kuExt) {
    const bits = asn1js.fromBER(kuExt.extnValue.valueBlock.valueHexView).result as asn1js.BitString;
    keyUsage.push(...keyUsageNames(bits.valueBlock.valueHexView));
  }
  const eku = ext('2.5.29.37')?.parsedValue as ExtKeyUsage | undefined;
  const issuer = fromRdns(cert.issuer);
  const subject = fromRdns(cert.subject);
  const sigOid = cert.signatureAlgorithm.algorithmId;
  return {
    ok: true,
    value: {
      der,
      version: cert.version + 1,
      serialNumber: unsignedInteger(new Uint8Array(cert.serialNumber.valueBlock.valueHexView)),
      signatureAlgorithmOid: sigOid,
      signatureAlgorithmName: SIGNATURE_ALGORITHMS[sigOid] ?? sigOid,
      issuer,
      subject,
      notBefore: cert.notBefore.value,
      notAfter: cert.notAfter.value,
      publicKey: key.value,
      publicKeyAlgorithmOid: cert.subjectPublicKeyInfo.algorithm.algorithmId,
      spki: new Uint8Array(cert.subjectPublicKeyInfo.toSchema().toBER(false)),
      signatureValue: new Uint8Array(cert.signatureValue.valueBlock.valueHexView),
      isCA: Boolean(bc?.cA),
      pathLength: typeof bc?.pathLenConstraint === 'number' ? bc.pathLenConstraint : undefined,
      keyUsage,
      extendedKeyUsage: (eku?.keyPurposes ?? []).map((p) => EKU_NAMES[p] ?? p),
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
