/** The seed procedure itself (TAC 213295): install an LSC with null-string authentication. */
import { EXERCISE_LOCKS, LSC_FROM_CAPF, procedureSteps, UPGRADE_SUCCESS } from './builders';
import type { Exercise } from './types';

export const lscInstall: Exercise = {
  id: 'lsc-install',
  version: 1,
  kind: 'procedure',
  title: { en: 'Install an LSC (TAC 213295)' },
  brief: {
    en: 'The cluster and the phone {device} are ready. Install a 2048-bit RSA LSC through CAPF with null-string authentication, as Cisco’s article 213295 does, and watch the phone get it.',
  },
  scenario: 'seed-lab',
  startsWithProcedure: false,
  locks: EXERCISE_LOCKS,
  goals: [LSC_FROM_CAPF, UPGRADE_SUCCESS],
  hints: [
    { en: 'Open the phone in Cisco Unified CM Administration: Device > Phone > Find > {device}, and scroll to Certification Authority Proxy Function (CAPF) Information.' },
    { en: 'Choose Certificate Operation Install/Upgrade and Authentication Mode By Null String; leave the key settings; set Operation Completes By at least an hour ahead.' },
    { en: 'Save (the status reads Operation Pending), then Apply Config, and let the lab run (60× helps) until CUCM shows Upgrade Success.' },
  ],
  solution: (world) => procedureSteps(world),
};
