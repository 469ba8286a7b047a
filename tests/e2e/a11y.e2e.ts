/**
 * axe-core in real Chromium on every screen of the lab — the lab's own views, the CUCM, OS Administration
 * and Serviceability pages, the admin CLI and the phone — finds no accessibility violation.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, inject, it } from 'vitest';
import { registeredLabForFile, show } from './browser';

const lab = registeredLabForFile();

async function violations(): Promise<string[]> {
  const result = await new AxeBuilder({ page: lab.page }).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('axe finds no violation', () => {
  it.each([
    ['#/', 'Topology'],
    ['#/tutorial', 'Tutorial'],
    ['#/exercises', 'Exercises'],
    ['#/exercise?id=lsc-install', 'Install an LSC (TAC 213295)'],
    ['#/class?exercise=lsc-install&class=NET-301', 'Join the exercise'],
    ['#/teacher', 'Teacher'],
    ['#/share', 'Share this lab'],
    ['#/firewall', 'Firewall: access list OUTSIDE_IN'],
    ['#/logs', 'Logs'],
    ['#/trace', 'Message trace'],
    ['#/statecharts', 'Statecharts'],
    ['#/faults', 'Faults'],
    ['#/downloads', 'Downloads'],
    ['#/dns', 'DNS Manager'],
    ['#/lab/ca', 'Enterprise CA (Offline CA)'],
    ['#/inspect', 'Inspect a file'],
    ['#/cucm/phones', 'Find and List Phones'],
    ['#/cucm/phone?device=SEP682C7B5C2342', 'Phone Configuration'],
    ['#/cucm/servers', 'Find and List Servers'],
    ['#/cucm/service-parameters', 'Service Parameter Configuration'],
    ['#/cucm/enterprise-parameters', 'Enterprise Parameters Configuration'],
    ['#/os/certificates', 'Certificate List'],
    ['#/os/certificate?node=ao115pub&purpose=CAPF&file=CAPF.pem', 'Certificate Details for CAPF-7f0ae8d7, CAPF'],
    ['#/os/upload', 'Upload Certificate/Certificate chain'],
    ['#/serviceability/activation', 'Service Activation'],
    ['#/serviceability/feature', 'Control Center - Feature Services'],
    ['#/serviceability/network', 'Control Center - Network Services'],
    ['#/cli?node=ao115pub', 'Admin CLI: ao115pub (10.122.138.102)'],
    ['#/phone?device=SEP682C7B5C2342', 'Cisco IP Phone CP-8845 (SEP682C7B5C2342)'],
  ])('on %s (%s)', async (hash, heading) => {
    await show(lab.page, hash, heading);
    expect(await violations()).toEqual([]);
  });

  it('with the tutorial open beside the pages, and with Start here opened by Help', async () => {
    await show(lab.page, '#/tutorial', 'Tutorial');
    await lab.page.getByRole('button', { name: 'Open this tutorial: Install an LSC, step by step (TAC 213295)' }).click();
    await lab.page.getByRole('complementary', { name: 'Tutorial' }).waitFor();
    expect(await violations()).toEqual([]);
    await lab.page.getByRole('link', { name: 'Help', exact: true }).click();
    await expect.poll(() => lab.page.evaluate(() => document.activeElement?.textContent)).toBe('Start here');
    expect(await violations()).toEqual([]);
    await lab.page.getByRole('complementary', { name: 'Tutorial' }).getByRole('button', { name: 'Close the tutorial' }).click();
  });

  it('on the message trace with the inspector open', async () => {
    await show(lab.page, '#/trace', 'Message trace');
    await lab.page.locator('table button').first().click();
    await lab.page.getByRole('region', { name: /^Message 1:/ }).waitFor();
    expect(await violations()).toEqual([]);
  });

  it('on the statechart of the CAPF service', async () => {
    await show(lab.page, '#/statecharts?actor=capf%40ao115pub', 'Statecharts');
    await lab.page.getByRole('heading', { level: 2, name: /CAPF service on ao115pub/ }).waitFor();
    expect(await violations()).toEqual([]);
  });
});

describe('while the lab is loading, and moving around by keyboard', () => {
  it('axe finds nothing while the lab’s core is still loading (an h1, no label on a plain div)', async () => {
    const { launch } = await import('./browser');
    const browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    await page.route(/assets\/lab-api-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(inject('baseURL'));
    await page.getByRole('heading', { level: 1, name: 'LSC Lab is starting' }).waitFor();
    const result = await new AxeBuilder({ page }).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    release();
    await page.getByRole('heading', { level: 1, name: 'Topology' }).waitFor({ timeout: 60_000 });
    await context.close();
    await browser.close();
  });

  it('the skip link leads to the page, and after navigating the focus is on the new page’s heading', async () => {
    await show(lab.page, '#/', 'Topology');
    // The skip link is the first stop of the page: one Shift+Tab back from the first link of the header.
    await lab.page.getByRole('link', { name: 'LSC Lab', exact: true }).focus();
    await lab.page.keyboard.press('Shift+Tab');
    expect(await lab.page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the page');
    await lab.page.keyboard.press('Enter');
    expect(await lab.page.evaluate(() => document.activeElement?.id)).toBe('main');
    await lab.page.getByRole('navigation', { name: 'Lab navigation' }).getByRole('link', { name: 'Logs', exact: true }).focus();
    await lab.page.keyboard.press('Enter');
    await expect.poll(() => lab.page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`)).toBe('H1 Logs');
  });
});
