/**
 * One fuzzing thread: runs its share of the run numbers (from, from + step, …) through the targets, telling
 * the main thread through shared memory which run it is on (so a hang is seen from outside, even one that
 * never yields) and by message what failed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { fuzzInput } from './mutate';
import type { FuzzTarget } from './targets';

export interface WorkerData {
  registry: string;
  seed: number;
  from: number;
  step: number;
  to: number;
  targets: string[];
  /** Int32Array over it: [0] the run in progress, [1] a counter bumped at each run's start. */
  shared: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'failure'; run: number; target: string; kind: 'exception' | 'check'; message: string }
  | { type: 'done'; runs: number; perTarget: Record<string, number> };

const data = workerData as WorkerData;
const state = new Int32Array(data.shared);
const { TARGETS } = (await import(data.registry)) as { TARGETS: FuzzTarget[] };
const targets = data.targets.map((name) => TARGETS.find((t) => t.name === name)!);
const corpora = new Map(targets.map((t) => [t.name, t.corpus()]));
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
post({ type: 'ready' });

let runs = 0;
const perTarget: Record<string, number> = {};
for (let run = data.from; run < data.to; run += data.step) {
  const target = targets[run % targets.length];
  Atomics.store(state, 0, run);
  Atomics.add(state, 1, 1);
  const input = fuzzInput(data.seed, target.name, run, corpora.get(target.name)!);
  try {
    const problem = await target.run(input);
    if (problem) post({ type: 'failure', run, target: target.name, kind: 'check', message: problem });
  } catch (e) {
    if (!target.isExpectedError?.(e)) {
      post({ type: 'failure', run, target: target.name, kind: 'exception', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  }
  runs++;
  perTarget[target.name] = (perTarget[target.name] ?? 0) + 1;
}
post({ type: 'done', runs, perTarget });
