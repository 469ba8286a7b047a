// @vitest-environment happy-dom
/**
 * The Logs pane: one place for the phone's status messages and console log, the CAPF/TFTP/TVS traces and
 * the CLI, each line exactly as the real system prints it; narrowed by source, level, host and search,
 * and still quick when a long run has written 20 000 records.
 */
import { fireEvent, screen, within } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Logs from '../../../src/ui/logs/Logs.svelte';
import { filterRecords, SOURCES } from '../../../src/ui/logs/filter';
import type { LabSession } from '../../../src/ui/session.svelte';
import { createTestSession, renderScreen } from '../session';

let session: LabSession;

beforeAll(async () => {
  session = await createTestSession();
});
afterAll(() => session.dispose());

async function choose(name: string, value: string) {
  await fireEvent.change(screen.getByRole('combobox', { name }), { target: { value } });
}

const shownLines = () => within(screen.getByRole('list', { name: 'Log lines' })).getAllByRole('listitem').map((li) => li.querySelector('code')!.textContent);

describe('the Logs pane', () => {
  it('shows every source after boot, each line exactly as record.line', () => {
    const r = renderScreen(session, Logs);
    const records = session.world!.env.log.records;
    expect(shownLines()).toEqual(records.map((x) => x.line));
    expect(new Set(records.map((x) => x.source))).toEqual(new Set(['phone-status', 'phone-console', 'capf-trace', 'tftp-trace', 'tvs-trace']));
    r.unmount();
  });

  it('with only the CAPF trace ticked, shows the CAPF trace and nothing else', async () => {
    const r = renderScreen(session, Logs);
    const boxes = within(screen.getByRole('group', { name: 'Sources' })).getAllByRole('checkbox');
    // The seed lab has no RADIUS server, so its log is not offered.
    expect(boxes.map((b) => b.parentElement!.textContent!.trim().replace(/ \(\d+\)$/, ''))).toEqual(SOURCES.filter((s) => s.id !== 'radius').map((s) => s.label));
    for (const box of boxes) {
      if (!box.parentElement!.textContent!.trim().startsWith('CAPF trace')) await fireEvent.click(box);
    }
    expect(shownLines()).toEqual(session.world!.env.log.text('capf-trace').split('\n'));
    r.unmount();
  });

  it('search keeps the lines that contain the text, in any case', async () => {
    const r = renderScreen(session, Logs);
    await fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'itlfile.TLV' } });
    const lines = shownLines();
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l!.toLowerCase()).toContain('itlfile.tlv');
    expect(lines.length).toBe(session.world!.env.log.records.filter((x) => x.line.toLowerCase().includes('itlfile.tlv')).length);
    r.unmount();
  });

  it('the level and host filters narrow the lines down', async () => {
    const r = renderScreen(session, Logs);
    await choose('Level', 'error');
    const errors = session.world!.env.log.records.filter((x) => x.level === 'error' || x.level === 'critical');
    expect(shownLines()).toEqual(errors.map((x) => x.line));
    await choose('Level', '');
    await choose('Host', 'ao115sub');
    expect(shownLines()).toEqual(session.world!.env.log.records.filter((x) => x.host === 'ao115sub').map((x) => x.line));
    r.unmount();
  });

  it('opened from a host link (#/logs?host=…&source=…), starts with that filter', () => {
    const r = renderScreen(session, Logs, { host: 'ao115pub', source: 'capf-trace' });
    expect(shownLines()).toEqual(session.world!.env.log.text('capf-trace', 'ao115pub').split('\n'));
    r.unmount();
  });

  it('with 20 000 records draws only the lines in view: the newest while following, the first after scrolling to the top', async () => {
    const log = session.world!.env.log;
    for (let i = 0; i < 20_000; i++) log.sdiTrace('capf-trace', 'ao115pub', i % 10 === 0 ? 'error' : 'info', `bulk line ${i}`);
    // How fast the filter is over these records is a figure of `npm run bench`, not asserted here.
    const found = filterRecords(log.records, { sources: new Set(SOURCES.map((s) => s.id)), search: 'bulk line 1999' });
    expect(found.map((x) => x.text)).toEqual(['bulk line 1999', ...Array.from({ length: 10 }, (_, i) => `bulk line ${19990 + i}`)]);
    await session.advance(0);
    const r = renderScreen(session, Logs);
    const total = log.records.length;
    let lines = shownLines();
    expect(lines.length).toBeLessThan(100);
    expect(lines.at(-1)).toMatch(/bulk line 19999$/);
    expect(screen.getByText(new RegExp(`^${total.toLocaleString('en')} of ${total.toLocaleString('en')} lines match; the pane draws the ones in view`))).toBeTruthy();
    const items = within(screen.getByRole('list', { name: 'Log lines' })).getAllByRole('listitem');
    expect(items.at(-1)!.getAttribute('aria-posinset')).toBe(String(total));
    expect(items.at(-1)!.getAttribute('aria-setsize')).toBe(String(total));
    const pane = screen.getByRole('region', { name: 'Log pane' });
    pane.scrollTop = 0;
    await fireEvent.scroll(pane);
    lines = shownLines();
    expect(lines[0]).toBe(log.records[0].line);
    expect(lines.length).toBeLessThan(100);
    r.unmount();
  });
});
