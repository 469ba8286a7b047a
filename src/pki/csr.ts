/**
 * PKCS#10 certificate signing requests (RFC 2986):
 *
 * ```asn
 * CertificationRequest ::= SEQUENCE { certificationRequestInfo CertificationRequestInfo,
 *     signatureAlgorithm AlgorithmIdentifier, signature BIT STRING }
 * CertificationRequestInfo ::= SEQUENCE { version INTEGER { v1(0) }, subject Name,
 *     subjectPKInfo SubjectPublicKeyInfo, attributes [0] Attributes }
 * ```
 * Two kinds of request exist in the lab. CUCM's "Generate CSR" for its own CAPF certificate is an ordinary
 * self-signed PKCS#10 request (`createCsr`). A phone never sends one: its KEY_GENERATE_RESPONSE carries the
 * bare SubjectPublicKeyInfo (domain.md §14.2). For the Offline CA path CAPF must still hand the
 * administrator *some* request for that key, and which one CUCM writes is not documented anywhere we found
 * (domain.md §14.2: "not found; choose"). Our choice: CAPF writes a PKCS#10 request with the subject the LSC
 * would get and the phone's public key, signed with CAPF's own key as the registration authority that
 * received the key over an authenticated session (`createRequestForPublicKey`). CAPF cannot self-sign it —
 * it never holds the phone's private key — so `openssl req -verify` rejects its signature, and the lab's
 * enterprise CA checks it against the CAPF certificate instead (`verifyRequestSignedBy`).
 * Requests carry the LSC's KeyUsage/ExtKeyUsage in a PKCS#9 extensionRequest attribute (RFC 2985 §5.4.2),
 * as a CSR generated for a TLS identity usually does.
 */
import { DerError, explicit, expect, parseDer, readAlgorithm, readBitString, readSmallInteger, sequence, smallInteger, TAG, type AlgorithmIdentifier, type BitStringValue, type Node } from './asn1';
import { type Decoded } from './encode';
import { extendedKeyUsageExtension, extensionRequestAttribute, keyUsageExtension } from './extensions';
import { keySpecOf } from './keys';
import { fromRdns, toRdns, type DistinguishedName } from './names';
import { describePublicKeyInfo, parseSubjectPublicKeyInfo, readSubjectPublicKeyInfo, type PublicKeyDescription, type SubjectPublicKeyInfo } from './parse';
import { lscProfile } from './profiles';
import { signatureAlgorithmFor, signatureEncodingProblem, signedObject, verifySignature } from './signature';

/** A request as read. */
export interface CertificationRequest {
  /** The DER of certificationRequestInfo: the bytes the signature covers. */
  info: Uint8Array;
  version: number;
  subject: Node;
  subjectPublicKeyInfo: SubjectPublicKeyInfo;
  /** Attribute ::= SEQUENCE { type OID, values SET OF ANY }, as read. */
  attributes: Node[];
  signatureAlgorithm: AlgorithmIdentifier;
  signature: BitStringValue;
}

/** CertificationRequestInfo with the LSC's KeyUsage/ExtKeyUsage requested, signed by `signingKey`. */
async function signRequest(subject: DistinguishedName, spki: Uint8Array, keyKind: 'RSA' | 'EC', signingKey: CryptoKey): Promise<Uint8Array> {
  signatureAlgorithmFor(signingKey); // refuse a key the lab cannot sign with before encoding anything
  const profile = lscProfile(keyKind);
  const requested = [keyUsageExtension(profile.keyUsage.usages, profile.keyUsage.critical)];
  if (profile.extendedKeyUsage) requested.push(extendedKeyUsageExtension(profile.extendedKeyUsage));
  // attributes [0] IMPLICIT SET OF Attribute
  const info = sequence(smallInteger(0), toRdns(subject), spki, explicit(0, extensionRequestAttribute(requested)));
  return signedObject(info, signingKey);
}

export async function createCsr(req: { subject: DistinguishedName; keys: CryptoKeyPair }): Promise<Uint8Array> {
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', req.keys.publicKey));
  return signRequest(req.subject, spki, keySpecOf(req.keys.publicKey).kind, req.keys.privateKey);
}

/**
 * A PKCS#10 request for someone else's public key, signed by the party that vouches for it (CAPF for a
 * phone's key on the Offline CA path; see the module comment for why this is our choice). The signature is
 * the signer's, so the request does not verify against its own key.
 */
export async function createRequestForPublicKey(req: { subject: DistinguishedName; subjectPublicKeyInfo: Uint8Array; signingKey: CryptoKey }): Promise<Uint8Array> {
  const spki = parseSubjectPublicKeyInfo(req.subjectPublicKeyInfo);
  if (!spki.ok) throw new Error(`createRequestForPublicKey: ${spki.error}`);
  return signRequest(req.subject, spki.value.info.der, spki.value.key.kind, req.signingKey);
}

/** Does the request's signature verify with this key (a registration authority's), rather than its own? */
export async function verifyRequestSignedBy(csr: CertificationRequest, signer: SubjectPublicKeyInfo): Promise<Decoded<true>> {
  const problem = signatureEncodingProblem(csr.signatureAlgorithm.oid, csr.signature);
  if (problem) return { ok: false, error: `The signature on the certificate signing request is malformed: ${problem}.` };
  const valid = await verifySignature(csr.info, csr.signatureAlgorithm, csr.signature, signer);
  return valid ? { ok: true, value: true } : { ok: false, error: 'The certificate signing request was not signed by the expected key.' };
}

/** RFC 2986 §4.1 over a parsed tree. */
function readRequest(root: Node): CertificationRequest {
  const top = expect(root, TAG.SEQUENCE, 'The request').children;
  if (top.length !== 3) throw new DerError('a request is three parts: the request info, an algorithm and a signature');
  const infoNode = expect(top[0], TAG.SEQUENCE, 'The request info');
  const f = infoNode.children;
  if (f.length !== 4) throw new DerError(`the request info at byte ${infoNode.offset} is not a version, a subject, a key and attributes`);
  const attributes = expect(f[3], 0xa0, 'The attributes');
  for (const a of attributes.children) {
    const parts = expect(a, TAG.SEQUENCE, 'An attribute').children;
    if (parts.length !== 2 || parts[0].tag !== TAG.OID) throw new DerError(`the attribute at byte ${a.offset} is not a type and values`);
    expect(parts[1], TAG.SET, 'An attribute\'s values');
  }
  const subject = expect(f[1], TAG.SEQUENCE, 'The subject');
  fromRdns(subject);
  return {
    info: infoNode.der,
    version: readSmallInteger(f[0], 'The version'),
    subject,
    subjectPublicKeyInfo: readSubjectPublicKeyInfo(f[2]),
    attributes: attributes.children,
    signatureAlgorithm: readAlgorithm(top[1], 'The signature algorithm'),
    signature: readBitString(top[2], 'The signature'),
  };
}

export function parseCsr(der: Uint8Array): Decoded<CertificationRequest> {
  if (!(der instanceof Uint8Array) || der.length === 0) {
    return { ok: false, error: 'The certificate signing request is empty.' };
  }
  let root: Node;
  try {
    root = parseDer(der);
  } catch (e) {
    return { ok: false, error: `The certificate signing request is not valid DER: ${(e as Error).message}` };
  }
  try {
    return { ok: true, value: readRequest(root) };
  } catch (e) {
    return { ok: false, error: `The bytes are DER but not a PKCS#10 certificate signing request (${(e as Error).message}).` };
  }
}

/** Verify a parsed request's self-signature; the failure says which of the three ways it failed. */
export async function verifyParsedCsr(csr: CertificationRequest): Promise<Decoded<true>> {
  const problem = signatureEncodingProblem(csr.signatureAlgorithm.oid, csr.signature);
  if (problem === 'the signature is empty') {
    return { ok: false, error: 'The certificate signing request is not signed: its signature is empty.' };
  }
  if (problem) return { ok: false, error: `The signature on the certificate signing request is malformed: ${problem}.` };
  const valid = await verifySignature(csr.info, csr.signatureAlgorithm, csr.signature, csr.subjectPublicKeyInfo);
  return valid
    ? { ok: true, value: true }
    : {
        ok: false,
        error:
          'The signature on the certificate signing request does not match its contents: ' +
          'the request was altered after signing, or signed with another key.',
      };
}
export interface CsrDescription {
  subject: Array<[string, string]>;
  /** DER SubjectPublicKeyInfo, as WebCrypto imports it. */
  spki: Uint8Array;
  publicKey: PublicKeyDescription;
}

export function describeCsr(der: Uint8Array): Decoded<CsrDescription> {
  const parsed = parseCsr(der);
  if (!parsed.ok) return parsed;
  const csr = parsed.value;
  try {
    const key = describePublicKeyInfo(csr.subjectPublicKeyInfo);
    if (!key.ok) return key;
    return {
      ok: true,
      value: {
        subject: fromRdns(csr.subject),
        spki: csr.subjectPublicKeyInfo.der.slice(),
        publicKey: key.value,
      },
    };
  } catch (e) {
    return { ok: false, error: `The certificate signing request is malformed (${(e as Error).message}).` };
  }
}

/** True only for a well-formed request whose self-signature verifies; junk is false, never an exception. */
export async function verifyCsr(der: Uint8Array): Promise<boolean> {
  const parsed = parseCsr(der);
  return parsed.ok && (await verifyParsedCsr(parsed.value)).ok;
}
