/** The inspector's Worker: runs jobs.ts off the page's thread, so a large or hostile file never freezes it. */
import { runJob, type Job } from './jobs';

self.onmessage = async (event: MessageEvent<{ id: number; job: Job }>) => {
  const { id, job } = event.data;
  try {
    self.postMessage({ id, result: await runJob(job) });
  } catch (e) {
    self.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
};
