/**
 * A statechart as the page draws it, read from the machine definition itself (XState v5 `machine.root`:
 * each StateNode's `states`, `initial`, `type`, `transitions`, `always`, `after`, `invoke`, `entry`,
 * `exit`), never drawn by hand: when a machine changes, its picture changes with it. The live actor's
 * `snapshot.value` says which of these states are active.
 */
import type { AnyActorRef, AnyStateMachine, StateValue } from 'xstate';
import { t } from '../i18n.svelte';

export type TransitionKind = 'event' | 'after' | 'always' | 'done' | 'error';

export interface ChartTransition {
  kind: TransitionKind;
  /** What triggers it, as a person reads it: "service.start", "after startup (5 s)", "when judgeTrustList is done". */
  trigger: string;
  /** The raw event type the machine listens to (for tests and tooltips). */
  eventType: string;
  /** Guard name, or "a condition" for an unnamed one. */
  guard?: string;
  /** Target state paths ("on.registered"); empty = stays in the state and runs its actions. */
  targets: string[];
  actions: string[];
}

export interface ChartState {
  /** Dotted path from the root ("" for the root): the key this page uses for highlighting. */
  path: string;
  key: string;
  type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  /** Key of the initial child (compound states). */
  initial?: string;
  children: ChartState[];
  transitions: ChartTransition[];
  entry: string[];
  exit: string[];
  invokes: string[];
  description?: string;
}

/** The subset of StateNode this module reads (keeps it independent of XState's generics). */
interface NodeLike {
  key: string;
  path: string[];
  type: ChartState['type'];
  description?: string;
  states: Record<string, NodeLike>;
  transitions: Map<string, TransitionLike[]>;
  always?: TransitionLike[];
  after: Array<TransitionLike & { delay: unknown }>;
  invoke: Array<{ id: string; src: unknown }>;
  entry: unknown[];
  exit: unknown[];
  initial?: { target: ReadonlyArray<{ key: string }> };
}

interface TransitionLike {
  eventType: string;
  guard?: unknown;
  target?: ReadonlyArray<{ path: string[] }>;
  actions: readonly unknown[];
}

/** "5 s", "30 min", "250 ms". */
export function formatDelay(ms: number): string {
  if (ms % 3_600_000 === 0 && ms >= 3_600_000) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0 && ms >= 60_000) return `${ms / 60_000} min`;
  if (ms % 1000 === 0 && ms >= 1000) return `${ms / 1000} s`;
  return `${ms} ms`;
}

function nameOf(thing: unknown): string | undefined {
  if (typeof thing === 'string') return thing;
  if (thing && typeof thing === 'object' && 'type' in thing && typeof (thing as { type: unknown }).type === 'string') return (thing as { type: string }).type;
  return undefined;
}

function guardName(guard: unknown): string | undefined {
  if (guard === undefined) return undefined;
  return nameOf(guard) ?? 'a condition';
}

/** Named actions only: inline functions and XState's built-ins (assign, raise …) have no name worth showing. */
function actionNames(actions: readonly unknown[]): string[] {
  return actions.map(nameOf).filter((n): n is string => n !== undefined && !n.startsWith('xstate.'));
}

function srcName(src: unknown): string {
  if (typeof src === 'string') return src;
  return nameOf(src) ?? 'an actor';
}

function delayText(delay: unknown, delays: Record<string, unknown>): string {
  if (typeof delay === 'number') return formatDelay(delay);
  if (typeof delay === 'string') {
    const value = delays[delay];
    return typeof value === 'number' ? `${delay} (${formatDelay(value)})` : `${delay} (varies)`;
  }
  return 'a computed delay';
}

function describeTransition(node: NodeLike, t: TransitionLike, delays: Record<string, unknown>, always = false): ChartTransition {
  const base = {
    eventType: always ? '' : t.eventType,
    guard: guardName(t.guard),
    targets: (t.target ?? []).map((s) => s.path.join('.')),
    actions: actionNames(t.actions),
  };
  if (always) return { ...base, kind: 'always', trigger: 'immediately' };
  const type = t.eventType;
  if (type.startsWith('xstate.after.')) {
    const after = node.after.find((a) => a.eventType === type);
    return { ...base, kind: 'after', trigger: `after ${after ? delayText(after.delay, delays) : 'a delay'}` };
  }
  for (const [prefix, kind, verb] of [
    ['xstate.done.actor.', 'done', 'is done'],
    ['xstate.error.actor.', 'error', 'fails'],
  ] as const) {
    if (type.startsWith(prefix)) {
      const id = type.slice(prefix.length);
      const invoked = node.invoke.find((i) => i.id === id);
      const who = invoked ? srcName(invoked.src) : id === '*' ? 'any invoked actor' : 'an invoked actor';
      return { ...base, kind, trigger: `when ${who} ${verb}` };
    }
  }
  return { ...base, kind: 'event', trigger: type };
}

function toChart(node: NodeLike, delays: Record<string, unknown>): ChartState {
  const transitions: ChartTransition[] = [];
  for (const list of node.transitions.values()) for (const t of list) transitions.push(describeTransition(node, t, delays));
  for (const t of node.always ?? []) transitions.push(describeTransition(node, t, delays, true));
  return {
    path: node.path.join('.'),
    key: node.key,
    type: node.type,
    initial: node.type === 'compound' ? node.initial?.target[0]?.key : undefined,
    children: Object.values(node.states).map((c) => toChart(c, delays)),
    transitions,
    entry: actionNames(node.entry),
    exit: actionNames(node.exit),
    invokes: node.invoke.map((i) => srcName(i.src)),
    description: node.description,
  };
}

/** The whole chart of a machine definition. */
export function chartOf(machine: AnyStateMachine): ChartState {
  const delays = (machine.implementations?.delays ?? {}) as Record<string, unknown>;
  return toChart(machine.root as unknown as NodeLike, delays);
}

/** Paths of every active state for a snapshot value: { on: { registered: 'idle' } } → "", "on", "on.registered", "on.registered.idle". */
export function activePaths(value: StateValue | undefined): Set<string> {
  const out = new Set<string>();
  if (value === undefined) return out;
  out.add('');
  const walk = (v: StateValue, prefix: string) => {
    if (typeof v === 'string') {
      out.add(prefix ? `${prefix}.${v}` : v);
      return;
    }
    for (const [k, child] of Object.entries(v)) {
      const p = prefix ? `${prefix}.${k}` : k;
      out.add(p);
      if (child !== undefined) walk(child as StateValue, p);
    }
  };
  walk(value, '');
  return out;
}

export function countStates(chart: ChartState): number {
  return 1 + chart.children.reduce((n, c) => n + countStates(c), 0);
}

/** One selectable actor: a machine definition and, when it runs now, the live actor. */
export interface ChartActor {
  /** Selector value and URL parameter ("capf@ao115pub", "phone/SEP…/capf-client"). */
  id: string;
  label: string;
  machine: AnyStateMachine;
  ref?: AnyActorRef;
  /** Why there is no live actor ("no CAPF session is open"). */
  absent?: string;
}

export interface ChartMachines {
  phoneMachine: AnyStateMachine;
  dnsmasqMachine: AnyStateMachine;
  capfClientMachine: AnyStateMachine;
  /** The phone's TVS client, where the core has one. */
  tvsClientMachine?: AnyStateMachine;
  capfMachine: AnyStateMachine;
  capfSessionMachine: AnyStateMachine;
  tftpMachine: AnyStateMachine;
  tvsMachine: AnyStateMachine;
  dnsMachine: AnyStateMachine;
  networkMachine: AnyStateMachine;
  /** The 802.1X access switch and policy server, where the core has them. */
  switchMachine?: AnyStateMachine;
  radiusMachine?: AnyStateMachine;
}

interface WorldLike {
  env: { scenario: { nodes: Array<{ name: string; role: string }>; phones: Array<{ deviceName: string }> } };
  actor(systemId: string): AnyActorRef | undefined;
}

const isLive = (ref: AnyActorRef | undefined): ref is AnyActorRef => Boolean(ref && ref.getSnapshot().status === 'active');

/**
 * The newest running child whose id starts with `prefix` ("capf-client-3", "session-conn-7"): a phone
 * spawns a new CAPF client per attempt, a CAPF service a session per connection.
 */
export function newestChild(parent: AnyActorRef | undefined, prefix: string): AnyActorRef | undefined {
  const children = (parent?.getSnapshot().children ?? {}) as Record<string, AnyActorRef | undefined>;
  const live = Object.entries(children).filter(([id, ref]) => id.startsWith(prefix) && isLive(ref));
  live.sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
  return live.at(-1)?.[1];
}

/** Every actor of the running world the page can draw, in the order an enrolment meets them. */
export function chartActors(world: WorldLike, m: ChartMachines): ChartActor[] {
  const out: ChartActor[] = [];
  const { nodes, phones } = world.env.scenario;
  for (const p of phones) {
    const phoneId = `phone/${p.deviceName}`;
    const phone = world.actor(phoneId);
    out.push({ id: phoneId, label: t('pictures.statecharts.actor.phone', { device: p.deviceName }), machine: m.phoneMachine, ref: phone });
    const client = newestChild(phone, 'capf-client-');
    out.push({
      id: `${phoneId}/capf-client`,
      label: t('pictures.statecharts.actor.capfClient', { device: p.deviceName }),
      machine: m.capfClientMachine,
      ref: client,
      absent: client ? undefined : t('pictures.statecharts.absent.capfClient'),
    });
    if (m.tvsClientMachine) {
      const tvs = newestChild(phone, 'tvs-client-');
      out.push({
        id: `${phoneId}/tvs-client`,
        label: t('pictures.statecharts.actor.tvsClient', { device: p.deviceName }),
        machine: m.tvsClientMachine,
        ref: tvs,
        absent: tvs ? undefined : t('pictures.statecharts.absent.tvsClient'),
      });
    }
    out.push({ id: `${phoneId}/dnsmasq`, label: t('pictures.statecharts.actor.dnsmasq', { device: p.deviceName }), machine: m.dnsmasqMachine, ref: world.actor(`${phoneId}/dnsmasq`) });
  }
  for (const n of nodes) {
    const capf = world.actor(`capf@${n.name}`);
    if (!capf) continue;
    out.push({ id: `capf@${n.name}`, label: t('pictures.statecharts.actor.capf', { node: n.name }), machine: m.capfMachine, ref: capf });
    const session = newestChild(capf, 'session-');
    out.push({
      id: `capf@${n.name}/session`,
      label: t('pictures.statecharts.actor.capfSession', { node: n.name }),
      machine: m.capfSessionMachine,
      ref: session,
      absent: session ? undefined : t('pictures.statecharts.absent.capfSession'),
    });
  }
  for (const n of nodes) out.push({ id: `tftp@${n.name}`, label: t('pictures.statecharts.actor.tftp', { node: n.name }), machine: m.tftpMachine, ref: world.actor(`tftp@${n.name}`) });
  for (const n of nodes) out.push({ id: `tvs@${n.name}`, label: t('pictures.statecharts.actor.tvs', { node: n.name }), machine: m.tvsMachine, ref: world.actor(`tvs@${n.name}`) });
  out.push({ id: 'dns', label: t('pictures.statecharts.actor.dns'), machine: m.dnsMachine, ref: world.actor('dns') });
  const port = world.actor('switch');
  if (port && m.switchMachine) out.push({ id: 'switch', label: t('pictures.statecharts.actor.switch'), machine: m.switchMachine, ref: port });
  const radius = world.actor('radius');
  if (radius && m.radiusMachine) out.push({ id: 'radius', label: t('pictures.statecharts.actor.radius'), machine: m.radiusMachine, ref: radius });
  out.push({ id: 'network', label: t('pictures.statecharts.actor.network'), machine: m.networkMachine, ref: world.actor('network') });
  return out;
}

/** "on.registered.idle" for the text summary of a snapshot value. */
export function valueText(value: StateValue | undefined): string {
  if (value === undefined) return 'not running';
  const leaves = [...activePaths(value)].filter((p, _, all) => p && !all.some((q) => q.startsWith(`${p}.`)));
  return leaves.join(' + ');
}

/** The state at `path` in a chart ("" is the machine itself). */
export function findState(chart: ChartState, path: string): ChartState | undefined {
  if (chart.path === path) return chart;
  for (const c of chart.children) {
    if (path === c.path || path.startsWith(`${c.path}.`)) return findState(c, path);
  }
  return undefined;
}

/** A transition as XState's inspector reports it in a microstep (`_transitions`). */
export interface TakenTransitionLike {
  source: { path: readonly string[] };
  eventType: string;
  target?: ReadonlyArray<{ path: readonly string[] }>;
}

/**
 * Which transition of the chart the live actor just took: its source state, event and targets, and the id
 * of its first arrow in the diagram (layout.ts names arrows `t:<source>#<index>>0`).
 */
export function takenTransition(chart: ChartState, taken: TakenTransitionLike): { edge: string; source: string; targets: string[]; trigger: string } | undefined {
  const source = taken.source.path.join('.');
  const state = findState(chart, source);
  if (!state) return undefined;
  const targets = (taken.target ?? []).map((s) => s.path.join('.'));
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  const index = state.transitions.findIndex((t) => (t.kind === 'always' ? taken.eventType === '' || taken.eventType === 'xstate.always' || !taken.eventType : t.eventType === taken.eventType) && same(t.targets, targets));
  if (index < 0) return undefined;
  const t = state.transitions[index];
  return { edge: `t:${source}#${index}>0`, source, targets, trigger: t.trigger };
}
