/**
 * The pictures in real Chromium, for the seed lab and the 802.1X lab: while the seed procedure runs (CAPF
 * Information Install/Upgrade, Save, Apply Config, the clock playing), each picture page opens and draws
 * from the live world — the statechart laid out by ELK in its Web Worker with the phone's active state
 * highlighted, the ladder diagram with its arrows, the trust map, the topology — with no error on the
 * console and no axe violation. The layout library loads with the Statecharts page and no other, and the
 * JavaScript the home page has loaded once the lab runs stays within its budget.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openLab, playUntilRegistered, show, type LabPage } from './browser';

const PHONE = 'SEP682C7B5C2342';
/** Issue 15: the JavaScript the home page has loaded once the lab runs, gzip-compressed. */
const HOME_BUDGET = 200 * 1024;
/**
 * A script of the layout library: its chunks are named elk-api, elk-engine, elk-worker.min. The name, not
 * the whole URL: a content hash can spell "elk" too (verify-BeLk1oil.js once did).
 */
const isElk = (url: string) => /^elk[-.]/i.test(url.split('/').pop() ?? '');

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
    expect(requested.some(isElk)).toBe(false);
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
    // The export is the same ladder as a standalone SVG file.
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the ladder as SVG' }).click()]);
    expect(file.suggestedFilename()).toBe('ladder.svg');
    const svg = readFileSync((await file.path())!, 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain(`>${PHONE}</text>`);
    expect(await violations(page)).toEqual([]);
    expect(requested.some(isElk)).toBe(false);
  });

  it('the trust map checks every link of the live world', async () => {
    const { page } = lab;
    await show(page, '#/trust', 'Trust map');
    await page.getByRole('img', { name: new RegExp(`^Trust map of ${PHONE}: \\d+ links, \\d+ broken$`) }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { level: 2, name: /^(No link is broken now\.|Broken now: \d+ links?)$/ }).waitFor();
    expect(await violations(page)).toEqual([]);
    expect(requested.some(isElk)).toBe(false);
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

/** Device > Phone > Reset, with the clock paused: the phone restarts once the clock runs again. */
async function resetPhone(page: Page): Promise<void> {
  await show(page, `#/cucm/phone?device=${PHONE}`, 'Phone Configuration');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.getByRole('alertdialog', { name: 'Device Reset' }).getByRole('button', { name: 'Reset', exact: true }).click();
}

async function play(page: Page, speed: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Speed' }).selectOption(speed);
  const button = page.getByRole('button', { name: 'Play', exact: true });
  if (await button.isVisible()) await button.click();
}

describe('motion, and prefers-reduced-motion', () => {
  let lab: LabPage;
  beforeAll(async () => {
    lab = await openLab(browser, inject('baseURL'));
    await playUntilRegistered(lab.page);
  });
  afterAll(async () => {
    await lab?.context.close();
  });

  /** The animation of the flash over the transition just taken, and whether that arrow stays marked. */
  async function flashAnimation(page: Page): Promise<{ name: string; marked: number }> {
    await resetPhone(page);
    await show(page, `#/statecharts?actor=${encodeURIComponent(`phone/${PHONE}`)}`, 'Statecharts');
    await page.getByRole('group', { name: 'Statechart diagram of the machine phone' }).waitFor({ timeout: 30_000 });
    await play(page, '1');
    const flash = page.locator('path.flash');
    await flash.first().waitFor({ state: 'attached', timeout: 30_000 });
    await expect.poll(() => page.getByTestId('last-transition').textContent()).toMatch(/^Last transition: /);
    const name = await flash.first().evaluate((el) => getComputedStyle(el).animationName);
    const marked = await page.locator('path.edge.last').count();
    // Back to a registered phone (a phone still booting ignores the next Reset).
    await playUntilRegistered(page);
    return { name, marked };
  }

  /** Dots seen on the topology's links while the phone boots after a Reset (sampled for 3 s at 30×). */
  async function pulsesWhileBooting(page: Page): Promise<{ pulses: number; grew: boolean }> {
    await resetPhone(page);
    await show(page, '#/', 'Topology');
    const newest = async () => Number(/No\. (\d+)/.exec((await page.locator('figcaption').textContent()) ?? '')?.[1] ?? 0);
    const before = await newest();
    // The phone boots for a minute or so of virtual time before it asks for files: 30× gets there quickly.
    await play(page, '30');
    let pulses = 0;
    for (let i = 0; i < 12; i++) {
      pulses += await page.locator('circle.pulse').count();
      await page.waitForTimeout(250);
    }
    const grew = (await newest()) > before;
    await playUntilRegistered(page);
    return { pulses, grew };
  }

  it('the transition the phone takes flashes on its statechart, and messages move on the topology', async () => {
    const { name, marked } = await flashAnimation(lab.page);
    expect(name).toMatch(/flash/);
    expect(marked).toBe(1);
    const { pulses, grew } = await pulsesWhileBooting(lab.page);
    expect(grew).toBe(true);
    expect(pulses).toBeGreaterThan(0);
  });

  it('under prefers-reduced-motion the transition is marked without a flash, and no message moves on the topology', async () => {
    const { page } = lab;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const { name, marked } = await flashAnimation(page);
    expect(name).toBe('none');
    expect(marked).toBe(1);
    const { pulses, grew } = await pulsesWhileBooting(page);
    expect(grew).toBe(true);
    expect(pulses).toBe(0);
    expect(lab.problems).toEqual([]);
  });
});

describe('the home page\'s JavaScript once the lab runs', () => {
  it(`is at most ${HOME_BUDGET / 1024} kB gzip, and holds no layout library and no pkijs`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const scripts = new Map<string, number>();
    const pkijsIn: string[] = [];
    page.on('response', async (r) => {
      if (!/\.js(\?|$)/.test(r.url())) return;
      try {
        const body = await r.body();
        scripts.set(r.url(), gzipSync(body).length);
        // Every pkijs class carries a static CLASS_NAME and extends PkiObject: names a minifier keeps. The
        // simulated world reads and writes certificates with src/pki's own DER code; pkijs (70 kB gzip,
        // not tree-shakeable) must never come back onto the home page (src/ARCHITECTURE.md).
        if (/\bCLASS_NAME\b|"PkiObject"/.test(body.toString('latin1'))) pkijsIn.push(r.url().split('/').pop()!);
      } catch {
        scripts.set(r.url(), Number.NaN);
      }
    });
    await page.goto(inject('baseURL'));
    await playUntilRegistered(page);
    await page.waitForLoadState('networkidle');
    const total = [...scripts.values()].reduce((a, b) => a + b, 0);
    console.log(`home page JavaScript once the lab runs: ${(total / 1024).toFixed(1)} kB gzip in ${scripts.size} files: ${[...scripts].map(([u, n]) => `${u.split("/").pop()} ${(n / 1024).toFixed(1)}`).join(", ")}`);
    expect(Number.isNaN(total)).toBe(false);
    expect(pkijsIn).toEqual([]);
    expect(total).toBeLessThanOrEqual(HOME_BUDGET);
    expect([...scripts.keys()].some(isElk)).toBe(false);
    await context.close();
  });
});
