/**
 * With a fleet, each phone's ladder is its own: in a real lab with two phones, choosing one keeps its own
 * messages (and the servers' messages between themselves) and leaves out every message of the other phone —
 * the same choice the topology's moving messages follow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLab } from '../../../src/content/scenarios/seed-lab';
import { LabWorld } from '../../../src/sim/world';
import { concernsDevice, ladderOf, type LadderMessage } from '../../../src/ui/trace/ladder';
import { pooledKeys } from '../../helpers/key-pool';

const A = 'SEP682C7B5C2342';
const B = 'SEP682C7B5C2343';
let world: LabWorld;

beforeAll(async () => {
  const scenario = {
    ...seedLab,
    phones: [...seedLab.phones, { deviceName: B, model: 'CP-8845', ip: '10.122.138.151', tftpNode: 'ao115pub', description: 'second phone' }],
  };
  world = await LabWorld.create({ scenario, seed: 1, keySource: pooledKeys });
  await world.runUntilSettled();
});
afterAll(() => world.stop());

describe('the ladder of one phone in a fleet', () => {
  it('keeps that phone\'s messages and leaves the other phone\'s out', () => {
    const phones = [A, B];
    const packets = world.trace.packets;
    expect(packets.some((p) => p.from.host === B || p.to.host === B)).toBe(true);
    for (const [mine, other] of [
      [A, B],
      [B, A],
    ]) {
      const chosen = packets.filter((p) => concernsDevice(p, mine, phones));
      const ladder = ladderOf({ scenario: world.env.scenario, packets: chosen, allPackets: packets, log: world.env.log.records, now: world.now });
      const drawn = ladder.rows.filter((r): r is LadderMessage => r.kind === 'message').map((r) => r.packet);
      expect(drawn.length).toBeGreaterThan(0);
      expect(drawn.every((p) => p.from.host === mine || p.to.host === mine || (!phones.includes(p.from.host) && !phones.includes(p.to.host)))).toBe(true);
      expect(drawn.some((p) => p.from.host === other || p.to.host === other)).toBe(false);
      // Every message of this phone is there, in the trace's order.
      expect(drawn).toEqual(packets.filter((p) => p.from.host === mine || p.to.host === mine || (!phones.includes(p.from.host) && !phones.includes(p.to.host))));
    }
  });
});
