/**
 * The guided tutorial done in real Chromium by a learner who follows it — the panel beside the pages, its
 * links, the CLI, the phone's page, the clock — to "Tutorial complete"; and a fault fixed on the lab's own
 * pages, then marked Fixed on the Faults page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openLab, playUntil, playUntilRegistered, show } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const panel = (page: Page) => page.getByRole('complementary', { name: 'Tutorial' });
const stepStates = (page: Page) => panel(page).getByTestId('tutorial-step').locator('.state').allTextContents();

async function cli(page: Page, node: string, command: string) {
  await show(page, `#/cli?node=${node}`, `Admin CLI: ${node} (${node === 'ao115pub' ? '10.122.138.102' : '10.122.138.103'})`);
  const prompt = page.getByRole('textbox', { name: /admin:/ });
  await prompt.fill(command);
  await prompt.press('Enter');
  await page.getByTestId('cli-log').getByText(/The ITL file was verified successfully\.|Command successful/).first().waitFor();
}

describe('the tutorial, followed by a learner', () => {
  it('Install an LSC, step by step: every step marked Done as the learner does it, to "Tutorial complete"', async () => {
    const lab = await openLab(browser, inject('baseURL'));
    const { page } = lab;
    await playUntilRegistered(page);
    await show(page, '#/tutorial', 'Tutorial');
    await page.getByRole('button', { name: 'Open this tutorial: Install an LSC, step by step (TAC 213295)' }).click();
    await panel(page).waitFor();
    expect(await stepStates(page)).toEqual(['Not yet', 'Not yet', 'Not yet', 'Not yet', 'Not yet', 'Not yet']);

    // 1: the panel's link opens the CAPF certificate.
    await panel(page).getByRole('link', { name: 'Open the page: Check the CAPF certificate' }).click();
    await page.getByRole('heading', { level: 1, name: /^Certificate Details for CAPF-/ }).waitFor();
    await expect.poll(() => stepStates(page)).toEqual(['Done', 'Not yet', 'Not yet', 'Not yet', 'Not yet', 'Not yet']);

    // 2: show itl on both TFTP nodes.
    await cli(page, 'ao115pub', 'show itl');
    await cli(page, 'ao115sub', 'show itl');
    await expect.poll(async () => (await stepStates(page))[1]).toBe('Done');

    // 3 and 4: CAPF Information, Save, Apply Config.
    await panel(page).getByRole('link', { name: /Open the page: Fill in CAPF Information/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Phone Configuration' }).waitFor();
    await page.getByLabel('Certificate Operation', { exact: true }).selectOption('Install/Upgrade');
    await page.getByLabel('Authentication Mode', { exact: true }).selectOption('By Null String');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Update successful').waitFor();
    await expect.poll(async () => (await stepStates(page))[2]).toBe('Done');
    await page.getByRole('button', { name: 'Apply Config', exact: true }).click();
    await page.getByRole('alertdialog', { name: 'Apply Configuration Information' }).getByRole('button', { name: 'OK', exact: true }).click();
    await playUntil(page, async () => (await stepStates(page))[3] === 'Done', 'the phone configured with the operation');

    // 5: watch it in Logs and Message trace until the LSC is there.
    await show(page, '#/logs', 'Logs');
    await show(page, '#/trace', 'Message trace');
    await playUntil(page, async () => (await stepStates(page))[4] === 'Done', 'the LSC installed', 120_000);

    // 6: the phone, and the two files.
    await show(page, '#/phone?device=SEP682C7B5C2342', 'Cisco IP Phone CP-8845 (SEP682C7B5C2342)');
    await show(page, '#/downloads', 'Downloads');
    for (const name of ['ao115pub-CAPF.pem', 'SEP682C7B5C2342-LSC.pem']) {
      await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).first().click()]);
    }
    await expect.poll(() => panel(page).getByTestId('tutorial-summary').textContent()).toContain('Tutorial complete');
    expect(await stepStates(page)).toEqual(['Done', 'Done', 'Done', 'Done', 'Done', 'Done']);
    expect(lab.problems).toEqual([]);
    await lab.context.close();
  });
});

describe('a fault fixed on the lab’s pages', () => {
  it('port 3804 blocked: the rule removed on the Firewall page, and the Faults page marks the fault Fixed', async () => {
    const lab = await openLab(browser, inject('baseURL'));
    const { page } = lab;
    await show(page, '#/faults', 'Faults');
    await page.getByRole('button', { name: 'Inject Firewall blocks TCP 3804' }).click();
    await page.getByRole('status').filter({ hasText: 'is injected' }).waitFor();
    const active = page.getByTestId('active-faults');
    await expect.poll(() => active.textContent()).toContain('Active');

    await page.getByRole('navigation', { name: 'Lab navigation' }).getByRole('link', { name: 'Firewall', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Firewall: access list OUTSIDE_IN' }).waitFor();
    await page.getByRole('button', { name: 'Remove line 1: deny tcp any host 10.122.138.102 eq 3804', exact: true }).click();
    await page.getByText(/ACE removed/).waitFor();

    await show(page, '#/faults', 'Faults');
    await expect.poll(() => active.textContent()).toContain('Fixed');
    expect(lab.problems).toEqual([]);
    await lab.context.close();
  });
});
