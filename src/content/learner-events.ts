/**
 * What a learner only looked at: a page opened, a file downloaded. These never change the world, so they are
 * not actions; the tutorial's looking steps are done by them. They are kept with the saved lab, cleared by
 * Reset lab, and never part of a completion code or a share link.
 */
export type LearnerEvent =
  | { at: number; kind: 'page'; path: string; params: Record<string, string> }
  | { at: number; kind: 'download'; file: string };

/** Events kept at most: a day's clicking, no more (older ones fall off; the tutorial needs only recent ones). */
export const MAX_EVENTS = 400;

export function readEvents(value: unknown): LearnerEvent[] | null {
  if (!Array.isArray(value) || value.length > MAX_EVENTS) return null;
  const out: LearnerEvent[] = [];
  for (const e of value as Array<Record<string, unknown>>) {
    if (typeof e !== 'object' || e === null || typeof e.at !== 'number' || !Number.isFinite(e.at)) return null;
    if (e.kind === 'page' && typeof e.path === 'string' && e.path.length <= 200 && typeof e.params === 'object' && e.params !== null) {
      const params = Object.entries(e.params as Record<string, unknown>);
      if (params.length > 20 || !params.every(([, v]) => typeof v === 'string' && v.length <= 200)) return null;
      out.push({ at: e.at, kind: 'page', path: e.path, params: Object.fromEntries(params) as Record<string, string> });
    } else if (e.kind === 'download' && typeof e.file === 'string' && e.file.length <= 200) out.push({ at: e.at, kind: 'download', file: e.file });
    else return null;
  }
  return out;
}

/** An event as it is reported, before the session stamps its virtual time. */
export type Look = LearnerEvent extends infer E ? (E extends LearnerEvent ? Omit<E, 'at'> : never) : never;
