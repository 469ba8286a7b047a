/** A mystery: the seed picks one of several faults in what the phone and the cluster trust. */
import { EXERCISE_LOCKS, LSC_FROM_CAPF, UPGRADE_SUCCESS } from './builders';
import type { Exercise } from './types';

export const mysteryTrust: Exercise = {
  id: 'mystery-trust',
  version: 1,
  kind: 'mystery',
  title: { en: 'Mystery: a matter of trust' },
  brief: {
    en: 'The operation for {device} was saved and applied, CAPF runs, and still the phone gets no LSC. Something in what the phone or the cluster trusts is wrong. Find the cause, fix it, and let the phone finish.',
  },
  scenario: 'seed-lab',
  pool: ['itl.phone-mismatch', 'capf.cert-expired', 'itl.corrupted', 'itl.cscus33755', 'phone.foreign-itl'],
  startsWithProcedure: true,
  locks: EXERCISE_LOCKS,
  goals: [{ id: 'cause-fixed', label: { en: 'The cause of the failure is gone' }, faultFixed: true }, LSC_FROM_CAPF, UPGRADE_SUCCESS],
  hints: [{ en: 'Compare what the phone holds (Security Setup > Trust List) with what the TFTP servers serve (`show itl`) and what Certificate Management lists, and read the TVS trace.' }],
  hintsFromPickedFault: true,
  solution: (world, faults) => faults.flatMap((f) => f.fix(world)),
};
