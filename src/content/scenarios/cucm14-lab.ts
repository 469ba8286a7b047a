/**
 * The seed procedure on a CUCM 14.0 cluster, to compare with the 11.5 seed lab (issue "Fidelity", item 10):
 * the same phone, domain and DNS server, a publisher and a subscriber that are both TFTP servers, CAPF
 * activated. What differs is the release (sim/scenario.ts `RELEASES`): each ITL is signed by the ITLRecovery
 * certificate (from 12.0 on, TAC 214231), CAPF's "Certificate Issuer to Endpoint" offers Online CA, and the
 * admin CLI has the 12.5(1) CAPF commands (`utils capf stale-lsc …`, `utils capf csr list`). Host names,
 * addresses and the build are ours; CUCM names its certificates after the hosts as in the seed (domain.md §5.6).
 */
import type { Scenario } from '../../sim/scenario';
import { seedLab } from './seed-lab';

export const cucm14Lab: Scenario = {
  ...seedLab,
  id: 'cucm14-lab',
  title: 'Install an LSC on CUCM 14.0 (ITL signed by ITLRecovery, Online CA, utils capf)',
  description:
    'Two-node CUCM 14.0 cluster with CAPF activated and the same Cisco IP Phone 8845 without an LSC. Compare with the 11.5 lab: show itl names the ITLRecovery certificate as the signer, CAPF can hand requests to an Online CA, and the CLI has utils capf stale-lsc and utils capf csr list.',
  release: '14.0',
  nodes: [
    { name: 'cucm14pub', ip: '10.122.138.112', role: 'publisher', serverName: 'cucm14pub.brianw2.lab', activated: { capf: true, tftp: true } },
    { name: 'cucm14sub', ip: '10.122.138.113', role: 'subscriber', serverName: 'cucm14sub.brianw2.lab', activated: { tftp: true } },
  ],
  dns: {
    ...seedLab.dns,
    records: {
      'cucm14pub.brianw2.lab': '10.122.138.112',
      'cucm14sub.brianw2.lab': '10.122.138.113',
    },
  },
  phones: seedLab.phones.map((p) => ({ ...p, tftpNode: 'cucm14sub' })),
  capfCommonName: undefined,
};
