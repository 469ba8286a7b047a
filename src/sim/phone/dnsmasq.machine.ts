/**
 * The phone's local resolver, dnsmasq (domain.md §9.4): the phone's processes ask it on 127.0.0.1, it
 * answers from its cache or forwards the query to the DNS server from DHCP, and it caches negative
 * answers too — the seed's console shows `reply PUB11.brianw2.lab is NXDOMAIN-IPv4` followed by
 * `cached PUB11.brianw2.lab is NXDOMAIN-IPv4` for the next question. A reboot starts with an empty cache.
 */
import { assign, enqueueActions, setup, type EventObject } from 'xstate';
import { toNetwork, type NetworkDelivery, type NetworkEvent } from '../network';
import { DNS_PORT, summarizeDnsQuery, type DnsQuery, type DnsResponse } from '../protocols/dns';
import type { PhoneConsole } from './console';
import type { Random } from '../random';

/** Cache lifetimes (our choice within dnsmasq's defaults: answers keep their TTL, negative answers a minute). */
export const POSITIVE_TTL_MS = 3600 * 1000;
export const NEGATIVE_TTL_MS = 60 * 1000;
export const DNS_TIMEOUT_MS = 5000;

export interface DnsmasqInput {
  systemId: string;
  phoneIp: string;
  dnsServer: string;
  console: PhoneConsole;
  random: Random;
  now: () => number;
}

/** What the phone's processes receive back. */
export type DnsAnswer = {
  type: 'dns.answer';
  name: string;
  address: string | null;
  timedOut: boolean;
  /** Answered from dnsmasq's cache (the firmware reports an unknown host only when the server said so). */
  cached: boolean;
};

export type DnsmasqEvent =
  | NetworkDelivery
  | { type: 'dns.resolve'; name: string; replyTo: string }
  | { type: 'dns.timeout'; id: number }
  /** A reboot: the cache and any question in flight are gone. */
  | { type: 'dns.flush' };

interface DnsmasqContext extends DnsmasqInput {
  cache: Record<string, { address: string | null; expires: number }>;
  pending: Record<number, { name: string; replyTo: string[]; port: number }>;
}

const key = (name: string) => name.toLowerCase();

export const dnsmasqMachine = setup({
  types: { context: {} as DnsmasqContext, input: {} as DnsmasqInput, events: {} as DnsmasqEvent },
  actions: {
    flush: assign({ cache: {}, pending: {} }),
    resolve: enqueueActions(({ context, event, enqueue, system }) => {
      if (event.type !== 'dns.resolve') return;
      const { name, replyTo } = event;
      context.console.dnsQuery(name);
      const cached = context.cache[key(name)];
      if (cached && cached.expires > context.now()) {
        context.console.dnsCached(name, cached.address);
        enqueue.sendTo(system.get(replyTo), { type: 'dns.answer', name, address: cached.address, timedOut: false, cached: true } satisfies DnsAnswer as EventObject);
        return;
      }
      const waiting = Object.entries(context.pending).find(([, p]) => key(p.name) === key(name));
      if (waiting) {
        enqueue.assign({ pending: { ...context.pending, [waiting[0]]: { ...waiting[1], replyTo: [...waiting[1].replyTo, replyTo] } } });
        return;
      }
      const id = context.random.int(1, 0xffff);
      const port = context.random.int(32768, 60999);
      const query: DnsQuery = { kind: 'dns.query', id, name, qtype: 'A' };
      context.console.dnsForwarded(name, context.dnsServer);
      enqueue.assign({ pending: { ...context.pending, [id]: { name, replyTo: [replyTo], port } } });
      toNetwork(enqueue, system, {
        type: 'net.bind',
        owner: context.systemId,
        ip: context.phoneIp,
        transport: 'UDP',
        port,
      } satisfies NetworkEvent);
      toNetwork(enqueue, system, {
        type: 'net.datagram',
        owner: context.systemId,
        from: { ip: context.phoneIp, port },
        to: { ip: context.dnsServer, port: DNS_PORT },
        protocol: 'DNS',
        summary: summarizeDnsQuery(query),
        detail: { ...query },
        payload: query,
      } satisfies NetworkEvent);
      enqueue.raise({ type: 'dns.timeout', id }, { delay: DNS_TIMEOUT_MS, id: `dns-timeout-${id}` });
    }),
    answer: enqueueActions(({ context, event, enqueue, system }) => {
      let id: number;
      let address: string | null = null;
      let timedOut = false;
      if (event.type === 'net.datagram.received' && (event.payload as DnsResponse)?.kind === 'dns.response') {
        const r = event.payload as DnsResponse;
        id = r.id;
        if (!context.pending[id]) return;
        address = r.rcode === 'NOERROR' ? (r.address ?? null) : null;
        context.console.dnsReply(r.name, address);
      } else if (event.type === 'dns.timeout') {
        id = event.id;
        if (!context.pending[id]) return;
        timedOut = true;
      } else if (event.type === 'net.datagram.unreachable' && (event.payload as DnsQuery)?.kind === 'dns.query') {
        id = (event.payload as DnsQuery).id;
        if (!context.pending[id]) return;
        timedOut = true;
      } else return;
      const pending = context.pending[id];
      if (!timedOut) enqueue.cancel(`dns-timeout-${id}`);
      const { [id]: _done, ...rest } = context.pending;
      const cache = timedOut
        ? context.cache
        : { ...context.cache, [key(pending.name)]: { address, expires: context.now() + (address ? POSITIVE_TTL_MS : NEGATIVE_TTL_MS) } };
      enqueue.assign({ pending: rest, cache });
      toNetwork(enqueue, system, { type: 'net.unbind', owner: context.systemId, ip: context.phoneIp, transport: 'UDP', port: pending.port } satisfies NetworkEvent);
      for (const who of pending.replyTo) {
        enqueue.sendTo(system.get(who), { type: 'dns.answer', name: pending.name, address, timedOut, cached: false } satisfies DnsAnswer as EventObject);
      }
    }),
  },
}).createMachine({
  id: 'dnsmasq',
  context: ({ input }) => ({ ...input, cache: {}, pending: {} }),
  initial: 'running',
  states: {
    running: {
      on: {
        'dns.resolve': { actions: 'resolve' },
        'net.datagram.received': { actions: 'answer' },
        'net.datagram.unreachable': { actions: 'answer' },
        'dns.timeout': { actions: 'answer' },
        'dns.flush': { actions: 'flush' },
      },
    },
  },
});
