/** The article's troubleshooting case "CAPF not activated" (TAC 213295; fault `capf.not-activated` in src/sim/faults.ts). */
import { CAPF_ACTIVATED, ITLS_CARRY_CAPF, troubleshooting } from './builders';

export const capfNotActivated = troubleshooting({
  id: 'capf-not-activated',
  version: 1,
  fault: 'capf.not-activated',
  title: { en: 'CAPF not activated' },
  brief: { en: 'The operation for {device} was saved and applied, but the phone never gets its LSC. In this cluster the Cisco Certificate Authority Proxy Function service was never activated. Make it work the documented way.' },
  cause: [CAPF_ACTIVATED, ITLS_CARRY_CAPF],
});
