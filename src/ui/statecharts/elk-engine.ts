/**
 * ELK in a Web Worker: the page keeps only elkjs' small promise API (elk-api.js) and hands the layout to
 * `elk-worker.min.js` (elkjs 0.12.1, ~1.6 MB, the Java layouter compiled to JavaScript) running off the
 * main thread, so laying out a machine never stalls the clock or the page. Both are imported from this
 * module only, and this module only from the Statecharts page: the layout library loads with that page
 * and no other. A worker that cannot start, or a layout that does not come back, is an error with a
 * reason — never a diagram that spins forever.
 */
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { LayoutEngine } from './layout';

/** Longer than the largest machine takes on a slow laptop (~0.5 s in Node on this machine's 2 cores). */
const LAYOUT_TIMEOUT_MS = 30_000;

let engine: Promise<LayoutEngine> | undefined;

async function start(): Promise<LayoutEngine> {
  const [{ default: ELK }, { default: workerUrl }] = await Promise.all([import('elkjs/lib/elk-api.js'), import('elkjs/lib/elk-worker.min.js?url')]);
  let failure: string | undefined;
  const failed = new Set<(reason: string) => void>();
  const elk = new ELK({
    workerUrl,
    workerFactory: (url?: string) => {
      const worker = new Worker(url!);
      worker.addEventListener('error', (e) => {
        failure = e.message || 'the layout worker could not start';
        for (const reject of failed) reject(failure);
      });
      return worker;
    },
  });
  return {
    layout(graph: ElkNode): Promise<ElkNode> {
      if (failure) return Promise.reject(new Error(failure));
      return new Promise<ElkNode>((resolve, reject) => {
        const fail = (reason: string) => {
          clearTimeout(timer);
          failed.delete(fail);
          reject(new Error(reason));
        };
        const timer = setTimeout(() => fail(`the layout took longer than ${LAYOUT_TIMEOUT_MS / 1000} s`), LAYOUT_TIMEOUT_MS);
        failed.add(fail);
        elk.layout(graph).then(
          (laid) => {
            clearTimeout(timer);
            failed.delete(fail);
            resolve(laid);
          },
          (e: unknown) => fail(e instanceof Error ? e.message : String(e)),
        );
      });
    },
  };
}

/** The page's layout engine: one worker, started on first use. */
export function workerEngine(): Promise<LayoutEngine> {
  engine ??= start().catch((e) => {
    engine = undefined;
    throw e;
  });
  return engine;
}
