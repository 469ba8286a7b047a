// @vitest-environment happy-dom
/**
 * The home page: the lab's hosts in a drawing and in a list, with their live state and the surfaces an
 * engineer opens on each. A stopped service shows as stopped; a host picked in the drawing gets focus.
 */
import { fireEvent, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Topology from '../../../src/ui/topology/Topology.svelte';
import { phoneStateText } from '../../../src/ui/topology/model';
import { pointAt } from '../../../src/ui/topology/pulses';
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

  it('messages move along the links as the clock runs: each new message a dot from its sender towards its receiver', async () => {
    const r = renderScreen(session, Topology);
    const before = session.world!.trace.packets.length;
    expect(r.container.querySelectorAll('circle.pulse')).toHaveLength(0);
    expect((await session.act({ type: 'cucm.phone.reset', device: 'SEP682C7B5C2342' })).ok).toBe(true);
    await session.advance(30_000);
    await new Promise((resolve) => setTimeout(resolve, 80));
    const fresh = session.world!.trace.packets.slice(before);
    expect(fresh.length).toBeGreaterThan(0);
    const dots = [...r.container.querySelectorAll<SVGCircleElement>('circle.pulse')];
    expect(dots.length).toBeGreaterThan(0);
    expect(dots.length).toBeLessThanOrEqual(6);
    for (const d of dots) expect(fresh.some((p) => p.from.host === d.dataset.from && p.to.host === d.dataset.to)).toBe(true);
    // The caption names the newest message in words.
    expect(r.container.querySelector('figcaption')!.textContent).toContain(`Newest message: No. ${session.world!.trace.packets.at(-1)!.no}`);
    await session.world!.runUntilSettled();
    r.unmount();
  });

  it('follows one chosen phone, and stays still under prefers-reduced-motion', async () => {
    const original = window.matchMedia;
    window.matchMedia = ((query: string) => ({ matches: query.includes('reduce'), media: query, addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia;
    try {
      const r = renderScreen(session, Topology);
      const select = screen.getByRole('combobox', { name: 'Follow the messages of' });
      expect(Array.from((select as HTMLSelectElement).options).map((o) => o.textContent)).toEqual(['All devices', 'SEP682C7B5C2342']);
      await fireEvent.change(select, { target: { value: 'SEP682C7B5C2342' } });
      expect((await session.act({ type: 'cucm.phone.reset', device: 'SEP682C7B5C2342' })).ok).toBe(true);
      await session.advance(30_000);
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect(r.container.querySelectorAll('circle.pulse')).toHaveLength(0);
      await session.world!.runUntilSettled();
      r.unmount();
    } finally {
      window.matchMedia = original;
    }
  });

  it('a pulse travels the polyline from start to end', () => {
    const pts = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }];
    expect(pointAt(pts, 0)).toEqual({ x: 0, y: 0 });
    expect(pointAt(pts, 0.5)).toEqual({ x: 10, y: 0 });
    expect(pointAt(pts, 0.75)).toEqual({ x: 10, y: 5 });
    expect(pointAt(pts, 1)).toEqual({ x: 10, y: 10 });
  });
});
