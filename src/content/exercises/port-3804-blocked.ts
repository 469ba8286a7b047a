/** The article's troubleshooting case "Port 3804 blocked" (TAC 213295; fault `network.capf-port-blocked` in src/sim/faults.ts). */
import { troubleshooting } from './builders';

export const port3804Blocked = troubleshooting({
  id: 'port-3804-blocked',
  version: 1,
  fault: 'network.capf-port-blocked',
  title: { en: 'Port 3804 blocked' },
  brief: { en: 'The operation for {device} was saved and applied, and CAPF runs, but the phone never gets its LSC: something between the phone and {publisher} stops the CAPF connection. Find it and open the way.' },
  cause: [{ id: 'port-open', label: { en: 'No firewall rule blocks TCP 3804 to {publisherIp}' }, check: { check: 'network.portOpen', args: { port: 3804 } } }],
});
