/**
 * The network between the lab's hosts: one actor that carries every message, decides its fate the way an
 * IP network and the hosts' TCP/IP stacks would, and keeps a packet trace (the lab's "packet capture").
 *
 * - UDP datagram to a port nobody listens on → ICMP port unreachable back to the sender.
 * - TCP SYN to a host that is up with nothing listening on the port → RST (connection refused): this is
 *   what a phone sees when the CAPF service is stopped.
 * - A firewall rule that drops the traffic, or a host that is down → nothing comes back; the sender's own
 *   timer gives up ("SYN without answer" in the trace — the seed's advice to check port 3804 both ways).
 *
 * Components talk only through this actor; it never looks at what a message means.
 */
import { enqueueActions, setup, type ActorRefFrom, type AnyActorRef } from 'xstate';
import { ids } from './env';

export type Transport = 'UDP' | 'TCP';
export type AppProtocol = 'DNS' | 'TFTP' | 'HTTP' | 'TCP' | 'TLS' | 'CAPF' | 'TVS' | 'SIP' | 'ICMP' | 'EAPOL' | 'RADIUS';

export interface Endpoint {
  ip: string;
  port: number;
}

export type PacketOutcome = 'delivered' | 'dropped' | 'refused' | 'unreachable';

export interface Packet {
  no: number;
  time: number;
  from: Endpoint & { host: string };
  to: Endpoint & { host: string };
  transport: Transport;
  protocol: AppProtocol;
  /** Wireshark-style info column: "Standard query 0x1a2b A PUB11.brianw2.lab". */
  summary: string;
  /** Fields for the message inspector (CAPF elements, DNS answer, file name …). */
  detail?: Record<string, unknown>;
  /** Wire bytes, where the lab models them (CAPF messages, TFTP files). */
  bytes?: Uint8Array;
  outcome: PacketOutcome;
  /** Why it was not delivered ("dropped by firewall rule …"). */
  note?: string;
}

export interface FirewallRule {
  id: string;
  description: string;
  transport?: Transport;
  port?: number;
  /** Destination IP; any when absent. */
  toIp?: string;
}

/** The capture, kept outside the actor's snapshots so a long run stays cheap to observe. */
export class PacketTrace {
  readonly packets: Packet[] = [];
  #listeners = new Set<(p: Packet) => void>();
  record(p: Omit<Packet, 'no'>): Packet {
    const packet = { ...p, no: this.packets.length + 1 };
    this.packets.push(packet);
    for (const l of this.#listeners) l(packet);
    return packet;
  }
  subscribe(l: (p: Packet) => void): () => void {
    this.#listeners.add(l);
    return () => this.#listeners.delete(l);
  }
}

interface Binding {
  owner: string; // systemId of the actor that owns the socket
  transport: Transport;
  port: number;
}

interface Connection {
  id: string;
  client: { owner: string; host: string } & Endpoint;
  server: { owner: string; host: string } & Endpoint;
  protocol: AppProtocol;
  open: boolean;
}

/** Mutable tables the network actor owns (kept by reference: snapshots of a busy network stay cheap). */
export interface NetworkTables {
  hosts: Map<string, { host: string; up: boolean }>; // by IP
  bindings: Map<string, Binding>; // key `${ip}/${transport}/${port}`
  connections: Map<string, Connection>;
  exchanges: Map<string, Connection>;
  firewall: FirewallRule[];
}

/** The lab's virtual clock, as far as the wire needs it. */
export interface WireClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
}

export interface NetworkInput {
  trace: PacketTrace;
  clock: WireClock;
  hosts: Array<{ host: string; ip: string }>;
  latencyMs?: number;
}

/** Events other actors send to the network. */
export type NetworkEvent =
  | { type: 'net.bind'; owner: string; ip: string; transport: Transport; port: number }
  | { type: 'net.unbind'; owner: string; ip: string; transport: Transport; port: number }
  | {
      type: 'net.datagram';
      owner: string;
      from: Endpoint;
      to: Endpoint;
      protocol: AppProtocol;
      summary: string;
      detail?: Record<string, unknown>;
      bytes?: Uint8Array;
      payload: unknown;
    }
  | { type: 'net.connect'; connId: string; owner: string; from: Endpoint; to: Endpoint; protocol: AppProtocol }
  | {
      type: 'net.send';
      connId: string;
      owner: string;
      protocol: AppProtocol;
      summary: string;
      detail?: Record<string, unknown>;
      bytes?: Uint8Array;
      payload: unknown;
    }
  | { type: 'net.close'; connId: string; owner: string }
  /**
   * A server hands an accepted connection over to the process that serves it (CAPF's session per phone, as a
   * server hands the accepted socket to a worker): what arrives on it goes to `to` from then on.
   */
  | { type: 'net.handover'; connId: string; owner: string; to: string }
  /**
   * A whole request/response exchange on a short TCP connection (HTTP file downloads): the network plays
   * the handshake, the request, the server's answer and the close into the trace, as a capture shows them.
   */
  | {
      type: 'net.exchange';
      connId: string;
      owner: string;
      from: Endpoint;
      to: Endpoint;
      protocol: AppProtocol;
      summary: string;
      detail?: Record<string, unknown>;
      payload: unknown;
    }
  /** The server's answer to a `net.exchange.request`. */
  | {
      type: 'net.reply';
      connId: string;
      owner: string;
      protocol: AppProtocol;
      summary: string;
      detail?: Record<string, unknown>;
      bytes?: Uint8Array;
      payload: unknown;
    }
  | { type: 'net.firewall.add'; rule: FirewallRule }
  | { type: 'net.firewall.remove'; id: string }
  | { type: 'net.host.set'; ip: string; up: boolean };

/** Events the network delivers to hosts. */
export type NetworkDelivery =
  | { type: 'net.datagram.received'; from: Endpoint; to: Endpoint; payload: unknown }
  | { type: 'net.datagram.unreachable'; to: Endpoint; payload: unknown }
  | { type: 'net.accepted'; connId: string; peer: Endpoint; local: Endpoint }
  | { type: 'net.connected'; connId: string }
  | { type: 'net.refused'; connId: string }
  | { type: 'net.received'; connId: string; payload: unknown }
  | { type: 'net.closed'; connId: string }
  | { type: 'net.exchange.request'; connId: string; from: Endpoint; payload: unknown }
  | { type: 'net.exchange.response'; connId: string; payload: unknown }
  | { type: 'net.exchange.failed'; connId: string; reason: 'refused' };

type Enqueue = { (action: () => void): void; sendTo: (...args: any[]) => void };
type SystemLike = { get: (systemId: string) => AnyActorRef | undefined };

/**
 * Deliver to the socket's owner after the link's latency; a socket whose process has ended by then receives
 * nothing. Packets in flight are timers on the lab's clock, not XState delayed events: a busy network has
 * thousands in flight, and XState's scheduler scans all of them whenever any actor stops.
 */
function deliver(enqueue: Enqueue, system: SystemLike, owner: string, delivery: NetworkDelivery, delay: number, clock: WireClock): void {
  enqueue(() => {
    clock.setTimeout(() => {
      const target = system.get(owner);
      if (target && target.getSnapshot().status === 'active') target.send(delivery);
    }, delay);
  });
}

const bindingKey = (ip: string, transport: Transport, port: number) => `${ip}/${transport}/${port}`;

function matchingRule(t: NetworkTables, transport: Transport, to: Endpoint): FirewallRule | undefined {
  return t.firewall.find(
    (r) => (r.transport === undefined || r.transport === transport) && (r.port === undefined || r.port === to.port) && (r.toIp === undefined || r.toIp === to.ip),
  );
}

/**
 * Why a packet to `toIp` is lost on the wire, or undefined when it gets there: a firewall rule matching the
 * connection's server end (rules name the server's port and cut both directions), or no host up at `toIp`.
 */
function dropNote(t: NetworkTables, transport: Transport, serverEnd: Endpoint, toIp: string): string | undefined {
  const rule = matchingRule(t, transport, serverEnd);
  if (rule) return `dropped by firewall rule "${rule.description}"`;
  if (!t.hosts.get(toIp)?.up) return 'no host answers at this address';
  return undefined;
}

function hostName(t: NetworkTables, ip: string): string {
  return t.hosts.get(ip)?.host ?? ip;
}

export const networkMachine = setup({
  types: {
    context: {} as { tables: NetworkTables; trace: PacketTrace; clock: WireClock; latencyMs: number },
    input: {} as NetworkInput,
    events: {} as NetworkEvent,
  },
  actions: {
    bindPort: ({ context, event }) => {
      if (event.type !== 'net.bind') return;
      context.tables.bindings.set(bindingKey(event.ip, event.transport, event.port), {
        owner: event.owner,
        transport: event.transport,
        port: event.port,
      });
    },
    unbindPort: ({ context, event }) => {
      if (event.type !== 'net.unbind') return;
      const key = bindingKey(event.ip, event.transport, event.port);
      if (context.tables.bindings.get(key)?.owner === event.owner) context.tables.bindings.delete(key);
    },
    setHost: ({ context, event }) => {
      if (event.type !== 'net.host.set') return;
      const h = context.tables.hosts.get(event.ip);
      if (h) h.up = event.up;
    },
    addFirewallRule: ({ context, event }) => {
      if (event.type !== 'net.firewall.add') return;
      context.tables.firewall = [...context.tables.firewall.filter((r) => r.id !== event.rule.id), event.rule];
    },
    removeFirewallRule: ({ context, event }) => {
      if (event.type !== 'net.firewall.remove') return;
      context.tables.firewall = context.tables.firewall.filter((r) => r.id !== event.id);
    },
    carryDatagram: enqueueActions(({ context, event, enqueue, system }) => {
      if (event.type !== 'net.datagram') return;
      const t = context.tables;
      const delay = context.latencyMs;
      const base = {
        time: context.clock.now(),
        from: { ...event.from, host: hostName(t, event.from.ip) },
        to: { ...event.to, host: hostName(t, event.to.ip) },
        transport: 'UDP' as const,
        protocol: event.protocol,
        summary: event.summary,
        detail: event.detail,
        bytes: event.bytes,
      };
      const lost = dropNote(t, 'UDP', event.to, event.to.ip);
      if (lost) {
        context.trace.record({ ...base, outcome: 'dropped', note: lost });
        return;
      }
      const binding = t.bindings.get(bindingKey(event.to.ip, 'UDP', event.to.port));
      const target = binding && (system.get(binding.owner) as AnyActorRef | undefined);
      if (!target) {
        context.trace.record({ ...base, outcome: 'unreachable', note: 'ICMP destination port unreachable' });
        deliver(enqueue, system, event.owner, { type: 'net.datagram.unreachable', to: event.to, payload: event.payload }, 2 * delay, context.clock);
        return;
      }
      context.trace.record({ ...base, outcome: 'delivered' });
      deliver(enqueue, system, binding.owner, { type: 'net.datagram.received', from: event.from, to: event.to, payload: event.payload }, delay, context.clock);
    }),
    openConnection: enqueueActions(({ context, event, enqueue, system }) => {
      if (event.type !== 'net.connect') return;
      const t = context.tables;
      const delay = context.latencyMs;
      const syn = {
        time: context.clock.now(),
        from: { ...event.from, host: hostName(t, event.from.ip) },
        to: { ...event.to, host: hostName(t, event.to.ip) },
        transport: 'TCP' as const,
        protocol: 'TCP' as const,
        summary: `${event.from.port} → ${event.to.port} [SYN]`,
      };
      const lost = dropNote(t, 'TCP', event.to, event.to.ip);
      if (lost) {
        context.trace.record({ ...syn, outcome: 'dropped', note: lost });
        return;
      }
      const binding = t.bindings.get(bindingKey(event.to.ip, 'TCP', event.to.port));
      const server = binding && (system.get(binding.owner) as AnyActorRef | undefined);
      const back = { time: context.clock.now(), from: syn.to, to: syn.from, transport: 'TCP' as const, protocol: 'TCP' as const };
      if (!server || !binding) {
        context.trace.record({ ...syn, outcome: 'refused', note: 'nothing listens on this port' });
        context.trace.record({ ...back, summary: `${event.to.port} → ${event.from.port} [RST, ACK]`, outcome: 'delivered' });
        deliver(enqueue, system, event.owner, { type: 'net.refused', connId: event.connId }, 2 * delay, context.clock);
        return;
      }
      context.trace.record({ ...syn, outcome: 'delivered' });
      context.trace.record({ ...back, summary: `${event.to.port} → ${event.from.port} [SYN, ACK]`, outcome: 'delivered' });
      t.connections.set(event.connId, {
        id: event.connId,
        client: { owner: event.owner, host: syn.from.host, ...event.from },
        server: { owner: binding.owner, host: syn.to.host, ...event.to },
        protocol: event.protocol,
        open: true,
      });
      deliver(enqueue, system, binding.owner, { type: 'net.accepted', connId: event.connId, peer: event.from, local: event.to }, delay, context.clock);
      deliver(enqueue, system, event.owner, { type: 'net.connected', connId: event.connId }, 2 * delay, context.clock);
    }),
    carrySegment: enqueueActions(({ context, event, enqueue, system }) => {
      if (event.type !== 'net.send') return;
      const t = context.tables;
      const conn = t.connections.get(event.connId);
      if (!conn || !conn.open) return;
      const fromClient = conn.client.owner === event.owner;
      const src = fromClient ? conn.client : conn.server;
      const dst = fromClient ? conn.server : conn.client;
      const packet = {
        time: context.clock.now(),
        from: { host: src.host, ip: src.ip, port: src.port },
        to: { host: dst.host, ip: dst.ip, port: dst.port },
        transport: 'TCP' as const,
        protocol: event.protocol,
        summary: event.summary,
        detail: event.detail,
        bytes: event.bytes,
      };
      // A rule added while a connection is open cuts it too: later segments vanish.
      const lost = dropNote(t, 'TCP', fromClient ? dst : src, dst.ip);
      if (lost) {
        context.trace.record({ ...packet, outcome: 'dropped', note: lost });
        return;
      }
      context.trace.record({ ...packet, outcome: 'delivered' });
      deliver(enqueue, system, dst.owner, { type: 'net.received', connId: conn.id, payload: event.payload }, context.latencyMs, context.clock);
    }),
    startExchange: enqueueActions(({ context, event, enqueue, system }) => {
      if (event.type !== 'net.exchange') return;
      const t = context.tables;
      const delay = context.latencyMs;
      const from = { ...event.from, host: hostName(t, event.from.ip) };
      const to = { ...event.to, host: hostName(t, event.to.ip) };
      const now = context.clock.now();
      const segment = (a: typeof from, b: typeof to, summary: string) =>
        context.trace.record({ time: now, from: a, to: b, transport: 'TCP', protocol: 'TCP', summary, outcome: 'delivered' });
      const lost = dropNote(t, 'TCP', event.to, event.to.ip);
      if (lost) {
        context.trace.record({ time: now, from, to, transport: 'TCP', protocol: 'TCP', summary: `${from.port} → ${to.port} [SYN]`, outcome: 'dropped', note: lost });
        return;
      }
      const binding = t.bindings.get(bindingKey(event.to.ip, 'TCP', event.to.port));
      if (!binding) {
        context.trace.record({ time: now, from, to, transport: 'TCP', protocol: 'TCP', summary: `${from.port} → ${to.port} [SYN]`, outcome: 'refused', note: 'nothing listens on this port' });
        segment(to, from, `${to.port} → ${from.port} [RST, ACK]`);
        deliver(enqueue, system, event.owner, { type: 'net.exchange.failed', connId: event.connId, reason: 'refused' }, 2 * delay, context.clock);
        return;
      }
      segment(from, to, `${from.port} → ${to.port} [SYN]`);
      segment(to, from, `${to.port} → ${from.port} [SYN, ACK]`);
      context.trace.record({ time: now, from, to, transport: 'TCP', protocol: event.protocol, summary: event.summary, detail: event.detail, outcome: 'delivered' });
      t.exchanges.set(event.connId, {
        id: event.connId,
        client: { owner: event.owner, ...from },
        server: { owner: binding.owner, ...to },
        protocol: event.protocol,
        open: true,
      });
      deliver(enqueue, system, binding.owner, { type: 'net.exchange.request', connId: event.connId, from: event.from, payload: event.payload }, delay, context.clock);
    }),
    finishExchange: enqueueActions(({ context, event, enqueue, system }) => {
      if (event.type !== 'net.reply') return;
      const t = context.tables;
      const x = t.exchanges.get(event.connId);
      if (!x) return;
      t.exchanges.delete(event.connId);
      const now = context.clock.now();
      const server = { host: x.server.host, ip: x.server.ip, port: x.server.port };
      const client = { host: x.client.host, ip: x.client.ip, port: x.client.port };
      const lost = dropNote(t, 'TCP', server, client.ip);
      if (lost) {
        context.trace.record({ time: now, from: server, to: client, transport: 'TCP', protocol: event.protocol, summary: event.summary, outcome: 'dropped', note: lost });
        return;
      }
      context.trace.record({ time: now, from: server, to: client, transport: 'TCP', protocol: event.protocol, summary: event.summary, detail: event.detail, bytes: event.bytes, outcome: 'delivered' });
      context.trace.record({ time: now, from: server, to: client, transport: 'TCP', protocol: 'TCP', summary: `${server.port} → ${client.port} [FIN, ACK]`, outcome: 'delivered' });
      deliver(enqueue, system, x.client.owner, { type: 'net.exchange.response', connId: x.id, payload: event.payload }, context.latencyMs, context.clock);
    }),
    handOverConnection: ({ context, event }) => {
      if (event.type !== 'net.handover') return;
      const conn = context.tables.connections.get(event.connId);
      if (conn && conn.server.owner === event.owner) conn.server.owner = event.to;
    },
    closeConnection: enqueueActions(({ context, event, enqueue, system }) => {
      if (event.type !== 'net.close') return;
      const t = context.tables;
      const conn = t.connections.get(event.connId);
      if (!conn || !conn.open) return;
      conn.open = false;
      t.connections.delete(conn.id);
      const fromClient = conn.client.owner === event.owner;
      const src = fromClient ? conn.client : conn.server;
      const dst = fromClient ? conn.server : conn.client;
      context.trace.record({
        time: context.clock.now(),
        from: { host: src.host, ip: src.ip, port: src.port },
        to: { host: dst.host, ip: dst.ip, port: dst.port },
        transport: 'TCP',
        protocol: 'TCP',
        summary: `${src.port} → ${dst.port} [FIN, ACK]`,
        outcome: 'delivered',
      });
      deliver(enqueue, system, dst.owner, { type: 'net.closed', connId: conn.id }, context.latencyMs, context.clock);
    }),
  },
}).createMachine({
  id: 'network',
  context: ({ input }) => ({
    tables: {
      hosts: new Map(input.hosts.map((h) => [h.ip, { host: h.host, up: true }])),
      bindings: new Map(),
      connections: new Map(),
      exchanges: new Map(),
      firewall: [],
    },
    trace: input.trace,
    clock: input.clock,
    latencyMs: input.latencyMs ?? 1,
  }),
  initial: 'forwarding',
  states: {
    forwarding: {
      on: {
        'net.bind': { actions: 'bindPort' },
        'net.unbind': { actions: 'unbindPort' },
        'net.datagram': { actions: 'carryDatagram' },
        'net.connect': { actions: 'openConnection' },
        'net.send': { actions: 'carrySegment' },
        'net.close': { actions: 'closeConnection' },
        'net.handover': { actions: 'handOverConnection' },
        'net.exchange': { actions: 'startExchange' },
        'net.reply': { actions: 'finishExchange' },
        'net.firewall.add': { actions: 'addFirewallRule' },
        'net.firewall.remove': { actions: 'removeFirewallRule' },
        'net.host.set': { actions: 'setHost' },
      },
    },
  },
});

export type NetworkActor = ActorRefFrom<typeof networkMachine>;

/** Hand a message to the network actor (from inside an `enqueueActions` block). */
export function toNetwork(enqueue: Pick<Enqueue, 'sendTo'>, system: SystemLike, event: NetworkEvent): void {
  enqueue.sendTo(system.get(ids.network), event);
}
