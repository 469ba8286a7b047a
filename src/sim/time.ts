/**
 * Wall-clock rendering of virtual time, in the lab's time zone and in each real product's format.
 * The zone is computed here (not with the host's Intl data) so a run prints the same on every machine.
 *
 * Formats, with their sources (domain.md):
 * - CUCM certificate details, Java `Date.toString()`: "Mon Nov 21 15:49:43 EST 2016" (§3, seed)
 * - phone status messages: "[14:05:42 03/15/21]" (§9.3, seed)
 * - phone console log: "Mar 12 15:07:53.686410" (§9.4, seed)
 * - CUCM SDI traces (CAPF, TFTP): "15:07:53.686" (our reading of SDI trace lines)
 * - CUCM Certificate List expiration column: "11/20/2021" (§3, seed)
 * - "Operation Completes By (YYYY:MM:DD:HH)": "2021:03:16:13" (§2.1, seed)
 */

export interface TimeZoneRule {
  /** Offset from UTC in minutes outside daylight saving time (EST: -300). */
  standardOffset: number;
  standardName: string;
  daylightName?: string;
  /** US rule since 2007: +60 min from the second Sunday of March 02:00 to the first Sunday of November 02:00. */
  usDaylightSaving: boolean;
}

/** The seed lab runs in Boxborough, MA (the certificates' L/ST), so CUCM prints EST/EDT. */
export const US_EASTERN: TimeZoneRule = { standardOffset: -300, standardName: 'EST', daylightName: 'EDT', usDaylightSaving: true };
export const UTC: TimeZoneRule = { standardOffset: 0, standardName: 'UTC', usDaylightSaving: false };

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** UTC epoch ms of the n-th Sunday (1-based) of a month at 02:00 local standard time. */
function nthSundayAt2(year: number, month: number, n: number, offsetMin: number): number {
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
  const day = 1 + ((7 - first) % 7) + (n - 1) * 7;
  return Date.UTC(year, month, day, 2, 0) - offsetMin * 60000;
}

/** US daylight-saving period of one year, [start, end) in UTC epoch ms; every log line asks, so it is kept. */
const daylightPeriods = new Map<string, readonly [number, number]>();

function daylightPeriod(year: number, standardOffset: number): readonly [number, number] {
  const key = `${year}/${standardOffset}`;
  let period = daylightPeriods.get(key);
  if (!period) {
    // The change back happens at 02:00 daylight time, i.e. 01:00 standard time.
    period = [nthSundayAt2(year, 2, 2, standardOffset), nthSundayAt2(year, 10, 1, standardOffset) - 3600000];
    daylightPeriods.set(key, period);
  }
  return period;
}

function isDaylight(epochMs: number, zone: TimeZoneRule): boolean {
  if (!zone.usDaylightSaving) return false;
  const [start, end] = daylightPeriod(new Date(epochMs + zone.standardOffset * 60000).getUTCFullYear(), zone.standardOffset);
  return epochMs >= start && epochMs < end;
}

/** Broken-down local time. */
export interface LocalTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
  zoneName: string;
  offsetMinutes: number;
}

export function toLocal(epochMs: number, zone: TimeZoneRule): LocalTime {
  const dst = isDaylight(epochMs, zone);
  const offset = zone.standardOffset + (dst ? 60 : 0);
  const d = new Date(epochMs + offset * 60000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
    zoneName: dst ? (zone.daylightName ?? zone.standardName) : zone.standardName,
    offsetMinutes: offset,
  };
}

/**
 * Local wall time → epoch ms. A time inside the spring-forward gap is read as standard time; in the
 * autumn overlap the first (daylight) instant wins, as java.util.Calendar does.
 */
export function fromLocal(
  parts: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number },
  zone: TimeZoneRule,
): number {
  const naive = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  const asDaylight = naive - (zone.standardOffset + 60) * 60000;
  if (zone.usDaylightSaving && isDaylight(asDaylight, zone)) return asDaylight;
  return naive - zone.standardOffset * 60000;
}

/** "Mon Nov 21 15:49:43 EST 2016" */
export function javaDateString(epochMs: number, zone: TimeZoneRule): string {
  const t = toLocal(epochMs, zone);
  return `${DAYS[t.weekday]} ${MONTHS[t.month - 1]} ${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)} ${t.zoneName} ${t.year}`;
}

/** "[14:05:42 03/15/21]" */
export function phoneStatusStamp(epochMs: number, zone: TimeZoneRule): string {
  const t = toLocal(epochMs, zone);
  return `[${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)} ${pad(t.month)}/${pad(t.day)}/${pad(t.year % 100)}]`;
}

/** "Mar 12 15:07:53.686410" — the console prints microseconds; `micros` is the sub-millisecond part. */
export function phoneConsoleStamp(epochMs: number, zone: TimeZoneRule, micros = 0): string {
  const t = toLocal(epochMs, zone);
  return `${MONTHS[t.month - 1]} ${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}.${pad(t.millisecond, 3)}${pad(micros, 3)}`;
}

/**
 * "00:01:31.935298" — a 79xx console stamp: no date (TAC 200860 shows `3469 NOT 00:01:31.935298 SECD: …`).
 * We read it as the time since the phone booted (it is 00:01 in the quoted line, a minute and a half after a
 * boot); no source says so.
 */
export function uptimeStamp(elapsedMs: number, micros = 0): string {
  const ms = Math.max(0, Math.floor(elapsedMs));
  const h = Math.floor(ms / 3600000) % 100;
  return `${pad(h)}:${pad(Math.floor(ms / 60000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}${pad(micros, 3)}`;
}

/** "15:07:53.686" */
export function sdiStamp(epochMs: number, zone: TimeZoneRule): string {
  const t = toLocal(epochMs, zone);
  return `${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}.${pad(t.millisecond, 3)}`;
}

/** "11/20/2021" */
export function usDate(epochMs: number, zone: TimeZoneRule): string {
  const t = toLocal(epochMs, zone);
  return `${pad(t.month)}/${pad(t.day)}/${t.year}`;
}

/** "2021:03:16:13" — the Operation Completes By (YYYY:MM:DD:HH) value. */
export function operationCompletesByString(epochMs: number, zone: TimeZoneRule): string {
  const t = toLocal(epochMs, zone);
  return `${t.year}:${pad(t.month)}:${pad(t.day)}:${pad(t.hour)}`;
}

/** A valid "YYYY:MM:DD:HH" (a real calendar date and hour) → epoch ms of that local hour; otherwise an error. */
export function parseOperationCompletesBy(
  text: string,
  zone: TimeZoneRule,
): { ok: true; value: number } | { ok: false; error: string } {
  const m = /^\s*(\d{4}):(\d{1,2}):(\d{1,2}):(\d{1,2})\s*$/.exec(text ?? '');
  if (!m) return { ok: false, error: 'Operation Completes By must be entered as YYYY:MM:DD:HH.' };
  const [year, month, day, hour] = m.slice(1).map(Number);
  if (month < 1 || month > 12) return { ok: false, error: `Operation Completes By: there is no month ${month}.` };
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) {
    return { ok: false, error: `Operation Completes By: ${MONTHS[month - 1]} ${year} has no day ${day}.` };
  }
  if (hour > 23) return { ok: false, error: `Operation Completes By: the hour must be 00–23, not ${hour}.` };
  return { ok: true, value: fromLocal({ year, month, day, hour }, zone) };
}

/** "Wed Mar 17 09:00:00 EDT 2021" is how the CLI's "last modified" lines read; same as Java. */
export const cliDateString = javaDateString;
