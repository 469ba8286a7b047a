/**
 * Why LSCs at all (the article's introduction): an 802.1X switch port whose RADIUS policy trusts only
 * certificates from this cluster's CAPF — the MIC fails, the LSC passes (scenario `dot1x-lab`).
 */
import { EXERCISE_LOCKS, LSC_FROM_CAPF, procedureSteps, UPGRADE_SUCCESS } from './builders';
import type { Exercise } from './types';

export const dot1x: Exercise = {
  id: 'dot1x-lsc',
  version: 1,
  kind: 'path',
  title: { en: '802.1X: the port wants an LSC' },
  brief: {
    en: 'The phone {device} sits on a switch port with 802.1X (monitor mode). The RADIUS policy accepts only certificates issued by this cluster’s CAPF, so the phone’s MIC is rejected. Give the phone what the port accepts.',
  },
  scenario: 'dot1x-lab',
  startsWithProcedure: false,
  locks: EXERCISE_LOCKS,
  goals: [
    { id: 'port-accepts-lsc', label: { en: 'The switch port’s last 802.1X authentication of {device} passed with its LSC' }, check: { check: 'dot1x.acceptedWithLsc' } },
    LSC_FROM_CAPF,
    UPGRADE_SUCCESS,
  ],
  hints: [
    { en: 'Read the RADIUS log (Logs, source RADIUS) and the phone’s status messages after it boots: which certificate does it present?' },
    { en: 'The phone presents its MIC, issued by the Cisco Manufacturing CA, and the policy trusts only this cluster’s CAPF. With an LSC from CAPF it would pass.' },
    { en: 'Install an LSC: Device > Phone > {device}, CAPF Information Install/Upgrade, By Null String, Operation Completes By ahead, Save, Apply Config. The phone resets and authenticates with its LSC.' },
  ],
  solution: (world) => procedureSteps(world),
};
