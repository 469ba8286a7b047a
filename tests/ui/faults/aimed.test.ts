// @vitest-environment happy-dom
/**
 * A fault aimed at a phone of a fleet from the Faults page (issue 13: every fault works on any phone, default
 * the first): the Phone choice sends Inject and Remove to that phone, the lab keeps the fault as ID@DEVICE
 * (the form recipes, share links and the runner use), the card reads Active for that phone only, and Remove
 * applies the documented fix to that phone.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Faults from '../../../src/ui/faults/Faults.svelte';
import { LabSession } from '../../../src/ui/session.svelte';
import { FAULT_TEXTS } from '../../../src/content/fault-texts';
import { pooledKeys } from '../../helpers/key-pool';
import { axeViolations } from '../axe';
import { MemoryStorage, renderScreen, TEST_NOW } from '../session';

let session: LabSession;

beforeAll(async () => {
  session = new LabSession({
    storage: new MemoryStorage(),
    realNow: () => TEST_NOW,
    loadApi: async () => {
      const api = await import('../../../src/ui/lab-api');
      const LabWorld = { create: (o: Parameters<typeof api.LabWorld.create>[0]) => api.LabWorld.create({ ...o, keySource: pooledKeys }) };
      return { ...api, LabWorld } as unknown as typeof api;
    },
  });
  await session.boot();
  await session.reset({ scenario: 'fleet-lab', seed: 3, phones: 3 });
  await session.world!.runUntilSettled();
  await Promise.all([session.loadClassroom(), session.loadFaults()]);
}, 120_000);
afterAll(() => session.dispose());

const LATE = 'capf.deadline-passed';
const title = FAULT_TEXTS[LATE].title.en;
const card = () => screen.getByRole('heading', { level: 3, name: title }).closest('li') as HTMLElement;

describe('a fault aimed at the third phone of a fleet', () => {
  it('Inject on the third phone keeps it as ID@DEVICE, reads Active there and Not active on the first; Remove fixes that phone', async () => {
    const [first, , third] = session.scenario!.phones.map((p) => p.deviceName);
    const firstBefore = JSON.stringify(session.world!.env.db.phone(first)!.capf);
    const r = renderScreen(session, Faults);
    const phone = screen.getByLabelText('Phone the faults are aimed at') as HTMLSelectElement;
    expect(phone.value).toBe(first);
    await fireEvent.change(phone, { target: { value: third } });
    await fireEvent.click(within(card()).getByRole('button', { name: `Inject ${title}` }));
    await waitFor(() => expect(session.faults).toEqual([`${LATE}@${third}`]), { timeout: 60_000 });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('is injected'), { timeout: 60_000 });
    // The operation the third phone was given is already late; the first phone's is untouched.
    const due = (device: string) => session.world!.env.db.phone(device)!.capf;
    expect(due(third).certificateOperation).toBe('Install/Upgrade');
    expect(due(third).operationCompletesBy).toBeLessThan(session.world!.now);
    expect(JSON.stringify(due(first))).toBe(firstBefore);
    expect(screen.getByTestId('active-faults').textContent).toContain(`${title} (on ${third})`);
    expect(card().textContent).toContain('Active');
    await fireEvent.change(phone, { target: { value: first } });
    expect(card().textContent).toContain('Not active');
    expect(await axeViolations(r.container)).toEqual([]);

    await fireEvent.change(phone, { target: { value: third } });
    await fireEvent.click(within(card()).getByRole('button', { name: `Remove ${title}` }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('is removed'), { timeout: 60_000 });
    expect(session.faults).toEqual([]);
    expect(due(third).operationCompletesBy).toBeGreaterThan(session.world!.now);
    expect(session.classroom!.isFaultFixed(session.world!, LATE, third)).toBe(true);
    r.unmount();
  }, 120_000);
});
