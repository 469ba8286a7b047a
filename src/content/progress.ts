/**
 * A learner's progress over the exercises (solved, hints used, solution shown, best time), kept in the
 * browser under a versioned schema and exported to / imported from a file. Reading is for untrusted input:
 * every field is checked, older versions are migrated, and a file that is not a progress file is refused with a
 * reason — importing merges into what is stored (the better of the two for each exercise), so nothing is lost.
 */
import type { Said } from './messages/format';

export const PROGRESS_VERSION = 1;
export const PROGRESS_FORMAT = 'lsc-lab-progress';

export interface ExerciseProgress {
  /** The exercise version this record is for (a new version starts afresh). */
  version: number;
  solved: boolean;
  /** Hint rungs unlocked (most in any attempt). */
  hintsUsed: number;
  solutionShown: boolean;
  /** Shortest virtual time from the exercise's start to solved, among solved attempts. */
  bestTimeMs: number | null;
}

export interface Progress {
  v: typeof PROGRESS_VERSION;
  exercises: Record<string, ExerciseProgress>;
}

export const emptyProgress = (): Progress => ({ v: PROGRESS_VERSION, exercises: {} });

export type ReadProgress = { ok: true; value: Progress } | { ok: false; reason: Said };
const refuse = (key: string, params?: Said['params']): ReadProgress => ({ ok: false, reason: { key, params } });

const MAX_EXERCISES = 500;

function readEntry(value: unknown): ExerciseProgress | null {
  const e = value as Record<string, unknown>;
  if (typeof e !== 'object' || e === null) return null;
  if (!Number.isInteger(e.version) || typeof e.solved !== 'boolean' || !Number.isInteger(e.hintsUsed) || (e.hintsUsed as number) < 0 || (e.hintsUsed as number) > 100) return null;
  if (typeof e.solutionShown !== 'boolean') return null;
  if (e.bestTimeMs !== null && !(typeof e.bestTimeMs === 'number' && Number.isFinite(e.bestTimeMs) && e.bestTimeMs >= 0)) return null;
  return { version: e.version as number, solved: e.solved, hintsUsed: e.hintsUsed as number, solutionShown: e.solutionShown, bestTimeMs: e.bestTimeMs as number | null };
}

/** Migrations, oldest first: each takes the stored shape of one version to the next. None yet beyond v1. */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

/** A stored or imported progress record (the parsed JSON), checked and migrated. */
export function readProgress(value: unknown): ReadProgress {
  let p = value as Record<string, unknown>;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return refuse('progress.notProgress');
  if (!Number.isInteger(p.v)) return refuse('progress.notProgress');
  if ((p.v as number) > PROGRESS_VERSION) return refuse('progress.newer', { version: p.v as number });
  while ((p.v as number) < PROGRESS_VERSION) {
    const step = MIGRATIONS[p.v as number];
    if (!step) return refuse('progress.older', { version: p.v as number });
    p = step(p);
  }
  const exercises = p.exercises as Record<string, unknown>;
  if (typeof exercises !== 'object' || exercises === null || Array.isArray(exercises)) return refuse('progress.damaged');
  const ids = Object.keys(exercises);
  if (ids.length > MAX_EXERCISES) return refuse('progress.damaged');
  const out: Progress = emptyProgress();
  for (const id of ids) {
    if (id.length > 80) return refuse('progress.damaged');
    const entry = readEntry(exercises[id]);
    if (!entry) return refuse('progress.damagedEntry', { exercise: id.slice(0, 80) });
    out.exercises[id] = entry;
  }
  return { ok: true, value: out };
}

/** The better of two records of the same exercise; a newer exercise version wins outright. */
function better(a: ExerciseProgress | undefined, b: ExerciseProgress): ExerciseProgress {
  if (!a || b.version > a.version) return b;
  if (a.version > b.version) return a;
  const times = [a, b].filter((x) => x.solved && x.bestTimeMs !== null).map((x) => x.bestTimeMs as number);
  return {
    version: a.version,
    solved: a.solved || b.solved,
    hintsUsed: Math.max(a.hintsUsed, b.hintsUsed),
    solutionShown: a.solutionShown || b.solutionShown,
    bestTimeMs: times.length ? Math.min(...times) : null,
  };
}

export function mergeProgress(stored: Progress, incoming: Progress): Progress {
  const out: Progress = { v: PROGRESS_VERSION, exercises: { ...stored.exercises } };
  for (const [id, entry] of Object.entries(incoming.exercises)) out.exercises[id] = better(out.exercises[id], entry);
  return out;
}

/** Record one attempt's state (called whenever the exercise's goals are evaluated). */
export function recordAttempt(progress: Progress, id: string, attempt: ExerciseProgress): Progress {
  return mergeProgress(progress, { v: PROGRESS_VERSION, exercises: { [id]: attempt } });
}

/** The export file's text. */
export function progressFile(progress: Progress, exportedAt: string): string {
  return `${JSON.stringify({ format: PROGRESS_FORMAT, exportedAt, progress }, null, 2)}\n`;
}

/** An export file read back; anything else is refused with a reason. */
export function readProgressFile(text: unknown): ReadProgress {
  if (typeof text !== 'string' || text.trim() === '') return refuse('progress.empty');
  if (text.length > 1024 * 1024) return refuse('progress.tooLarge');
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse('progress.notJson');
  }
  if (typeof parsed !== 'object' || parsed === null || parsed.format !== PROGRESS_FORMAT) return refuse('progress.notProgress');
  return readProgress(parsed.progress);
}
