/**
 * Inputs for the fuzzer: a seed file from a target's corpus, mutated the ways damaged files are damaged —
 * flipped bits, bytes set to boundary values, 16-bit length fields set to boundary values (TLV lengths are
 * 16-bit big-endian, DER long-form lengths mostly are too), ranges cut, doubled or inserted, truncation, two
 * files spliced together — or, now and then, random bytes or random text. Everything is drawn from a seeded
 * stream per run, so `--seed S` and a run number give back the same input.
 */
import { Random } from '../../src/sim/random';

const INTERESTING_BYTES = [0x00, 0x01, 0x02, 0x03, 0x0d, 0x1f, 0x30, 0x7f, 0x80, 0x81, 0x82, 0x83, 0x84, 0xa0, 0xfe, 0xff];
const TEXT_CHARS = '-=\n\r :*+/ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789{}[]",.\\\u00e9\u0000';

function interestingU16(size: number): number[] {
  return [0, 1, 2, 3, 4, 5, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xfffe, 0xffff, size, size - 1, size + 1, size >> 1];
}

function mutateOnce(bytes: Uint8Array, rng: Random, corpus: readonly Uint8Array[]): Uint8Array {
  const n = bytes.length;
  const at = () => rng.int(0, Math.max(0, n - 1));
  switch (rng.int(0, 10)) {
    case 0: {
      if (n === 0) return bytes;
      const out = bytes.slice();
      out[at()] ^= 1 << rng.int(0, 7);
      return out;
    }
    case 1: {
      if (n === 0) return bytes;
      const out = bytes.slice();
      out[at()] = rng.uint32() & 0xff;
      return out;
    }
    case 2: {
      if (n === 0) return bytes;
      const out = bytes.slice();
      out[at()] = INTERESTING_BYTES[rng.int(0, INTERESTING_BYTES.length - 1)];
      return out;
    }
    case 3: {
      if (n < 2) return bytes;
      const out = bytes.slice();
      const values = interestingU16(n);
      const v = values[rng.int(0, values.length - 1)] & 0xffff;
      const i = rng.int(0, n - 2);
      out[i] = v >> 8;
      out[i + 1] = v & 0xff;
      return out;
    }
    case 4: {
      // cut a range
      if (n === 0) return bytes;
      const from = at();
      const to = Math.min(n, from + rng.int(1, Math.max(1, n >> 3)));
      const out = new Uint8Array(n - (to - from));
      out.set(bytes.subarray(0, from));
      out.set(bytes.subarray(to), from);
      return out;
    }
    case 5: {
      // insert random bytes
      const from = rng.int(0, n);
      const extra = rng.bytes(rng.int(1, 16));
      const out = new Uint8Array(n + extra.length);
      out.set(bytes.subarray(0, from));
      out.set(extra, from);
      out.set(bytes.subarray(from), from + extra.length);
      return out;
    }
    case 6: {
      // double a range
      if (n === 0) return bytes;
      const from = at();
      const to = Math.min(n, from + rng.int(1, 64));
      const out = new Uint8Array(n + (to - from));
      out.set(bytes.subarray(0, to));
      out.set(bytes.subarray(from), to);
      return out;
    }
    case 7:
      return bytes.subarray(0, rng.int(0, n));
    case 8: {
      // splice: the head of this file, the tail of another
      const other = corpus[rng.int(0, corpus.length - 1)];
      const head = rng.int(0, n);
      const tail = rng.int(0, other.length);
      const out = new Uint8Array(head + (other.length - tail));
      out.set(bytes.subarray(0, head));
      out.set(other.subarray(tail), head);
      return out;
    }
    case 9: {
      // a character a text format treats specially
      if (n === 0) return bytes;
      const out = bytes.slice();
      out[at()] = TEXT_CHARS.charCodeAt(rng.int(0, TEXT_CHARS.length - 1)) & 0xff;
      return out;
    }
    default: {
      // swap two ranges' contents (records or PEM blocks change order)
      if (n < 4) return bytes;
      const out = bytes.slice();
      const len = rng.int(1, Math.max(1, n >> 2));
      const a = rng.int(0, n - len);
      const b = rng.int(0, n - len);
      const tmp = out.slice(a, a + len);
      out.copyWithin(a, b, b + len);
      out.set(tmp, b);
      return out;
    }
  }
}

/** The input of run `run` for a target with `corpus`, under `seed`. */
export function fuzzInput(seed: number, target: string, run: number, corpus: readonly Uint8Array[]): Uint8Array {
  const rng = new Random(seed, `${target}/${run}`);
  const roll = rng.int(0, 99);
  if (roll < 3 || corpus.length === 0) return rng.bytes(rng.int(0, 2048));
  if (roll < 5) {
    const length = rng.int(0, 512);
    let s = '';
    for (let i = 0; i < length; i++) s += TEXT_CHARS[rng.int(0, TEXT_CHARS.length - 1)];
    return new TextEncoder().encode(s);
  }
  let bytes = corpus[rng.int(0, corpus.length - 1)];
  const rounds = rng.int(1, 4);
  for (let i = 0; i < rounds; i++) bytes = mutateOnce(bytes, rng, corpus);
  return bytes;
}
