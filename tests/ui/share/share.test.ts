// @vitest-environment happy-dom
/**
 * Share this lab: the link rebuilds the lab in another browser after asking; a damaged link is refused with a
 * reason and the lab there is untouched.
 */
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Share from '../../../src/ui/share/Share.svelte';
import type { LabSession } from '../../../src/ui/session.svelte';
import { axeViolations } from '../axe';
import { createTestSession, MemoryStorage, renderScreen } from '../session';
import { pooledKeys } from '../../helpers/key-pool';

let sender: LabSession;
let receiver: LabSession;
beforeAll(async () => {
  sender = await createTestSession({ keySource: pooledKeys, storage: new MemoryStorage() });
  receiver = await createTestSession({ keySource: pooledKeys, storage: new MemoryStorage() });
});
afterAll(() => {
  sender.dispose();
  receiver.dispose();
});

describe('Share this lab', () => {
  it('shows this lab’s link; opened elsewhere it asks, then rebuilds the lab with its actions', async () => {
    await sender.act({ type: 'dns.record.delete', name: 'ao115pub.brianw2.lab' });
    await sender.advance(30_000);
    const r = renderScreen(sender, Share);
    const link = await waitFor(() => {
      const v = (screen.getByLabelText('Link to this lab') as HTMLTextAreaElement).value;
      expect(v).toMatch(/#\/share\?v=1&lab=/);
      return v;
    });
    expect(await axeViolations(r.container)).toEqual([]);
    r.unmount();

    window.location.hash = link.slice(link.indexOf('#'));
    const params = Object.fromEntries(new URLSearchParams(window.location.hash.split('?')[1]));
    const s = renderScreen(receiver, Share, params);
    await waitFor(() => expect(screen.getByText(/Replace your lab with this one\?/)).toBeTruthy());
    expect(receiver.world!.actions).toEqual([]);
    await fireEvent.click(screen.getByRole('button', { name: 'Replace my lab' }));
    await waitFor(() => expect(receiver.world!.actions.map((a) => a.action.type)).toEqual(['dns.record.delete']));
    expect(receiver.world!.now).toBe(sender.world!.now);
    s.unmount();
  });

  it('a damaged link is refused with a reason; the lab stays as it was', async () => {
    const before = receiver.world!.actions.length;
    window.location.hash = '#/share?v=1&lab=AAAAAAAAAAAA.AAAAAAAAAAA';
    const s = renderScreen(receiver, Share, { v: '1', lab: 'AAAAAAAAAAAA.AAAAAAAAAAA' });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('This lab cannot be opened: The link was changed or cut after it was made: its check does not match.'));
    expect(receiver.world!.actions.length).toBe(before);
    s.unmount();
  });
});
