/**
 * What an exercise does to a lab: which faults it starts with (a mystery's from the seed), how the lab is set
 * up before the learner's first action, its goals evaluated on the world, its hint ladder and its solution.
 * The UI, the lab runner, the teacher's verification and the tests all go through here.
 */
import { seedProcedure } from '../procedures';
import { runCheck, type CheckResult } from '../checks';
import { fixedChecks } from '../fault-fixed';
import { interpolate, type Locale, type Said } from '../messages/format';
import { doSteps, findFault, procedureForm, type Fault, type FixStep, type StepTarget } from '../../sim/faults';
import { publisher } from '../../sim/env';
import { Random } from '../../sim/random';
import type { LabWorld } from '../../sim/world';
import { FAULT_HINTS } from './fault-hints';
import type { Exercise, ExerciseText, Goal } from './types';

/** How long the lab may run (at most) for each part of the setup to take effect. */
export const SETUP_SETTLE_MS = 10 * 60 * 1000;

/** The faults in play: the exercise's own, or the one of its pool this seed picks. */
export function exerciseFaults(exercise: Exercise, seed: number | string): string[] {
  if (exercise.pool?.length) {
    const pick = new Random(seed, `exercise/${exercise.id}/pool`).int(0, exercise.pool.length - 1);
    return [exercise.pool[pick]];
  }
  return [...(exercise.faults ?? [])];
}

const faultsOf = (ids: readonly string[]): Fault[] => ids.map((id) => findFault(id)).filter((f): f is Fault => Boolean(f));

/** Steps done as the lab's own setup (not learning: never part of a completion code). */
const asSetup = (world: LabWorld): StepTarget => ({ act: (a) => world.act(a, 'setup'), wait: (ms) => world.run(ms) });

/**
 * Set the lab up as the exercise starts: let it boot, make the faults' changes to the running lab, and (where
 * the exercise starts from a failing operation) do the seed procedure the way the faults' learner did.
 * Deterministic: the same exercise, seed and start always give the same lab at the same virtual time.
 */
export async function setUpExercise(world: LabWorld, exercise: Exercise, faultIds: readonly string[]): Promise<string[]> {
  const faults = faultsOf(faultIds);
  const refused: string[] = [];
  const note = (done: Parameters<NonNullable<Parameters<typeof doSteps>[2]>>[0]) => {
    if ('action' in done && !done.result.ok) refused.push(`${done.action.type}: ${done.result.error}`);
  };
  await world.runUntilSettled(SETUP_SETTLE_MS);
  const injections = faults.flatMap((f) => f.inject?.(world) ?? []);
  if (injections.length) {
    await doSteps(asSetup(world), injections, note);
    await world.runUntilSettled(SETUP_SETTLE_MS);
  }
  if (exercise.startsWithProcedure) {
    await doSteps(asSetup(world), seedProcedure(world, undefined, (form) => procedureForm(world, faults, form)), note);
    await world.runUntilSettled(SETUP_SETTLE_MS);
    const after = faults.flatMap((f) => f.afterProcedure?.(world) ?? []);
    if (after.length) {
      await doSteps(asSetup(world), after, note);
      await world.runUntilSettled(SETUP_SETTLE_MS);
    }
  }
  return refused;
}

export interface GoalResult {
  goal: Goal;
  passed: boolean;
  /** Why, in words; a mystery's cause is not named. */
  reason: Said;
}

/** Every goal, passed or not yet, with its reason. */
export function evaluateGoals(world: LabWorld, exercise: Exercise, faultIds: readonly string[]): GoalResult[] {
  return exercise.goals.map((goal) => {
    if ('check' in goal) {
      const r: CheckResult = runCheck(world, goal.check);
      return { goal, passed: r.passed, reason: r.reason };
    }
    const checks = faultIds.flatMap((id) => fixedChecks(id));
    const passed = checks.length > 0 && checks.every((c) => runCheck(world, c).passed);
    return { goal, passed, reason: { key: passed ? 'exercises.mystery.causeFixed' : 'exercises.mystery.causeNotFixed' } };
  });
}

export const isSolved = (results: readonly GoalResult[]): boolean => results.length > 0 && results.every((r) => r.passed);

/** The hint ladder as this lab has it (a mystery's rungs after the first are its picked fault's). */
export function hintLadder(exercise: Exercise, faultIds: readonly string[]): ExerciseText[] {
  if (!exercise.hintsFromPickedFault) return [...exercise.hints];
  const ladder = FAULT_HINTS[faultIds[0]];
  return ladder ? [exercise.hints[0], ladder[1], ladder[2]] : [...exercise.hints];
}

/** The solution as learner actions, computed on the lab as it stands now. */
export function solutionSteps(world: LabWorld, exercise: Exercise, faultIds: readonly string[]): FixStep[] {
  return exercise.solution(world, faultsOf(faultIds));
}

/** The lab's facts an exercise text may name. */
export function textFacts(world: LabWorld): Record<string, string> {
  const s = world.env.scenario;
  const pub = publisher(world.env);
  const phone = s.phones[0];
  return {
    device: phone.deviceName,
    publisher: pub.name,
    publisherIp: pub.ip,
    serverName: pub.serverName,
    phoneTftp: phone.tftpNode,
    model: phone.model,
  };
}

/** An exercise text in `locale` (English until the language has it), with the lab's facts filled in. */
export function exerciseText(text: ExerciseText, locale: Locale, facts: Record<string, string>): string {
  return interpolate(locale, text[locale] ?? text.en, facts);
}
