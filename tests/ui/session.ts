/**
 * A real lab session for component tests: the same world the browser runs (real keys), booted and settled,
 * with an in-memory localStorage. Creating one takes about a second (key generation).
 */
import { configure, render } from '@testing-library/svelte';
import type { Component } from 'svelte';
import { LabSession } from '../../src/ui/session.svelte';
import Harness from './Harness.svelte';
import type { KeySource } from '../../src/sim/install';

// Screens wait on real crypto (a new lab generates keys, Regenerate makes a CAPF key): on a loaded
// 2-CPU CI machine that took over the library's default 1 s and failed the scenario chooser test. A
// waitFor that never holds still fails, only later.
configure({ asyncUtilTimeout: 30_000 });

export class MemoryStorage implements Storage {
  #m = new Map<string, string>();
  get length() {
    return this.#m.size;
  }
  clear() {
    this.#m.clear();
  }
  getItem(k: string) {
    return this.#m.get(k) ?? null;
  }
  key(i: number) {
    return [...this.#m.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.#m.delete(k);
  }
  setItem(k: string, v: string) {
    this.#m.set(k, String(v));
  }
}

/** 2026-03-16 11:00 EDT: a fixed "today" so dates in assertions do not depend on the day the test runs. */
export const TEST_NOW = Date.UTC(2026, 2, 16, 15, 0);

export async function createTestSession(options: { storage?: Storage; settle?: boolean; keySource?: KeySource } = {}): Promise<LabSession> {
  const session = new LabSession({
    storage: options.storage ?? new MemoryStorage(),
    realNow: () => TEST_NOW,
    loadApi: () => import('../../src/ui/lab-api'),
    keySource: options.keySource,
  });
  await session.boot();
  if (session.phase !== 'ready') throw new Error(`session did not start: ${session.error}`);
  // The page loads these with the screens that need them; a component test renders those screens at once.
  await Promise.all([session.loadClassroom(), session.loadFaults()]);
  if (options.settle !== false) await session.world!.runUntilSettled();
  return session;
}

export function renderScreen(session: LabSession, screen: Component<any>, params: Record<string, string> = {}) {
  return render(Harness, { props: { session, screen, params } });
}
