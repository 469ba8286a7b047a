/**
 * The first page load stays small (issue: "initial JavaScript ≤ 60 kB gzip"): XState, the world and its certificate code
 * load lazily after the shell has painted. Measured on the production build the browser tests serve.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { initialJavaScript } from '../bench/bundle-size';

describe('initial JavaScript', () => {
  it('entry + shell + home screen are at most 60 kB gzip, and none of them is the core', () => {
    const size = initialJavaScript(fileURLToPath(new URL('../../dist', import.meta.url)));
    console.log(`initial JavaScript: ${(size.gzipBytes / 1024).toFixed(1)} kB gzip in ${size.files.length} files (${size.files.map((f) => `${f.file} ${(f.gzipBytes / 1024).toFixed(1)} kB`).join(', ')})`);
    expect(size.gzipBytes).toBeLessThanOrEqual(60 * 1024);
    expect(size.files.some((f) => /lab-api/.test(f.file))).toBe(false);
  });
});
