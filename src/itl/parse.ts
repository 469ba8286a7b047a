/**
 * Parse a trust-list file (`ITLFile.tlv`, `ITLSEP<MAC>.tlv`; the CTL has the same grammar) from untrusted bytes.
 *
 * ```text
 * file    = header(HEADERLENGTH bytes) record*
 * header  = VERSION(1) HEADERLENGTH(2) then, in any order, SIGNERVERSION(28) SIGNERID(3){4 5 6}
 *           SIGNATUREINFO(7){8 SIGNATUREALGOINFO(9){10 11}} SIGNATURE(12) FILENAME(14) TIMESTAMP(15) 0x0D*
 * record  = RECORDLENGTH(1, value = whole record length incl. this TLV) then record TLVs in any order
 * TLV     = tag(1) length(2, big-endian) value   — 0x0D in the header is a lone pad byte
 * ```
 * Sources: domain.md §5.1–§5.3 (tag numbers from certutils `tlvfile` [2nd S22], labels from `show ctl` S11 and the
 * seed's `show itl` S1). Writers disagree on order — CUCM prints SIGNERNAME, SERIALNUMBER, CANAME and records as
 * 1,2,3,4,5,…; the independent tool in tests/itl/fixtures writes CANAME before SERIALNUMBER and FUNCTION after
 * SERIALNUMBER, with no DNSNAME — so order is free; nesting, lengths and mandatory tags are checked.
 *
 * Malformed input never throws and never loops: the parser walks forward by at least one byte per step and
 * returns `{ ok: false, error: { kind, offset, message } }` naming the byte offset of the offending element.
 * Unknown tags are kept in `headerTlvs` / `tlvs`, not rejected: phones skip what they do not know.
 */
import {
  DIGEST_NAMES,
  FUNCTION_NAMES,
  HEADER_CONTAINER_TAGS,
  HEADER_TAG_LABELS,
  HeaderTag,
  ITL_MAX_BYTES,
  PAD_BYTE,
  RECORD_TAG_LABELS,
  RecordTag,
  readCString,
  readU16,
  readU32,
  type ItlDigest,
  type ItlFunction,
} from './tlv';

/** Where one TLV sits: `offset` of its tag byte, `length` of its value (0 for a pad byte, which has none). */
export interface TlvPosition {
  tag: number;
  offset: number;
  length: number;
}

export type ItlParseErrorKind =
  | 'empty-file'
  /** Larger than the 64 KB phones accept (domain.md §5.6); distinct so the simulator can show that symptom. */
  | 'file-too-large'
  /** Fewer than 3 bytes left where a TLV header (tag + length) must start. */
  | 'truncated-tlv'
  /** A TLV's length runs past the end of the file. */
  | 'length-past-end'
  /** A tag that cannot stand where it is (the file must open with VERSION, HEADERLENGTH; a record with RECORDLENGTH). */
  | 'unexpected-tag'
  /** A fixed-size field (VERSION 2, TIMESTAMP 4, FUNCTION 2, …) with another length. */
  | 'bad-field-length'
  | 'header-length-inconsistent'
  /** A TLV nested in SIGNERID / SIGNATUREINFO / SIGNATUREALGOINFO runs past its container. */
  | 'container-length-inconsistent'
  | 'record-length-inconsistent'
  | 'duplicate-tag'
  | 'missing-tag';

export interface ItlParseError {
  kind: ItlParseErrorKind;
  /** Byte offset in the file of the element at fault (0 for an empty file). */
  offset: number;
  message: string;
}

export type ItlParseResult<T> = { ok: true; value: T } | { ok: false; error: ItlParseError };

/** The header common to trust lists and `.sgn` files. Byte fields are views into `bytes`, not copies. */
export interface SignedFileHeader {
  /** The file as parsed (verification hashes it). */
  bytes: Uint8Array;
  /** "1.2" for trust lists CUCM writes, "1.0" for `.sgn` files. */
  version: string;
  headerLength: number;
  /** Tag 28, "1.0" or "1.1", when the writer put one. */
  signerVersion?: string;
  signerName: string;
  signerSerial: Uint8Array;
  caName: string;
  digestCode: number;
  /** `null` when DIGESTALGORTITHM holds a code we do not know; verification then fails with a reason. */
  digest: ItlDigest | null;
  signatureAlgorithm: number;
  /** SIGNATUREMODULUS as stored: an index into {64, 128, 256, 512}. */
  signatureModulus: number;
  signature: Uint8Array;
  /** Offset of the SIGNATURE TLV's tag byte and its whole size (3 + signature length): what signing leaves out. */
  signatureOffset: number;
  signatureLength: number;
  filename: string;
  /** Unix seconds. */
  timestamp: number;
  /** Every header element in file order, nested ones and pad bytes included (VERSION and HEADERLENGTH first). */
  headerTlvs: TlvPosition[];
}

export interface ItlRecordFunction {
  code: number;
  /** Short role name, or `undefined` for a code outside domain.md §5.4. */
  name: ItlFunction | undefined;
}

export interface ItlRecord {
  offset: number;
  /** RECORDLENGTH: the record's size including the RECORDLENGTH TLV. */
  length: number;
  /** '' when the record has no DNSNAME or an empty one. */
  dnsName: string;
  subjectName: string;
  function: ItlRecordFunction;
  issuerName: string;
  serialNumber: Uint8Array;
  /** RSA: PKCS#1 RSAPublicKey DER; EC: uncompressed point. Absent in some token records (S11). */
  publicKey?: Uint8Array;
  /** The certificate's own signature value. Absent in eToken records of S11's CTL. */
  signature?: Uint8Array;
  certificate?: Uint8Array;
  certHash?: Uint8Array;
  hashAlgorithm?: number;
  ipAddress?: Uint8Array;
  tlvs: TlvPosition[];
}

export interface ItlFile extends SignedFileHeader {
  records: ItlRecord[];
}

export interface ParseOptions {
  /** Largest file accepted; phones stop at 64 KB. `show itl` on CUCM reads larger files, so it passes Infinity. */
  maxBytes?: number;
}

type Failure = { ok: false; error: ItlParseError };
const fail = (kind: ItlParseErrorKind, offset: number, message: string): Failure => ({
  ok: false,
  error: { kind, offset, message },
});

const headerLabel = (tag: number) => HEADER_TAG_LABELS[tag] ?? `tag ${tag}`;
const recordLabel = (tag: number) => RECORD_TAG_LABELS[tag] ?? `tag ${tag}`;

/** Fixed value sizes of header fields. */
const HEADER_FIXED_LENGTH: Readonly<Record<number, number>> = {
  [HeaderTag.SIGNERVERSION]: 2,
  [HeaderTag.DIGESTALGORTITHM]: 1,
  [HeaderTag.SIGNATUREALGORTITHM]: 1,
  [HeaderTag.SIGNATUREMODULUS]: 1,
  [HeaderTag.TIMESTAMP]: 4,
};

/** Tags every header must carry once: without them the file can neither be shown like CUCM does nor verified. */
const HEADER_MANDATORY = [
  HeaderTag.SIGNERNAME,
  HeaderTag.SERIALNUMBER,
  HeaderTag.CANAME,
  HeaderTag.DIGESTALGORTITHM,
  HeaderTag.SIGNATUREALGORTITHM,
  HeaderTag.SIGNATUREMODULUS,
  HeaderTag.SIGNATURE,
  HeaderTag.FILENAME,
  HeaderTag.TIMESTAMP,
] as const;

/** Containers nest at most SIGNATUREINFO → SIGNATUREALGOINFO; deeper "containers" are read as opaque values. */
const MAX_CONTAINER_DEPTH = 2;

/** Read VERSION, HEADERLENGTH and the header TLVs. Shared by trust lists and `.sgn` files. */
export function parseSignedFileHeader(bytes: Uint8Array, options: ParseOptions = {}): ItlParseResult<SignedFileHeader> {
  const maxBytes = options.maxBytes ?? ITL_MAX_BYTES;
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) return fail('empty-file', 0, 'The file is empty.');
  if (bytes.length > maxBytes) {
    return fail(
      'file-too-large',
      maxBytes,
      `The file is ${bytes.length} bytes; the limit is ${maxBytes} bytes (64 KB), so byte ${maxBytes} onwards is refused.`,
    );
  }
  const size = bytes.length;
  const headerTlvs: TlvPosition[] = [];

  // VERSION and HEADERLENGTH must come first: HEADERLENGTH says where the header ends.
  for (const [at, tag] of [
    [0, HeaderTag.VERSION],
    [5, HeaderTag.HEADERLENGTH],
  ] as const) {
    if (at + 3 > size) {
      // When the file stops right before HEADERLENGTH, point at the last byte the file has.
      return at < size
        ? fail('truncated-tlv', at, `The file ends inside the ${headerLabel(tag)} TLV at byte ${at}.`)
        : fail('truncated-tlv', size - 1, `The file ends at byte ${size - 1}, before ${headerLabel(tag)} (byte ${at}).`);
    }
    if (bytes[at] !== tag) {
      return fail('unexpected-tag', at, `Expected ${headerLabel(tag)} (tag ${tag}) at byte ${at}, found tag ${bytes[at]}.`);
    }
    const length = readU16(bytes, at + 1);
    if (length !== 2) return fail('bad-field-length', at, `${headerLabel(tag)} at byte ${at} has length ${length}, not 2.`);
    if (at + 5 > size) return fail('length-past-end', at, `${headerLabel(tag)} at byte ${at} runs past the end of the file.`);
    headerTlvs.push({ tag, offset: at, length });
  }
  const version = `${bytes[3]}.${bytes[4]}`;
  const headerLength = readU16(bytes, 8);
  if (headerLength < 10) {
    return fail('header-length-inconsistent', 5, `HEADERLENGTH ${headerLength} is shorter than VERSION and HEADERLENGTH themselves.`);
  }
  if (headerLength > size) {
    return fail('header-length-inconsistent', 5, `HEADERLENGTH ${headerLength} is past the end of the file (${size} bytes).`);
  }

  const fields = new Map<number, { offset: number; value: Uint8Array }>();
  const containers: number[] = []; // end offsets of the open SIGNERID / SIGNATUREINFO / SIGNATUREALGOINFO
  let at = 10;
  while (at < headerLength) {
    while (containers.length > 0 && containers[containers.length - 1] <= at) containers.pop();
    const limit = containers.length > 0 ? containers[containers.length - 1] : headerLength;
    const inContainer = containers.length > 0;
    if (bytes[at] === PAD_BYTE) {
      headerTlvs.push({ tag: HeaderTag.PADDING, offset: at, length: 0 });
      at += 1;
      continue;
    }
    if (at + 3 > limit) {
      if (at + 3 > size) return fail('truncated-tlv', at, `The file ends inside the TLV header at byte ${at}.`);
      return inContainer
        ? fail('container-length-inconsistent', at, `The TLV at byte ${at} does not fit in its container (ends at ${limit}).`)
        : fail('header-length-inconsistent', at, `The TLV at byte ${at} crosses the header end (HEADERLENGTH ${headerLength}).`);
    }
    const tag = bytes[at];
    const length = readU16(bytes, at + 1);
    const end = at + 3 + length;
    if (end > size) {
      const why = `${headerLabel(tag)} at byte ${at} has length ${length}, past the end of the file (${size} bytes).`;
      return fail('length-past-end', at, why);
    }
    if (end > limit) {
      return inContainer
        ? fail('container-length-inconsistent', at, `${headerLabel(tag)} at byte ${at} runs past its container (ends at ${limit}).`)
        : fail('header-length-inconsistent', at, `${headerLabel(tag)} at byte ${at} runs past the header end (HEADERLENGTH ${headerLength}).`);
    }
    if (tag === HeaderTag.VERSION || tag === HeaderTag.HEADERLENGTH) {
      return fail('duplicate-tag', at, `A second ${headerLabel(tag)} at byte ${at}.`);
    }
    headerTlvs.push({ tag, offset: at, length });
    if (HEADER_CONTAINER_TAGS.has(tag) && containers.length < MAX_CONTAINER_DEPTH) {
      if (fields.has(tag)) return fail('duplicate-tag', at, `A second ${headerLabel(tag)} at byte ${at}.`);
      fields.set(tag, { offset: at, value: bytes.subarray(at + 3, end) });
      containers.push(end);
      at += 3;
      continue;
    }
    if (tag in HEADER_TAG_LABELS) {
      if (fields.has(tag)) return fail('duplicate-tag', at, `A second ${headerLabel(tag)} at byte ${at}.`);
      const fixed = HEADER_FIXED_LENGTH[tag];
      if (fixed !== undefined && length !== fixed) {
        return fail('bad-field-length', at, `${headerLabel(tag)} at byte ${at} has length ${length}, not ${fixed}.`);
      }
      fields.set(tag, { offset: at, value: bytes.subarray(at + 3, end) });
    }
    at = end;
  }

  for (const tag of HEADER_MANDATORY) {
    if (!fields.has(tag)) {
      return fail('missing-tag', 0, `The header (bytes 0–${headerLength - 1}) has no ${headerLabel(tag)} (tag ${tag}).`);
    }
  }
  const value = (tag: number) => fields.get(tag)!.value;
  const signature = fields.get(HeaderTag.SIGNATURE)!;
  const signerVersion = fields.get(HeaderTag.SIGNERVERSION)?.value;
  const digestCode = value(HeaderTag.DIGESTALGORTITHM)[0];
  return {
    ok: true,
    value: {
      bytes,
      version,
      headerLength,
      ...(signerVersion ? { signerVersion: `${signerVersion[0]}.${signerVersion[1]}` } : {}),
      signerName: readCString(value(HeaderTag.SIGNERNAME)),
      signerSerial: value(HeaderTag.SERIALNUMBER),
      caName: readCString(value(HeaderTag.CANAME)),
      digestCode,
      digest: DIGEST_NAMES[digestCode] ?? null,
      signatureAlgorithm: value(HeaderTag.SIGNATUREALGORTITHM)[0],
      signatureModulus: value(HeaderTag.SIGNATUREMODULUS)[0],
      signature: signature.value,
      signatureOffset: signature.offset,
      signatureLength: 3 + signature.value.length,
      filename: readCString(value(HeaderTag.FILENAME)),
      timestamp: readU32(value(HeaderTag.TIMESTAMP), 0),
      headerTlvs,
    },
  };
}

const RECORD_FIXED_LENGTH: Readonly<Record<number, number>> = {
  [RecordTag.FUNCTION]: 2,
  [RecordTag.HASH_ALGORITHM]: 1,
};

/**
 * Tags seen in every record of every real file we have (seed S1, S11 CTLs, the independent fixtures). PUBLICKEY
 * and SIGNATURE are not here: S11's eToken SAST records carry no SIGNATURE.
 */
const RECORD_MANDATORY = [RecordTag.SUBJECTNAME, RecordTag.FUNCTION, RecordTag.ISSUERNAME, RecordTag.SERIALNUMBER] as const;

function parseRecord(bytes: Uint8Array, start: number): ItlParseResult<ItlRecord> {
  const size = bytes.length;
  if (start + 3 > size) return fail('truncated-tlv', start, `The file ends inside the TLV header at byte ${start}.`);
  if (bytes[start] !== RecordTag.RECORDLENGTH) {
    return fail('unexpected-tag', start, `A record must start with RECORDLENGTH (tag 1); byte ${start} holds tag ${bytes[start]}.`);
  }
  const lengthFieldSize = readU16(bytes, start + 1);
  if (lengthFieldSize !== 2) {
    return fail('bad-field-length', start, `RECORDLENGTH at byte ${start} has length ${lengthFieldSize}, not 2.`);
  }
  if (start + 5 > size) return fail('length-past-end', start, `RECORDLENGTH at byte ${start} runs past the end of the file.`);
  const length = readU16(bytes, start + 3);
  if (length < 5) {
    return fail('record-length-inconsistent', start, `RECORDLENGTH ${length} at byte ${start} is shorter than the RECORDLENGTH TLV itself.`);
  }
  const end = start + length;
  if (end > size) {
    return fail('record-length-inconsistent', start, `RECORDLENGTH ${length} at byte ${start} runs past the end of the file (${size} bytes).`);
  }

  const tlvs: TlvPosition[] = [{ tag: RecordTag.RECORDLENGTH, offset: start, length: 2 }];
  const fields = new Map<number, Uint8Array>();
  let at = start + 5;
  while (at < end) {
    if (at + 3 > end) {
      return at + 3 > size
        ? fail('truncated-tlv', at, `The file ends inside the TLV header at byte ${at}.`)
        : fail('record-length-inconsistent', at, `The TLV at byte ${at} crosses the record end (RECORDLENGTH ${length}).`);
    }
    const tag = bytes[at];
    const valueLength = readU16(bytes, at + 1);
    const valueEnd = at + 3 + valueLength;
    if (valueEnd > size) {
      const why = `${recordLabel(tag)} at byte ${at} has length ${valueLength}, past the end of the file (${size} bytes).`;
      return fail('length-past-end', at, why);
    }
    if (valueEnd > end) {
      const why = `${recordLabel(tag)} at byte ${at} runs past the record end (RECORDLENGTH ${length} from byte ${start}).`;
      return fail('record-length-inconsistent', at, why);
    }
    if (tag in RECORD_TAG_LABELS) {
      if (tag === RecordTag.RECORDLENGTH || fields.has(tag)) {
        return fail('duplicate-tag', at, `A second ${recordLabel(tag)} in the record at byte ${start}.`);
      }
      const fixed = RECORD_FIXED_LENGTH[tag];
      if (fixed !== undefined && valueLength !== fixed) {
        return fail('bad-field-length', at, `${recordLabel(tag)} at byte ${at} has length ${valueLength}, not ${fixed}.`);
      }
      fields.set(tag, bytes.subarray(at + 3, valueEnd));
    }
    tlvs.push({ tag, offset: at, length: valueLength });
    at = valueEnd;
  }
  for (const tag of RECORD_MANDATORY) {
    if (!fields.has(tag)) return fail('missing-tag', start, `The record at byte ${start} has no ${recordLabel(tag)} (tag ${tag}).`);
  }
  const functionCode = readU16(fields.get(RecordTag.FUNCTION)!, 0);
  const optional = (tag: number) => fields.get(tag);
  const record: ItlRecord = {
    offset: start,
    length,
    dnsName: readCString(optional(RecordTag.DNSNAME) ?? new Uint8Array(0)),
    subjectName: readCString(fields.get(RecordTag.SUBJECTNAME)!),
    function: { code: functionCode, name: FUNCTION_NAMES[functionCode] },
    issuerName: readCString(fields.get(RecordTag.ISSUERNAME)!),
    serialNumber: fields.get(RecordTag.SERIALNUMBER)!,
    tlvs,
  };
  const put = <K extends 'publicKey' | 'signature' | 'certificate' | 'certHash' | 'ipAddress'>(key: K, tag: number) => {
    const v = optional(tag);
    if (v) record[key] = v;
  };
  put('publicKey', RecordTag.PUBLICKEY);
  put('signature', RecordTag.SIGNATURE);
  put('certificate', RecordTag.CERTIFICATE);
  put('certHash', RecordTag.CERTHASH);
  put('ipAddress', RecordTag.IPADDRESS);
  const hashAlgorithm = optional(RecordTag.HASH_ALGORITHM);
  if (hashAlgorithm) record.hashAlgorithm = hashAlgorithm[0];
  return { ok: true, value: record };
}

/** Parse a whole trust list. Every failure is a value naming the byte offset; nothing here throws. */
export function parseItl(bytes: Uint8Array, options: ParseOptions = {}): ItlParseResult<ItlFile> {
  const header = parseSignedFileHeader(bytes, options);
  if (!header.ok) return header;
  const records: ItlRecord[] = [];
  let at = header.value.headerLength;
  while (at < bytes.length) {
    const record = parseRecord(bytes, at);
    if (!record.ok) return record;
    records.push(record.value);
    at += record.value.length; // ≥ 5, so the walk always advances
  }
  return { ok: true, value: { ...header.value, records } };
}
