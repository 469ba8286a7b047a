/**
 * Compact text for labs that travel (share links, lab files, completion codes): JSON, deflated
 * (`CompressionStream('deflate-raw')`, in every current browser and Node ≥ 18 — no dependency), in base64url,
 * with a short SHA-256 check that detects corruption (not a secret: anyone can recompute it). Decoding never
 * throws: anything that is not what this module wrote comes back as a reason, and inflating stops at a cap,
 * so a small text cannot expand into a huge one.
 */
import { sha256 } from '@noble/hashes/sha2.js';

/** What a lab expands to at most; real labs are a few kB. */
export const MAX_INFLATED_BYTES = 1024 * 1024;

export type Unpacked = { ok: true; value: unknown } | { ok: false; problem: 'encoding' | 'checksum' | 'compression' | 'json' | 'size' };

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let j = 0; j < chars; j++) out += B64URL[(n >> (18 - 6 * j)) & 63];
  }
  return out;
}

export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  // A lone last character carries no whole byte (a text cut short): it is dropped, and the check catches the cut.
  if (text.length % 4 === 1) text = text.slice(0, -1);
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const chunk = text.slice(i, i + 4);
    let n = 0;
    for (let j = 0; j < 4; j++) n = (n << 6) | (j < chunk.length ? B64URL.indexOf(chunk[j]) : 0);
    for (let j = 0; j < chunk.length - 1; j++) out[o++] = (n >> (16 - 8 * j)) & 0xff;
  }
  return out.subarray(0, o);
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, cap: number): Promise<Uint8Array | 'size'> {
  const writer = stream.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  void writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > cap) {
      void reader.cancel().catch(() => undefined);
      return 'size';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The check: the first 8 bytes of SHA-256 over the compressed bytes, in base64url (11 characters). */
export function checksum(bytes: Uint8Array): string {
  return toBase64Url(sha256(bytes).subarray(0, 8));
}

/** `value` as "<base64url of deflated JSON>.<check>". */
export async function pack(value: unknown): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(value));
  const deflated = await pipe(json, new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY);
  const bytes = deflated as Uint8Array;
  return `${toBase64Url(bytes)}.${checksum(bytes)}`;
}

/** The value `pack` wrote, or which part of the text is wrong. */
export async function unpack(text: string): Promise<Unpacked> {
  const dot = text.lastIndexOf('.');
  // No check at the end: the text was cut short.
  if (dot < 0) return { ok: false, problem: /^[A-Za-z0-9_-]+$/.test(text) ? 'checksum' : 'encoding' };
  const bytes = fromBase64Url(text.slice(0, dot));
  if (!bytes || bytes.length === 0) return { ok: false, problem: 'encoding' };
  if (checksum(bytes) !== text.slice(dot + 1)) return { ok: false, problem: 'checksum' };
  let inflated: Uint8Array | 'size';
  try {
    inflated = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_INFLATED_BYTES);
  } catch {
    return { ok: false, problem: 'compression' };
  }
  if (inflated === 'size') return { ok: false, problem: 'size' };
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated)) };
  } catch {
    return { ok: false, problem: 'json' };
  }
}
