/**
 * Labs that leave the browser: share links and lab files (`#/share?v=1&lab=…`) and completion codes
 * (`LSC1.…`). Both are a lab as data (lab.ts) packed by compact.ts; both are untrusted when they come back,
 * so reading them checks every field, names the simulation and exercise versions they were made for, and
 * refuses with a reason (a message key) — never a throw, never a half-read lab.
 *
 * A completion code carries the exercise and its version, the simulation version, the class code and name, the
 * seed, the start, the learner's actions with their virtual times, the hints used, whether the solution was shown
 * and when the code was made. Setup is not in it: verification rebuilds it from the exercise.
 */
import { checkAction } from '../sim/action-schema';
import type { RecordedAction } from '../sim/world';
import { pack, unpack, type Unpacked } from './compact';
import { SIM_VERSION } from './lab';
import { checkFleetSize } from '../sim/fleet-size';
import type { Said } from './messages/format';

export interface ExerciseState {
  id: string;
  version: number;
  /** Class mode: the class code and the student's name the seed was derived from. */
  classCode?: string;
  student?: string;
  /** Rungs of the hint ladder unlocked so far. */
  hintsUsed: number;
  solutionShown: boolean;
}

/** A lab as it travels: everything to rebuild it, and where the learner had got to. */
export interface LabDocument {
  sim: number;
  scenario: string;
  seed: number | string;
  start: number;
  faults: string[];
  mystery: boolean;
  /** A fleet's size when the learner chose one (issue 13); absent: the scenario's own. */
  phones?: number;
  exercise?: ExerciseState;
  actions: RecordedAction[];
  /** Virtual time the learner had reached. */
  now: number;
}

export interface CompletionCode {
  sim: number;
  exercise: string;
  version: number;
  classCode: string;
  student: string;
  seed: number | string;
  start: number;
  /** Virtual time the code was made at: verification replays up to here. */
  end: number;
  actions: RecordedAction[];
  hintsUsed: number;
  solutionShown: boolean;
}

export type Read<T> = { ok: true; value: T } | { ok: false; reason: Said };

export const CODE_PREFIX = 'LSC1.';
export const SHARE_PREFIX = '#/share?v=1&lab=';
/** Longest code or link text read at all (a long lab is a few tens of kB). */
export const MAX_TEXT_CHARS = 512 * 1024;

const refuse = (key: string, params?: Said['params']): { ok: false; reason: Said } => ({ ok: false, reason: { key, params } });

const isSeed = (s: unknown): s is number | string => (typeof s === 'number' && Number.isSafeInteger(s)) || (typeof s === 'string' && /^[0-9a-zA-Z-]{1,64}$/.test(s));
const isTime = (t: unknown): t is number => typeof t === 'number' && Number.isFinite(t) && t > 0 && t < 8.64e15;
const isText = (t: unknown, max = 200): t is string => typeof t === 'string' && t.length <= max;

type Packed = [number, number, number, unknown];

function packActions(actions: readonly RecordedAction[], start: number): Packed[] {
  return actions.map((a) => [a.at - start, a.n, a.by === 'setup' ? 1 : 0, a.action]);
}

function readActions(value: unknown, start: number): Read<RecordedAction[]> {
  if (!Array.isArray(value) || value.length > 10_000) return refuse('codes.malformed.actions');
  const out: RecordedAction[] = [];
  let last = -1;
  for (const [i, entry] of value.entries()) {
    if (!Array.isArray(entry) || entry.length !== 4) return refuse('codes.malformed.action', { n: i + 1, why: 'not an action record' });
    const [dt, n, by, action] = entry as Packed;
    if (typeof dt !== 'number' || !Number.isFinite(dt) || dt < 0 || dt < last) return refuse('codes.malformed.action', { n: i + 1, why: 'its time is out of order' });
    if (!Number.isInteger(n) || n < 0 || n > 1_000_000 || (by !== 0 && by !== 1)) return refuse('codes.malformed.action', { n: i + 1, why: 'its place is malformed' });
    const checked = checkAction(action);
    if (!checked.ok) return refuse('codes.malformed.action', { n: i + 1, why: checked.error });
    last = dt;
    out.push({ at: start + dt, n, by: by === 1 ? 'setup' : 'learner', action: checked.value });
  }
  return { ok: true, value: out };
}

function unpackProblem(u: Extract<Unpacked, { ok: false }>, kind: 'code' | 'link'): { ok: false; reason: Said } {
  // A bad check or a broken compression means the text was changed or cut after it was made.
  if (u.problem === 'checksum') return refuse(`codes.${kind}.tampered`);
  if (u.problem === 'size') return refuse(`codes.${kind}.tooLarge`);
  if (u.problem === 'encoding') return refuse(`codes.${kind}.encoding`);
  return refuse(`codes.${kind}.damaged`);
}

export async function writeCompletionCode(code: CompletionCode): Promise<string> {
  return `${CODE_PREFIX}${await pack({
    t: 'c',
    sim: code.sim,
    ex: code.exercise,
    exv: code.version,
    class: code.classCode,
    name: code.student,
    seed: code.seed,
    start: code.start,
    end: code.end,
    a: packActions(code.actions, code.start),
    hints: code.hintsUsed,
    sol: code.solutionShown,
  })}`;
}

/** A completion code's content, checked field by field (whitespace and line breaks from copying are ignored). */
export async function readCompletionCode(text: unknown): Promise<Read<CompletionCode>> {
  if (typeof text !== 'string' || text.trim() === '') return refuse('codes.code.empty');
  if (text.length > MAX_TEXT_CHARS) return refuse('codes.code.tooLarge');
  const compact = text.replace(/\s+/g, '');
  if (!compact.startsWith(CODE_PREFIX)) return refuse('codes.code.notACode');
  const u = await unpack(compact.slice(CODE_PREFIX.length));
  if (!u.ok) return unpackProblem(u, 'code');
  const v = u.value as Record<string, unknown>;
  if (typeof v !== 'object' || v === null || v.t !== 'c') return refuse('codes.code.notACode');
  if (!Number.isInteger(v.sim) || !isText(v.ex, 80) || !Number.isInteger(v.exv)) return refuse('codes.code.damaged');
  if (!isText(v.class) || !isText(v.name) || !isSeed(v.seed) || !isTime(v.start) || !isTime(v.end) || (v.end as number) < (v.start as number)) return refuse('codes.code.damaged');
  if (!Number.isInteger(v.hints) || (v.hints as number) < 0 || (v.hints as number) > 100 || typeof v.sol !== 'boolean') return refuse('codes.code.damaged');
  const actions = readActions(v.a, v.start as number);
  if (!actions.ok) return actions;
  return {
    ok: true,
    value: {
      sim: v.sim as number,
      exercise: v.ex as string,
      version: v.exv as number,
      classCode: v.class as string,
      student: v.name as string,
      seed: v.seed as number | string,
      start: v.start as number,
      end: v.end as number,
      actions: actions.value,
      hintsUsed: v.hints as number,
      solutionShown: v.sol as boolean,
    },
  };
}

/** The fragment that rebuilds the lab in another browser: "#/share?v=1&lab=…". */
export async function writeShareLink(doc: LabDocument): Promise<string> {
  return `${SHARE_PREFIX}${await pack({
    t: 'l',
    sim: doc.sim,
    scenario: doc.scenario,
    seed: doc.seed,
    start: doc.start,
    faults: doc.faults,
    mystery: doc.mystery,
    ...(doc.phones ? { phones: doc.phones } : {}),
    exercise: doc.exercise ?? null,
    a: packActions(doc.actions, doc.start),
    now: doc.now,
  })}`;
}

function readExerciseState(value: unknown): Read<ExerciseState | undefined> {
  if (value === null || value === undefined) return { ok: true, value: undefined };
  const e = value as Record<string, unknown>;
  if (typeof e !== 'object' || !isText(e.id, 80) || !Number.isInteger(e.version) || !Number.isInteger(e.hintsUsed) || typeof e.solutionShown !== 'boolean') return refuse('codes.link.damaged');
  if ((e.classCode !== undefined && !isText(e.classCode)) || (e.student !== undefined && !isText(e.student))) return refuse('codes.link.damaged');
  return { ok: true, value: { id: e.id as string, version: e.version as number, classCode: e.classCode as string | undefined, student: e.student as string | undefined, hintsUsed: e.hintsUsed as number, solutionShown: e.solutionShown as boolean } };
}

/** A lab from a share link, a lab file's text, or the `lab` parameter alone. */
export async function readShareLink(text: unknown): Promise<Read<LabDocument>> {
  if (typeof text !== 'string' || text.trim() === '') return refuse('codes.link.empty');
  if (text.length > MAX_TEXT_CHARS) return refuse('codes.link.tooLarge');
  const compact = text.replace(/\s+/g, '');
  const at = compact.indexOf('lab=');
  const packed = at >= 0 ? compact.slice(at + 4).split('&')[0] : compact;
  if (at >= 0 && !/[#?&]v=1(&|$)/.test(compact.slice(0, at))) return refuse('codes.link.version');
  let unescaped: string;
  try {
    unescaped = decodeURIComponent(packed);
  } catch {
    return refuse('codes.link.encoding');
  }
  const u = await unpack(unescaped);
  if (!u.ok) return unpackProblem(u, 'link');
  const v = u.value as Record<string, unknown>;
  if (typeof v !== 'object' || v === null || v.t !== 'l') return refuse('codes.link.damaged');
  if (!Number.isInteger(v.sim) || !isText(v.scenario, 80) || !isSeed(v.seed) || !isTime(v.start) || !isTime(v.now) || typeof v.mystery !== 'boolean') return refuse('codes.link.damaged');
  if (!Array.isArray(v.faults) || v.faults.length > 50 || !v.faults.every((f) => isText(f, 80))) return refuse('codes.link.damaged');
  if (v.phones !== undefined && !(typeof v.phones === 'number' && checkFleetSize(v.phones).ok)) return refuse('codes.link.damaged');
  const exercise = readExerciseState(v.exercise);
  if (!exercise.ok) return exercise;
  const actions = readActions(v.a, v.start as number);
  if (!actions.ok) return actions;
  return {
    ok: true,
    value: {
      sim: v.sim as number,
      scenario: v.scenario as string,
      seed: v.seed as number | string,
      start: v.start as number,
      faults: v.faults as string[],
      mystery: v.mystery as boolean,
      ...(v.phones !== undefined ? { phones: v.phones as number } : {}),
      exercise: exercise.value,
      actions: actions.value,
      now: v.now as number,
    },
  };
}

export { SIM_VERSION };
