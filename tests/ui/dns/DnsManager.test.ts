// @vitest-environment happy-dom
/**
 * The DNS Manager: the zone's host records, deleting one (the seed's DNS lab) and adding it back as
 * "New Host (A or AAAA)"; a bad address is refused.
 */
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import DnsManager from '../../../src/ui/dns/DnsManager.svelte';
import { createTestSession, renderScreen } from '../session';

describe('DNS Manager', () => {
  it('lists the zone, deletes a host record and adds one back by its short name', async () => {
    const session = await createTestSession();
    renderScreen(session, DnsManager);
    expect(screen.getByRole('cell', { name: 'ao115pub.brianw2.lab' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Delete ao115pub.brianw2.lab' }));
    await waitFor(() => expect(screen.queryByRole('cell', { name: 'ao115pub.brianw2.lab' })).toBeNull());
    await fireEvent.input(screen.getByLabelText('Name (uses parent domain name if blank)'), { target: { value: 'PUB11' } });
    await fireEvent.input(screen.getByLabelText('IP address'), { target: { value: '10.122.138.300' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add Host' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('IPv4 address'));
    await fireEvent.input(screen.getByLabelText('IP address'), { target: { value: '10.122.138.102' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add Host' }));
    await waitFor(() => expect(screen.getByRole('cell', { name: 'pub11.brianw2.lab' })).toBeTruthy());
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('PUB11.brianw2.lab was successfully created'));
    session.dispose();
  });
});
