/** The Faults page: a fault's state, and the mystery's Check. */
export default {
  'faults.fixed': 'Fixed',
  'faults.active': 'Active',
  'faults.notActive': 'Not active',
  'faults.mystery.cause': 'The cause of the failure is gone',
  'faults.mystery.lsc': 'The phone holds an LSC issued by this cluster’s CAPF',
  'faults.mystery.status': 'CUCM shows Upgrade Success for the phone',
  'faults.mystery.solved': 'The mystery is solved.',
} as const;
