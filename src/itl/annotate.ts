/**
 * A trust list or signed file as annotated bytes: every TLV with its offset, tag, length and value, grouped
 * into the header, the header's SIGNATURE (what signing leaves out), each record, and the signed content of
 * a `.sgn` — the layout of tlv.ts, made visible. Pure data for a byte view; the words that explain a tag
 * are the caller's (the inspector looks them up by `part` and `tag` in the message catalogue).
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { toColonHex, toHex, toSpacedHex } from '../pki/encode';
import type { ItlFile, SignedFileHeader, TlvPosition } from './parse';
import {
  DIGEST_NAMES,
  FUNCTION_DISPLAY,
  HEADER_CONTAINER_TAGS,
  HEADER_TAG_LABELS,
  HeaderTag,
  RECORD_TAG_LABELS,
  RecordTag,
  SIGNATURE_MODULUS_BYTES,
  readCString,
  readU16,
  readU32,
} from './tlv';

export interface ByteField {
  /** Unique within the file: "h12" (header element at byte 12), "r3.7" (record 3, its TLV at byte 7). */
  id: string;
  part: 'header' | 'record' | 'content';
  /** Offset of the tag byte (of the first content byte for `content`). */
  offset: number;
  /** Bytes the field covers: tag, length and value (1 for a pad byte). */
  size: number;
  /** The tag number, or null for the content of a `.sgn`. */
  tag: number | null;
  /** The label `show itl` prints ("SIGNERNAME", "HASH ALGORITHM"), "PADDING", or "UNKNOWN". */
  label: string;
  /** The value's length as the length field says (0 for a pad byte and for content). */
  length: number;
  /** The value as an engineer reads it: a name, a number, a role, a hash; '' when only the bytes say it. */
  value: string;
  /** 0 for a top-level TLV, 1 inside SIGNERID / SIGNATUREINFO, 2 inside SIGNATUREALGOINFO. */
  depth: number;
}

export interface ByteSection {
  kind: 'header' | 'signature' | 'record' | 'content';
  /** 1-based record number (records only). */
  index?: number;
  offset: number;
  size: number;
  fields: ByteField[];
}

function hexPreview(value: Uint8Array, max = 16): string {
  const shown = toSpacedHex(value.subarray(0, max));
  return value.length > max ? `${shown} …` : shown;
}

function headerValue(tag: number, value: Uint8Array): string {
  switch (tag) {
    case HeaderTag.VERSION:
    case HeaderTag.SIGNERVERSION:
      return value.length === 2 ? `${value[0]}.${value[1]}` : hexPreview(value);
    case HeaderTag.HEADERLENGTH:
      return value.length === 2 ? `${readU16(value, 0)} bytes` : hexPreview(value);
    case HeaderTag.SIGNERNAME:
    case HeaderTag.CANAME:
    case HeaderTag.FILENAME:
      return readCString(value);
    case HeaderTag.SERIALNUMBER:
      return toColonHex(value);
    case HeaderTag.DIGESTALGORTITHM:
      return value.length === 1 ? `${value[0]} (${DIGEST_NAMES[value[0]] ?? 'unknown'})` : hexPreview(value);
    case HeaderTag.SIGNATUREALGORTITHM:
      return value.length === 1 ? `${value[0]} (${value[0] === 0 ? 'RSA' : 'unknown'})` : hexPreview(value);
    case HeaderTag.SIGNATUREMODULUS: {
      const bytes = SIGNATURE_MODULUS_BYTES[value[0]];
      return value.length === 1 ? `${value[0]} (${bytes ? `${bytes}-byte signature, ${bytes * 8}-bit key` : 'unknown'})` : hexPreview(value);
    }
    case HeaderTag.SIGNATURE:
      return hexPreview(value);
    case HeaderTag.TIMESTAMP:
      return value.length === 4 ? `${readU32(value, 0)} (${new Date(readU32(value, 0) * 1000).toISOString().replace('.000Z', 'Z')})` : hexPreview(value);
    default:
      return HEADER_CONTAINER_TAGS.has(tag) ? `${value.length} bytes of nested fields` : hexPreview(value);
  }
}

function recordValue(tag: number, value: Uint8Array): string {
  switch (tag) {
    case RecordTag.RECORDLENGTH:
      return value.length === 2 ? `${readU16(value, 0)} bytes` : hexPreview(value);
    case RecordTag.DNSNAME:
    case RecordTag.SUBJECTNAME:
    case RecordTag.ISSUERNAME:
      return readCString(value);
    case RecordTag.FUNCTION: {
      if (value.length !== 2) return hexPreview(value);
      const code = readU16(value, 0);
      return `${code} (${FUNCTION_DISPLAY[code] ?? 'unknown role'})`;
    }
    case RecordTag.SERIALNUMBER:
      return toColonHex(value);
    case RecordTag.CERTIFICATE:
      return `SHA-1 ${toSpacedHex(sha1(value))}`;
    case RecordTag.CERTHASH:
      return toSpacedHex(value);
    case RecordTag.IPADDRESS:
      return value.length === 4 ? Array.from(value).join('.') : hexPreview(value);
    case RecordTag.HASH_ALGORITHM:
      return value.length === 1 ? `${value[0]}${value[0] === 1 ? ' (SHA-1)' : ''}` : hexPreview(value);
    default:
      return hexPreview(value);
  }
}

function headerField(bytes: Uint8Array, tlv: TlvPosition, depth: number): ByteField {
  if (tlv.tag === HeaderTag.PADDING && tlv.length === 0 && bytes[tlv.offset] === 0x0d) {
    return { id: `h${tlv.offset}`, part: 'header', offset: tlv.offset, size: 1, tag: tlv.tag, label: 'PADDING', length: 0, value: '', depth };
  }
  const value = bytes.subarray(tlv.offset + 3, tlv.offset + 3 + tlv.length);
  return {
    id: `h${tlv.offset}`,
    part: 'header',
    offset: tlv.offset,
    size: 3 + tlv.length,
    tag: tlv.tag,
    label: HEADER_TAG_LABELS[tlv.tag] ?? 'UNKNOWN',
    length: tlv.length,
    value: headerValue(tlv.tag, value),
    depth,
  };
}

/** The header of a trust list or `.sgn` in sections: before the SIGNATURE, the SIGNATURE, after it. */
export function annotateHeader(file: SignedFileHeader): ByteSection[] {
  const sections: ByteSection[] = [];
  let current: ByteSection | undefined;
  const open: number[] = []; // ends of open containers
  for (const tlv of file.headerTlvs) {
    while (open.length > 0 && open[open.length - 1] <= tlv.offset) open.pop();
    const field = headerField(file.bytes, tlv, open.length);
    const kind = tlv.offset === file.signatureOffset ? 'signature' : 'header';
    if (!current || current.kind !== kind) {
      current = { kind, offset: field.offset, size: 0, fields: [] };
      sections.push(current);
    }
    current.fields.push(field);
    if (depthOpens(tlv) && open.length < 2) open.push(tlv.offset + 3 + tlv.length);
  }
  for (const s of sections) {
    const last = s.fields[s.fields.length - 1];
    // A container's size covers its children, which follow it as fields of their own.
    s.size = Math.max(...s.fields.map((f) => f.offset + f.size), last.offset + last.size) - s.offset;
  }
  return sections;
}

function depthOpens(tlv: TlvPosition): boolean {
  return HEADER_CONTAINER_TAGS.has(tlv.tag) && tlv.length > 0;
}

/** Every record of a trust list as a section of its TLVs. */
export function annotateRecords(file: ItlFile): ByteSection[] {
  return file.records.map((record, i) => ({
    kind: 'record' as const,
    index: i + 1,
    offset: record.offset,
    size: record.length,
    fields: record.tlvs.map((tlv) => ({
      id: `r${i + 1}.${tlv.offset}`,
      part: 'record' as const,
      offset: tlv.offset,
      size: 3 + tlv.length,
      tag: tlv.tag,
      label: RECORD_TAG_LABELS[tlv.tag] ?? 'UNKNOWN',
      length: tlv.length,
      value: recordValue(tlv.tag, file.bytes.subarray(tlv.offset + 3, tlv.offset + 3 + tlv.length)),
      depth: 0,
    })),
  }));
}

export function annotateTrustList(file: ItlFile): ByteSection[] {
  return [...annotateHeader(file), ...annotateRecords(file)];
}

/** A `.sgn`: its header sections, then the signed configuration file as one field. */
export function annotateSignedFile(file: SignedFileHeader & { content: Uint8Array }): ByteSection[] {
  const sections = annotateHeader(file);
  if (file.content.length > 0) {
    sections.push({
      kind: 'content',
      offset: file.headerLength,
      size: file.content.length,
      fields: [
        {
          id: `c${file.headerLength}`,
          part: 'content',
          offset: file.headerLength,
          size: file.content.length,
          tag: null,
          label: 'CONTENT',
          length: file.content.length,
          value: `SHA-1 ${toHex(sha1(file.content))}`,
          depth: 0,
        },
      ],
    });
  }
  return sections;
}
