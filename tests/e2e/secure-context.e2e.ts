/**
 * WebCrypto exists only in secure contexts. Opened over plain http on a name that is not the local host,
 * the lab cannot make a key, so the page must say it needs https or localhost instead of failing halfway.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launch([`--host-resolver-rules=MAP ${inject('nonSecureHost')} 127.0.0.1`]);
});
afterAll(async () => {
  await browser?.close();
});

describe('a page without WebCrypto', () => {
  it('explains that the lab needs https or localhost', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://${inject('nonSecureHost')}:${inject('port')}${inject('subPath')}`);
    expect(await page.evaluate(() => ({ secure: window.isSecureContext, subtle: typeof globalThis.crypto?.subtle }))).toEqual({ secure: false, subtle: 'undefined' });
    await page.getByRole('heading', { level: 1, name: 'LSC Lab needs a secure page' }).waitFor();
    const text = await page.locator('main').textContent();
    expect(text).toContain('https://');
    expect(text).toContain('http://localhost');
    expect(text).toContain(`http://${inject('nonSecureHost')}:${inject('port')}`);
    await context.close();
  });
});
