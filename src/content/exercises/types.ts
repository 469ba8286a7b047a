/**
 * An exercise is data (DESIGN "The teaching layer"): a scenario, the faults it starts with (or a pool from
 * which the seed picks one), what is locked, the goals — each a named check of the one registry, so a
 * learner is told exactly what is graded —, a hint ladder from where to look to the exact fix, and a
 * solution as learner actions. Texts may name the lab's facts as `{device}`, `{publisher}`, `{publisherIp}`,
 * `{serverName}`, `{phoneTftp}`: a class's students each have their own phone name.
 */
import type { CheckRef } from '../checks';
import type { LocalizedText } from '../messages/format';
import type { Fault, FixStep } from '../../sim/faults';
import type { LabWorld } from '../../sim/world';

/**
 * A text in every language the lab speaks; English is the reference. German and Japanese are required, so a text
 * added without its translations fails the type check (tests/content/exercise-texts.test.ts also compares their
 * placeholders). Product labels, menu paths, status strings and commands stay in English in every language.
 */
export type ExerciseText = LocalizedText;

export type ExerciseKind = 'procedure' | 'troubleshooting' | 'path' | 'double' | 'mystery';

/** What the lab hides during the exercise: the Faults page (it would name the cause), the scenario chooser. */
export type Lock = 'faults' | 'scenario';

export type Goal =
  | { id: string; label: ExerciseText; check: CheckRef }
  /** The cause of a mystery is gone: the picked fault's own "fixed" checks, without naming it. */
  | { id: string; label: ExerciseText; faultFixed: true };

export interface Exercise {
  /** Stable: completion codes and progress name it. */
  id: string;
  /** Bumped whenever a change alters the graded outcome; codes name the version they were made for. */
  version: number;
  kind: ExerciseKind;
  title: ExerciseText;
  brief: ExerciseText;
  scenario: string;
  /** Faults the lab starts with, in this order. */
  faults?: readonly string[];
  /** A mystery: the seed picks one of these (faults of the world, never of the learner's own form). */
  pool?: readonly string[];
  /**
   * The lab starts with the seed procedure already done (saved and applied, the faulty way where a fault
   * says so), so the learner starts from a failing operation.
   */
  startsWithProcedure: boolean;
  locks: readonly Lock[];
  goals: readonly Goal[];
  /** At least three rungs: where to look → what is wrong → the exact fix. A mystery's come from its fault. */
  hints: readonly ExerciseText[];
  /** Mysteries: the rungs after the first are the picked fault's own ladder. */
  hintsFromPickedFault?: boolean;
  /** The learner's actions that solve it, computed on the lab as it stands when shown. */
  solution: (world: LabWorld, faults: readonly Fault[]) => FixStep[];
}
