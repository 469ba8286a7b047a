// The ITL and .sgn parsers read untrusted bytes (a TFTP download): whatever arrives, they return a value in bounded
// time, and an error names an offset inside the file. Verification of damaged files never throws and never
// accepts a file that differs from the signed one.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildItl } from '../../src/itl/build';
import { parseItl, type ItlParseErrorKind, type ItlParseResult } from '../../src/itl/parse';
import { parseSignedFile } from '../../src/itl/sgn';
import { showItl } from '../../src/itl/show';
import { verifyItl } from '../../src/itl/verify';
import { bytesEqual } from '../../src/pki/encode';
import { SEED, fixtureBytes, makeCertificate, signerFor } from './helpers';

const KINDS: ItlParseErrorKind[] = [
  'empty-file',
  'file-too-large',
  'truncated-tlv',
  'length-past-end',
  'unexpected-tag',
  'bad-field-length',
  'header-length-inconsistent',
  'container-length-inconsistent',
  'record-length-inconsistent',
  'duplicate-tag',
  'missing-tag',
];

/** Generous for a linear walk over ≤ 64 KB; a loop that does not advance would blow through it. */
const TIME_LIMIT_MS = 500;

function checkResult(bytes: Uint8Array, result: ItlParseResult<{ headerLength: number }>, elapsed: number): void {
  expect(elapsed).toBeLessThan(TIME_LIMIT_MS);
  if (result.ok) {
    expect(result.value.headerLength).toBeLessThanOrEqual(bytes.length);
    return;
  }
  const { kind, offset, message } = result.error;
  expect(KINDS).toContain(kind);
  expect(Number.isInteger(offset)).toBe(true);
  expect(offset).toBeGreaterThanOrEqual(0);
  expect(offset).toBeLessThan(Math.max(bytes.length, 1)); // an empty file reports offset 0
  expect(message.length).toBeGreaterThan(0);
}

function parseChecked(bytes: Uint8Array): void {
  const start = performance.now();
  let result: ReturnType<typeof parseItl>;
  try {
    result = parseItl(bytes);
  } catch (e) {
    throw new Error(`parseItl threw on ${bytes.length} bytes: ${String(e)}`);
  }
  checkResult(bytes, result, performance.now() - start);
  if (result.ok) {
    const recordBytes = result.value.records.reduce((n, r) => n + r.length, 0);
    expect(result.value.headerLength + recordBytes).toBe(bytes.length);
  }
  const sgnStart = performance.now();
  checkResult(bytes, parseSignedFile(bytes), performance.now() - sgnStart);
}

type Mutation =
  | { type: 'flip'; at: number; bit: number }
  | { type: 'truncate'; at: number }
  | { type: 'insert'; at: number; bytes: Uint8Array }
  | { type: 'delete'; at: number; count: number }
  | { type: 'length'; tlv: number; value: number }
  | { type: 'set'; at: number; value: number };

/** TLV starts of a valid file, so that length edits hit real length fields. */
function tlvOffsets(bytes: Uint8Array): number[] {
  const parsed = parseItl(bytes, { maxBytes: Infinity });
  if (!parsed.ok) throw new Error('base file must parse');
  return [
    ...parsed.value.headerTlvs.filter((t) => t.tag !== 13).map((t) => t.offset),
    ...parsed.value.records.flatMap((r) => r.tlvs.map((t) => t.offset)),
  ];
}

function mutationArb(size: number, tlvCount: number): fc.Arbitrary<Mutation> {
  const index = fc.nat({ max: size - 1 });
  return fc.oneof(
    fc.record({ type: fc.constant('flip' as const), at: index, bit: fc.nat({ max: 7 }) }),
    fc.record({ type: fc.constant('truncate' as const), at: fc.nat({ max: size }) }),
    fc.record({ type: fc.constant('insert' as const), at: fc.nat({ max: size }), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
    fc.record({ type: fc.constant('delete' as const), at: index, count: fc.integer({ min: 1, max: 16 }) }),
    fc.record({
      type: fc.constant('length' as const),
      tlv: fc.nat({ max: tlvCount - 1 }),
      value: fc.oneof(fc.nat({ max: 0xffff }), fc.constantFrom(0, 1, 2, 3, 4, 0xffff)),
    }),
    fc.record({ type: fc.constant('set' as const), at: index, value: fc.constantFrom(0x00, 0x01, 0x0d, 0x0c, 0xff) }),
  );
}

function mutate(bytes: Uint8Array, tlvs: number[], mutations: Mutation[]): Uint8Array {
  let out = bytes.slice();
  for (const m of mutations) {
    const clamp = (n: number) => Math.min(n, Math.max(out.length - 1, 0));
    switch (m.type) {
      case 'flip':
        if (out.length) out[clamp(m.at)] ^= 1 << m.bit;
        break;
      case 'truncate':
        out = out.slice(0, Math.min(m.at, out.length));
        break;
      case 'insert': {
        const at = Math.min(m.at, out.length);
        out = Uint8Array.from([...out.subarray(0, at), ...m.bytes, ...out.subarray(at)]);
        break;
      }
      case 'delete': {
        const at = clamp(m.at);
        out = Uint8Array.from([...out.subarray(0, at), ...out.subarray(at + m.count)]);
        break;
      }
      case 'length': {
        const at = tlvs[m.tlv] + 1;
        if (at + 1 < out.length) {
          out[at] = m.value >> 8;
          out[at + 1] = m.value & 0xff;
        }
        break;
      }
      case 'set':
        if (out.length) out[clamp(m.at)] = m.value;
        break;
    }
  }
  return out;
}

describe('parseItl / parseSignedFile on hostile bytes (fast-check)', () => {
  let bases: Array<{ name: string; bytes: Uint8Array; tlvs: number[] }>;

  beforeAll(async () => {
    const cm = makeCertificate(SEED.callManagerSub);
    const built = await buildItl({
      records: [
        { certificate: makeCertificate(SEED.capf).der, function: 'CAPF', form: 'certhash' },
        { certificate: cm.der, function: 'SAST', form: 'certificate' },
        { certificate: makeCertificate(SEED.callManagerSubEc).der, function: 'TFTP', dnsName: 'ao115sub', form: 'certificate' },
      ],
      signer: await signerFor(cm),
      digest: 'SHA-1',
      timestamp: 1479761383,
    });
    bases = [
      { name: 'built', bytes: built, tlvs: tlvOffsets(built) },
      { name: 'fixture', bytes: fixtureBytes('ITLFile-sha512.tlv'), tlvs: tlvOffsets(fixtureBytes('ITLFile-sha512.tlv')) },
    ];
  });

  it('random bytes: never throw, return in bounded time, errors point inside the file', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => parseChecked(bytes)),
      { numRuns: 2000 },
    );
  });

  it('random bytes behind a plausible VERSION + HEADERLENGTH prefix', () => {
    fc.assert(
      fc.property(fc.nat({ max: 0xffff }), fc.uint8Array({ maxLength: 2048 }), (headerLength, rest) => {
        const bytes = Uint8Array.from([1, 0, 2, 1, 2, 2, 0, 2, headerLength >> 8, headerLength & 0xff, ...rest]);
        parseChecked(bytes);
      }),
      { numRuns: 2000 },
    );
  });

  it('runs of bytes from the tag alphabet (nested containers, pads, zero lengths)', () => {
    const tagByte = fc.constantFrom(0, 1, 2, 3, 7, 9, 12, 13, 28, 0xff);
    fc.assert(
      fc.property(fc.array(tagByte, { maxLength: 3000 }), (arr) => parseChecked(Uint8Array.from([1, 0, 2, 1, 2, 2, 0, 2, 0x0b, 0xb8, ...arr]))),
      { numRuns: 1000 },
    );
  });

  it('mutated valid files (bit flips, truncation, insertion, deletion, length-field edits)', () => {
    for (const base of bases) {
      fc.assert(
        fc.property(fc.array(mutationArb(base.bytes.length, base.tlvs.length), { minLength: 1, maxLength: 4 }), (mutations) =>
          parseChecked(mutate(base.bytes, base.tlvs, mutations)),
        ),
        { numRuns: 1500 },
      );
    }
  });

  it('a file over 64 KB fails fast with its own kind and an offset inside the file', () => {
    fc.assert(
      fc.property(fc.integer({ min: 65537, max: 200000 }), (size) => {
        const result = parseItl(new Uint8Array(size));
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.kind).toBe('file-too-large');
          expect(result.error.offset).toBeLessThan(size);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('verifyItl and showItl on mutated files never throw, and only the untouched file verifies', async () => {
    for (const base of bases) {
      await fc.assert(
        fc.asyncProperty(fc.array(mutationArb(base.bytes.length, base.tlvs.length), { minLength: 1, maxLength: 3 }), async (mutations) => {
          const bytes = mutate(base.bytes, base.tlvs, mutations);
          const result = await verifyItl(bytes);
          expect(typeof result.ok).toBe('boolean');
          if (result.ok) expect(bytesEqual(bytes, base.bytes)).toBe(true);
          else expect(result.reason.length).toBeGreaterThan(0);
          const text = await showItl(bytes, { lastModified: 'Mon Nov 21 16:09:43 EST 2016' });
          expect(text.endsWith('\n')).toBe(true);
        }),
        { numRuns: 150 },
      );
    }
  });
});
