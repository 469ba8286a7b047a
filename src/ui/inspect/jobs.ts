/**
 * The reading the inspector and the upload pages hand off the main thread: inspecting files, and making an
 * upload ready for a text field. Plain data in, plain data out (structured-clone safe), so it runs the same
 * in the Worker (inspect.worker.ts) and, where no Worker exists (component tests), in the page.
 */
import { inspectFiles, type FileReport, type InspectInput } from '../../itl/inspect';
import { prepareUpload, type PreparedUpload, type UploadError } from '../../pki/input';
import { javaDateString, UTC } from '../../sim/time';

export type Job =
  | { op: 'inspect'; inputs: InspectInput[]; now: number }
  | { op: 'upload'; bytes: Uint8Array; want: 'certificate' | 'csr' };

export type JobResult<J extends Job> = J extends { op: 'inspect' } ? FileReport[] : { ok: true; value: PreparedUpload } | { ok: false; error: UploadError };

export async function runJob<J extends Job>(job: J): Promise<JobResult<J>> {
  if (job.op === 'inspect') {
    // Dates print as Java prints them, in UTC: a file from any cluster reads the same everywhere.
    return (await inspectFiles(job.inputs, { formatDate: (ms) => javaDateString(ms, UTC), now: job.now })) as JobResult<J>;
  }
  return prepareUpload(job.bytes, job.want) as JobResult<J>;
}
