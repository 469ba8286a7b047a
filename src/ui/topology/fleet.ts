/**
 * A fleet on the home page (issue 13): instead of a box per phone, the phones' states counted and a compact
 * grid with one cell per phone, its state as a letter and a colour and, in words, as its accessible name.
 * Pure: read from the world each time the page re-renders.
 */
import type { Scenario } from '../../sim/scenario';

/** Above this many phones the drawing shows one box for all of them (the grid lists each). */
export const DRAWN_PHONES = 3;

/** The drawing's box for a fleet's phones; messages of any phone travel to and from it. */
export const FLEET_HOST = 'Phones';

export type FleetState = 'booting' | 'none' | 'enrolling' | 'installed' | 'failed';

/** In the order the counts are shown. */
export const FLEET_STATES: readonly FleetState[] = ['installed', 'enrolling', 'failed', 'none', 'booting'];

/** The grid's letter for each state (the legend spells them out). */
export const FLEET_LETTER: Record<FleetState, string> = { installed: 'I', enrolling: 'E', failed: 'F', none: 'N', booting: 'B' };

interface WorldLike {
  env: { scenario: Scenario };
  stateOf(systemId: string): unknown;
  lsc(device: string): string;
  certificateOperationStatus(device: string): string;
}

export interface FleetPhone {
  device: string;
  model: string;
  state: FleetState;
  lsc: string;
  status: string;
}

/**
 * One phone's place in the counts: not registered yet (booting, downloading, no configuration); a CAPF
 * operation under way (the LSC field reads Pending); the last operation failed; an LSC installed; or
 * registered without one.
 */
export function fleetStateOf(world: WorldLike, device: string): FleetPhone['state'] {
  const value = world.stateOf(`phone/${device}`);
  const on = value && typeof value === 'object' ? (value as { on?: unknown }).on : undefined;
  const registered = on !== undefined && typeof on === 'object' && on !== null && 'registered' in on;
  if (!registered) return 'booting';
  const lsc = world.lsc(device);
  if (lsc === 'Pending') return 'enrolling';
  if (/Failed/.test(world.certificateOperationStatus(device))) return 'failed';
  return lsc === 'Installed' ? 'installed' : 'none';
}

export function fleetOf(world: WorldLike): FleetPhone[] {
  return world.env.scenario.phones.map((p) => ({
    device: p.deviceName,
    model: p.model,
    state: fleetStateOf(world, p.deviceName),
    lsc: world.lsc(p.deviceName),
    status: world.certificateOperationStatus(p.deviceName),
  }));
}

export function fleetCounts(phones: readonly FleetPhone[]): Record<FleetState, number> {
  const counts: Record<FleetState, number> = { installed: 0, enrolling: 0, failed: 0, none: 0, booting: 0 };
  for (const p of phones) counts[p.state]++;
  return counts;
}
