/** The article's troubleshooting case "TVS down" (TAC 213295; fault `tvs.down` in src/sim/faults.ts). */
import { troubleshooting } from './builders';

export const tvsDown = troubleshooting({
  id: 'tvs-down',
  version: 1,
  fault: 'tvs.down',
  title: { en: 'TVS down' },
  brief: { en: 'The CAPF certificate was regenerated while CAPF was stopped, and since then the phone {device} does not get its LSC. Find the service it needs to trust the new CAPF certificate and bring it back.' },
  cause: [{ id: 'tvs-running', label: { en: 'Cisco Trust Verification Service is running on {publisher}' }, check: { check: 'service.running', args: { service: 'tvs' } } }],
});
