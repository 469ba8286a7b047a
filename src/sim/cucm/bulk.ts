/**
 * Bulk Administration > Phones > Update Phones > Query (System Configuration Guide 12.5(1)SU2 "Update CAPF
 * Settings via Bulk Admin"; BAT Guide 15 "Phone Updates"; domain.md §14.8): find the phones with the query,
 * set their "Certification Authority Proxy Function (CAPF) Information", choose what happens to them
 * afterwards ("Don't Reset/Restart phones/Apply Config", "Reset phones", "Restart phones", "Apply Config"),
 * and submit a job that runs immediately or later. Jobs are listed in Bulk Administration > Job Scheduler,
 * where a job is reported as completed with its "Job Results" (start and end time, a summary).
 *
 * Job status strings other than "Completed" are not in our sources: "Hold" (a Run Later job waiting to be
 * activated), "Pending" (activated, waiting for its time) and "Processing" are our recollection of the Job
 * Scheduler; job numbers, the results log's layout and the six-digit unique authentication strings are ours.
 */
import type { AuthenticationMode, CapfInformation, CertificateOperation, EcKeySize, KeyOrder, RsaKeySize } from './database';
import type { PhoneQuery } from './phone-query';

export const RESET_OPTIONS = ["Don't Reset/Restart phones/Apply Config", 'Reset phones', 'Restart phones', 'Apply Config'] as const;
export type ResetOption = (typeof RESET_OPTIONS)[number];

/** The CAPF Information section of Update Phones (what the job writes to every phone it finds). */
export interface BulkCapfForm {
  certificateOperation: CertificateOperation;
  authenticationMode: AuthenticationMode;
  /** "Generate unique authentication string for each device" (else `authenticationString` for all). */
  uniqueAuthenticationStrings: boolean;
  authenticationString?: string;
  keyOrder: KeyOrder;
  rsaKeySize: RsaKeySize;
  ecKeySize: EcKeySize;
  /** "YYYY:MM:DD:HH" */
  operationCompletesBy: string;
}

export type BulkJobStatus = 'Hold' | 'Pending' | 'Processing' | 'Completed';

export interface BulkJobRecord {
  device: string;
  result: 'Success' | 'Failed';
  reason?: string;
}

export interface BulkJob {
  id: number;
  /** "Job Description" */
  description: string;
  /** What the job does, as the Job Scheduler lists it. */
  type: 'Update Phones - Query';
  status: BulkJobStatus;
  submittedAt: number;
  /** When it runs (Run Immediately: the submission; Run Later: what the Job Configuration page set). */
  scheduledAt?: number;
  startedAt?: number;
  endedAt?: number;
  query: PhoneQuery;
  /** The CAPF Information the job writes, as validated at submission. */
  capf: CapfInformation;
  uniqueAuthenticationStrings: boolean;
  resetOption: ResetOption;
  /** Phones the query found when the job started, and what became of each. */
  records: BulkJobRecord[];
  found: number;
}

/** How long the Bulk Provisioning Service spends on one phone record (virtual; our figure). */
export const BULK_RECORD_MS = 200;

/** First job number of a lab (ours). */
export const FIRST_BULK_JOB_ID = 1001;

/** The Job Results log of a finished job (layout ours; start and end time and the summary are the guide's). */
export function jobResultsText(job: BulkJob, format: (epochMs: number) => string): string {
  const failed = job.records.filter((r) => r.result === 'Failed');
  const lines = [
    `Job ID: ${job.id}`,
    `Job Description: ${job.description}`,
    `Job Type: ${job.type}`,
    `Start Time: ${job.startedAt === undefined ? '' : format(job.startedAt)}`,
    `End Time: ${job.endedAt === undefined ? '' : format(job.endedAt)}`,
    `Number of records found: ${job.found}`,
    `Number of records processed: ${job.records.length}`,
    `Number of records updated successfully: ${job.records.length - failed.length}`,
    `Number of records failed: ${failed.length}`,
  ];
  for (const r of failed) lines.push(`${r.device}: ${r.reason ?? 'Failed'}`);
  return lines.join('\n');
}
