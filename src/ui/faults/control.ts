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
import type { AimedFault, Fault, FixStep } from '../../sim/faults';
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

/**
 * What `session.faults` holds for a fault aimed at a phone: `ID` for the scenario's first phone (as before
 * fleets), `ID@DEVICE` for another — the form recipes, share links and the runner's `--fault` use.
 */
export function choiceOf(session: LabSession, fault: Pick<Fault, 'id'>, device?: string): string {
  const first = session.scenario?.phones[0]?.deviceName;
  return device && device !== first ? `${fault.id}@${device}` : fault.id;
}

export function splitChoice(choice: string): { id: string; device?: string } {
  const at = choice.indexOf('@');
  return at < 0 ? { id: choice } : { id: choice.slice(0, at), device: choice.slice(at + 1) };
}

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

/** The seed procedure as these faults' learner does it on each phone they are aimed at, then what they do at the phone. */
async function doProcedure(session: LabSession, faults: readonly AimedFault[]): Promise<string[]> {
  const api = session.api;
  const world = session.world;
  if (!api || !world) return [t('faults.result.starting')];
  const errors: string[] = [];
  const { procedureForm } = await session.loadFaults();
  const first = world.env.scenario.phones[0]?.deviceName;
  for (const device of new Set(faults.map((f) => f.device ?? first))) {
    const steps = api.seedProcedure(world, device, (form) => procedureForm(world, [...faults], form, device));
    errors.push(...(await perform(session, steps)).errors);
  }
  const after = faults.flatMap((f) => f.fault.afterProcedure?.(session.world!, f.device) ?? []);
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
  const chosen: AimedFault[] = ids.map(splitChoice).flatMap(({ id, device }) => {
    const fault = catalogue.find((f) => f.id === id);
    return fault ? [{ fault, device }] : [];
  });
  const errors: string[] = [];
  const running = chosen.filter((f) => f.fault.inject);
  if (running.length) {
    await settle(session);
    for (const f of running) errors.push(...(await perform(session, f.fault.inject!(session.world, f.device))).errors);
  }
  const procedural = chosen.filter((f) => changesProcedure(f.fault));
  if (procedural.length) {
    await settle(session);
    errors.push(...(await doProcedure(session, procedural)));
  }
  // Keep exactly what the page chose (the session drops ids its catalogue does not know).
  session.faults = chosen.map((f) => choiceOf(session, f.fault, f.device));
  persist(session);
  if (errors.length) return { ok: false, error: t('faults.result.partial', { errors: errors.join('; ') }) };
  return { ok: true, message: chosen.length ? t('faults.result.restartedWith') : t('faults.result.restartedWithout') };
}

/** Faults whose cause is gone from the lab (the Faults page's "Fixed"): not re-applied when a new lab starts. */
export function isFixed(session: LabSession, choice: string): boolean {
  const { id, device } = splitChoice(choice);
  return Boolean(session.world && session.classroom?.isFaultFixed(session.world, id, device));
}

/** Inject `fault`, aimed at `device` (default: the scenario's first phone). */
export async function injectFault(session: LabSession, fault: Fault, catalogue: readonly Fault[], device?: string): Promise<ControlResult> {
  const choice = choiceOf(session, fault, device);
  if (session.faults.includes(choice) && !isFixed(session, choice)) return { ok: false, error: t('faults.result.alreadyInjected', { fault: faultTitle(fault) }) };
  if (faultKind(fault) === 'starting') {
    const r = await restartWith(session, [...session.faults.filter((c) => c !== choice && !isFixed(session, c)), choice], catalogue, false);
    return r.ok ? { ok: true, message: t('faults.result.newLabWith', { fault: faultTitle(fault) }) } : r;
  }
  const world = session.world;
  if (!world) return { ok: false, error: t('faults.result.starting') };
  const before = session.faults;
  session.faults = [...before.filter((c) => c !== choice), choice];
  const target = splitChoice(choice).device;
  const steps = fault.inject?.(world, target) ?? [];
  const { applied, errors } = await perform(session, steps);
  if (steps.length && applied === 0 && errors.length) {
    session.faults = before;
    persist(session);
    return { ok: false, error: t('faults.result.notInjectable', { fault: faultTitle(fault), errors: errors.join('; ') }) };
  }
  if (changesProcedure(fault)) {
    if (steps.length) await settle(session);
    errors.push(...(await doProcedure(session, [{ fault, device: target }])));
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

/** Remove `fault` from the phone it is aimed at (default: the scenario's first phone) by its documented fix. */
export async function removeFault(session: LabSession, fault: Fault, catalogue: readonly Fault[], device?: string): Promise<ControlResult> {
  const choice = choiceOf(session, fault, device);
  if (!session.faults.includes(choice)) return { ok: false, error: t('faults.result.notInjected', { fault: faultTitle(fault) }) };
  const rest = session.faults.filter((c) => c !== choice);
  if (faultKind(fault) === 'starting') {
    const r = await restartWith(session, rest.filter((c) => !isFixed(session, c)), catalogue, false);
    return r.ok ? { ok: true, message: t('faults.result.newLabWithout', { fault: faultTitle(fault) }) } : r;
  }
  const world = session.world;
  if (!world) return { ok: false, error: t('faults.result.starting') };
  session.faults = rest;
  const { errors } = await perform(session, fault.fix(world, splitChoice(choice).device));
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
