// What a learner drops can be anything: readPkiInput and derProblem return a value for any bytes, in bounded
// time, and an error names an offset inside the input. (npm run fuzz drives the same with mutated real files.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derProblem } from '../../src/pki/der';
import { readPkiInput } from '../../src/pki/input';

const pemish = fc
  .array(fc.constantFrom('-----BEGIN CERTIFICATE-----\n', '-----END CERTIFICATE-----\n', '-----BEGIN PRIVATE KEY-----', 'MIIB', '====', '\n', '*', 'QUJD', '-----BEGIN PKCS7-----\n'), { maxLength: 12 })
  .map((parts) => new TextEncoder().encode(parts.join('')));
const derish = fc.array(fc.constantFrom(0x30, 0x82, 0x81, 0x80, 0x02, 0x01, 0x00, 0xa0, 0x03, 0x04, 0x06, 0xff, 0x1f), { maxLength: 64 }).map((b) => Uint8Array.from(b));

describe('readPkiInput and derProblem on arbitrary bytes', () => {
  it('never throw, and every error points inside the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), pemish, derish), (bytes) => {
        const problem = derProblem(bytes);
        if (problem) expect(problem.offset).toBeGreaterThanOrEqual(0);
        if (problem) expect(problem.offset).toBeLessThanOrEqual(bytes.length);
        const read = readPkiInput(bytes);
        if (read.ok) {
          expect(read.value.items.length).toBeGreaterThan(0);
          return;
        }
        expect(read.error.offset).toBeGreaterThanOrEqual(0);
        expect(read.error.offset).toBeLessThanOrEqual(bytes.length);
        expect(read.error.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});
