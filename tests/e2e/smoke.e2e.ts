/**
 * The production build in real Chromium, served from a sub-path: the lab starts (the virtual clock shows
 * a date), the topology lists the hosts, every observation screen is reached with the keyboard alone, the
 * message inspector opens from the keyboard, and a downloaded certificate is a real file openssl reads.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { CLOCK, registeredLabForFile, show, tabTo } from './browser';

const lab = registeredLabForFile();

describe('the lab in Chromium', () => {
  it('loads from a sub-path and the virtual clock shows a date', async () => {
    expect(lab.page.url()).toContain(inject('subPath'));
    expect(await lab.page.getByTestId('virtual-clock').textContent()).toMatch(CLOCK);
    expect(await lab.page.title()).toBe('LSC Lab');
    expect(lab.problems).toEqual([]);
  });

  it('the topology lists the hosts and their state', async () => {
    const { page } = lab;
    await show(page, '#/', 'Topology');
    const hosts = await page.getByRole('heading', { level: 3 }).allTextContents();
    expect(hosts).toEqual(['ao115pub', 'ao115sub', 'dc01', 'SEP682C7B5C2342']);
    await expect.poll(() => page.getByRole('link', { name: /^SEP682C7B5C2342, Cisco IP Phone CP-8845, 10\.122\.138\.150/ }).count()).toBe(1);
    await page.getByRole('link', { name: /^dc01, DNS server/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('dc01');
  });

  it('every observation screen is reached from the navigation with Tab and Enter', async () => {
    const { page } = lab;
    const screens: Array<[string, string]> = [
      ['Faults', 'Faults'],
      ['Logs', 'Logs'],
      ['Message trace', 'Message trace'],
      ['Statecharts', 'Statecharts'],
      ['Downloads', 'Downloads'],
      ['Topology', 'Topology'],
    ];
    for (const [link, heading] of screens) {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.evaluate(() => window.scrollTo(0, 0));
      await tabTo(page, link);
      expect(await page.evaluate(() => document.activeElement?.closest('nav')?.getAttribute('aria-label'))).toBe('Lab navigation');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent(), { timeout: 15_000 }).toBe(heading);
    }
  });

  it('the message inspector opens from the keyboard', async () => {
    const { page } = lab;
    await show(page, '#/trace', 'Message trace');
    const row = page.locator('table button[tabindex="0"]');
    await row.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const inspector = page.getByRole('region', { name: /^Message 2:/ });
    await inspector.waitFor();
    expect(await inspector.getByRole('heading', { name: 'Delivery' }).count()).toBe(1);
  });

  it('the statechart of the phone shows it registered', async () => {
    const { page } = lab;
    await show(page, '#/statecharts', 'Statecharts');
    await expect.poll(() => page.locator('li.state[data-path="on.registered"]').getAttribute('data-active')).toBe('true');
    expect(await page.getByTestId('live-state').textContent()).toContain('on.registered');
  });

  it('CAPF.pem downloads as a real certificate that openssl reads', async () => {
    const { page } = lab;
    await show(page, '#/downloads', 'Downloads');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CAPF.pem', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('CAPF.pem');
    const dir = mkdtempSync(join(tmpdir(), 'lsc-lab-e2e-'));
    try {
      const file = join(dir, 'CAPF.pem');
      await download.saveAs(file);
      expect(readFileSync(file, 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
      const r = spawnSync('openssl', ['x509', '-in', file, '-noout', '-subject'], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('CN = CAPF-7f0ae8d7');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(lab.problems).toEqual([]);
  });
});
