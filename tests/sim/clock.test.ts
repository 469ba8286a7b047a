/**
 * The virtual clock's timer queue: XState's delayed events, packets in flight and computations' deliveries
 * all wait in it, and a run is only reproducible if they fire in (time, creation) order — also after some of
 * them were cancelled (a state with `after` left early, an actor stopped).
 */
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/sim/clock';

const T0 = Date.UTC(2026, 10, 24, 14);

describe('virtual clock timers', () => {
  it('fire in time order, and same-instant timers in the order they were set', async () => {
    const clock = new VirtualClock(T0);
    const fired: string[] = [];
    for (const [name, delay] of [['b', 20], ['a', 10], ['c', 20], ['d', 0], ['e', 20]] as const) clock.setTimeout(() => fired.push(name), delay);
    await clock.runUntilSettled(1000);
    expect(fired).toEqual(['d', 'a', 'b', 'c', 'e']);
  });

  it('a cancelled timer never fires and the others keep their order', async () => {
    const clock = new VirtualClock(T0);
    const fired: string[] = [];
    const ids = new Map<string, number>();
    for (const [name, delay] of [['a', 5], ['b', 5], ['c', 5], ['d', 3], ['e', 9]] as const) ids.set(name, clock.setTimeout(() => fired.push(`${name}@${clock.now() - T0}`), delay));
    clock.clearTimeout(ids.get('b'));
    clock.clearTimeout(ids.get('e'));
    expect(clock.pending).toBe(3);
    await clock.runUntilSettled(1000);
    expect(fired).toEqual(['d@3', 'a@5', 'c@5']);
  });

  it('cancelling a timer that already fired, an unknown id or nothing changes nothing', async () => {
    const clock = new VirtualClock(T0);
    const fired: string[] = [];
    const first = clock.setTimeout(() => fired.push('first'), 1);
    await clock.runUntil(T0 + 1);
    clock.setTimeout(() => fired.push('second'), 1);
    clock.clearTimeout(first);
    clock.clearTimeout(12345);
    clock.clearTimeout(undefined);
    expect(clock.pending).toBe(1);
    await clock.runUntilSettled(1000);
    expect(fired).toEqual(['first', 'second']);
  });

  it('thousands of timers set and cancelled in any order leave exactly the others, in order', async () => {
    const clock = new VirtualClock(T0);
    const fired: number[] = [];
    const ids: number[] = [];
    // A fixed pseudo-random sequence of delays with many ties.
    let x = 7;
    const next = () => (x = (x * 1103515245 + 12345) % 2147483648) % 50;
    for (let i = 0; i < 2000; i++) ids.push(clock.setTimeout(() => fired.push(i), next()));
    const cancelled = new Set<number>();
    for (let i = 0; i < 2000; i += 3) {
      const k = (i * 7919) % 2000;
      clock.clearTimeout(ids[k]);
      cancelled.add(k);
    }
    expect(clock.pending).toBe(2000 - cancelled.size);
    await clock.runUntilSettled(1000);
    x = 7;
    const expected = Array.from({ length: 2000 }, (_, i) => ({ i, at: next() }))
      .filter(({ i }) => !cancelled.has(i))
      .sort((p, q) => p.at - q.at || p.i - q.i)
      .map(({ i }) => i);
    expect(fired).toEqual(expected);
  });
});
