/**
 * Two faults whose fix order matters: CAPF was never activated and its certificate has expired. The ITLs
 * are built when Cisco TFTP starts, so the certificate must be regenerated before TFTP restarts: the
 * other way round the ITLs carry the expired certificate and TFTP must be restarted again.
 */
import { CAPF_ACTIVATED, CAPF_VALID, EXERCISE_LOCKS, ITLS_CARRY_CAPF, LSC_FROM_CAPF, UPGRADE_SUCCESS } from './builders';
import type { Exercise } from './types';

export const doubleActivateExpired: Exercise = {
  id: 'double-activate-expired',
  version: 1,
  kind: 'double',
  title: { en: 'Two faults: CAPF never activated, its certificate expired' },
  brief: {
    en: 'A cluster that never used CAPF: the service was never activated, and its certificate ran out long ago. The operation for {device} is saved and applied. Fix both, in an order that works the first time.',
  },
  scenario: 'seed-lab',
  faults: ['capf.not-activated', 'capf.cert-expired'],
  startsWithProcedure: true,
  locks: EXERCISE_LOCKS,
  goals: [CAPF_ACTIVATED, CAPF_VALID, ITLS_CARRY_CAPF, LSC_FROM_CAPF, UPGRADE_SUCCESS],
  hints: [
    { en: 'Look at Service Activation on {publisher}, at the CAPF certificate’s validity in Certificate Management, and at `show itl` on {phoneTftp}.' },
    { en: 'CAPF is not activated and its certificate has expired. The ITLs take the CAPF certificate when Cisco TFTP starts: restarting TFTP before the certificate is renewed puts the expired one in.' },
    { en: 'Activate Cisco Certificate Authority Proxy Function on {publisher}, regenerate its CAPF certificate, then restart Cisco TFTP on every TFTP node, and Reset the phone.' },
  ],
  solution: (world) => {
    const pub = world.env.scenario.nodes.find((n) => n.role === 'publisher')!.name;
    const tftp = world.env.scenario.nodes.filter((n) => world.env.db.isActivated(n.name, 'tftp')).map((n) => n.name);
    const device = world.env.scenario.phones[0].deviceName;
    return [
      { type: 'serviceability.activate', node: pub, service: 'capf' },
      { wait: 10_000 },
      { type: 'os.certificate.regenerate', node: pub, purpose: 'CAPF' },
      ...tftp.map((node) => ({ type: 'serviceability.restart', node, service: 'tftp' }) as const),
      { wait: 15_000 },
      { type: 'cucm.phone.reset', device },
    ];
  },
};
