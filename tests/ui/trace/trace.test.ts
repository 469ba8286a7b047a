// @vitest-environment happy-dom
/**
 * The message trace after the seed procedure: the CAPF exchange between the phone and the publisher is
 * listed in order and drawn as a ladder (one arrow per message of the trace, in its order), and the
 * inspector shows a CAPF message's fields and its bytes in hex. Then the failures a learner meets: a
 * firewall that drops TCP 3804 (the SYN ends in a cross, the phone's line stays silent until it gives up)
 * and a stopped CAPF service (refused, RST). The list and the ladder are usable with the keyboard alone.
 */
import { fireEvent, screen, within } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProcedure } from '../../../src/content/procedures';
import Trace from '../../../src/ui/trace/Trace.svelte';
import { hexDump, packetLine } from '../../../src/ui/trace/format';
import { concernsDevice, LADDER, ladderOf, ladderSvg, shortLabel, visibleRows, type LadderMessage } from '../../../src/ui/trace/ladder';
import type { Packet } from '../../../src/sim/network';
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
const ladderGroup = () => screen.getByRole('group', { name: /^Ladder diagram of \d+ messages?$/ });
const arrows = () => [...ladderGroup().querySelectorAll<SVGGElement>('g.msg')];
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

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

describe('the ladder diagram', () => {
  it('has one arrow per message of the trace, in the trace\'s order, between the hosts\' columns', () => {
    const world = session.world!;
    const ladder = ladderOf({ scenario: world.env.scenario, packets: world.trace.packets, allPackets: world.trace.packets, log: world.env.log.records, now: world.now });
    expect(ladder.columns.map((c) => c.host)).toEqual(['SEP682C7B5C2342', 'dc01', 'ao115pub', 'ao115sub']);
    const messages = ladder.rows.filter((r): r is LadderMessage => r.kind === 'message');
    expect(messages.map((m) => m.packet.no)).toEqual(world.trace.packets.map((p) => p.no));
    for (const m of messages) {
      expect(ladder.columns[m.from].host).toBe(m.packet.from.host);
      expect(ladder.columns[m.to].host).toBe(m.packet.to.host);
    }
    // Rows go down the page in order; a pause of a second or more gets its own row.
    const ys = ladder.rows.map((r) => r.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(ladder.rows.some((r) => r.kind === 'gap')).toBe(true);
    expect(messages.find((m) => m.packet.protocol === 'CAPF')!.full).toMatch(/^CAPF AUTH_REQUEST\b/);
    expect(shortLabel({ protocol: 'DNS', summary: 'Standard query 0x1a2b A PUB11.brianw2.lab' } as Packet)).toBe('DNS Standard query A PUB11.brianw2.lab');
  });

  it('draws only the rows in view, and the keyboard walks every arrow in order', async () => {
    const r = renderScreen(session, Trace);
    const total = session.world!.trace.packets.length;
    expect(ladderGroup().getAttribute('aria-label')).toBe(`Ladder diagram of ${total} messages`);
    const drawn = arrows();
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.length).toBeLessThan(total);
    const numbers = drawn.map((g) => Number(g.dataset.no));
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
    // One arrow in view is in the tab order.
    const stop = arrows().filter((g) => g.getAttribute('tabindex') === '0');
    expect(stop).toHaveLength(1);
    stop[0].focus();
    await fireEvent.keyDown(stop[0], { key: 'Home' });
    await settle();
    expect((document.activeElement as SVGGElement).dataset.no).toBe('1');
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    await settle();
    expect((document.activeElement as SVGGElement).dataset.no).toBe('2');
    expect(document.activeElement!.getAttribute('aria-label')).toMatch(/^Message 2 at \d\d:\d\d:\d\d\.\d{3}: .+, from \S+ to \S+\.$/);
    // Enter opens the message in the inspector.
    await fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(screen.getByRole('region', { name: /^Message 2: / })).toBeTruthy();
    expect(visibleRows(ladderOf({ scenario: session.world!.env.scenario, packets: session.world!.trace.packets, allPackets: [], log: [], now: 0 }).rows, 0, 3 * LADDER.row).length).toBeLessThan(6);
    r.unmount();
  });

  it('a click on an arrow opens the message; the protocol filter thins the ladder like the table', async () => {
    const r = renderScreen(session, Trace);
    await fireEvent.click(screen.getByRole('button', { name: 'No protocol' }));
    expect(screen.getByText('No message to draw with these filters.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('checkbox', { name: /^CAPF/ }));
    const capf = arrows();
    expect(capf.map((g) => g.querySelector('title')!.textContent)).toEqual([
      'CAPF AUTH_REQUEST',
      'CAPF AUTH_RESPONSE',
      'CAPF KEY_GENERATE_REQUEST',
      'CAPF REQUEST_IN_PROGRESS',
      'CAPF KEY_GENERATE_RESPONSE',
      'CAPF STORE_CERTIFICATE_REQUEST',
      'CAPF STORE_CERTIFICATE_RESPONSE',
      'CAPF END_SESSION',
    ].map((label) => expect.stringMatching(new RegExp(`^${label}`))));
    await fireEvent.click(capf[2]);
    expect(screen.getByRole('region', { name: /^Message \d+: CAPF KEY_GENERATE_REQUEST/ })).toBeTruthy();
    r.unmount();
  });

  it('hiding a host removes its column and its messages', async () => {
    const r = renderScreen(session, Trace);
    await fireEvent.click(within(screen.getByRole('group', { name: 'Hosts' })).getByRole('checkbox', { name: 'dc01' }));
    await settle();
    const head = r.container.querySelector('svg.head')!;
    expect(head.textContent).not.toContain('dc01');
    const numbers = arrows().map((g) => Number(g.dataset.no));
    const dns = session.world!.trace.packets.filter((p) => p.from.host === 'dc01' || p.to.host === 'dc01').map((p) => p.no);
    expect(numbers.some((n) => dns.includes(n))).toBe(false);
    r.unmount();
  });

  it('exports the same picture as an SVG file: every message an arrow, the hosts on top', () => {
    const world = session.world!;
    const ladder = ladderOf({ scenario: world.env.scenario, packets: world.trace.packets, allPackets: world.trace.packets, log: world.env.log.records, now: world.now });
    const svg = ladderSvg(ladder, { title: 'ladder', silence: () => 'silence', gap: (ms) => `+${ms} ms`, time: (p) => String(p.time) });
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.documentElement.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(doc.querySelectorAll('line[marker-end]').length + doc.querySelectorAll('path[stroke-width="2.5"]').length).toBe(world.trace.packets.length);
    for (const host of ['SEP682C7B5C2342', 'dc01', 'ao115pub', 'ao115sub']) expect(svg).toContain(`>${host}</text>`);
  });

  it('with several phones, a chosen device keeps its own messages and the servers\' messages on its behalf', () => {
    const at = (host: string, ip: string, port = 1) => ({ host, ip, port });
    const pkt = (from: string, to: string, detail?: Record<string, unknown>) =>
      ({ no: 1, time: 0, from: at(from, '10.0.0.1'), to: at(to, '10.0.0.2'), transport: 'UDP', protocol: 'RADIUS', summary: 'x', outcome: 'delivered', detail }) as Packet;
    const phones = ['SEP000000000001', 'SEP000000000002'];
    expect(concernsDevice(pkt('SEP000000000001', 'ao115pub'), 'SEP000000000001', phones)).toBe(true);
    expect(concernsDevice(pkt('SEP000000000002', 'ao115pub'), 'SEP000000000001', phones)).toBe(false);
    expect(concernsDevice(pkt('switch', 'ise', { identity: 'CP-8845-SEP000000000002' }), 'SEP000000000001', phones)).toBe(false);
    expect(concernsDevice(pkt('switch', 'ise', { callingStation: '00-00-00-00-00-01' }), 'SEP000000000001', phones)).toBe(true);
    expect(concernsDevice(pkt('ao115pub', 'ao115sub'), 'SEP000000000001', phones)).toBe(true);
    expect(concernsDevice(pkt('SEP000000000002', 'ao115pub'), '', phones)).toBe(true);
  });
});

describe('failures on the ladder', () => {
  it('a firewall dropping TCP 3804: the SYN ends in a cross, the phone\'s line is silent until it gives up, in words too', async () => {
    const world = session.world!;
    const rule = { id: 'block-capf-3804', description: 'deny tcp any host 10.122.138.102 eq 3804', transport: 'TCP' as const, port: 3804, toIp: '10.122.138.102' };
    expect((await session.act({ type: 'network.firewall.add', rule })).ok).toBe(true);
    for (const action of seedProcedure(world)) expect((await session.act(action)).ok).toBe(true);
    await session.advance(60_000);
    const r = renderScreen(session, Trace);
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Only messages that were not delivered' }));
    const dropped = world.trace.packets.filter((p) => p.outcome === 'dropped');
    expect(dropped.length).toBeGreaterThan(0);
    const lost = arrows().find((g) => g.dataset.no === String(dropped[0].no))!;
    expect(lost.dataset.failure).toBe('dropped');
    expect(lost.querySelector('path.cross')).toBeTruthy();
    expect(lost.getAttribute('aria-label')).toContain('Lost on the way: nothing came back.');
    const silence = r.container.querySelector('text.silence-text')!;
    expect(silence.textContent).toMatch(/^no answer; gave up after \d+\.\d s$/);
    expect(r.container.querySelector('g.timeout text:not(.time)')!.textContent).toMatch(/^gave up: /);
    expect(screen.getAllByText(/^Message \d+, TCP .*\[SYN\] from SEP682C7B5C2342 to ao115pub: no answer; gave up after \d+\.\d s\. The sender’s log at that moment: “.+”$/).length).toBeGreaterThan(0);
    r.unmount();
    expect((await session.act({ type: 'network.firewall.remove', id: rule.id })).ok).toBe(true);
  });

  it('a stopped CAPF service: the SYN is refused and the RST comes back, both in red', async () => {
    const world = session.world!;
    await session.world!.runUntilSettled();
    expect((await session.act({ type: 'serviceability.stop', node: 'ao115pub', service: 'capf' })).ok).toBe(true);
    for (const action of seedProcedure(world)) expect((await session.act(action)).ok).toBe(true);
    await session.advance(120_000);
    const r = renderScreen(session, Trace);
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Only messages that were not delivered' }));
    const refused = world.trace.packets.filter((p) => p.outcome === 'refused');
    expect(refused.length).toBeGreaterThan(0);
    const syn = arrows().find((g) => g.dataset.no === String(refused[0].no))!;
    expect(syn.dataset.failure).toBe('refused');
    expect(syn.getAttribute('aria-label')).toContain('Refused: nothing listens on that port.');
    // The RST right after it, from the publisher back to the phone.
    const ladder = ladderOf({ scenario: world.env.scenario, packets: world.trace.packets, allPackets: world.trace.packets, log: world.env.log.records, now: world.now });
    const messages = ladder.rows.filter((x): x is LadderMessage => x.kind === 'message');
    const at = messages.findIndex((m) => m.packet.no === refused[0].no);
    expect(messages[at + 1].failure).toBe('reset');
    expect(ladder.columns[messages[at + 1].from].host).toBe('ao115pub');
    expect(ladder.columns[messages[at + 1].to].host).toBe('SEP682C7B5C2342');
    r.unmount();
    await session.act({ type: 'serviceability.start', node: 'ao115pub', service: 'capf' });
  });
});
