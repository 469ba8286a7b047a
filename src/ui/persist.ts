/**
 * The learner's lab survives a reload (DESIGN principle 4): what is stored is `scenario + seed + start +
 * faults + [actions at their virtual times] + the virtual time reached`, never keys or snapshots. The
 * record carries a schema version; anything unreadable is dropped with a message, never a blank page.
 */
import type { LabAction } from '../sim/actions';

export const STORAGE_KEY = 'lsc-lab:v1';

export interface SavedLab {
  v: 1;
  scenario: string;
  seed: number;
  start: number;
  faults: string[];
  mystery: boolean;
  /** A fleet's size when the learner chose one (issue 13); absent: the scenario's own. */
  phones?: number;
  actions: Array<{ at: number; action: LabAction }>;
  /** Virtual time the learner had reached. */
  now: number;
}

export function loadSavedLab(storage: Pick<Storage, 'getItem'> | undefined): { ok: true; value: SavedLab | null } | { ok: false; error: string } {
  let text: string | null = null;
  try {
    text = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return { ok: true, value: null };
  }
  if (!text) return { ok: true, value: null };
  try {
    const v = JSON.parse(text) as Partial<SavedLab>;
    const valid =
      v?.v === 1 &&
      typeof v.scenario === 'string' &&
      Number.isInteger(v.seed) &&
      Number.isFinite(v.start) &&
      Number.isFinite(v.now) &&
      Array.isArray(v.faults) &&
      v.faults.every((f) => typeof f === 'string') &&
      (v.phones === undefined || (Number.isInteger(v.phones) && v.phones >= 1 && v.phones <= 1000)) &&
      Array.isArray(v.actions) &&
      v.actions.every((a) => a && Number.isFinite(a.at) && typeof a.action?.type === 'string');
    if (!valid) return { ok: false, error: 'The saved lab in this browser is from another version or damaged; a new lab was started.' };
    return { ok: true, value: { ...(v as SavedLab), mystery: Boolean(v.mystery) } };
  } catch {
    return { ok: false, error: 'The saved lab in this browser could not be read; a new lab was started.' };
  }
}

export function saveLab(storage: Pick<Storage, 'setItem'> | undefined, lab: SavedLab): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(lab));
  } catch {
    // A full or disabled storage only loses the reload feature, never the running lab.
  }
}

export function clearSavedLab(storage: Pick<Storage, 'removeItem'> | undefined): void {
  try {
    storage?.removeItem(STORAGE_KEY);
  } catch {
    // see saveLab
  }
}
