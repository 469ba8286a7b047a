/**
 * "Find Phone where [field] [condition] [value]" — the search of Device > Phone (Find and List Phones) and of
 * Bulk Administration > Phones > Update Phones > Query (domain.md §2.7, §14.8). Fields and operators are
 * CUCM's: the Administration Guide 12.5(1)SU1 ("View LSC Status and Generate a CAPF Report for a Phone")
 * offers "LSC Expires", "LSC Issued By", "LSC Issuer Expires By" with "is before", "is exactly", "is after",
 * "begins with", "contains", "ends with", "is empty", "is not empty"; the BAT Guide adds "LSC Status" and
 * "Authentication String", combinable with "Search Within Results" (AND/OR). Which operator goes with which
 * field is not written down: the lab offers the date comparisons for the two date fields and the text ones
 * for the rest. A date is a day in the lab's time zone, entered as MM/DD/YYYY (how CUCM's US pages write
 * dates, e.g. the certificate list's "Expiration") or YYYY-MM-DD. Expiry fields read "NA" for a phone with
 * no LSC (BAT Guide).
 *
 * Pure: the pages, the Bulk Provisioning Service and the runner all search the same way.
 */
import { fromLocal, usDate, type TimeZoneRule } from '../time';
import type { ClusterDatabase, PhoneRecord } from './database';

export const TEXT_OPERATORS = ['begins with', 'contains', 'ends with', 'is exactly', 'is empty', 'is not empty'] as const;
export const DATE_OPERATORS = ['is before', 'is exactly', 'is after', 'is empty', 'is not empty'] as const;
export type PhoneQueryOperator = (typeof TEXT_OPERATORS)[number] | (typeof DATE_OPERATORS)[number];

export const PHONE_QUERY_FIELDS = [
  'Device Name',
  'Description',
  'Device Pool',
  'Device Type',
  'Device Protocol',
  'Security Profile',
  'LSC Status',
  'LSC Expires',
  'LSC Issued By',
  'LSC Issuer Expires By',
  'Authentication String',
] as const;
export type PhoneQueryField = (typeof PHONE_QUERY_FIELDS)[number];

/** The values the LSC Status search offers. */
export const LSC_STATUSES = ['Installed', 'Not Installed'] as const;

const DATE_FIELDS: ReadonlySet<PhoneQueryField> = new Set(['LSC Expires', 'LSC Issuer Expires By']);

export const isDateField = (field: PhoneQueryField): boolean => DATE_FIELDS.has(field);
export const operatorsFor = (field: PhoneQueryField): readonly PhoneQueryOperator[] =>
  field === 'LSC Status' ? ['is exactly'] : isDateField(field) ? DATE_OPERATORS : TEXT_OPERATORS;
export const needsValue = (operator: PhoneQueryOperator): boolean => operator !== 'is empty' && operator !== 'is not empty';

export interface PhoneCriterion {
  field: PhoneQueryField;
  operator: PhoneQueryOperator;
  value: string;
}

/** Criteria joined by "Search Within Results": AND narrows, OR widens (the first criterion's join is ignored). */
export interface PhoneQuery {
  criteria: Array<PhoneCriterion & { join?: 'AND' | 'OR' }>;
}

/** The shown value of a date field: MM/DD/YYYY, or "NA" without an LSC. */
export function lscDate(epochMs: number | undefined, zone: TimeZoneRule): string {
  return epochMs === undefined ? 'NA' : usDate(epochMs, zone);
}

/** The text a field shows for a phone. */
export function fieldValue(record: PhoneRecord, field: PhoneQueryField, zone: TimeZoneRule): string {
  switch (field) {
    case 'Device Name':
      return record.deviceName;
    case 'Description':
      return record.description;
    case 'Device Pool':
      return record.devicePool;
    case 'Device Type':
      return record.deviceType;
    case 'Device Protocol':
      return 'SIP';
    case 'Security Profile':
      return record.securityProfile;
    case 'LSC Status':
      return record.lsc.status;
    case 'LSC Expires':
      return lscDate(record.lsc.status === 'Installed' ? record.lsc.expires : undefined, zone);
    case 'LSC Issued By':
      return record.lsc.status === 'Installed' ? (record.lsc.issuedBy ?? '') : '';
    case 'LSC Issuer Expires By':
      return lscDate(record.lsc.status === 'Installed' ? record.lsc.issuerExpires : undefined, zone);
    case 'Authentication String':
      return record.capf.authenticationString;
  }
}

/** A day entered as MM/DD/YYYY or YYYY-MM-DD: [start, end) of that local day, or why not. */
export function parseQueryDate(text: string, zone: TimeZoneRule): { ok: true; value: [number, number] } | { ok: false; error: string } {
  const t = text.trim();
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const parts = us ? { year: +us[3], month: +us[1], day: +us[2] } : iso ? { year: +iso[1], month: +iso[2], day: +iso[3] } : undefined;
  if (!parts) return { ok: false, error: `"${t}" is not a date: enter it as MM/DD/YYYY.` };
  const days = parts.month >= 1 && parts.month <= 12 ? new Date(Date.UTC(parts.year, parts.month, 0)).getUTCDate() : 0;
  if (parts.day < 1 || parts.day > days) return { ok: false, error: `"${t}" is not a date: enter it as MM/DD/YYYY.` };
  const start = fromLocal(parts, zone);
  const next = new Date(Date.UTC(parts.year, parts.month - 1, parts.day + 1));
  const end = fromLocal({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() }, zone);
  return { ok: true, value: [start, end] };
}

/** Check a criterion as the page does before searching: a known field, its operator, a value where needed. */
export function checkCriterion(c: PhoneCriterion, zone: TimeZoneRule): { ok: true } | { ok: false; error: string } {
  if (!c || !PHONE_QUERY_FIELDS.includes(c.field)) return { ok: false, error: `Find Phone where: "${c?.field}" is not a field to search by.` };
  if (!operatorsFor(c.field).includes(c.operator)) return { ok: false, error: `${c.field}: "${c.operator}" is not a condition for this field.` };
  if (c.field === 'LSC Status' && !(LSC_STATUSES as readonly string[]).includes(c.value)) return { ok: false, error: `LSC Status: "${c.value}" is not a status.` };
  if (isDateField(c.field) && needsValue(c.operator)) {
    const d = parseQueryDate(c.value ?? '', zone);
    if (!d.ok) return { ok: false, error: `${c.field}: ${d.error}` };
  }
  if (typeof c.value !== 'string') return { ok: false, error: `${c.field}: the search text is missing.` };
  return { ok: true };
}

export function checkQuery(q: PhoneQuery, zone: TimeZoneRule): { ok: true } | { ok: false; error: string } {
  if (!q || !Array.isArray(q.criteria) || q.criteria.length === 0) return { ok: false, error: 'The query has no search criteria.' };
  for (const c of q.criteria) {
    const checked = checkCriterion(c, zone);
    if (!checked.ok) return checked;
    if (c.join !== undefined && c.join !== 'AND' && c.join !== 'OR') return { ok: false, error: `Search Within Results: "${c.join}" is neither AND nor OR.` };
  }
  return { ok: true };
}

/** Does one phone match one criterion? Text matching ignores case, as CUCM's search does. */
export function matchesCriterion(record: PhoneRecord, c: PhoneCriterion, zone: TimeZoneRule): boolean {
  if (isDateField(c.field)) {
    const at = c.field === 'LSC Expires' ? record.lsc.expires : record.lsc.issuerExpires;
    const present = record.lsc.status === 'Installed' && at !== undefined;
    if (c.operator === 'is empty') return !present;
    if (c.operator === 'is not empty') return present;
    const day = parseQueryDate(c.value, zone);
    if (!present || !day.ok) return false;
    const [start, end] = day.value;
    if (c.operator === 'is before') return at! < start;
    if (c.operator === 'is after') return at! >= end;
    return at! >= start && at! < end;
  }
  const v = fieldValue(record, c.field, zone).toLowerCase();
  const t = (c.value ?? '').trim().toLowerCase();
  switch (c.operator) {
    case 'begins with':
      return v.startsWith(t);
    case 'contains':
      return v.includes(t);
    case 'ends with':
      return v.endsWith(t);
    case 'is exactly':
      return v === t;
    case 'is empty':
      return v === '';
    case 'is not empty':
      return v !== '';
    default:
      return false;
  }
}

export function matchesQuery(record: PhoneRecord, q: PhoneQuery, zone: TimeZoneRule): boolean {
  let result = false;
  q.criteria.forEach((c, i) => {
    const m = matchesCriterion(record, c, zone);
    result = i === 0 ? m : c.join === 'OR' ? result || m : result && m;
  });
  return result;
}

/** Every phone the query finds, by device name (the list's order). */
export function findPhones(db: Pick<ClusterDatabase, 'phones'>, q: PhoneQuery, zone: TimeZoneRule): PhoneRecord[] {
  const found: PhoneRecord[] = [];
  for (const r of db.phones.values()) if (matchesQuery(r, q, zone)) found.push(r);
  return found.sort((a, b) => (a.deviceName < b.deviceName ? -1 : a.deviceName > b.deviceName ? 1 : 0));
}

/** "Rows per Page" of CUCM's list pages (our recollection of the drop-down). */
export const ROWS_PER_PAGE = [25, 50, 100, 150, 200, 250] as const;

export interface ListPage<T> {
  rows: T[];
  /** 1-based page shown, and how many there are (at least 1). */
  page: number;
  pages: number;
  /** "Phone (first - last of total)" */
  first: number;
  last: number;
  total: number;
}

/** One page of a list; a page beyond the end shows the last one. */
export function pageOf<T>(all: readonly T[], page: number, perPage: number): ListPage<T> {
  const pages = Math.max(1, Math.ceil(all.length / perPage));
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const from = (p - 1) * perPage;
  const rows = all.slice(from, from + perPage);
  return { rows, page: p, pages, first: rows.length ? from + 1 : 0, last: from + rows.length, total: all.length };
}
