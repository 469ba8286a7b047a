/**
 * `npm run fuzz -- [--runs N] [--seed S]`: mutated and random inputs through every decoder of untrusted
 * input (targets.ts), on worker threads with a time limit per input. Seeded: the same seed gives the same
 * inputs, and `--run R` repeats one of them. Ends with `N runs, N unexpected exceptions, N hangs`; exits 1
 * unless both are 0.
 *
 *   npm run fuzz                        100 000 runs, seed 1
 *   npm run fuzz -- --runs 2000 --seed 7
 *   npm run fuzz -- --seed 7 --run 1234 one run again (the one a failure named)
 *   options: --timeout MS (per input, 5000) --workers N (2) --targets a,b
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { fuzzInput } from './mutate';
import type { FuzzTarget } from './targets';
import type { WorkerData, WorkerMessage } from './worker';

const USAGE = 'usage: npm run fuzz -- [--runs N] [--seed S] [--run R] [--timeout MS] [--workers N] [--targets a,b]';

function usage(message: string): never {
  console.error(`fuzz: ${message}\n${USAGE}`);
  process.exit(2);
}

let values;
try {
  values = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: {
      runs: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      run: { type: 'string' },
      timeout: { type: 'string', default: '5000' },
      workers: { type: 'string', default: String(Math.min(2, availableParallelism())) },
      targets: { type: 'string' },
      // For the fuzzer's own tests: another registry module (e.g. one with a target that hangs).
      registry: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  }).values;
} catch (e) {
  usage((e as Error).message);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const int = (name: string, text: string, min: number) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) usage(`--${name} must be an integer ≥ ${min}`);
  return n;
};
const runs = int('runs', values.runs, 1);
const seed = int('seed', values.seed, 0);
const timeoutMs = int('timeout', values.timeout, 10);
const workerCount = int('workers', values.workers, 1);
const single = values.run === undefined ? undefined : int('run', values.run, 0);
const registry = values.registry ? pathToFileURL(resolve(values.registry)).href : new URL('./targets.ts', import.meta.url).href;
const { TARGETS } = (await import(registry)) as { TARGETS: FuzzTarget[] };
const wanted = values.targets?.split(',') ?? TARGETS.map((t) => t.name);
for (const name of wanted) if (!TARGETS.some((t) => t.name === name)) usage(`no target named ${name} (there are: ${TARGETS.map((t) => t.name).join(', ')})`);

interface Failure {
  run: number;
  target: string;
  kind: 'exception' | 'check' | 'hang';
  message: string;
}
const failures: Failure[] = [];
let done = 0;
const perTarget: Record<string, number> = {};

/** Run [from, to) with the given step on one thread, restarting it after a hang. */
function runSlice(from: number, step: number, to: number): Promise<void> {
  return new Promise((resolveSlice) => {
    const shared = new SharedArrayBuffer(8);
    const state = new Int32Array(shared);
    const data: WorkerData = { registry, seed, from, step, to, targets: wanted, shared };
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: data });
    let ready = false;
    let lastCount = -1;
    let lastChange = Date.now();
    let finished = false;
    const finish = () => {
      finished = true;
      clearInterval(watch);
    };
    const watch = setInterval(() => {
      if (!ready || finished) return;
      const count = Atomics.load(state, 1);
      if (count !== lastCount) {
        lastCount = count;
        lastChange = Date.now();
        return;
      }
      if (Date.now() - lastChange < timeoutMs) return;
      // A run that has not finished within the limit: stop the thread (it may be spinning) and go on after it.
      const run = Atomics.load(state, 0);
      const target = wanted[run % wanted.length];
      failures.push({ run, target, kind: 'hang', message: `no result within ${timeoutMs} ms` });
      done += Math.floor((run - from) / step) + 1;
      perTarget[target] = (perTarget[target] ?? 0) + 1;
      finish();
      void worker.terminate().then(() => runSlice(run + step, step, to).then(resolveSlice));
    }, 50);
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') ready = true;
      else if (m.type === 'failure') failures.push(m);
      else if (m.type === 'done') {
        done += m.runs;
        for (const [t, n] of Object.entries(m.perTarget)) perTarget[t] = (perTarget[t] ?? 0) + n;
        finish();
        void worker.terminate().then(() => resolveSlice());
      }
    });
    worker.on('error', (e) => {
      if (finished) return;
      if (!ready) {
        // Not one input ran: the registry or a target's corpus does not load. That is a setup error, not a finding.
        console.error(`fuzz: the fuzzing thread could not start: ${e.stack ?? e.message}`);
        process.exit(2);
      }
      // The thread itself died (out of memory, a crash in a native module): count the run it was on.
      const run = Atomics.load(state, 0);
      failures.push({ run, target: wanted[run % wanted.length], kind: 'exception', message: `the fuzzing thread died: ${e.message}` });
      done += Math.floor((run - from) / step) + 1;
      finish();
      runSlice(run + step, step, to).then(resolveSlice);
    });
  });
}

const started = Date.now();
if (single !== undefined) {
  await runSlice(single, 1, single + 1);
} else {
  console.log(`fuzzing ${wanted.join(', ')}: ${runs} runs, seed ${seed}, ${workerCount} threads, ${timeoutMs} ms per input`);
  await Promise.all(Array.from({ length: Math.min(workerCount, runs) }, (_, k) => runSlice(k, workerCount, runs)));
}

if (failures.length > 0) {
  const dir = resolve('.fuzz-failures');
  mkdirSync(dir, { recursive: true });
  const corpora = new Map<string, Uint8Array[]>();
  for (const f of failures.sort((a, b) => a.run - b.run)) {
    const target = TARGETS.find((t) => t.name === f.target)!;
    if (!corpora.has(f.target)) corpora.set(f.target, target.corpus());
    const file = join(dir, `${f.target}-seed${seed}-run${f.run}.bin`);
    writeFileSync(file, fuzzInput(seed, f.target, f.run, corpora.get(f.target)!));
    console.log(`${f.kind} in ${f.target}, run ${f.run} (input in ${file}; again: npm run fuzz -- --seed ${seed} --run ${f.run}${values.targets ? ` --targets ${values.targets}` : ''}):\n  ${f.message.split('\n').slice(0, 6).join('\n  ')}`);
  }
}
for (const name of wanted) console.log(`  ${name}: ${perTarget[name] ?? 0} runs`);
console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
const exceptions = failures.filter((f) => f.kind !== 'hang').length;
const hangs = failures.length - exceptions;
console.log(`${done} runs, ${exceptions} unexpected exceptions, ${hangs} hangs`);
process.exit(exceptions + hangs === 0 ? 0 : 1);
