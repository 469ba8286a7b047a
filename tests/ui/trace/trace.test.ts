// @vitest-environment happy-dom
/**
 * The message trace after the seed procedure: the CAPF exchange between the phone and the publisher is
 * listed in order, and the inspector shows a CAPF message's fields and its bytes in hex. The list is
 * usable with the keyboard alone.
 */
import { fireEvent, screen, within } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProcedure } from '../../../src/content/procedures';
import Trace from '../../../src/ui/trace/Trace.svelte';
import { hexDump, packetLine } from '../../../src/ui/trace/format';
import type { LabSession } from '../../../src/ui/session.svelte';
import { createTestSession, renderScreen } from '../session';

let session: LabSession;

beforeAll(async () => {
  session = await createTestSession();
  for (const action of seedProcedure(session.world!)) expect((await session.act(action)).ok).toBe(true);
  await session.world!.runUntilSettled();
  await session.advance(0);
  expect(session.world!.lsc('SEP682C7B5C2342')).toBe('Installed');
});
afterAll(() => session.dispose());

const rowButtons = () => within(screen.getByRole('table')).getAllByRole('button');

describe('the message trace', () => {
  it('lists the CAPF exchange between the phone and the publisher, in order', () => {
    const r = renderScreen(session, Trace);
    const capf = rowButtons()
      .map((b) => b.textContent!)
      .filter((t) => /^(AUTH|KEY_GENERATE|STORE_CERTIFICATE|END_SESSION)/.test(t))
      .map((t) => t.split(' ')[0]);
    expect(capf).toEqual(['AUTH_REQUEST', 'AUTH_RESPONSE', 'KEY_GENERATE_REQUEST', 'KEY_GENERATE_RESPONSE', 'STORE_CERTIFICATE_REQUEST', 'STORE_CERTIFICATE_RESPONSE', 'END_SESSION']);
    const row = screen.getByRole('button', { name: /^AUTH_REQUEST/ }).closest('tr')!;
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent);
    expect(cells[1]).toMatch(/^\d\d:\d\d:\d\d\.\d{3}$/);
    expect(cells[2]).toBe('ao115pub (10.122.138.102:3804)');
    expect(cells[3]).toMatch(/^SEP682C7B5C2342 \(10\.122\.138\.150:\d+\)$/);
    expect(cells[4]).toBe('CAPF');
    r.unmount();
  });

  it('the inspector shows the CAPF fields and the bytes in hex; closing it returns to the message', async () => {
    const r = renderScreen(session, Trace);
    await fireEvent.click(screen.getByRole('button', { name: /^AUTH_RESPONSE/ }));
    const inspector = screen.getByRole('region', { name: /^Message \d+: CAPF AUTH_RESPONSE/ });
    const packet = session.world!.trace.packets.find((p) => p.protocol === 'CAPF' && p.summary.startsWith('AUTH_RESPONSE'))!;
    const terms = within(inspector).getAllByRole('term').map((t) => t.textContent);
    for (const field of Object.keys(packet.detail!)) expect(terms).toContain(field);
    expect(within(inspector).getByText('SEP682C7B5C2342', { selector: 'dd' })).toBeTruthy();
    expect(within(inspector).getByLabelText(/in hexadecimal/).textContent).toBe(hexDump(packet.bytes!));
    await fireEvent.click(within(inspector).getByRole('button', { name: 'Close inspector' }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByRole('region', { name: /^Message/ })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^AUTH_RESPONSE/ }));
    r.unmount();
  });

  it('HTTP downloads show the file name and size, DNS messages the query and the answer', async () => {
    const r = renderScreen(session, Trace);
    await fireEvent.click(screen.getAllByRole('button', { name: /^HTTP\/1.1 200 OK/ })[0]);
    let inspector = screen.getByRole('region', { name: /^Message \d+: HTTP/ });
    expect(within(inspector).getByText('File name').nextElementSibling!.textContent).toMatch(/\.(tlv|sgn)$/);
    expect(within(inspector).getByText('File size').nextElementSibling!.textContent).toMatch(/^\d+ bytes$/);
    await fireEvent.click(screen.getAllByRole('button', { name: /^Standard query response/ })[0]);
    inspector = screen.getByRole('region', { name: /^Message \d+: DNS/ });
    expect(within(inspector).getByText('Query').nextElementSibling!.textContent).toMatch(/brianw2\.lab \(type A\)/);
    expect(within(inspector).getByText('Answer').nextElementSibling!.textContent).toMatch(/^10\.122\.138\.\d+$/);
    r.unmount();
  });

  it('the protocol filter keeps only the ticked protocols', async () => {
    const r = renderScreen(session, Trace);
    await fireEvent.click(screen.getByRole('button', { name: 'No protocol' }));
    expect(screen.getByText('No message matches.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('checkbox', { name: /^CAPF/ }));
    const protocols = within(screen.getByRole('table'))
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[4].textContent);
    // The seven messages of the exchange, and the phone's REQUEST_IN_PROGRESS while it generates its key (capfc).
    expect(protocols.length).toBe(8);
    expect(new Set(protocols)).toEqual(new Set(['CAPF']));
    r.unmount();
  });

  it('arrow keys move through the list; one row is in the tab order', async () => {
    const r = renderScreen(session, Trace);
    const buttons = rowButtons();
    expect(buttons.filter((b) => b.tabIndex === 0)).toHaveLength(1);
    buttons[0].focus();
    await fireEvent.keyDown(buttons[0], { key: 'ArrowDown' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.activeElement).toBe(rowButtons()[1]);
    await fireEvent.keyDown(document.activeElement!, { key: 'End' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.activeElement).toBe(rowButtons().at(-1));
    r.unmount();
  });

  it('the download is the runner\'s packet-trace.txt format', () => {
    const p = session.world!.trace.packets[0];
    expect(packetLine(p)).toMatch(/^ {4}1 \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \S+\(10\.122\.138\.\d+\):\d+ → /);
  });
});
