/**
 * The lab's topology as the home page draws it: every host of the running scenario (CUCM nodes, the DNS
 * server, the phones and, in an 802.1X scenario, the access switch and the RADIUS server) on one LAN, each
 * with its live state read from the world's actors and the surfaces an engineer would open on it. Pure: the
 * page renders what this returns.
 */
import type { AnyActorRef } from 'xstate';
import { ids } from '../../sim/env';
import type { Packet } from '../../sim/network';
import type { Scenario } from '../../sim/scenario';
import { href } from '../router.svelte';
import { t } from '../i18n.svelte';
import { DRAWN_PHONES, FLEET_HOST, fleetCounts, fleetOf } from './fleet';

export type HostKind = 'node' | 'dns' | 'phone' | 'switch' | 'radius' | 'fleet';
export type Tone = 'ok' | 'busy' | 'bad' | 'off';

export interface HostFact {
  label: string;
  value: string;
  tone?: Tone;
  /** Also written in the drawing's box (the card always lists every fact). */
  drawn?: boolean;
}

export interface TopologyHost {
  name: string;
  kind: HostKind;
  ip: string;
  /** "CUCM publisher", "DNS server", "Cisco IP Phone CP-8845", "Access switch (802.1X)". */
  role: string;
  up: boolean;
  facts: HostFact[];
  surfaces: Array<{ label: string; href: string }>;
  x: number;
  y: number;
}

export interface TopologyView {
  hosts: TopologyHost[];
  /** Drawing size (viewBox) and where the LAN switch sits. */
  width: number;
  height: number;
  switchAt: { x: number; y: number };
  /** Hosts the newest message went between (highlighted links). */
  lastPacket?: Packet;
  subnet: string;
  /** A fleet: the phones are one box (`FLEET_HOST`), counted and listed by the page's fleet grid. */
  fleet: boolean;
}

interface WorldLike {
  env: { scenario: Scenario };
  trace: { packets: readonly Packet[] };
  actor(systemId: string): AnyActorRef | undefined;
  stateOf(systemId: string): unknown;
  lsc(device: string): string;
  certificateOperationStatus(device: string): string;
}

export const WIDTH = 800;
export const BOX = { w: 262, h: 96 };
const MARGIN = 16;
const GAP = 28;

const SERVICE_STATES: Record<string, [string, Tone]> = {
  started: ['Started', 'ok'],
  starting: ['Starting', 'busy'],
  boot: ['Starting', 'busy'],
  stopped: ['Stopped', 'bad'],
  deactivated: ['Not activated', 'off'],
};

function serviceFact(world: WorldLike, label: string, systemId: string): HostFact | undefined {
  if (!world.actor(systemId)) return undefined;
  const v = world.stateOf(systemId);
  const [value, tone] = SERVICE_STATES[String(v)] ?? [String(v), 'busy'];
  return { label, value, tone, drawn: true };
}

/** The phone's state machine value in a person's words. */
export function phoneStateText(value: unknown): [string, Tone] {
  if (value === 'off') return [t('topology.phoneState.poweredOff'), 'off'];
  const on = value && typeof value === 'object' ? (value as { on?: unknown }).on : undefined;
  const top = typeof on === 'string' ? on : on && typeof on === 'object' ? Object.keys(on)[0] : undefined;
  const sub = on && typeof on === 'object' ? (on as Record<string, unknown>)[top ?? ''] : undefined;
  switch (top) {
    case 'booting':
      return [t('topology.phoneState.booting'), 'busy'];
    case 'authenticatingPort':
      return [t('topology.phoneState.authenticating'), 'busy'];
    case 'restarting':
      return [t('topology.phoneState.restarting'), 'busy'];
    case 'trustList':
      return [t('topology.phoneState.trustList'), 'busy'];
    case 'configuring':
      return [t('topology.phoneState.configuring'), 'busy'];
    case 'unprovisioned':
      return [t('topology.phoneState.unprovisioned'), 'bad'];
    case 'registered':
      if (sub === 'capfOperation') return [t('topology.phoneState.capfOperation'), 'busy'];
      if (sub === 'awaitingAuthenticationString') return [t('topology.phoneState.awaitingString'), 'busy'];
      return [t('topology.phoneState.registered'), 'ok'];
    default:
      return [JSON.stringify(value ?? 'unknown'), 'busy'];
  }
}

function hostUp(world: WorldLike, ip: string): boolean {
  const ctx = world.actor('network')?.getSnapshot().context as { tables?: { hosts?: Map<string, { up: boolean }> } } | undefined;
  return ctx?.tables?.hosts?.get(ip)?.up ?? true;
}

/** Centre of the `index`-th of `count` boxes in a column, the column centred in the drawing. */
function column(count: number, index: number, height: number): number {
  const used = count * BOX.h + (count - 1) * GAP;
  return (height - used) / 2 + BOX.h / 2 + index * (BOX.h + GAP);
}

export function topologyOf(world: WorldLike): TopologyView {
  const s = world.env.scenario;
  const hosts: TopologyHost[] = [];
  // 802.1X hosts: the RADIUS server sits under the CUCM nodes (the servers), the access switch between the
  // DNS server and the phone it authenticates, so both columns grow by one and the drawing stays balanced.
  const left = s.nodes.length + (s.dot1x ? 1 : 0);
  const fleet = s.phones.length > DRAWN_PHONES;
  const right = 1 + (s.dot1x ? 1 : 0) + (fleet ? 1 : s.phones.length);
  const rows = Math.max(left, right);
  const height = 2 * MARGIN + rows * BOX.h + (rows - 1) * GAP;
  s.nodes.forEach((n, i) => {
    const facts = [
      serviceFact(world, 'CAPF', `capf@${n.name}`),
      serviceFact(world, 'TFTP', `tftp@${n.name}`),
      serviceFact(world, 'TVS', `tvs@${n.name}`),
    ].filter((f): f is HostFact => f !== undefined);
    const surfaces = [
      ...(n.role === 'publisher' ? [{ label: t('topology.surface.cmAdmin'), href: href('/cucm/phones') }] : []),
      { label: t('topology.surface.osAdmin'), href: href('/os/certificates', { node: n.name }) },
      { label: t('topology.surface.serviceability'), href: href('/serviceability/feature', { node: n.name }) },
      { label: t('topology.surface.cli', { host: n.name }), href: href('/cli', { node: n.name }) },
      { label: t('topology.surface.logs', { host: n.name }), href: href('/logs', { host: n.name }) },
      ...(world.actor(`capf@${n.name}`) ? [{ label: t('topology.surface.capfChart'), href: href('/statecharts', { actor: `capf@${n.name}` }) }] : []),
      { label: t('topology.surface.tftpChart'), href: href('/statecharts', { actor: `tftp@${n.name}` }) },
    ];
    hosts.push({
      name: n.name,
      kind: 'node',
      ip: n.ip,
      role: n.role === 'publisher' ? t('topology.role.publisher') : t('topology.role.subscriber'),
      up: hostUp(world, n.ip),
      facts,
      surfaces,
      x: 150,
      y: column(left, i, height),
    });
  });
  if (s.dot1x) hosts.push(radiusHost(world, s.dot1x.radius, 150, column(left, s.nodes.length, height)));
  hosts.push({
    name: s.dns.host,
    kind: 'dns',
    ip: s.dns.ip,
    role: t('topology.role.dns'),
    up: hostUp(world, s.dns.ip),
    facts: [
      { label: t('topology.fact.zone'), value: s.domain, drawn: true },
      { label: t('topology.fact.records'), value: String(Object.keys(dnsRecords(world, s)).length), drawn: true },
    ],
    surfaces: [
      { label: t('topology.surface.dnsChart'), href: href('/statecharts', { actor: 'dns' }) },
      { label: t('topology.surface.trace'), href: href('/trace') },
    ],
    x: WIDTH - 150,
    y: column(right, 0, height),
  });
  const firstPhoneRow = s.dot1x ? 2 : 1;
  if (s.dot1x) hosts.push(switchHost(world, s.dot1x.switch, WIDTH - 150, column(right, 1, height)));
  if (fleet) {
    const counts = fleetCounts(fleetOf(world));
    hosts.push({
      name: FLEET_HOST,
      kind: 'fleet',
      ip: scenarioFacts(s).range,
      role: t('topology.role.fleet', { count: s.phones.length }),
      up: true,
      facts: [
        { label: t('topology.fact.lscInstalled'), value: String(counts.installed), tone: 'ok', drawn: true },
        { label: t('topology.fact.enrolling'), value: String(counts.enrolling), tone: 'busy', drawn: true },
        { label: t('topology.fact.failed'), value: String(counts.failed), tone: counts.failed ? 'bad' : 'off', drawn: true },
      ],
      surfaces: [{ label: t('topology.surface.cmAdmin'), href: href('/cucm/phones') }],
      x: WIDTH - 150,
      y: column(right, firstPhoneRow, height),
    });
  } else s.phones.forEach((p, i) => hosts.push(phoneHost(world, p, WIDTH - 150, column(right, i + firstPhoneRow, height))));
  return {
    hosts,
    width: WIDTH,
    height,
    switchAt: { x: WIDTH / 2, y: height / 2 },
    lastPacket: world.trace.packets.at(-1),
    subnet: scenarioFacts(s).subnet,
    fleet,
  };
}

/** A phone's card: its state in words, its LSC, and the surfaces an engineer opens on it. */
export function phoneHost(world: WorldLike, p: Scenario['phones'][number], x: number, y: number): TopologyHost {
  const id = `phone/${p.deviceName}`;
  const [state, tone] = phoneStateText(world.stateOf(id));
  const lsc = world.lsc(p.deviceName);
  return {
    name: p.deviceName,
    kind: 'phone',
    ip: p.ip,
    role: `Cisco IP Phone ${p.model}`,
    up: hostUp(world, p.ip),
    facts: [
      { label: t('topology.fact.state'), value: state, tone, drawn: true },
      { label: t('topology.fact.lsc'), value: lsc, tone: lsc === 'Installed' ? 'ok' : lsc === 'Pending' ? 'busy' : 'off', drawn: true },
      { label: t('topology.fact.operationStatus'), value: world.certificateOperationStatus(p.deviceName) },
      { label: t('topology.fact.tftp'), value: p.tftpNode },
    ],
    surfaces: [
      { label: t('topology.surface.phone', { device: p.deviceName }), href: href('/phone', { device: p.deviceName }) },
      { label: t('topology.surface.phoneConfig'), href: href('/cucm/phone', { device: p.deviceName }) },
      { label: t('topology.surface.logs', { host: p.deviceName }), href: href('/logs', { host: p.deviceName }) },
      { label: t('topology.surface.phoneTrace', { device: p.deviceName }), href: href('/trace', { device: p.deviceName }) },
      { label: t('topology.surface.phoneChart'), href: href('/statecharts', { actor: id }) },
    ],
    x,
    y,
  };
}

/** What follows from the scenario alone, worked out once per scenario (a fleet has a thousand addresses). */
const perScenario = new WeakMap<Scenario, { range: string; subnet: string }>();
function scenarioFacts(s: Scenario): { range: string; subnet: string } {
  let facts = perScenario.get(s);
  if (!facts) perScenario.set(s, (facts = { range: phoneRange(s), subnet: subnetOf(s) }));
  return facts;
}

/** "10.122.138.150 – 10.122.143.237": the fleet's lowest and highest address. */
function phoneRange(s: Scenario): string {
  const key = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
  const sorted = s.phones.map((p) => [key(p.ip), p.ip] as const).sort((a, b) => a[0] - b[0]);
  return `${sorted[0][1]} – ${sorted[sorted.length - 1][1]}`;
}

type Dot1xHostSpec = { host: string; ip: string };

/** The newest message a host sent with this protocol: the switch's EAPOL verdicts, ISE's RADIUS answers. */
function lastSent(world: WorldLike, host: string, protocol: Packet['protocol']): Packet | undefined {
  const packets = world.trace.packets;
  for (let i = packets.length - 1; i >= 0; i--) {
    const p = packets[i];
    if (p.from.host === host && p.protocol === protocol) return p;
  }
  return undefined;
}

/**
 * The access switch (switch.machine.ts): a monitor-mode authenticator that keeps no verdict of its own —
 * it relays the phone's EAP-TLS to RADIUS and sends the answer on as EAP Success or Failure — so its last
 * verdict is read from the message trace, the way an engineer would find it in a capture.
 */
function switchHost(world: WorldLike, spec: Dot1xHostSpec, x: number, y: number): TopologyHost {
  const ctx = world.actor(ids.switch)?.getSnapshot().context as { pending?: Record<number, unknown> } | undefined;
  const mode = world.stateOf(ids.switch);
  const verdict = lastSent(world, spec.host, 'EAPOL');
  const facts: HostFact[] = [
    { label: t('topology.fact.portMode'), value: mode === 'monitorMode' ? t('topology.monitorMode') : String(mode ?? 'unknown'), drawn: true },
    verdict
      ? { label: t('topology.fact.verdict'), value: verdict.summary, tone: verdict.summary === 'EAP Success' ? 'ok' : 'bad', drawn: true }
      : { label: t('topology.fact.verdict'), value: t('topology.noneYet'), tone: 'off', drawn: true },
    ...(verdict ? [{ label: t('topology.fact.verdictTo'), value: verdict.to.host }] : []),
    { label: t('topology.fact.waiting'), value: String(Object.keys(ctx?.pending ?? {}).length) },
  ];
  return {
    name: spec.host,
    kind: 'switch',
    ip: spec.ip,
    role: t('topology.role.switch'),
    up: hostUp(world, spec.ip),
    facts,
    surfaces: [
      { label: t('topology.surface.switchChart'), href: href('/statecharts', { actor: ids.switch }) },
      { label: t('topology.surface.trace'), href: href('/trace') },
    ],
    x,
    y,
  };
}

/** The RADIUS policy server (radius.machine.ts): how many Access-Requests it took, and its newest answer. */
function radiusHost(world: WorldLike, spec: Dot1xHostSpec, x: number, y: number): TopologyHost {
  const ctx = world.actor(ids.radius)?.getSnapshot().context as { decisions?: number } | undefined;
  const answer = lastSent(world, spec.host, 'RADIUS');
  const accepted = answer?.summary.startsWith('Access-Accept') ?? false;
  const reason = answer?.detail?.reason;
  const facts: HostFact[] = [
    { label: t('topology.fact.requests'), value: String(ctx?.decisions ?? 0), drawn: true },
    answer
      ? { label: t('topology.fact.lastAnswer'), value: accepted ? 'Access-Accept' : 'Access-Reject', tone: accepted ? 'ok' : 'bad', drawn: true }
      : { label: t('topology.fact.lastAnswer'), value: t('topology.noneYet'), tone: 'off', drawn: true },
    ...(typeof reason === 'string' ? [{ label: t('topology.fact.reason'), value: reason }] : []),
  ];
  return {
    name: spec.host,
    kind: 'radius',
    ip: spec.ip,
    role: t('topology.role.radius'),
    up: hostUp(world, spec.ip),
    facts,
    surfaces: [
      { label: t('topology.surface.logs', { host: spec.host }), href: href('/logs', { host: spec.host }) },
      { label: t('topology.surface.radiusChart'), href: href('/statecharts', { actor: ids.radius }) },
      { label: t('topology.surface.trace'), href: href('/trace') },
    ],
    x,
    y,
  };
}

function dnsRecords(world: WorldLike, s: Scenario): Record<string, string> {
  const ctx = world.actor('dns')?.getSnapshot().context as { records?: Record<string, string> | Map<string, string> } | undefined;
  const r = ctx?.records;
  if (r instanceof Map) return Object.fromEntries(r);
  return r ?? s.dns.records;
}

/** "10.122.138.0/24" when every host shares the first three octets (the seed lab's one VLAN). */
function subnetOf(s: Scenario): string {
  const ips = [...s.nodes.map((n) => n.ip), s.dns.ip, ...s.phones.map((p) => p.ip), ...(s.dot1x ? [s.dot1x.switch.ip, s.dot1x.radius.ip] : [])];
  const prefixes = new Set(ips.map((ip) => ip.split('.').slice(0, 3).join('.')));
  return prefixes.size === 1 ? `${[...prefixes][0]}.0/24` : 'LAN';
}
