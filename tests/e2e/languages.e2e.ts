/**
 * The lab in English, German and Japanese (issue 11), in real Chromium against the built site: `?lang=` picks
 * the language and <html lang> follows; only that language's messages load; switching in the header keeps the
 * running lab; axe finds nothing in each language; German's long words and Japanese text do not overflow the
 * side navigation, the header or the tables at 1280 px. Expected texts come from the catalogues themselves.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openLab, playUntilRegistered, type LabPage } from './browser';
import type { Catalogue, Locale } from '../../src/content/messages/format';
import { EXERCISES } from '../../src/content/exercises';
import { SCENARIO_TEXTS } from '../../src/content/scenario-texts';
import enCore from '../../src/content/messages/en/index';
import deCore from '../../src/content/messages/de/index';
import jaCore from '../../src/content/messages/ja/index';
import enTeacher from '../../src/content/messages/en/teacher';
import deTeacher from '../../src/content/messages/de/teacher';
import jaTeacher from '../../src/content/messages/ja/teacher';
import { launch } from './browser';

/** The core of each language, and the areas whose page headings the test reads. */
const CORE: Record<Locale, Catalogue> = {
  en: { ...enCore, ...enTeacher } as Catalogue,
  de: { ...deCore, ...deTeacher } as Catalogue,
  ja: { ...jaCore, ...jaTeacher } as Catalogue,
};
const text = (locale: Locale, key: string) => {
  const m = CORE[locale][key];
  if (typeof m !== 'string') throw new Error(`${locale} has no plain message ${key}`);
  return m;
};

/** The build's own map of sources to chunks: which files hold which language's messages. */
const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('../../dist/.vite/manifest.json', import.meta.url)), 'utf8')) as Record<string, { file: string }>;
const chunksOf = (locale: Locale) =>
  Object.entries(manifest)
    .filter(([src]) => src.startsWith(`content/messages/${locale}/`))
    .map(([, entry]) => entry.file.split('/').pop()!);

/** Headings of the lab's own pages, by route, as the catalogue names them (core area: the navigation). */
const PAGES: ReadonlyArray<readonly [hash: string, key: string]> = [
  ['#/', 'shell.nav.topology'],
  ['#/tutorial', 'shell.nav.tutorial'],
  ['#/exercises', 'shell.nav.exercises'],
  ['#/teacher', 'teacher.title'],
  ['#/faults', 'shell.nav.faults'],
  ['#/inspect', 'shell.nav.inspect'],
  ['#/logs', 'shell.nav.logs'],
  ['#/trace', 'shell.nav.trace'],
  ['#/trust', 'shell.nav.trust'],
  ['#/statecharts', 'shell.nav.statecharts'],
  ['#/downloads', 'shell.nav.downloads'],
  ['#/lab/ca', 'shell.nav.enterpriseCa'],
];

async function go(page: Page, hash: string, heading: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor({ timeout: 15_000 });
}

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Elements whose content is wider than their box with nothing to scroll it: text that runs out of its place. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const page = document.documentElement;
    if (page.scrollWidth > window.innerWidth + 1) out.push(`the page scrolls sideways (${page.scrollWidth} px)`);
    const candidates = document.querySelectorAll<HTMLElement>('nav a, nav h2, header button, header label, header a, main table, main button, main h1, main h2');
    for (const el of candidates) {
      const style = getComputedStyle(el);
      if (style.overflowX === 'auto' || style.overflowX === 'scroll') continue;
      if (el.closest('[data-scrolls], pre, .table-scroll')) continue;
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) out.push(`${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 40)}” (${el.scrollWidth} > ${el.clientWidth} px)`);
      const box = el.getBoundingClientRect();
      if (box.right > window.innerWidth + 1) out.push(`${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 40)}” ends at ${Math.round(box.right)} px`);
    }
    return out;
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(['de', 'ja'] as const)('the lab in %s', (locale) => {
  let lab: LabPage;
  const scripts: string[] = [];
  beforeAll(async () => {
    lab = await openLab(browser, `${inject('baseURL')}?lang=${locale}#/`, {
      prepare: async (context) => {
        context.on('response', (r) => {
          if (/\.js(\?|$)/.test(r.url())) scripts.push(r.url().split('/').pop()!);
        });
      },
    });
  });
  afterAll(async () => {
    await lab?.context.close();
  });

  it('?lang= picks it: <html lang>, the header and the navigation speak it, and only its messages load', async () => {
    const { page } = lab;
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
    await page.getByRole('heading', { level: 1, name: text(locale, 'shell.nav.topology'), exact: true }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: text(locale, 'shell.nav.tutorial'), exact: true }).waitFor();
    // The home page's own words: the host cards' heading, a phone card's state label, the scenario box.
    await page.getByRole('heading', { level: 2, name: text(locale, 'topology.hosts'), exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: text(locale, 'topology.scenario.heading'), exact: true }).waitFor();
    await page.locator('dt', { hasText: text(locale, 'topology.fact.state') }).first().waitFor();
    await page.getByText(SCENARIO_TEXTS['seed-lab'].title[locale], { exact: true }).first().waitFor();
    await page.getByRole('button', { name: text(locale, 'shell.pause'), exact: true }).or(page.getByRole('button', { name: text(locale, 'shell.play'), exact: true })).waitFor();
    await go(page, '#/exercises', text(locale, 'shell.nav.exercises'));
    const own = chunksOf(locale);
    const others = (['en', 'de', 'ja'] as const).filter((l) => l !== locale).flatMap(chunksOf);
    expect(scripts.some((s) => own.includes(s))).toBe(true);
    expect(scripts.filter((s) => others.includes(s))).toEqual([]);
  });

  it.each(PAGES)('axe finds nothing and no text runs out of its place on %s', async (hash, key) => {
    await go(lab.page, hash, text(locale, key));
    expect(await overflowing(lab.page)).toEqual([]);
    expect(await violations(lab.page)).toEqual([]);
  });

  it('an exercise page, with its brief and goals in this language', async () => {
    const exercise = EXERCISES.find((e) => e.id === 'capf-stopped')!;
    const title = exercise.title[locale] ?? exercise.title.en;
    await go(lab.page, `#/exercise?id=${exercise.id}`, title);
    expect(await overflowing(lab.page)).toEqual([]);
    expect(await violations(lab.page)).toEqual([]);
  });

  it('the CUCM pages stay English, marked lang="en" inside the page', async () => {
    await go(lab.page, '#/cucm/phones', 'Find and List Phones');
    expect(await lab.page.getByRole('heading', { level: 1, name: 'Find and List Phones' }).evaluate((h) => h.closest('[lang]')?.getAttribute('lang'))).toBe('en');
    expect(await violations(lab.page)).toEqual([]);
    expect(lab.problems).toEqual([]);
  });
});

describe('switching the language', () => {
  it('keeps the running lab: the phone stays registered, the clock goes on, nothing is reloaded', async () => {
    const lab = await openLab(browser, `${inject('baseURL')}?lang=en#/`);
    try {
      const { page } = lab;
      await playUntilRegistered(page);
      const before = await page.getByTestId('virtual-clock').textContent();
      const marker = await page.evaluate(() => ((window as unknown as { __stayed?: number }).__stayed = 42));
      await page.getByRole('combobox', { name: text('en', 'shell.language') }).selectOption('de');
      await page.getByRole('heading', { level: 1, name: text('de', 'shell.nav.topology'), exact: true }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
      expect(await page.evaluate(() => (window as unknown as { __stayed?: number }).__stayed)).toBe(marker);
      expect(await page.getByTestId('virtual-clock').textContent()).toBe(before);
      // The phone page mirrors the product: still registered, still English.
      await go(page, '#/phone?device=SEP682C7B5C2342', 'Cisco IP Phone CP-8845 (SEP682C7B5C2342)');
      await page.getByRole('combobox', { name: text('de', 'shell.language') }).selectOption('ja');
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ja');
      await page.getByRole('heading', { level: 1, name: 'Cisco IP Phone CP-8845 (SEP682C7B5C2342)' }).waitFor();
      await page.getByRole('button', { name: text('ja', 'shell.play'), exact: true }).click();
      await expect.poll(() => page.getByTestId('virtual-clock').textContent(), { timeout: 10_000 }).not.toBe(before);
      expect(lab.problems).toEqual([]);
    } finally {
      await lab.context.close();
    }
  });
});
