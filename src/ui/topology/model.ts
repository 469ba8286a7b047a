/**
 * The lab's topology as the home page draws it: every host of the running scenario (CUCM nodes, the DNS
 * server, the phones) on one LAN, each with its live state read from the world's actors and the
 * surfaces an engineer would open on it. Pure: the page renders what this returns.
 */
import type { AnyActorRef } from 'xstate';
import type { Packet } from '../../sim/network';
import type { Scenario } from '../../sim/scenario';
import { href } from '../router.svelte';

export type HostKind = 'node' | 'dns' | 'phone';
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
  /** "Publisher", "Subscriber", "DNS server", "Cisco IP Phone CP-8845". */
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
  firewall: Array<{ id: string; description: string }>;
  subnet: string;
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
  if (value === 'off') return ['Powered off', 'off'];
  const on = value && typeof value === 'object' ? (value as { on?: unknown }).on : undefined;
  const top = typeof on === 'string' ? on : on && typeof on === 'object' ? Object.keys(on)[0] : undefined;
  const sub = on && typeof on === 'object' ? (on as Record<string, unknown>)[top ?? ''] : undefined;
  switch (top) {
    case 'booting':
      return ['Booting', 'busy'];
    case 'restarting':
      return ['Restarting', 'busy'];
    case 'trustList':
      return ['Downloading its trust list', 'busy'];
    case 'configuring':
      return ['Downloading its configuration', 'busy'];
    case 'unprovisioned':
      return ['No configuration; retrying', 'bad'];
    case 'registered':
      if (sub === 'capfOperation') return ['Registered; CAPF operation running', 'busy'];
      if (sub === 'awaitingAuthenticationString') return ['Registered; waiting for the authentication string', 'busy'];
      return ['Registered', 'ok'];
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
  const right = 1 + s.phones.length;
  const rows = Math.max(s.nodes.length, right);
  const height = 2 * MARGIN + rows * BOX.h + (rows - 1) * GAP;
  s.nodes.forEach((n, i) => {
    const facts = [
      serviceFact(world, 'CAPF', `capf@${n.name}`),
      serviceFact(world, 'TFTP', `tftp@${n.name}`),
      serviceFact(world, 'TVS', `tvs@${n.name}`),
    ].filter((f): f is HostFact => f !== undefined);
    const surfaces = [
      ...(n.role === 'publisher' ? [{ label: 'Cisco Unified CM Administration: Device > Phone', href: href('/cucm/phones') }] : []),
      { label: 'OS Administration: Certificate Management', href: href('/os/certificates', { node: n.name }) },
      { label: 'Serviceability: Control Center - Feature Services', href: href('/serviceability/feature', { node: n.name }) },
      { label: `Admin CLI of ${n.name}`, href: href('/cli', { node: n.name }) },
      { label: `Logs of ${n.name}`, href: href('/logs', { host: n.name }) },
      ...(world.actor(`capf@${n.name}`) ? [{ label: 'Statechart of its CAPF service', href: href('/statecharts', { actor: `capf@${n.name}` }) }] : []),
      { label: 'Statechart of its TFTP service', href: href('/statecharts', { actor: `tftp@${n.name}` }) },
    ];
    hosts.push({
      name: n.name,
      kind: 'node',
      ip: n.ip,
      role: n.role === 'publisher' ? 'CUCM publisher' : 'CUCM subscriber',
      up: hostUp(world, n.ip),
      facts,
      surfaces,
      x: 150,
      y: column(s.nodes.length, i, height),
    });
  });
  hosts.push({
    name: s.dns.host,
    kind: 'dns',
    ip: s.dns.ip,
    role: 'DNS server',
    up: hostUp(world, s.dns.ip),
    facts: [
      { label: 'Zone', value: s.domain, drawn: true },
      { label: 'Records', value: String(Object.keys(dnsRecords(world, s)).length), drawn: true },
    ],
    surfaces: [
      { label: 'Statechart of the DNS server', href: href('/statecharts', { actor: 'dns' }) },
      { label: 'Message trace', href: href('/trace') },
    ],
    x: WIDTH - 150,
    y: column(right, 0, height),
  });
  s.phones.forEach((p, i) => {
    const id = `phone/${p.deviceName}`;
    const [state, tone] = phoneStateText(world.stateOf(id));
    const lsc = world.lsc(p.deviceName);
    hosts.push({
      name: p.deviceName,
      kind: 'phone',
      ip: p.ip,
      role: `Cisco IP Phone ${p.model}`,
      up: hostUp(world, p.ip),
      facts: [
        { label: 'State', value: state, tone, drawn: true },
        { label: 'LSC', value: lsc, tone: lsc === 'Installed' ? 'ok' : lsc === 'Pending' ? 'busy' : 'off', drawn: true },
        { label: 'Certificate Operation Status', value: world.certificateOperationStatus(p.deviceName) },
        { label: 'TFTP server', value: p.tftpNode },
      ],
      surfaces: [
        { label: `Phone ${p.deviceName}`, href: href('/phone', { device: p.deviceName }) },
        { label: 'CUCM Phone Configuration (CAPF Information)', href: href('/cucm/phone', { device: p.deviceName }) },
        { label: `Logs of ${p.deviceName}`, href: href('/logs', { host: p.deviceName }) },
        { label: 'Statechart of the phone', href: href('/statecharts', { actor: id }) },
      ],
      x: WIDTH - 150,
      y: column(right, i + 1, height),
    });
  });
  const net = world.actor('network')?.getSnapshot().context as { tables?: { firewall?: Array<{ id: string; description: string }> } } | undefined;
  return {
    hosts,
    width: WIDTH,
    height,
    switchAt: { x: WIDTH / 2, y: height / 2 },
    lastPacket: world.trace.packets.at(-1),
    firewall: (net?.tables?.firewall ?? []).map((r) => ({ id: r.id, description: r.description })),
    subnet: subnetOf(s),
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
  const ips = [...s.nodes.map((n) => n.ip), s.dns.ip, ...s.phones.map((p) => p.ip)];
  const prefixes = new Set(ips.map((ip) => ip.split('.').slice(0, 3).join('.')));
  return prefixes.size === 1 ? `${[...prefixes][0]}.0/24` : 'LAN';
}
