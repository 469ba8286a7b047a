/** How many phones a fleet may have (issue 13), on its own so the page checks it without loading fleet.ts. */

/** The largest fleet the lab builds (issue 13: 1 to 1,000 phones). */
export const MAX_FLEET_PHONES = 1000;

export type FleetCountCheck = { ok: true; value: number } | { ok: false; error: string };

/** `--phones N` and the scenario chooser: a whole number from 1 to 1,000. */
export function checkFleetSize(text: string | number): FleetCountCheck {
  const s = String(text).trim();
  if (!/^\d+$/.test(s)) return { ok: false, error: `the number of phones must be a whole number from 1 to ${MAX_FLEET_PHONES}, not "${s}"` };
  const n = Number(s);
  if (n < 1 || n > MAX_FLEET_PHONES) return { ok: false, error: `the number of phones must be from 1 to ${MAX_FLEET_PHONES}, not ${n}` };
  return { ok: true, value: n };
}

