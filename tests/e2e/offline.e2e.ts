/**
 * The classroom file: dist/lsc-lab-offline.html opened straight from disk (file://) in Chromium with the
 * network switched off. The whole lab runs — the seed procedure to "Upgrade Success", the inspector's
 * Worker — and not one request leaves the file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openLab, playUntil, playUntilRegistered, show, type LabPage } from './browser';

const file = fileURLToPath(new URL('../../dist/lsc-lab-offline.html', import.meta.url));
const fixture = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
let browser: Browser;
let lab: LabPage;
const requests: string[] = [];

beforeAll(async () => {
  if (!existsSync(file)) throw new Error(`${file} is missing: npm run build writes it`);
  browser = await launch();
  lab = await openLab(browser, pathToFileURL(file).href, {
    // The network is off from the first request on, and every request is recorded, Workers' included.
    prepare: async (context) => {
      await context.setOffline(true);
      context.on('request', (r) => requests.push(r.url()));
    },
  });
});
afterAll(async () => {
  await lab?.context.close();
  await browser?.close();
});

describe('dist/lsc-lab-offline.html from file://', () => {
  it('is one file: no script, style sheet or image refers to another file, and its CSP allows no network', () => {
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+rel="(stylesheet|modulepreload)"|src="\.\/|href="\.\//);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*'/);
    console.log(`lsc-lab-offline.html: ${statSync(file).size} bytes`);
  });

  it('runs the seed procedure: Device > Phone > CAPF Information Install/Upgrade, By Null String, Save, Apply Config — Upgrade Success', async () => {
    const { page } = lab;
    await playUntilRegistered(page);
    await page.getByRole('navigation', { name: 'Lab navigation' }).getByRole('link', { name: 'Device > Phone' }).click();
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('main').getByRole('link', { name: 'SEP682C7B5C2342', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Phone Configuration' }).waitFor();
    await page.getByLabel('Certificate Operation', { exact: true }).selectOption('Install/Upgrade');
    await page.getByLabel('Authentication Mode', { exact: true }).selectOption('By Null String');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Update successful').waitFor();
    await page.getByRole('button', { name: 'Apply Config', exact: true }).click();
    await page.getByRole('alertdialog', { name: 'Apply Configuration Information' }).getByRole('button', { name: 'OK', exact: true }).click();
    await playUntil(page, () => page.getByText('Certificate Operation Status: Upgrade Success').isVisible(), 'Upgrade Success');
    expect(lab.problems).toEqual([]);
  });

  it("the inspector's Worker runs from a blob: URL: an ITL is read and verified", async () => {
    const { page } = lab;
    await show(page, '#/inspect', 'Inspect a file');
    await page.getByLabel('Choose files').setInputFiles(fixture('itl/fixtures/ITLFile-sha512.tlv'));
    await page.getByRole('article', { name: 'ITLFile-sha512.tlv (8,784 bytes)' }).getByText('Signature valid.').waitFor();
    expect(lab.problems).toEqual([]);
  });

  it('no request left the file: every one was the file itself, blob: or data:', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
  });
});
