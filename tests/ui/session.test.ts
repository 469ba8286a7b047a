// @vitest-environment happy-dom
/**
 * The learner's labs survive a reload: the session stores each lab as data and replays it — the free lab and
 * every exercise's own lab — resumes at the virtual time and speed the learner had, keeps what was looked at,
 * and meets damaged or foreign saved data with a reason and a copy to save, never a blank page or a loss.
 */
import { describe, expect, it } from 'vitest';
import { seedProcedure } from '../../src/content/procedures';
import { LEGACY_KEY, labKey, PROGRESS_KEY } from '../../src/ui/persist';
import { RECOVERED_KEY } from '../../src/ui/session.svelte';
import { formatMessage } from '../../src/content/messages/format';
import en from '../../src/content/messages/en/all';
import { createTestSession, MemoryStorage } from './session';
import { pooledKeys } from '../helpers/key-pool';

const PHONE = 'SEP682C7B5C2342';
const FREE = labKey({ kind: 'free' });
const open = (storage: Storage, settle = false) => createTestSession({ storage, settle, keySource: pooledKeys });
const noticeText = (s: { notice: { key: string; params?: Record<string, string | number> } | null }) => (s.notice ? formatMessage('en', en, s.notice.key, s.notice.params) : '');

describe('the lab session', () => {
  it('after Save and Apply Config and a reload, the replayed lab reaches the same state, at the virtual time and speed it had', async () => {
    const storage = new MemoryStorage();
    const first = await open(storage, true);
    for (const action of seedProcedure(first.world!)) expect((await first.act(action)).ok).toBe(true);
    first.setSpeed(30);
    await first.advance(60_000);
    first.pause();
    const savedAt = first.world!.now;
    const pending = first.world!.lsc(PHONE);
    first.dispose();

    const second = await open(storage);
    expect(second.world!.now).toBe(savedAt);
    expect(second.speed).toBe(30);
    expect(second.world!.actions.map((a) => [a.by, a.action.type])).toEqual([['learner', 'cucm.phone.save'], ['learner', 'cucm.phone.applyConfig']]);
    expect(second.world!.lsc(PHONE)).toBe(pending);
    await second.world!.runUntilSettled();
    expect(second.world!.lsc(PHONE)).toBe('Installed');
    second.dispose();
  });

  it('a saved lab of the first schema (v1) is migrated and replayed', async () => {
    const storage = new MemoryStorage();
    const start = Date.UTC(2026, 2, 16, 13);
    storage.setItem(LEGACY_KEY, JSON.stringify({ v: 1, scenario: 'seed-lab', seed: 1, start, faults: [], mystery: false, actions: [{ at: start + 60_000, action: { type: 'dns.record.delete', name: 'ao115pub.brianw2.lab' } }], now: start + 120_000 }));
    const session = await open(storage);
    expect(session.notice).toBeNull();
    expect(session.world!.actions.map((a) => a.action.type)).toEqual(['dns.record.delete']);
    expect(session.world!.now).toBe(start + 120_000);
    expect(JSON.parse(storage.getItem(FREE)!).v).toBe(2);
    expect(storage.getItem(LEGACY_KEY)).toBeNull();
    session.dispose();
  });

  it('a damaged saved lab starts a new lab, says why, and keeps the damaged data to save as a file', async () => {
    const storage = new MemoryStorage();
    const damaged = '{"v":2,"scenario":"seed-lab","seed":"x"';
    storage.setItem(FREE, damaged);
    const session = await open(storage);
    expect(session.phase).toBe('ready');
    expect(noticeText(session)).toContain('could not be read');
    expect(session.recovered).toEqual({ fileName: 'lsc-lab-damaged.json', text: damaged });
    expect(JSON.parse(storage.getItem(RECOVERED_KEY)!).text).toBe(damaged);
    expect(session.world!.actions).toEqual([]);
    session.dismissRecovered();
    expect(storage.getItem(RECOVERED_KEY)).toBeNull();
    session.dispose();
  });

  it('a saved lab naming a scenario this version does not have says so instead of silently starting afresh', async () => {
    const storage = new MemoryStorage();
    storage.setItem(FREE, JSON.stringify({ v: 2, scenario: 'lab-of-tomorrow', seed: 1, start: 1, faults: [], mystery: false, classMode: false, actions: [], events: [], now: 1, speed: 1 }));
    const session = await open(storage);
    expect(noticeText(session)).toContain('a scenario this version does not have: "lab-of-tomorrow"');
    expect(session.recovered?.text).toContain('lab-of-tomorrow');
    expect(session.scenarioId).toBe('seed-lab');
    session.dispose();
  });

  it('Reset lab forgets the actions and what was looked at, and starts over', async () => {
    const storage = new MemoryStorage();
    const session = await open(storage);
    await session.act({ type: 'dns.record.delete', name: 'ao115pub.brianw2.lab' });
    session.recordLook({ kind: 'page', path: '/logs', params: {} });
    session.recordLook({ kind: 'download', file: 'ao115pub-CAPF.pem' });
    expect(JSON.parse(storage.getItem(FREE)!).events).toHaveLength(2);
    await session.reset();
    expect(session.world!.actions).toHaveLength(0);
    expect(session.events).toEqual([]);
    expect(JSON.parse(storage.getItem(FREE)!)).toMatchObject({ actions: [], events: [] });
    session.dispose();
  });

  it('an exercise keeps its own lab: the free lab is untouched, and each is where it was left', async () => {
    const storage = new MemoryStorage();
    const session = await open(storage);
    await session.act({ type: 'dns.record.delete', name: 'ao115pub.brianw2.lab' });
    expect(await session.openExercise('capf-stopped', { classCode: 'NET-301', student: 'Ada Lovelace' })).toBe(true);
    const device = session.world!.env.scenario.phones[0].deviceName;
    expect(device).not.toBe(PHONE);
    expect(session.exercise).toMatchObject({ id: 'capf-stopped', student: 'Ada Lovelace', hintsUsed: 0 });
    expect(session.goals.some((g) => !g.passed)).toBe(true);
    expect(session.useHint()).toBe(true);
    await session.act({ type: 'serviceability.start', node: 'ao115pub', service: 'capf' });
    await session.leaveExercise();
    expect(session.exercise).toBeNull();
    expect(session.world!.actions.map((a) => a.action.type)).toEqual(['dns.record.delete']);
    session.dispose();

    const again = await open(storage);
    expect(again.exercise).toBeNull();
    await again.openExercise('capf-stopped', { classCode: 'NET-301', student: 'Ada Lovelace' });
    expect(again.world!.env.scenario.phones[0].deviceName).toBe(device);
    expect(again.world!.learnerActions.map((a) => a.action.type)).toEqual(['serviceability.start']);
    expect(again.exercise!.hintsUsed).toBe(1);
    await again.reset();
    expect(again.world!.learnerActions).toEqual([]);
    expect(again.world!.env.scenario.phones[0].deviceName).toBe(device);
    expect(again.exercise!.hintsUsed).toBe(1);
    again.dispose();
  });

  it('solving an exercise records progress; a progress file exports and imports, and a bad one is refused with nothing lost', async () => {
    const storage = new MemoryStorage();
    const session = await open(storage);
    await session.openExercise('capf-stopped');
    expect(await session.showSolution()).toEqual([]);
    await session.world!.runUntilSettled();
    await session.advance(0);
    expect(session.goals.every((g) => g.passed)).toBe(true);
    expect(session.progress.exercises['capf-stopped']).toMatchObject({ solved: true, solutionShown: true });
    const file = session.progressFile();
    for (const bad of ['', 'not json', '{"format":"something-else"}', '{"format":"lsc-lab-progress","progress":{"v":9,"exercises":{}}}']) {
      const r = session.importProgress(bad);
      expect(r.ok).toBe(false);
      expect(session.progress.exercises['capf-stopped'].solved).toBe(true);
    }
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!).exercises['capf-stopped'].solved).toBe(true);
    const fresh = new MemoryStorage();
    const other = await open(fresh);
    expect(other.importProgress(file)).toEqual({ ok: true, exercises: 1 });
    expect(other.progress.exercises['capf-stopped']).toMatchObject({ solved: true, solutionShown: true });
    session.dispose();
    other.dispose();
  });
});
