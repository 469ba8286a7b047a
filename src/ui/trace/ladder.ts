/**
 * The message trace as a ladder diagram — the picture engineers draw of a CAPF enrolment: one column per
 * host, one arrow per message in the order the network carried it, each at its virtual time with a short
 * label. Failures show as what they are on the wire: a refused SYN and the RST that answers it, a message
 * lost on the way (it ends in a cross), and the silence after it on the sender's line up to where the
 * sender gave up (its first error in the log after the loss) or tried again.
 *
 * Pure (no DOM): the page draws what `ladderOf` returns, `ladderSvg` writes the same picture as a
 * standalone SVG file, and both are tested in Node against a real world's trace.
 */
import type { LogRecord } from '../../sim/log';
import type { Packet } from '../../sim/network';
import type { Scenario } from '../../sim/scenario';
import { concernsDevice } from './device';

export { concernsDevice };

export interface LadderColumn {
  host: string;
  /** What the host is, as the scenario says it: "CUCM publisher", "Cisco IP Phone CP-8845" … */
  role: string;
  ip: string;
  x: number;
}

export type LadderFailure = 'dropped' | 'refused' | 'unreachable' | 'reset';

export interface LadderMessage {
  kind: 'message';
  packet: Packet;
  from: number;
  to: number;
  /** Short label as drawn, and the whole summary. */
  label: string;
  full: string;
  failure?: LadderFailure;
  y: number;
}

export interface LadderGap {
  kind: 'gap';
  ms: number;
  y: number;
}

/** Where a sender that heard nothing back gave up: its first error in the log after the lost message. */
export interface LadderTimeout {
  kind: 'timeout';
  column: number;
  time: number;
  /** The log line's text (as the product wrote it). */
  text: string;
  /** Virtual ms from the lost message to here. */
  after: number;
  /** The lost message. */
  lost: number;
  y: number;
}

export type LadderRow = LadderMessage | LadderGap | LadderTimeout;

/** A stretch of the sender's line with no answer after a lost message. */
export interface LadderSilence {
  column: number;
  /** Message number lost, and how the silence ended. */
  lost: number;
  from: number;
  /** y of the row it ends on (a timeout, the next try, or the last row: still silent). */
  to: number;
  ended: 'gave-up' | 'retried' | 'still-silent';
  ms: number;
}

export interface Ladder {
  columns: LadderColumn[];
  rows: LadderRow[];
  silences: LadderSilence[];
  width: number;
  height: number;
}

export const LADDER = {
  columnWidth: 190,
  margin: 110,
  header: 46,
  row: 26,
  gapRow: 22,
  timeoutRow: 24,
  labelCharWidth: 6.4,
  /** A pause this long between two messages gets a row of its own saying how long it was. */
  gapMs: 1000,
} as const;

/** Every host of the scenario in a reading order: the phones, then what stands between them and CUCM, then CUCM. */
export function hostsOf(s: Scenario): Array<{ host: string; role: string; ip: string }> {
  return [
    ...s.phones.map((p) => ({ host: p.deviceName, role: `Cisco IP Phone ${p.model}`, ip: p.ip })),
    ...(s.dot1x ? [{ host: s.dot1x.switch.host, role: 'Access switch (802.1X)', ip: s.dot1x.switch.ip }] : []),
    { host: s.dns.host, role: 'DNS server', ip: s.dns.ip },
    ...s.nodes.map((n) => ({ host: n.name, role: n.role === 'publisher' ? 'CUCM publisher' : 'CUCM subscriber', ip: n.ip })),
    ...(s.dot1x ? [{ host: s.dot1x.radius.host, role: 'RADIUS server (Cisco ISE)', ip: s.dot1x.radius.ip }] : []),
  ];
}

/** "CAPF AUTH_REQUEST", "DNS Standard query A PUB11.brianw2.lab": the protocol and its summary, ids left out. */
export function shortLabel(p: Packet): string {
  const summary = p.summary
    .split(' ')
    .filter((w) => !/^0x[0-9a-f]+$/i.test(w))
    .join(' ');
  return summary.startsWith(p.protocol) ? summary : `${p.protocol} ${summary}`;
}

function clip(text: string, chars: number): string {
  if (chars < 4) return '';
  return text.length <= chars ? text : `${text.slice(0, chars - 1)}…`;
}

function failureOf(p: Packet): LadderFailure | undefined {
  if (p.outcome === 'dropped') return 'dropped';
  if (p.outcome === 'refused') return 'refused';
  if (p.outcome === 'unreachable') return 'unreachable';
  // The network writes TCP flags in Wireshark's form, "[RST, ACK]".
  if (p.protocol === 'TCP' && /\[RST\b/.test(p.summary)) return 'reset';
  return undefined;
}

export interface LadderInput {
  scenario: Scenario;
  /** The messages to draw, in trace order (already filtered by protocol, host, device). */
  packets: readonly Packet[];
  /** Every message of the trace (a retry the filter hides still ends a silence). */
  allPackets: readonly Packet[];
  log: readonly LogRecord[];
  /** Hosts left out of the picture. */
  hiddenHosts?: ReadonlySet<string>;
  /** Virtual now: a silence with no end yet lasts until now. */
  now: number;
}

/** Index of the first record at or after `time` (records are kept in time order). */
function firstAt(log: readonly LogRecord[], time: number): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (log[mid].time < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first error the sender logged after a lost message and before it sent to that host again. */
function giveUp(lost: Packet, all: readonly Packet[], log: readonly LogRecord[]): { record?: LogRecord; retry?: Packet } {
  // Packet numbers are trace positions (no = index + 1); search from there, not from the start.
  const start = all[lost.no - 1] === lost ? lost.no - 1 : all.indexOf(lost);
  let retry: Packet | undefined;
  for (let i = start + 1; i < all.length; i++) {
    if (all[i].from.host === lost.from.host && all[i].to.host === lost.to.host) {
      retry = all[i];
      break;
    }
  }
  const until = retry?.time ?? Number.POSITIVE_INFINITY;
  for (let i = firstAt(log, lost.time); i < log.length && log[i].time <= until; i++) {
    const r = log[i];
    if (r.host === lost.from.host && (r.level === 'error' || r.level === 'critical')) return { record: r, retry };
  }
  return { retry };
}

export function ladderOf(input: LadderInput): Ladder {
  const hidden = input.hiddenHosts ?? new Set<string>();
  const known = hostsOf(input.scenario);
  const names = new Set(known.map((h) => h.host));
  // Hosts the trace names that the scenario does not list (a removed phone) still get a column.
  for (const p of input.packets) {
    for (const end of [p.from, p.to]) {
      if (names.has(end.host)) continue;
      names.add(end.host);
      known.push({ host: end.host, role: '', ip: end.ip });
    }
  }
  const columns: LadderColumn[] = known.filter((h) => !hidden.has(h.host)).map((h, i) => ({ ...h, x: LADDER.margin + i * LADDER.columnWidth + LADDER.columnWidth / 2 }));
  const index = new Map(columns.map((c, i) => [c.host, i]));
  const rows: LadderRow[] = [];
  const silences: LadderSilence[] = [];
  const pendingTimeouts: Array<Omit<LadderTimeout, 'y'>> = [];
  const openSilences: Array<{ lost: Packet; column: number; fromY: number; timeout?: Omit<LadderTimeout, 'y'>; retry?: Packet }> = [];
  let y = LADDER.header;
  let lastTime: number | undefined;

  const flushTimeouts = (before: number) => {
    pendingTimeouts.sort((a, b) => a.time - b.time);
    while (pendingTimeouts.length && pendingTimeouts[0].time <= before) {
      const t = pendingTimeouts.shift()!;
      addGap(t.time);
      rows.push({ ...t, y });
      const open = openSilences.find((s) => s.timeout === t);
      if (open) {
        silences.push({ column: open.column, lost: open.lost.no, from: open.fromY, to: y + LADDER.timeoutRow / 2, ended: 'gave-up', ms: t.after });
        openSilences.splice(openSilences.indexOf(open), 1);
      }
      y += LADDER.timeoutRow;
    }
  };
  const addGap = (time: number) => {
    if (lastTime !== undefined && time - lastTime >= LADDER.gapMs) {
      rows.push({ kind: 'gap', ms: time - lastTime, y });
      y += LADDER.gapRow;
    }
    lastTime = time;
  };

  for (const p of input.packets) {
    const from = index.get(p.from.host);
    const to = index.get(p.to.host);
    if (from === undefined || to === undefined) continue;
    flushTimeouts(p.time);
    // A retry ends the silence of the message it repeats (when the sender did not log an error first).
    for (const open of [...openSilences]) {
      if (!open.timeout && open.retry === p) {
        silences.push({ column: open.column, lost: open.lost.no, from: open.fromY, to: y + LADDER.row / 2, ended: 'retried', ms: p.time - open.lost.time });
        openSilences.splice(openSilences.indexOf(open), 1);
      }
    }
    addGap(p.time);
    const span = Math.max(1, Math.abs(to - from));
    const label = shortLabel(p);
    const failure = failureOf(p);
    rows.push({ kind: 'message', packet: p, from, to, label: clip(label, Math.floor((span * LADDER.columnWidth - 16) / LADDER.labelCharWidth)), full: label, failure, y });
    if (failure === 'dropped') {
      const { record, retry } = giveUp(p, input.allPackets, input.log);
      const timeout = record ? { kind: 'timeout' as const, column: from, time: record.time, text: record.text, after: record.time - p.time, lost: p.no } : undefined;
      if (timeout) pendingTimeouts.push(timeout);
      openSilences.push({ lost: p, column: from, fromY: y + LADDER.row / 2, timeout, retry });
    }
    y += LADDER.row;
  }
  flushTimeouts(Number.POSITIVE_INFINITY);
  for (const open of openSilences) {
    silences.push({ column: open.column, lost: open.lost.no, from: open.fromY, to: y + LADDER.row - 4, ended: open.retry ? 'retried' : 'still-silent', ms: (open.retry?.time ?? input.now) - open.lost.time });
  }
  return { columns, rows, silences, width: 2 * LADDER.margin + Math.max(1, columns.length) * LADDER.columnWidth - LADDER.margin, height: y + LADDER.row };
}

/** The rows whose band overlaps [top, bottom] (virtualised drawing: only what is on screen is drawn). */
export function visibleRows(rows: readonly LadderRow[], top: number, bottom: number): LadderRow[] {
  // Rows are sorted by y: binary search for the first one that ends below `top`.
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid].y + LADDER.row < top) lo = mid + 1;
    else hi = mid;
  }
  const out: LadderRow[] = [];
  for (let i = lo; i < rows.length && rows[i].y <= bottom; i++) out.push(rows[i]);
  return out;
}

/** Seconds as the ladder writes them: "0.25 s", "10.0 s", "2 min 5 s". */
export function duration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const m = Math.floor(ms / 60_000);
  const s = Math.round((ms % 60_000) / 1000);
  return s ? `${m} min ${s} s` : `${m} min`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface LadderTexts {
  title: string;
  /** "no answer: gave up after {after}" etc., already formatted per silence. */
  silence: (s: LadderSilence) => string;
  gap: (ms: number) => string;
  time: (at: { time: number }) => string;
}

/** The whole ladder as a standalone SVG file (every row, styles inline), for the export button. */
export function ladderSvg(ladder: Ladder, texts: LadderTexts): string {
  const out: string[] = [];
  const { width, height } = ladder;
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, Helvetica, sans-serif" font-size="11">`);
  out.push(`<title>${esc(texts.title)}</title>`);
  out.push('<defs><marker id="a" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#1f1f1f"/></marker>');
  out.push('<marker id="f" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#a10000"/></marker></defs>');
  out.push(`<rect width="${width}" height="${height}" fill="#fff"/>`);
  for (const c of ladder.columns) {
    out.push(`<text x="${c.x}" y="18" text-anchor="middle" font-weight="bold" font-size="12">${esc(c.host)}</text>`);
    out.push(`<text x="${c.x}" y="34" text-anchor="middle" fill="#444">${esc(c.role || c.ip)}</text>`);
    out.push(`<line x1="${c.x}" y1="${LADDER.header - 6}" x2="${c.x}" y2="${height}" stroke="#9aa5b1" stroke-width="1.5"/>`);
  }
  for (const s of ladder.silences) {
    const x = ladder.columns[s.column].x;
    out.push(`<line x1="${x - 6}" y1="${s.from}" x2="${x - 6}" y2="${s.to}" stroke="#a10000" stroke-width="2" stroke-dasharray="4 3"/>`);
    out.push(`<text x="${x + 8}" y="${(s.from + s.to) / 2 + 4}" fill="#a10000">${esc(texts.silence(s))}</text>`);
  }
  for (const r of ladder.rows) out.push(rowSvg(ladder, r, texts));
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** One row's geometry, shared by the page and the export. */
export function arrowGeometry(ladder: Ladder, r: LadderMessage): { x1: number; x2: number; y: number; end: number; cross?: { x: number; y: number } } {
  const x1 = ladder.columns[r.from].x;
  const x2 = ladder.columns[r.to].x;
  const y = r.y + LADDER.row - 7;
  if (r.from === r.to) return { x1, x2: x1 + 30, y, end: x1 + 30 };
  const dir = Math.sign(x2 - x1);
  if (r.failure === 'dropped') {
    // Lost on the way: the arrow stops two thirds across, with a cross where it vanished.
    const end = x1 + (x2 - x1) * 0.66;
    return { x1, x2, y, end, cross: { x: end, y } };
  }
  return { x1, x2, y, end: x2 - dir * 2 };
}

function rowSvg(ladder: Ladder, r: LadderRow, texts: LadderTexts): string {
  if (r.kind === 'gap') return `<text x="8" y="${r.y + 15}" fill="#555" font-style="italic">${esc(texts.gap(r.ms))}</text>`;
  if (r.kind === 'timeout') {
    const x = ladder.columns[r.column].x;
    return `<text x="8" y="${r.y + 16}" fill="#555">${esc(texts.time(r))}</text><circle cx="${x}" cy="${r.y + 12}" r="6" fill="#fff" stroke="#a10000" stroke-width="2"/><text x="${x + 10}" y="${r.y + 16}" fill="#a10000">${esc(r.text)}</text>`;
  }
  const g = arrowGeometry(ladder, r);
  const bad = r.failure !== undefined;
  const colour = bad ? '#a10000' : '#1f1f1f';
  const mid = (g.x1 + (g.cross ? g.end : g.x2)) / 2;
  const parts = [`<text x="8" y="${g.y + 4}" fill="#555">${esc(texts.time(r.packet))}</text>`];
  parts.push(`<line x1="${g.x1}" y1="${g.y}" x2="${g.end}" y2="${g.y}" stroke="${colour}" stroke-width="${bad ? 2 : 1.3}"${r.failure === 'dropped' ? ' stroke-dasharray="5 3"' : ''}${g.cross ? '' : ` marker-end="url(#${bad ? 'f' : 'a'})"`}/>`);
  if (g.cross) parts.push(`<path d="M${g.cross.x - 5},${g.y - 5} L${g.cross.x + 5},${g.y + 5} M${g.cross.x - 5},${g.y + 5} L${g.cross.x + 5},${g.y - 5}" stroke="#a10000" stroke-width="2.5"/>`);
  parts.push(`<text x="${mid}" y="${g.y - 4}" text-anchor="middle" fill="${colour}">${esc(r.label)}</text>`);
  return parts.join('');
}
