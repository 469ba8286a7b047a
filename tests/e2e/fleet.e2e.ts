/**
 * A fleet in the browser (issue 13), through the pages alone: the scenario chooser starts fleet-lab with 50
 * phones; Enterprise Parameters allows EC keys; Bulk Administration > Phones > Update Phones > Query finds
 * every phone and one job, run immediately, gives them Install/Upgrade with EC Preferred, RSA Backup; the Job
 * Scheduler reports the job completed; Find and List Phones' Related Links downloads the CAPF report, which
 * lists every phone that can hold an LSC as Installed. Then axe on the fleet's pages with 1,000 phones loaded.
 */
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CAPF_REPORT_COLUMNS, parseCsv } from '../../src/sim/cucm/capf-report';
import { launch, openLab, playUntil, show, type LabPage } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The home page's scenario chooser: fleet-lab with `phones` phones, confirmed. */
async function startFleet(page: Page, phones: number): Promise<void> {
  await show(page, '#/', 'Topology');
  const chooser = page.getByRole('region', { name: 'Scenario' });
  await chooser.getByRole('combobox', { name: 'Scenario' }).selectOption('fleet-lab');
  await chooser.getByRole('textbox', { name: 'Phones' }).fill(String(phones));
  await chooser.getByRole('button', { name: 'Start this scenario' }).click();
  await chooser.getByRole('button', { name: 'Start a new lab' }).click();
  // The page shows the new lab once it has started: the home page with the fleet's grid of `phones` cells.
  await page.getByRole('listbox', { name: 'Phones of the lab' }).getByRole('option').nth(phones - 1).waitFor({ timeout: 120_000 });
}

/** How many phones the home page counts in a state ("Not registered yet: 3"). */
async function count(page: Page, state: string): Promise<number> {
  const item = page.getByRole('list', { name: 'Phones by state' }).getByRole('listitem').filter({ hasText: state });
  return Number(await item.locator('strong').textContent());
}

describe('a fleet of 50 phones in the browser', () => {
  let lab: LabPage;
  beforeAll(async () => {
    lab = await openLab(browser, inject('baseURL'));
    await startFleet(lab.page, 50);
    await show(lab.page, '#/', 'Topology');
    await playUntil(lab.page, async () => (await count(lab.page, 'Not registered yet')) === 0, 'every phone to register', 120_000);
  });
  afterAll(async () => {
    await lab?.context.close();
  });

  it('one Bulk Administration job installs LSCs on every phone that can hold one, and the CAPF report lists them', async () => {
    const page = lab.page;
    await show(page, '#/cucm/enterprise-parameters', 'Enterprise Parameters Configuration');
    await page.getByLabel('Endpoint Advanced Encryption Algorithm Support').selectOption('Enabled');
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    await show(page, '#/bat/update-phones', 'Find and List Phones To Update');
    await page.getByLabel('Condition').selectOption('is not empty');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByText('50 records found').waitFor();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByRole('heading', { name: 'Update 50 phones' }).waitFor();
    await page.getByLabel('Certificate Operation').selectOption('Install/Upgrade');
    await page.getByLabel('Key Order').selectOption('EC Preferred, RSA Backup');
    await page.getByLabel('EC Key Size (Bits)').selectOption('256');
    await page.getByRole('radio', { name: 'Apply Config', exact: true }).check();
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByText(/Job \d+ submitted successfully\. It runs now/).waitFor();
    await page.getByRole('link', { name: /^Open job \d+ in the Job Scheduler$/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Job Configuration' }).waitFor();
    await playUntil(page, async () => (await page.getByTestId('job-status').textContent()) === 'Completed', 'the job to complete', 120_000);

    await show(page, '#/', 'Topology');
    // The 7960s cannot hold an LSC: the grid names each phone's model.
    const legacy = await page.getByRole('option', { name: /, CP-7960: / }).count();
    await playUntil(page, async () => (await count(page, 'LSC installed')) === 50 - legacy, 'every phone that can hold an LSC to hold one', 120_000);

    await show(page, '#/cucm/phones', 'Find and List Phones');
    const related = page.getByRole('group', { name: 'Related Links' });
    await related.getByRole('combobox').selectOption('CAPF Report in File');
    const [file] = await Promise.all([page.waitForEvent('download'), related.getByRole('button', { name: 'Go' }).click()]);
    expect(file.suggestedFilename()).toBe('capf-report.csv');
    const bytes = readFileSync((await file.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8'));
    expect(rows[0]).toEqual([...CAPF_REPORT_COLUMNS]);
    expect(rows).toHaveLength(51);
    const phones = rows.slice(1);
    for (const r of phones) {
      if (r[2] === 'Cisco 7960') expect(r[3], r[0]).toBe('Not Installed');
      else expect([r[0], r[3], r[8]]).toEqual([r[0], 'Installed', 'Upgrade Success']);
    }
    expect(phones.filter((r) => r[3] === 'Installed')).toHaveLength(50 - legacy);
    expect(lab.problems).toEqual([]);
  });
});

describe('axe with 1,000 phones loaded', () => {
  let lab: LabPage;
  beforeAll(async () => {
    lab = await openLab(browser, inject('baseURL'));
    await startFleet(lab.page, 1000);
  });
  afterAll(async () => {
    await lab?.context.close();
  });

  async function violations(): Promise<string[]> {
    const result = await new AxeBuilder({ page: lab.page }).analyze();
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }

  it.each([
    ['#/', 'Topology'],
    ['#/cucm/phones', 'Find and List Phones'],
    ['#/bat/update-phones', 'Find and List Phones To Update'],
    ['#/bat/jobs', 'Find and List Jobs'],
    ['#/logs', 'Logs'],
    ['#/trace', 'Message trace'],
  ])('on %s (%s)', async (hash, heading) => {
    await show(lab.page, hash, heading);
    if (hash === '#/cucm/phones') {
      await lab.page.getByLabel('Condition').selectOption('is not empty');
      await lab.page.getByRole('button', { name: 'Find', exact: true }).click();
      await lab.page.getByText('1000 records found').waitFor();
    }
    expect(await violations()).toEqual([]);
  });
});
