/**
 * Where the learner was in each phone's menus, kept per lab world: leaving the phone's page and coming
 * back finds the phone as it was left (a real phone does not forget its screen because nobody looks at
 * it), and a new lab starts with fresh phones.
 */
import type { NavState } from './screen';

const store = new WeakMap<object, Map<string, NavState>>();

export function loadNav(world: object, device: string): NavState | undefined {
  return store.get(world)?.get(device);
}

export function saveNav(world: object, device: string, nav: NavState): void {
  let phones = store.get(world);
  if (!phones) store.set(world, (phones = new Map()));
  phones.set(device, nav);
}
