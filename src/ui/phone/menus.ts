/**
 * The phone's menus, per model family, built around the model's own path to the LSC field
 * (`PhoneModel.lscMenuPath` in src/sim/phone/models.ts, the one place that says it):
 *
 * - 78xx/88xx: "Applications > Admin Settings > Security Setup > LSC" (S13, domain.md §9.1), with
 *   "Applications > Phone Information" and "Admin Settings > Status > Status Messages" (S12);
 * - 79xx: "Settings > 4 - Security Configuration > 4 - LSC" (numbered items, seed §5), with the security
 *   settings locked until the learner types `**#` (domain.md §9.1).
 *
 * Items around the documented ones (which others a menu lists, in what order) are our choice; the 79xx
 * lists are ordered so that Security Configuration and LSC are item 4, as in the seed.
 */
import type { PhoneModel } from '../../sim/phone/models';
import type { PhoneFacts } from './facts';

export type ScreenId = 'root' | 'admin' | 'security' | 'trustList' | 'status' | 'phoneInfo' | 'itl' | 'statusMessages' | 'authString' | 'confirmErase';

export interface MenuItem {
  label: string;
  /** A read-only value shown next to the label. */
  value?: (f: PhoneFacts) => string;
  /** The screen Select opens. */
  opens?: ScreenId;
  /** The LSC field: Select or Update open the authentication-string prompt. */
  lsc?: boolean;
  /** An entry the real menu has that the lab does not model. */
  inert?: boolean;
}

export type ScreenDef =
  | { kind: 'menu'; title: string; items: MenuItem[] }
  | { kind: 'itl'; title: string }
  | { kind: 'statusMessages'; title: string }
  | { kind: 'authString'; title: string }
  | { kind: 'confirmErase'; title: string };

export interface MenuTree {
  family: '88xx' | '79xx';
  /** The hard key that opens the menus: "Applications" (cog) on 88xx, "Settings" on 79xx. */
  menuKey: string;
  /** 79xx security settings are locked until `**#` is typed. */
  lockable: boolean;
  screens: Record<ScreenId, ScreenDef>;
}

/** How many Status Messages the phone keeps on screen (S12: "the 30 most recent"). */
export const STATUS_MESSAGES_SHOWN = 30;

const NON_SECURE = 'Non-Secure';
const installed = (yes: boolean) => (yes ? 'Installed' : 'Not Installed');
const capfServer = (f: PhoneFacts) => (f.capfServer ? `${f.capfServer}${f.capfPort ? `:${f.capfPort}` : ''}` : '');

export function menuTree(model: PhoneModel): MenuTree {
  const path = model.lscMenuPath;
  const newer = path[0] === 'Applications';
  const lscLabel = path[path.length - 1];
  const securityTitle = path[path.length - 2];
  // The menus on the way to the security menu, each opening the next; the last opens 'security'.
  const chain = path.slice(0, -2);
  const chainIds: ScreenId[] = chain.map((_, i) => (i === 0 ? 'root' : 'admin'));
  if (chain.length > 2) throw new Error(`menuTree: ${model.model}'s LSC path is deeper than the lab's menus (${path.join(' > ')})`);
  const next = (i: number): MenuItem => ({ label: i + 1 < chain.length ? chain[i + 1] : securityTitle, opens: i + 1 < chain.length ? chainIds[i + 1] : 'security' });

  const phoneInfoTitle = newer ? 'Phone Information' : 'Model Information';
  const status: MenuItem = { label: 'Status', opens: 'status' };
  const rootItems: MenuItem[] = newer
    ? [{ label: phoneInfoTitle, opens: 'phoneInfo' }, next(0), ...(chain.length === 1 ? [status] : [])]
    : [{ label: 'User Preferences', inert: true }, { label: 'Network Configuration', inert: true }, { label: 'Device Configuration', inert: true }, next(0), { label: phoneInfoTitle, opens: 'phoneInfo' }, status];

  const lsc: MenuItem = { label: lscLabel, value: (f) => f.lsc, lsc: true };
  const securityItems: MenuItem[] = newer
    ? [
        { label: 'Security Mode', value: () => NON_SECURE },
        { label: 'MIC', value: (f) => installed(f.mic) },
        lsc,
        { label: 'CAPF Server', value: capfServer },
        { label: 'Trust List', opens: 'trustList' },
      ]
    : [
        { label: 'Web Access Enabled', value: () => 'Yes' },
        { label: 'Security Mode', value: () => NON_SECURE },
        { label: 'MIC', value: (f) => installed(f.mic) },
        lsc,
        { label: 'Trust List', opens: 'trustList' },
        { label: 'CAPF Server', value: capfServer },
      ];

  const screens: Record<ScreenId, ScreenDef> = {
    root: { kind: 'menu', title: path[0], items: rootItems },
    admin: { kind: 'menu', title: chain[1] ?? '', items: chain.length > 1 ? [next(1), status] : [] },
    security: { kind: 'menu', title: securityTitle, items: securityItems },
    trustList: {
      kind: 'menu',
      title: 'Trust List',
      items: [
        // The lab's clusters are not in mixed mode: there is no CTL (domain.md §8, "File Not Found <CTLFile.tlv>").
        { label: 'CTL File', value: () => 'Not Installed' },
        { label: 'ITL File', opens: 'itl' },
      ],
    },
    status: { kind: 'menu', title: 'Status', items: [{ label: 'Status Messages', opens: 'statusMessages' }] },
    phoneInfo: {
      kind: 'menu',
      title: phoneInfoTitle,
      items: [
        { label: 'Model Number', value: (f) => f.model.model },
        { label: 'IPv4 Address', value: (f) => (f.phase === 'off' ? '' : f.ip) },
        { label: 'Host Name', value: (f) => f.device },
        { label: 'MAC Address', value: (f) => f.device.replace(/^SEP/, '') },
        { label: 'Active Load', value: (f) => f.model.firmware },
        { label: 'Active Server', value: (f) => f.activeServer },
      ],
    },
    itl: { kind: 'itl', title: 'ITL File' },
    statusMessages: { kind: 'statusMessages', title: 'Status Messages' },
    authString: { kind: 'authString', title: 'Authentication String' },
    confirmErase: { kind: 'confirmErase', title: 'ITL File' },
  };
  return { family: newer ? '88xx' : '79xx', menuKey: path[0], lockable: !newer, screens };
}

/** The screens one walks through, by item label, to reach `labels` (for tests and the lesson texts). */
export function findPath(tree: MenuTree, labels: readonly string[]): { screen: ScreenId; index: number }[] | null {
  const steps: { screen: ScreenId; index: number }[] = [];
  let screen: ScreenId = 'root';
  if (labels[0] !== (tree.screens.root as { title: string }).title) return null;
  for (const label of labels.slice(1)) {
    const def: ScreenDef = tree.screens[screen];
    if (def.kind !== 'menu') return null;
    const index = def.items.findIndex((i: MenuItem) => i.label === label);
    if (index < 0) return null;
    steps.push({ screen, index });
    const item: MenuItem = def.items[index];
    if (!item.opens) return steps;
    screen = item.opens;
  }
  return steps;
}
