/**
 * A structural walk over DER (X.690 §8.1, §10.1) that says *where* bytes stop being DER: generic decoders
 * (asn1js: "End of input reached before message was fully decoded") give no offset, and a learner who dropped
 * a damaged file should be told which byte is wrong. asn1.ts builds its tree only after this walk said yes.
 *
 * ```text
 * TLV        = identifier length contents
 * identifier = 1 byte, or 0x1F-form with base-128 continuation bytes (tag numbers ≥ 31)
 * length     = 0xxxxxxx (short form) | 1nnnnnnn followed by n bytes (long form; DER: minimal, n ≤ 4 here)
 *              0x80 (indefinite) is BER, not DER
 * contents   = for a constructed TLV: TLVs that exactly fill it
 * ```
 * Only structure is checked (lengths, nesting, tag encoding), not what the values mean. Pure, iterative
 * over siblings and bounded in depth, so hostile input can neither throw nor recurse without end.
 */

export interface DerProblem {
  /** Byte offset of the element at fault. */
  offset: number;
  message: string;
}

/** Deeper than any certificate, CSR or PKCS#7 bundle needs; deeper input is refused, not followed. */
const MAX_DEPTH = 32;

interface Header {
  /** Offset of the contents. */
  contents: number;
  length: number;
  constructed: boolean;
}

function readHeader(bytes: Uint8Array, at: number, end: number): Header | DerProblem {
  if (at >= end) return { offset: at, message: `The DER ends at byte ${at}, where an element was expected.` };
  const first = bytes[at];
  let p = at + 1;
  if ((first & 0x1f) === 0x1f) {
    // high tag number: base-128 bytes, the last without the top bit
    let count = 0;
    for (;;) {
      if (p >= end) return { offset: at, message: `The tag of the element at byte ${at} runs past the end.` };
      const b = bytes[p++];
      if (++count > 4) return { offset: at, message: `The tag number of the element at byte ${at} is too long.` };
      if ((b & 0x80) === 0) break;
    }
  }
  if (p >= end) return { offset: at, message: `The element at byte ${at} has no length byte.` };
  const lengthByte = bytes[p++];
  let length: number;
  if (lengthByte < 0x80) {
    length = lengthByte;
  } else if (lengthByte === 0x80) {
    return { offset: at, message: `The element at byte ${at} has an indefinite length, which DER does not allow.` };
  } else {
    const n = lengthByte & 0x7f;
    if (n > 4) return { offset: at, message: `The element at byte ${at} has a ${n}-byte length field; no file this size needs one.` };
    if (p + n > end) return { offset: at, message: `The length field of the element at byte ${at} runs past the end.` };
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + bytes[p++];
    if (bytes[p - n] === 0 || length < 0x80) {
      return { offset: at, message: `The element at byte ${at} writes its length ${length} in more bytes than DER allows.` };
    }
  }
  if (p + length > end) {
    return { offset: at, message: `The element at byte ${at} declares ${length} bytes of contents, but only ${end - p} remain.` };
  }
  return { contents: p, length, constructed: (first & 0x20) !== 0 };
}

/**
 * The first structural problem in `bytes[start, end)` read as one DER element, or `undefined` when it is
 * well-formed DER filling exactly that range.
 */
export function derProblem(bytes: Uint8Array, start = 0, end = bytes.length): DerProblem | undefined {
  // Explicit stack of [position, end of the enclosing contents] ranges still to walk.
  const stack: Array<{ at: number; end: number; depth: number }> = [];
  const top = readHeader(bytes, start, end);
  if ('message' in top) return top;
  const topEnd = top.contents + top.length;
  if (topEnd !== end) return { offset: topEnd, message: `There are ${end - topEnd} bytes after the end of the DER at byte ${topEnd}.` };
  if (top.constructed) stack.push({ at: top.contents, end: topEnd, depth: 1 });
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.at >= frame.end) {
      stack.pop();
      continue;
    }
    const h = readHeader(bytes, frame.at, frame.end);
    if ('message' in h) return h;
    const elementAt = frame.at;
    frame.at = h.contents + h.length;
    if (h.constructed) {
      if (frame.depth + 1 > MAX_DEPTH) return { offset: elementAt, message: `The DER nests deeper than ${MAX_DEPTH} levels at byte ${elementAt}.` };
      if (h.length > 0) stack.push({ at: h.contents, end: h.contents + h.length, depth: frame.depth + 1 });
    }
  }
  return undefined;
}

/** The byte length of the DER element starting at `at` (header and contents), or undefined if unreadable. */
export function derElementSize(bytes: Uint8Array, at = 0): number | undefined {
  const h = readHeader(bytes, at, bytes.length);
  return 'message' in h ? undefined : h.contents + h.length - at;
}

/** One element as {@link derChildren} lists it. */
export interface DerElement {
  /** Offset of the identifier byte. */
  offset: number;
  /** The identifier byte (low tag numbers only; 0x1F-form tags read as 0x1F | class bits). */
  tag: number;
  contents: number;
  length: number;
  /** Offset just past the element. */
  end: number;
}

/** The element at `at`, or undefined if its header does not fit in `bytes`. */
export function derElement(bytes: Uint8Array, at: number, end = bytes.length): DerElement | undefined {
  const h = readHeader(bytes, at, end);
  if ('message' in h) return undefined;
  return { offset: at, tag: bytes[at], contents: h.contents, length: h.length, end: h.contents + h.length };
}

/** The children of the constructed element at `at` (undefined when it is not one, or does not parse). */
export function derChildren(bytes: Uint8Array, at: number): DerElement[] | undefined {
  const parent = derElement(bytes, at);
  if (!parent || (bytes[at] & 0x20) === 0) return undefined;
  const children: DerElement[] = [];
  for (let p = parent.contents; p < parent.end; ) {
    const child = derElement(bytes, p, parent.end);
    if (!child) return undefined;
    children.push(child);
    p = child.end;
  }
  return children;
}
