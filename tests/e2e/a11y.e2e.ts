/**
 * axe-core in real Chromium on every screen of the lab — the lab's own views, the CUCM, OS Administration
 * and Serviceability pages, the admin CLI and the phone — finds no accessibility violation.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { registeredLabForFile, show } from './browser';

const lab = registeredLabForFile();

async function violations(): Promise<string[]> {
  const result = await new AxeBuilder({ page: lab.page }).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('axe finds no violation', () => {
  it.each([
    ['#/', 'Topology'],
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
