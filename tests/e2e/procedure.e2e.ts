/**
 * The seed article done by a learner in the browser, through the pages alone: Cisco Unified CM
 * Administration > Device > Phone > CAPF Information (Install/Upgrade, By Null String), Save, Apply
 * Config — the phone ends with its LSC "Installed", CUCM with "Upgrade Success", and the LSC downloaded
 * from the lab verifies against the downloaded CAPF certificate with openssl. Then the seed's DNS lab:
 * the fault injected from the Faults page, the symptom on the phone, the fix in DNS Manager.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openssl } from '../helpers/openssl';
import { launch, openLab, playFor, playUntil, playUntilRegistered, show, type LabPage } from './browser';

const PHONE = 'SEP682C7B5C2342';
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Cisco Unified CM Administration > Device > Phone > Find > the phone. */
async function openPhonePage(page: Page) {
  await page.getByRole('navigation', { name: 'Lab navigation' }).getByRole('link', { name: 'Device > Phone' }).click();
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await page.getByRole('main').getByRole('link', { name: PHONE, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Phone Configuration' }).waitFor();
}

/** The phone's LSC field: Applications > Admin Settings > Security Setup, read off the phone's screen. */
async function phoneLscField(page: Page): Promise<string> {
  await show(page, `#/phone?device=${PHONE}`, `Cisco IP Phone CP-8845 (${PHONE})`);
  await page.getByRole('button', { name: 'Release' }).click();
  await page.getByRole('button', { name: 'Applications' }).click();
  // Menu items are chosen with their number on the keypad, as on the phone.
  await page.getByRole('button', { name: '2', exact: true }).click(); // 2 - Admin Settings
  await page.getByRole('button', { name: '1', exact: true }).click(); // 1 - Security Setup
  // The screen's text mirror (what a screen reader reads) holds "3 - LSC <value>".
  const text = page.getByTestId('phone-screen-text');
  await expect.poll(async () => (await text.textContent()) ?? '').toContain('Security Setup');
  const match = /\bLSC:\s*(Not Installed|Pending|Installed)/.exec((await text.textContent()) ?? '');
  return match?.[1] ?? `(no LSC row in "${await text.textContent()}")`;
}

async function download(page: Page, fileName: string): Promise<string> {
  await show(page, '#/downloads', 'Downloads');
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: fileName, exact: true }).first().click()]);
  return readFileSync((await file.path())!, 'utf8');
}

describe('the seed procedure in the browser', () => {
  let lab: LabPage;

  beforeAll(async () => {
    lab = await openLab(browser, inject('baseURL'));
    await playUntilRegistered(lab.page);
  });
  afterAll(async () => {
    await lab?.context.close();
  });

  it('CAPF Information Install/Upgrade with By Null String, Save, Apply Config: Upgrade Success in CUCM, Installed on the phone, and openssl verifies the downloaded LSC against CAPF.pem', async () => {
    const { page } = lab;
    expect(await phoneLscField(page)).toBe('Not Installed');

    await openPhonePage(page);
    await page.getByLabel('Certificate Operation', { exact: true }).selectOption('Install/Upgrade');
    await page.getByLabel('Authentication Mode', { exact: true }).selectOption('By Null String');
    // Key Order and key sizes stay at their defaults; Operation Completes By gets the default horizon.
    await expect.poll(() => page.getByLabel('Operation Completes By (YYYY:MM:DD:HH)').inputValue()).toMatch(/^\d{4}:\d\d:\d\d:\d\d$/);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Update successful').waitFor();
    await page.getByText('Certificate Operation Status: Operation Pending').waitFor();
    await page.getByRole('button', { name: 'Apply Config', exact: true }).click();
    await page.getByRole('alertdialog', { name: 'Apply Configuration Information' }).getByRole('button', { name: 'OK', exact: true }).click();

    await playUntil(page, () => page.getByText('Certificate Operation Status: Upgrade Success').isVisible(), 'Upgrade Success on the phone page');
    await playFor(page, 90); // the phone resets and boots with its LSC
    expect(await phoneLscField(page)).toBe('Installed');

    const capf = await download(page, 'CAPF.pem');
    const lsc = await download(page, 'LSC.pem');
    const verdict = openssl(['verify', '-CAfile', 'CAPF.pem', 'LSC.pem'], { 'CAPF.pem': capf, 'LSC.pem': lsc });
    expect(verdict.stdout.trim()).toBe('LSC.pem: OK');
    expect(lab.problems).toEqual([]);
  });
});

describe('the seed DNS lab in the browser', () => {
  it('injected from the Faults page: the phone reports "DNS unknown IPv4 host PUB11.brianw2.lab"; a host record in DNS Manager and a Reset fix it', async () => {
    const lab = await openLab(browser, inject('baseURL'));
    const { page } = lab;
    await show(page, '#/faults', 'Faults');
    await page.getByRole('button', { name: 'Inject Publisher known by a name DNS does not have' }).click();
    await page.getByRole('button', { name: 'Start a new lab' }).click();
    await page.getByRole('heading', { level: 3, name: 'Publisher known by a name DNS does not have' }).waitFor();
    await playUntilRegistered(page);

    await openPhonePage(page);
    await page.getByLabel('Certificate Operation', { exact: true }).selectOption('Install/Upgrade');
    await page.getByLabel('Authentication Mode', { exact: true }).selectOption('By Null String');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Update successful').waitFor();
    await page.getByRole('button', { name: 'Apply Config', exact: true }).click();
    await page.getByRole('alertdialog', { name: 'Apply Configuration Information' }).getByRole('button', { name: 'OK', exact: true }).click();
    await show(page, `#/logs?source=phone-status`, 'Logs');
    await playUntil(page, () => page.getByText(/LSC: Connection failed$/).first().isVisible(), '"LSC: Connection failed"');
    await expect.poll(() => page.getByText(/\] DNS unknown IPv4 host PUB11\.brianw2\.lab$/).count()).toBeGreaterThan(0);

    // The fix: the missing A record, then a reset so the phone asks again.
    await page.getByRole('navigation', { name: 'Lab navigation' }).getByRole('link', { name: 'DNS Manager (dc01)' }).click();
    await page.getByLabel('Name (uses parent domain name if blank)').fill('PUB11');
    await page.getByLabel('IP address').fill('10.122.138.102');
    await page.getByRole('button', { name: 'Add Host' }).click();
    await page.getByText('The host record PUB11.brianw2.lab was successfully created.').waitFor();
    await openPhonePage(page);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.getByRole('alertdialog', { name: 'Device Reset' }).getByRole('button', { name: 'Reset', exact: true }).click();
    await playUntil(page, () => page.getByText('Certificate Operation Status: Upgrade Success').isVisible(), 'Upgrade Success after the fix');
    await playFor(page, 90);
    expect(await phoneLscField(page)).toBe('Installed');
    expect(lab.problems).toEqual([]);
    await lab.context.close();
  });
});
