/**
 * The tag-length-value vocabulary of Cisco trust-list files (`ITLFile.tlv`, `ITLSEP<MAC>.tlv`, `CTLFile.tlv`)
 * and of signed configuration files (`*.sgn`), which share the header.
 *
 * Encoding (domain.md §5.1): every element is `tag (1 byte) | length (2 bytes, big-endian) | value`, except the
 * header padding byte 0x0D, which is a bare tag with no length. The file is a header of HEADERLENGTH bytes
 * followed by records; strings are NUL-terminated and their length counts the NUL.
 *
 * ```text
 * header  = VERSION(1) HEADERLENGTH(2) [SIGNERVERSION(28)]
 *           SIGNERID(3){ SIGNERNAME(4) SERIALNUMBER(5) CANAME(6) }
 *           SIGNATUREINFO(7){ DIGESTALGORTITHM(8) SIGNATUREALGOINFO(9){ SIGNATUREALGORTITHM(10) SIGNATUREMODULUS(11) } }
 *           SIGNATURE(12) FILENAME(14) TIMESTAMP(15) 0x0D*
 * record  = RECORDLENGTH(1) DNSNAME(2) SUBJECTNAME(3) FUNCTION(4) ISSUERNAME(5) SERIALNUMBER(6) PUBLICKEY(7)
 *           SIGNATURE(8) ( CERTIFICATE(9) | CERTHASH(11) HASH ALGORITHM(12) ) [IPADDRESS(10)]
 * ```
 * Tag numbers: usecallmanagernz/certutils `tlvfile` (domain.md §5.2/§5.3, [2nd] S22); labels and their
 * misspellings as CUCM's `show ctl` / `show itl` print them (S11, seed S1). This module holds the vocabulary
 * plus byte-level writer helpers; it has no knowledge of certificates or signatures.
 */

/** Header tags. Labels are the ones `show itl`/`show ctl` print, Cisco's misspellings included. */
export const HeaderTag = {
  VERSION: 1,
  HEADERLENGTH: 2,
  SIGNERID: 3,
  SIGNERNAME: 4,
  SERIALNUMBER: 5,
  CANAME: 6,
  SIGNATUREINFO: 7,
  DIGESTALGORTITHM: 8,
  SIGNATUREALGOINFO: 9,
  SIGNATUREALGORTITHM: 10,
  SIGNATUREMODULUS: 11,
  SIGNATURE: 12,
  /** 0x0D: a single byte with no length field, pads the header to a multiple of 4 bytes. */
  PADDING: 13,
  FILENAME: 14,
  TIMESTAMP: 15,
  /** Signer version 1.0 / 1.1 (1.1 lets phones accept EC keys); CUCM's `show` does not print it [2nd S22, S24]. */
  SIGNERVERSION: 28,
} as const;
export type HeaderTagCode = (typeof HeaderTag)[keyof typeof HeaderTag];

/** Tag number → the label `show itl` prints: the inverse of a tag table. */
function labelsOf(tags: Readonly<Record<string, number>>): Readonly<Record<number, string>> {
  return Object.fromEntries(Object.entries(tags).map(([label, code]) => [code, label]));
}

export const HEADER_TAG_LABELS = labelsOf(HeaderTag);

/** Header tags whose value is a run of nested TLVs (SIGNERID, SIGNATUREINFO, SIGNATUREALGOINFO). */
export const HEADER_CONTAINER_TAGS: ReadonlySet<number> = new Set([
  HeaderTag.SIGNERID,
  HeaderTag.SIGNATUREINFO,
  HeaderTag.SIGNATUREALGOINFO,
]);

/** The header padding byte; it has no length field (phone log: "start of pad ('T' 0x0d) at TLV 15", S14). */
export const PAD_BYTE = 0x0d;

/** Record tags, numbered as in `show itl`'s BYTEPOS column (seed S1, S11). */
export const RecordTag = {
  RECORDLENGTH: 1,
  DNSNAME: 2,
  SUBJECTNAME: 3,
  FUNCTION: 4,
  ISSUERNAME: 5,
  SERIALNUMBER: 6,
  PUBLICKEY: 7,
  SIGNATURE: 8,
  CERTIFICATE: 9,
  IPADDRESS: 10,
  CERTHASH: 11,
  HASH_ALGORITHM: 12,
} as const;
export type RecordTagCode = (typeof RecordTag)[keyof typeof RecordTag];

/** `show itl` prints HASH_ALGORITHM with a space. */
export const RECORD_TAG_LABELS: Readonly<Record<number, string>> = { ...labelsOf(RecordTag), [RecordTag.HASH_ALGORITHM]: 'HASH ALGORITHM' };

/** Roles a trust-list record can hold (domain.md §5.4). */
export type ItlFunction = 'SAST' | 'CCM' | 'CCM+TFTP' | 'TFTP' | 'CAPF' | 'APP-SERVER' | 'TVS';

export const FUNCTION_CODES: Readonly<Record<ItlFunction, number>> = {
  SAST: 0,
  CCM: 1,
  'CCM+TFTP': 2,
  TFTP: 3,
  CAPF: 4,
  'APP-SERVER': 7,
  TVS: 21,
};

export const FUNCTION_NAMES: Readonly<Record<number, ItlFunction>> = Object.fromEntries(
  Object.entries(FUNCTION_CODES).map(([name, code]) => [code, name as ItlFunction]),
);

/**
 * What `show itl` prints in the FUNCTION row. SAST's long form is in the seed and S11; code 7 has never been
 * seen in Cisco output, so "APP-SERVER" is our choice [I] (domain.md §13).
 */
export const FUNCTION_DISPLAY: Readonly<Record<number, string>> = {
  0: 'System Administrator Security Token',
  1: 'CCM',
  2: 'CCM+TFTP',
  3: 'TFTP',
  4: 'CAPF',
  7: 'APP-SERVER',
  21: 'TVS',
};

/** DIGESTALGORTITHM codes [2nd S22]. CUCM 11.5 signs with SHA-1; the tool also writes SHA-512. */
export type ItlDigest = 'SHA-1' | 'SHA-256' | 'SHA-512';
export const DIGEST_CODES: Readonly<Record<ItlDigest, number>> = { 'SHA-1': 1, 'SHA-256': 2, 'SHA-512': 3 };
export const DIGEST_NAMES: Readonly<Record<number, ItlDigest>> = { 1: 'SHA-1', 2: 'SHA-256', 3: 'SHA-512' };

/** SIGNATUREALGORTITHM: only RSA (0) exists; the header signature is always RSASSA-PKCS1-v1_5. */
export const SIGNATURE_ALGORITHM_RSA = 0;

/** SIGNATUREMODULUS is an index into this list of signature sizes in bytes (1 → 1024-bit, 2 → 2048-bit key). */
export const SIGNATURE_MODULUS_BYTES: readonly number[] = [64, 128, 256, 512];

/** HASH ALGORITHM byte written after a CERTHASH: the SHA-1 digest code (CERTHASH is 20 bytes). */
export const CERTHASH_ALGORITHM_SHA1 = 1;

/** Phones refuse a trust list larger than 64 KB ("more than 39 certificates", domain.md §5.6, S5). */
export const ITL_MAX_BYTES = 65536;

// ---------------------------------------------------------------------------------------------------------
// Writer helpers

export { concatBytes } from '../pki/encode';

/** One TLV. The length field is 16 bits, so a value over 65535 bytes is a caller bug. */
export function encodeTlv(tag: number, value: Uint8Array): Uint8Array {
  if (value.length > 0xffff) throw new RangeError(`TLV tag ${tag}: value of ${value.length} bytes exceeds 65535`);
  const out = new Uint8Array(3 + value.length);
  out[0] = tag;
  out[1] = value.length >> 8;
  out[2] = value.length & 0xff;
  out.set(value, 3);
  return out;
}

export function u8(value: number): Uint8Array {
  return Uint8Array.of(value & 0xff);
}

export function u16(value: number): Uint8Array {
  return Uint8Array.of((value >> 8) & 0xff, value & 0xff);
}

export function u32(value: number): Uint8Array {
  return Uint8Array.of((value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
}

/** "1.2" → [1, 2] as VERSION / SIGNERVERSION store it. */
export function versionBytes(version: string): Uint8Array {
  const [major, minor] = version.split('.').map(Number);
  return Uint8Array.of(major, minor);
}

const encoder = new TextEncoder();

/** UTF-8 text plus the terminating NUL the length counts. */
export function cString(text: string): Uint8Array {
  const body = encoder.encode(text);
  const out = new Uint8Array(body.length + 1);
  out.set(body);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Reader helpers (bounds are the caller's job: these read bytes already known to be inside the file)

const decoder = new TextDecoder('utf-8', { fatal: false });

/** Text up to the first NUL (or the whole value when a writer forgot the NUL). */
export function readCString(value: Uint8Array): string {
  const nul = value.indexOf(0);
  return decoder.decode(nul < 0 ? value : value.subarray(0, nul));
}

export function readU16(bytes: Uint8Array, at: number): number {
  return (bytes[at] << 8) | bytes[at + 1];
}

export function readU32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
}
