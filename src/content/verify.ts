/**
 * The teacher's proof (DESIGN "Determinism is the teacher's proof"): a completion code is verified by
 * replaying the learner's actions in a fresh world — the exercise's setup rebuilt from its definition, the
 * student's variant from the class code and name — and running the goals again. The code is not a secret:
 * it proves the exercise was solved because replaying it solves it.
 */
import { findExercise, type Exercise } from './exercises';
import { evaluateGoals, isSolved, type GoalResult } from './exercises/run';
import { buildLab } from './lab';
import { readCompletionCode, SIM_VERSION, type CompletionCode } from './lab-document';
import type { Said } from './messages/format';
import { classSeed } from './variants';
import type { KeySource } from '../sim/install';

export interface CodeVerdict {
  code: CompletionCode;
  exercise: Exercise;
  solved: boolean;
  goals: GoalResult[];
  /** Virtual time from the start of the learner's lab (after its setup) to when the code was made. */
  timeTakenMs: number;
}

export type VerifyFailure = 'malformed' | 'tampered' | 'unknown' | 'version' | 'internal';
export type Verified = { ok: true; value: CodeVerdict } | { ok: false; kind: VerifyFailure; reason: Said };

const failure = (kind: VerifyFailure, key: string, params?: Said['params']): Verified => ({ ok: false, kind, reason: { key, params } });

/** Read, check and replay a completion code. Never throws: an internal error is a verdict of its own. */
export async function verifyCompletionCode(text: unknown, options: { keySource?: KeySource } = {}): Promise<Verified> {
  const read = await readCompletionCode(text);
  if (!read.ok) return { ok: false, kind: read.reason.key.endsWith('.tampered') ? 'tampered' : 'malformed', reason: read.reason };
  const code = read.value;
  const exercise = findExercise(code.exercise);
  if (!exercise) return failure('unknown', 'codes.verify.unknownExercise', { exercise: code.exercise });
  if (code.version !== exercise.version) return failure('version', 'codes.verify.exerciseVersion', { exercise: code.exercise, made: code.version, current: exercise.version });
  if (code.sim !== SIM_VERSION) return failure('version', 'codes.verify.simVersion', { made: code.sim, current: SIM_VERSION });
  const classMode = code.classCode !== '';
  // In class mode the seed is the student's: a code whose name was changed no longer matches its seed.
  if (classMode && classSeed(code.classCode, code.student) !== code.seed) return failure('tampered', 'codes.verify.seedMismatch', { name: code.student });
  try {
    const built = await buildLab(
      { scenario: exercise.scenario, seed: code.seed, start: code.start, faults: [], classMode, exercise: exercise.id, actions: code.actions },
      { keySource: options.keySource, until: code.end },
    );
    if (!built.ok) return failure('unknown', 'codes.verify.cannotBuild', { why: built.error });
    const goals = evaluateGoals(built.world, exercise, built.faults);
    built.world.stop();
    return { ok: true, value: { code, exercise, solved: isSolved(goals), goals, timeTakenMs: Math.max(0, code.end - built.began) } };
  } catch (e) {
    return failure('internal', 'codes.verify.internal', { why: e instanceof Error ? e.message : String(e) });
  }
}
