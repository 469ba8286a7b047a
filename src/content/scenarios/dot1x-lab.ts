/**
 * The seed lab behind an 802.1X switch port: the reason for an LSC in the seed's introduction ("configure
 * 802.1X … to trust only LSCs issued by known CAPFs"). The access switch runs 802.1X in monitor mode
 * against an ISE whose EAP-TLS policy trusts only this cluster's CAPF: the MIC fails, the LSC passes, and
 * after a CAPF regeneration the old LSC fails again.
 */
import type { Scenario } from '../../sim/scenario';
import { seedLab } from './seed-lab';

export const dot1xLab: Scenario = {
  ...seedLab,
  id: 'dot1x-lab',
  title: 'LSCs for 802.1X: the switch port trusts only this cluster\'s CAPF',
  description:
    'The cluster and phone of Cisco TAC 213295, with the phone on an 802.1X switch port (monitor mode) whose RADIUS policy accepts only certificates issued by this cluster\'s CAPF, as the article recommends. Watch the MIC fail, the LSC pass, and a CAPF regeneration break it again.',
  dot1x: { switch: { host: 'access-sw1', ip: '10.122.138.2' }, radius: { host: 'ise01', ip: '10.122.138.20' } },
};
