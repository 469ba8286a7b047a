/**
 * Signed configuration files (`SEP<MAC>.cnf.xml.sgn`): the trust-list header with VERSION 1.0 and no records,
 * followed by the file itself (domain.md §5.8; certutils `sgnfile` [2nd S22]).
 *
 * ```text
 * VERSION(1) 1.0 · HEADERLENGTH(2) · SIGNERID(3){4 5 6} · SIGNATUREINFO(7){8 9{10 11}} · SIGNATURE(12)
 * · FILENAME(14) "SEP….cnf.xml.sgn\0" · TIMESTAMP(15) · 0x0D* · content (HEADERLENGTH … end of file)
 * ```
 * The signature covers header and content with the SIGNATURE TLV left out, as in a trust list. A phone that
 * holds an ITL asks for the `.sgn` and checks it with the certificate of a TFTP-role record of that ITL
 * ("XXTP authenticated file approved", S14); without a match it refuses the file.
 */
import { bytesEqual } from '../pki/encode';
import { buildSignedTlvFile, type TrustFileDigest, type TrustFileSigner } from './build';
import { parseSignedFileHeader, type ItlFile, type ItlParseResult, type ParseOptions, type SignedFileHeader } from './parse';
import { FUNCTION_CODES } from './tlv';
import { verifyHeaderSignature } from './verify';

export interface BuildSignedFileOptions {
  /** The configuration file, e.g. the bytes of `SEP001122334455.cnf.xml`. */
  content: Uint8Array;
  /** FILENAME written into the header, e.g. `SEP001122334455.cnf.xml.sgn`. */
  filename: string;
  signer: TrustFileSigner;
  digest: TrustFileDigest;
  /** Unix seconds. */
  timestamp: number;
}

export interface SignedFile extends SignedFileHeader {
  /** Everything after the header: the configuration file. */
  content: Uint8Array;
}

export function buildSignedFile(options: BuildSignedFileOptions): Promise<Uint8Array> {
  return buildSignedTlvFile({ version: '1.0', ...options, body: options.content });
}

/** Parse a `.sgn` file; errors are values with a byte offset, as for `parseItl`. */
export function parseSignedFile(bytes: Uint8Array, options: ParseOptions = {}): ItlParseResult<SignedFile> {
  // A configuration file may legitimately pass 64 KB; that limit is the trust list's, so none applies here.
  const header = parseSignedFileHeader(bytes, { maxBytes: Infinity, ...options });
  if (!header.ok) return header;
  return { ok: true, value: { ...header.value, content: bytes.subarray(header.value.headerLength) } };
}

export type SignedFileVerification = { ok: true; content: Uint8Array } | { ok: false; reason: string };

/** Verify a `.sgn` against one certificate (DER), which must be the one the header's SERIALNUMBER names. */
export async function verifySignedFile(input: SignedFile | Uint8Array, certificate: Uint8Array): Promise<SignedFileVerification> {
  const file = toSignedFile(input);
  if (!file.ok) return file;
  const checked = await verifyHeaderSignature(file.value, certificate, 'TFTP');
  return checked.ok ? { ok: true, content: file.value.content } : checked;
}

/**
 * Verify a `.sgn` the way a phone holding `itl` does: the signer must be a TFTP or CCM+TFTP record of the ITL with
 * the header's serial number and a full certificate.
 */
export async function verifySignedFileWithItl(input: SignedFile | Uint8Array, itl: ItlFile): Promise<SignedFileVerification> {
  const file = toSignedFile(input);
  if (!file.ok) return file;
  const roles: number[] = [FUNCTION_CODES.TFTP, FUNCTION_CODES['CCM+TFTP']];
  const record = itl.records.find(
    (r) => roles.includes(r.function.code) && bytesEqual(r.serialNumber, file.value.signerSerial) && r.certificate !== undefined,
  );
  if (!record) return { ok: false, reason: 'no TFTP record in the ITL matches the signer serial' };
  return verifySignedFile(file.value, record.certificate!);
}

function toSignedFile(input: SignedFile | Uint8Array): { ok: true; value: SignedFile } | { ok: false; reason: string } {
  if (!(input instanceof Uint8Array)) return { ok: true, value: input };
  const parsed = parseSignedFile(input);
  return parsed.ok ? parsed : { ok: false, reason: `the file does not parse: ${parsed.error.message}` };
}
