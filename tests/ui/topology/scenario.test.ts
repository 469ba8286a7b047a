// @vitest-environment happy-dom
/**
 * The scenario chooser on the home page: it shows the running scenario, lists every scenario, and starts a
 * new lab from the one picked only after the learner confirms that the work so far is dropped. The 802.1X
 * scenario's topology then draws the access switch and the RADIUS server with their live verdicts.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cucm14Lab } from '../../../src/content/scenarios/cucm14-lab';
import { fleetLab } from '../../../src/content/scenarios/fleet-lab';
import Topology from '../../../src/ui/topology/Topology.svelte';
import Logs from '../../../src/ui/logs/Logs.svelte';
import Statecharts from '../../../src/ui/statecharts/Statecharts.svelte';
import type { LabSession } from '../../../src/ui/session.svelte';
import { createTestSession, renderScreen } from '../session';

const SEED_TITLE = 'Install an LSC on a CP-8845 (TAC 213295)';
const DOT1X_TITLE = "LSCs for 802.1X: the switch port trusts only this cluster's CAPF";

let session: LabSession;

beforeAll(async () => {
  session = await createTestSession();
});
afterAll(() => session.dispose());

const chooser = () => screen.getByRole('region', { name: 'Scenario' });
const card = (name: string) => screen.getByRole('heading', { level: 3, name }).closest('li')!;

async function pick(title: string) {
  const select = within(chooser()).getByRole('combobox', { name: 'Scenario' }) as HTMLSelectElement;
  const option = within(select).getByRole('option', { name: title }) as HTMLOptionElement;
  await fireEvent.change(select, { target: { value: option.value } });
}

describe('the scenario chooser', () => {
  it('shows the running scenario and lists every scenario by title', () => {
    const r = renderScreen(session, Topology);
    expect(within(chooser()).getByText(SEED_TITLE, { selector: 'strong' })).toBeTruthy();
    expect(within(chooser()).getByText(session.scenario!.description)).toBeTruthy();
    const select = within(chooser()).getByRole('combobox', { name: 'Scenario' }) as HTMLSelectElement;
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([SEED_TITLE, DOT1X_TITLE, cucm14Lab.title, fleetLab.title]);
    expect(select.value).toBe('seed-lab');
    r.unmount();
  });

  it('Cancel keeps the current lab and puts focus back on "Start this scenario"', async () => {
    const r = renderScreen(session, Topology);
    const world = session.world;
    await pick(DOT1X_TITLE);
    const start = within(chooser()).getByRole('button', { name: 'Start this scenario' });
    start.focus();
    await fireEvent.click(start);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Start a new lab' })));
    expect(screen.getByRole('group', { name: /Start a new lab with “LSCs for 802\.1X/ })).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: /Start a new lab with/ })).toBeNull();
    expect(document.activeElement).toBe(start);
    expect(session.world).toBe(world);
    expect(session.scenarioId).toBe('seed-lab');
    expect(screen.queryByRole('heading', { level: 3, name: 'access-sw1' })).toBeNull();
    r.unmount();
  });

  it('choosing the 802.1X scenario and confirming starts a new lab with the access switch and ISE in its topology', async () => {
    const r = renderScreen(session, Topology);
    const oldWorld = session.world;
    await pick(DOT1X_TITLE);
    await fireEvent.click(within(chooser()).getByRole('button', { name: 'Start this scenario' }));
    const confirm = screen.getByRole('group', { name: /Start a new lab with “LSCs for 802\.1X/ });
    expect(confirm.textContent).toMatch(/Everything done in this lab so far and any injected faults are dropped/);
    expect(session.world).toBe(oldWorld); // nothing happens before the learner confirms
    await fireEvent.click(within(confirm).getByRole('button', { name: 'Start a new lab' }));
    await waitFor(() => expect(within(chooser()).getByRole('status').textContent).toBe(`A new lab started: “${DOT1X_TITLE}”.`));
    expect(session.scenarioId).toBe('dot1x-lab');
    expect(session.faults).toEqual([]);
    expect(session.world).not.toBe(oldWorld);
    expect(within(chooser()).getByText(DOT1X_TITLE, { selector: 'strong' })).toBeTruthy();

    await waitFor(() =>
      expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
        'ao115pub',
        'ao115sub',
        'ise01',
        'dc01',
        'access-sw1',
        'SEP682C7B5C2342',
      ]),
    );
    expect(within(card('access-sw1')).getByText(/Access switch \(802\.1X\), 10\.122\.138\.2$/)).toBeTruthy();
    expect(within(card('ise01')).getByText(/RADIUS server \(Cisco ISE\), 10\.122\.138\.20$/)).toBeTruthy();
    expect(screen.getByRole('link', { name: /^access-sw1, Access switch \(802\.1X\), 10\.122\.138\.2:/ }).getAttribute('href')).toBe('#/?host=access-sw1');
    expect(screen.getByRole('link', { name: /^ise01, RADIUS server \(Cisco ISE\), 10\.122\.138\.20:/ }).getAttribute('href')).toBe('#/?host=ise01');
    expect(within(card('access-sw1')).getByText('Port mode').nextElementSibling!.textContent).toBe('Monitor mode');
    r.unmount();
  });

  it('the 802.1X hosts show the verdict on the phone\'s MIC: ISE rejects it, the switch sends EAP Failure', async () => {
    expect(session.scenarioId).toBe('dot1x-lab');
    await session.world!.runUntilSettled();
    const r = renderScreen(session, Topology);
    const sw = within(card('access-sw1'));
    expect(sw.getByText('Last 802.1X verdict').nextElementSibling!.textContent).toBe('EAP Failure');
    expect(sw.getByText('Verdict sent to').nextElementSibling!.textContent).toBe('SEP682C7B5C2342');
    const ise = within(card('ise01'));
    expect(Number(ise.getByText('Access-Requests').nextElementSibling!.textContent)).toBeGreaterThan(0);
    expect(ise.getByText('Last answer').nextElementSibling!.textContent).toBe('Access-Reject');
    expect(ise.getByText('Reason').nextElementSibling!.textContent).toMatch(/^5400 Authentication failed: 12514 EAP-TLS failed/);
    r.unmount();
  });

  it("in the 802.1X lab, ise01's card opens its RADIUS live log and the switch's card its statechart", async () => {
    expect(session.scenarioId).toBe('dot1x-lab');
    const r = renderScreen(session, Topology);
    expect(within(card('ise01')).getByRole('link', { name: 'Logs of ise01' }).getAttribute('href')).toBe('#/logs?host=ise01');
    expect(within(card('access-sw1')).getByRole('link', { name: 'Statechart of the switch port' }).getAttribute('href')).toBe('#/statecharts?actor=switch');
    r.unmount();

    const logs = renderScreen(session, Logs, { host: 'ise01' });
    const radius = screen.getByRole('checkbox', { name: /^RADIUS live log \(ISE\) \((\d+)\)$/ });
    expect(Number(/\((\d+)\)$/.exec(radius.parentElement!.textContent!.trim())![1])).toBeGreaterThan(0);
    expect(screen.getAllByText(/Failed 5400 Authentication failed/).length).toBeGreaterThan(0);
    logs.unmount();

    const charts = renderScreen(session, Statecharts, { actor: 'switch' });
    expect(screen.getByRole('heading', { level: 2, name: /^802\.1X access switch/ })).toBeTruthy();
    charts.unmount();
  });

  it('a fleet scenario asks how many phones: a number out of range is refused in words, 3 starts a lab of 3 that a reload keeps', async () => {
    const r = renderScreen(session, Topology);
    await pick(fleetLab.title);
    const phones = await within(chooser()).findByRole('textbox', { name: 'Phones' });
    expect(phones.getAttribute('placeholder')).toBe(String(fleetLab.fleet!.phones));
    await fireEvent.input(phones, { target: { value: '0' } });
    expect(phones.getAttribute('aria-invalid')).toBe('true');
    expect(within(chooser()).getByText('The number of phones must be a whole number from 1 to 1,000.')).toBeTruthy();
    await fireEvent.click(within(chooser()).getByRole('button', { name: 'Start this scenario' }));
    expect(screen.queryByRole('group', { name: /Start a new lab with/ })).toBeNull();
    await fireEvent.input(phones, { target: { value: '3' } });
    expect(phones.getAttribute('aria-invalid')).toBeNull();
    await fireEvent.click(within(chooser()).getByRole('button', { name: 'Start this scenario' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Start a new lab' }));
    await waitFor(() => expect(within(chooser()).getByRole('status').textContent).toBe(`A new lab started: “${fleetLab.title}”.`));
    expect(session.world!.env.scenario.phones).toHaveLength(3);
    r.unmount();
    const again = await createTestSession({ storage: session.storage, settle: false });
    expect(again.scenarioId).toBe('fleet-lab');
    expect(again.world!.env.scenario.phones.map((p) => p.deviceName)).toEqual(session.world!.env.scenario.phones.map((p) => p.deviceName));
    again.dispose();
  });
});
