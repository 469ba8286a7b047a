// @vitest-environment happy-dom
/**
 * The Faults page: the catalogue as it stands (whatever FAULTS holds), an empty catalogue saying so, and
 * each kind of fault injected and removed in one click — a running-lab fault through the learner's
 * actions and its fix, a starting fault by a new lab after confirmation, a procedure fault by doing the
 * procedure its way — plus the mystery fault that hides which fault is active.
 * Made-up faults test the mechanics, so the assertions hold however the catalogue grows.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULTS, type Fault } from '../../../src/sim/faults';
import Faults from '../../../src/ui/faults/Faults.svelte';
import { changesProcedure, faultKind } from '../../../src/ui/faults/control';
import { LabSession } from '../../../src/ui/session.svelte';
import { createTestSession, MemoryStorage, renderScreen, TEST_NOW } from '../session';

const RECORD = 'ao115pub.brianw2.lab';
const PUB_IP = '10.122.138.102';

const runningFault: Fault = {
  id: 'test.dns-record-deleted',
  title: 'Test: publisher DNS record deleted',
  description: 'A colleague deleted the publisher\'s A record.',
  inject: () => [{ type: 'dns.record.delete', name: RECORD }],
  fix: () => [{ type: 'dns.record.set', name: RECORD, address: PUB_IP }, { wait: 5000 }],
  source: 'test',
};

const startingFault: Fault = {
  id: 'test.subscriber-record-missing',
  title: 'Test: subscriber missing from DNS',
  description: 'The DNS zone never had the subscriber.',
  patchScenario: (s) => {
    delete s.dns.records['ao115sub.brianw2.lab'];
    return s;
  },
  fix: () => [],
  source: 'test',
};

const procedureFault: Fault = {
  id: 'test.deadline-passed',
  title: 'Test: Operation Completes By in the past',
  description: 'The operation is saved with a date that has passed.',
  procedure: (form) => ({ ...form, operationCompletesBy: '2020:01:01:00' }),
  fix: () => [],
  source: 'test',
};

async function sessionWith(catalogue: Fault[]): Promise<LabSession> {
  const session = new LabSession({
    storage: new MemoryStorage(),
    realNow: () => TEST_NOW,
    loadApi: async () => {
      const api = await import('../../../src/ui/lab-api');
      return { ...api, loadFaults: async () => ({ ...(await api.loadFaults()), FAULTS: catalogue }) };
    },
  });
  await session.boot();
  await Promise.all([session.loadClassroom(), session.loadFaults()]);
  await session.world!.runUntilSettled();
  return session;
}

const dnsRecords = (s: LabSession) => (s.world!.actor('dns')!.getSnapshot().context as { records: Record<string, string> }).records;
const item = (title: string) => screen.getByRole('heading', { level: 3, name: title }).closest('li')!;
const WAIT = { timeout: 30_000 };
/** The page reports in its status line when a step is done (its buttons are disabled until then). */
const done = (text: string) => waitFor(() => expect(screen.getByRole('status').textContent).toContain(text), WAIT);

describe('the fault catalogue', () => {
  let session: LabSession;
  beforeAll(async () => {
    session = await createTestSession();
  });
  afterAll(() => session.dispose());

  it('lists every fault of the catalogue with its id, title and description', () => {
    const r = renderScreen(session, Faults);
    if (FAULTS.length === 0) {
      expect(screen.getByText('No faults available yet.')).toBeTruthy();
    } else {
      expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(FAULTS.length);
      for (const f of FAULTS) {
        const li = item(f.title);
        expect(within(li).getByText(f.id)).toBeTruthy();
        expect(within(li).getByText(f.description)).toBeTruthy();
        expect(within(li).getByRole('button', { name: `Inject ${f.title}` })).toBeTruthy();
        expect((within(li).getByRole('button', { name: `Remove ${f.title}` }) as HTMLButtonElement).disabled).toBe(true);
      }
    }
    expect(screen.getByTestId('active-faults').textContent).toBe('No fault is active.');
    r.unmount();
  });

  it('the first running-lab fault of the catalogue goes in as its inject steps and out as its fix', async () => {
    const fault = FAULTS.find((f) => faultKind(f) === 'running' && !changesProcedure(f));
    if (!fault) return; // the catalogue has none (yet): nothing to inject this way
    const r = renderScreen(session, Faults);
    const count = (steps: ReturnType<Fault['fix']>) => steps.filter((s) => !('wait' in s)).length;
    const expectedIn = count(fault.inject!(session.world!));
    await fireEvent.click(screen.getByRole('button', { name: `Inject ${fault.title}` }));
    await done('is injected into the running lab');
    expect(session.faults).toEqual([fault.id]);
    expect(session.world!.actions).toHaveLength(expectedIn);
    const expectedOut = count(fault.fix(session.world!));
    await fireEvent.click(screen.getByRole('button', { name: `Remove ${fault.title}` }));
    await done('documented fix was applied');
    expect(session.faults).toEqual([]);
    expect(session.world!.actions).toHaveLength(expectedIn + expectedOut);
    r.unmount();
  });
});

describe('an empty catalogue', () => {
  it('says "No faults available yet" and offers no mystery fault', async () => {
    const session = await sessionWith([]);
    const r = renderScreen(session, Faults);
    expect(screen.getByText('No faults available yet.')).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'Mystery fault' }) as HTMLInputElement).disabled).toBe(true);
    r.unmount();
    session.dispose();
  });
});

describe('injecting and removing', () => {
  let session: LabSession;
  beforeAll(async () => {
    FAULTS.push(startingFault); // the session's reset finds scenario faults in the real catalogue
    session = await sessionWith([runningFault, startingFault, procedureFault]);
  });
  afterAll(() => {
    FAULTS.splice(FAULTS.indexOf(startingFault), 1);
    session.dispose();
  });

  it('a running-lab fault: Inject applies its actions, Remove applies its fix (waits included)', async () => {
    const r = renderScreen(session, Faults);
    await fireEvent.click(screen.getByRole('button', { name: `Inject ${runningFault.title}` }));
    await done('is injected into the running lab');
    expect(session.faults).toEqual([runningFault.id]);
    expect(dnsRecords(session)[RECORD]).toBeUndefined();
    expect(session.world!.actions.at(-1)!.action).toEqual({ type: 'dns.record.delete', name: RECORD });
    await waitFor(() => expect(within(item(runningFault.title)).getByText('Active')).toBeTruthy());
    expect(screen.getByTestId('active-faults').textContent).toContain(runningFault.id);

    const before = session.world!.now;
    await fireEvent.click(screen.getByRole('button', { name: `Remove ${runningFault.title}` }));
    await done('documented fix was applied');
    expect(session.faults).toEqual([]);
    expect(dnsRecords(session)[RECORD]).toBe(PUB_IP);
    expect(session.world!.now - before).toBeGreaterThanOrEqual(5000);
    r.unmount();
  });

  it('a starting fault: asks first, then starts a new lab with it; Remove starts one without it', async () => {
    const r = renderScreen(session, Faults);
    const oldWorld = session.world;
    await fireEvent.click(screen.getByRole('button', { name: `Inject ${startingFault.title}` }));
    const confirm = screen.getByRole('group', { name: /starts a new lab with it/ });
    expect(session.world).toBe(oldWorld);
    await fireEvent.click(within(confirm).getByRole('button', { name: 'Start a new lab' }));
    await done(`A new lab started with “${startingFault.title}”`);
    expect(session.faults).toEqual([startingFault.id]);
    expect(session.world).not.toBe(oldWorld);
    expect(session.world!.env.scenario.dns.records['ao115sub.brianw2.lab']).toBeUndefined();

    await fireEvent.click(screen.getByRole('button', { name: `Remove ${startingFault.title}` }));
    await fireEvent.click(within(screen.getByRole('group', { name: /starts a new lab without it/ })).getByRole('button', { name: 'Start a new lab' }));
    await done(`A new lab started without “${startingFault.title}”`);
    expect(session.faults).toEqual([]);
    expect(session.world!.env.scenario.dns.records['ao115sub.brianw2.lab']).toBe('10.122.138.103');
    r.unmount();
  });

  it('Cancel leaves the lab as it was and puts focus back on Inject', async () => {
    const r = renderScreen(session, Faults);
    const world = session.world;
    const inject = screen.getByRole('button', { name: `Inject ${startingFault.title}` });
    inject.focus();
    await fireEvent.click(inject);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Start a new lab' })));
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: /starts a new lab/ })).toBeNull();
    expect(document.activeElement).toBe(inject);
    expect(session.world).toBe(world);
    expect(session.faults).toEqual([]);
    r.unmount();
  });

  it('a procedure fault: Inject saves and applies the CAPF operation its way', async () => {
    const r = renderScreen(session, Faults);
    await fireEvent.click(screen.getByRole('button', { name: `Inject ${procedureFault.title}` }));
    await done('saved and applied the faulty way');
    expect(session.faults).toEqual([procedureFault.id]);
    expect(session.world!.actions.map((a) => a.action.type)).toEqual(['cucm.phone.save', 'cucm.phone.applyConfig']);
    const save = session.world!.actions[0].action;
    expect(save.type === 'cucm.phone.save' && save.capf.operationCompletesBy).toBe('2020:01:01:00');
    r.unmount();
  });

  it('the mystery fault hides which fault is active until it is unticked', async () => {
    const r = renderScreen(session, Faults);
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Mystery fault' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Start a new lab' }));
    await done('A new lab started with a mystery fault');
    expect(session.mystery).toBe(true);
    expect(screen.getByTestId('active-faults').textContent).toContain('A mystery fault is active');
    expect(session.faults).toHaveLength(1);
    const [id] = session.faults;
    expect(screen.queryByText('Active')).toBeNull();
    expect(screen.getByTestId('active-faults').textContent).not.toContain(id);
    expect((screen.getByRole('button', { name: `Inject ${runningFault.title}` }) as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Mystery fault' }));
    expect(session.mystery).toBe(false);
    expect(screen.getByTestId('active-faults').textContent).toContain(id);
    r.unmount();
  });
});
