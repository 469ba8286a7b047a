/**
 * The phone's user interface as plain functions: which screen the phone shows for its state and the
 * learner's navigation (`screenView`), what a key press does (`press`), and the screen as text for
 * screen readers (`screenText`). The Svelte components only draw a `ScreenView` and forward keys.
 *
 * Wording: menu labels come from src/ui/phone/menus.ts, the LSC field and Status Messages from the world
 * (src/sim/phone/screens.ts). The boot-progress words, "Generating keys…", the prompt's error and the
 * header's clock format are our choice: the sources describe these screens without their text
 * (domain.md §1 step 7, §13).
 */
import { toLocal } from '../../sim/time';
import type { PhoneFacts, PhonePhase } from './facts';
import { STATUS_MESSAGES_SHOWN, type MenuItem, type MenuTree, type ScreenId } from './menus';

export type SoftkeyId = 'select' | 'update' | 'exit' | 'erase' | 'clear' | 'submit' | 'delete' | 'cancel' | 'ok' | 'redial' | 'newCall' | 'forwardAll';

export const SOFTKEY_LABELS: Record<SoftkeyId, string> = {
  select: 'Select',
  update: 'Update',
  exit: 'Exit',
  erase: 'Erase',
  clear: 'Clear',
  submit: 'Submit',
  delete: 'Delete',
  cancel: 'Cancel',
  ok: 'OK',
  redial: 'Redial',
  newCall: 'New Call',
  forwardAll: 'Forward All',
};

export type PhoneKey =
  | { type: 'menu' }
  | { type: 'back' }
  | { type: 'release' }
  | { type: 'up' }
  | { type: 'down' }
  | { type: 'select' }
  | { type: 'digit'; digit: string }
  | { type: 'softkey'; id: SoftkeyId }
  /** The prompt's text as typed on the computer's keyboard. */
  | { type: 'input'; value: string };

export type PhoneEffect = { type: 'submit'; authenticationString: string } | { type: 'erase' } | { type: 'note'; text: string };

export interface NavState {
  /** Open screens, outermost first; empty = the home screen. */
  stack: { id: ScreenId; index: number }[];
  /** The authentication string being typed. */
  entry: string;
  /** The prompt's on-screen error. */
  error: string;
  /** 79xx: security settings unlocked with `**#`. */
  unlocked: boolean;
  /** The last keypad characters (for `**#`). */
  typed: string;
  /** Status Messages up to this log sequence number were cleared from the screen. */
  clearedSeq: number;
}

export const initialNav = (): NavState => ({ stack: [], entry: '', error: '', unlocked: false, typed: '', clearedSeq: -1 });

/** The phone shows its menus once it has booted; a reset or restart closes them. */
export function menusAvailable(phase: PhonePhase): boolean {
  return phase !== 'off' && phase !== 'booting' && phase !== 'restarting';
}

/** Longest entry the prompt takes (the check for 4–10 digits happens on Submit). */
const MAX_ENTRY = 16;
export const AUTH_STRING_ERROR = 'Invalid authentication string: enter 4 to 10 digits';
/** How long before the end of its boot the phone shows "Configuring IP" (DHCP; our model). */
export const CONFIGURING_IP_MS = 5000;

export interface ScreenRow {
  key: string;
  num?: number;
  label: string;
  value?: string;
  /** A second line (the ITL record's subject name). */
  detail?: string;
  inert?: boolean;
}

export interface ScreenView {
  /** Changes when the learner is looking at another screen (not when a value changes). */
  id: string;
  mode: 'off' | 'message' | 'home' | 'list' | 'prompt' | 'confirm';
  header: { left: string; right: string } | null;
  title: string;
  /** Centre message: "Booting…", "Registering", "Unprovisioned" … */
  message: string;
  detail: string;
  rows: ScreenRow[];
  selected: number;
  /** Shown when a list is empty ("No Trust List installed"). */
  empty: string;
  prompt: { label: string; value: string } | null;
  error: string;
  /** The phone's notification line: "Generating keys…". */
  banner: string;
  softkeys: { id: SoftkeyId; label: string; disabled: boolean }[];
  /** 79xx: the lock state of the security settings (null where there is none). */
  locked: boolean | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The header clock, in the lab's time zone: "11:05 AM 03/16/26" (our choice of format). */
export function headerClock(now: number, zone: PhoneFacts['zone']): string {
  const t = toLocal(now, zone);
  const h12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
  return `${h12}:${pad(t.minute)} ${t.hour < 12 ? 'AM' : 'PM'} ${pad(t.month)}/${pad(t.day)}/${pad(t.year % 100)}`;
}

function softkeys(...ids: SoftkeyId[]): ScreenView['softkeys'] {
  return ids.map((id) => ({ id, label: SOFTKEY_LABELS[id], disabled: false }));
}

function statusShown(facts: PhoneFacts, nav: NavState) {
  return facts.status.filter((r) => r.seq > nav.clearedSeq).slice(-STATUS_MESSAGES_SHOWN);
}

function itemValue(item: MenuItem, facts: PhoneFacts): string | undefined {
  return item.value ? item.value(facts) : undefined;
}

/** The rows of a list screen (menus, ITL File, Status Messages). */
export function listRows(id: ScreenId, facts: PhoneFacts, nav: NavState, tree: MenuTree): ScreenRow[] {
  const def = tree.screens[id];
  if (def.kind === 'menu') {
    return def.items.map((item, i) => ({ key: `${id}/${i}`, num: i + 1, label: item.label, value: itemValue(item, facts), inert: item.inert }));
  }
  if (def.kind === 'itl') {
    return (facts.trustList ?? []).map((r, i) => ({ key: `itl/${i}`, num: i + 1, label: r.function, detail: r.subjectName }));
  }
  if (def.kind === 'statusMessages') {
    return statusShown(facts, nav).map((r) => ({ key: `status/${r.seq}`, label: r.line }));
  }
  return [];
}

const clamp = (i: number, n: number) => (n === 0 ? 0 : Math.max(0, Math.min(i, n - 1)));

function canEdit(nav: NavState, tree: MenuTree): boolean {
  return !tree.lockable || nav.unlocked;
}

/** What the phone shows. `phaseElapsedMs`: how long the phone has been in its current phase, if known. */
export function screenView(nav: NavState, facts: PhoneFacts, tree: MenuTree, phaseElapsedMs: number | null = null): ScreenView {
  const base: ScreenView = {
    id: facts.phase,
    mode: 'message',
    header: { left: facts.device, right: headerClock(facts.now, facts.zone) },
    title: '',
    message: '',
    detail: '',
    rows: [],
    selected: 0,
    empty: '',
    prompt: null,
    error: '',
    banner: facts.capfActivity === 'generating-keys' ? 'Generating keys…' : '',
    softkeys: [],
    locked: null,
  };
  switch (facts.phase) {
    case 'off':
      return { ...base, id: 'off', mode: 'off', header: null, banner: '' };
    case 'booting': {
      const late = phaseElapsedMs !== null && phaseElapsedMs >= facts.model.bootSeconds * 1000 - CONFIGURING_IP_MS;
      return { ...base, header: null, message: late ? 'Configuring IP' : 'Booting…', banner: '' };
    }
    case 'restarting':
      return { ...base, header: null, message: 'Resetting…', banner: '' };
    default:
      break;
  }
  const top = nav.stack.at(-1);
  if (!top) {
    const message =
      facts.phase === 'trustList' || facts.phase === 'downloadingConfig'
        ? 'Downloading'
        : facts.phase === 'registering'
          ? 'Registering'
          : facts.phase === 'unprovisioned'
            ? 'Unprovisioned'
            : '';
    const detail = message === 'Downloading' ? (facts.download ?? 'Trust List') : '';
    const home: ScreenView = { ...base, id: `home/${facts.phase}`, mode: 'home', message, detail };
    if (facts.phase === 'registered') home.softkeys = (['redial', 'newCall', 'forwardAll'] as SoftkeyId[]).map((id) => ({ id, label: SOFTKEY_LABELS[id], disabled: true }));
    return home;
  }
  const def = tree.screens[top.id];
  const locked = tree.lockable && (top.id === 'security' || top.id === 'trustList' || top.id === 'itl') ? !nav.unlocked : null;
  const view: ScreenView = { ...base, id: `screen/${top.id}`, title: def.title, locked };
  switch (def.kind) {
    case 'menu': {
      const rows = listRows(top.id, facts, nav, tree);
      const selected = clamp(top.index, rows.length);
      const item = def.items[selected];
      // Select is the navigation cluster's centre key; the LSC field adds Update (S13: "Select or Update").
      const keys: SoftkeyId[] = item?.lsc && canEdit(nav, tree) ? ['update', 'exit'] : ['exit'];
      return { ...view, mode: 'list', rows, selected, softkeys: softkeys(...keys) };
    }
    case 'itl': {
      const rows = listRows(top.id, facts, nav, tree);
      const keys: SoftkeyId[] = facts.trustList && canEdit(nav, tree) ? ['erase', 'exit'] : ['exit'];
      return { ...view, mode: 'list', rows, selected: clamp(top.index, rows.length), empty: 'No Trust List installed', softkeys: softkeys(...keys) };
    }
    case 'statusMessages': {
      const rows = listRows(top.id, facts, nav, tree);
      return { ...view, mode: 'list', rows, selected: clamp(top.index, rows.length), softkeys: softkeys('clear', 'exit') };
    }
    case 'authString':
      return { ...view, mode: 'prompt', prompt: { label: def.title, value: nav.entry }, error: nav.error, softkeys: softkeys('submit', 'delete', 'cancel') };
    case 'confirmErase':
      return { ...view, mode: 'confirm', message: 'Erase the ITL File?', softkeys: softkeys('cancel', 'ok') };
  }
}

const pop = (nav: NavState): NavState => ({ ...nav, stack: nav.stack.slice(0, -1), error: '' });
const push = (nav: NavState, id: ScreenId, index = 0): NavState => ({ ...nav, stack: [...nav.stack, { id, index }], error: '' });
const setIndex = (nav: NavState, index: number): NavState => ({ ...nav, stack: [...nav.stack.slice(0, -1), { ...nav.stack[nav.stack.length - 1], index }] });

/** Open the highlighted item of a menu. */
function activate(nav: NavState, facts: PhoneFacts, tree: MenuTree, index: number): { nav: NavState; effect?: PhoneEffect } {
  const top = nav.stack.at(-1)!;
  const def = tree.screens[top.id];
  if (def.kind !== 'menu') return { nav };
  const item = def.items[index];
  if (!item) return { nav };
  const at = setIndex(nav, index);
  if (item.opens) {
    // Status Messages opens on the newest message (the list is oldest first).
    const start = item.opens === 'statusMessages' ? Math.max(0, statusShown(facts, nav).length - 1) : 0;
    return { nav: push(at, item.opens, start) };
  }
  if (item.lsc) return canEdit(nav, tree) ? { nav: { ...push(at, 'authString'), entry: '' } } : { nav: at };
  if (item.inert) return { nav: at, effect: { type: 'note', text: `${item.label} is not part of this lab.` } };
  return { nav: at };
}

/**
 * What one key press does. Effects (submit, erase) are for the caller to send to the world. Leaving the
 * menus locks a 79xx's settings again.
 */
export function press(nav: NavState, key: PhoneKey, facts: PhoneFacts, tree: MenuTree): { nav: NavState; effect?: PhoneEffect } {
  const result = pressKey(nav, key, facts, tree);
  if (result.nav.stack.length === 0 && result.nav.unlocked) result.nav = { ...result.nav, unlocked: false };
  return result;
}

function pressKey(nav: NavState, key: PhoneKey, facts: PhoneFacts, tree: MenuTree): { nav: NavState; effect?: PhoneEffect } {
  if (!menusAvailable(facts.phase)) return { nav: nav.stack.length ? { ...nav, stack: [], entry: '', error: '' } : nav };
  const top = nav.stack.at(-1);
  const def = top ? tree.screens[top.id] : null;

  if (key.type === 'menu') return { nav: top ? { ...nav, stack: [], error: '' } : push(nav, 'root') };
  if (key.type === 'release') return { nav: { ...nav, stack: [], error: '' } };
  if (!top || !def) return { nav };
  if (key.type === 'back') return { nav: pop(nav) };

  if (def.kind === 'authString') {
    if (key.type === 'digit') return { nav: { ...nav, entry: (nav.entry + key.digit).slice(0, MAX_ENTRY), error: '' } };
    if (key.type === 'input') return { nav: { ...nav, entry: key.value.slice(0, MAX_ENTRY), error: '' } };
    if (key.type === 'softkey' && key.id === 'delete') return { nav: { ...nav, entry: nav.entry.slice(0, -1), error: '' } };
    if (key.type === 'softkey' && key.id === 'cancel') return { nav: { ...pop(nav), entry: '' } };
    if ((key.type === 'softkey' && key.id === 'submit') || key.type === 'select') {
      if (!/^\d{4,10}$/.test(nav.entry)) return { nav: { ...nav, error: AUTH_STRING_ERROR } };
      return { nav: { ...pop(nav), entry: '' }, effect: { type: 'submit', authenticationString: nav.entry } };
    }
    return { nav };
  }

  if (def.kind === 'confirmErase') {
    if (key.type === 'softkey' && key.id === 'ok') return { nav: pop(nav), effect: { type: 'erase' } };
    if (key.type === 'softkey' && key.id === 'cancel') return { nav: pop(nav) };
    return { nav };
  }

  const rows = listRows(top.id, facts, nav, tree);
  const index = clamp(top.index, rows.length);
  if (key.type === 'up') return { nav: setIndex(nav, clamp(index - 1, rows.length)) };
  if (key.type === 'down') return { nav: setIndex(nav, clamp(index + 1, rows.length)) };
  if (key.type === 'softkey' && key.id === 'exit') return { nav: pop(nav) };

  if (key.type === 'digit') {
    const typed = (nav.typed + key.digit).slice(-3);
    if (tree.lockable && typed === '**#') {
      const unlocked = !nav.unlocked;
      return { nav: { ...nav, typed: '', unlocked }, effect: { type: 'note', text: unlocked ? 'Settings unlocked (**#).' : 'Settings locked (**#).' } };
    }
    const n = Number(key.digit);
    if (def.kind === 'menu' && Number.isInteger(n) && n >= 1 && n <= rows.length) return activate({ ...nav, typed }, facts, tree, n - 1);
    return { nav: { ...nav, typed } };
  }

  if (def.kind === 'menu') {
    if (key.type === 'select' || (key.type === 'softkey' && key.id === 'select')) return activate(nav, facts, tree, index);
    if (key.type === 'softkey' && key.id === 'update') {
      const item = def.items[index];
      if (item?.lsc && canEdit(nav, tree)) return { nav: { ...push(nav, 'authString'), entry: '' } };
    }
    return { nav };
  }
  if (def.kind === 'itl' && key.type === 'softkey' && key.id === 'erase' && facts.trustList && canEdit(nav, tree)) return { nav: push(nav, 'confirmErase') };
  if (def.kind === 'statusMessages' && key.type === 'softkey' && key.id === 'clear') {
    const last = facts.status.at(-1);
    return { nav: last ? { ...setIndex(nav, 0), clearedSeq: last.seq } : nav };
  }
  return { nav };
}

/** The screen as plain text, one line per thing a sighted learner can read on it. */
export function screenText(view: ScreenView): string {
  const lines: string[] = [];
  if (view.mode === 'off') return 'The phone is off.';
  if (view.header) lines.push(`${view.header.left}    ${view.header.right}`);
  if (view.title) lines.push(view.locked === null ? view.title : `${view.title} (${view.locked ? 'locked' : 'unlocked'})`);
  if (view.message) lines.push(view.message);
  if (view.detail) lines.push(view.detail);
  view.rows.forEach((r, i) => {
    const text = `${r.num !== undefined ? `${r.num} - ` : ''}${r.label}${r.value !== undefined ? `: ${r.value}` : ''}${r.detail ? ` (${r.detail})` : ''}`;
    lines.push(i === view.selected && view.mode === 'list' ? `> ${text}` : `  ${text}`);
  });
  if (view.mode === 'list' && view.rows.length === 0 && view.empty) lines.push(view.empty);
  if (view.prompt) lines.push(`${view.prompt.label}: ${view.prompt.value}`);
  if (view.error) lines.push(view.error);
  if (view.banner) lines.push(view.banner);
  const keys = view.softkeys.filter((s) => !s.disabled).map((s) => s.label);
  if (keys.length) lines.push(`Softkeys: ${keys.join(', ')}`);
  return lines.join('\n');
}
