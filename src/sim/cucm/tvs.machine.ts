/**
 * "Cisco Trust Verification Service" (a network service on every node, domain.md §4, §7, §8): phones
 * that meet a certificate their ITL does not hold — a new ITL signer, a CAPF or CallManager certificate —
 * ask TVS on TCP 2445 whether the cluster trusts it and in which roles. TVS answers from the cluster's
 * own certificates and its trust stores *as they were when the service started*: Cisco's procedure after
 * regenerating the CAPF certificate restarts TVS on every node (TAC 214231, domain.md §8), which a service
 * reading the certificate tables live would not need. So a TVS that was not restarted does not know a
 * regenerated certificate, and cannot vouch for it.
 */
import { assign, enqueueActions, setup } from 'xstate';
import { bytesEqual } from '../../pki/encode';
import type { SimEnv } from '../env';
import { ids, nodeSpec } from '../env';
import { toNetwork, type NetworkDelivery, type NetworkEvent } from '../network';
import { summarizeTls, type TlsMessage } from '../protocols/tls';
import { TVS_PORT, TVS_PROTOCOL_ID, describeTvsMessage, encodeTvsMessage, summarizeTvs, type TvsQueryRequest, type TvsQueryResponse } from '../protocols/tvs';
import { formatItlName } from '../../pki/names';
import type { IdentityPurpose } from './certificates';

export const TVS_START_MS = 3000;

/** ITL function codes a cluster certificate may act in (domain.md §5.4). */
const ROLES: Record<IdentityPurpose, number[]> = {
  CallManager: [0, 1, 3],
  'CallManager-ECDSA': [1, 3],
  TVS: [21],
  CAPF: [4],
  ITLRecovery: [0],
};

/** A certificate TVS knows, by what a query names it with, and the roles the cluster gives it. */
export interface KnownCertificate {
  der: Uint8Array;
  issuer: string;
  serialNumber: Uint8Array;
  roles: number[];
}

/** What TVS loads when it starts: the cluster's certificates and this node's trust stores, with their roles. */
export function loadKnownCertificates(env: SimEnv, node: string): KnownCertificate[] {
  const known: KnownCertificate[] = [];
  for (const entry of env.certs.all()) {
    const roles =
      entry.type === 'trust-certs'
        ? entry.node === node && (entry.purpose === 'CallManager-trust' || entry.purpose === 'Phone-SAST-trust')
          ? [1]
          : []
        : (ROLES[entry.purpose as IdentityPurpose] ?? []);
    if (roles.length === 0) continue;
    const same = known.find((k) => bytesEqual(k.der, entry.der));
    if (same) same.roles = [...new Set([...same.roles, ...roles])].sort((a, b) => a - b);
    else known.push({ der: entry.der, issuer: formatItlName(entry.info.issuer), serialNumber: entry.info.serialNumber, roles: [...roles].sort((a, b) => a - b) });
  }
  return known;
}

/**
 * TVS answers a certificate query (TVS_MSG_QUERY_CERT_REQ → _RES, TAC 213407): the certificate it knows under
 * that issuer and serial number, with the roles the cluster gives it — or "invalid" when it knows none.
 */
export function tvsQuery(known: readonly KnownCertificate[], request: Pick<TvsQueryRequest, 'issuer' | 'serialNumber' | 'sessionId'>): TvsQueryResponse {
  const hit = known.find((k) => k.issuer === request.issuer && bytesEqual(k.serialNumber, request.serialNumber));
  return hit
    ? { kind: 'tvs.queryResponse', sessionId: request.sessionId, status: 'valid', certificate: hit.der, roles: hit.roles, ttlSeconds: 86400 }
    : { kind: 'tvs.queryResponse', sessionId: request.sessionId, status: 'invalid', roles: [], ttlSeconds: 0 };
}

export interface TvsInput {
  env: SimEnv;
  node: string;
}

interface TvsContext {
  env: SimEnv;
  node: string;
  ip: string;
  systemId: string;
  connections: Record<string, 'hello' | 'ready'>;
  /** The certificates TVS loaded when it started. */
  known: KnownCertificate[];
}

export type TvsEvent =
  | NetworkDelivery
  | { type: 'service.start' }
  | { type: 'service.stop' }
  | { type: 'service.restart' };

export const tvsMachine = setup({
  types: { context: {} as TvsContext, input: {} as TvsInput, events: {} as TvsEvent },
  delays: { startup: TVS_START_MS },
  actions: {
    loadCertificates: assign({ known: ({ context }) => loadKnownCertificates(context.env, context.node) }),
    trace: ({ context }, params: { text: string }) => {
      context.env.log.sdiTrace('tvs-trace', context.node, 'info', params.text);
    },
    listen: enqueueActions(({ context, enqueue, system }) => {
      toNetwork(enqueue, system, { type: 'net.bind', owner: context.systemId, ip: context.ip, transport: 'TCP', port: TVS_PORT } satisfies NetworkEvent);
    }),
    stopListening: enqueueActions(({ context, enqueue, system }) => {
      toNetwork(enqueue, system, { type: 'net.unbind', owner: context.systemId, ip: context.ip, transport: 'TCP', port: TVS_PORT } satisfies NetworkEvent);
      for (const connId of Object.keys(context.connections)) {
        toNetwork(enqueue, system, { type: 'net.close', connId, owner: context.systemId } satisfies NetworkEvent);
      }
      enqueue.assign({ connections: {} });
    }),
    accept: assign({
      connections: ({ context, event }) => (event.type === 'net.accepted' ? { ...context.connections, [event.connId]: 'hello' as const } : context.connections),
    }),
    forget: assign({
      connections: ({ context, event }) => {
        if (event.type !== 'net.closed') return context.connections;
        const { [event.connId]: _closed, ...rest } = context.connections;
        return rest;
      },
    }),
    answer: enqueueActions(({ context, event, enqueue, system }) => {
      if (event.type !== 'net.received') return;
      const state = context.connections[event.connId];
      const message = event.payload as TlsMessage | TvsQueryRequest;
      const send = (payload: TlsMessage | TvsQueryResponse, protocol: 'TLS' | 'TVS', summary: string, detail?: Record<string, unknown>, bytes?: Uint8Array) =>
        toNetwork(enqueue, system, { type: 'net.send', connId: event.connId, owner: context.systemId, protocol, summary, detail, bytes, payload } satisfies NetworkEvent);
      if (state === 'hello' && message.kind === 'tls.clientHello') {
        const tvs = context.env.certs.identity(context.node, 'TVS');
        const hello: TlsMessage = { kind: 'tls.serverHello', certificate: tvs?.der ?? new Uint8Array() };
        send(hello, 'TLS', summarizeTls(hello));
        enqueue.assign({ connections: { ...context.connections, [event.connId]: 'ready' } });
        return;
      }
      if (state === 'ready' && message.kind === 'tvs.queryRequest') {
        // The SDI trace lines of TAC 213407 (domain.md §14.3); the last line of each pair is our wording.
        const trace = (text: string) => context.env.log.sdiTrace('tvs-trace', context.node, 'debug', text);
        trace('MsgType : TVS_MSG_QUERY_CERT_REQ');
        trace(`Protocol Discriminator: ${TVS_PROTOCOL_ID.toString(16)}`);
        trace('TVS CORE: Rcvd Event: TVS_EV_QUERY_CERT_REQ in State: TVS_STATE_AWAIT_REQ');
        trace(`tvsHandleQueryCertReq : Subject Name is: ${message.subject}`);
        const answer = tvsQuery(context.known, message);
        trace(`tvsHandleQueryCertReq : ${message.deviceName} asks for ${message.subject.split(';')[0]}: ${answer.status === 'valid' ? `found, roles ${answer.roles.join(',')}` : 'not found'}`);
        trace('Sending QUERY_CERT_RES msg');
        trace('MsgType : TVS_MSG_QUERY_CERT_RES');
        send(answer, 'TVS', summarizeTvs(answer), describeTvsMessage(answer), encodeTvsMessage(answer));
      }
    }),
  },
}).createMachine({
  id: 'tvs',
  context: ({ input }) => ({ env: input.env, node: input.node, ip: nodeSpec(input.env, input.node).ip, systemId: ids.tvs(input.node), connections: {}, known: [] }),
  initial: 'starting',
  states: {
    stopped: {
      entry: { type: 'trace', params: { text: 'Cisco Trust Verification Service stopped' } },
      on: { 'service.start': 'starting', 'service.restart': 'starting' },
    },
    starting: {
      after: { startup: 'started' },
      on: { 'service.stop': 'stopped' },
    },
    started: {
      entry: ['loadCertificates', 'listen', { type: 'trace', params: { text: `Cisco Trust Verification Service started, listening on port ${TVS_PORT}` } }],
      exit: 'stopListening',
      on: {
        'service.stop': 'stopped',
        'service.restart': 'starting',
        'net.accepted': { actions: 'accept' },
        'net.received': { actions: 'answer' },
        'net.closed': { actions: 'forget' },
      },
    },
  },
});

