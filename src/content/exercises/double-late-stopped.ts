/**
 * Two faults whose fix order matters: the operation's deadline has passed and CAPF is stopped. Started
 * first, CAPF answers the phone's next attempt with a late-request failure; corrected first, the operation
 * succeeds as soon as CAPF runs.
 */
import { capfFormOf } from '../../sim/faults';
import { operationCompletesByString } from '../../sim/time';
import { CAPF_RUNNING, EXERCISE_LOCKS, LSC_FROM_CAPF, NOT_LATE, UPGRADE_SUCCESS } from './builders';
import type { Exercise } from './types';

export const doubleLateStopped: Exercise = {
  id: 'double-late-stopped',
  version: 1,
  kind: 'double',
  title: { en: 'Two faults: a late operation and a stopped CAPF' },
  brief: {
    en: 'The operation for {device} was saved with a mistake, and the CAPF service on {publisher} is stopped. Fix both so that the phone’s next attempt succeeds.',
  },
  scenario: 'seed-lab',
  faults: ['capf.deadline-passed', 'capf.service-stopped'],
  startsWithProcedure: true,
  locks: EXERCISE_LOCKS,
  goals: [CAPF_RUNNING, NOT_LATE, LSC_FROM_CAPF, UPGRADE_SUCCESS],
  hints: [
    { en: 'Read the phone’s CAPF Information in Device > Phone > {device}, and the services of {publisher} in Control Center - Feature Services.' },
    { en: 'Operation Completes By lies in the past, and nothing answers on TCP 3804. If CAPF comes back first, it refuses the phone’s request as late and the operation fails.' },
    { en: 'First set Operation Completes By ahead in CAPF Information, Save, Apply Config. Then start Cisco Certificate Authority Proxy Function on {publisher} and Reset the phone.' },
  ],
  solution: (world) => {
    const pub = world.env.scenario.nodes.find((n) => n.role === 'publisher')!.name;
    const device = world.env.scenario.phones[0].deviceName;
    return [
      { type: 'cucm.phone.save', device, capf: capfFormOf(world, device, { operationCompletesBy: operationCompletesByString(world.now + 2 * 3600_000, world.env.zone) }) },
      { type: 'cucm.phone.applyConfig', device },
      { type: 'serviceability.start', node: pub, service: 'capf' },
      { wait: 10_000 },
      { type: 'cucm.phone.reset', device },
    ];
  },
};
