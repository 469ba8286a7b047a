// @vitest-environment happy-dom
/**
 * The home page: the lab's hosts in a drawing and in a list, with their live state and the surfaces an
 * engineer opens on each. A stopped service shows as stopped; a host picked in the drawing gets focus.
 */
import { screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Topology from '../../../src/ui/topology/Topology.svelte';
import { phoneStateText } from '../../../src/ui/topology/model';
import type { LabSession } from '../../../src/ui/session.svelte';
import { createTestSession, renderScreen } from '../session';

let session: LabSession;

beforeAll(async () => {
  session = await createTestSession();
});
afterAll(() => session.dispose());

const card = (name: string) => screen.getByRole('heading', { level: 3, name }).closest('li')!;

describe('the topology', () => {
  it('lists the publisher, the subscriber, the DNS server and the phone with their addresses', () => {
    const r = renderScreen(session, Topology);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['ao115pub', 'ao115sub', 'dc01', 'SEP682C7B5C2342']);
    expect(within(card('ao115pub')).getByText(/CUCM publisher, 10\.122\.138\.102/)).toBeTruthy();
    expect(within(card('ao115sub')).getByText(/CUCM subscriber, 10\.122\.138\.103/)).toBeTruthy();
    // The drawing: one named link per host.
    expect(screen.getByRole('link', { name: /^ao115pub, CUCM publisher, 10\.122\.138\.102/ }).getAttribute('href')).toBe('#/?host=ao115pub');
    expect(screen.getByRole('link', { name: /^SEP682C7B5C2342, Cisco IP Phone CP-8845, 10\.122\.138\.150/ })).toBeTruthy();
    r.unmount();
  });

  it('shows the live state: services started, the phone registered without an LSC', () => {
    const r = renderScreen(session, Topology);
    const pub = within(card('ao115pub'));
    expect(pub.getByText('CAPF').nextElementSibling!.textContent).toBe('Started');
    expect(pub.getByText('TFTP').nextElementSibling!.textContent).toBe('Started');
    expect(within(card('ao115sub')).queryByText('CAPF')).toBeNull();
    const phone = within(card('SEP682C7B5C2342'));
    expect(phone.getByText('State').nextElementSibling!.textContent).toBe('Registered');
    expect(phone.getByText('LSC').nextElementSibling!.textContent).toBe('Not Installed');
    r.unmount();
  });

  it('opens each host\'s surfaces', () => {
    const r = renderScreen(session, Topology);
    const link = (host: string, name: string) => within(card(host)).getByRole('link', { name }).getAttribute('href');
    expect(link('ao115pub', 'Cisco Unified CM Administration: Device > Phone')).toBe('#/cucm/phones');
    expect(link('ao115pub', 'OS Administration: Certificate Management')).toBe('#/os/certificates?node=ao115pub');
    expect(link('ao115sub', 'Serviceability: Control Center - Feature Services')).toBe('#/serviceability/feature?node=ao115sub');
    expect(link('ao115sub', 'Admin CLI of ao115sub')).toBe('#/cli?node=ao115sub');
    expect(link('SEP682C7B5C2342', 'Phone SEP682C7B5C2342')).toBe('#/phone?device=SEP682C7B5C2342');
    r.unmount();
  });

  it('a stopped CAPF service shows as stopped', async () => {
    expect((await session.act({ type: 'serviceability.stop', node: 'ao115pub', service: 'capf' })).ok).toBe(true);
    const r = renderScreen(session, Topology);
    expect(within(card('ao115pub')).getByText('CAPF').nextElementSibling!.textContent).toBe('Stopped');
    r.unmount();
    await session.act({ type: 'serviceability.start', node: 'ao115pub', service: 'capf' });
  });

  it('a host picked in the drawing (?host=…) gets focus in the list', async () => {
    const r = renderScreen(session, Topology, { host: 'dc01' });
    await tick();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 3, name: 'dc01' }));
    r.unmount();
  });

  it('puts the phone\'s state in words', () => {
    expect(phoneStateText('off')[0]).toBe('Powered off');
    expect(phoneStateText({ on: { trustList: 'fetchingItl' } })[0]).toBe('Downloading its trust list');
    expect(phoneStateText({ on: { registered: 'capfOperation' } })[0]).toBe('Registered; CAPF operation running');
  });
});
