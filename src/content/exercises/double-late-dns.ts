/**
 * Two faults whose fix order matters: the operation's deadline has passed and the publisher's name has no
 * DNS record. With DNS fixed first, the phone reaches CAPF with a late request and the operation fails;
 * with the deadline corrected first, fixing DNS completes it.
 */
import { capfFormOf } from '../../sim/faults';
import { operationCompletesByString } from '../../sim/time';
import { DNS_RESOLVES, EXERCISE_LOCKS, LSC_FROM_CAPF, NOT_LATE, UPGRADE_SUCCESS } from './builders';
import type { Exercise } from './types';

export const doubleLateDns: Exercise = {
  id: 'double-late-dns',
  version: 1,
  kind: 'double',
  title: { en: 'Two faults: a late operation and a missing DNS record' },
  brief: {
    en: 'The phones know the publisher as {serverName}, and the operation for {device} was saved with a mistake. Fix both so that the phone’s next attempt succeeds.',
  },
  scenario: 'seed-lab',
  faults: ['capf.deadline-passed', 'dns.capf-host-missing'],
  startsWithProcedure: true,
  locks: EXERCISE_LOCKS,
  goals: [DNS_RESOLVES, NOT_LATE, LSC_FROM_CAPF, UPGRADE_SUCCESS],
  hints: [
    { en: 'Look at the phone’s status messages and DNS lookups, and at its CAPF Information in Device > Phone > {device}.' },
    { en: 'The DNS server has no record for {serverName}, and Operation Completes By lies in the past. Once the name resolves, CAPF refuses a late request and the operation fails.' },
    { en: 'First set Operation Completes By ahead in CAPF Information, Save, Apply Config. Then add the host record {serverName} → {publisherIp} in DNS Manager and Reset the phone.' },
  ],
  solution: (world) => {
    const pub = world.env.scenario.nodes.find((n) => n.role === 'publisher')!;
    const device = world.env.scenario.phones[0].deviceName;
    return [
      { type: 'cucm.phone.save', device, capf: capfFormOf(world, device, { operationCompletesBy: operationCompletesByString(world.now + 2 * 3600_000, world.env.zone) }) },
      { type: 'cucm.phone.applyConfig', device },
      { type: 'dns.record.set', name: pub.serverName, address: pub.ip },
      { type: 'cucm.phone.reset', device },
    ];
  },
};
