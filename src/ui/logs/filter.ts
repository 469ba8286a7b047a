/**
 * Which log records the Logs pane shows: by source (the file an engineer would collect), minimum level,
 * host and a case-insensitive search in the line as printed. Pure functions over the LogBook's records, so
 * the filter is tested without a page and stays fast on long runs (20 000 records filter in milliseconds).
 */
import type { LogLevel, LogRecord, LogSource } from '../../sim/log';

export const SOURCES: ReadonlyArray<{ id: LogSource; label: string; file: string }> = [
  { id: 'phone-status', label: 'Phone status messages', file: 'phone-status.txt' },
  { id: 'phone-console', label: 'Phone console log', file: 'phone-console.txt' },
  { id: 'capf-trace', label: 'CAPF trace', file: 'capf-trace.txt' },
  { id: 'tftp-trace', label: 'TFTP trace', file: 'tftp-trace.txt' },
  { id: 'tvs-trace', label: 'TVS trace', file: 'tvs-trace.txt' },
  { id: 'cli', label: 'Admin CLI', file: 'cli.txt' },
  // Only the 802.1X scenario has a policy server (the Logs page shows this source there).
  { id: 'radius', label: 'RADIUS live log (ISE)', file: 'radius.txt' },
];

export const LEVELS: readonly LogLevel[] = ['debug', 'info', 'notice', 'warning', 'error', 'critical'];

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, notice: 2, warning: 3, error: 4, critical: 5 };

export interface LogFilter {
  sources: ReadonlySet<LogSource>;
  /** Show this level and above; `undefined` shows every level. */
  minLevel?: LogLevel;
  /** One host (node or device name); `undefined` shows every host. */
  host?: string;
  /** Case-insensitive text in the printed line. */
  search?: string;
}

const lowered = new WeakMap<LogRecord, string>();

function lowerLine(r: LogRecord): string {
  let l = lowered.get(r);
  if (l === undefined) {
    l = r.line.toLowerCase();
    lowered.set(r, l);
  }
  return l;
}

export function filterRecords(records: readonly LogRecord[], f: LogFilter): LogRecord[] {
  const min = f.minLevel === undefined ? -1 : RANK[f.minLevel];
  const q = f.search?.trim().toLowerCase() ?? '';
  const out: LogRecord[] = [];
  for (const r of records) {
    if (!f.sources.has(r.source)) continue;
    if (RANK[r.level] < min) continue;
    if (f.host !== undefined && r.host !== f.host) continue;
    if (q && !lowerLine(r).includes(q)) continue;
    out.push(r);
  }
  return out;
}

/** The download of what the pane shows: the lines as printed, one per line. */
export function logText(records: readonly LogRecord[]): string {
  return records.length ? `${records.map((r) => r.line).join('\n')}\n` : '';
}

/** File name for a download: the runner's per-source name when one source is shown, else "logs.txt". */
export function logFileName(sources: ReadonlySet<LogSource>): string {
  if (sources.size === 1) {
    const [only] = sources;
    return SOURCES.find((s) => s.id === only)?.file ?? 'logs.txt';
  }
  return 'logs.txt';
}

export function sourceLabel(id: LogSource): string {
  return SOURCES.find((s) => s.id === id)?.label ?? id;
}
