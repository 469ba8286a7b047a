// @vitest-environment happy-dom
/**
 * Device > Phone > Phone Configuration, the seed's step 6: set the CAPF Information, Save, Apply Config —
 * and the page's checks that refuse bad input without touching the database.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationCompletesByString } from '../../../src/sim/time';
import PhoneConfiguration from '../../../src/ui/cucm-admin/PhoneConfiguration.svelte';
import type { LabSession } from '../../../src/ui/session.svelte';
import { createTestSession, renderScreen } from '../session';

const DEVICE = 'SEP682C7B5C2342';
const HOUR = 3600_000;
let session: LabSession;

beforeAll(async () => {
  session = await createTestSession();
});
afterAll(() => session.dispose());

const record = () => session.world!.env.db.phone(DEVICE)!;
const stamp = (offsetMs: number) => operationCompletesByString(session.world!.now + offsetMs, session.world!.env.zone);

async function openPhone() {
  renderScreen(session, PhoneConfiguration, { device: DEVICE });
  await screen.findByRole('heading', { name: 'Phone Configuration' });
}

async function choose(label: string, value: string) {
  await fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

async function type(label: string, value: string) {
  await fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

async function fillCapf(values: { operation?: string; mode?: string; authString?: string; completesBy?: string }) {
  await choose('Certificate Operation', values.operation ?? 'Install/Upgrade');
  await choose('Authentication Mode', values.mode ?? 'By Null String');
  if (values.authString !== undefined) await type('Authentication String', values.authString);
  if (values.completesBy !== undefined) await type('Operation Completes By (YYYY:MM:DD:HH)', values.completesBy);
}

const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));

describe('Phone Configuration > CAPF Information', () => {
  it('Install/Upgrade, By Null String, Operation Completes By two hours ahead, Save: "Update successful" and Certificate Operation Status "Operation Pending"', async () => {
    await openPhone();
    expect(screen.getByText('Certificate Operation Status: None')).toBeTruthy();
    await fillCapf({ completesBy: stamp(2 * HOUR) });
    await save();

    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Update successful'));
    expect(screen.getByText('Certificate Operation Status: Operation Pending')).toBeTruthy();
    expect(record().capf).toMatchObject({ certificateOperation: 'Install/Upgrade', authenticationMode: 'By Null String', certificateOperationStatus: 'Operation Pending' });
    expect((screen.getByLabelText('Certificate Operation') as HTMLSelectElement).value).toBe('Install/Upgrade');
  });

  it('an Operation Completes By in the past is saved, with the warning that CAPF will reject the operation as late', async () => {
    await openPhone();
    await fillCapf({ completesBy: stamp(-2 * HOUR) });
    await save();

    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Update successful'));
    expect(screen.getByRole('status').textContent).toContain('Operation Completes By is in the past: CAPF will reject the operation as late.');
    expect(record().capf.operationCompletesBy).toBeLessThan(session.world!.now);
  });

  it.each([
    ['3 digits', '123'],
    ['11 digits', '12345678901'],
    ['letters', 'abcdef'],
  ])('an authentication string of %s is refused with a message and the database is unchanged', async (_what, authString) => {
    await openPhone();
    const before = structuredClone(record());
    await fillCapf({ mode: 'By Authentication String', authString, completesBy: stamp(2 * HOUR) });
    await save();

    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('Authentication String must be 4 to 10 digits.'));
    expect(screen.getByLabelText('Authentication String').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('status').textContent).not.toContain('Update successful');
    expect(record()).toEqual(before);
  });

  it('a 4–10 digit authentication string is accepted', async () => {
    await openPhone();
    await fillCapf({ mode: 'By Authentication String', authString: '12345', completesBy: stamp(2 * HOUR) });
    await save();
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Update successful'));
    expect(record().capf.authenticationString).toBe('12345');
  });

  it.each([
    ['an impossible date', '2026:02:30:10', 'Operation Completes By: Feb 2026 has no day 30.'],
    ['an empty field', '', 'Operation Completes By (YYYY:MM:DD:HH) is required.'],
    ['a malformed value', 'tomorrow', 'Operation Completes By must be entered as YYYY:MM:DD:HH.'],
  ])('%s in Operation Completes By is refused with a clear message and changes nothing', async (_what, completesBy, message) => {
    await openPhone();
    const before = structuredClone(record());
    await fillCapf({ completesBy });
    await save();

    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain(message));
    expect(screen.getByLabelText('Operation Completes By (YYYY:MM:DD:HH)').getAttribute('aria-invalid')).toBe('true');
    expect(record()).toEqual(before);
  });

  it('"No Pending Operation" disables the other CAPF fields on the page', async () => {
    await openPhone();
    await choose('Certificate Operation', 'No Pending Operation');
    for (const label of ['Authentication Mode', 'Authentication String', 'Key Order', 'RSA Key Size (Bits)', 'EC Key Size (Bits)', 'Operation Completes By (YYYY:MM:DD:HH)']) {
      expect((screen.getByLabelText(label) as HTMLInputElement).disabled, label).toBe(true);
    }
  });

  it('choosing an operation offers Operation Completes By = now + "CAPF Operation Expires in (days)"', async () => {
    await openPhone();
    await choose('Certificate Operation', 'No Pending Operation');
    await choose('Certificate Operation', 'Delete');
    const days = session.world!.env.db.enterpriseParameters.capfOperationExpiresInDays;
    expect((screen.getByLabelText('Operation Completes By (YYYY:MM:DD:HH)') as HTMLInputElement).value).toBe(stamp(days * 24 * HOUR));
  });

  it('after Save and Apply Config the phone gets its LSC, and the page shows "Upgrade Success" with no operation pending', async () => {
    await openPhone();
    await fillCapf({ completesBy: stamp(2 * HOUR) });
    await save();
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Update successful'));

    await fireEvent.click(screen.getByRole('button', { name: 'Apply Config' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Apply Configuration Information' });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain(`Apply Config request sent to ${DEVICE}.`));

    await session.world!.runUntilSettled();
    await session.advance(0);
    await waitFor(() => expect(screen.getByText('Certificate Operation Status: Upgrade Success')).toBeTruthy());
    expect(session.world!.lsc(DEVICE)).toBe('Installed');
    expect((screen.getByLabelText('Certificate Operation') as HTMLSelectElement).value).toBe('No Pending Operation');
    expect(screen.getByRole('row', { name: /LSC Status/ }).textContent).toContain('Installed');
  });
});
