// @vitest-environment happy-dom
/**
 * The firewall's access list, as the network team sees it: a deny entry added on the page drops the phone's
 * connections to TCP 3804 in the world, and removing it there is the fix of the blocked-port fault — marked
 * Fixed by the same check the exercises grade with.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Firewall from '../../../src/ui/firewall/Firewall.svelte';
import { isFaultFixed } from '../../../src/content/fault-fixed';
import type { LabSession } from '../../../src/ui/session.svelte';
import { axeViolations } from '../axe';
import { createTestSession, renderScreen } from '../session';
import { pooledKeys } from '../../helpers/key-pool';

let session: LabSession;
beforeAll(async () => {
  session = await createTestSession({ keySource: pooledKeys });
});
afterAll(() => session.dispose());

const entries = () => within(screen.getByTestId('acl')).getAllByRole('row').slice(1).map((tr) => tr.querySelector('code')!.textContent);

describe('the Firewall page', () => {
  it('lists the access list, adds a deny entry that the network enforces, and removes it again', async () => {
    const r = renderScreen(session, Firewall);
    expect(entries()).toEqual(['access-list OUTSIDE_IN line 1 extended permit ip any any']);
    await fireEvent.change(screen.getByLabelText('Destination'), { target: { value: '10.122.138.102' } });
    await fireEvent.input(screen.getByLabelText('Port (eq)'), { target: { value: '3804' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(entries()).toEqual(['access-list OUTSIDE_IN line 1 extended deny tcp any host 10.122.138.102 eq 3804', 'access-list OUTSIDE_IN line 2 extended permit ip any any']));
    expect(isFaultFixed(session.world!, 'network.capf-port-blocked')).toBe(false);
    expect(await axeViolations(r.container)).toEqual([]);
    await fireEvent.click(screen.getByRole('button', { name: 'Remove line 1: deny tcp any host 10.122.138.102 eq 3804' }));
    await waitFor(() => expect(entries()).toEqual(['access-list OUTSIDE_IN line 1 extended permit ip any any']));
    expect(isFaultFixed(session.world!, 'network.capf-port-blocked')).toBe(true);
    r.unmount();
  });

  it('a port that is not a port is refused with the reason, and nothing is added', async () => {
    const r = renderScreen(session, Firewall);
    await fireEvent.input(screen.getByLabelText('Port (eq)'), { target: { value: '70000' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('A port is a number from 1 to 65535.'));
    expect(entries()).toHaveLength(1);
    r.unmount();
  });
});
