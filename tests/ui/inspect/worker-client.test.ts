/**
 * The inspector's Worker as the page depends on it: a job that never comes back is given up after the time
 * limit with a reason, the stuck Worker is stopped, and the next job gets a fresh Worker — the page stays usable.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

class StuckWorker {
  static made: StuckWorker[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  constructor() {
    StuckWorker.made.push(this);
  }
  postMessage() {
    // a parser spinning on hostile bytes: no answer, ever
  }
  terminate() {
    this.terminated = true;
  }
}

/**
 * Let real I/O (the module load, slow on a loaded machine) happen without moving the fake clock, as
 * vi.waitFor would: yield with setImmediate, which is not faked, for up to 30 s of real time.
 */
async function until(done: () => boolean) {
  const end = performance.now() + 30_000;
  while (!done() && performance.now() < end) await new Promise((r) => setImmediate(r));
  expect(done()).toBe(true);
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('worker-client', () => {
  it('gives a stuck job up after JOB_TIME_LIMIT_MS, stops that Worker, and starts a new one for the next job', async () => {
    vi.stubGlobal('Worker', StuckWorker);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { runInWorker, JOB_TIME_LIMIT_MS } = await import('../../../src/ui/inspect/worker-client');
    const job = runInWorker({ op: 'upload', bytes: new Uint8Array(3), want: 'certificate' });
    const outcome = job.then(
      () => 'answered',
      (e: Error) => e.message,
    );
    // The Worker module loads for real; only then is the job posted and its timer set.
    await until(() => StuckWorker.made.length === 1);
    await until(() => vi.getTimerCount() === 1);
    await vi.advanceTimersByTimeAsync(JOB_TIME_LIMIT_MS - 1);
    expect(StuckWorker.made[0].terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    expect(await outcome).toBe(`reading took longer than ${JOB_TIME_LIMIT_MS / 1000} s and was stopped`);
    expect(StuckWorker.made).toHaveLength(1);
    expect(StuckWorker.made[0].terminated).toBe(true);

    void runInWorker({ op: 'upload', bytes: new Uint8Array(3), want: 'certificate' }).catch(() => undefined);
    await until(() => StuckWorker.made.length === 2);
    expect(StuckWorker.made[1].terminated).toBe(false);
  });
});
