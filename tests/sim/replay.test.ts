/**
 * Replay that holds in any world (issue: classroom exercises, "Replay that holds in any world, on any day"):
 * an action is placed by its virtual instant and by how many events had fired at that instant before it;
 * artefacts the world made are recorded by role; private keys are never recorded.
 */
import { describe, expect, it } from 'vitest';
import { seedLab } from '../../src/content/scenarios/seed-lab';
import { buildLab } from '../../src/content/lab';
import { VirtualClock } from '../../src/sim/clock';
import { LabWorld } from '../../src/sim/world';
import { keyPool, pooledKeys } from '../helpers/key-pool';

const T0 = Date.UTC(2026, 2, 16, 13);

describe('placing an action between events of the same instant', () => {
  it('runTo fires what was due before, then exactly n of the events due at that instant', async () => {
    const clock = new VirtualClock(T0);
    const fired: string[] = [];
    for (const [name, delay] of [['a', 5], ['b', 10], ['c', 10], ['d', 10], ['e', 12]] as const) clock.setTimeout(() => fired.push(name), delay);
    await clock.runTo(T0 + 10, 2);
    expect(fired).toEqual(['a', 'b', 'c']);
    expect(clock.now()).toBe(T0 + 10);
    expect(clock.firedAtNow).toBe(2);
    await clock.runUntilSettled(100);
    expect(fired).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('firedAtNow counts the events stepped at the current instant and resets when time moves on', async () => {
    const clock = new VirtualClock(T0);
    for (const delay of [10, 10, 20]) clock.setTimeout(() => undefined, delay);
    expect(clock.firedAtNow).toBe(0);
    await clock.step();
    expect(clock.firedAtNow).toBe(1);
    await clock.step();
    expect(clock.firedAtNow).toBe(2);
    await clock.runUntil(T0 + 15);
    expect(clock.firedAtNow).toBe(0);
  });

  it('an action taken with "Step to next event" between two events due at the same instant replays in the same place', async () => {
    const world = await LabWorld.create({ scenario: seedLab, seed: 7, start: T0, keySource: pooledKeys });
    // Step until the next event is due at the instant just stepped to: the learner acts between the two.
    let placed = false;
    for (let i = 0; i < 400 && !placed; i++) {
      await world.step();
      if (world.clock.firedAtNow > 0 && world.clock.nextAt === world.now) placed = true;
    }
    expect(placed).toBe(true);
    const pendingThen = world.clock.pending;
    const r = await world.act({ type: 'dns.record.delete', name: 'ao115pub.brianw2.lab' });
    expect(r.ok).toBe(true);
    const [recorded] = world.learnerActions;
    expect(recorded.at).toBe(world.now);
    expect(recorded.n).toBeGreaterThan(0);
    await world.runUntilSettled();
    const original = world.env.log.records.map((l) => `${l.time} ${l.source} ${l.text}`);
    world.stop();

    // A fresh world brought to the recorded place has fired exactly as much as the learner's had.
    const probe = await LabWorld.create({ scenario: seedLab, seed: 7, start: T0, keySource: keyPool() });
    await probe.replayTo(recorded.at, recorded.n);
    expect({ now: probe.now, n: probe.clock.firedAtNow, pending: probe.clock.pending }).toEqual({ now: recorded.at, n: recorded.n, pending: pendingThen });
    probe.stop();

    const replay = await buildLab({ scenario: 'seed-lab', seed: 7, start: T0, faults: [], actions: [recorded] }, { keySource: keyPool() });
    if (!replay.ok) throw new Error(replay.error);
    await replay.world.runUntilSettled();
    expect(replay.world.env.log.records.map((l) => `${l.time} ${l.source} ${l.text}`)).toEqual(original);
    replay.world.stop();
  });
});

describe('artefacts named by role', () => {
  it('the CA-signed CAPF round trip, done with pasted PEMs, is recorded by role and replays in a world with other keys', async () => {
    const world = await LabWorld.create({ scenario: seedLab, seed: 31, start: T0, keySource: pooledKeys });
    await world.runUntilSettled();
    const csr = await world.act({ type: 'os.certificate.generateCsr', node: 'ao115pub', purpose: 'CAPF' });
    const signed = await world.act({ type: 'lab.ca.sign', csr: csr.ok ? csr.output! : '' });
    const [certificatePem, caPem] = (signed.ok ? signed.output! : '').split(/(?<=-----END CERTIFICATE-----\n)/);
    expect((await world.act({ type: 'os.certificate.upload', node: 'ao115pub', purpose: 'CAPF-trust', pem: caPem, description: 'LSC Lab Issuing CA' })).ok).toBe(true);
    expect((await world.act({ type: 'os.certificate.upload', node: 'ao115pub', purpose: 'CAPF', pem: certificatePem })).ok).toBe(true);
    const recorded = world.learnerActions.map((a) => a.action);
    expect(recorded[1]).toEqual({ type: 'lab.ca.sign', csr: { blocks: [{ role: 'csr', node: 'ao115pub', purpose: 'CAPF' }] } });
    expect(recorded[2]).toMatchObject({ pem: { blocks: [{ role: 'lab-ca' }] } });
    expect(recorded[3]).toMatchObject({ pem: { blocks: [{ role: 'lab-ca.issued', index: 0 }] } });
    expect(JSON.stringify(recorded)).not.toContain('BEGIN');
    const issuerHere = world.env.certs.identity('ao115pub', 'CAPF')!.info.issuer;
    world.stop();

    const replay = await buildLab({ scenario: 'seed-lab', seed: 31, start: T0, faults: [], actions: JSON.parse(JSON.stringify(world.actions)) }, { keySource: keyPool() });
    if (!replay.ok) throw new Error(replay.error);
    expect(replay.refused).toEqual([]);
    const capf = replay.world.env.certs.identity('ao115pub', 'CAPF')!;
    expect(capf.type).toBe('CA-signed');
    expect(capf.info.issuer).toEqual(issuerHere);
    replay.world.stop();
  });

  it('a role the replaying lab does not hold is refused with its name, not a crash', async () => {
    const world = await LabWorld.create({ scenario: seedLab, seed: 31, start: T0, keySource: pooledKeys });
    const r = await world.act({ type: 'capf.offline.import', device: 'SEP682C7B5C2342', pem: { blocks: [{ role: 'lab-ca.issued', index: 4 }] } });
    expect(r).toEqual({ ok: false, error: 'Import failed: This lab holds no certificate number 5 issued by the enterprise CA.' });
    world.stop();
  });

  it('a private key is refused before it is recorded, wherever it is pasted', async () => {
    const world = await LabWorld.create({ scenario: seedLab, seed: 31, start: T0, keySource: pooledKeys });
    const key = '-----BEGIN PRIVATE KEY-----\nMIIBVgIBADANBgkqhkiG9w0BAQEFAASCAUAwggE8AgEAAkEA\n-----END PRIVATE KEY-----\n';
    for (const action of [
      { type: 'os.certificate.upload', node: 'ao115pub', purpose: 'CAPF-trust', pem: key },
      { type: 'lab.ca.sign', csr: key.replaceAll('PRIVATE KEY', 'RSA PRIVATE KEY') },
      { type: 'cli', node: 'ao115pub', command: key },
    ] as const) {
      const r = await world.act(action);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error).toMatch(/^This is a private key/);
    }
    expect(world.actions).toEqual([]);
    world.stop();
  });
});
