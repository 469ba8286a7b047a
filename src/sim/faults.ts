/**
 * The fault catalogue (DESIGN principle 1): each fault is a change to the world — a scenario edit before the
 * lab starts and/or a change made while it runs — plus its documented fix, done through the same actions
 * a learner has. No machine ever looks at a fault id: the symptoms follow from the changed world.
 * Sources for each: domain.md §1 (troubleshooting table) and §11 (fault catalogue).
 */
import type { LabAction } from './actions';
import type { Scenario } from './scenario';
import type { LabWorld } from './world';

export interface Fault {
  id: string;
  title: string;
  /** Plain-language description for the faults panel (what was changed, not what the learner will see). */
  description: string;
  /** Changes to the lab's starting facts (before any key is generated). */
  patchScenario?: (scenario: Scenario) => Scenario;
  /**
   * Changes made to the running world after it has booted, as actions (so a saved lab replays them): what
   * a colleague, a firewall or a failure did to the system.
   */
  inject?: (world: LabWorld) => LabAction[];
  /** The documented fix, as the learner's actions (some depend on the world's state, hence a function). */
  fix: (world: LabWorld) => LabAction[];
  /** Where the fix comes from. */
  source: string;
}

export const FAULTS: Fault[] = [];

export function findFault(id: string): Fault | undefined {
  return FAULTS.find((f) => f.id === id);
}

/** A scenario with every selected fault's starting changes applied, in order. */
export function applyScenarioFaults(scenario: Scenario, faults: Fault[]): Scenario {
  return faults.reduce((s, f) => (f.patchScenario ? f.patchScenario(structuredClone(s)) : s), scenario);
}
