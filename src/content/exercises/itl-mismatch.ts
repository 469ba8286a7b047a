/** The article's troubleshooting case "ITL mismatch" (TAC 213295; fault `itl.phone-mismatch` in src/sim/faults.ts). */
import { troubleshooting } from './builders';

export const itlMismatch = troubleshooting({
  id: 'itl-mismatch',
  version: 1,
  fault: 'itl.phone-mismatch',
  title: { en: 'ITL mismatch' },
  brief: { en: 'The CAPF certificate was regenerated while CAPF was stopped; CAPF and TFTP were restarted afterwards. The phone {device} still cannot finish its CAPF operation. Find what it still holds and fix it.' },
  cause: [{ id: 'phone-itl-current', label: { en: 'The trust list on {device} carries the CAPF certificate CAPF uses now' }, check: { check: 'phone.itlCarriesCurrentCapf' } }],
});
