/**
 * The world indexes XState's delayed events by the actor that scheduled them (src/sim/scheduler.ts), so
 * stopping an actor cancels only its own. These tests hold it to what XState's own scheduler does: a
 * stopped actor's timeouts never fire, everyone else's still do, and nothing is left pending.
 */
import { describe, expect, it } from 'vitest';
import { assign, createActor, enqueueActions, setup, stopChild, type AnyActorRef } from 'xstate';
import { VirtualClock } from '../../src/sim/clock';
import { indexDelayedEventsBySource } from '../../src/sim/scheduler';

const T0 = Date.UTC(2026, 10, 24, 14);

/** A CAPF-like session: it gives up after 30 s unless it is stopped first. */
const session = setup({ types: { input: {} as { log: string[]; name: string }, context: {} as { log: string[]; name: string } } }).createMachine({
  context: ({ input }) => input,
  initial: 'waiting',
  states: {
    waiting: { after: { 30000: { target: 'timedOut', actions: ({ context }) => context.log.push(`${context.name} timed out`) } } },
    timedOut: { type: 'final' },
  },
});

const service = setup({
  types: { context: {} as { log: string[] }, input: {} as { log: string[] }, events: {} as { type: 'open'; name: string } | { type: 'close'; name: string } },
  actors: { session },
}).createMachine({
  context: ({ input }) => ({ log: input.log }),
  on: {
    open: { actions: enqueueActions(({ context, event, enqueue }) => enqueue.spawnChild('session', { id: event.name, input: { log: context.log, name: event.name } })) },
    close: { actions: stopChild(({ event }) => event.name) },
  },
});

function start(log: string[]) {
  const clock = new VirtualClock(T0);
  const actor = createActor(service, { clock, input: { log } });
  indexDelayedEventsBySource(actor.system);
  actor.start();
  return { clock, actor, pending: () => Object.keys(actor.system.getSnapshot()._scheduledEvents) };
}

describe('delayed events indexed by the actor that scheduled them', () => {
  it('a session stopped before its timeout never times out, and the others still do', async () => {
    const log: string[] = [];
    const { clock, actor, pending } = start(log);
    for (const name of ['a', 'b', 'c']) actor.send({ type: 'open', name });
    expect(pending()).toHaveLength(3);
    await clock.runUntil(T0 + 10000);
    actor.send({ type: 'close', name: 'b' });
    expect(pending()).toHaveLength(2);
    await clock.runUntilSettled(3600000);
    expect(log).toEqual(['a timed out', 'c timed out']);
    expect(pending()).toEqual([]);
    actor.stop();
  });

  it('delayed events with a new id each time do not pile up in the index of a long-lived actor', async () => {
    // dnsmasq-like: every query raises its own timeout, and most of them fire.
    const ticker = setup({ types: { context: {} as { n: number }, events: {} as { type: 'query' } | { type: 'timeout' } } }).createMachine({
      context: { n: 0 },
      on: {
        query: { actions: enqueueActions(({ context, enqueue }) => enqueue.raise({ type: 'timeout' }, { delay: 1000, id: `timeout-${context.n}` })) },
        timeout: { actions: assign({ n: ({ context }) => context.n + 1 }) },
      },
    });
    const clock = new VirtualClock(T0);
    const actor = createActor(ticker, { clock });
    const cancelled: string[] = [];
    const cancel = actor.system.scheduler.cancel;
    // Spy below the index: how many ids does cancelAll still walk when the actor stops?
    actor.system.scheduler.cancel = (source: AnyActorRef, id: string) => {
      cancelled.push(id);
      cancel(source, id);
    };
    indexDelayedEventsBySource(actor.system);
    actor.start();
    for (let i = 0; i < 500; i++) {
      actor.send({ type: 'query' });
      await clock.runUntilSettled(2000);
    }
    expect(actor.getSnapshot().context.n).toBe(500);
    actor.send({ type: 'query' });
    actor.stop();
    expect(cancelled.length).toBeLessThanOrEqual(32);
    expect(cancelled).toContain('timeout-500');
    expect(Object.keys(actor.system.getSnapshot()._scheduledEvents)).toEqual([]);
  });
});
