/** A mystery: the seed picks one of several faults that keep the phone from reaching a working CAPF. */
import { EXERCISE_LOCKS, LSC_FROM_CAPF, UPGRADE_SUCCESS } from './builders';
import type { Exercise } from './types';

export const mysteryConnection: Exercise = {
  id: 'mystery-connection',
  version: 1,
  kind: 'mystery',
  title: { en: 'Mystery: the LSC never arrives' },
  brief: {
    en: 'The operation for {device} was saved and applied the way the article says, and still the phone gets no LSC. Something in the cluster or the network is wrong. Find the cause, fix it, and let the phone finish.',
  },
  scenario: 'seed-lab',
  pool: ['capf.not-activated', 'capf.service-stopped', 'capf.cert-regenerated', 'network.capf-port-blocked', 'dns.capf-host-missing', 'tvs.down'],
  startsWithProcedure: true,
  locks: EXERCISE_LOCKS,
  goals: [{ id: 'cause-fixed', label: { en: 'The cause of the failure is gone' }, faultFixed: true }, LSC_FROM_CAPF, UPGRADE_SUCCESS],
  hints: [{ en: 'Start where the phone reports: its status messages (Logs, or Settings on the phone). Then follow its attempt step by step in the Message trace: name lookup, trust list, TCP 3804.' }],
  hintsFromPickedFault: true,
  solution: (world, faults) => faults.flatMap((f) => f.fix(world)),
};
