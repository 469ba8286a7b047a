/**
 * The learner's lab session: the running world, the virtual clock's controls, persistence and replay, the
 * exercise being done (each exercise keeps its own lab beside the free lab), what was looked at, and the
 * learner's progress. Screens read `session.world` and re-render when `session.version` changes (any log
 * record, packet, database or certificate change, or actor snapshot); they change the world only through
 * `session.act`.
 */
import { createContext } from 'svelte';
import type { ActionResult, LabAction } from '../sim/actions';
import type { LogRecord } from '../sim/log';
import type { Scenario } from '../sim/scenario';
import type { ActionBy, LabWorld } from '../sim/world';
import type { StepDone } from '../sim/faults';
import type { GoalResult } from '../content/exercises/run';
import type { ExerciseText } from '../content/exercises/types';
import type { LabDocument } from '../content/lab-document';
import { MAX_EVENTS, type LearnerEvent, type Look } from '../content/learner-events';
import type { Said } from '../content/messages/format';
import { emptyProgress, mergeProgress, progressFile, readProgressFile, recordAttempt, type Progress } from '../content/progress';
import { clearLab, loadActiveSlot, loadLab, loadProgress, saveActiveSlot, saveLab, saveProgress, type ExerciseRun, type SavedLab, type Slot } from './persist';

type Api = typeof import('./lab-api');
type Classroom = typeof import('./classroom-api');
type FaultsModule = typeof import('../sim/faults');

export const SPEEDS = [1, 2, 5, 10, 30, 60] as const;
/** How often the real-time driver moves the virtual clock (real ms). */
const TICK_MS = 100;
/** How often a playing lab is saved (real ms), so a reload resumes where the learner was. */
const SAVE_EVERY_MS = 2000;
/** Where damaged data is kept until the learner has saved it (nothing is lost). */
export const RECOVERED_KEY = 'lsc-lab:recovered';
const TUTORIAL_KEY = 'lsc-lab:tutorial';

export interface SessionOptions {
  storage?: Storage;
  /** The learner's real "now" (for the lab's start date); tests fix it. */
  realNow?: () => number;
  /** Load the heavy core; tests may pass the module directly. */
  loadApi?: () => Promise<Api>;
  /** Start the clock once the lab is up, as a real cluster runs (the page does; tests do not). */
  autoplay?: boolean;
  /** Load the classroom chunk (exercises, tutorials, codes); tests may pass the module directly. */
  loadClassroom?: () => Promise<Classroom>;
  /** Tests: where keys come from (a shared pool instead of fresh WebCrypto keys for every lab). */
  keySource?: import('../sim/install').KeySource;
}

export interface ExerciseStart {
  classCode?: string;
  student?: string;
  hintsAllowed?: number;
}

export class LabSession {
  api = $state.raw<Api | null>(null);
  /** The fault catalogue: loaded with the Faults page, an exercise, or a lab that starts with faults. */
  faultsModule = $state.raw<FaultsModule | null>(null);
  /** Exercises, tutorials, checks and codes: loaded when an exercise, a tutorial or a classroom page needs them. */
  classroom = $state.raw<Classroom | null>(null);
  world = $state.raw<LabWorld | null>(null);
  /** Bumped whenever anything in the world changed; derive views from it. */
  version = $state(0);
  phase = $state<'loading' | 'ready' | 'failed'>('loading');
  error = $state('');
  /** A message for the learner in the lab's voice (a restore problem, a refused step); announced politely. */
  notice = $state.raw<Said | null>(null);
  /** The newest phone status message, for the aria-live region. */
  announcement = $state('');
  playing = $state(false);
  speed = $state<number>(1);
  busy = $state(false);
  now = $state(0);
  scenarioId = $state('');
  seed = $state<number | string>(1);
  start = $state(0);
  /** The free lab's faults (ids); in an exercise, the faults in play. */
  faults = $state<string[]>([]);
  mystery = $state(false);
  /** Phones the lab was grown to (the scenario chooser's fleet size; 0: as many as the scenario has or asks for). */
  phones = $state(0);
  classMode = $state(false);
  slot = $state.raw<Slot>({ kind: 'free' });
  exercise = $state.raw<ExerciseRun | null>(null);
  /** The exercise's goals as the world stands, re-evaluated as it changes. */
  goals = $state.raw<GoalResult[]>([]);
  events = $state.raw<LearnerEvent[]>([]);
  progress = $state.raw<Progress>(emptyProgress());
  /** Data the lab could not read, kept so the learner can save it as a file. */
  recovered = $state.raw<{ fileName: string; text: string } | null>(null);
  /** The tutorial open beside the pages (it follows navigation), or null. */
  tutorialId = $state<string | null>(null);

  #options: SessionOptions;
  #unsubscribers: Array<() => void> = [];
  #bumpScheduled = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastTick = 0;
  #lastSave = 0;
  #classroomLoading: Promise<Classroom> | null = null;
  #faultsLoading: Promise<FaultsModule> | null = null;

  constructor(options: SessionOptions = {}) {
    this.#options = options;
  }

  get storage(): Storage | undefined {
    return this.#options.storage ?? (typeof localStorage === 'undefined' ? undefined : localStorage);
  }

  /** Load the core, then open the lab that was open (replaying its actions), or a new one. */
  async boot(): Promise<void> {
    try {
      this.api = await (this.#options.loadApi ?? (() => import('./lab-api')))();
      this.tutorialId = this.#read(TUTORIAL_KEY);
      const active = loadActiveSlot(this.storage);
      if (this.tutorialId || active.kind === 'exercise') await this.loadClassroom();
      const recovered = this.#read(RECOVERED_KEY);
      if (recovered) {
        try {
          const r = JSON.parse(recovered) as { fileName?: unknown; text?: unknown };
          if (typeof r.fileName === 'string' && typeof r.text === 'string') this.recovered = { fileName: r.fileName, text: r.text };
        } catch {
          // not ours: leave it
        }
      }
      const progress = loadProgress(this.storage);
      if (progress.ok) this.progress = progress.value ?? emptyProgress();
      else this.#recover('lsc-lab-progress-damaged.json', progress.raw, { key: 'persist.progressDamaged' });
      let slot = active;
      if (slot.kind === 'exercise' && !this.classroom?.findExercise(slot.id)) slot = { kind: 'free' };
      await this.#open(slot);
      this.phase = 'ready';
      if (this.#options.autoplay) this.play();
    } catch (e) {
      this.phase = 'failed';
      this.error = e instanceof Error ? e.message : String(e);
    }
  }

  /**
   * Start over. In the free lab: a new lab (another scenario, seed or set of faults); in an exercise: the same
   * variant from its start — the hints used and whether the solution was shown stay recorded.
   */
  async reset(options: { scenario?: string; seed?: number; faults?: string[]; mystery?: boolean; phones?: number } = {}): Promise<void> {
    const api = this.#api();
    if (this.slot.kind === 'exercise') await this.loadClassroom();
    const wasPlaying = this.playing;
    this.pause();
    clearLab(this.storage, this.slot);
    if (this.slot.kind === 'exercise' && this.exercise) {
      await this.#build(this.slot, this.#exerciseLab(this.exercise, this.seed, this.start));
    } else {
      const scenario = options.scenario ?? (this.scenarioId || api.DEFAULT_SCENARIO);
      await this.#build({ kind: 'free' }, this.#freeLab({ scenario, seed: options.seed ?? (typeof this.seed === 'number' ? this.seed : 1), faults: options.faults ?? [], mystery: options.mystery ?? false, phones: options.phones ?? (scenario === this.scenarioId && this.phones ? this.phones : undefined) }));
    }
    if (wasPlaying) this.play();
  }

  /** The fault catalogue, loaded once. */
  loadFaults(): Promise<FaultsModule> {
    this.#faultsLoading ??= this.#api()
      .loadFaults()
      .then((m) => (this.faultsModule = m));
    return this.#faultsLoading;
  }

  /** The classroom chunk, loaded once. */
  loadClassroom(): Promise<Classroom> {
    this.#classroomLoading ??= (this.#options.loadClassroom ?? (() => import('./classroom-api')))().then((c) => (this.classroom = c));
    return this.#classroomLoading;
  }

  /** Open an exercise's own lab (as it was left, or new); the lab open before is saved as it is. */
  async openExercise(id: string, start: ExerciseStart = {}): Promise<boolean> {
    const api = this.#api();
    const classroom = await this.loadClassroom();
    const exercise = classroom.findExercise(id);
    if (!exercise) return false;
    this.pause();
    this.#persist();
    const slot: Slot = { kind: 'exercise', id };
    const saved = loadLab(this.storage, slot);
    const classCode = start.classCode?.trim() || undefined;
    const student = start.student?.trim() || undefined;
    const keep = saved.ok && saved.value?.exercise?.version === exercise.version && saved.value.exercise.classCode === classCode && saved.value.exercise.student === student ? saved.value : null;
    if (!saved.ok) this.#recover(`lsc-lab-${id}-damaged.json`, saved.raw, saved.reason);
    const seed = classCode && student ? classroom.classSeed(classCode, student) : 1;
    const run: ExerciseRun = { id, version: exercise.version, classCode, student, hintsUsed: 0, solutionShown: false, began: 0, hintsAllowed: start.hintsAllowed };
    await this.#build(slot, keep ?? this.#exerciseLab(run, seed, api.scenarioStart(api.SCENARIOS[exercise.scenario], this.#realNow())));
    return true;
  }

  /** Back to the free lab, as it was left; the exercise's lab stays saved. */
  async leaveExercise(): Promise<void> {
    this.pause();
    this.#persist();
    await this.#open({ kind: 'free' });
  }

  /** Do what the learner did; refused actions come back with the page's message and change nothing. */
  async act(action: LabAction, by: ActionBy = 'learner'): Promise<ActionResult> {
    const world = this.world;
    if (!world) return { ok: false, error: 'The lab is still starting.' };
    this.busy = true;
    try {
      const result = await world.act(action, by);
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

  /** Something the learner looked at (a page, a download): kept with the lab for the tutorial, never an action. */
  recordLook(event: Look): void {
    if (!this.world) return;
    const last = this.events.at(-1);
    const e = { ...event, at: this.world.now } as LearnerEvent;
    if (last && JSON.stringify({ ...last, at: 0 }) === JSON.stringify({ ...e, at: 0 })) return;
    this.events = [...this.events, e].slice(-MAX_EVENTS);
    this.#persist();
  }

  /** The exercise's hint ladder as this lab has it, and how many rungs the class allows. */
  get hints(): { ladder: ExerciseText[]; allowed: number } {
    const ex = this.exercise && this.classroom?.findExercise(this.exercise.id);
    if (!ex || !this.classroom) return { ladder: [], allowed: 0 };
    const ladder = this.classroom.hintLadder(ex, this.faults);
    return { ladder, allowed: Math.min(ladder.length, this.exercise!.hintsAllowed ?? ladder.length) };
  }

  /** Unlock the next rung of the hint ladder (recorded: it goes into the completion code). */
  useHint(): boolean {
    const run = this.exercise;
    if (!run || run.hintsUsed >= this.hints.allowed) return false;
    this.exercise = { ...run, hintsUsed: run.hintsUsed + 1 };
    this.#recordProgress();
    this.#persist();
    return true;
  }

  /** Do the exercise's solution visibly, step by step (recorded: the exercise counts as solved that way). */
  async showSolution(onStep?: (done: StepDone) => void): Promise<string[]> {
    const api = this.#api();
    const classroom = await this.loadClassroom();
    const run = this.exercise;
    const ex = run && classroom.findExercise(run.id);
    if (!run || !ex || !this.world) return [];
    this.exercise = { ...run, solutionShown: true };
    this.#recordProgress();
    this.#persist();
    const refused: string[] = [];
    await api.doSteps({ act: (a) => this.act(a), wait: (ms) => this.advance(ms) }, classroom.solutionSteps(this.world, ex, this.faults), (done) => {
      if ('action' in done && !done.result.ok) refused.push(done.result.error);
      onStep?.(done);
    });
    return refused;
  }

  /** The completion code of the exercise as it stands now. */
  async completionCode(): Promise<string | null> {
    const api = this.#api();
    const classroom = await this.loadClassroom();
    const run = this.exercise;
    const world = this.world;
    if (!run || !world) return null;
    return classroom.writeCompletionCode({
      sim: api.SIM_VERSION,
      exercise: run.id,
      version: run.version,
      classCode: run.classCode ?? '',
      student: run.student ?? '',
      seed: this.seed,
      start: this.start,
      end: world.now,
      actions: world.learnerActions,
      hintsUsed: run.hintsUsed,
      solutionShown: run.solutionShown,
    });
  }

  /** This lab as it travels (share links, lab files). */
  document(): LabDocument | null {
    const world = this.world;
    if (!world || !this.api) return null;
    const run = this.exercise;
    return {
      sim: this.api.SIM_VERSION,
      scenario: this.scenarioId,
      seed: this.seed,
      start: this.start,
      faults: run ? [] : this.faults,
      mystery: this.mystery,
      ...(this.phones ? { phones: this.phones } : {}),
      exercise: run ? { id: run.id, version: run.version, classCode: run.classCode, student: run.student, hintsUsed: run.hintsUsed, solutionShown: run.solutionShown } : undefined,
      actions: run ? world.learnerActions : [...world.actions],
      now: world.now,
    };
  }

  /** Why a shared lab cannot open here (another simulation or exercise version, unknown content), or null. */
  async documentProblem(doc: LabDocument): Promise<Said | null> {
    const api = this.#api();
    if (doc.sim !== api.SIM_VERSION) return { key: 'share.simVersion', params: { made: doc.sim, current: api.SIM_VERSION } };
    if (doc.exercise) {
      const ex = this.classroom?.findExercise(doc.exercise.id);
      if (!ex) return { key: 'codes.verify.unknownExercise', params: { exercise: doc.exercise.id } };
      if (ex.version !== doc.exercise.version) return { key: 'codes.verify.exerciseVersion', params: { exercise: ex.id, made: doc.exercise.version, current: ex.version } };
    }
    const catalogue = doc.faults.length ? (await this.loadFaults()).FAULTS : [];
    const problem = api.recipeProblem({ scenario: doc.scenario, seed: doc.seed, start: doc.start, faults: doc.faults, phones: doc.phones, exercise: doc.exercise?.id, actions: [] }, catalogue);
    return problem ? { key: 'share.cannotOpen', params: { why: problem } } : null;
  }

  /** Replace the lab with a shared one (asked first by the page): into its exercise's slot, or the free lab. */
  async openDocument(doc: LabDocument): Promise<void> {
    if (doc.exercise) await this.loadClassroom();
    this.pause();
    this.#persist();
    const slot: Slot = doc.exercise ? { kind: 'exercise', id: doc.exercise.id } : { kind: 'free' };
    const lab: SavedLab = {
      v: 2,
      scenario: doc.scenario,
      seed: doc.seed,
      start: doc.start,
      faults: doc.faults,
      mystery: doc.mystery,
      ...(doc.phones ? { phones: doc.phones } : {}),
      classMode: Boolean(doc.exercise?.classCode),
      exercise: doc.exercise ? { ...doc.exercise, began: 0 } : undefined,
      actions: doc.actions,
      events: [],
      now: doc.now,
      speed: this.speed,
    };
    await this.#build(slot, lab);
  }

  /** Progress as a file to keep. */
  progressFile(): string {
    return progressFile(this.progress, new Date(this.#realNow()).toISOString());
  }

  /** Merge a progress file into what is stored; a bad file is refused and changes nothing. */
  importProgress(text: string): { ok: true; exercises: number } | { ok: false; reason: Said } {
    const read = readProgressFile(text);
    if (!read.ok) return read;
    this.progress = mergeProgress(this.progress, read.value);
    saveProgress(this.storage, this.progress);
    return { ok: true, exercises: Object.keys(read.value.exercises).length };
  }

  /** Open a tutorial beside the pages (null closes it). */
  openTutorial(id: string | null): void {
    if (id) void this.loadClassroom();
    this.tutorialId = id;
    try {
      if (id) this.storage?.setItem(TUTORIAL_KEY, id);
      else this.storage?.removeItem(TUTORIAL_KEY);
    } catch {
      // the panel is only not remembered
    }
  }

  /** After a failed start: forget the lab that was open and start again from a new one. */
  async restartAfterFailure(): Promise<void> {
    clearLab(this.storage, loadActiveSlot(this.storage));
    saveActiveSlot(this.storage, { kind: 'free' });
    this.phase = 'loading';
    this.error = '';
    await this.boot();
  }

  /** The damaged data has been saved by the learner: forget it. */
  dismissRecovered(): void {
    this.recovered = null;
    try {
      this.storage?.removeItem(RECOVERED_KEY);
    } catch {
      // nothing to forget
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
    if ((SPEEDS as readonly number[]).includes(speed)) {
      this.speed = speed;
      this.#persist();
    }
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
    return this.world?.env.scenario ?? this.api?.SCENARIOS[this.scenarioId];
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

  #api(): Api {
    if (!this.api) throw new Error('the lab core has not loaded');
    return this.api;
  }

  #read(key: string): string | null {
    try {
      return this.storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  #realNow(): number {
    return (this.#options.realNow ?? Date.now)();
  }

  #freeLab(o: { scenario: string; seed: number; faults: string[]; mystery: boolean; phones?: number }): SavedLab {
    const api = this.#api();
    return { v: 2, scenario: o.scenario, seed: o.seed, start: api.scenarioStart(api.SCENARIOS[o.scenario], this.#realNow()), faults: o.faults, mystery: o.mystery, ...(o.phones ? { phones: o.phones } : {}), classMode: false, actions: [], events: [], now: 0, speed: this.speed };
  }

  #exerciseLab(run: ExerciseRun, seed: number | string, start: number): SavedLab {
    const ex = this.classroom!.findExercise(run.id)!;
    return { v: 2, scenario: ex.scenario, seed, start, faults: [], mystery: false, classMode: Boolean(run.classCode && run.student), exercise: { ...run, began: 0 }, actions: [], events: [], now: 0, speed: this.speed };
  }

  /** Keep data the lab could not read: in storage until saved, and on the page as a download. */
  #recover(fileName: string, text: string, reason: Said): void {
    this.notice = reason;
    this.recovered = { fileName, text };
    try {
      this.storage?.setItem(RECOVERED_KEY, JSON.stringify(this.recovered));
    } catch {
      // it is still offered on the page
    }
  }

  /** Open a slot's lab as it was saved, or a new one; what cannot be read or rebuilt is said and kept. */
  async #open(slot: Slot): Promise<void> {
    const api = this.#api();
    const loaded = loadLab(this.storage, slot);
    let lab = loaded.ok ? loaded.value : null;
    const name = slot.kind === 'free' ? 'lsc-lab-damaged.json' : `lsc-lab-${slot.id}-damaged.json`;
    if (!loaded.ok) this.#recover(name, loaded.raw, loaded.reason);
    if (lab) {
      const catalogue = lab.faults.length ? (await this.loadFaults()).FAULTS : [];
      const problem = api.recipeProblem({ scenario: lab.scenario, seed: lab.seed, start: lab.start, faults: lab.faults, exercise: lab.exercise?.id, actions: [] }, catalogue);
      if (problem) {
        this.#recover(name, JSON.stringify(lab), { key: 'persist.unknownContent', params: { why: problem } });
        lab = null;
      } else if (lab.exercise && this.classroom?.findExercise(lab.exercise.id)?.version !== lab.exercise.version) {
        this.#recover(name, JSON.stringify(lab), { key: 'persist.exerciseUpdated' });
        lab = null;
      }
    }
    if (!lab) {
      if (slot.kind === 'exercise') {
        const ex = this.classroom!.findExercise(slot.id)!;
        lab = this.#exerciseLab({ id: ex.id, version: ex.version, hintsUsed: 0, solutionShown: false, began: 0 }, 1, api.scenarioStart(api.SCENARIOS[ex.scenario], this.#realNow()));
      } else lab = this.#freeLab({ scenario: api.DEFAULT_SCENARIO, seed: 1, faults: [], mystery: false });
    }
    await this.#build(slot, lab);
  }

  async #build(slot: Slot, lab: SavedLab): Promise<void> {
    const api = this.#api();
    for (const u of this.#unsubscribers) u();
    this.#unsubscribers = [];
    this.world?.stop();
    this.world = null;
    this.goals = [];
    const built = await api.buildLab(
      { scenario: lab.scenario, seed: lab.seed, start: lab.start, faults: lab.faults, phones: lab.phones, classMode: lab.classMode, exercise: lab.exercise?.id, actions: lab.actions },
      { until: lab.now, keySource: this.#options.keySource, catalogue: lab.faults.length ? (await this.loadFaults()).FAULTS : undefined },
    );
    if (!built.ok) throw new Error(built.error);
    if (built.refused.length) this.notice = { key: 'persist.stepNotReplayed', params: { why: built.refused[0] } };
    this.slot = slot;
    this.scenarioId = lab.scenario;
    this.seed = lab.seed;
    this.start = lab.start;
    this.faults = lab.exercise ? built.faults : [...lab.faults];
    this.mystery = lab.mystery;
    this.phones = lab.phones ?? 0;
    this.classMode = lab.classMode;
    this.exercise = lab.exercise ? { ...lab.exercise, began: lab.exercise.began || built.began } : null;
    this.events = lab.events;
    if ((SPEEDS as readonly number[]).includes(lab.speed)) this.speed = lab.speed;
    this.world = built.world;
    saveActiveSlot(this.storage, slot);
    this.#watch(built.world);
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
      this.#afterRun();
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run);
    else setTimeout(run, 16);
  }

  #afterRun(): void {
    if (!this.world) return;
    this.now = this.world.now;
    this.version++;
    this.#evaluate();
  }

  /** Re-run the exercise's goals on the world as it stands, and record the attempt's progress. */
  #evaluate(): void {
    const run = this.exercise;
    const classroom = this.classroom;
    const ex = run && classroom?.findExercise(run.id);
    if (!run || !ex || !this.world || !classroom) return;
    const goals = classroom.evaluateGoals(this.world, ex, this.faults);
    const solvedBefore = classroom.isSolved(this.goals);
    this.goals = goals;
    if (classroom.isSolved(goals) && !solvedBefore) this.#recordProgress();
  }

  #recordProgress(): void {
    const run = this.exercise;
    if (!run || !this.world || !this.classroom) return;
    const solved = this.classroom.isSolved(this.goals);
    this.progress = recordAttempt(this.progress, run.id, {
      version: run.version,
      solved,
      hintsUsed: run.hintsUsed,
      solutionShown: run.solutionShown,
      bestTimeMs: solved ? Math.max(0, this.world.now - run.began) : null,
    });
    saveProgress(this.storage, this.progress);
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
    if (real - this.#lastSave > SAVE_EVERY_MS) this.#persist();
    if (this.playing) this.#schedule();
  }

  #persist(): void {
    const world = this.world;
    if (!world) return;
    this.#lastSave = typeof performance === 'undefined' ? 0 : performance.now();
    const run = this.exercise;
    saveLab(this.storage, this.slot, {
      v: 2,
      scenario: this.scenarioId,
      seed: this.seed,
      start: this.start,
      faults: run ? [] : this.faults,
      mystery: this.mystery,
      ...(this.phones ? { phones: this.phones } : {}),
      classMode: this.classMode,
      exercise: run ?? undefined,
      actions: (run ? world.learnerActions : world.actions).map((a) => ({ ...a })),
      events: this.events,
      now: world.now,
      speed: this.speed,
    });
  }
}

/** The session, shared with every screen through Svelte context (reading it outside <App> throws). */
export const [useSession, provideSession] = createContext<LabSession>();
