/**
 * Injecting and removing faults from the page, in the order the lab runner uses (src/node/lab.ts):
 * the lab starts (with the faults' scenario changes), settles, the running-lab changes are made, it settles
 * again, and the seed procedure is done the way the fault's learner does it.
 *
 * - A fault that changes the lab's starting facts (`patchScenario`) needs a new lab: the session restarts
 *   with the chosen set of faults; removing it restarts without it.
 * - A fault made to the running lab (`inject`) is a list of steps applied through `session.act` (waits let
 *   virtual time pass), so a reload replays them like any learner action. Removing it applies its
 *   documented fix (`fix`), the same steps a learner could take on the lab's pages.
 * - A fault in how the procedure is done (`procedure`, `afterProcedure`) is injected by doing the seed
 *   procedure that way for the learner (Save and Apply Config with the changed settings, then what they
 *   do at the phone), so they can watch it fail; removing it applies the fix.
 *
 * The ids of active faults of every kind are kept in `session.faults`, which the session saves with the lab.
 */
import type { Fault, FixStep } from '../../sim/faults';
import type { LabSession } from '../session.svelte';
import { t } from '../i18n.svelte';
import { faultTitle } from './texts';

export type FaultKind = 'starting' | 'running' | 'procedure';

export function faultKind(fault: Fault): FaultKind {
  if (fault.patchScenario) return 'starting';
  if (fault.inject) return 'running';
  return 'procedure';
}

export function changesProcedure(fault: Fault): boolean {
  return Boolean(fault.procedure || fault.afterProcedure);
}

/** Virtual time the lab may run (at most) for a change to take effect before the next step of a fault. */
export const SETTLE_MS = 10 * 60 * 1000;

export type ControlResult = { ok: true; message: string } | { ok: false; error: string };

function persist(session: LabSession): void {
  session.save();
}

async function settle(session: LabSession): Promise<void> {
  await session.world?.runUntilSettled(SETTLE_MS);
  await session.advance(0); // lets the page catch up with the new virtual time
}

async function perform(session: LabSession, steps: readonly FixStep[]): Promise<{ applied: number; errors: string[] }> {
  let applied = 0;
  const errors: string[] = [];
  if (!session.api) return { applied, errors: [t('faults.result.starting')] };
  // What the Faults page does is the lab setting itself up (a colleague, a firewall), not the learner's work.
  await session.api.doSteps({ act: (a) => session.act(a, 'setup'), wait: (ms) => session.advance(ms) }, steps, (done) => {
    if (!('action' in done)) return;
    if (done.result.ok) applied++;
    else errors.push(done.result.error);
  });
  return { applied, errors };
}

/** The seed procedure as these faults' learner does it, then what they do at the phone. */
async function doProcedure(session: LabSession, faults: readonly Fault[]): Promise<string[]> {
  const api = session.api;
  const world = session.world;
  if (!api || !world) return [t('faults.result.starting')];
  const errors: string[] = [];
  const { procedureForm } = await session.loadFaults();
  const steps = api.seedProcedure(world, undefined, (form) => procedureForm(world, [...faults], form));
  errors.push(...(await perform(session, steps)).errors);
  const after = faults.flatMap((f) => f.afterProcedure?.(session.world!) ?? []);
  if (after.length) {
    await settle(session);
    errors.push(...(await perform(session, after)).errors);
  }
  return errors;
}

/** Start a new lab with exactly these faults, then make their running-lab and procedure changes. */
export async function restartWith(session: LabSession, ids: string[], catalogue: readonly Fault[], mystery = false): Promise<ControlResult> {
  await session.reset({ faults: ids, mystery });
  if (!session.world) return { ok: false, error: t('faults.result.notStarted') };
  const chosen = ids.map((id) => catalogue.find((f) => f.id === id)).filter((f): f is Fault => Boolean(f));
  const errors: string[] = [];
  const running = chosen.filter((f) => f.inject);
  if (running.length) {
    await settle(session);
    for (const f of running) errors.push(...(await perform(session, f.inject!(session.world))).errors);
  }
  const procedural = chosen.filter(changesProcedure);
  if (procedural.length) {
    await settle(session);
    errors.push(...(await doProcedure(session, procedural)));
  }
  // Keep exactly what the page chose (the session drops ids its catalogue does not know).
  session.faults = chosen.map((f) => f.id);
  persist(session);
  if (errors.length) return { ok: false, error: t('faults.result.partial', { errors: errors.join('; ') }) };
  return { ok: true, message: chosen.length ? t('faults.result.restartedWith') : t('faults.result.restartedWithout') };
}

/** Faults whose cause is gone from the lab (the Faults page's "Fixed"): not re-applied when a new lab starts. */
export function isFixed(session: LabSession, id: string): boolean {
  return Boolean(session.world && session.classroom?.isFaultFixed(session.world, id));
}

export async function injectFault(session: LabSession, fault: Fault, catalogue: readonly Fault[]): Promise<ControlResult> {
  if (session.faults.includes(fault.id) && !isFixed(session, fault.id)) return { ok: false, error: t('faults.result.alreadyInjected', { fault: faultTitle(fault) }) };
  if (faultKind(fault) === 'starting') {
    const r = await restartWith(session, [...session.faults.filter((id) => id !== fault.id && !isFixed(session, id)), fault.id], catalogue, false);
    return r.ok ? { ok: true, message: t('faults.result.newLabWith', { fault: faultTitle(fault) }) } : r;
  }
  const world = session.world;
  if (!world) return { ok: false, error: t('faults.result.starting') };
  const before = session.faults;
  session.faults = [...before.filter((id) => id !== fault.id), fault.id];
  const steps = fault.inject?.(world) ?? [];
  const { applied, errors } = await perform(session, steps);
  if (steps.length && applied === 0 && errors.length) {
    session.faults = before;
    persist(session);
    return { ok: false, error: t('faults.result.notInjectable', { fault: faultTitle(fault), errors: errors.join('; ') }) };
  }
  if (changesProcedure(fault)) {
    if (steps.length) await settle(session);
    errors.push(...(await doProcedure(session, [fault])));
  }
  persist(session);
  if (errors.length) return { ok: false, error: t('faults.result.injectedInPart', { fault: faultTitle(fault), errors: errors.join('; ') }) };
  return {
    ok: true,
    message: changesProcedure(fault)
      ? t('faults.result.injectedProcedure', { fault: faultTitle(fault) })
      : t('faults.result.injected', { fault: faultTitle(fault) }),
  };
}

export async function removeFault(session: LabSession, fault: Fault, catalogue: readonly Fault[]): Promise<ControlResult> {
  if (!session.faults.includes(fault.id)) return { ok: false, error: t('faults.result.notInjected', { fault: faultTitle(fault) }) };
  const rest = session.faults.filter((id) => id !== fault.id);
  if (faultKind(fault) === 'starting') {
    const r = await restartWith(session, rest.filter((id) => !isFixed(session, id)), catalogue, false);
    return r.ok ? { ok: true, message: t('faults.result.newLabWithout', { fault: faultTitle(fault) }) } : r;
  }
  const world = session.world;
  if (!world) return { ok: false, error: t('faults.result.starting') };
  session.faults = rest;
  const { errors } = await perform(session, fault.fix(world));
  persist(session);
  if (errors.length) return { ok: false, error: t('faults.result.fixRefused', { fault: faultTitle(fault), errors: errors.join('; ') }) };
  return { ok: true, message: t('faults.result.removed', { fault: faultTitle(fault) }) };
}

/** A new lab with one fault picked at random, hidden from the page until the learner reveals it. */
export async function startMystery(session: LabSession, catalogue: readonly Fault[], random: () => number = Math.random): Promise<ControlResult> {
  if (catalogue.length === 0) return { ok: false, error: t('faults.result.noFaults') };
  const pick = catalogue[Math.min(catalogue.length - 1, Math.floor(random() * catalogue.length))];
  const r = await restartWith(session, [pick.id], catalogue, true);
  return r.ok ? { ok: true, message: t('faults.result.mysteryStarted') } : r;
}

export function revealMystery(session: LabSession): void {
  session.mystery = false;
  persist(session);
}
