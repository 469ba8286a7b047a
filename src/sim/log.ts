/**
 * Log records: what each real component writes, kept as structured records with their line already
 * rendered in the real format (domain.md §9), so the UI can filter by source and level and a download
 * is the text an engineer would collect from the real system.
 */
import { phoneConsoleStamp, phoneStatusStamp, sdiStamp, uptimeStamp, type TimeZoneRule } from './time';

export type LogSource =
  | 'phone-status' // the phone's Status Messages screen
  | 'phone-console' // the phone's console log (dnsmasq, SECUREAPP, JAVA-configmgr …)
  | 'capf-trace' // CUCM CAPF SDI trace (/var/log/active/cm/trace/capf/sdi)
  | 'tftp-trace' // CUCM TFTP SDI trace
  | 'tvs-trace' // CUCM TVS SDI trace
  | 'cli' // admin CLI sessions (/var/log/active/platform/log/cli*.log)
  | 'radius'; // the 802.1X policy server's live log (ISE), where a scenario has one

/** Phone console levels as the firmware prints them (§9.4). */
export type ConsoleLevel = 'DEB' | 'INF' | 'NOT' | 'WRN' | 'ERR' | 'CRT';
export type LogLevel = 'debug' | 'info' | 'notice' | 'warning' | 'error' | 'critical';

export const CONSOLE_LEVELS: Record<ConsoleLevel, LogLevel> = {
  DEB: 'debug',
  INF: 'info',
  NOT: 'notice',
  WRN: 'warning',
  ERR: 'error',
  CRT: 'critical',
};

export interface LogRecord {
  readonly seq: number;
  /** Virtual epoch ms. */
  readonly time: number;
  readonly source: LogSource;
  /** The host that wrote it: a node name or a phone's device name. */
  readonly host: string;
  readonly level: LogLevel;
  /** The message without its timestamp prefix. */
  readonly text: string;
  /** The line exactly as the real system prints it. */
  readonly line: string;
}

export interface LogEntry {
  source: LogSource;
  host: string;
  level: LogLevel;
  text: string;
  /** The rendered line, or how to render it (a busy lab writes far more lines than anyone reads). */
  line: string | (() => string);
  time?: number;
}

/** A record whose line is rendered the first time someone reads it, then kept. */
class RenderedOnRead implements LogRecord {
  #line: string | (() => string);
  constructor(
    readonly seq: number,
    readonly time: number,
    readonly source: LogSource,
    readonly host: string,
    readonly level: LogLevel,
    readonly text: string,
    line: string | (() => string),
  ) {
    this.#line = line;
  }
  get line(): string {
    if (typeof this.#line === 'function') this.#line = this.#line();
    return this.#line;
  }
  toJSON() {
    const { seq, time, source, host, level, text, line } = this;
    return { seq, time, source, host, level, text, line };
  }
}

export type LogListener = (record: LogRecord) => void;

export class LogBook {
  readonly records: LogRecord[] = [];
  #listeners = new Set<LogListener>();
  #seq = 0;

  constructor(
    readonly now: () => number,
    readonly zone: TimeZoneRule,
  ) {}

  subscribe(listener: LogListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  append(entry: LogEntry): LogRecord {
    const record = new RenderedOnRead(this.#seq++, entry.time ?? this.now(), entry.source, entry.host, entry.level, entry.text, entry.line);
    this.records.push(record);
    for (const l of this.#listeners) l(record);
    return record;
  }

  /** "[14:05:42 03/15/21] DNS unknown IPv4 host PUB11.brianw2.lab" */
  phoneStatus(device: string, text: string, level: LogLevel = 'info'): LogRecord {
    const time = this.now();
    const zone = this.zone;
    return this.append({
      time,
      source: 'phone-status',
      host: device,
      level,
      text,
      line: () => `${phoneStatusStamp(time, zone)} ${text}`,
    });
  }

  /**
   * "0475 INF Mar 12 15:07:53.686410 dnsmasq[12864]: query[A] …" — `counter` is the phone's own line
   * counter (4 digits, wraps), `micros` the sub-millisecond digits. A 79xx phone (`bootedAt` given) stamps
   * its lines with no date: "3469 NOT 00:01:31.935298 SECD: …" (TAC 200860; time.ts `uptimeStamp`).
   */
  phoneConsole(device: string, counter: number, level: ConsoleLevel, text: string, micros: number, bootedAt?: number): LogRecord {
    const time = this.now();
    const zone = this.zone;
    const stamp = () => (bootedAt === undefined ? phoneConsoleStamp(time, zone, micros) : uptimeStamp(time - bootedAt, micros));
    return this.append({
      time,
      source: 'phone-console',
      host: device,
      level: CONSOLE_LEVELS[level],
      text,
      line: () => `${String(counter % 10000).padStart(4, '0')} ${level} ${stamp()} ${text}`,
    });
  }

  /**
   * CUCM SDI trace line: "15:07:55.761 |   debug <text>". The exact CAPF/TFTP trace layout is not in our
   * sources (domain.md §13); this is our reading of CUCM SDI trace files, kept in this one place.
   */
  sdiTrace(source: 'capf-trace' | 'tftp-trace' | 'tvs-trace', node: string, level: LogLevel, text: string): LogRecord {
    const word = level === 'error' || level === 'critical' ? 'error' : level === 'warning' ? 'warn' : 'debug';
    const time = this.now();
    const zone = this.zone;
    return this.append({
      time,
      source,
      host: node,
      level,
      text,
      line: () => `${sdiStamp(time, zone)} |   ${word} ${text}`,
    });
  }

  cli(node: string, text: string): LogRecord {
    return this.append({ source: 'cli', host: node, level: 'info', text, line: text });
  }

  /** The records of one source (and optionally one host), as downloadable text. */
  text(source: LogSource, host?: string): string {
    return this.records
      .filter((r) => r.source === source && (host === undefined || r.host === host))
      .map((r) => r.line)
      .join('\n');
  }
}
