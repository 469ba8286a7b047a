/** The article's troubleshooting case "CAPF stopped" (TAC 213295; fault `capf.service-stopped` in src/sim/faults.ts). */
import { CAPF_RUNNING, troubleshooting } from './builders';

export const capfStopped = troubleshooting({
  id: 'capf-stopped',
  version: 1,
  fault: 'capf.service-stopped',
  title: { en: 'CAPF stopped' },
  brief: { en: 'The operation for {device} was saved and applied, but the phone never gets its LSC: the CAPF service on {publisher} is not running. Find where, fix it, and let the phone finish.' },
  cause: [CAPF_RUNNING],
});
