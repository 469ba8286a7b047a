/**
 * Real Chromium for the browser tests: the Debian package at /usr/bin/chromium (or CHROME_PATH), driven by
 * playwright-core, with the flags from tech.md §6. A missing browser is an error with the fix, never a
 * skip — without it these tests prove nothing.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export async function launch(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export interface LabPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors, console errors and failed requests seen so far. */
  problems: string[];
}

/**
 * A fresh context (axe needs a page from browser.newContext()) with the lab open at `url`, waiting until
 * the lab has started (the virtual clock shows a date).
 */
export async function openLab(browser: Browser, url: string, options: { prepare?: (context: BrowserContext) => Promise<void> } = {}): Promise<LabPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await options.prepare?.(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  await page.goto(url);
  await waitForLab(page);
  return { context, page, problems };
}

/**
 * The lab a test file works in: Chromium and the lab opened before the file's first test and played until the
 * phone is registered, closed after its last. Its fields are read inside tests, once beforeAll has run.
 */
export function registeredLabForFile(): LabPage {
  let browser: Browser | undefined;
  let lab: LabPage | undefined;
  beforeAll(async () => {
    browser = await launch();
    lab = await openLab(browser, inject('baseURL'));
    await playUntilRegistered(lab.page);
  });
  afterAll(async () => {
    await lab?.context.close();
    await browser?.close();
  });
  const opened = () => {
    if (!lab) throw new Error('the lab is opened in beforeAll; read it inside a test');
    return lab;
  };
  return {
    get context() {
      return opened().context;
    },
    get page() {
      return opened().page;
    },
    get problems() {
      return opened().problems;
    },
  };
}

export const CLOCK = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d\d \d\d:\d\d:\d\d E[SD]T \d{4}$/;

export async function waitForLab(page: Page): Promise<void> {
  await page.getByTestId('virtual-clock').filter({ hasText: CLOCK }).waitFor({ timeout: 60_000 });
}

/** Go to a screen by its hash route and wait for its heading. */
export async function show(page: Page, hash: string, heading: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor({ timeout: 15_000 });
}

/**
 * Press Tab until the focused element is the link or button named `name` (as a keyboard user would reach
 * it); fails after `max` presses.
 */
export async function tabTo(page: Page, name: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : '';
    });
    if (focused === name) return;
  }
  throw new Error(`"${name}" was not reached with ${max} presses of Tab`);
}

/**
 * Let the lab run (at 60×, as an impatient learner would) until the phone has registered, then pause.
 */
export async function playUntilRegistered(page: Page): Promise<void> {
  await show(page, '#/', 'Topology');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('60');
  // The lab plays by itself once it has started; press Play only if it is paused.
  const play = page.getByRole('button', { name: 'Play', exact: true });
  if (await play.isVisible()) await play.click();
  const state = page.locator('li', { has: page.getByRole('heading', { level: 3, name: 'SEP682C7B5C2342' }) }).locator('dt:text-is("State") + dd');
  await state.filter({ hasText: /^Registered$/ }).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
}

/** Let the lab play at 60× until `done` holds on the page, then pause. */
export async function playUntil(page: Page, done: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('60');
  const play = page.getByRole('button', { name: 'Play', exact: true });
  if (await play.isVisible()) await play.click();
  for (const end = Date.now() + timeoutMs; Date.now() < end; ) {
    if (await done()) {
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      return;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Let the lab play at 60× for about `seconds` of virtual time, then pause — e.g. a phone's reset and boot. */
export async function playFor(page: Page, seconds: number): Promise<void> {
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('60');
  const play = page.getByRole('button', { name: 'Play', exact: true });
  if (await play.isVisible()) await play.click();
  await page.waitForTimeout((seconds / 60) * 1000 + 500);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
}
