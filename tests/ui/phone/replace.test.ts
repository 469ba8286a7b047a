// @vitest-environment happy-dom
/**
 * Every fault is fixable on the lab's own pages: each action a documented fix takes is one a page sends — and the
 * one fix that needs the lab's own hands at the desk (a 7960 without Security By Default replaced by a CP-8845)
 * is on the phone's page, after which the Faults page's check reads the fault as fixed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Phone from '../../../src/ui/phone/Phone.svelte';
import { FAULTS } from '../../../src/sim/faults';
import { isFaultFixed } from '../../../src/content/fault-fixed';
import type { LabSession } from '../../../src/ui/session.svelte';
import { createTestSession, renderScreen } from '../session';
import { pooledKeys } from '../../helpers/key-pool';

let session: LabSession;
beforeAll(async () => {
  session = await createTestSession({ keySource: pooledKeys });
  await session.reset({ faults: ['phone.no-sbd'] });
  await session.world!.runUntilSettled();
});
afterAll(() => session.dispose());

describe('faults fixed on the lab’s pages', () => {
  /**
   * Where a learner does each kind of action, and a word of that page that proves it sends it. A fix that needs
   * an action no page offers fails here until a page offers it.
   */
  const PAGES: Record<string, [file: string, token: string]> = {
    'serviceability.activate': ['serviceability/ServiceActivation.svelte', "'serviceability.activate'"],
    'serviceability.start': ['serviceability/ControlCenter.svelte', "control('start')"],
    'serviceability.restart': ['serviceability/ControlCenter.svelte', "control('restart')"],
    'cucm.phone.save': ['cucm-admin/PhoneConfiguration.svelte', "'cucm.phone.save'"],
    'cucm.phone.applyConfig': ['cucm-admin/PhoneConfiguration.svelte', "'cucm.phone.applyConfig'"],
    'cucm.phone.reset': ['cucm-admin/PhoneConfiguration.svelte', "'cucm.phone.reset'"],
    'cucm.enterpriseParameters.reset': ['cucm-admin/EnterpriseParameters.svelte', "'cucm.enterpriseParameters.reset'"],
    'os.certificate.regenerate': ['os-admin/CertificateDetails.svelte', "'os.certificate.regenerate'"],
    'os.certificate.upload': ['os-admin/UploadCertificate.svelte', "'os.certificate.upload'"],
    'dns.record.set': ['dns/DnsManager.svelte', "'dns.record.set'"],
    'network.firewall.remove': ['firewall/Firewall.svelte', "'network.firewall.remove'"],
    'phone.lsc.submit': ['phone/PhoneView.svelte', "'phone.lsc.submit'"],
    'phone.trustList.erase': ['phone/PhoneView.svelte', "'phone.trustList.erase'"],
    'phone.reset': ['phone/PhoneView.svelte', "'phone.reset'"],
    'lab.phone.replace': ['phone/ReplaceHandset.svelte', "'lab.phone.replace'"],
    cli: ['cli/Console.svelte', "type: 'cli'"],
  };

  it('every action of every documented fix is one a page of the lab sends', () => {
    const types = new Set(FAULTS.flatMap((f) => f.fix(session.world!)).flatMap((s) => ('type' in s ? [s.type] : [])));
    expect(types.size).toBeGreaterThan(8);
    for (const type of types) {
      const page = PAGES[type];
      expect(page, `no page is known to send ${type}`).toBeDefined();
      expect(readFileSync(join(process.cwd(), 'src/ui', page[0]), 'utf8'), `${page[0]} sends ${type}`).toContain(page[1]);
    }
  });

  it('a 7960 on the desk: replacing the handset with a CP-8845 on the phone’s page fixes the fault', async () => {
    const device = session.world!.env.scenario.phones[0].deviceName;
    expect(isFaultFixed(session.world!, 'phone.no-sbd')).toBe(false);
    const r = renderScreen(session, Phone, { device });
    expect(screen.getByText(/This desk has a CP-7960/)).toBeTruthy();
    await fireEvent.change(screen.getByLabelText('New handset'), { target: { value: 'CP-8845' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Replace the handset' }));
    await waitFor(() => expect(screen.getAllByRole('status').some((s) => s.textContent?.includes('is now a CP-8845'))).toBe(true));
    expect(isFaultFixed(session.world!, 'phone.no-sbd')).toBe(true);
    r.unmount();
  });
});
