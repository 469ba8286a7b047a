// @vitest-environment happy-dom
/**
 * The CUCM Administration pages are axe-clean (every control labelled, no duplicate ids, sensible
 * headings), in their first state and with their confirmations and errors showing. Colour contrast needs
 * a real layout engine and is left to the browser tests.
 */
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import EnterpriseParameters from '../../../src/ui/cucm-admin/EnterpriseParameters.svelte';
import FindPhones from '../../../src/ui/cucm-admin/FindPhones.svelte';
import PhoneConfiguration from '../../../src/ui/cucm-admin/PhoneConfiguration.svelte';
import Servers from '../../../src/ui/cucm-admin/Servers.svelte';
import ServiceParameters from '../../../src/ui/cucm-admin/ServiceParameters.svelte';
import type { LabSession } from '../../../src/ui/session.svelte';
import { axeViolations as violations } from '../axe';
import { createTestSession, renderScreen } from '../session';

let session: LabSession;
beforeAll(async () => {
  session = await createTestSession();
});
afterAll(() => session.dispose());

describe('CUCM Administration accessibility', () => {
  it('Phone Configuration, with a refused Save and the Reset confirmation open', async () => {
    const { container } = renderScreen(session, PhoneConfiguration, { device: 'SEP682C7B5C2342' });
    expect(await violations(container)).toEqual([]);
    await fireEvent.change(screen.getByLabelText('Certificate Operation'), { target: { value: 'Install/Upgrade' } });
    await fireEvent.input(screen.getByLabelText('Operation Completes By (YYYY:MM:DD:HH)'), { target: { value: '2026:02:30:10' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('has no day 30'));
    await fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(await violations(container)).toEqual([]);
  });

  it('Find and List Phones with results', async () => {
    const { container } = renderScreen(session, FindPhones);
    await fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    expect(await violations(container)).toEqual([]);
  });

  it('Servers, Server Configuration, Service Parameters and Enterprise Parameters', async () => {
    for (const [screenComponent, params] of [
      [Servers, {}],
      [Servers, { node: 'ao115sub' }],
      [ServiceParameters, { service: 'capf' }],
      [EnterpriseParameters, {}],
    ] as const) {
      const page = renderScreen(session, screenComponent, params);
      expect(await violations(page.container)).toEqual([]);
      page.unmount();
    }
  });
});
