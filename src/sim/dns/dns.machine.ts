/**
 * The lab's DNS server (the seed's DNS lab used a Windows Server 2016 DNS): answers A queries from its
 * zone, NXDOMAIN for names it does not hold. Deleting a record here is the `dns.capf-host-missing` fault;
 * the phone's own resolver (dnsmasq) and cache live in the phone.
 */
import { assign, enqueueActions, setup } from 'xstate';
import { toNetwork, type NetworkDelivery, type NetworkEvent } from '../network';
import { DNS_PORT, summarizeDnsResponse, type DnsQuery, type DnsResponse } from '../protocols/dns';

export interface DnsInput {
  systemId: string;
  ip: string;
  records: Record<string, string>;
}

export type DnsEvent =
  | NetworkDelivery
  | { type: 'dns.record.set'; name: string; address: string }
  | { type: 'dns.record.delete'; name: string };

const normalise = (name: string) => name.toLowerCase().replace(/\.$/, '');

export const dnsMachine = setup({
  types: {
    context: {} as { systemId: string; ip: string; records: Record<string, string> },
    input: {} as DnsInput,
    events: {} as DnsEvent,
  },
  actions: {
    listen: enqueueActions(({ context, enqueue, system }) => {
      toNetwork(enqueue, system, {
        type: 'net.bind',
        owner: context.systemId,
        ip: context.ip,
        transport: 'UDP',
        port: DNS_PORT,
      } satisfies NetworkEvent);
    }),
    answerQuery: enqueueActions(({ context, event, enqueue, system }) => {
      if (event.type !== 'net.datagram.received') return;
      const q = event.payload as DnsQuery;
      if (q?.kind !== 'dns.query') return;
      const address = context.records[normalise(q.name)];
      const response: DnsResponse = address
        ? { kind: 'dns.response', id: q.id, name: q.name, qtype: q.qtype, rcode: 'NOERROR', address }
        : { kind: 'dns.response', id: q.id, name: q.name, qtype: q.qtype, rcode: 'NXDOMAIN' };
      toNetwork(enqueue, system, {
        type: 'net.datagram',
        owner: context.systemId,
        from: event.to,
        to: event.from,
        protocol: 'DNS',
        summary: summarizeDnsResponse(response),
        detail: { ...response },
        payload: response,
      } satisfies NetworkEvent);
    }),
    setRecord: assign({
      records: ({ context, event }) =>
        event.type === 'dns.record.set' ? { ...context.records, [normalise(event.name)]: event.address } : context.records,
    }),
    deleteRecord: assign({
      records: ({ context, event }) => {
        if (event.type !== 'dns.record.delete') return context.records;
        const { [normalise(event.name)]: _removed, ...rest } = context.records;
        return rest;
      },
    }),
  },
}).createMachine({
  id: 'dns',
  context: ({ input }) => ({
    systemId: input.systemId,
    ip: input.ip,
    records: Object.fromEntries(Object.entries(input.records).map(([n, a]) => [normalise(n), a])),
  }),
  initial: 'serving',
  states: {
    serving: {
      entry: 'listen',
      on: {
        'net.datagram.received': { actions: 'answerQuery' },
        'dns.record.set': { actions: 'setRecord' },
        'dns.record.delete': { actions: 'deleteRecord' },
      },
    },
  },
});
