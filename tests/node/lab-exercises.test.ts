/**
 * The lab runner learns exercises (the headless twin, for teachers' scripts): list them, run one in class mode
 * with its solution, replay a learner's own actions from an earlier summary, and verify completion codes with
 * exit codes a script can branch on — never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXERCISES } from '../../src/content/exercises';

const root = new URL('../..', import.meta.url).pathname;
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const dir = mkdtempSync(join(tmpdir(), 'lsc-lab-ex-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lab(args: string[]) {
  return spawnSync(process.execPath, [tsx, 'src/node/lab.ts', ...args], { cwd: root, encoding: 'utf8' });
}

describe('npm run lab with exercises', () => {
  it('--list-exercises prints one line each: id, a tab, the title', () => {
    const r = lab(['--list-exercises']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toEqual(EXERCISES.map((e) => `${e.id}\t${e.title.en}`));
  });

  it('refuses flags that do not go with --exercise, an unknown exercise, and --solve with --actions (exit 2)', () => {
    for (const args of [
      ['--exercise', 'capf-stopped', '--fault', 'tvs.down', '--out', dir],
      ['--exercise', 'capf-stopped', '--scenario', 'dot1x-lab', '--out', dir],
      ['--exercise', 'capf-stopped', '--procedure', '--out', dir],
      ['--exercise', 'capf-stopped', '--fix', '--out', dir],
      ['--exercise', 'no-such', '--out', dir],
      ['--exercise', 'capf-stopped', '--solve', '--actions', 'x.json', '--out', dir],
      ['--exercise', 'capf-stopped', '--class', 'K1', '--out', dir],
      ['--exercise', 'capf-stopped', '--class', 'K1', '--student', 'Ada', '--seed', '4', '--out', dir],
    ]) {
      const r = lab(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^lab: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('--exercise in class mode with --solve writes exercise.json, summary.json (setup apart), a share link and a code that --verify-code accepts; the same learner actions replayed with --actions solve it again', () => {
    const solved = join(dir, 'solved');
    const r = lab(['--exercise', 'capf-stopped', '--class', 'NET-301', '--student', 'Ada Lovelace', '--solve', '--out', solved]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const ex = JSON.parse(readFileSync(join(solved, 'exercise.json'), 'utf8'));
    expect(ex).toMatchObject({ id: 'capf-stopped', version: 1, simVersion: 1, class: 'NET-301', student: 'Ada Lovelace', faults: ['capf.service-stopped'], solved: true, hintsUsed: 0, solutionShown: true });
    expect(ex.seed).toMatch(/^[0-9a-f]{16}$/);
    expect(ex.goals.map((g: { id: string; passed: boolean }) => [g.id, g.passed])).toEqual([['capf-running', true], ['lsc-from-capf', true], ['upgrade-success', true]]);
    expect(ex.goals[1].label).toMatch(/^SEP682C7B[0-9A-F]{6} holds an LSC/);
    const summary = JSON.parse(readFileSync(join(solved, 'summary.json'), 'utf8'));
    expect(summary.setup.map((a: { action: { type: string } }) => a.action.type)).toEqual(['serviceability.stop', 'cucm.phone.save', 'cucm.phone.applyConfig']);
    expect(summary.actions.map((a: { action: { type: string } }) => a.action.type)).toEqual(['serviceability.start', 'cucm.phone.reset']);
    expect(readFileSync(join(solved, 'share-link.txt'), 'utf8')).toMatch(/^#\/share\?v=1&lab=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{11}\n$/);
    const codeFile = join(solved, 'completion-code.txt');
    expect(readFileSync(codeFile, 'utf8').trim()).toBe(ex.completionCode);
    const v = lab(['--verify-code', codeFile]);
    expect(v.stdout).toBe('capf-stopped Ada Lovelace: solved, hints 0, solution shown yes\n');
    expect(v.status).toBe(0);

    const again = join(dir, 'again');
    const a = lab(['--exercise', 'capf-stopped', '--class', 'NET-301', '--student', 'Ada Lovelace', '--actions', join(solved, 'summary.json'), '--out', again]);
    expect(a.status).toBe(0);
    expect(JSON.parse(readFileSync(join(again, 'exercise.json'), 'utf8'))).toMatchObject({ solved: true, solutionShown: false });
  });

  it('--verify-code: 1 for an intact unsolved code, 2 with a reason for a damaged one or a missing file', () => {
    const unsolved = join(dir, 'unsolved');
    expect(lab(['--exercise', 'capf-stopped', '--out', unsolved]).status).toBe(0);
    const v = lab(['--verify-code', join(unsolved, 'completion-code.txt')]);
    expect(v.stdout).toBe('capf-stopped (no name): not solved, hints 0, solution shown no\n');
    expect(v.status).toBe(1);
    const code = readFileSync(join(unsolved, 'completion-code.txt'), 'utf8').trim();
    const damaged = join(dir, 'damaged.txt');
    writeFileSync(damaged, `${code.slice(0, 40)}Q${code.slice(41)}`);
    const d = lab(['--verify-code', damaged]);
    expect(d.status).toBe(2);
    expect(d.stderr).toBe('lab: The completion code was changed or cut after it was made: its check does not match.\n');
    const m = lab(['--verify-code', join(dir, 'nothing-here.txt')]);
    expect(m.status).toBe(2);
    expect(m.stderr).toMatch(/no such file/);
  });
});
