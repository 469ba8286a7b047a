// @vitest-environment happy-dom
/**
 * The other Cisco Unified CM Administration pages of the procedure: Find and List Phones (by Device Name
 * and by LSC Status), System > Server, System > Service Parameters (CAPF), System > Enterprise Parameters.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import EnterpriseParameters from '../../../src/ui/cucm-admin/EnterpriseParameters.svelte';
import FindPhones from '../../../src/ui/cucm-admin/FindPhones.svelte';
import Servers from '../../../src/ui/cucm-admin/Servers.svelte';
import ServiceParameters from '../../../src/ui/cucm-admin/ServiceParameters.svelte';
import PhoneConfiguration from '../../../src/ui/cucm-admin/PhoneConfiguration.svelte';
import { operationCompletesByString } from '../../../src/sim/time';
import type { LabSession } from '../../../src/ui/session.svelte';
import { createTestSession, renderScreen } from '../session';

let session: LabSession;
beforeAll(async () => {
  session = await createTestSession();
});
afterAll(() => session.dispose());

const choose = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

describe('Find and List Phones', () => {
  it('lists nothing before Find, then finds the phone where Device Name begins with SEP, linking to its page', async () => {
    renderScreen(session, FindPhones);
    expect(screen.getByRole('status').textContent).toContain('No active query');
    await type('Search text', 'SEP');
    await click('Find');
    expect(screen.getByRole('status').textContent).toContain('1 records found');
    const row = screen.getByRole('row', { name: /SEP682C7B5C2342/ });
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent?.trim());
    expect(cells).toEqual(['SEP682C7B5C2342', 'Cisco IP Phone CP-8845 (SEP682C7B5C2342)', 'Default', 'SIP', 'Registered with ao115pub.brianw2.lab', '10.122.138.150', 'Not Installed', 'NA', '', 'None']);
    expect(within(row).getByRole('link', { name: 'SEP682C7B5C2342' }).getAttribute('href')).toBe('#/cucm/phone?device=SEP682C7B5C2342');
  });

  it('Find Phone where LSC Status is Not Installed finds the phone; Installed finds none', async () => {
    renderScreen(session, FindPhones);
    await choose('Find Phone where', 'LSC Status');
    await choose('LSC Status value', 'Not Installed');
    await click('Find');
    expect(screen.getByRole('status').textContent).toContain('1 records found');
    await choose('LSC Status value', 'Installed');
    await click('Find');
    expect(screen.getByRole('status').textContent).toContain('0 records found');
  });
});

describe('System > Server', () => {
  it('Find and List Servers lists both nodes by their Host Name/IP Address', async () => {
    renderScreen(session, Servers);
    expect(screen.getByRole('link', { name: 'ao115pub.brianw2.lab' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'ao115sub.brianw2.lab' })).toBeTruthy();
  });

  it('Server Configuration: a bad name is refused, an IP address is saved', async () => {
    renderScreen(session, Servers, { node: 'ao115pub' });
    await type('Host Name/IP Address', 'not a host!');
    await click('Save');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Host Name/IP Address must be an IPv4 address or a host name.'));
    expect(session.world!.env.db.server('ao115pub')!.hostNameOrIp).toBe('ao115pub.brianw2.lab');

    await type('Host Name/IP Address', '10.122.138.102');
    await click('Save');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Update successful'));
    expect(session.world!.env.db.server('ao115pub')!.hostNameOrIp).toBe('10.122.138.102');
  });
});

describe('System > Service Parameters', () => {
  it('on the publisher, Cisco Certificate Authority Proxy Function (Active): Save shows the restart reminder', async () => {
    renderScreen(session, ServiceParameters);
    expect((screen.getByLabelText('Server') as HTMLSelectElement).value).toBe('ao115pub');
    await choose('Service', 'capf');
    expect(screen.getByRole('option', { name: 'Cisco Certificate Authority Proxy Function (Active)' })).toBeTruthy();
    expect((screen.getByLabelText('Certificate Issuer to Endpoint') as HTMLSelectElement).value).toBe('Cisco Certificate Authority Proxy Function');
    await type('Duration Of Certificate Validity (in days)', '2000');
    await click('Save');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('from 1 to 1825'));

    await type('Duration Of Certificate Validity (in days)', '730');
    await choose('Certificate Issuer to Endpoint', 'Offline CA');
    await click('Save');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Restart the Cisco Certificate Authority Proxy Function service'));
    expect(session.world!.env.db.capfParameters).toMatchObject({ durationOfCertificateValidity: 730, certificateIssuerToEndpoint: 'Offline CA', keySize: 2048 });
  });
});

describe('System > Enterprise Parameters', () => {
  it('CAPF Operation Expires in (days) is saved and becomes the phone page\'s default Operation Completes By', async () => {
    const page = renderScreen(session, EnterpriseParameters);
    expect((screen.getByLabelText('CAPF Operation Expires in (days)') as HTMLInputElement).value).toBe('10');
    await type('CAPF Operation Expires in (days)', '3');
    await choose('Prepare Cluster for Rollback to pre 8.0', 'True');
    await click('Save');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Update successful'));
    expect(session.world!.env.db.enterpriseParameters).toMatchObject({ capfOperationExpiresInDays: 3, prepareClusterForRollback: true });
    page.unmount();

    renderScreen(session, PhoneConfiguration, { device: 'SEP682C7B5C2342' });
    await choose('Certificate Operation', 'No Pending Operation');
    await choose('Certificate Operation', 'Install/Upgrade');
    const expected = operationCompletesByString(session.world!.now + 3 * 86400_000, session.world!.env.zone);
    expect((screen.getByLabelText('Operation Completes By (YYYY:MM:DD:HH)') as HTMLInputElement).value).toBe(expected);
  });

  it('Reset asks first, then resets every device', async () => {
    renderScreen(session, EnterpriseParameters);
    await click('Reset');
    const dialog = screen.getByRole('alertdialog', { name: 'Device Reset' });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    const actions = session.world!.actions.length;

    await click('Reset');
    await fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Reset request sent to all devices.'));
    expect(session.world!.actions.at(-1)?.action.type).toBe('cucm.enterpriseParameters.reset');
    expect(session.world!.actions.length).toBe(actions + 1);
  });
});
