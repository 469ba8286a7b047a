/**
 * The little DER (X.690 §10) the lab writes and reads for certificates, requests and keys — written here
 * rather than taken from pkijs, which cannot be tree-shaken: importing one class of it bundled 76–87 kB
 * gzip into the home page (src/ARCHITECTURE.md, "Certificates without pkijs").
 *
 * Writing: each function returns one complete TLV; constructed values take their children's bytes.
 * Reading: {@link parseDer} checks the whole structure first (der.ts: lengths exact and minimal, no
 * indefinite form, bounded depth) and returns a tree of {@link Node}s over the input; the typed readers
 * below throw {@link DerError} when a value is not what the schema says, and the callers turn that into a
 * `Decoded` error value. Nothing here touches WebCrypto.
 */
import { derProblem } from './der';
import { concatBytes } from './encode';

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  NUMERIC_STRING: 0x12,
  PRINTABLE_STRING: 0x13,
  TELETEX_STRING: 0x14,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  VISIBLE_STRING: 0x1a,
  UNIVERSAL_STRING: 0x1c,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

// ---------------------------------------------------------------------------------------------------------
// Writing

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return [0x80 | out.length, ...out];
}


/** One TLV with a low tag number (every tag the lab writes is one byte). */
export function tlv(tag: number, ...contents: Uint8Array[]): Uint8Array {
  const body = contents.length === 1 ? contents[0] : concatBytes(contents);
  const head = [tag, ...lengthBytes(body.length)];
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

export const sequence = (...children: Uint8Array[]) => tlv(TAG.SEQUENCE, ...children);
export const set = (...children: Uint8Array[]) => tlv(TAG.SET, ...children);
/** `[n]` EXPLICIT (constructed, context-specific). */
export const explicit = (n: number, ...children: Uint8Array[]) => tlv(0xa0 | n, ...children);
export const nullValue = () => Uint8Array.of(TAG.NULL, 0);
export const octetString = (bytes: Uint8Array) => tlv(TAG.OCTET_STRING, bytes);
/** DER BOOLEAN TRUE is 0xFF (X.690 §11.1). */
export const booleanValue = (value: boolean) => Uint8Array.of(TAG.BOOLEAN, 1, value ? 0xff : 0);
export const bitString = (bytes: Uint8Array, unusedBits = 0) => tlv(TAG.BIT_STRING, Uint8Array.of(unusedBits), bytes);

/** The minimal two's-complement contents of a non-negative INTEGER given as unsigned big-endian bytes. */
export function unsignedIntegerContents(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  const body = bytes.subarray(i);
  if (body.length === 0) return Uint8Array.of(0);
  return body[0] & 0x80 ? concatBytes([Uint8Array.of(0), body]) : body.slice();
}

export const unsignedInteger = (bytes: Uint8Array) => tlv(TAG.INTEGER, unsignedIntegerContents(bytes));

export function smallInteger(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 0x7fffffff) throw new Error(`smallInteger: ${n} is out of range.`);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return unsignedInteger(Uint8Array.from(bytes.length ? bytes : [0]));
}

export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  if (arcs.length < 2 || arcs.some((a) => !Number.isSafeInteger(a) || a < 0)) throw new Error(`Not an OID: ${dotted}`);
  const out: number[] = [];
  const push = (v: number) => {
    const chunk = [v & 0x7f];
    for (v = Math.floor(v / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  };
  push(arcs[0] * 40 + arcs[1]);
  for (const arc of arcs.slice(2)) push(arc);
  return tlv(TAG.OID, Uint8Array.from(out));
}

const encoder = new TextEncoder();
export const utf8String = (s: string) => tlv(TAG.UTF8_STRING, encoder.encode(s));
/** PrintableString and IA5String are ASCII subsets: one byte per character. */
export const printableString = (s: string) => tlv(TAG.PRINTABLE_STRING, encoder.encode(s));
export const ia5String = (s: string) => tlv(TAG.IA5_STRING, encoder.encode(s));

const two = (n: number) => String(n).padStart(2, '0');

/**
 * RFC 5280 §4.1.2.5: UTCTime `YYMMDDHHMMSSZ` for 1950–2049, GeneralizedTime `YYYYMMDDHHMMSSZ` otherwise,
 * whole seconds (fractions dropped).
 */
export function x509Time(date: Date): Uint8Array {
  const year = date.getUTCFullYear();
  const rest = `${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}Z`;
  return year >= 1950 && year < 2050
    ? tlv(TAG.UTC_TIME, encoder.encode(`${two(year % 100)}${rest}`))
    : tlv(TAG.GENERALIZED_TIME, encoder.encode(`${String(year).padStart(4, '0')}${rest}`));
}

// ---------------------------------------------------------------------------------------------------------
// Reading

/** A value that is well-formed DER but not what the schema expects. */
export class DerError extends Error {}

export interface Node {
  /** The identifier byte (0x1F-form tags read as 0x1F | class bits, which no schema here expects). */
  tag: number;
  /** The whole TLV. */
  der: Uint8Array;
  /** The contents. */
  value: Uint8Array;
  /** Offset of the identifier byte in the parsed input. */
  offset: number;
  /** The children, for a constructed TLV. */
  children: Node[];
}

function headerLength(bytes: Uint8Array, at: number): { contents: number; length: number } {
  let p = at + 1;
  if ((bytes[at] & 0x1f) === 0x1f) while (bytes[p++] & 0x80);
  const first = bytes[p++];
  if (first < 0x80) return { contents: p, length: first };
  let length = 0;
  for (let n = first & 0x7f; n > 0; n--) length = length * 256 + bytes[p++];
  return { contents: p, length };
}

function build(bytes: Uint8Array, at: number): Node {
  const { contents, length } = headerLength(bytes, at);
  const end = contents + length;
  const node: Node = { tag: bytes[at], der: bytes.subarray(at, end), value: bytes.subarray(contents, end), offset: at, children: [] };
  if (bytes[at] & 0x20) for (let p = contents; p < end; ) {
    const child = build(bytes, p);
    node.children.push(child);
    p = child.offset + child.der.length;
  }
  return node;
}

/** One DER element filling `bytes` exactly, as a tree; a structural problem is a DerError naming its offset. */
export function parseDer(bytes: Uint8Array): Node {
  const problem = derProblem(bytes);
  if (problem) throw new DerError(problem.message);
  return build(bytes, 0);
}

const NAMES: Record<number, string> = {
  [TAG.BOOLEAN]: 'a BOOLEAN',
  [TAG.INTEGER]: 'an INTEGER',
  [TAG.BIT_STRING]: 'a BIT STRING',
  [TAG.OCTET_STRING]: 'an OCTET STRING',
  [TAG.NULL]: 'a NULL',
  [TAG.OID]: 'an OBJECT IDENTIFIER',
  [TAG.SEQUENCE]: 'a SEQUENCE',
  [TAG.SET]: 'a SET',
};

/** `node`, checked to carry `tag`; `what` names it in the error. */
export function expect(node: Node | undefined, tag: number, what: string): Node {
  if (!node) throw new DerError(`${what} is missing`);
  if (node.tag !== tag) {
    const want = NAMES[tag] ?? `tag 0x${tag.toString(16)}`;
    throw new DerError(`${what} at byte ${node.offset} is not ${want}`);
  }
  return node;
}

export function readOid(node: Node | undefined, what: string): string {
  const v = expect(node, TAG.OID, what).value;
  if (v.length === 0 || v[v.length - 1] & 0x80) throw new DerError(`${what} at byte ${node!.offset} is not a valid OBJECT IDENTIFIER`);
  const arcs: number[] = [];
  let acc = 0;
  for (let i = 0; i < v.length; i++) {
    if (acc === 0 && v[i] === 0x80) throw new DerError(`${what} at byte ${node!.offset} is not a valid OBJECT IDENTIFIER`);
    acc = acc * 128 + (v[i] & 0x7f);
    if (acc > Number.MAX_SAFE_INTEGER) throw new DerError(`${what} at byte ${node!.offset} has an arc too large to read`);
    if (!(v[i] & 0x80)) {
      if (arcs.length === 0) arcs.push(acc < 40 ? 0 : acc < 80 ? 1 : 2, acc < 80 ? acc % 40 : acc - 80);
      else arcs.push(acc);
      acc = 0;
    }
  }
  return arcs.join('.');
}

/** The contents of a DER INTEGER (two's complement, minimal). */
export function readIntegerBytes(node: Node | undefined, what: string): Uint8Array {
  const v = expect(node, TAG.INTEGER, what).value;
  if (v.length === 0 || (v.length > 1 && ((v[0] === 0 && v[1] < 0x80) || (v[0] === 0xff && v[1] >= 0x80)))) {
    throw new DerError(`${what} at byte ${node!.offset} is not a DER INTEGER`);
  }
  return v;
}

/** A small non-negative INTEGER (versions, path lengths). */
export function readSmallInteger(node: Node | undefined, what: string): number {
  const v = readIntegerBytes(node, what);
  if (v[0] & 0x80 || v.length > 4) throw new DerError(`${what} at byte ${node!.offset} is out of range`);
  return v.reduce((n, b) => n * 256 + b, 0);
}

export function readBoolean(node: Node | undefined, what: string): boolean {
  const v = expect(node, TAG.BOOLEAN, what).value;
  if (v.length !== 1 || (v[0] !== 0 && v[0] !== 0xff)) throw new DerError(`${what} at byte ${node!.offset} is not a DER BOOLEAN`);
  return v[0] === 0xff;
}

export interface BitStringValue {
  bytes: Uint8Array;
  unusedBits: number;
}

export function readBitString(node: Node | undefined, what: string): BitStringValue {
  const v = expect(node, TAG.BIT_STRING, what).value;
  if (v.length === 0 || v[0] > 7 || (v.length === 1 && v[0] !== 0)) throw new DerError(`${what} at byte ${node!.offset} is not a valid BIT STRING`);
  return { bytes: v.subarray(1), unusedBits: v[0] };
}

const latin1 = (v: Uint8Array) => Array.from(v, (b) => String.fromCharCode(b)).join('');
const utf8 = new TextDecoder();

/** The text of any ASN.1 string type; undefined when the node is not one. */
export function readString(node: Node): string | undefined {
  switch (node.tag) {
    case TAG.UTF8_STRING:
      return utf8.decode(node.value);
    case TAG.PRINTABLE_STRING:
    case TAG.IA5_STRING:
    case TAG.NUMERIC_STRING:
    case TAG.VISIBLE_STRING:
    case TAG.TELETEX_STRING:
    case 0x15: // VideotexString
    case 0x19: // GraphicString
    case 0x1b: // GeneralString
      return latin1(node.value);
    case TAG.BMP_STRING: {
      let s = '';
      for (let i = 0; i + 1 < node.value.length; i += 2) s += String.fromCharCode((node.value[i] << 8) | node.value[i + 1]);
      return s;
    }
    case TAG.UNIVERSAL_STRING: {
      let s = '';
      for (let i = 0; i + 3 < node.value.length; i += 4) {
        const cp = ((node.value[i] << 24) | (node.value[i + 1] << 16) | (node.value[i + 2] << 8) | node.value[i + 3]) >>> 0;
        s += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
      }
      return s;
    }
    default:
      return undefined;
  }
}

const UTC = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/;
const GENERALIZED = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d*[1-9]))?Z$/;

/**
 * Time ::= UTCTime | GeneralizedTime (RFC 5280 §4.1.2.5): seconds present, `Z`, UTCTime years 50–99 are
 * 19xx. A string that is no real date (month 13, 31 February) is an error, not a rolled-over Date.
 */
export function readTime(node: Node | undefined, what: string): Date {
  if (!node || (node.tag !== TAG.UTC_TIME && node.tag !== TAG.GENERALIZED_TIME)) {
    throw new DerError(node ? `${what} at byte ${node.offset} is not a UTCTime or GeneralizedTime` : `${what} is missing`);
  }
  const text = latin1(node.value);
  const m = (node.tag === TAG.UTC_TIME ? UTC : GENERALIZED).exec(text);
  if (!m) throw new DerError(`${what} at byte ${node.offset} is not a valid time ("${text.replace(/[^\x20-\x7e]/g, '?')}")`);
  let year = Number(m[1]);
  if (node.tag === TAG.UTC_TIME) year += year < 50 ? 2000 : 1900;
  const [month, day, hour, minute, second] = m.slice(2, 7).map(Number);
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  date.setUTCFullYear(year); // Date.UTC maps years 0–99 to 1900–1999
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    throw new DerError(`${what} at byte ${node.offset} is not a real date ("${text}")`);
  }
  return date;
}

/** AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL } (RFC 5280 §4.1.1.2). */
export interface AlgorithmIdentifier {
  oid: string;
  parameters?: Node;
  der: Uint8Array;
}

export function readAlgorithm(node: Node | undefined, what: string): AlgorithmIdentifier {
  const seq = expect(node, TAG.SEQUENCE, what);
  if (seq.children.length < 1 || seq.children.length > 2) throw new DerError(`${what} at byte ${seq.offset} is not an AlgorithmIdentifier`);
  return { oid: readOid(seq.children[0], `${what}'s OID`), parameters: seq.children[1], der: seq.der };
}
