/**
 * Seeded randomness for everything that is random but not key material (DESIGN principle 3): certificate
 * serial numbers, the CAPF common-name suffix, process ids in the phone's console, TCP ports, CAPF
 * session ids. Each component draws from its own stream (`fork('phone/SEP…')`), so a new log line in one
 * component never shifts the numbers another component sees.
 */

/** xmur3: turn a string into 32-bit seeds. */
function hashString(text: string): () => number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
}

export class Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;
  readonly label: string;

  constructor(seed: number | string, label = '') {
    this.label = `${seed}/${label}`;
    const h = hashString(this.label);
    this.#a = h();
    this.#b = h();
    this.#c = h();
    this.#d = h();
  }

  /** sfc32: uniform 32-bit unsigned integers. */
  uint32(): number {
    this.#a >>>= 0;
    this.#b >>>= 0;
    this.#c >>>= 0;
    this.#d >>>= 0;
    const t = (this.#a + this.#b) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#d = (this.#d + 1) | 0;
    const r = (t + this.#d) | 0;
    this.#c = (this.#c + r) | 0;
    return r >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.uint32() & 0xff;
    return out;
  }

  hex(nBytes: number): string {
    return Array.from(this.bytes(nBytes), (b) => b.toString(16).padStart(2, '0')).join('');
  }

  /**
   * A positive X.509 serial number (RFC 5280 §4.1.2.2: at most 20 octets, non-negative): 16 bytes as CUCM
   * writes them, top bit cleared so DER needs no sign byte, never a leading zero byte.
   */
  serialNumber(): Uint8Array {
    const s = this.bytes(16);
    s[0] = (s[0] & 0x7f) | 0x10;
    return s;
  }

  fork(label: string): Random {
    return new Random(this.label, label);
  }
}
