/**
 * Every fault of the catalogue through the runner, as the issue asks: `npm run lab -- --fault ID --procedure
 * --fix` shows the symptom before the fix (summary.json's `beforeFix`: no LSC, or a failed or still pending
 * operation) and ends with the LSC Installed and "Upgrade Success" after the documented fix.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FAULTS } from '../../src/sim/faults';

const root = new URL('../..', import.meta.url).pathname;
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const dirs: string[] = [];

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('npm run lab -- --fault ID --procedure --fix', () => {
  it.each(FAULTS.map((f) => [f.id]))('%s: the symptom before the fix, LSC Installed and Upgrade Success after it', (id) => {
    const out = mkdtempSync(join(tmpdir(), 'lsc-lab-fault-'));
    dirs.push(out);
    const run = spawnSync(process.execPath, [tsx, 'src/node/lab.ts', '--fault', id, '--procedure', '--fix', '--out', out], { cwd: root, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.faults).toEqual([id]);
    const before = summary.beforeFix as { lsc: string; certificateOperationStatus: string };
    expect(before.certificateOperationStatus === 'Upgrade Success' && before.lsc === 'Installed', `before the fix: ${JSON.stringify(before)}`).toBe(false);
    expect(before.certificateOperationStatus).toMatch(/^(Operation Pending|Upgrade Failed: .+)$/);
    expect(summary.lsc).toBe('Installed');
    expect(summary.certificateOperationStatus).toBe('Upgrade Success');
    expect(readFileSync(join(out, 'logs/phone-status.txt'), 'utf8')).toMatch(/\] LSC: Installed$/m);
  }, 120_000);
});
