/**
 * The lab runner's steps, in-process, for fault tests: build the world with the faults, boot, inject, do
 * the (fault-adjusted) seed procedure, let it settle; later apply the documented fixes.
 */
import { seedLab } from '../../../src/content/scenarios/seed-lab';
import { seedProcedure } from '../../../src/content/procedures';
import { applyScenarioFaults, findFault, performSteps, procedureForm, type Fault } from '../../../src/sim/faults';
import { LabWorld } from '../../../src/sim/world';
import { pooledKeys } from '../../helpers/key-pool';
import { runCheck } from '../../../src/content/checks';
import { fixedChecks } from '../../../src/content/fault-fixed';

export const PHONE = 'SEP682C7B5C2342';
export const START = Date.UTC(2026, 2, 16, 13, 0);

export interface FaultLab {
  world: LabWorld;
  faults: Fault[];
  /** Results of the procedure's actions (a past deadline's warning …). */
  procedureResults: Array<{ ok: boolean; warning?: string; error?: string }>;
  /** Log lines and packets up to the end of the symptom run. */
  logMark: number;
  packetMark: number;
}

export async function faultLab(ids: string[], options: { procedure?: boolean } = {}): Promise<FaultLab> {
  const faults = ids.map((id) => {
    const f = findFault(id);
    if (!f) throw new Error(`no fault ${id}`);
    return f;
  });
  const world = await LabWorld.create({ scenario: applyScenarioFaults(seedLab, faults), seed: 11, start: START, keySource: pooledKeys });
  await world.runUntilSettled();
  for (const f of faults) if (f.inject) await performSteps(world, f.inject(world));
  await world.runUntilSettled();
  const procedureResults: FaultLab['procedureResults'] = [];
  if (options.procedure !== false) {
    for (const action of seedProcedure(world, PHONE, (form) => procedureForm(world, faults, form))) {
      const r = await world.act(action);
      procedureResults.push(r.ok ? { ok: true, warning: r.warning } : { ok: false, error: r.error });
    }
    await world.runUntilSettled();
    const after = faults.flatMap((f) => f.afterProcedure?.(world) ?? []);
    if (after.length) {
      await performSteps(world, after);
      await world.runUntilSettled();
    }
  }
  return { world, faults, procedureResults, logMark: world.env.log.records.length, packetMark: world.trace.packets.length };
}

export async function applyFixes(lab: FaultLab, faults = lab.faults): Promise<string[]> {
  const refused: string[] = [];
  for (const f of faults) {
    refused.push(...(await performSteps(lab.world, f.fix(lab.world))));
    await lab.world.runUntilSettled();
  }
  return refused;
}

/** Text views of the surfaces an engineer looks at (domain.md §11). */
export function surfaces(world: LabWorld) {
  const log = world.env.log;
  return {
    lsc: world.lsc(PHONE),
    status: world.certificateOperationStatus(PHONE),
    phoneStatus: log.text('phone-status', PHONE),
    console: log.text('phone-console', PHONE),
    capfTrace: log.text('capf-trace'),
    packets: world.trace.packets,
    packetText: world.trace.packets.map((p) => `${p.from.host}:${p.from.port} > ${p.to.host}:${p.to.port} ${p.protocol} ${p.summary} ${p.outcome} ${p.note ?? ''}`).join('\n'),
    showItl: async (node: string) => {
      const r = await world.act({ type: 'cli', node, command: 'show itl' });
      return r.ok ? r.output! : r.error;
    },
  };
}

import { beforeAll, describe, expect, it } from 'vitest';
import { openssl, pem } from '../../helpers/openssl';

/** The check every documented fix must pass: LSC Installed, Upgrade Success, an LSC chaining to today's CAPF. */
export async function expectFixed(lab: FaultLab): Promise<void> {
  const refused = await applyFixes(lab);
  expect(refused).toEqual([]);
  const { world } = lab;
  // The Faults page's "Fixed": each fault's cause is gone, by the checks the exercises grade with.
  for (const f of lab.faults) for (const c of fixedChecks(f.id)) expect(runCheck(world, c), `${f.id} fixed: ${c.check}`).toMatchObject({ passed: true });
  expect(world.lsc(PHONE)).toBe('Installed');
  expect(world.certificateOperationStatus(PHONE)).toBe('Upgrade Success');
  const lsc = world.phoneContext(PHONE)!.flash.lsc!;
  const capf = world.env.certs.identity('ao115pub', 'CAPF')!;
  const verdict = openssl(['verify', '-attime', String(Math.floor(world.now / 1000)), '-CAfile', 'CAPF.pem', 'LSC.pem'], {
    'CAPF.pem': pem(capf.der),
    'LSC.pem': pem(lsc.der),
  });
  expect(verdict.output).toContain('LSC.pem: OK');
}

/**
 * One fault: the lab with the fault and the seed procedure, then what each surface shows (the test's own
 * assertions), then the documented fix.
 */
export function describeFault(id: string, symptoms: (lab: FaultLab, s: ReturnType<typeof surfaces>) => Promise<void> | void): void {
  describe(`fault ${id}`, () => {
    let lab: FaultLab;
    beforeAll(async () => {
      lab = await faultLab([id]);
    }, 180_000);
    it('shows its symptoms on the phone, in CUCM, in the traces and on the wire', async () => {
      await symptoms(lab, surfaces(lab.world));
    });
    it('is not yet fixed: at least one of its "fixed" checks fails', () => {
      const results = fixedChecks(id).map((c) => runCheck(lab.world, c));
      expect(results.some((r) => !r.passed), JSON.stringify(results)).toBe(true);
    });
    it('the documented fix, done with the learner\'s own actions, ends in LSC Installed / Upgrade Success', async () => {
      await expectFixed(lab);
    });
  });
}

/** Lines of `text` matching `re`. */
export const count = (text: string, re: RegExp) => text.split('\n').filter((l) => re.test(l)).length;
