/** Every scenario the lab offers, by id. The seed lab is the default. */
import type { Scenario } from '../../sim/scenario';
import { cucm14Lab } from './cucm14-lab';
import { dot1xLab } from './dot1x-lab';
import { fleetLab } from './fleet-lab';
import { seedLab } from './seed-lab';

export const SCENARIOS: Record<string, Scenario> = { [seedLab.id]: seedLab, [dot1xLab.id]: dot1xLab, [cucm14Lab.id]: cucm14Lab, [fleetLab.id]: fleetLab };
export const DEFAULT_SCENARIO = seedLab.id;
