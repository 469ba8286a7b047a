// @vitest-environment happy-dom
/**
 * Cisco Unified Serviceability, as the seed uses it: Tools > Service Activation (CAPF under Security
 * Services, on the publisher only) and Control Center - Feature / Network Services (start, stop, restart;
 * Status follows the service).
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ControlCenter from '../../../src/ui/serviceability/ControlCenter.svelte';
import ServiceActivation from '../../../src/ui/serviceability/ServiceActivation.svelte';
import type { LabSession } from '../../../src/ui/session.svelte';
import { createTestSession, renderScreen } from '../session';

const CAPF = 'Cisco Certificate Authority Proxy Function';
let session: LabSession;
beforeAll(async () => {
  session = await createTestSession();
});
afterAll(() => session.dispose());

const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const row = (name: string) => screen.getByRole('row', { name: new RegExp(name) });
const cells = (name: string) => within(row(name)).getAllByRole('cell').map((c) => c.textContent?.trim());

describe('Control Center - Feature Services', () => {
  it('on ao115pub lists Cisco TFTP under CM Services and CAPF under Security Settings, both Started', () => {
    renderScreen(session, ControlCenter, { kind: 'feature' });
    expect(screen.getByRole('heading', { level: 1, name: 'Control Center - Feature Services' })).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'CM Services' })).getByRole('radio', { name: 'Cisco TFTP' })).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Security Settings' })).getByRole('radio', { name: CAPF })).toBeTruthy();
    const [, status, activation, startTime, upTime] = cells(CAPF);
    expect([status, activation]).toEqual(['Started', 'Activated']);
    expect(startTime).toMatch(/^\w{3} \w{3} \d{2} \d{2}:\d{2}:\d{2} \d{4}$/);
    expect(upTime).toMatch(/^\d+ days \d{2}:\d{2}:\d{2}$/);
  });

  it('with CAPF stopped in Control Center its status shows Stopped; Start shows Starting, then Started', async () => {
    renderScreen(session, ControlCenter, { kind: 'feature' });
    await fireEvent.click(screen.getByRole('radio', { name: CAPF }));
    await click('Stop');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain(`Stop request sent to ${CAPF} on ao115pub.`));
    expect(cells(CAPF)[1]).toBe('Stopped');
    expect(session.world!.stateOf('capf@ao115pub')).toBe('stopped');
    expect(cells(CAPF)[3]).toBe('');

    await click('Start');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain(`Start request sent to ${CAPF} on ao115pub.`));
    expect(cells(CAPF)[1]).toBe('Starting');
    await session.advance(10_000);
    await waitFor(() => expect(cells(CAPF)[1]).toBe('Started'));
    expect(session.world!.stateOf('capf@ao115pub')).toBe('started');
  });

  it('Restart on Cisco TFTP of ao115sub restarts it (the ITL is rebuilt)', async () => {
    renderScreen(session, ControlCenter, { kind: 'feature' });
    await fireEvent.change(screen.getByLabelText('Server'), { target: { value: 'ao115sub' } });
    expect(cells(CAPF).slice(1, 3)).toEqual(['Not Running', 'Deactivated']);
    await fireEvent.click(screen.getByRole('radio', { name: 'Cisco TFTP' }));
    await click('Restart');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Restart request sent to Cisco TFTP on ao115sub.'));
    expect(cells('Cisco TFTP')[1]).toBe('Starting');
    await session.advance(60_000);
    await waitFor(() => expect(cells('Cisco TFTP')[1]).toBe('Started'));
  });

  it('a button with no service selected asks for one; starting CAPF where it is not activated is refused', async () => {
    renderScreen(session, ControlCenter, { kind: 'feature' });
    await click('Start');
    expect(screen.getByRole('alert').textContent).toContain('Select a service first.');
    await fireEvent.change(screen.getByLabelText('Server'), { target: { value: 'ao115sub' } });
    await fireEvent.click(screen.getByRole('radio', { name: CAPF }));
    await click('Start');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain(`${CAPF} is not activated on ao115sub.`));
  });
});

describe('Control Center - Network Services', () => {
  it('lists Cisco Trust Verification Service; stopping it shows Stopped', async () => {
    renderScreen(session, ControlCenter, { kind: 'network' });
    expect(screen.getByRole('heading', { level: 1, name: 'Control Center - Network Services' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('radio', { name: 'Cisco Trust Verification Service' }));
    await click('Stop');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Stop request sent'));
    expect(cells('Cisco Trust Verification Service')[1]).toBe('Stopped');
    await click('Start');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Start request sent'));
    await session.advance(30_000);
    await waitFor(() => expect(cells('Cisco Trust Verification Service')[1]).toBe('Started'));
  });
});

describe('Service Activation', () => {
  it('CAPF is under Security Services; activating it on the subscriber is refused with the page\'s message', async () => {
    renderScreen(session, ServiceActivation, { server: 'ao115sub' });
    const security = screen.getByRole('table', { name: 'Security Services' });
    const box = within(security).getByRole('checkbox', { name: CAPF }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    await fireEvent.click(box);
    await click('Save');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain(`${CAPF} runs on the publisher only.`));
    expect(session.world!.env.db.isActivated('ao115sub', 'capf')).toBe(false);
    expect((screen.getByRole('checkbox', { name: CAPF }) as HTMLInputElement).checked).toBe(false);
  });

  it('deactivating CAPF on the publisher shows Deactivated here and Not Running in Control Center; activating it again starts it', async () => {
    const activation = renderScreen(session, ServiceActivation);
    expect(cells(CAPF)).toEqual(['', 'Activated']);
    await fireEvent.click(screen.getByRole('checkbox', { name: CAPF }));
    await click('Save');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Update successful'));
    expect(cells(CAPF)[1]).toBe('Deactivated');
    activation.unmount();

    const control = renderScreen(session, ControlCenter, { kind: 'feature' });
    expect(cells(CAPF).slice(1, 3)).toEqual(['Not Running', 'Deactivated']);
    control.unmount();

    renderScreen(session, ServiceActivation);
    await fireEvent.click(screen.getByRole('checkbox', { name: CAPF }));
    await click('Save');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Update successful'));
    expect(cells(CAPF)[1]).toBe('Activated');
    await session.advance(10_000);
    expect(session.world!.stateOf('capf@ao115pub')).toBe('started');
  });
});
