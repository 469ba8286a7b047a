/**
 * A classroom in real Chromium: a student opens a class link, types their name, solves the exercise on the
 * lab's pages by keyboard and mouse (the Check announces it), copies the completion code, and the teacher
 * verifies it on the Teacher page — replayed in a fresh lab in the same browser.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openLab, playUntil, show, tabTo } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('an exercise from a class link to the teacher’s table', () => {
  it('the student solves "CAPF stopped", copies the code, and the Teacher page verifies it as solved under their name', async () => {
    const lab = await openLab(browser, inject('baseURL'));
    const { page, context } = lab;
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);

    await show(page, '#/class?exercise=capf-stopped&class=NET-301&hints=2', 'Join the exercise');
    await page.getByLabel('Your name').fill('Ada Lovelace');
    await page.getByRole('button', { name: 'Start the exercise' }).click();
    await page.getByRole('heading', { level: 1, name: 'CAPF stopped' }).waitFor({ timeout: 60_000 });
    await page.getByText('Class NET-301, Ada Lovelace').waitFor();
    // The Faults page would name the cause: it is locked and out of the navigation.
    await expect.poll(() => page.getByRole('navigation', { name: 'Lab navigation' }).getByRole('link', { name: 'Faults' }).count()).toBe(0);

    // A hint, by keyboard alone.
    await tabTo(page, 'Show hint 1');
    await page.keyboard.press('Enter');
    await page.getByText('1 hint used of 2.').waitFor();

    // The fix, on the lab's pages: start CAPF in Control Center, then reset the phone.
    await show(page, '#/serviceability/feature', 'Control Center - Feature Services');
    await page.getByRole('radio', { name: 'Cisco Certificate Authority Proxy Function' }).check();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByText(/Start request sent to Cisco Certificate Authority Proxy Function/).waitFor();
    await playUntil(page, async () => (await page.getByTestId('goals-passed').textContent())?.startsWith('1 of 3') ?? false, 'CAPF running');
    const device = (await page.getByRole('navigation', { name: 'Lab navigation' }).getByRole('link', { name: /^SEP/ }).textContent())!.trim();
    expect(device).not.toBe('SEP682C7B5C2342');
    await show(page, `#/cucm/phone?device=${device}`, 'Phone Configuration');
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.getByRole('alertdialog', { name: 'Device Reset' }).getByRole('button', { name: 'Reset', exact: true }).click();
    await playUntil(page, async () => (await page.getByTestId('goals-passed').textContent())?.startsWith('3 of 3') ?? false, 'every goal passed', 120_000);

    await show(page, '#/exercise?id=capf-stopped', 'CAPF stopped');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => page.getByTestId('check-announcement').textContent()).toContain('3 of 3 goals passed. Solved: every goal passes.');
    await page.getByRole('button', { name: 'Make the completion code' }).click();
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await page.getByText('Copied.').waitFor();
    const code = await page.evaluate(() => navigator.clipboard.readText());
    expect(code).toMatch(/^LSC1\./);

    await show(page, '#/teacher', 'Teacher');
    await page.getByLabel(/Completion codes/).fill(code);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.getByText('1 code verified.').waitFor({ timeout: 90_000 });
    const cells = await page.getByTestId('results').locator('tbody tr').first().locator('td').allTextContents();
    expect(cells.slice(0, 6).map((c) => c.trim())).toEqual(['Ada Lovelace', 'NET-301', 'CAPF stopped', 'Solved', '1', 'No']);
    expect(lab.problems).toEqual([]);
    await context.close();
  });
});
