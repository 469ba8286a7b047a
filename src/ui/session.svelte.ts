/**
 * The learner's lab session: the running world, the virtual clock's controls, persistence and replay.
 * Screens read `session.world` and re-render when `session.version` changes (any log record, packet,
 * database or certificate change, or actor snapshot); they change the world only through `session.act`.
 */
import { createContext } from 'svelte';
import type { ActionResult, LabAction } from '../sim/actions';
import type { LogRecord } from '../sim/log';
import type { Scenario } from '../sim/scenario';
import type { LabWorld } from '../sim/world';
import { clearSavedLab, loadSavedLab, saveLab, type SavedLab } from './persist';

type Api = typeof import('./lab-api');

export const SPEEDS = [1, 2, 5, 10, 30, 60] as const;
/** How often the real-time driver moves the virtual clock (real ms). */
const TICK_MS = 100;

export interface SessionOptions {
  storage?: Storage;
  /** The learner's real "now" (for the lab's start date); tests fix it. */
  realNow?: () => number;
  /** Load the heavy core; tests may pass the module directly. */
  loadApi?: () => Promise<Api>;
  /** Start the clock at 1× once the lab is up, as a real cluster runs (the page does; tests do not). */
  autoplay?: boolean;
}

export class LabSession {
  api = $state.raw<Api | null>(null);
  world = $state.raw<LabWorld | null>(null);
  /** Bumped whenever anything in the world changed; derive views from it. */
  version = $state(0);
  phase = $state<'loading' | 'ready' | 'failed'>('loading');
  error = $state('');
  /** A message for the learner (validation, restore problems); announced politely. */
  notice = $state('');
  /** The newest phone status message, for the aria-live region. */
  announcement = $state('');
  playing = $state(false);
  speed = $state<number>(1);
  busy = $state(false);
  now = $state(0);
  scenarioId = $state('');
  seed = $state(1);
  start = $state(0);
  faults = $state<string[]>([]);
  mystery = $state(false);
  /** Phones the lab was grown to (`--phones`; 0: as many as the scenario has or asks for). */
  phones = $state(0);

  #options: SessionOptions;
  #unsubscribers: Array<() => void> = [];
  #bumpScheduled = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastTick = 0;

  constructor(options: SessionOptions = {}) {
    this.#options = options;
  }

  get storage(): Storage | undefined {
    return this.#options.storage ?? (typeof localStorage === 'undefined' ? undefined : localStorage);
  }

  /** Load the core, then restore the saved lab (replaying its actions) or start the default one. */
  async boot(): Promise<void> {
    try {
      this.api = await (this.#options.loadApi ?? (() => import('./lab-api')))();
      const saved = loadSavedLab(this.storage);
      if (!saved.ok) this.notice = saved.error;
      const lab = saved.ok ? saved.value : null;
      if (lab && this.api.SCENARIOS[lab.scenario]) await this.#build(lab);
      else await this.#build(null);
      this.phase = 'ready';
      if (this.#options.autoplay) this.play();
    } catch (e) {
      this.phase = 'failed';
      this.error = e instanceof Error ? e.message : String(e);
    }
  }

  /** Start a new lab (the "Reset lab" button, or another scenario / fault set). */
  async reset(options: { scenario?: string; seed?: number; faults?: string[]; mystery?: boolean; phones?: number } = {}): Promise<void> {
    const wasPlaying = this.playing;
    this.pause();
    clearSavedLab(this.storage);
    const api = this.api!;
    const scenario = options.scenario ?? (this.scenarioId || api.DEFAULT_SCENARIO);
    await this.#build({
      v: 1,
      scenario,
      seed: options.seed ?? this.seed,
      start: api.scenarioStart(api.SCENARIOS[scenario], this.#realNow()),
      faults: options.faults ?? [],
      mystery: options.mystery ?? false,
      phones: options.phones,
      actions: [],
      now: 0,
    });
    if (wasPlaying) this.play();
  }

  /** Do what the learner did; refused actions come back with the page's message and change nothing. */
  async act(action: LabAction): Promise<ActionResult> {
    const world = this.world;
    if (!world) return { ok: false, error: 'The lab is still starting.' };
    this.busy = true;
    try {
      const result = await world.act(action);
      if (result.ok) this.#persist();
      return result;
    } catch (e) {
      // A programmer error in the core must not take the learner's lab down with it.
      return { ok: false, error: `The lab could not do that: ${e instanceof Error ? e.message : String(e)}` };
    } finally {
      this.busy = false;
      this.#afterRun();
    }
  }

  play(): void {
    if (this.playing || !this.world) return;
    this.playing = true;
    this.#lastTick = performance.now();
    this.#schedule();
  }

  pause(): void {
    this.playing = false;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#persist();
  }

  setSpeed(speed: number): void {
    if ((SPEEDS as readonly number[]).includes(speed)) this.speed = speed;
  }

  /** Fire the next scheduled event, whenever it is (the clock jumps to it). */
  async step(): Promise<void> {
    if (!this.world) return;
    this.pause();
    await this.world.step();
    this.#afterRun();
  }

  /** Let virtual time pass (e.g. "run until the phone settles" in tests and lessons). */
  async advance(ms: number): Promise<void> {
    if (!this.world) return;
    await this.world.run(ms);
    this.#afterRun();
  }

  get scenario(): Scenario | undefined {
    return this.api?.SCENARIOS[this.scenarioId];
  }

  /** Log records of one source, optionally one host. Read `version` in the caller to stay reactive. */
  logs(filter?: (r: LogRecord) => boolean): LogRecord[] {
    const records = this.world?.env.log.records ?? [];
    return filter ? records.filter(filter) : records;
  }

  /** Save the lab now (after changing `faults` or `mystery`); actions save themselves. */
  save(): void {
    this.#persist();
  }

  dispose(): void {
    this.pause();
    for (const u of this.#unsubscribers) u();
    this.#unsubscribers = [];
    this.world?.stop();
  }

  #realNow(): number {
    return (this.#options.realNow ?? Date.now)();
  }

  async #build(lab: SavedLab | null): Promise<void> {
    const api = this.api!;
    for (const u of this.#unsubscribers) u();
    this.#unsubscribers = [];
    this.world?.stop();
    this.world = null;
    const scenarioId = lab?.scenario ?? api.DEFAULT_SCENARIO;
    const base = api.SCENARIOS[scenarioId];
    const faults = (lab?.faults ?? []).map((id) => api.findFault(id)).filter((f): f is NonNullable<typeof f> => Boolean(f));
    const seed = lab?.seed ?? 1;
    const start = lab?.start ?? api.scenarioStart(base, this.#realNow());
    // A fleet grows before the faults apply, so a fault can be aimed at any of its phones (sim/fleet.ts).
    const grown = api.growFleet(base, lab?.phones, seed);
    const world = await api.LabWorld.create({ scenario: api.applyScenarioFaults(grown, faults), seed, start });
    // Replay: each action at the virtual time it was done, then on to where the learner had got.
    for (const { at, action } of lab?.actions ?? []) {
      await world.runUntil(at);
      const r = await world.act(action);
      if (!r.ok) this.notice = `A saved step could not be replayed (${r.error}); the lab continues from there.`;
    }
    if (lab && lab.now > world.now) await world.runUntil(lab.now);
    this.scenarioId = scenarioId;
    this.seed = seed;
    this.start = start;
    this.faults = faults.map((f) => f.id);
    this.mystery = lab?.mystery ?? false;
    this.phones = lab?.phones ?? 0;
    this.world = world;
    this.#watch(world);
    this.#afterRun();
    this.#persist();
  }

  #watch(world: LabWorld): void {
    const bump = () => this.#scheduleBump();
    this.#unsubscribers.push(
      world.env.log.subscribe((r) => {
        if (r.source === 'phone-status') this.announcement = `${r.host}: ${r.text}`;
        bump();
      }),
      world.trace.subscribe(bump),
      world.env.db.subscribe(bump),
      world.env.certs.subscribe(bump),
    );
    const sub = world.root.system.inspect((e) => {
      if (e.type === '@xstate.snapshot') bump();
    });
    this.#unsubscribers.push(() => sub.unsubscribe());
  }

  #scheduleBump(): void {
    if (this.#bumpScheduled) return;
    this.#bumpScheduled = true;
    const run = () => {
      this.#bumpScheduled = false;
      this.version++;
      if (this.world) this.now = this.world.now;
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run);
    else setTimeout(run, 16);
  }

  #afterRun(): void {
    if (this.world) this.now = this.world.now;
    this.version++;
  }

  #schedule(): void {
    this.#timer = setTimeout(() => void this.#tick(), TICK_MS);
  }

  async #tick(): Promise<void> {
    if (!this.playing || !this.world) return;
    const real = performance.now();
    const elapsed = Math.min(real - this.#lastTick, 1000);
    this.#lastTick = real;
    await this.world.runUntil(this.world.now + elapsed * this.speed);
    this.#afterRun();
    if (this.playing) this.#schedule();
  }

  #persist(): void {
    const world = this.world;
    if (!world) return;
    saveLab(this.storage, {
      v: 1,
      scenario: this.scenarioId,
      seed: this.seed,
      start: this.start,
      faults: this.faults,
      mystery: this.mystery,
      phones: this.phones || undefined,
      actions: world.actions.map((a) => ({ at: a.at, action: a.action })),
      now: world.now,
    });
  }
}

/** The session, shared with every screen through Svelte context (reading it outside <App> throws). */
export const [useSession, provideSession] = createContext<LabSession>();
