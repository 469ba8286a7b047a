/** The article's troubleshooting case "TVS down" (TAC 213295; fault `tvs.down` in src/sim/faults.ts). */
import { troubleshooting } from './builders';

export const tvsDown = troubleshooting({
  id: 'tvs-down',
  version: 1,
  fault: 'tvs.down',
  title: { en: 'TVS down' },
  brief: { en: 'The CallManager certificate of {phoneTftp} was regenerated, and since then the phone {device} does not get its LSC. Find the service it needs and bring it back.' },
  cause: [{ id: 'tvs-running', label: { en: 'Cisco Trust Verification Service is running on {publisher}' }, check: { check: 'service.running', args: { service: 'tvs' } } }, { id: 'phone-holds-itl', label: { en: '{device} holds the ITL that {phoneTftp} serves now' }, check: { check: 'phone.holdsServedItl' } }],
});
