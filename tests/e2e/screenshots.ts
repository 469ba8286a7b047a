/**
 * The README's pictures, taken from the real site in real Chromium: `npm run screenshots` builds the site,
 * serves it, works the seed procedure through the CUCM pages and photographs the main screens on the way
 * into static/screenshots/. Re-run it after changing a screen; the pictures are never edited by hand.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { preview } from 'vite';
import { launch, openLab, playFor, playUntil, playUntilRegistered, show } from './browser';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = join(root, 'static/screenshots');
const PHONE = 'SEP682C7B5C2342';

const built = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) throw new Error('vite build failed');

const server = await preview({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, open: false } });
const address = server.httpServer.address();
if (!address || typeof address !== 'object') throw new Error('preview server has no port');
const browser = await launch();

async function shoot(page: Page, name: string, what: string): Promise<void> {
  await page.mouse.move(0, 0); // no hover highlight in the picture
  await page.screenshot({ path: join(out, `${name}.png`) });
  console.log(`static/screenshots/${name}.png — ${what}`);
}

try {
  mkdirSync(out, { recursive: true });
  const { page, context, problems } = await openLab(browser, `http://127.0.0.1:${address.port}/`);
  await playUntilRegistered(page);

  await show(page, `#/cucm/phone?device=${PHONE}`, 'Phone Configuration');
  await page.getByLabel('Certificate Operation', { exact: true }).selectOption('Install/Upgrade');
  await page.getByLabel('Authentication Mode', { exact: true }).selectOption('By Null String');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Update successful').waitFor();
  await page.getByRole('group', { name: 'Certification Authority Proxy Function (CAPF) Information' }).scrollIntoViewIfNeeded();
  await shoot(page, 'phone-configuration', 'Device > Phone: the CAPF Information section after Save');

  await page.getByRole('button', { name: 'Apply Config', exact: true }).click();
  await page.getByRole('alertdialog', { name: 'Apply Configuration Information' }).getByRole('button', { name: 'OK', exact: true }).click();

  // The topology while the phone restarts for its CAPF operation: messages moving on the links.
  await show(page, '#/', 'Topology');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('2');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.locator('circle.pulse').first().waitFor({ timeout: 30_000 });
  await shoot(page, 'topology', 'the lab as a topology: publisher, subscriber, DNS, the phone, messages moving on the links');

  await show(page, `#/cucm/phone?device=${PHONE}`, 'Phone Configuration');
  await playUntil(page, () => page.getByText('Certificate Operation Status: Upgrade Success').isVisible(), 'Upgrade Success');
  await playFor(page, 90); // the phone resets and boots with its LSC

  await show(page, '#/logs?source=phone-status', 'Logs');
  await shoot(page, 'logs', "Logs: the phone's status messages during the enrolment");

  await show(page, '#/trace', 'Message trace');
  await page.getByRole('button', { name: 'No protocol' }).click();
  await page.getByRole('checkbox', { name: /^CAPF/ }).check();
  await page.getByRole('checkbox', { name: /^TLS/ }).check();
  const ladder = page.getByRole('group', { name: /^Ladder diagram of \d+ messages$/ });
  await ladder.getByRole('button', { name: /: CAPF AUTH_RESPONSE\b/ }).click();
  await page.getByRole('heading', { level: 2, name: 'Ladder diagram' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await shoot(page, 'message-trace', 'Message trace: the CAPF exchange as a ladder diagram, one message selected');

  await show(page, '#/cli?node=ao115pub', 'Admin CLI: ao115pub (10.122.138.102)');
  const prompt = page.getByRole('textbox').last();
  await prompt.fill('show itl');
  await prompt.press('Enter');
  await page.getByText('The ITL file was verified successfully.').waitFor();
  await shoot(page, 'admin-cli', 'Admin CLI: show itl on the publisher');

  await show(page, '#/os/certificates', 'Certificate List');
  await shoot(page, 'certificate-list', 'Cisco Unified OS Administration: Certificate List');

  await show(page, '#/statecharts?actor=capf%40ao115pub', 'Statecharts');
  await page.getByRole('group', { name: 'Statechart diagram of the machine capf' }).waitFor({ timeout: 30_000 });
  await page.getByRole('heading', { level: 2, name: /CAPF service on ao115pub/ }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await shoot(page, 'statecharts', 'Statecharts: the CAPF service drawn from its definition, its active state highlighted');

  await show(page, '#/faults', 'Faults');
  await shoot(page, 'faults', 'Faults: the catalogue, one click to inject');

  await show(page, `#/phone?device=${PHONE}`, `Cisco IP Phone CP-8845 (${PHONE})`);
  await page.getByRole('button', { name: 'Release' }).click();
  await page.getByRole('button', { name: 'Applications' }).click();
  await page.getByRole('button', { name: '2', exact: true }).click();
  await page.getByRole('button', { name: '1', exact: true }).click();
  await shoot(page, 'phone', 'The phone: Applications > Admin Settings > Security Setup, LSC Installed');

  // Last, because it changes the lab: the CAPF certificate regenerated without a TFTP restart, as the trust
  // map shows it — the ITLs' CAPF records and the phone's pin broken, in red and in words.
  await show(page, '#/faults', 'Faults');
  await page.getByRole('button', { name: 'Inject CAPF certificate regenerated, TFTP not restarted' }).click();
  await show(page, '#/trust', 'Trust map');
  const broken = page.getByRole('heading', { level: 2, name: /^Broken now: \d+ links$/ });
  await broken.waitFor({ timeout: 30_000 });
  await broken.evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await shoot(page, 'trust-map', "Trust map: a regenerated CAPF certificate breaks the ITLs' CAPF records and the phone's pin");

  if (problems.length) throw new Error(`the page reported problems:\n${problems.join('\n')}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
