/**
 * What the phone screen is drawn from: one plain snapshot of a phone in the running world (its statechart
 * state, the context fields a person can see on the real phone, its Status Messages). Read again whenever
 * `session.version` changes. Only type imports from the core, so the first page load stays small.
 */
import type { LogRecord } from '../../sim/log';
import { PHONE_MODELS, type PhoneModel } from '../../sim/phone/models';
import type { CapfActivity } from '../../sim/phone/phone.machine';
import type { TimeZoneRule } from '../../sim/time';
import type { LabWorld } from '../../sim/world';

/**
 * Where the phone is in its life, as its screen tells it: the phone statechart's states folded into what a
 * person can tell apart by looking at the phone.
 */
export type PhonePhase =
  | 'off'
  | 'booting'
  | 'restarting'
  /** Downloading CTL/ITL. */
  | 'trustList'
  /** Downloading SEP<MAC>.cnf.xml.sgn. */
  | 'downloadingConfig'
  /** Checking the configuration, resolving TVS, registering with CUCM. */
  | 'registering'
  /** No usable configuration file: waits and tries again. */
  | 'unprovisioned'
  | 'registered';

export interface TrustListEntry {
  /** Short role name as the ITL record's FUNCTION gives it: CAPF, TVS, TFTP, SAST … */
  function: string;
  subjectName: string;
}

export interface PhoneFacts {
  device: string;
  description: string;
  ip: string;
  model: PhoneModel;
  phase: PhonePhase;
  /** The registered sub-state: idle, awaitingAuthenticationString, capfOperation. */
  registeredState: string | null;
  lsc: string;
  capfActivity: CapfActivity;
  /** From the configuration file's capfList (empty before the phone has one). */
  capfServer: string;
  capfPort: number | null;
  /** First CallManager of the configuration file, once registered. */
  activeServer: string;
  mic: boolean;
  /** The ITL in the phone's flash; null when it holds none. */
  trustList: TrustListEntry[] | null;
  /** The file the phone is downloading right now. */
  download: string | null;
  /** Every Status Messages record of this phone, oldest first. */
  status: LogRecord[];
  now: number;
  zone: TimeZoneRule;
}

export function phaseOf(value: unknown): PhonePhase {
  if (value === 'off' || value === undefined || value === null) return 'off';
  const on = (value as { on?: unknown }).on;
  if (on === 'booting' || on === 'restarting' || on === 'unprovisioned') return on;
  if (on && typeof on === 'object') {
    if ('trustList' in on) return 'trustList';
    if ('configuring' in on) return (on as { configuring: unknown }).configuring === 'fetching' ? 'downloadingConfig' : 'registering';
    if ('registered' in on) return 'registered';
  }
  return 'booting';
}

export function readPhone(world: LabWorld, device: string): PhoneFacts | null {
  const spec = world.env.scenario.phones.find((p) => p.deviceName === device);
  if (!spec) return null;
  const context = world.phoneContext(device);
  const value = world.stateOf(`phone/${device}`);
  const phase = phaseOf(value);
  const registered = phase === 'registered' ? (value as { on: { registered: unknown } }).on.registered : null;
  const config = context?.config ?? null;
  return {
    device,
    description: spec.description,
    ip: spec.ip,
    model: PHONE_MODELS[spec.model],
    phase,
    registeredState: typeof registered === 'string' ? registered : null,
    lsc: world.lsc(device),
    capfActivity: context?.capfActivity ?? 'idle',
    capfServer: config?.capfServer ?? '',
    capfPort: config ? config.capfPort : null,
    activeServer: phase === 'registered' ? (config?.callManagers[0] ?? '') : '',
    mic: Boolean(context?.flash.mic),
    trustList: context?.trustList
      ? context.trustList.records.map((r) => ({ function: r.function.name ?? `FUNCTION ${r.function.code}`, subjectName: r.subjectName }))
      : null,
    download: context?.download?.fileName ?? null,
    status: world.env.log.records.filter((r) => r.source === 'phone-status' && r.host === device),
    now: world.now,
    zone: world.env.zone,
  };
}
