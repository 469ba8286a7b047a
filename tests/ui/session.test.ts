// @vitest-environment happy-dom
/**
 * The learner's lab survives a reload: the session stores scenario + seed + start + actions and replays
 * them; a damaged record starts a new lab with a message instead of a blank page.
 */
import { describe, expect, it } from 'vitest';
import { seedProcedure } from '../../src/content/procedures';
import { STORAGE_KEY } from '../../src/ui/persist';
import { createTestSession, MemoryStorage } from './session';

describe('the lab session', () => {
  it('after Save and Apply Config and a reload, the replayed lab reaches the same state: LSC Installed, Upgrade Success', async () => {
    const storage = new MemoryStorage();
    const first = await createTestSession({ storage });
    for (const action of seedProcedure(first.world!)) expect((await first.act(action)).ok).toBe(true);
    await first.advance(60_000);
    const savedAt = first.world!.now;
    const pending = first.world!.lsc('SEP682C7B5C2342');
    first.dispose();

    const second = await createTestSession({ storage, settle: false });
    expect(second.world!.now).toBe(savedAt);
    expect(second.world!.actions.map((a) => a.action.type)).toEqual(['cucm.phone.save', 'cucm.phone.applyConfig']);
    expect(second.world!.lsc('SEP682C7B5C2342')).toBe(pending);
    await second.world!.runUntilSettled();
    expect(second.world!.lsc('SEP682C7B5C2342')).toBe('Installed');
    expect(second.world!.certificateOperationStatus('SEP682C7B5C2342')).toBe('Upgrade Success');
    second.dispose();
  });

  it('a damaged saved lab starts a new lab and says so', async () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, '{"v":1,"scenario":"seed-lab","seed":"x"');
    const session = await createTestSession({ storage });
    expect(session.phase).toBe('ready');
    expect(session.notice).toContain('could not be read');
    expect(session.world!.actions).toEqual([]);
    session.dispose();
  });

  it('Reset lab forgets the actions and starts over', async () => {
    const storage = new MemoryStorage();
    const session = await createTestSession({ storage });
    await session.act({ type: 'dns.record.delete', name: 'ao115pub.brianw2.lab' });
    expect(session.world!.actions).toHaveLength(1);
    await session.reset();
    expect(session.world!.actions).toHaveLength(0);
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).actions).toEqual([]);
    session.dispose();
  });
});
