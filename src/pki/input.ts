/**
 * What a learner hands the lab — a file chosen or dropped, or text pasted — read as certificates and
 * certificate signing requests, whatever the wrapping:
 *
 * - PEM (RFC 7468): one or more `-----BEGIN CERTIFICATE-----` / `CERTIFICATE REQUEST` (and the older
 *   `NEW CERTIFICATE REQUEST`, `X509 CERTIFICATE`) / `PKCS7` blocks, text between them ignored;
 * - DER: a Certificate (RFC 5280 §4.1), a CertificationRequest (RFC 2986 §4) or a PKCS#7 / CMS
 *   SignedData "certs-only" bundle (`.p7b`, RFC 5652 §5.1: ContentInfo { id-signedData, [0] SignedData {
 *   version, digestAlgorithms, encapContentInfo, [0] IMPLICIT certificates, … } }).
 *
 * Private keys are named as such and refused — PKCS#8 `PrivateKeyInfo` (RFC 5208) and its encrypted
 * form, PKCS#1 `RSAPrivateKey` (RFC 8017 A.1.2), SEC 1 `ECPrivateKey` (RFC 5915), a PKCS#12 bag
 * (RFC 7292), or any PEM label ending in PRIVATE KEY — and their bytes are never returned.
 *
 * Every failure is a value naming what is wrong and the byte offset in the input; nothing here throws.
 * Input larger than {@link INPUT_MAX_BYTES} is refused before any parsing: real certificates, CSRs,
 * chains and trust lists are a few kilobytes.
 */
import { derChildren, derElement, derProblem } from './der';
import { describeCsr } from './csr';
import { toPem } from './encode';
import { describeCertificate } from './parse';

/** 1 MB: far above any real certificate, chain or ITL (an ITL stops at 64 KB), far below what freezes a page. */
export const INPUT_MAX_BYTES = 1024 * 1024;

export type InputErrorKind =
  | 'empty'
  | 'too-large'
  /** A private key (PEM label, PKCS#8, PKCS#1, SEC 1) or a PKCS#12 bag: refused, never shown. */
  | 'private-key'
  | 'pem-unterminated'
  | 'bad-base64'
  /** A PEM label the lab does not read (PUBLIC KEY, X509 CRL, …). */
  | 'unsupported-pem'
  /** Bytes that are not DER where DER must be. */
  | 'bad-der'
  /** DER that is well-formed but not a certificate, CSR or PKCS#7 bundle (or one that does not parse). */
  | 'not-certificate'
  /** Text with no PEM block in it. */
  | 'no-pem'
  /** Binary data that is none of the formats the lab reads. */
  | 'not-recognised';

export interface InputError {
  kind: InputErrorKind;
  /** Byte offset in the input of the element at fault (0 when the whole input is at fault). */
  offset: number;
  /** One English sentence or two, naming the problem and the offset. */
  message: string;
  /** The PEM label, or what kind of private key, when that is what the message is about. */
  label?: string;
}

export interface PkiItem {
  type: 'certificate' | 'csr';
  der: Uint8Array;
  /** Where the item starts in the input: its PEM BEGIN line, or its first DER byte. */
  offset: number;
}

export interface PkiInput {
  encoding: 'pem' | 'der';
  /** Set when the items came out of a PKCS#7 bundle. */
  container?: 'pkcs7';
  items: PkiItem[];
}

export type InputResult<T> = { ok: true; value: T } | { ok: false; error: InputError };

const fail = (kind: InputErrorKind, offset: number, message: string, label?: string): { ok: false; error: InputError } => ({
  ok: false,
  error: { kind, offset, message, ...(label ? { label } : {}) },
});

/** Refuse empty and oversized input before anything reads it. */
export function checkInputSize(size: number, maxBytes = INPUT_MAX_BYTES): InputError | undefined {
  if (size === 0) return { kind: 'empty', offset: 0, message: 'The file is empty.' };
  if (size > maxBytes) {
    return {
      kind: 'too-large',
      offset: maxBytes,
      message: `The file is ${size} bytes; the lab reads files up to ${maxBytes} bytes (${formatCap(maxBytes)}). Certificates and trust lists are a few kilobytes.`,
    };
  }
  return undefined;
}

export function formatCap(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} kB`;
}

// ---------------------------------------------------------------------------------------------------------
// DER sniffing

const OID_SIGNED_DATA = Uint8Array.of(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02);
const SEQUENCE = 0x30;
const INTEGER = 0x02;
const OCTET_STRING = 0x04;
const BIT_STRING = 0x03;
const OID = 0x06;
const CONTEXT_0 = 0xa0;

const capital = (s: string) => s[0].toUpperCase() + s.slice(1);

type DerKind = 'certificate' | 'csr' | 'pkcs7' | 'private-key' | 'pkcs12' | 'unknown';

function equalAt(bytes: Uint8Array, at: number, want: Uint8Array, length: number): boolean {
  if (length !== want.length) return false;
  for (let i = 0; i < want.length; i++) if (bytes[at + i] !== want[i]) return false;
  return true;
}

function smallInteger(bytes: Uint8Array, el: { tag: number; contents: number; length: number }): number | undefined {
  return el.tag === INTEGER && el.length === 1 ? bytes[el.contents] : undefined;
}

/** What a well-formed DER element at `at` is, judged by its shape (the parsers then read it for real). */
function derKind(bytes: Uint8Array, at: number): DerKind {
  const top = derChildren(bytes, at);
  if (!top || bytes[at] !== SEQUENCE || top.length === 0) return 'unknown';
  const tags = top.map((c) => c.tag);
  // ContentInfo { contentType OID, [0] content }
  if (tags[0] === OID && equalAt(bytes, top[0].contents, OID_SIGNED_DATA, top[0].length)) return 'pkcs7';
  // Certificate and CertificationRequest: SEQUENCE { SEQUENCE, SEQUENCE (AlgorithmIdentifier), BIT STRING }
  if (top.length === 3 && tags[0] === SEQUENCE && tags[1] === SEQUENCE && tags[2] === BIT_STRING) {
    const inner = derChildren(bytes, top[0].offset);
    if (inner && inner.length >= 6 && (inner[0].tag === CONTEXT_0 || inner[0].tag === INTEGER)) return 'certificate';
    if (inner && inner.length === 4 && inner[0].tag === INTEGER && inner[3].tag === CONTEXT_0) return 'csr';
    return 'unknown';
  }
  const version = smallInteger(bytes, top[0]);
  // PrivateKeyInfo / OneAsymmetricKey { version 0|1, AlgorithmIdentifier, OCTET STRING, … }
  if ((version === 0 || version === 1) && tags[1] === SEQUENCE && tags[2] === OCTET_STRING) return 'private-key';
  // EncryptedPrivateKeyInfo { AlgorithmIdentifier, OCTET STRING }
  if (top.length === 2 && tags[0] === SEQUENCE && tags[1] === OCTET_STRING) return 'private-key';
  // RSAPrivateKey { version 0, n, e, d, p, q, dp, dq, qinv }
  if (version === 0 && top.length >= 9 && tags.slice(0, 9).every((t) => t === INTEGER)) return 'private-key';
  // ECPrivateKey { version 1, OCTET STRING privateKey, [0] parameters, [1] publicKey }
  if (version === 1 && tags[1] === OCTET_STRING) return 'private-key';
  // PFX { version 3, authSafe ContentInfo, macData }
  if (version === 3 && tags[1] === SEQUENCE) return 'pkcs12';
  return 'unknown';
}

/** The certificates of a PKCS#7 SignedData bundle, as slices of `bytes` with their offsets. */
function pkcs7Certificates(bytes: Uint8Array, at: number, base: number): InputResult<PkiItem[]> {
  const top = derChildren(bytes, at)!;
  const explicit = top[1];
  const bad = (offset: number) => fail('not-certificate', base + offset, `The PKCS#7 bundle at byte ${base + at} is not a SignedData with certificates (byte ${base + offset}).`);
  if (!explicit || explicit.tag !== CONTEXT_0) return bad(at);
  const signedData = derElement(bytes, explicit.contents, explicit.end);
  if (!signedData || signedData.tag !== SEQUENCE) return bad(explicit.contents);
  const parts = derChildren(bytes, signedData.offset)!;
  const certificates = parts.find((p, i) => i >= 3 && p.tag === CONTEXT_0);
  if (!certificates) return fail('not-certificate', base + signedData.offset, `The PKCS#7 bundle at byte ${base + at} holds no certificates.`);
  const items: PkiItem[] = [];
  for (const child of derChildren(bytes, certificates.offset) ?? []) {
    // CertificateChoices: only plain X.509 certificates (a SEQUENCE) are read; attribute certificates are skipped.
    if (child.tag !== SEQUENCE) continue;
    items.push({ type: 'certificate', der: bytes.subarray(child.offset, child.end), offset: base + child.offset });
  }
  if (items.length === 0) return fail('not-certificate', base + certificates.offset, `The PKCS#7 bundle at byte ${base + at} holds no X.509 certificates.`);
  return { ok: true, value: items };
}

/** Check that an item really parses, so a caller gets a reason with an offset instead of a later surprise. */
function checkItem(item: PkiItem, where: string): InputError | undefined {
  // Described, not just parsed: a certificate whose key the lab cannot describe (an unknown algorithm or
  // curve, a broken RSA key) would fail later, on the page, instead of here with its offset.
  const parsed = item.type === 'certificate' ? describeCertificate(item.der) : describeCsr(item.der);
  if (parsed.ok) return undefined;
  const what = item.type === 'certificate' ? 'certificate' : 'certificate signing request';
  return { kind: 'not-certificate', offset: item.offset, message: `The ${what} ${where} cannot be read: ${parsed.error}` };
}

/**
 * One DER object (a whole file, or one PEM block's decoded contents) as items. `base` is where the DER
 * starts in the input and `where` how messages name it.
 */
function readDer(der: Uint8Array, base: number, where: string): InputResult<{ items: PkiItem[]; container?: 'pkcs7' }> {
  const problem = derProblem(der);
  if (problem) {
    // In a PEM block (base < 0: see readPem) DER offsets are not input offsets, so the block is named instead.
    const detail = base < 0 ? `at byte ${problem.offset} of its decoded contents` : `at byte ${problem.offset}`;
    return fail('bad-der', Math.max(base, 0) + problem.offset, `${capital(where)} is not valid DER ${detail}: ${problem.message}`);
  }
  const origin = Math.max(base, 0);
  const kind = derKind(der, 0);
  switch (kind) {
    case 'private-key':
      return fail(
        'private-key',
        origin,
        `${capital(where)} is a private key. The lab never reads or shows private keys: keep it secret, and hand the lab only certificates.`,
        'PRIVATE KEY',
      );
    case 'pkcs12':
      return fail(
        'private-key',
        origin,
        `${capital(where)} is a PKCS#12 (.p12/.pfx) bundle, which holds a private key. The lab does not open it: export the certificate alone (PEM or DER).`,
        'PKCS12',
      );
    case 'pkcs7': {
      const items = pkcs7Certificates(der, 0, origin);
      if (!items.ok) return items;
      for (const [i, item] of items.value.entries()) {
        const error = checkItem(item, `#${i + 1} in the PKCS#7 bundle (byte ${item.offset})`);
        if (error) return { ok: false, error };
      }
      return { ok: true, value: { items: items.value, container: 'pkcs7' } };
    }
    case 'certificate':
    case 'csr': {
      const item: PkiItem = { type: kind, der, offset: origin };
      const error = checkItem(item, where);
      return error ? { ok: false, error } : { ok: true, value: { items: [item] } };
    }
    default:
      return fail('not-certificate', origin, `${capital(where)} is DER, but not a certificate, a certificate signing request or a PKCS#7 bundle.`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// PEM

const PEM_CERTIFICATE = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);
const PEM_CSR = new Set(['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST']);
const PEM_PKCS7 = new Set(['PKCS7', 'PKCS #7 SIGNED DATA', 'CMS']);

const BASE64 = new Uint8Array(256).fill(255);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((c, i) => (BASE64[c.charCodeAt(0)] = i));

/**
 * Decode base64 text `text[from, to)` (whitespace allowed, `=` padding at the end), reporting the input
 * offset of the first character that is not base64.
 */
function decodeBase64(text: string, from: number, to: number, base: number): InputResult<Uint8Array> {
  const out = new Uint8Array(Math.ceil(((to - from) * 3) / 4));
  let n = 0;
  let acc = 0;
  let bits = 0;
  let padding = 0;
  let padAt = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    if (c === 0x3d) {
      if (padding === 0) padAt = i;
      padding++;
      continue;
    }
    const v = c < 256 ? BASE64[c] : 255;
    if (v === 255 || padding > 0) {
      const shown = c >= 0x21 && c < 0x7f ? `"${String.fromCharCode(c)}"` : `byte 0x${(c & 0xff).toString(16).padStart(2, '0')}`;
      return fail('bad-base64', base + i, `The PEM block is not valid base64: ${shown} at byte ${base + i}${padding > 0 ? ' follows the "=" padding' : ''}.`);
    }
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  // 6 bits of a character cannot make a byte: one stray character, or padding that does not fit.
  if (bits === 6 || padding > 2 || (padding > 0 && (bits / 2 !== padding || bits === 0))) {
    const at = padAt >= 0 ? padAt : to;
    return fail('bad-base64', base + at, `The PEM block's base64 has a wrong length or padding (at byte ${base + at}).`);
  }
  return { ok: true, value: out.subarray(0, n) };
}

const BEGIN = /-----BEGIN ([A-Z0-9 #]*)-----/g;

function readPem(text: string): InputResult<PkiInput> {
  const items: PkiItem[] = [];
  let container: 'pkcs7' | undefined;
  BEGIN.lastIndex = 0;
  for (let m = BEGIN.exec(text); m; m = BEGIN.exec(text)) {
    const label = m[1];
    const start = m.index;
    const bodyFrom = start + m[0].length;
    const endMarker = `-----END ${label}-----`;
    const bodyTo = text.indexOf(endMarker, bodyFrom);
    if (/PRIVATE KEY$/.test(label)) {
      return fail(
        'private-key',
        start,
        `The block at byte ${start} is a private key ("${label}"). The lab never reads or shows private keys: keep it secret, and hand the lab only certificates.`,
        label,
      );
    }
    if (bodyTo < 0) return fail('pem-unterminated', start, `The "BEGIN ${label}" block at byte ${start} has no "${endMarker}" line.`, label);
    BEGIN.lastIndex = bodyTo + endMarker.length;
    const isCertificate = PEM_CERTIFICATE.has(label);
    const isCsr = PEM_CSR.has(label);
    const isPkcs7 = PEM_PKCS7.has(label);
    if (!isCertificate && !isCsr && !isPkcs7) {
      return fail(
        'unsupported-pem',
        start,
        `The block at byte ${start} is a "${label}"; the lab reads certificates, certificate signing requests and PKCS#7 bundles.`,
        label,
      );
    }
    // RFC 7468 §2 lets headers ("Proc-Type: …") precede the base64 in old-style blocks: encrypted content, never a certificate.
    if (text.slice(bodyFrom, bodyTo).includes(':')) {
      return fail('bad-base64', bodyFrom + text.slice(bodyFrom, bodyTo).indexOf(':'), `The "${label}" block at byte ${start} has header lines; it is not a plain certificate.`, label);
    }
    const der = decodeBase64(text, bodyFrom, bodyTo, 0);
    if (!der.ok) return der;
    if (der.value.length === 0) return fail('bad-base64', bodyFrom, `The "${label}" block at byte ${start} is empty.`, label);
    const where = `the "${label}" block at byte ${start}`;
    const read = readDer(der.value, -1, where);
    // Offsets inside decoded base64 are not input offsets: the error points at the block.
    if (!read.ok) return { ok: false, error: { ...read.error, offset: start } };
    for (const item of read.value.items) {
      const expected = isCertificate ? 'certificate' : isCsr ? 'csr' : item.type;
      if (item.type !== expected) {
        return fail('not-certificate', start, `${capital(where)} holds a ${item.type === 'csr' ? 'certificate signing request' : 'certificate'}, not what its label says.`, label);
      }
      items.push({ ...item, offset: start });
    }
    if (read.value.container) container = read.value.container;
  }
  if (items.length === 0) return fail('no-pem', 0, 'The text holds no "-----BEGIN CERTIFICATE-----", "-----BEGIN CERTIFICATE REQUEST-----" or "-----BEGIN PKCS7-----" block.');
  return { ok: true, value: { encoding: 'pem', ...(container ? { container } : {}), items } };
}

/** True when the bytes look like text: no NUL and few control characters in the first 4 kB. */
export function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) control++;
  }
  return control * 20 <= n;
}

/** Bytes as text, one character per byte, so that string indices are byte offsets. */
export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return s;
}

/** Read certificates / CSRs / a PKCS#7 bundle from the bytes of a file or of pasted text. */
export function readPkiInput(bytes: Uint8Array, options: { maxBytes?: number } = {}): InputResult<PkiInput> {
  if (!(bytes instanceof Uint8Array)) return fail('empty', 0, 'The file is empty.');
  const sizeError = checkInputSize(bytes.length, options.maxBytes);
  if (sizeError) return { ok: false, error: sizeError };
  if (bytes[0] === SEQUENCE && (derElement(bytes, 0) || !looksLikeText(bytes))) {
    const read = readDer(bytes, 0, 'the file');
    if (!read.ok) return read;
    return { ok: true, value: { encoding: 'der', ...(read.value.container ? { container: read.value.container } : {}), items: read.value.items } };
  }
  const text = latin1(bytes);
  if (text.includes('-----BEGIN ')) return readPem(text);
  if (!looksLikeText(bytes)) {
    return fail(
      'not-recognised',
      0,
      `The file is binary data starting with byte 0x${bytes[0].toString(16).padStart(2, '0')}: not a certificate (PEM or DER), a certificate signing request, a PKCS#7 bundle, an ITL/CTL file or a signed configuration file.`,
    );
  }
  return fail('no-pem', 0, 'The text holds no "-----BEGIN CERTIFICATE-----", "-----BEGIN CERTIFICATE REQUEST-----" or "-----BEGIN PKCS7-----" block.');
}

// ---------------------------------------------------------------------------------------------------------
// Uploads: a file or pasted text made ready for a PEM text field

export interface PreparedUpload {
  /** The items as PEM blocks, one after the other (a DER or PKCS#7 file converted). */
  pem: string;
  /** How the input was encoded: "PEM", "DER" or "PKCS#7". */
  format: 'PEM' | 'DER' | 'PKCS#7';
  count: number;
}

export type UploadError = InputError | { kind: 'wrong-type'; offset: number; message: string; found: 'certificate' | 'csr' };

/**
 * Make a chosen file or pasted text ready for a page that wants certificates (Upload Certificate) or one
 * CSR (the Enterprise CA): binary formats come back as PEM text, so a text field never receives binary
 * bytes; private keys, junk and the wrong kind of object are refused with a reason.
 */
export function prepareUpload(bytes: Uint8Array, want: 'certificate' | 'csr', options: { maxBytes?: number } = {}): { ok: true; value: PreparedUpload } | { ok: false; error: UploadError } {
  const read = readPkiInput(bytes, options);
  if (!read.ok) return read;
  const wrong = read.value.items.find((i) => i.type !== want);
  if (wrong) {
    const found = wrong.type;
    return {
      ok: false,
      error: { kind: 'wrong-type', offset: wrong.offset, found, message: found === 'csr' ? 'This is a certificate signing request, not a certificate.' : 'This is a certificate, not a certificate signing request.' },
    };
  }
  const label = want === 'csr' ? 'CERTIFICATE REQUEST' : 'CERTIFICATE';
  return {
    ok: true,
    value: {
      pem: read.value.items.map((i) => toPem(i.der, label)).join(''),
      format: read.value.container === 'pkcs7' ? 'PKCS#7' : read.value.encoding === 'der' ? 'DER' : 'PEM',
      count: read.value.items.length,
    },
  };
}
