/**
 * XState keeps every delayed event of an actor system (each `after`, each delayed `raise`) in one object,
 * and its scheduler's `cancelAll(actor)` — called whenever any actor stops, including every finished
 * WebCrypto actor — walks that whole object to find the stopping actor's events. In a lab with 200 phones
 * about 150 delayed events are pending at any time (boot timers, CAPF timeouts), so each of the ~2 800
 * actor stops of a bulk enrolment walked ~150 keys of an object kept in dictionary mode, which also
 * allocates its key list each time (measured with the bench's bulk enrolment: ~5% of its run time).
 *
 * `indexDelayedEventsBySource` keeps, per source actor, the ids of the delayed events it scheduled, so
 * `cancelAll` visits only that actor's own events. It wraps the scheduler of the `ActorSystem` (its public
 * `scheduler` member) and changes nothing else: scheduling and cancelling one event still go through
 * XState's own functions, which keep `getSnapshot()._scheduledEvents` as before.
 */
import type { AnyActorRef } from 'xstate';

/** The part of XState's `ActorSystem` this needs (its `scheduler` and `getSnapshot` members are public). */
interface SchedulingSystem {
  scheduler: {
    schedule(source: AnyActorRef, target: AnyActorRef, event: { type: string }, delay: number, id: string | undefined): void;
    cancel(source: AnyActorRef, id: string): void;
    cancelAll(source: AnyActorRef): void;
  };
  getSnapshot(): { _scheduledEvents: Record<string, unknown> };
}

/** One actor's delayed event ids; `limit` is when to next drop the ones that already fired. */
interface SourceIndex {
  ids: Set<string>;
  limit: number;
}

const FIRST_PRUNE = 16;

export function indexDelayedEventsBySource(system: SchedulingSystem): void {
  const { scheduler } = system;
  const { schedule, cancel } = scheduler;
  const bySource = new WeakMap<AnyActorRef, SourceIndex>();
  let unnamed = 0;

  // A fired event is not cancelled, so its id stays in the index. Ids of `after` transitions are reused
  // (one per state and delay), but a delayed `raise` with its own id per use (dnsmasq's query timeouts)
  // would pile up on a long-lived actor: drop the fired ones now and then, with a limit that doubles so
  // the copy `getSnapshot` makes stays rare.
  const prune = (source: AnyActorRef, index: SourceIndex) => {
    const pending = system.getSnapshot()._scheduledEvents;
    // XState names a scheduled event `${source.sessionId}.${id}`.
    for (const id of index.ids) if (!(`${source.sessionId}.${id}` in pending)) index.ids.delete(id);
    index.limit = Math.max(FIRST_PRUNE, 2 * index.ids.size);
  };

  scheduler.schedule = (source, target, event, delay, id) => {
    // XState draws a random id for a delayed event that has none; name it here so the index knows it.
    const eventId = id ?? `delayed-${unnamed++}`;
    let index = bySource.get(source);
    if (!index) bySource.set(source, (index = { ids: new Set(), limit: FIRST_PRUNE }));
    else if (index.ids.size >= index.limit) prune(source, index);
    index.ids.add(eventId);
    schedule(source, target, event, delay, eventId);
  };
  scheduler.cancel = (source, id) => {
    bySource.get(source)?.ids.delete(id);
    cancel(source, id);
  };
  // Cancelling an event that already fired is a no-op in XState's `cancel` (no timer is left to clear).
  scheduler.cancelAll = (source) => {
    const index = bySource.get(source);
    if (!index) return;
    bySource.delete(source);
    for (const id of index.ids) cancel(source, id);
  };
}
