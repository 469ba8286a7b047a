/**
 * The pictures in real Chromium, for the seed lab and the 802.1X lab: while the seed procedure runs (CAPF
 * Information Install/Upgrade, Save, Apply Config, the clock playing), each picture page opens and draws
 * from the live world — the statechart laid out by ELK in its Web Worker with the phone's active state
 * highlighted, the ladder diagram with its arrows, the trust map, the topology — with no error on the
 * console and no axe violation. The layout library loads with the Statecharts page and no other, and the
 * JavaScript the home page has loaded once the lab runs stays within its budget.
 */
import { gzipSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openLab, playUntilRegistered, show, type LabPage } from './browser';

const PHONE = 'SEP682C7B5C2342';
/** Issue 15: the JavaScript the home page has loaded once the lab runs, gzip-compressed. */
const HOME_BUDGET = 200 * 1024;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The scenario chooser on the home page; the new lab is up when its own hosts are listed. */
async function startScenario(page: Page, id: string, host: string): Promise<void> {
  await show(page, '#/', 'Topology');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption(id);
  await page.getByRole('button', { name: 'Start this scenario' }).click();
  await page.getByRole('button', { name: 'Start a new lab' }).click();
  await page.getByRole('heading', { level: 3, name: host, exact: true }).waitFor({ timeout: 60_000 });
}

/** Device > Phone > the phone: Install/Upgrade By Null String, Save, Apply Config — then let the clock run. */
async function startProcedure(page: Page): Promise<void> {
  await show(page, `#/cucm/phone?device=${PHONE}`, 'Phone Configuration');
  await page.getByLabel('Certificate Operation', { exact: true }).selectOption('Install/Upgrade');
  await page.getByLabel('Authentication Mode', { exact: true }).selectOption('By Null String');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Update successful').waitFor();
  await page.getByRole('button', { name: 'Apply Config', exact: true }).click();
  await page.getByRole('alertdialog', { name: 'Apply Configuration Information' }).getByRole('button', { name: 'OK', exact: true }).click();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('5');
  const play = page.getByRole('button', { name: 'Play', exact: true });
  if (await play.isVisible()) await play.click();
}

describe.each([
  ['the seed lab', undefined, undefined],
  ['the 802.1X lab', 'dot1x-lab', 'ise01'],
])('the pictures in %s, while the procedure runs', (_name, scenario, radius) => {
  let lab: LabPage;
  const requested: string[] = [];

  beforeAll(async () => {
    lab = await openLab(browser, inject('baseURL'));
    lab.context.on('request', (r) => requested.push(r.url()));
    if (scenario && radius) await startScenario(lab.page, scenario, radius);
    await playUntilRegistered(lab.page);
    await startProcedure(lab.page);
  });
  afterAll(async () => {
    await lab?.context.close();
  });

  it('the topology draws the lab and names the newest message', async () => {
    const { page } = lab;
    await show(page, '#/', 'Topology');
    await page.getByRole('group', { name: 'Network drawing of the lab' }).waitFor();
    await expect.poll(() => page.locator('figcaption').textContent()).toMatch(/Newest message: No\. \d+/);
    if (radius) await page.getByRole('link', { name: new RegExp(`^${radius}, RADIUS server`) }).waitFor();
    expect(requested.some((u) => /elk/i.test(u))).toBe(false);
  });

  it('the ladder diagram draws the trace\'s messages as arrows, and an arrow opens the inspector', async () => {
    const { page } = lab;
    await show(page, '#/trace', 'Message trace');
    const ladder = page.getByRole('group', { name: /^Ladder diagram of \d+ messages$/ });
    await ladder.waitFor();
    await expect.poll(() => ladder.getByRole('button').count()).toBeGreaterThan(3);
    if (radius) await expect.poll(() => page.locator('svg.head').textContent()).toContain(radius);
    await ladder.getByRole('button').last().click();
    await page.getByRole('region', { name: /^Message \d+: / }).waitFor();
    expect(await violations(page)).toEqual([]);
    expect(requested.some((u) => /elk/i.test(u))).toBe(false);
  });

  it('the trust map checks every link of the live world', async () => {
    const { page } = lab;
    await show(page, '#/trust', 'Trust map');
    await page.getByRole('img', { name: new RegExp(`^Trust map of ${PHONE}: \\d+ links, \\d+ broken$`) }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { level: 2, name: /^(No link is broken now\.|Broken now: \d+ links?)$/ }).waitFor();
    expect(await violations(page)).toEqual([]);
    expect(requested.some((u) => /elk/i.test(u))).toBe(false);
  });

  it('the statechart of the phone is laid out by ELK in a worker, with the phone\'s active states highlighted; the layout library loads only now', async () => {
    const { page } = lab;
    await show(page, `#/statecharts?actor=${encodeURIComponent(`phone/${PHONE}`)}`, 'Statecharts');
    const diagram = page.getByRole('group', { name: 'Statechart diagram of the machine phone' });
    await diagram.waitFor({ timeout: 30_000 });
    await expect.poll(() => diagram.getByRole('button', { name: /^State on, active$/ }).count()).toBe(1);
    expect(requested.some((u) => /elk-worker/.test(u))).toBe(true);
    // The keyboard walks the states and selects one.
    await diagram.getByRole('button', { name: /^State on, active$/ }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 3, name: /^Selected state: on\./ }).waitFor();
    expect(await violations(page)).toEqual([]);
    expect(lab.problems).toEqual([]);
  });
});

describe('the home page\'s JavaScript once the lab runs', () => {
  it(`is at most ${HOME_BUDGET / 1024} kB gzip, and holds no layout library`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const scripts = new Map<string, number>();
    page.on('response', async (r) => {
      if (!/\.js(\?|$)/.test(r.url())) return;
      try {
        scripts.set(r.url(), gzipSync(await r.body()).length);
      } catch {
        scripts.set(r.url(), Number.NaN);
      }
    });
    await page.goto(inject('baseURL'));
    await playUntilRegistered(page);
    await page.waitForLoadState('networkidle');
    const total = [...scripts.values()].reduce((a, b) => a + b, 0);
    console.log(`home page JavaScript once the lab runs: ${(total / 1024).toFixed(1)} kB gzip in ${scripts.size} files`);
    expect(Number.isNaN(total)).toBe(false);
    expect(total).toBeLessThanOrEqual(HOME_BUDGET);
    expect([...scripts.keys()].some((u) => /elk/i.test(u))).toBe(false);
    await context.close();
  });
});
