/**
 * The fuzzer as the suite runs it: a few hundred mutated inputs per decoder through the real `npm run fuzz`
 * (worker threads, the time limit), every input a past run found a bug with (regressions/, named by the
 * target, seed and run that found it), and the fuzzer's own promise — an exception or a hang is reported and
 * fails the run.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TARGETS } from './targets';

const root = new URL('../..', import.meta.url).pathname;
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const fuzz = (...args: string[]) => spawnSync(process.execPath, [tsx, 'tests/fuzz/fuzz.ts', ...args], { cwd: root, encoding: 'utf8' });
const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

describe('npm run fuzz', () => {
  it(`${TARGETS.length} targets × 300 runs: no unexpected exception, no hang`, () => {
    // A different seed each day would find more, but a suite must be reproducible: the seed is fixed.
    const r = fuzz('--runs', String(TARGETS.length * 300), '--seed', '20261203');
    expect(lastLine(r.stdout)).toBe(`${TARGETS.length * 300} runs, 0 unexpected exceptions, 0 hangs`);
    expect(r.status).toBe(0);
    for (const t of TARGETS) expect(r.stdout).toContain(`  ${t.name}: 300 runs`);
  });

  it('a decoder that throws and one that never returns: both reported, with the run to repeat, and exit 1', () => {
    const r = fuzz('--registry', 'tests/fuzz/fixtures/broken-targets.ts', '--runs', '4', '--workers', '1', '--timeout', '300');
    expect(lastLine(r.stdout)).toBe('4 runs, 2 unexpected exceptions, 2 hangs');
    expect(r.stdout).toContain('exception in throws, run 0');
    expect(r.stdout).toContain('TypeError: Cannot read properties of undefined');
    expect(r.stdout).toMatch(/hang in spins, run 1 \(input in .*spins-seed1-run1\.bin; again: npm run fuzz -- --seed 1 --run 1\):\n {2}no result within 300 ms/);
    expect(r.status).toBe(1);
  });
});

describe('inputs that found bugs (regressions/)', () => {
  for (const file of readdirSync(new URL('./regressions/', import.meta.url))) {
    const target = TARGETS.find((t) => file.startsWith(`${t.name}-seed`));
    it(`${file}: ${target?.name ?? '(no such target)'} accepts it without a problem`, async () => {
      expect(target).toBeDefined();
      const input = new Uint8Array(readFileSync(new URL(`./regressions/${file}`, import.meta.url)));
      expect(await target!.run(input)).toBeUndefined();
    });
  }
});
