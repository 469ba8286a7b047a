/**
 * `npm run lab` with a fleet (issue 13): `--phones N` on any scenario (1 to 1,000, anything else exits 2),
 * `--procedure` through Bulk Administration for every phone, `--fault ID@DEVICE`, and the phones in
 * summary.json with the CAPF report beside it. 1,000-phone runs belong to the bench; these use 12 phones.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fleetLab } from '../../src/content/scenarios/fleet-lab';
import { CAPF_REPORT_COLUMNS, parseCsv } from '../../src/sim/cucm/capf-report';
import { withFleet } from '../../src/sim/fleet';

const root = new URL('../..', import.meta.url).pathname;
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const dirs: string[] = [];

function lab(args: string[]) {
  return spawnSync(process.execPath, [tsx, 'src/node/lab.ts', ...args], { cwd: root, encoding: 'utf8' });
}

function outDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lsc-lab-fleet-'));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('npm run lab -- --phones N', () => {
  it('refuses a number of phones outside 1–1,000 with exit 2 and says why', () => {
    for (const [n, why] of [
      ['0', 'from 1 to 1000, not 0'],
      ['1001', 'from 1 to 1000, not 1001'],
      ['many', 'a whole number from 1 to 1000, not "many"'],
    ]) {
      const r = lab(['--phones', n, '--out', outDir()]);
      expect(r.status, n).toBe(2);
      expect(r.stderr).toContain(`lab: --phones: the number of phones must be ${why}`);
    }
  });

  it('a fault aimed at a phone the lab does not have exits 2', () => {
    const r = lab(['--scenario', 'fleet-lab', '--phones', '3', '--fault', 'auth.wrong-string@SEP000000000000', '--out', outDir()]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('there is no phone "SEP000000000000"');
  });

  it('--scenario fleet-lab --phones 12 --procedure enrols every phone that can hold an LSC through one bulk job; a fault aimed at one phone breaks that phone only', () => {
    const fleet = withFleet(fleetLab, 12, 5);
    const target = fleet.phones.find((p, i) => i > 0 && p.model !== 'CP-7960')!.deviceName;
    const out = outDir();
    const r = lab(['--scenario', 'fleet-lab', '--phones', '12', '--seed', '5', '--fault', `auth.wrong-string@${target}`, '--procedure', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    // The top-level fields keep describing the first phone.
    expect(summary).toMatchObject({ scenario: 'fleet-lab', device: fleet.phones[0].deviceName, lsc: 'Installed', certificateOperationStatus: 'Upgrade Success', faults: [`auth.wrong-string@${target}`] });
    expect(summary.phones).toHaveLength(12);
    expect(summary.phones.map((p: { device: string }) => p.device)).toEqual(fleet.phones.map((p) => p.deviceName));
    for (const p of summary.phones as Array<{ device: string; model: string; lsc: string; certificateOperationStatus: string }>) {
      if (p.device === target) expect(p.certificateOperationStatus).toBe('Upgrade Failed: Invalid Authentication String');
      else if (p.model === 'CP-7960') expect(p).toMatchObject({ lsc: 'Not Installed', certificateOperationStatus: 'Operation Pending' });
      else expect(p).toMatchObject({ lsc: 'Installed', certificateOperationStatus: 'Upgrade Success' });
    }
    // One Bulk Administration job did the fleet; the aimed phone's own procedure came after it.
    expect(summary.actions.filter((a: { action: { type: string } }) => a.action.type === 'bat.phones.update')).toHaveLength(1);
    const csv = readFileSync(join(out, 'reports/capf-report.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...CAPF_REPORT_COLUMNS]);
    expect(rows.slice(1).map((row) => row[0])).toEqual(fleet.phones.map((p) => p.deviceName));
    const installed = rows.slice(1).filter((row) => row[3] === 'Installed').map((row) => row[0]);
    expect(installed).toEqual(summary.phones.filter((p: { lsc: string }) => p.lsc === 'Installed').map((p: { device: string }) => p.device));
  }, 120_000);
});
