/**
 * Generate CAPF Report (Device > Phone, Related Links "CAPF Report in File", Administration Guide 12.5(1)SU1
 * "View LSC Status and Generate a CAPF Report for a Phone"): a CSV file of the phones and their certificates.
 *
 * The real report's columns are in no source we found (domain.md §14.8). The lab's are chosen to answer what
 * an engineer verifying a rollout asks of each phone: which one (Device Name, Description, Device Type),
 * whether it holds an LSC and whose (LSC Status, LSC Issued By, LSC Expires, LSC Issuer Expires By), what
 * CAPF was told to do and how it went (Certificate Operation, Certificate Operation Status), and how the
 * phone authenticates to CAPF (Authentication Mode). Dates as the list shows them (MM/DD/YYYY, "NA").
 *
 * The file is UTF-8 with a byte-order mark (so spreadsheet programs read descriptions in any script),
 * records end in CRLF and fields are quoted where RFC 4180 §2 requires it. A field that a spreadsheet
 * would run as a formula (=, +, -, @ first) is written with a leading apostrophe (OWASP "CSV Injection").
 */
import type { TimeZoneRule } from '../time';
import type { PhoneRecord } from './database';
import { fieldValue } from './phone-query';

export const CAPF_REPORT_COLUMNS = [
  'Device Name',
  'Description',
  'Device Type',
  'LSC Status',
  'LSC Issued By',
  'LSC Expires',
  'LSC Issuer Expires By',
  'Certificate Operation',
  'Certificate Operation Status',
  'Authentication Mode',
] as const;

export const CAPF_REPORT_FILE_NAME = 'capf-report.csv';
export const CAPF_REPORT_MIME = 'text/csv;charset=utf-8';

const BOM = '\uFEFF';

function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function row(record: PhoneRecord, zone: TimeZoneRule): string[] {
  return [
    record.deviceName,
    record.description,
    record.deviceType,
    fieldValue(record, 'LSC Status', zone),
    fieldValue(record, 'LSC Issued By', zone),
    fieldValue(record, 'LSC Expires', zone),
    fieldValue(record, 'LSC Issuer Expires By', zone),
    record.capf.certificateOperation,
    record.capf.certificateOperationStatus,
    record.capf.authenticationMode,
  ];
}

/** The report's text: the BOM, a header line, one line per phone (in the order given). */
export function capfReportCsv(records: Iterable<PhoneRecord>, zone: TimeZoneRule): string {
  const lines = [CAPF_REPORT_COLUMNS.map(csvField).join(',')];
  for (const r of records) lines.push(row(r, zone).map(csvField).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** Read a report back (tests, the runner's checks): header and rows, without the BOM. Quoted fields allowed. */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      fields.push(field);
      rows.push(fields);
      fields = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || fields.length) {
    fields.push(field);
    rows.push(fields);
  }
  return rows;
}
