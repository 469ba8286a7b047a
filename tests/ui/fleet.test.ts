// @vitest-environment happy-dom
/**
 * The pages of a fleet (issue 13), on one fleet-lab session of 30 phones: Find and List Phones by the LSC
 * fields with paging and the CAPF report from Related Links; Bulk Administration's Update Phones query and
 * its job, run immediately or held and activated in the Job Scheduler, whose results show each phone's
 * Certificate Operation Status; the home page's fleet summary and grid; the message trace and the logs of one
 * phone of the fleet.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import FindPhones from '../../src/ui/cucm-admin/FindPhones.svelte';
import BulkUpdatePhones from '../../src/ui/cucm-admin/BulkUpdatePhones.svelte';
import JobScheduler from '../../src/ui/cucm-admin/JobScheduler.svelte';
import Topology from '../../src/ui/topology/Topology.svelte';
import Trace from '../../src/ui/trace/Trace.svelte';
import Logs from '../../src/ui/logs/Logs.svelte';
import { parseCsv, CAPF_REPORT_COLUMNS } from '../../src/sim/cucm/capf-report';
import { usDate } from '../../src/sim/time';
import { LabSession } from '../../src/ui/session.svelte';
import { pooledKeys } from '../helpers/key-pool';
import { axeViolations } from './axe';
import { MemoryStorage, renderScreen, TEST_NOW } from './session';

let session: LabSession;
const N = 30;

beforeAll(async () => {
  // The page's own session, its worlds built from the test key pool (a fleet's cluster still has its own certificates).
  session = new LabSession({
    storage: new MemoryStorage(),
    realNow: () => TEST_NOW,
    loadApi: async () => {
      const api = await import('../../src/ui/lab-api');
      const LabWorld = { create: (o: Parameters<typeof api.LabWorld.create>[0]) => api.LabWorld.create({ ...o, keySource: pooledKeys }) };
      return { ...api, LabWorld } as unknown as typeof api;
    },
  });
  await session.boot();
  await session.reset({ scenario: 'fleet-lab', seed: 2, phones: N });
  await session.world!.runUntilSettled();
}, 120_000);
afterAll(() => session.dispose());

const choose = (label: string, value: string, index = 0) => fireEvent.change(screen.getAllByLabelText(label)[index], { target: { value } });
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const status = () => [...screen.getAllByRole('status'), ...screen.queryAllByRole('alert')].map((s) => s.textContent ?? '').join(' ');

describe('Find and List Phones in a fleet', () => {
  it('finds the phones whose LSC ran out (LSC Expires is before today), with their issuer and expiry in the list', async () => {
    const world = session.world!;
    const expired = world.env.scenario.phones.filter((p) => p.arrivesWith?.lscFromThisCluster?.expiredDaysAgo !== undefined).map((p) => p.deviceName).sort();
    const r = renderScreen(session, FindPhones);
    await choose('Find Phone where', 'LSC Expires');
    await choose('Condition', 'is before');
    await type('Date (MM/DD/YYYY)', usDate(world.now, world.env.zone));
    await click('Find');
    expect(status()).toContain(`${expired.length} records found`);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0].textContent)).toEqual(expired);
    const capf = world.env.db.phone(expired[0])!.lsc.issuedBy!;
    expect(within(rows[0]).getAllByRole('cell').map((c) => c.textContent)).toContain(capf);
    r.unmount();
  });

  it('refuses a date it cannot read, saying the form to use', async () => {
    const r = renderScreen(session, FindPhones);
    await choose('Find Phone where', 'LSC Issuer Expires By');
    await type('Date (MM/DD/YYYY)', '2026-13-40');
    await click('Find');
    expect(screen.getByRole('alert').textContent).toContain('LSC Issuer Expires By: "2026-13-40" is not a date: enter it as MM/DD/YYYY.');
    r.unmount();
  });

  it('pages the list: 25 rows per page, Next shows the rest', async () => {
    const r = renderScreen(session, FindPhones);
    await choose('Condition', 'is not empty');
    await click('Find');
    expect(screen.getByText(`Phone (1 - 50 of ${N})`.replace('50', String(N)))).toBeTruthy();
    await choose('Rows per Page', '25');
    expect(screen.getByText(`Phone (1 - 25 of ${N})`)).toBeTruthy();
    expect(screen.getByText('Page 1 of 2')).toBeTruthy();
    await click('Next page');
    expect(screen.getByText(`Phone (26 - ${N} of ${N})`)).toBeTruthy();
    expect(screen.getAllByRole('row')).toHaveLength(N - 25 + 1);
    r.unmount();
  });

  it('Related Links > CAPF Report in File > Go downloads the report of every phone: UTF-8 with BOM, one row per phone', async () => {
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:capf-report';
    });
    const r = renderScreen(session, FindPhones);
    await choose('Related Links:', 'capf-report');
    await fireEvent.click(within(screen.getByRole('group', { name: 'Related Links' })).getByRole('button', { name: 'Go' }));
    expect(blobs).toHaveLength(1);
    expect(blobs[0].type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blobs[0].arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes));
    expect(rows[0]).toEqual([...CAPF_REPORT_COLUMNS]);
    expect(rows).toHaveLength(N + 1);
    expect(status()).toContain(`The CAPF report of ${N} phones was saved as capf-report.csv.`);
    create.mockRestore();
    r.unmount();
  });
});

describe('Bulk Administration > Phones > Update Phones > Query', () => {
  it('finds the 7841s, installs LSCs on them with one job run immediately, and the Job Scheduler shows it completed with each phone Upgrade Success', async () => {
    const world = session.world!;
    const sevens = world.env.scenario.phones.filter((p) => p.model === 'CP-7841').map((p) => p.deviceName).sort();
    const r = renderScreen(session, BulkUpdatePhones);
    await choose('Find Phone where', 'Device Type');
    await choose('Condition', 'is exactly');
    await type('Search text', 'Cisco 7841');
    await click('Find');
    expect(status()).toContain(`${sevens.length} records found`);
    await click('Next');
    expect(screen.getByRole('heading', { name: `Update ${sevens.length} phones` })).toBeTruthy();
    await choose('Certificate Operation', 'Install/Upgrade');
    expect((screen.getByLabelText('Operation Completes By (YYYY:MM:DD:HH)') as HTMLInputElement).value).toMatch(/^\d{4}:\d\d:\d\d:\d\d$/);
    await choose('Key Order', 'EC Only');
    await choose('EC Key Size (Bits)', '256');
    await fireEvent.click(screen.getByRole('radio', { name: 'Apply Config' }));
    await type('Job Description', 'LSCs for the 7841s');
    await click('Submit');
    await waitFor(() => expect(status()).toMatch(/Job \d+ submitted successfully\. It runs now/));
    const id = world.env.db.bulkJobs.at(-1)!.id;
    r.unmount();

    await session.advance(15 * 60_000);
    await session.world!.runUntilSettled();
    const list = renderScreen(session, JobScheduler);
    const row = screen.getByRole('row', { name: new RegExp(`^${id} LSCs for the 7841s`) });
    expect(within(row).getByText('Completed')).toBeTruthy();
    list.unmount();
    const page = renderScreen(session, JobScheduler, { id: String(id) });
    expect(screen.getByTestId('job-results').textContent).toContain(`Number of records updated successfully: ${sevens.length}`);
    const phones = screen.getAllByRole('row').slice(-sevens.length);
    expect(phones.map((p) => within(p).getAllByRole('cell').map((c) => c.textContent))).toEqual(sevens.map((d) => [d, 'Success', 'Installed', 'Upgrade Success']));
    page.unmount();
  });

  it('a Run Later job waits on hold until the Job Scheduler activates it', async () => {
    const r = renderScreen(session, BulkUpdatePhones);
    await choose('Find Phone where', 'LSC Status');
    await choose('LSC Status value', 'Not Installed');
    await click('Find');
    await click('Next');
    await fireEvent.click(screen.getByRole('radio', { name: /^Run Later/ }));
    await click('Submit');
    await waitFor(() => expect(status()).toMatch(/on hold until you activate it/));
    const job = session.world!.env.db.bulkJobs.at(-1)!;
    r.unmount();
    await session.advance(3_600_000);
    expect(session.world!.env.db.bulkJob(job.id)!.status).toBe('Hold');
    const page = renderScreen(session, JobScheduler, { id: String(job.id) });
    expect(screen.getByTestId('job-status').textContent).toBe('Hold');
    await click('Save');
    await waitFor(() => expect(status()).toContain(`Job ${job.id} activated.`));
    await session.world!.runUntilSettled();
    await waitFor(() => expect(screen.getByTestId('job-status').textContent).toBe('Completed'));
    page.unmount();
  });
});

describe('the home page with a fleet', () => {
  it('draws the phones as one box, counts them by state, and the grid shows the phone picked with the keyboard', async () => {
    const r = renderScreen(session, Topology);
    expect(screen.getByRole('link', { name: new RegExp(`^Phones, ${N} Cisco IP Phones`) })).toBeTruthy();
    // The summary loads on demand (a one-phone lab's home page does without it).
    const counts = await screen.findByRole('list', { name: 'Phones by state' });
    const total = within(counts)
      .getAllByRole('listitem')
      .reduce((sum, li) => sum + Number(li.querySelector('strong')!.textContent), 0);
    expect(total).toBe(N);
    const grid = screen.getByRole('listbox', { name: 'Phones of the lab' });
    expect(within(grid).getAllByRole('option')).toHaveLength(N);
    const second = session.world!.env.scenario.phones[1].deviceName;
    grid.focus();
    await fireEvent.keyDown(grid, { key: 'ArrowRight' });
    expect(grid.getAttribute('aria-activedescendant')).toMatch(/cell-1$/);
    await fireEvent.keyDown(grid, { key: 'Enter' });
    expect(screen.getByRole('heading', { name: `Phone ${second}` })).toBeTruthy();
    expect(within(grid).getByRole('option', { selected: true }).getAttribute('aria-label')).toMatch(new RegExp(`^${second}, CP-\\d{4}: `));
    expect(screen.getByRole('link', { name: `Message trace of ${second}` }).getAttribute('href')).toBe(`#/trace?device=${second}`);
    r.unmount();
  });

  it('the message trace of a fleet lists every message and draws the ladder of the phone chosen, with only that phone’s column', async () => {
    const world = session.world!;
    const phone = world.env.scenario.phones[3].deviceName;
    const r = renderScreen(session, Trace);
    expect(screen.getByText(`The lab has ${N} phones: choose one under “Device” above to draw its messages as a ladder. The table below lists every message.`)).toBeTruthy();
    const total = world.trace.packets.length;
    expect(screen.getByText(new RegExp(`^${total.toLocaleString('en')} of ${total.toLocaleString('en')} messages match; the list draws the ones in view`))).toBeTruthy();
    expect(within(screen.getByRole('table')).getAllByRole('row').length).toBeLessThan(100);
    r.unmount();
    // Opened for one phone (its card's "Message trace of …" link).
    const one = renderScreen(session, Trace, { device: phone });
    const hosts = within(screen.getByRole('group', { name: 'Hosts' })).getAllByRole('checkbox').map((c) => c.closest('label')!.textContent!.trim());
    expect(hosts.filter((h) => h.startsWith('SEP'))).toEqual([phone]);
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1).filter((row) => !row.getAttribute('aria-hidden'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.textContent).toContain(phone);
    expect(document.querySelectorAll('g.msg').length).toBeGreaterThan(0);
    one.unmount();
  });

  it('the logs of one phone of the fleet: its host choice keeps its lines only', async () => {
    const phone = session.world!.env.scenario.phones[5].deviceName;
    const r = renderScreen(session, Logs, { host: phone });
    const lines = within(screen.getByRole('list', { name: 'Log lines' })).getAllByRole('listitem');
    expect(lines.length).toBeGreaterThan(0);
    for (const li of lines) expect(li.querySelector('.origin')!.textContent).toMatch(new RegExp(`^${phone} · `));
    r.unmount();
  });

  it('the new pages pass axe', async () => {
    for (const [Screen, params] of [
      [Topology, {}],
      [FindPhones, {}],
      [BulkUpdatePhones, {}],
      [JobScheduler, {}],
      [JobScheduler, { id: String(session.world!.env.db.bulkJobs[0].id) }],
    ] as const) {
      const { container, unmount } = renderScreen(session, Screen, params);
      if (Screen === Topology) await screen.findByRole('listbox', { name: 'Phones of the lab' });
      expect(await axeViolations(container)).toEqual([]);
      unmount();
    }
  });
});
