/**
 * A classroom-sized cluster (issue 13): the CUCM 14.0 lab's two nodes, grown to a fleet drawn from the seed
 * (sim/fleet.ts): 8845, 8865, 7841 and 7821 phones with Security By Default and a few legacy 7960s without
 * it, spread over both TFTP nodes, some arriving with an LSC from this CAPF (some of them expired), some with
 * one from another cluster. The cluster was installed two and a half years before the lab, so the LSCs its
 * CAPF issued earlier have had time to run out. `npm run lab -- --scenario fleet-lab --phones N` sets the
 * size (1–1,000); the page and the runner default to 50.
 */
import type { Scenario } from '../../sim/scenario';
import { cucm14Lab } from './cucm14-lab';

export const fleetLab: Scenario = {
  ...cucm14Lab,
  id: 'fleet-lab',
  title: 'Enrol a fleet: LSCs for many phones with Bulk Administration (CUCM 14.0)',
  description:
    'The CUCM 14.0 cluster with a fleet of phones of several models on both TFTP servers. Some already hold an LSC from this CAPF, some an expired one, some one from another cluster, and a few old 7960s cannot hold one. Find them, install LSCs with Bulk Administration, and verify with the CAPF report.',
  installedDaysBeforeStart: 900,
  fleet: { phones: 50 },
};
