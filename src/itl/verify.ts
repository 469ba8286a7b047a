/**
 * Check a trust list's signature the way a phone does (certutils `tlvfile` [2nd S22]; domain.md §5.2):
 *
 * 1. the signer is the record whose FUNCTION is SAST (0), whose SERIALNUMBER equals the header's SERIALNUMBER,
 *    and which carries the full CERTIFICATE (a CERTHASH cannot yield a key);
 * 2. the signed bytes are the whole file with the SIGNATURE TLV (tag, length and value) cut out;
 * 3. the signature is RSASSA-PKCS1-v1_5 with the header's DIGESTALGORTITHM, checked with the SAST certificate's key.
 *
 * Whether the phone *trusts* that signer (leap of faith on the first ITL, TVS for a new signer, domain.md §8)
 * is the phone machine's business, not this module's. Every outcome is a value; nothing here throws.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { bytesEqual, exactBuffer } from '../pki/encode';
import { describeCertificate, importCertificateKey, unsignedInteger, type CertificateInfo } from '../pki/parse';
import { parseItl, type ItlFile, type ItlRecord, type SignedFileHeader } from './parse';
import { FUNCTION_CODES, SIGNATURE_ALGORITHM_RSA, SIGNATURE_MODULUS_BYTES, concatBytes } from './tlv';

export type ItlVerification = { ok: true; signerIndex: number } | { ok: false; reason: string };

/** Certificate parsing of hostile bytes must not escape as an exception, whatever the PKI layer does. */
function describeSafely(der: Uint8Array): { ok: true; value: CertificateInfo } | { ok: false; error: string } {
  try {
    return describeCertificate(der);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** The bytes the signature covers: the file without its SIGNATURE TLV. */
export function signedContent(file: SignedFileHeader): Uint8Array {
  return concatBytes([
    file.bytes.subarray(0, file.signatureOffset),
    file.bytes.subarray(file.signatureOffset + file.signatureLength),
  ]);
}

/**
 * Check the header signature of a trust list or `.sgn` file against one certificate. Shared by `verifyItl`
 * and `verifySignedFile`; `who` names the certificate in reasons.
 */
export async function verifyHeaderSignature(
  file: SignedFileHeader,
  certificate: Uint8Array,
  who: string,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  if (!file.digest) return { ok: false, reason: `unsupported digest algorithm code ${file.digestCode}` };
  if (file.signatureAlgorithm !== SIGNATURE_ALGORITHM_RSA) {
    return { ok: false, reason: `unsupported signature algorithm code ${file.signatureAlgorithm}` };
  }
  const expectedSize = SIGNATURE_MODULUS_BYTES[file.signatureModulus];
  if (expectedSize === undefined) return { ok: false, reason: `unknown SIGNATUREMODULUS code ${file.signatureModulus}` };
  if (file.signature.length !== expectedSize) {
    return { ok: false, reason: `SIGNATUREMODULUS says ${expectedSize} bytes but the SIGNATURE has ${file.signature.length}` };
  }
  const info = describeSafely(certificate);
  if (!info.ok) return { ok: false, reason: `the ${who} certificate does not parse: ${info.error}` };
  // The header names its signer by serial; a certificate with another serial is not the one that signed.
  if (!bytesEqual(unsignedInteger(info.value.serialNumber), unsignedInteger(file.signerSerial))) {
    return { ok: false, reason: `the ${who} certificate's serial number is not the header's SERIALNUMBER` };
  }
  if (info.value.publicKey.kind !== 'RSA') return { ok: false, reason: `the ${who} certificate does not carry an RSA key` };
  if (info.value.publicKey.bits !== expectedSize * 8) {
    return { ok: false, reason: `the ${who} key is ${info.value.publicKey.bits} bits but the signature is ${expectedSize * 8}` };
  }
  try {
    const key = await importCertificateKey(info.value, file.digest);
    const signed = exactBuffer(signedContent(file));
    const valid = await crypto.subtle.verify({ name: 'RSASSA-PKCS1-v1_5' }, key, exactBuffer(file.signature), signed);
    return valid ? { ok: true } : { ok: false, reason: 'signature does not verify' };
  } catch (e) {
    return { ok: false, reason: `the ${who} key cannot be used: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Index of the record that signed the file: SAST role, the header's serial, a full certificate. */
export function findSignerRecord(file: ItlFile): number {
  return file.records.findIndex(
    (r) => r.function.code === FUNCTION_CODES.SAST && bytesEqual(r.serialNumber, file.signerSerial) && r.certificate !== undefined,
  );
}

/** Verify a trust list (bytes are parsed first, with the phone's 64 KB limit). */
export async function verifyItl(input: ItlFile | Uint8Array): Promise<ItlVerification> {
  let file: ItlFile;
  if (input instanceof Uint8Array) {
    const parsed = parseItl(input);
    if (!parsed.ok) return { ok: false, reason: `the file does not parse: ${parsed.error.message}` };
    file = parsed.value;
  } else {
    file = input;
  }
  const signerIndex = findSignerRecord(file);
  if (signerIndex < 0) return { ok: false, reason: 'no SAST record matches the signer serial' };
  const checked = await verifyHeaderSignature(file, file.records[signerIndex].certificate!, 'SAST');
  return checked.ok ? { ok: true, signerIndex } : checked;
}

/**
 * The SHA-1 a phone pins a role's certificate by: CERTHASH when the record has one (CUCM 11.5 writes CAPF and
 * TVS that way), else SHA-1 of CERTIFICATE; `undefined` when the record has neither.
 */
export function recordCertificateHash(record: Pick<ItlRecord, 'certHash' | 'certificate'>): Uint8Array | undefined {
  if (record.certHash) return record.certHash;
  if (record.certificate) return sha1(record.certificate);
  return undefined;
}
