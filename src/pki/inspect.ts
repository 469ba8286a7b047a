/**
 * Certificates and certificate signing requests a learner brought, described the way an engineer reads
 * them — CUCM's "Certificate File Data" (details.ts) and each field on its own — with their signatures
 * checked: a certificate against its issuer (itself when self-signed, otherwise an issuer found among the
 * other certificates by name, RFC 5280 §6.1.3 (a)(1) and (a)(4)), a request against its own key (RFC 2986
 * §3). Every verdict carries a sentence; nothing here throws.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { readOid, TAG } from './asn1';
import { isSignedBy } from './chain';
import { describeCsr, parseCsr, verifyParsedCsr, type CertificationRequest } from './csr';
import { certificateFileData, certificateFileDataModel, EXTENSION_NAMES, wrapKeyValue } from './details';
import { toHex, toSpacedHex } from './encode';
import { formatCucmName, fromRdns } from './names';
import { SIGNATURE_ALGORITHMS, describeCertificate } from './parse';

/** Whether a signature holds: `unchecked` when the key that would decide is not at hand. */
export interface SignatureVerdict {
  status: 'valid' | 'invalid' | 'unchecked';
  /** One English sentence: why. */
  reason: string;
}

export interface CertificateReport {
  type: 'certificate';
  /** Where it starts in its file. */
  offset: number;
  der: Uint8Array;
  subject: string;
  issuer: string;
  /** Upper-case colon hex, as `show itl` prints serial numbers. */
  serialNumber: string;
  selfIssued: boolean;
  notBefore: number;
  notAfter: number;
  /** The "Certificate File Data" text, from `[` to `]`. */
  fileData: string;
  /** Field by field: [CUCM's label, value]. */
  fields: Array<[string, string]>;
  sha1: string;
  sha256: string;
  signature: SignatureVerdict;
}

export interface CsrReport {
  type: 'csr';
  offset: number;
  der: Uint8Array;
  subject: string;
  text: string;
  fields: Array<[string, string]>;
  signature: SignatureVerdict;
}

/** A certificate another file supplies as a possible issuer, and how to name it in a sentence. */
export interface KnownCertificate {
  der: Uint8Array;
  /** "CAPF.pem (certificate 1)" */
  where: string;
}

const colonHex = (bytes: Uint8Array) => toSpacedHex(bytes).replace(/ /g, ':');

/** The "Certificate File Data" of a certificate, field by field, with fingerprints; undefined if unreadable. */
export function certificateReport(der: Uint8Array, offset: number, formatDate: (d: Date) => string): Omit<CertificateReport, 'signature'> | { error: string } {
  const info = describeCertificate(der);
  if (!info.ok) return { error: info.error };
  const model = certificateFileDataModel(der);
  if (!model.ok) return { error: model.error };
  const text = certificateFileData(der, formatDate);
  if (!text.ok) return { error: text.error };
  const m = model.value;
  const key = info.value.publicKey;
  const fields: Array<[string, string]> = [
    ['Version', m.version],
    ['Serial Number', m.serialNumber],
    ['Signature Algorithm', `${m.signatureAlgorithm.name} (${m.signatureAlgorithm.oid})`],
    ['Issuer Name', m.issuerName],
    ['Validity From', formatDate(m.validityFrom)],
    ['To', formatDate(m.validityTo)],
    ['Subject Name', m.subjectName],
    ['Key', `${m.key.name} (${m.key.oid}), ${key.kind === 'RSA' ? `${key.bits} bits` : key.curve}`],
    ['Key value', m.keyValue],
    ...m.extensions.map((e): [string, string] => [`Extension: ${e.name}`, [`Critical: ${e.critical}`, ...e.lines].join('; ')]),
    ['SHA-1 fingerprint', colonHex(sha1(der))],
    ['SHA-256 fingerprint', colonHex(sha256(der))],
  ];
  return {
    type: 'certificate',
    offset,
    der,
    subject: m.subjectName,
    issuer: m.issuerName,
    serialNumber: colonHex(info.value.serialNumber),
    selfIssued: info.value.selfIssued,
    notBefore: m.validityFrom.getTime(),
    notAfter: m.validityTo.getTime(),
    fileData: text.value,
    fields,
    sha1: toHex(sha1(der)),
    sha256: toHex(sha256(der)),
  };
}

/**
 * Check a certificate's signature: with its own key when it is self-issued, else with every known
 * certificate whose subject is its issuer.
 */
export async function certificateSignature(
  report: Pick<CertificateReport, 'der' | 'issuer' | 'selfIssued'>,
  known: readonly KnownCertificate[],
): Promise<SignatureVerdict> {
  if (report.selfIssued) {
    return (await isSignedBy(report.der, report.der))
      ? { status: 'valid', reason: 'Self-signed: its own public key verifies its signature.' }
      : { status: 'invalid', reason: 'Self-signed, but its own public key does not verify its signature: the certificate was altered after signing.' };
  }
  const named = known.filter((k) => {
    const info = describeCertificate(k.der);
    return info.ok && formatCucmName(info.value.subject) === report.issuer && k.der !== report.der;
  });
  for (const candidate of named) {
    if (await isSignedBy(report.der, candidate.der)) {
      return { status: 'valid', reason: `Signed by ${report.issuer}: the key of ${candidate.where} verifies its signature.` };
    }
  }
  if (named.length > 0) {
    return {
      status: 'invalid',
      reason: `${named.map((n) => n.where).join(', ')} ${named.length === 1 ? 'is' : 'are'} named ${report.issuer}, but ${named.length === 1 ? 'its key does' : 'their keys do'} not verify the signature: a different certificate of that name (regenerated, or from another cluster), or the certificate was altered.`,
    };
  }
  return { status: 'unchecked', reason: `Its issuer, ${report.issuer}, is not among the files: add the issuer's certificate to check the signature.` };
}

function requestedExtensions(csr: CertificationRequest): string[] {
  const attribute = csr.attributes.find((a) => a.children[0]?.tag === TAG.OID && readOid(a.children[0], 'An attribute type') === '1.2.840.113549.1.9.14');
  if (!attribute) return [];
  const names: string[] = [];
  for (const value of attribute.children[1]?.children ?? []) {
    if (value.tag !== TAG.SEQUENCE) continue;
    for (const ext of value.children) {
      const oid = ext.tag === TAG.SEQUENCE ? ext.children[0] : undefined;
      if (oid?.tag === TAG.OID) {
        const id = readOid(oid, 'An extension ID');
        names.push(EXTENSION_NAMES[id] ?? id);
      }
    }
  }
  return names;
}

/**
 * A certificate signing request in the "Certificate File Data" style [I: CUCM shows a CSR only as PEM
 * after Generate CSR; the field names follow the certificate's], with its self-signature checked.
 */
export async function csrReport(der: Uint8Array, offset: number): Promise<CsrReport | { error: string }> {
  const parsed = parseCsr(der);
  if (!parsed.ok) return { error: parsed.error };
  const described = describeCsr(der);
  if (!described.ok) return { error: described.error };
  const csr = parsed.value;
  const key = described.value.publicKey;
  const keyHex = toHex(key.kind === 'RSA' ? key.pkcs1 : key.point);
  const sigOid = csr.signatureAlgorithm.oid;
  const subject = formatCucmName(fromRdns(csr.subject));
  let extensions: string[];
  try {
    extensions = requestedExtensions(csr);
  } catch {
    extensions = [];
  }
  const keyLine = `${key.kind} (${csr.subjectPublicKeyInfo.algorithm.oid}), ${key.kind === 'RSA' ? `${key.bits} bits` : key.curve}`;
  const fields: Array<[string, string]> = [
    ['Version', `V${csr.version + 1}`],
    ['Subject Name', subject],
    ['Key', keyLine],
    ['Key value', keyHex],
    ['Signature Algorithm', `${SIGNATURE_ALGORITHMS[sigOid] ?? sigOid} (${sigOid})`],
    ['Requested extensions', extensions.join(', ') || 'none'],
    ['SHA-1 fingerprint', colonHex(sha1(der))],
  ];
  const verified = await verifyParsedCsr(csr);
  const signature: SignatureVerdict = verified.ok
    ? { status: 'valid', reason: 'Its own public key verifies the request’s signature.' }
    : { status: 'invalid', reason: verified.error };
  const text = [
    '[',
    `Version: V${csr.version + 1}`,
    `Subject Name: ${subject}`,
    `Key: ${keyLine}`,
    'Key value:',
    ...wrapKeyValue(keyHex),
    `Signature Algorithm: ${SIGNATURE_ALGORITHMS[sigOid] ?? sigOid} (${sigOid})`,
    `Requested extensions: ${extensions.join(', ') || 'none'}`,
    ']',
  ].join('\n');
  return { type: 'csr', offset, der, subject, text, fields, signature };
}
