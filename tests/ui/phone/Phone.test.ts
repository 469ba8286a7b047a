// @vitest-environment happy-dom
/**
 * The phone page on a real lab world, driven the way a learner does it: the keys of the handset (and the
 * computer's keyboard), reading what the screen shows. The seed article's step 7: the LSC field goes
 * Pending, the phone generates keys, resets, and shows Installed; the Status Messages carry the line
 * "[hh:mm:ss mm/dd/yy] SEP682C7B5C2342.cnf.xml.sgn(HTTP)".
 */
import { cleanup, fireEvent, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { operationCompletesByString } from '../../../src/sim/time';
import Phone from '../../../src/ui/phone/Phone.svelte';
import type { LabSession } from '../../../src/ui/session.svelte';
import { createTestSession, renderScreen } from '../session';

const PHONE = 'SEP682C7B5C2342';
let session: LabSession | undefined;

afterEach(() => {
  cleanup();
  session?.dispose();
  session = undefined;
});

const display = () => screen.getByTestId('phone-screen');
/** The plain-text mirror of the screen (what a screen reader user reads). */
const screenText = () => screen.getByTestId('phone-screen-text').textContent ?? '';
const button = (name: string) => screen.getByRole('button', { name });

async function pressKey(name: string) {
  await fireEvent.click(button(name));
  await tick();
}

/** Choose a menu item by its number on the keypad, as on the phone. */
async function pick(label: string) {
  const options = within(display()).getAllByRole('option');
  const index = options.findIndex((o) => o.querySelector('.label')?.textContent === label);
  expect(index, `"${label}" in ${options.map((o) => o.textContent).join(' | ')}`).toBeGreaterThanOrEqual(0);
  await pressKey(String(index + 1));
}

async function openMenu(...labels: string[]) {
  await pressKey('Release');
  await pressKey('Applications');
  for (const label of labels) await pick(label);
}

/** The value of a row of the open menu, as the screen shows it. */
function rowValue(label: string): string | undefined {
  const row = within(display())
    .getAllByRole('option')
    .find((o) => o.querySelector('.label')?.textContent === label);
  return row?.querySelector('.value')?.textContent ?? undefined;
}

async function advance(ms: number) {
  await session!.advance(ms);
  await tick();
}

const phoneState = () => JSON.stringify(session!.world!.stateOf(`phone/${PHONE}`));

describe('the phone', () => {
  it('after boot: Applications > Admin Settings > Security Setup shows LSC Not Installed, the CAPF server and the security mode', async () => {
    session = await createTestSession();
    renderScreen(session, Phone, { device: PHONE });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Cisco IP Phone CP-8845 (SEP682C7B5C2342)');
    expect(within(display()).getByText(PHONE)).toBeTruthy();
    expect(screen.getByTestId('phone-clock').textContent).toMatch(/^\d{1,2}:\d\d [AP]M 03\/16\/26$/);

    await openMenu('Admin Settings', 'Security Setup');
    expect(within(display()).getByRole('listbox', { name: 'Security Setup' })).toBeTruthy();
    expect(rowValue('LSC')).toBe('Not Installed');
    expect(rowValue('CAPF Server')).toBe('ao115pub.brianw2.lab:3804');
    expect(rowValue('Security Mode')).toBe('Non-Secure');
    expect(screenText()).toContain('3 - LSC: Not Installed');
    // The softkeys are buttons named by their labels; Update is offered on the LSC field.
    expect(screen.queryByRole('button', { name: 'Update' })).toBeNull();
    await pressKey('Down');
    await pressKey('Down');
    expect(button('Update')).toBeTruthy();
    expect(button('Exit')).toBeTruthy();
    expect(screenText()).toContain('> 3 - LSC: Not Installed');
  });

  it('works from the keyboard: arrows move, Enter selects, Escape goes back; the focus follows the screen', async () => {
    session = await createTestSession();
    renderScreen(session, Phone, { device: PHONE });
    await pressKey('Applications');
    const apps = within(display()).getByRole('listbox', { name: 'Applications' });
    expect(document.activeElement).toBe(apps);
    await fireEvent.keyDown(apps, { key: 'ArrowDown' });
    await fireEvent.keyDown(apps, { key: 'Enter' });
    await tick();
    const admin = within(display()).getByRole('listbox', { name: 'Admin Settings' });
    expect(document.activeElement).toBe(admin);
    await fireEvent.keyDown(admin, { key: 'Enter' });
    await tick();
    expect(within(display()).getByRole('listbox', { name: 'Security Setup' })).toBeTruthy();
    await fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await tick();
    expect(within(display()).getByRole('listbox', { name: 'Admin Settings' })).toBeTruthy();
    // The navigation cluster's buttons do the same.
    await pressKey('Down');
    await pressKey('Select');
    expect(within(display()).getByRole('listbox', { name: 'Status' })).toBeTruthy();
    await pressKey('Back');
    await pressKey('Back');
    await pressKey('Back');
    expect(within(display()).queryByRole('listbox')).toBeNull();
  });

  it('seed procedure: the LSC field goes Pending, the phone shows it generates keys exactly while it does, resets, and shows Installed', async () => {
    session = await createTestSession();
    renderScreen(session, Phone, { device: PHONE });
    for (const action of session.api!.seedProcedure(session.world!)) expect((await session.act(action)).ok).toBe(true);
    // Apply Config: CUCM's NOTIFY (Event: service-control) reaches the phone, and it restarts.
    for (let i = 0; i < 20 && !phoneState().includes('restarting'); i++) await advance(100);
    expect(screenText()).toContain('Resetting…');

    for (let i = 0; i < 30 && !phoneState().includes('registered'); i++) await advance(1000);
    expect(phoneState()).toContain('capfOperation');
    await openMenu('Admin Settings', 'Security Setup');
    expect(rowValue('LSC')).toBe('Pending');

    let sawKeys = false;
    for (let i = 0; i < 120 && phoneState().includes('registered'); i++) {
      const generating = session.world!.phoneContext(PHONE)!.capfActivity === 'generating-keys';
      expect(screen.queryByTestId('phone-banner')?.textContent ?? '').toBe(generating ? 'Generating keys…' : '');
      if (generating) {
        sawKeys = true;
        expect(rowValue('LSC')).toBe('Pending');
        expect(screenText()).toContain('Generating keys…');
      }
      await advance(1000);
    }
    expect(sawKeys).toBe(true);
    // The phone resets after storing its LSC: the menus close and it boots.
    expect(phoneState()).toContain('booting');
    expect(within(display()).queryByRole('listbox')).toBeNull();
    expect(screenText()).toContain('Booting…');
    // The keyboard was in the menu that went away: it stays on the phone's screen.
    await tick();
    expect(document.activeElement).toBe(display());

    await session.world!.runUntilSettled();
    await advance(0);
    await openMenu('Admin Settings', 'Security Setup');
    expect(rowValue('LSC')).toBe('Installed');

    await openMenu('Admin Settings', 'Status', 'Status Messages');
    const lines = within(display())
      .getAllByRole('option')
      .map((o) => o.textContent?.trim());
    const records = session.world!.env.log.records.filter((r) => r.source === 'phone-status' && r.host === PHONE).map((r) => r.line);
    expect(lines).toEqual(records.slice(-30));
    expect(lines.some((l) => /^\[\d\d:\d\d:\d\d \d\d\/\d\d\/\d\d\] SEP682C7B5C2342\.cnf\.xml\.sgn\(HTTP\)$/.test(l ?? ''))).toBe(true);
    expect(lines).toContain(records.find((l) => l.endsWith('LSC: Installed')));
    // Clear only empties the screen; the phone's log keeps every message.
    await pressKey('Clear');
    expect(within(display()).queryAllByRole('option')).toHaveLength(0);
    expect(session.world!.env.log.records.filter((r) => r.source === 'phone-status' && r.host === PHONE)).toHaveLength(records.length);
  });

  it('Trust List > ITL File lists the CAPF record; Erase asks first, then the phone has no trust list', async () => {
    session = await createTestSession();
    renderScreen(session, Phone, { device: PHONE });
    await openMenu('Admin Settings', 'Security Setup', 'Trust List', 'ITL File');
    const records = within(display()).getAllByRole('option');
    const capf = records.find((o) => o.querySelector('.label')?.textContent === 'CAPF');
    expect(capf?.querySelector('.detail')?.textContent).toBe('CN=CAPF-7f0ae8d7;OU=TAC;O=Cisco Systems;L=Boxborough;ST=MA;C=US');
    expect(screenText()).toMatch(/CAPF \(CN=CAPF-7f0ae8d7;/);

    await pressKey('Erase');
    expect(within(display()).getByText('Erase the ITL File?')).toBeTruthy();
    await pressKey('Cancel');
    expect(session.world!.phoneContext(PHONE)!.trustList).not.toBeNull();
    await pressKey('Erase');
    await pressKey('OK');
    await advance(0);
    expect(session.world!.phoneContext(PHONE)!.trustList).toBeNull();
    expect(within(display()).getByText('No Trust List installed')).toBeTruthy();
    expect(session.world!.actions.map((a) => a.action.type)).toEqual(['phone.trustList.erase']);
  });

  it('By Authentication String: a 3-digit entry is refused on the screen; the right string entered with Update/Submit installs the LSC', async () => {
    session = await createTestSession();
    const world = session.world!;
    const record = world.env.db.phone(PHONE)!;
    const saved = await session.act({
      type: 'cucm.phone.save',
      device: PHONE,
      capf: {
        certificateOperation: 'Install/Upgrade',
        authenticationMode: 'By Authentication String',
        authenticationString: '123456',
        keyOrder: record.capf.keyOrder,
        rsaKeySize: record.capf.rsaKeySize,
        ecKeySize: record.capf.ecKeySize,
        operationCompletesBy: operationCompletesByString(world.now + 2 * 3600 * 1000, world.env.zone),
      },
    });
    expect(saved.ok).toBe(true);
    expect((await session.act({ type: 'cucm.phone.applyConfig', device: PHONE })).ok).toBe(true);
    await world.runUntilSettled();
    renderScreen(session, Phone, { device: PHONE });
    await advance(0);

    await openMenu('Admin Settings', 'Security Setup');
    expect(rowValue('LSC')).toBe('Pending');
    // Highlight LSC, then Update.
    await pressKey('Down');
    await pressKey('Down');
    await pressKey('Update');
    const entry = within(display()).getByLabelText('Authentication String') as HTMLInputElement;
    expect(document.activeElement).toBe(entry);
    for (const d of '123') await pressKey(d);
    expect(entry.value).toBe('123');
    await pressKey('Submit');
    expect(within(display()).getByRole('alert').textContent).toMatch(/4 to 10 digits/);
    expect(world.actions.some((a) => a.action.type === 'phone.lsc.submit')).toBe(false);

    // Correct it: Delete the three digits, type the string on the computer's keyboard.
    for (let i = 0; i < 3; i++) await pressKey('Delete');
    await fireEvent.input(entry, { target: { value: '123456' } });
    await pressKey('Submit');
    await advance(0);
    expect(world.actions.at(-1)!.action).toEqual({ type: 'phone.lsc.submit', device: PHONE, authenticationString: '123456' });
    expect(within(display()).getByRole('listbox', { name: 'Security Setup' })).toBeTruthy();

    await world.runUntilSettled();
    await advance(0);
    await openMenu('Admin Settings', 'Security Setup');
    expect(rowValue('LSC')).toBe('Installed');
  });

  it('a CP-7965 (fault capf.ec-only-unsupported) uses its numbered menu: Settings > 4 - Security Configuration > 4 - LSC', async () => {
    session = await createTestSession();
    await session.reset({ faults: ['capf.ec-only-unsupported'] });
    await session.world!.runUntilSettled();
    renderScreen(session, Phone, { device: PHONE });
    await advance(0);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Cisco IP Phone CP-7965 (SEP682C7B5C2342)');
    expect(screen.queryByRole('button', { name: 'Applications' })).toBeNull();
    await pressKey('Settings');
    await pressKey('4');
    expect(within(display()).getByRole('listbox', { name: 'Security Configuration' })).toBeTruthy();
    expect(screenText()).toContain('4 - LSC: Not Installed');
    expect(screenText()).toContain('Security Configuration (locked)');
  });

  it('Power off darkens the screen; Power on boots the phone; Applications > Phone Information names the phone', async () => {
    session = await createTestSession();
    renderScreen(session, Phone, { device: PHONE });
    await openMenu('Phone Information');
    expect(rowValue('Model Number')).toBe('CP-8845');
    expect(rowValue('MAC Address')).toBe('682C7B5C2342');
    expect(rowValue('IPv4 Address')).toBe('10.122.138.150');
    expect(rowValue('Active Load')).toBe('sip88xx.12-8-1-0001-455');

    await pressKey('Power off');
    await advance(0);
    expect(screenText()).toBe('The phone is off.');
    expect((button('Reset') as HTMLButtonElement).disabled).toBe(true);
    await pressKey('Power');
    await advance(0);
    expect(screenText()).toContain('Booting…');
    expect(button('Power off')).toBeTruthy();
  });
});
