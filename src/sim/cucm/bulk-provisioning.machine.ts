/**
 * "Cisco Bulk Provisioning Service" on the publisher: it runs the Bulk Administration jobs of the Job
 * Scheduler (cucm/bulk.ts). A job waits until its time; then the service runs its query, and for each phone
 * found, one record after another, writes the CAPF Information and does the job's Reset/Restart choice —
 * the same NOTIFY a page's Reset or Apply Config sends (service-control.ts). When the last record is done
 * the job is reported as completed. The lab keeps the service activated and running (Serviceability does not
 * offer it); the jobs live in the database, so the pages read them there.
 */
import { assign, enqueueActions, setup } from 'xstate';
import type { SimEnv } from '../env';
import { toNetwork } from '../network';
import type { ServiceControlAction } from '../protocols/sip';
import { BULK_RECORD_MS, type BulkJob, type ResetOption } from './bulk';
import type { PhoneQuery } from './phone-query';
import type { ClusterDatabase, PhoneRecord } from './database';
import type { TimeZoneRule } from '../time';
import { serviceControlDatagram } from './service-control';

export interface BulkProvisioningInput {
  env: SimEnv;
}

/** How the service finds a job's phones (cucm/phone-query.ts `findPhones`, handed over with each job). */
export type PhoneSearch = (db: Pick<ClusterDatabase, 'phones'>, q: PhoneQuery, zone: TimeZoneRule) => PhoneRecord[];

interface BulkProvisioningContext {
  env: SimEnv;
  search: PhoneSearch | null;
  /** The job running: its id, the phones its query found, and the next one to do. */
  running: { id: number; devices: string[]; next: number } | null;
}

export type BulkProvisioningEvent = { type: 'bps.jobs.changed'; search: PhoneSearch };

const RESET_ACTION: Record<ResetOption, ServiceControlAction | null> = {
  "Don't Reset/Restart phones/Apply Config": null,
  'Reset phones': 'reset',
  'Restart phones': 'restart',
  'Apply Config': 'apply-config',
};

/** The activated job due first. */
function nextJob(env: SimEnv): BulkJob | undefined {
  let due: BulkJob | undefined;
  for (const j of env.db.bulkJobs) {
    if (j.status !== 'Pending' || j.scheduledAt === undefined) continue;
    if (!due || j.scheduledAt < due.scheduledAt!) due = j;
  }
  return due;
}

/** Six digits from the seed, per job and device (BAT's "Generate unique authentication string for each device"). */
function uniqueString(env: SimEnv, job: number, device: string): string {
  return String(env.random.fork(`bulk/${job}/${device}`).int(100000, 999999));
}

export const bulkProvisioningMachine = setup({
  types: { context: {} as BulkProvisioningContext, input: {} as BulkProvisioningInput, events: {} as BulkProvisioningEvent },
  delays: {
    untilNextJob: ({ context }) => Math.max(0, (nextJob(context.env)?.scheduledAt ?? context.env.clock.now()) - context.env.clock.now()),
    recordTime: BULK_RECORD_MS,
  },
  guards: {
    hasDueJob: ({ context }) => {
      if (!context.search) return false;
      const job = nextJob(context.env);
      return job !== undefined && job.scheduledAt! <= context.env.clock.now();
    },
    hasPendingJob: ({ context }) => context.search !== null && nextJob(context.env) !== undefined,
    isJobDone: ({ context }) => context.running === null || context.running.next >= context.running.devices.length,
  },
  actions: {
    keepSearch: assign(({ event }) => ({ search: event.search })),
    startJob: assign(({ context }) => {
      const { env } = context;
      const job = nextJob(env)!;
      const devices = context.search!(env.db, job.query, env.zone).map((r) => r.deviceName);
      env.db.updateBulkJob(job.id, { status: 'Processing', startedAt: env.clock.now(), found: devices.length, records: [] });
      return { running: { id: job.id, devices, next: 0 } };
    }),
    processRecord: enqueueActions(({ context, enqueue, system }) => {
      const { env } = context;
      const running = context.running!;
      const device = running.devices[running.next];
      const job = env.db.bulkJob(running.id)!;
      const record = env.db.phone(device);
      if (!record) {
        env.db.updateBulkJob(job.id, { records: [...job.records, { device, result: 'Failed', reason: 'Device not found' }] });
      } else {
        const authenticationString = job.uniqueAuthenticationStrings ? uniqueString(env, job.id, device) : job.capf.authenticationString;
        env.db.saveCapfInformation(device, { ...job.capf, authenticationString });
        const action = RESET_ACTION[job.resetOption];
        const datagram = action ? serviceControlDatagram(env, device, action) : undefined;
        if (datagram) toNetwork(enqueue, system, datagram);
        env.db.updateBulkJob(job.id, { records: [...job.records, { device, result: 'Success' }] });
      }
      enqueue.assign({ running: { ...running, next: running.next + 1 } });
    }),
    finishJob: assign(({ context }) => {
      const { env } = context;
      if (context.running) env.db.updateBulkJob(context.running.id, { status: 'Completed', endedAt: env.clock.now() });
      return { running: null };
    }),
  },
}).createMachine({
  id: 'bps',
  context: ({ input }) => ({ env: input.env, search: null, running: null }),
  initial: 'idle',
  states: {
    idle: {
      initial: 'deciding',
      on: { 'bps.jobs.changed': { target: '.deciding', reenter: true, actions: 'keepSearch' } },
      states: {
        deciding: {
          always: [{ guard: 'hasDueJob', target: '#bps.processing' }, { guard: 'hasPendingJob', target: 'waiting' }, { target: 'empty' }],
        },
        waiting: { after: { untilNextJob: 'deciding' } },
        empty: {},
      },
    },
    processing: {
      entry: 'startJob',
      initial: 'record',
      states: {
        record: {
          always: { guard: 'isJobDone', target: '#bps.idle', actions: 'finishJob' },
          after: { recordTime: { target: 'record', reenter: true, actions: 'processRecord' } },
        },
      },
    },
  },
});
