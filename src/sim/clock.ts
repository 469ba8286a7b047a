/**
 * The lab's one virtual clock (DESIGN principle 3). Every machine reads it: certificate dates, "Operation
 * Completes By", the phone's 30-second CAPF retries, log timestamps. XState schedules its delayed events
 * on it (it implements XState's `Clock`), and real asynchronous work — WebCrypto — is tied to it through
 * `work()`, so a run is the same sequence of events whatever the machine's real speed:
 *
 * - a timer fires only when every earlier timer has fired and its consequences have run (one macrotask
 *   after each firing drains the promise jobs it started);
 * - `work(duration, start)` starts the real computation at once but delivers its result only when the
 *   clock reaches `now + duration` (the modelled time, e.g. a phone generating a 2048-bit key);
 * - a delivery waits for its own computation: virtual time stands still at the delivery until that
 *   computation has finished, while other timers before it fire as usual and computations run side by
 *   side. A computation reads what it needs from the world before its first await, so it sees the world
 *   as it was when it started, and events depend on virtual time only, never on how fast the machine
 *   running the lab is or in which order computations finish (`realJitter` tests that).
 *
 * The clock never moves by itself: `runUntil`/`runUntilSettled` (tests, the lab runner, a paused UI
 * stepping) or a real-time driver (the UI playing at 1×–60×) move it.
 */
/** XState's clock interface (not exported by name from xstate). */
export interface Clock {
  setTimeout(fn: (...args: any[]) => void, timeout: number): any;
  clearTimeout(id: any): void;
}

interface Timer {
  id: number;
  at: number;
  seq: number;
  fn: () => void;
  /** The real computation this firing delivers: the clock waits for it before moving on. */
  blocker?: Promise<unknown>;
  label?: string;
}

export interface RunResult {
  /** True when nothing was left to happen; false when the time limit stopped the run first. */
  settled: boolean;
  now: number;
  fired: number;
}

/**
 * Let every pending promise job run before the next timer fires. Node has setImmediate; a browser has
 * none, and a nested setTimeout(0) is clamped to 4 ms (HTML timers spec), which would cap a lab at
 * ~250 events per real second — a message on one reused MessageChannel is not clamped.
 */
const yieldToMacrotask: () => Promise<void> =
  typeof setImmediate === 'function'
    ? () => new Promise((resolve) => setImmediate(resolve))
    : typeof MessageChannel === 'function'
      ? messageChannelYield()
      : () => new Promise((resolve) => setTimeout(resolve, 0));

function messageChannelYield(): () => Promise<void> {
  const channel = new MessageChannel();
  const waiting: Array<() => void> = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}

export class VirtualClock implements Clock {
  #now: number;
  #seq = 0;
  #nextId = 1;
  #timers: Timer[] = [];
  /** The same timers by id: XState cancels a delayed event each time a state with `after` is left early. */
  #byId = new Map<number, Timer>();
  #running = false;
  #realWorkMs = 0;
  /** Real computations still running. */
  #inFlight = new Set<Promise<unknown>>();
  /** The instant the last timer fired at, and how many timers have fired at it so far. */
  #instant = Number.NEGATIVE_INFINITY;
  #firedAtInstant = 0;

  /**
   * `realJitter` (tests only) makes each real computation finish a random real time later, to prove that
   * the order in which computations finish in real time never shows in a run.
   */
  constructor(
    startEpochMs: number,
    readonly realJitter?: () => number,
  ) {
    this.#now = startEpochMs;
  }

  now(): number {
    return this.#now;
  }

  /** XState's Clock: schedules on virtual time. */
  setTimeout(fn: (...args: any[]) => void, timeout: number): number {
    return this.#schedule(Math.max(0, timeout), fn).id;
  }

  clearTimeout(id: number | undefined): void {
    const timer = id === undefined ? undefined : this.#byId.get(id);
    if (!timer) return;
    this.#byId.delete(timer.id);
    this.#timers.splice(this.#positionOf(timer), 1);
  }

  /**
   * Run real asynchronous work that takes `durationMs` of virtual time. The returned promise settles when
   * the clock reaches now + durationMs (never earlier, even if the real work is faster).
   */
  work<T>(durationMs: number, start: () => Promise<T>, label?: string): Promise<T> {
    const jitter = this.realJitter?.() ?? 0;
    const began = performance.now();
    const started = (async () => start())();
    void started.then(
      () => (this.#realWorkMs += performance.now() - began),
      () => (this.#realWorkMs += performance.now() - began),
    );
    const real = jitter > 0 ? started.then((v) => new Promise<T>((r) => setTimeout(() => r(v), jitter))) : started;
    const settled = real.then(
      () => undefined,
      () => undefined,
    );
    this.#inFlight.add(settled);
    void settled.then(() => this.#inFlight.delete(settled));
    // The real promise's own rejection is observed through `delivered`; this handler only keeps an
    // early rejection from being reported as unhandled before the clock reaches the delivery time.
    real.catch(() => undefined);
    return new Promise<T>((resolve, reject) => {
      const timer = this.#schedule(Math.max(0, durationMs), () => {
        real.then(resolve, reject);
      }, label);
      timer.blocker = settled;
    });
  }

  /**
   * Real milliseconds spent in computations (`work`) so far, summed — the crypto the lab actually ran, which
   * the benchmark sets against the whole run (computations that overlap are each counted in full).
   */
  get realWorkMs(): number {
    return this.#realWorkMs;
  }

  /** Number of timers still waiting (delayed events, retries, work deliveries). */
  get pending(): number {
    return this.#timers.length;
  }

  /** Virtual time of the next timer, or undefined when nothing is scheduled. */
  get nextAt(): number | undefined {
    return this.#timers[0]?.at;
  }

  /**
   * How many timers have fired at the current instant so far. Several events can be due at one virtual
   * instant, and a learner stepping one event at a time can act between them: an action is placed by its
   * instant and this count, so a replay does it at exactly the same point (`runTo`).
   */
  get firedAtNow(): number {
    return this.#instant === this.#now ? this.#firedAtInstant : 0;
  }

  /**
   * Bring the clock to where an action was taken: fire every timer due before `at`, move to `at`, then fire
   * the first `firedAtInstant` timers due at `at` itself (never more than there are).
   */
  async runTo(at: number, firedAtInstant: number): Promise<RunResult> {
    if (this.#running) throw new Error('VirtualClock: run() re-entered; one driver at a time');
    this.#running = true;
    let fired = 0;
    try {
      await yieldToMacrotask();
      for (;;) {
        const next = this.#timers[0];
        if (!next || next.at >= at) break;
        await this.#fire(next);
        fired++;
      }
      if (at > this.#now) this.#now = at;
      while (this.firedAtNow < firedAtInstant) {
        const next = this.#timers[0];
        if (!next || next.at !== this.#now) break;
        await this.#fire(next);
        fired++;
      }
      await this.#quiesce();
      return { settled: this.#timers.length === 0, now: this.#now, fired };
    } finally {
      this.#running = false;
    }
  }

  /** Fire the next timer (and everything it starts at the same instant). False when nothing is scheduled. */
  async step(): Promise<boolean> {
    const next = this.#timers[0];
    if (!next) return false;
    await this.#fire(next);
    return true;
  }

  /** Fire every timer due up to `untilEpochMs`, then set the clock to that time. */
  async runUntil(untilEpochMs: number): Promise<RunResult> {
    return this.#run(untilEpochMs, true);
  }

  /**
   * Run until nothing is left to happen, or at most `maxMs` of virtual time. Periodic timers (keep-alives)
   * would never settle; the limit bounds them.
   */
  async runUntilSettled(maxMs: number): Promise<RunResult> {
    return this.#run(this.#now + maxMs, false);
  }

  /** Let what a learner's action started (promise jobs, computations) finish before inspecting the world. */
  async drain(): Promise<void> {
    await yieldToMacrotask();
    await this.#quiesce();
  }

  async #run(limit: number, advanceToLimit: boolean): Promise<RunResult> {
    if (this.#running) throw new Error('VirtualClock: run() re-entered; one driver at a time');
    this.#running = true;
    let fired = 0;
    try {
      await yieldToMacrotask();
      for (;;) {
        const next = this.#timers[0];
        if (!next || next.at > limit) break;
        await this.#fire(next);
        fired++;
      }
      await this.#quiesce();
      const settled = this.#timers.length === 0;
      if (advanceToLimit && limit > this.#now) this.#now = limit;
      return { settled, now: this.#now, fired };
    } finally {
      this.#running = false;
    }
  }

  /** Wait until no real computation is running (new ones may start while waiting for others). */
  async #quiesce(): Promise<void> {
    while (this.#inFlight.size > 0) {
      await Promise.all(this.#inFlight);
      await yieldToMacrotask();
    }
  }

  /** Fire the first timer, once the computation it delivers (if any) has finished. */
  async #fire(timer: Timer): Promise<void> {
    if (timer.blocker) await timer.blocker;
    // Waiting may have let an earlier timer in (a learner's action); fire in order regardless.
    const head = this.#timers[0];
    if (head !== timer) return;
    this.#timers.shift();
    this.#byId.delete(timer.id);
    if (timer.at > this.#now) this.#now = timer.at;
    if (this.#instant !== this.#now) {
      this.#instant = this.#now;
      this.#firedAtInstant = 0;
    }
    this.#firedAtInstant++;
    timer.fn();
    await yieldToMacrotask();
  }

  #schedule(delay: number, fn: () => void, label?: string): Timer {
    const timer: Timer = { id: this.#nextId++, at: this.#now + delay, seq: this.#seq++, fn, label };
    this.#timers.splice(this.#positionOf(timer), 0, timer);
    this.#byId.set(timer.id, timer);
    return timer;
  }

  /**
   * Where `timer` is, or goes, in the queue. The queue is ordered by (time, creation order), so
   * same-instant timers fire in the order they were set and each timer has exactly one place.
   */
  #positionOf(timer: Timer): number {
    let lo = 0;
    let hi = this.#timers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const t = this.#timers[mid];
      if (t.at < timer.at || (t.at === timer.at && t.seq < timer.seq)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
