/**
 * Runs a job (jobs.ts) in the inspector's Worker, one Worker for the page, created on first use. Where
 * Workers do not exist (happy-dom in component tests) or the Worker cannot start, the job runs in the page.
 * A job that takes longer than JOB_TIME_LIMIT_MS is given up and the Worker replaced: the page stays usable
 * whatever a file does to the parsers.
 */
import type { Job, JobResult } from './jobs';

export const JOB_TIME_LIMIT_MS = 20_000;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

let worker: Promise<Worker | null> | undefined;
const pending = new Map<number, Pending>();
let nextId = 1;

async function startWorker(): Promise<Worker | null> {
  if (typeof Worker === 'undefined') return null;
  try {
    const { default: InspectWorker } = await import('./inspect.worker.ts?worker');
    const w = new InspectWorker();
    w.onmessage = (event: MessageEvent<{ id: number; result?: unknown; error?: string }>) => {
      const job = pending.get(event.data.id);
      if (!job) return;
      pending.delete(event.data.id);
      clearTimeout(job.timer);
      if (event.data.error !== undefined) job.reject(new Error(event.data.error));
      else job.resolve(event.data.result);
    };
    w.onerror = (event) => {
      event.preventDefault?.();
      fail(new Error(event.message || 'the reading thread stopped'));
    };
    return w;
  } catch {
    return null;
  }
}

/** Reject every job in flight and start afresh next time. */
function fail(error: Error): void {
  for (const job of pending.values()) {
    clearTimeout(job.timer);
    job.reject(error);
  }
  pending.clear();
  void worker?.then((w) => w?.terminate());
  worker = undefined;
}

export async function runInWorker<J extends Job>(job: J): Promise<JobResult<J>> {
  worker ??= startWorker();
  const w = await worker;
  if (!w) {
    const { runJob } = await import('./jobs');
    return runJob(job);
  }
  const id = nextId++;
  return new Promise<JobResult<J>>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`reading took longer than ${JOB_TIME_LIMIT_MS / 1000} s and was stopped`)), JOB_TIME_LIMIT_MS);
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
    w.postMessage({ id, job });
  });
}
