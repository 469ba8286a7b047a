/**
 * "Inspect a file" in real Chromium, against the hosted site with its Content-Security-Policy: an ITL with
 * the CAPF certificate beside it (read in the Worker), walked with the keyboard; a certificate; axe finds
 * nothing; no request leaves the site's origin.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openLab, show, type LabPage } from './browser';

// The inspector needs no running phone: the lab only has to have started.
let browser: Browser;
let lab: LabPage;
beforeAll(async () => {
  browser = await launch();
  lab = await openLab(browser, inject('baseURL'));
});
afterAll(async () => {
  await lab?.context.close();
  await browser?.close();
});
const fixture = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

describe('Inspect a file', () => {
  it('the site carries a CSP that allows nothing beyond its own origin', async () => {
    const csp = await lab.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:|\*/);
  });

  it('an ITL and CAPF.pem: the signature holds, the CAPF hash matches, and Tab then the arrow keys walk the bytes', async () => {
    const { page } = lab;
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await show(page, '#/inspect', 'Inspect a file');
    await page.getByLabel('Choose files').setInputFiles([fixture('fuzz/corpus/ITLFile-seed-ao115sub.tlv'), fixture('fuzz/corpus/CAPF.pem')]);
    const itl = page.getByRole('article', { name: 'ITLFile-seed-ao115sub.tlv (8,575 bytes)' });
    await itl.getByText('Signature valid.').waitFor();
    await expect.poll(() => itl.locator('pre.cli').textContent()).toMatch(/The ITL file was verified successfully\.\n$/);
    await itl.getByText(/^Record 1 \(CAPF, .*It matches CAPF\.pem\.$/).waitFor();

    await itl.getByRole('button', { name: 'VERSION at byte 0' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await itl.getByText(/^Highlighted: SIGNERID, bytes 10–\d+\.$/).waitFor();
    expect(await itl.locator('mark').count()).toBeGreaterThan(0);

    const origin = new URL(inject('baseURL')).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
  });

  it('a certificate: Certificate File Data and its verdict; axe finds no violation on the page', async () => {
    const { page } = lab;
    await page.getByLabel('Choose files').setInputFiles(fixture('fuzz/corpus/chain.p7b'));
    const bundle = page.getByRole('article', { name: /^chain\.p7b/ });
    await bundle.getByRole('heading', { name: 'Certificate 1: CN=SEP682C7B5C2342' }).waitFor();
    expect(await bundle.getByText('Signature valid.').count()).toBe(2);
    expect(await bundle.locator('pre.file-data').first().textContent()).toMatch(/^\[\nVersion: V1\nSerial Number: 1234\n/); // openssl x509 -req without extensions writes a v1 certificate
    const result = await new AxeBuilder({ page }).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(lab.problems).toEqual([]);
  });
});
