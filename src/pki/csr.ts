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
import * as asn1js from 'asn1js';
import { CertificationRequest, getCrypto, PublicKeyInfo } from 'pkijs';
import { exactBuffer, type Decoded } from './encode';
import { extendedKeyUsageExtension, extensionRequestAttribute, keyUsageExtension } from './extensions';
import { keySpecOf, signatureHashFor } from './keys';
import { fromRdns, toRdns, type DistinguishedName } from './names';
import { derLengthsAgree, describePublicKeyInfo, parseSubjectPublicKeyInfo, type PublicKeyDescription } from './parse';
import { lscProfile } from './profiles';
import { signatureEncodingProblem } from './signature';

export async function createCsr(req: { subject: DistinguishedName; keys: CryptoKeyPair }): Promise<Uint8Array> {
  const csr = new CertificationRequest();
  csr.version = 0;
  csr.subject = toRdns(req.subject);
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', req.keys.publicKey));
  csr.subjectPublicKeyInfo = new PublicKeyInfo({ schema: asn1js.fromBER(exactBuffer(spki)).result });
  const profile = lscProfile(keySpecOf(req.keys.publicKey).kind);
  const requested = [keyUsageExtension(profile.keyUsage.usages, profile.keyUsage.critical)];
  if (profile.extendedKeyUsage) requested.push(extendedKeyUsageExtension(profile.extendedKeyUsage));
  csr.attributes = [extensionRequestAttribute(requested)];
  await csr.sign(req.keys.privateKey, signatureHashFor(req.keys.privateKey));
  return new Uint8Array(csr.toSchema().toBER(false));
}

/**
 * A PKCS#10 request for someone else's public key, signed by the party that vouches for it (CAPF for a
 * phone's key on the Offline CA path; see the module comment for why this is our choice). The signature is
 * the signer's, so the request does not verify against its own key.
 */
export async function createRequestForPublicKey(req: { subject: DistinguishedName; subjectPublicKeyInfo: Uint8Array; signingKey: CryptoKey }): Promise<Uint8Array> {
  const spki = parseSubjectPublicKeyInfo(req.subjectPublicKeyInfo);
  if (!spki.ok) throw new Error(`createRequestForPublicKey: ${spki.error}`);
  const csr = new CertificationRequest();
  csr.version = 0;
  csr.subject = toRdns(req.subject);
  csr.subjectPublicKeyInfo = spki.value.info;
  const profile = lscProfile(spki.value.key.kind);
  const requested = [keyUsageExtension(profile.keyUsage.usages, profile.keyUsage.critical)];
  if (profile.extendedKeyUsage) requested.push(extendedKeyUsageExtension(profile.extendedKeyUsage));
  csr.attributes = [extensionRequestAttribute(requested)];
  await csr.sign(req.signingKey, signatureHashFor(req.signingKey));
  return new Uint8Array(csr.toSchema().toBER(false));
}

/** Does the request's signature verify with this key (a registration authority's), rather than its own? */
export async function verifyRequestSignedBy(csr: CertificationRequest, signer: PublicKeyInfo): Promise<Decoded<true>> {
  const problem = signatureEncodingProblem(csr.signatureAlgorithm.algorithmId, csr.signatureValue);
  if (problem) return { ok: false, error: `The signature on the certificate signing request is malformed: ${problem}.` };
  let valid = false;
  try {
    valid = await getCrypto(true).verifyWithPublicKey(exactBuffer(csr.tbsView), csr.signatureValue, signer, csr.signatureAlgorithm);
  } catch {
    valid = false;
  }
  return valid ? { ok: true, value: true } : { ok: false, error: 'The certificate signing request was not signed by the expected key.' };
}

export function parseCsr(der: Uint8Array): Decoded<CertificationRequest> {
  const notDer = (why: string): Decoded<never> => ({
    ok: false,
    error: `The certificate signing request is not valid DER: ${why}`,
  });
  if (!(der instanceof Uint8Array) || der.length === 0) {
    return { ok: false, error: 'The certificate signing request is empty.' };
  }
  let asn;
  try {
    asn = asn1js.fromBER(exactBuffer(der));
  } catch (e) {
    // asn1js throws rather than reports on some malformed primitives (e.g. a time string that is no date)
    return notDer((e as Error).message);
  }
  if (asn.offset === -1) return notDer(asn.result.error);
  if (asn.offset !== der.length) return notDer('there are trailing bytes after it.');
  if (!derLengthsAgree(asn.result)) return notDer('a length field does not match its contents.');
  try {
    return { ok: true, value: new CertificationRequest({ schema: asn.result }) };
  } catch (e) {
    const why = (e as Error).message;
    return { ok: false, error: `The bytes are DER but not a PKCS#10 certificate signing request (${why}).` };
  }
}

/** Verify a parsed request's self-signature; the failure says which of the three ways it failed. */
export async function verifyParsedCsr(csr: CertificationRequest): Promise<Decoded<true>> {
  const problem = signatureEncodingProblem(csr.signatureAlgorithm.algorithmId, csr.signatureValue);
  if (problem === 'the signature is empty') {
    return { ok: false, error: 'The certificate signing request is not signed: its signature is empty.' };
  }
  if (problem) return { ok: false, error: `The signature on the certificate signing request is malformed: ${problem}.` };
  let valid = false;
  try {
    valid = await csr.verify();
  } catch {
    valid = false;
  }
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
        spki: new Uint8Array(csr.subjectPublicKeyInfo.toSchema().toBER(false)),
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
