/**
 * PKCS#10 certificate signing requests (RFC 2986):
 *
 * ```asn
 * CertificationRequest ::= SEQUENCE { certificationRequestInfo CertificationRequestInfo,
 *     signatureAlgorithm AlgorithmIdentifier, signature BIT STRING }
 * CertificationRequestInfo ::= SEQUENCE { version INTEGER { v1(0) }, subject Name,
 *     subjectPKInfo SubjectPublicKeyInfo, attributes [0] Attributes }
 * ```
 * Both requests in the lab are PKCS#10: the phone's key handed to CAPF (the real CAPF protocol carries a
 * bare public key — domain.md §6.4 PUBLIC_KEY — which the simulator shows as a CSR so a student can open
 * it with openssl), and CUCM's "Generate CSR" for its CAPF certificate (Offline CA, §2.6). Requests carry
 * the LSC's KeyUsage/ExtKeyUsage in a PKCS#9 extensionRequest attribute (RFC 2985 §5.4.2), as a CSR
 * generated for a TLS identity usually does.
 */
import * as asn1js from 'asn1js';
import { CertificationRequest, PublicKeyInfo } from 'pkijs';
import { exactBuffer, type Decoded } from './encode';
import { extendedKeyUsageExtension, extensionRequestAttribute, keyUsageExtension } from './extensions';
import { keySpecOf, signatureHashFor } from './keys';
import { fromRdns, toRdns, type DistinguishedName } from './names';
import { derLengthsAgree, describePublicKeyInfo, type PublicKeyDescription } from './parse';
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
