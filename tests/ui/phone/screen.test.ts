/**
 * The phone's menus and keys without a DOM: every model's LSC menu path (models.ts) leads to the LSC field,
 * 79xx menus are numbered as in the seed ("Settings > 4 - Security Configuration > 4 - LSC"), and the
 * authentication-string prompt refuses what is not 4 to 10 digits without sending anything.
 */
import { describe, expect, it } from 'vitest';
import type { PhoneFacts } from '../../../src/ui/phone/facts';
import { phaseOf } from '../../../src/ui/phone/facts';
import { findPath, menuTree, type MenuTree } from '../../../src/ui/phone/menus';
import { AUTH_STRING_ERROR, initialNav, press, screenText, screenView, type NavState, type PhoneKey } from '../../../src/ui/phone/screen';
import { PHONE_MODELS } from '../../../src/sim/phone/models';
import { US_EASTERN } from '../../../src/sim/time';

function facts(model = 'CP-8845', over: Partial<PhoneFacts> = {}): PhoneFacts {
  return {
    device: 'SEP682C7B5C2342',
    description: `Cisco IP Phone ${model} (SEP682C7B5C2342)`,
    ip: '10.122.138.150',
    model: PHONE_MODELS[model],
    phase: 'registered',
    registeredState: 'idle',
    lsc: 'Not Installed',
    capfActivity: 'idle',
    capfServer: 'ao115pub.brianw2.lab',
    capfPort: 3804,
    activeServer: 'ao115pub.brianw2.lab',
    mic: true,
    trustList: [{ function: 'CAPF', subjectName: 'CN=CAPF-7f0ae8d7;OU=TAC;O=Cisco Systems;L=Boxborough;ST=MA;C=US' }],
    download: null,
    status: [],
    now: Date.UTC(2026, 2, 16, 15, 5),
    zone: US_EASTERN,
    ...over,
  };
}

function run(tree: MenuTree, f: PhoneFacts, keys: PhoneKey[], nav: NavState = initialNav()) {
  const effects = [];
  for (const key of keys) {
    const r = press(nav, key, f, tree);
    nav = r.nav;
    if (r.effect) effects.push(r.effect);
  }
  return { nav, effects, view: screenView(nav, f, tree) };
}

const digits = (s: string): PhoneKey[] => [...s].map((digit) => ({ type: 'digit', digit }));

describe('phone menus', () => {
  it.each(Object.values(PHONE_MODELS).map((m) => [m.model, m] as const))('%s: the model’s LSC menu path leads to the LSC field', (_, model) => {
    const tree = menuTree(model);
    const steps = findPath(tree, model.lscMenuPath);
    expect(steps).not.toBeNull();
    const last = steps!.at(-1)!;
    const def = tree.screens[last.screen];
    expect(def.kind === 'menu' && def.items[last.index].lsc).toBe(true);
    expect(tree.menuKey).toBe(model.lscMenuPath[0]);
  });

  it('79xx: Settings > 4 - Security Configuration > 4 - LSC, as numbered in the seed', () => {
    const f = facts('CP-7965');
    const tree = menuTree(f.model);
    const { view } = run(tree, f, [{ type: 'menu' }, ...digits('4')]);
    expect(view.title).toBe('Security Configuration');
    expect(screenText(view)).toContain('4 - LSC: Not Installed');
    expect(findPath(tree, ['Settings', 'Security Configuration', 'LSC'])!.map((s) => s.index + 1)).toEqual([4, 4]);
  });

  it('79xx: the security settings are locked until **# is typed; then Update opens the prompt', () => {
    const f = facts('CP-7965', { lsc: 'Pending', registeredState: 'awaitingAuthenticationString' });
    const tree = menuTree(f.model);
    const locked = run(tree, f, [{ type: 'menu' }, ...digits('4'), { type: 'down' }, { type: 'down' }, { type: 'down' }]);
    expect(locked.view.locked).toBe(true);
    expect(locked.view.softkeys.map((k) => k.label)).toEqual(['Exit']);
    const unlocked = run(tree, f, [...digits('**#')], locked.nav);
    expect(unlocked.view.locked).toBe(false);
    expect(unlocked.view.softkeys.map((k) => k.label)).toEqual(['Update', 'Exit']);
    const prompt = run(tree, f, [{ type: 'softkey', id: 'update' }], unlocked.nav);
    expect(prompt.view.mode).toBe('prompt');
    // Leaving the menus locks them again.
    expect(run(tree, f, [{ type: 'release' }], prompt.nav).nav.unlocked).toBe(false);
  });

  it('88xx: Applications > Admin Settings > Security Setup lists the LSC field, the CAPF server and the security mode', () => {
    const f = facts('CP-8845', { lsc: 'Pending' });
    const tree = menuTree(f.model);
    const { view } = run(tree, f, [{ type: 'menu' }, ...digits('2'), ...digits('1')]);
    const text = screenText(view);
    expect(view.title).toBe('Security Setup');
    expect(text).toContain('LSC: Pending');
    expect(text).toContain('CAPF Server: ao115pub.brianw2.lab:3804');
    expect(text).toContain('Security Mode: Non-Secure');
  });

  it('the authentication string must be 4 to 10 digits: anything else stays on screen with an error and sends nothing', () => {
    const f = facts('CP-8845', { lsc: 'Pending', registeredState: 'awaitingAuthenticationString' });
    const tree = menuTree(f.model);
    const atLsc = run(tree, f, [{ type: 'menu' }, ...digits('2'), ...digits('1'), { type: 'down' }, { type: 'down' }]);
    expect(atLsc.view.softkeys.map((k) => k.label)).toEqual(['Update', 'Exit']);
    const submit: PhoneKey = { type: 'softkey', id: 'submit' };
    const open: PhoneKey = { type: 'softkey', id: 'update' };
    for (const bad of ['123', '12345678901', '12*4']) {
      const r = run(tree, f, [open, ...digits(bad), submit], atLsc.nav);
      expect(r.effects).toEqual([]);
      expect(r.view.mode).toBe('prompt');
      expect(r.view.error).toBe(AUTH_STRING_ERROR);
    }
    const typed = run(tree, f, [open, { type: 'input', value: 'abcd' }, submit], atLsc.nav);
    expect(typed.effects).toEqual([]);
    for (const good of ['1234', '1234567890']) {
      const r = run(tree, f, [open, ...digits(good), submit], atLsc.nav);
      expect(r.effects).toEqual([{ type: 'submit', authenticationString: good }]);
      expect(r.view.title).toBe('Security Setup');
    }
  });

  it('the phone’s state decides the screen: off, booting, resetting, downloading, registering, unprovisioned', () => {
    expect(phaseOf('off')).toBe('off');
    expect(phaseOf({ on: 'booting' })).toBe('booting');
    expect(phaseOf({ on: 'restarting' })).toBe('restarting');
    expect(phaseOf({ on: { trustList: 'fetchingItl' } })).toBe('trustList');
    expect(phaseOf({ on: { configuring: 'fetching' } })).toBe('downloadingConfig');
    expect(phaseOf({ on: { configuring: 'settling' } })).toBe('registering');
    expect(phaseOf({ on: 'unprovisioned' })).toBe('unprovisioned');
    expect(phaseOf({ on: { registered: 'capfOperation' } })).toBe('registered');
    const tree = menuTree(PHONE_MODELS['CP-8845']);
    expect(screenView(initialNav(), facts('CP-8845', { phase: 'booting' }), tree, 1000).message).toBe('Booting…');
    expect(screenView(initialNav(), facts('CP-8845', { phase: 'booting' }), tree, 44_000).message).toBe('Configuring IP');
    expect(screenView(initialNav(), facts('CP-8845', { phase: 'restarting' }), tree).message).toBe('Resetting…');
    expect(screenView(initialNav(), facts('CP-8845', { phase: 'downloadingConfig', download: 'SEP682C7B5C2342.cnf.xml.sgn' }), tree).detail).toBe(
      'SEP682C7B5C2342.cnf.xml.sgn',
    );
    expect(screenView(initialNav(), facts('CP-8845', { phase: 'off' }), tree).mode).toBe('off');
    // Booting closes the menus.
    const open = run(tree, facts(), [{ type: 'menu' }]).nav;
    expect(press(open, { type: 'up' }, facts('CP-8845', { phase: 'booting' }), tree).nav.stack).toEqual([]);
  });

  it('the header shows the device name and the clock in the lab’s time zone', () => {
    const view = screenView(initialNav(), facts(), menuTree(PHONE_MODELS['CP-8845']));
    // 15:05 UTC on 16 March 2026 is 11:05 EDT.
    expect(view.header).toEqual({ left: 'SEP682C7B5C2342', right: '11:05 AM 03/16/26' });
  });
});
