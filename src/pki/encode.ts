/**
 * Byte encodings the lab shows or exchanges: PEM (RFC 7468 textual encoding), DER, hex in the spellings
 * CUCM uses (lower-case run for "Key value", upper-case colon form for `show itl` serial numbers,
 * upper-case space-separated for hashes), and SHA fingerprints.
 */

export type PemLabel = 'CERTIFICATE' | 'CERTIFICATE REQUEST' | 'PRIVATE KEY' | 'PUBLIC KEY';

/** A decoding result: bad input is a value the UI can show, never an exception. */
export type Decoded<T> = { ok: true; value: T } | { ok: false; error: string };

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export function fromBase64(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** RFC 7468 §2: base64 wrapped at 64 characters between BEGIN/END lines. */
export function toPem(der: Uint8Array, label: PemLabel): string {
  const b64 = toBase64(der);
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Every PEM block of the given label in `text`, in order (a chain file holds several). */
export function fromPemAll(text: string, label: PemLabel): Decoded<Uint8Array[]> {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, error: 'The file is empty.' };
  const re = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, 'g');
  const blocks: Uint8Array[] = [];
  for (const m of text.matchAll(re)) {
    const body = m[1].replace(/[\r\n\t ]/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 !== 0 || body.length === 0) {
      return { ok: false, error: `The ${label} block ${blocks.length + 1} is not valid base64.` };
    }
    blocks.push(fromBase64(body));
  }
  if (blocks.length === 0) return { ok: false, error: `No "-----BEGIN ${label}-----" block was found.` };
  return { ok: true, value: blocks };
}

export function fromPem(text: string, label: PemLabel): Decoded<Uint8Array> {
  const all = fromPemAll(text, label);
  return all.ok ? { ok: true, value: all.value[0] } : all;
}

/** "64f2fe61…" */
export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/[^0-9a-fA-F]/g, '');
  const out = new Uint8Array(clean.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** "64:F2:FE:61:…" — how `show itl` prints a SERIALNUMBER. */
export function toColonHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

/** "C3 E6 97 D0 …" — how `show itl` prints CERTHASH and certificate hashes. */
export function toSpacedHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');
}

/** WebCrypto wants a plain ArrayBuffer-backed view; copies only when `bytes` is a window of a larger buffer. */
export function exactBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) {
    return bytes.buffer;
  }
  return bytes.slice().buffer as ArrayBuffer;
}

export async function digest(algorithm: 'SHA-1' | 'SHA-256' | 'SHA-512', bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(algorithm, exactBuffer(bytes)));
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** True when `needle` occurs in `haystack` (e.g. a key's SPKI inside a certificate's DER). */
export function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  if (needle.length === 0) return true;
  const first = needle[0];
  outer: for (let i = haystack.indexOf(first); i >= 0 && i <= haystack.length - needle.length; i = haystack.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The parts one after another in one array (DER's TLVs, the trust lists' TLVs). */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
