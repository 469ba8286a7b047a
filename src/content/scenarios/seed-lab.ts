/**
 * The seed article's lab (TAC 213295, domain.md §1): publisher `ao115pub` and subscriber `ao115sub`, both
 * TFTP servers, CUCM 11.5; a CP-8845 named SEP682C7B5C2342 whose TFTP server is the subscriber; a DNS
 * server for the lab domain (the article's DNS sub-lab uses `brianw2.lab`). CAPF is activated, as in the
 * article's happy path, and its certificate carries the article's CN.
 */
import type { Scenario } from '../../sim/scenario';
import { US_EASTERN } from '../../sim/time';

export const seedLab: Scenario = {
  id: 'seed-lab',
  title: 'Install an LSC on a CP-8845 (TAC 213295)',
  description:
    'Two-node CUCM 11.5 cluster with CAPF activated and a Cisco IP Phone 8845 without an LSC. Install a 2048-bit RSA LSC with null-string authentication.',
  zone: US_EASTERN,
  start: { hour: 9 },
  domain: 'brianw2.lab',
  release: '11.5',
  nodes: [
    { name: 'ao115pub', ip: '10.122.138.102', role: 'publisher', serverName: 'ao115pub.brianw2.lab', activated: { capf: true, tftp: true } },
    { name: 'ao115sub', ip: '10.122.138.103', role: 'subscriber', serverName: 'ao115sub.brianw2.lab', activated: { tftp: true } },
  ],
  dns: {
    host: 'dc01',
    ip: '10.122.138.10',
    records: {
      'ao115pub.brianw2.lab': '10.122.138.102',
      'ao115sub.brianw2.lab': '10.122.138.103',
    },
  },
  phones: [
    { deviceName: 'SEP682C7B5C2342', model: 'CP-8845', ip: '10.122.138.150', tftpNode: 'ao115sub', description: 'Cisco IP Phone CP-8845 (SEP682C7B5C2342)' },
  ],
  capfCommonName: 'CAPF-7f0ae8d7',
  installedDaysBeforeStart: 120,
};
