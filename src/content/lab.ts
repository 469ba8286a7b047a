/**
 * A lab as data, and its rebuild (DESIGN principle 4; issue "Replay that holds in any world, on any day"):
 * `scenario + seed + start + [recorded actions]`, plus, for an exercise, the exercise whose setup is rebuilt
 * from its definition rather than replayed. Replaying a recipe in a fresh world — after a reload, from a share
 * link, when a teacher verifies a completion code — gives the same outcome: each action is done at the same
 * virtual instant and at the same point among the events of that instant, and the artefacts it carries are
 * named by role.
 */
import type { AimedFault, Fault } from '../sim/faults';
import { checkFleetSize } from '../sim/fleet-size';
import type { KeySource } from '../sim/install';
import { LabWorld, type RecordedAction } from '../sim/world';
import type { Exercise } from './exercises';
import { SCENARIOS } from './scenarios';
import { classVariant } from './variants';

/**
 * The simulation's version: bumped whenever a change to the world can change what a replay of the same
 * actions leads to. Completion codes and share links name it; a code of another version is reported as such.
 */
export const SIM_VERSION = 1;

export interface LabRecipe {
  scenario: string;
  seed: number | string;
  /** The virtual start (epoch ms): a code verifies on any later day because it carries it. */
  start: number;
  /**
   * Faults the lab was started with (the free lab; an exercise's are derived from it and the seed): an id, or
   * `ID@DEVICE` for a fault aimed at another phone of a fleet than its first.
   */
  faults: readonly string[];
  /** A fleet's size when one was chosen (issue 13); absent: the scenario's own (its `fleet`, else its phones). */
  phones?: number;
  /** Class mode: the scenario is this seed's per-student variant. */
  classMode?: boolean;
  /** The exercise whose setup the lab starts with. */
  exercise?: string;
  /** In order: the free lab's setup and learner actions; an exercise's learner actions only. */
  actions: readonly RecordedAction[];
}

export type BuildResult =
  | { ok: true; world: LabWorld; exercise?: Exercise; faults: string[]; refused: string[]; /** Virtual time the setup ended: the learner's lab begins here. */ began: number }
  | { ok: false; error: string };

/** The fault of `ID` or `ID@DEVICE`, and the phone it is aimed at. */
const faultId = (choice: string) => choice.split('@')[0];
const faultDevice = (choice: string): string | undefined => (choice.includes('@') ? choice.slice(choice.indexOf('@') + 1) : undefined);

/**
 * Check what a recipe names before building anything: a clear reason instead of a half-built lab. The exercises
 * are data of their own (loaded with the classroom, not with every lab): pass them to check an exercise's name.
 */
export function recipeProblem(recipe: LabRecipe, catalogue: readonly Fault[], exercises?: { findExercise(id: string): Exercise | undefined }): string | null {
  if (!SCENARIOS[recipe.scenario]) return `The lab names a scenario this version does not have: "${recipe.scenario}".`;
  if (recipe.exercise !== undefined && exercises) {
    const exercise = exercises.findExercise(recipe.exercise);
    if (!exercise) return `The lab names an exercise this version does not have: "${recipe.exercise}".`;
    if (exercise.scenario !== recipe.scenario) return `The exercise "${recipe.exercise}" does not run on the scenario "${recipe.scenario}".`;
  }
  const unknown = recipe.faults.map(faultId).find((id) => !catalogue.some((f) => f.id === id));
  if (unknown) return `The lab names a fault this version does not have: "${unknown}".`;
  if (recipe.phones !== undefined) {
    const size = checkFleetSize(recipe.phones);
    if (!size.ok) return `The lab's fleet is not valid: ${size.error}.`;
  }
  return null;
}

/**
 * Build the lab a recipe describes and replay its actions; `until` lets it run on to a later virtual time.
 * `catalogue` is where fault ids are looked up (the page's own catalogue; the fault catalogue by default).
 */
export async function buildLab(recipe: LabRecipe, options: { keySource?: KeySource; until?: number; catalogue?: readonly Fault[] } = {}): Promise<BuildResult> {
  // The fault catalogue (its texts) loads only for a lab that starts with faults.
  const faultModule = recipe.faults.length || recipe.exercise !== undefined ? await import('../sim/faults') : undefined;
  const catalogue = options.catalogue ?? faultModule?.FAULTS ?? [];
  // Exercises load only for an exercise's lab (the free lab's page does not carry them).
  const classroom = recipe.exercise !== undefined ? await Promise.all([import('./exercises'), import('./exercises/run')]) : undefined;
  const problem = recipeProblem(recipe, catalogue, classroom?.[0]);
  if (problem) return { ok: false, error: problem };
  const exercise = recipe.exercise && classroom ? classroom[0].findExercise(recipe.exercise) : undefined;
  const faultIds = exercise && classroom ? classroom[1].exerciseFaults(exercise, recipe.seed) : [...recipe.faults];
  const faults = faultIds
    .map((choice): AimedFault | undefined => {
      const fault = catalogue.find((f) => f.id === faultId(choice)) ?? faultModule?.FAULTS.find((f) => f.id === faultId(choice));
      return fault && { fault, device: faultDevice(choice) };
    })
    .filter((f): f is AimedFault => Boolean(f));
  let scenario = SCENARIOS[recipe.scenario];
  if (recipe.classMode) scenario = classVariant(scenario, recipe.seed);
  // A fleet grows before the faults apply, so a fault can be aimed at any of its phones; sim/fleet.ts loads only
  // for a lab that has one (a one-phone lab's page does without it).
  if (recipe.phones !== undefined || scenario.fleet) scenario = (await import('../sim/fleet')).growFleet(scenario, recipe.phones, recipe.seed);
  const aimedElsewhere = faults.find((f) => f.device !== undefined && !scenario.phones.some((p) => p.deviceName === f.device));
  if (aimedElsewhere) return { ok: false, error: `The lab aims the fault "${aimedElsewhere.fault.id}" at a phone it does not have: "${aimedElsewhere.device}".` };
  const world = await LabWorld.create({ scenario: faultModule ? faultModule.applyScenarioFaults(scenario, faults) : scenario, seed: recipe.seed, start: recipe.start, keySource: options.keySource });
  const refused: string[] = [];
  if (exercise && classroom) refused.push(...(await classroom[1].setUpExercise(world, exercise, faultIds)));
  const began = world.now;
  for (const { at, n, by, action } of recipe.actions) {
    await world.replayTo(at, n ?? 0);
    const r = await world.act(action, by ?? 'learner');
    if (!r.ok) refused.push(`${action.type}: ${r.error}`);
  }
  if (options.until !== undefined && options.until > world.now) await world.runUntil(options.until);
  return { ok: true, world, exercise, faults: faultIds, refused, began };
}
