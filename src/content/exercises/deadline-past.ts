/** The article's troubleshooting case "Operation Completes By in the past" (TAC 213295; fault `capf.deadline-passed` in src/sim/faults.ts). */
import { NOT_LATE, troubleshooting } from './builders';

export const deadlinePast = troubleshooting({
  id: 'deadline-past',
  version: 1,
  fault: 'capf.deadline-passed',
  title: { en: 'Operation Completes By in the past' },
  brief: { en: 'The operation for {device} was saved with a mistake, and CAPF refuses it. Correct the operation so the phone gets its LSC.' },
  cause: [NOT_LATE],
});
