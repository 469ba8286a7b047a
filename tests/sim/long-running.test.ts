/**
 * A lab stays open for a whole class: learners enrol, delete and re-enrol the LSC many times. The finished
 * CAPF sessions, the phone's CAPF clients and TFTP's config builds must be let go, or every operation
 * would leave an actor behind (memory grows, and every new one makes the next slower).
 */
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { AnyActorRef } from 'xstate';
import { seedLab } from '../../src/content/scenarios/seed-lab';
import { seedProcedure } from '../../src/content/procedures';
import { ids } from '../../src/sim/env';
import { LabWorld } from '../../src/sim/world';
import { pooledKeys } from '../helpers/key-pool';

const PHONE = 'SEP682C7B5C2342';

function childIds(world: LabWorld, systemId: string): string[] {
  const ref = world.actor(systemId) as AnyActorRef;
  return Object.keys((ref.getSnapshot() as { children: Record<string, unknown> }).children);
}

describe('a lab used for many operations keeps no finished actors', () => {
  it('after three enrolments and a delete, CAPF, TFTP and the phone hold only what still runs', async () => {
    const world = await LabWorld.create({ scenario: seedLab, seed: 7, start: Date.UTC(2026, 10, 24, 14), keySource: pooledKeys });
    await world.runUntilSettled();
    for (let round = 0; round < 3; round++) {
      for (const a of seedProcedure(world)) expect((await world.act(a)).ok).toBe(true);
      await world.runUntilSettled();
      expect(world.certificateOperationStatus(PHONE)).toBe('Upgrade Success');
    }
    for (const a of seedProcedure(world, PHONE, (f) => ({ ...f, certificateOperation: 'Delete' }))) expect((await world.act(a)).ok).toBe(true);
    await world.runUntilSettled();
    expect(world.lsc(PHONE)).toBe('Not Installed');

    expect(childIds(world, ids.capf('ao115pub'))).toEqual([]);
    // Each running TFTP keeps its one config-file builder, whatever number of files it has built.
    expect(childIds(world, ids.tftp('ao115pub'))).toEqual(['config-builder']);
    expect(childIds(world, ids.tftp('ao115sub'))).toEqual(['config-builder']);
    expect(childIds(world, ids.phone(PHONE))).toEqual(['dnsmasq']);
    world.stop();
  });
});

/** V8's own check (not a timing): is this object still a fast, shape-based object, or a hash dictionary? */
setFlagsFromString('--allow-natives-syntax');
const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;

function allActors(root: AnyActorRef): AnyActorRef[] {
  const children = Object.values((root.getSnapshot() as { children?: Record<string, AnyActorRef> }).children ?? {});
  return [root, ...children.flatMap(allActors)];
}

describe('statechart contexts stay cheap to copy', () => {
  // XState copies an actor's context with Object.assign on every assign; V8 turns such a copy with 20 or
  // more keys into a dictionary object, and each copy then costs ~4 µs instead of ~0.3 µs (measured) —
  // paid thousands of times by a lab with many phones (`npm run bench`, figure c).
  it('after an enrolment, no actor holds its context as a dictionary object', async () => {
    const world = await LabWorld.create({ scenario: seedLab, seed: 3, start: Date.UTC(2026, 10, 24, 14), keySource: pooledKeys });
    await world.runUntilSettled();
    for (const a of seedProcedure(world)) expect((await world.act(a)).ok).toBe(true);
    await world.runUntilSettled();
    expect(world.lsc(PHONE)).toBe('Installed');
    const slow = allActors(world.root as AnyActorRef)
      .filter((a) => {
        const context = (a.getSnapshot() as { context?: unknown }).context;
        return typeof context === 'object' && context !== null && !hasFastProperties(context);
      })
      .map((a) => (a as { systemId?: string }).systemId ?? a.id);
    expect(slow).toEqual([]);
    world.stop();
  });
});
