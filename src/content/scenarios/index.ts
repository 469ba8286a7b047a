/** Every scenario the lab offers, by id. The seed lab is the default. */
import type { Scenario } from '../../sim/scenario';
import { seedLab } from './seed-lab';

export const SCENARIOS: Record<string, Scenario> = { [seedLab.id]: seedLab };
export const DEFAULT_SCENARIO = seedLab.id;
