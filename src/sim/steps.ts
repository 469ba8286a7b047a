/**
 * Steps as the lab does them for a learner — a fault's injection or fix, an exercise's setup or solution, the
 * seed procedure: actions at once, waits by letting virtual time pass. Apart from the fault catalogue so that
 * what only does steps does not load the catalogue's texts.
 */
import type { ActionResult, LabAction } from './actions';
import type { LabWorld } from './world';

/** A step of a fix: an action, or waiting while the cluster does what it was told (services start …). */
export type FixStep = LabAction | { wait: number };

/** What steps are done on: the world itself, or the page's session, which also records each action for replay. */
export interface StepTarget {
  act(action: LabAction): Promise<ActionResult>;
  /** Let virtual time pass. */
  wait(ms: number): Promise<unknown>;
}

/** Steps done straight on the world (tests, the lab runner). */
export const onWorld = (world: LabWorld): StepTarget => ({ act: (a) => world.act(a), wait: (ms) => world.run(ms) });

/** A step done: a wait, or an action with what the lab answered. */
export type StepDone = { wait: number } | { action: LabAction; result: ActionResult };

/** Do steps in order: actions at once, waits by letting virtual time pass. Refusals are reported to `onStep`, not thrown. */
export async function doSteps(target: StepTarget, steps: readonly FixStep[], onStep?: (done: StepDone) => void): Promise<void> {
  for (const step of steps) {
    if ('wait' in step) {
      await target.wait(step.wait);
      onStep?.(step);
    } else {
      // The action first: with no onStep, an optional call would skip evaluating its argument.
      const result = await target.act(step);
      onStep?.({ action: step, result });
    }
  }
}

/** `doSteps` on the world, returning the refusals as "action type: reason". */
export async function performSteps(world: LabWorld, steps: FixStep[]): Promise<string[]> {
  const refused: string[] = [];
  await doSteps(onWorld(world), steps, (done) => {
    if ('action' in done && !done.result.ok) refused.push(`${done.action.type}: ${done.result.error}`);
  });
  return refused;
}
