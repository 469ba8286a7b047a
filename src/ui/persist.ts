/**
 * The learner's labs and progress survive a reload (DESIGN principle 4). What is stored is the lab as data —
 * `scenario + seed + start + faults + [actions at their virtual times and places] + what was looked at + the
 * virtual time reached + the speed` — never keys or snapshots. Each exercise keeps its own lab beside the free
 * lab, and one key says which is open. Every record carries a schema version; older ones are migrated, and
 * anything unreadable is refused with a reason and handed back as text, so the page can offer it as a
 * download instead of losing it.
 */
import { checkAction } from '../sim/action-schema';
import { checkFleetSize } from '../sim/fleet-size';
import type { RecordedAction } from '../sim/world';
import type { ExerciseState } from '../content/lab-document';
import { readEvents, type LearnerEvent } from '../content/learner-events';
import type { Said } from '../content/messages/format';
import { emptyProgress, readProgress, type Progress } from '../content/progress';

/** Where each lab lives: the free lab, or one exercise's. */
export type Slot = { kind: 'free' } | { kind: 'exercise'; id: string };

export const LEGACY_KEY = 'lsc-lab:v1';
export const ACTIVE_KEY = 'lsc-lab:active';
export const PROGRESS_KEY = 'lsc-lab:progress';
export const labKey = (slot: Slot) => (slot.kind === 'free' ? 'lsc-lab:lab:free' : `lsc-lab:lab:exercise:${slot.id}`);

export interface ExerciseRun extends ExerciseState {
  /** Virtual time the exercise's setup ended: the learner's time counts from here. */
  began: number;
  /** Hint rungs a class link allows (all when absent). */
  hintsAllowed?: number;
}

export interface SavedLab {
  v: 2;
  scenario: string;
  seed: number | string;
  start: number;
  faults: string[];
  mystery: boolean;
  /** A fleet's size when the learner chose one (issue 13); absent: the scenario's own. */
  phones?: number;
  classMode: boolean;
  exercise?: ExerciseRun;
  /** The free lab: setup and learner actions in order; an exercise: the learner's only (its setup is rebuilt). */
  actions: RecordedAction[];
  events: LearnerEvent[];
  /** Virtual time the learner had reached. */
  now: number;
  speed: number;
}

export type Loaded<T> = { ok: true; value: T | null } | { ok: false; reason: Said; raw: string };

const damaged = (raw: string, key = 'persist.damaged'): Loaded<never> => ({ ok: false, reason: { key }, raw });

function get(storage: Pick<Storage, 'getItem'> | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** The stored shape of each older version, taken one step to the next. */
function fromV1(v: Record<string, unknown>): Record<string, unknown> {
  const actions = Array.isArray(v.actions) ? v.actions.map((a: Record<string, unknown>) => ({ at: a?.at, n: 0, by: 'learner', action: a?.action })) : v.actions;
  return { ...v, v: 2, actions, classMode: false, events: [], speed: 1 };
}

const isSeed = (s: unknown) => (typeof s === 'number' && Number.isSafeInteger(s)) || (typeof s === 'string' && /^[0-9a-zA-Z-]{1,64}$/.test(s));
const finite = (t: unknown): t is number => typeof t === 'number' && Number.isFinite(t);

function readExerciseRun(value: unknown): ExerciseRun | null | undefined {
  if (value === undefined) return undefined;
  const e = value as Record<string, unknown>;
  if (typeof e !== 'object' || e === null || typeof e.id !== 'string' || !Number.isInteger(e.version) || !Number.isInteger(e.hintsUsed) || typeof e.solutionShown !== 'boolean' || !finite(e.began)) return null;
  if ((e.classCode !== undefined && typeof e.classCode !== 'string') || (e.student !== undefined && typeof e.student !== 'string')) return null;
  if (e.hintsAllowed !== undefined && !Number.isInteger(e.hintsAllowed)) return null;
  return e as unknown as ExerciseRun;
}

/** Decode a stored lab (any version): checked field by field, migrated to the current schema. */
export function decodeSavedLab(raw: string): Loaded<SavedLab> {
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(raw);
  } catch {
    return damaged(raw, 'persist.unreadable');
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return damaged(raw);
  if (v.v === 1) v = fromV1(v);
  if (v.v !== 2) return damaged(raw, 'persist.otherVersion');
  if (typeof v.scenario !== 'string' || !isSeed(v.seed) || !finite(v.start) || !finite(v.now) || typeof v.mystery !== 'boolean') return damaged(raw);
  if (!Array.isArray(v.faults) || !v.faults.every((f) => typeof f === 'string')) return damaged(raw);
  if (v.phones !== undefined && !(typeof v.phones === 'number' && checkFleetSize(v.phones).ok)) return damaged(raw);
  if (!Array.isArray(v.actions)) return damaged(raw);
  const actions: RecordedAction[] = [];
  for (const a of v.actions as Array<Record<string, unknown>>) {
    if (typeof a !== 'object' || a === null || !finite(a.at) || !Number.isInteger(a.n) || (a.by !== 'learner' && a.by !== 'setup')) return damaged(raw);
    const checked = checkAction(a.action);
    if (!checked.ok) return damaged(raw);
    actions.push({ at: a.at, n: a.n as number, by: a.by, action: checked.value });
  }
  const events = readEvents(v.events ?? []);
  const exercise = readExerciseRun(v.exercise);
  if (!events || exercise === null) return damaged(raw);
  const speed = finite(v.speed) ? v.speed : 1;
  return {
    ok: true,
    value: { v: 2, scenario: v.scenario, seed: v.seed as number | string, start: v.start as number, faults: v.faults as string[], mystery: v.mystery, ...(v.phones !== undefined ? { phones: v.phones as number } : {}), classMode: v.classMode === true, exercise, actions, events, now: v.now as number, speed },
  };
}

/** The lab stored for a slot (the free lab also under the first version's key, which is migrated). */
export function loadLab(storage: Pick<Storage, 'getItem'> | undefined, slot: Slot): Loaded<SavedLab> {
  const raw = get(storage, labKey(slot)) ?? (slot.kind === 'free' ? get(storage, LEGACY_KEY) : null);
  return raw === null ? { ok: true, value: null } : decodeSavedLab(raw);
}

export function saveLab(storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined, slot: Slot, lab: SavedLab): void {
  try {
    storage?.setItem(labKey(slot), JSON.stringify(lab));
    if (slot.kind === 'free') storage?.removeItem(LEGACY_KEY);
  } catch {
    // A full or disabled storage only loses the reload feature, never the running lab.
  }
}

export function clearLab(storage: Pick<Storage, 'removeItem'> | undefined, slot: Slot): void {
  try {
    storage?.removeItem(labKey(slot));
    if (slot.kind === 'free') storage?.removeItem(LEGACY_KEY);
  } catch {
    // see saveLab
  }
}

export function loadActiveSlot(storage: Pick<Storage, 'getItem'> | undefined): Slot {
  const raw = get(storage, ACTIVE_KEY);
  return raw?.startsWith('exercise:') ? { kind: 'exercise', id: raw.slice('exercise:'.length) } : { kind: 'free' };
}

export function saveActiveSlot(storage: Pick<Storage, 'setItem'> | undefined, slot: Slot): void {
  try {
    storage?.setItem(ACTIVE_KEY, slot.kind === 'free' ? 'free' : `exercise:${slot.id}`);
  } catch {
    // see saveLab
  }
}

export function loadProgress(storage: Pick<Storage, 'getItem'> | undefined): Loaded<Progress> {
  const raw = get(storage, PROGRESS_KEY);
  if (raw === null) return { ok: true, value: emptyProgress() };
  try {
    const read = readProgress(JSON.parse(raw));
    return read.ok ? { ok: true, value: read.value } : { ok: false, reason: read.reason, raw };
  } catch {
    return damaged(raw, 'persist.unreadable');
  }
}

export function saveProgress(storage: Pick<Storage, 'setItem'> | undefined, progress: Progress): void {
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // see saveLab
  }
}
