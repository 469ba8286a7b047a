/** The article's troubleshooting case "CAPF certificate regenerated, TFTP not restarted" (TAC 213295; fault `capf.cert-regenerated` in src/sim/faults.ts). */
import { ITLS_CARRY_CAPF, troubleshooting } from './builders';

export const capfRegenerated = troubleshooting({
  id: 'capf-regenerated',
  version: 1,
  fault: 'capf.cert-regenerated',
  title: { en: 'CAPF certificate regenerated, TFTP not restarted' },
  brief: { en: 'Someone regenerated the CAPF certificate on {publisher}. Since then the phone {device} cannot finish its CAPF operation. Bring the cluster back in line so it can.' },
  cause: [ITLS_CARRY_CAPF],
});
