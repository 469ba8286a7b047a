/**
 * The phone's TVS client (domain.md §7, §8, §14.3): when the phone meets a certificate its own ITL does not
 * hold — a new ITL signer, or a CAPF server certificate other than the ITL's — it asks the Trust
 * Verification Service about it. It reaches TVS over TLS on TCP
 * 2445 and trusts the TVS server only if its certificate is one of the TVS records of the ITL it already
 * holds; it sends a certificate query (TVS_MSG_QUERY_CERT_REQ: its device name and the certificate's subject,
 * issuer and serial number, TAC 213407), gets back the certificate TVS knows by that name, and accepts only
 * if it is the very certificate it holds and TVS gives it a role the phone needs (the log sequence of S14:
 * handshake, request sent, "Hashes match... authentication successful").
 *
 * The phone asks the first TVS server of its configuration (our model: no fail-over to the next one).
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { and, assign, enqueueActions, sendParent, setup, type EventObject } from 'xstate';
import { bytesEqual } from '../../pki/encode';
import type { SimEnv } from '../env';
import { ids } from '../env';
import { toNetwork, type NetworkDelivery } from '../network';
import { isIpv4 } from '../protocols/dns';
import { summarizeTls, type TlsMessage } from '../protocols/tls';
import { TVS_PORT, describeTvsMessage, encodeTvsMessage, summarizeTvs, type TvsQueryRequest, type TvsQueryResponse } from '../protocols/tvs';
import { describeCertificate } from '../../pki/parse';
import { formatItlName } from '../../pki/names';
import type { PhoneConsole } from './console';
import type { DnsAnswer } from './dnsmasq.machine';
import { STATUS } from './screens';

export const TVS_TIMEOUT_MS = 10000;

export interface TvsClientInput {
  env: SimEnv;
  systemId: string;
  device: string;
  /** "CP-8845-SEP682C7B5C2342", as the phone names itself to TVS. */
  tvsDeviceName: string;
  phoneIp: string;
  console: PhoneConsole;
  /** TVS server from the phone's last configuration (host name or IP); undefined when it has none. */
  server: string | undefined;
  /** SHA-1 hashes of the TVS certificates in the phone's ITL. */
  pins: Uint8Array[];
  /** The certificate to vouch for. */
  certificate: Uint8Array;
  /** ITL function codes that make it acceptable here (an ITL signer: SAST 0, CCM 1, TFTP 3). */
  roles: number[];
}

export type TvsClientReport = { type: 'tvs.client.verdict'; vouched: boolean; reason: string };

type TvsClientEvent = NetworkDelivery | DnsAnswer;

interface TvsClientContext extends TvsClientInput {
  serverIp: string | null;
  connId: string;
  reason: string;
}

const payload = (e: TvsClientEvent) => (e.type === 'net.received' ? (e.payload as TlsMessage | TvsQueryResponse) : undefined);

export const tvsClientMachine = setup({
  types: { context: {} as TvsClientContext, input: {} as TvsClientInput, events: {} as TvsClientEvent },
  delays: { timeout: TVS_TIMEOUT_MS },
  guards: {
    hasNoServer: ({ context }) => !context.server || context.pins.length === 0,
    isServerAnIp: ({ context }) => isIpv4(context.server ?? ''),
    isResolved: ({ event }) => event.type === 'dns.answer' && event.address !== null,
    isTrustedTvs: ({ context, event }) => {
      const hello = payload(event) as TlsMessage | undefined;
      if (hello?.kind !== 'tls.serverHello') return false;
      const hash = sha1(hello.certificate);
      return context.pins.some((p) => bytesEqual(p, hash));
    },
    isServerHello: ({ event }) => (payload(event) as TlsMessage | undefined)?.kind === 'tls.serverHello',
    isVerdict: ({ event }) => (payload(event) as TvsQueryResponse | undefined)?.kind === 'tvs.queryResponse',
    /** TVS knows the certificate, it is the one the phone holds (hashes match), and its roles fit the use. */
    isValid: ({ context, event }) => {
      const r = payload(event) as TvsQueryResponse;
      return r.status === 'valid' && r.certificate !== undefined && bytesEqual(sha1(r.certificate), sha1(context.certificate)) && r.roles.some((role) => context.roles.includes(role));
    },
  },
  actions: {
    because: assign({ reason: (_, params: { reason: string }) => params.reason }),
    askDnsmasq: enqueueActions(({ context, enqueue, system }) => {
      enqueue.sendTo(system.get(ids.dnsmasq(context.device)), { type: 'dns.resolve', name: context.server!, replyTo: context.systemId } as EventObject);
    }),
    useIp: assign({ serverIp: ({ context }) => context.server ?? null }),
    logUnresolved: ({ context, event }) => {
      if (event.type !== 'dns.answer') return;
      if (!event.cached) context.console.dnsFailure(event.name);
      context.console.tvsResolved(event.name, null);
      if (!event.cached) {
        context.env.log.phoneStatus(context.device, event.timedOut ? STATUS.dnsTimeout : STATUS.dnsUnknownHost(event.name), 'error');
      }
    },
    useResolvedIp: assign({ serverIp: ({ event }) => (event.type === 'dns.answer' ? event.address : null) }),
    connect: enqueueActions(({ context, enqueue, system }) => {
      toNetwork(enqueue, system, {
        type: 'net.connect',
        connId: context.connId,
        owner: context.systemId,
        from: { ip: context.phoneIp, port: context.env.random.fork(context.connId).int(32768, 60999) },
        to: { ip: context.serverIp!, port: TVS_PORT },
        protocol: 'TVS',
      });
    }),
    sendHello: enqueueActions(({ context, enqueue, system }) => {
      const hello: TlsMessage = { kind: 'tls.clientHello', version: 'TLSv1.2' };
      toNetwork(enqueue, system, { type: 'net.send', connId: context.connId, owner: context.systemId, protocol: 'TLS', summary: summarizeTls(hello), payload: hello });
    }),
    sendRequest: enqueueActions(({ context, enqueue, system }) => {
      context.console.tvsHandshake(true);
      const finished: TlsMessage = { kind: 'tls.finished' };
      toNetwork(enqueue, system, { type: 'net.send', connId: context.connId, owner: context.systemId, protocol: 'TLS', summary: summarizeTls(finished), payload: finished });
      const info = describeCertificate(context.certificate);
      const request: TvsQueryRequest = {
        kind: 'tvs.queryRequest',
        sessionId: context.env.random.fork(context.connId).int(1, 0x7fffffff),
        deviceName: context.tvsDeviceName,
        subject: info.ok ? formatItlName(info.value.subject) : '',
        issuer: info.ok ? formatItlName(info.value.issuer) : '',
        serialNumber: info.ok ? info.value.serialNumber : new Uint8Array(),
      };
      const bytes = encodeTvsMessage(request);
      context.console.tvsQueryRequest();
      // S14's "bytes written" count is the request's length on the wire.
      context.console.tvsRequestSent(bytes.length);
      toNetwork(enqueue, system, {
        type: 'net.send',
        connId: context.connId,
        owner: context.systemId,
        protocol: 'TVS',
        summary: summarizeTvs(request),
        detail: describeTvsMessage(request),
        bytes,
        payload: request,
      });
    }),
    rejectServer: enqueueActions(({ context, enqueue, system }) => {
      context.console.tvsHandshake(false);
      const alert: TlsMessage = { kind: 'tls.alert', description: 'bad_certificate' };
      toNetwork(enqueue, system, { type: 'net.send', connId: context.connId, owner: context.systemId, protocol: 'TLS', summary: summarizeTls(alert), payload: alert });
      toNetwork(enqueue, system, { type: 'net.close', connId: context.connId, owner: context.systemId });
    }),
    close: enqueueActions(({ context, enqueue, system }) => {
      toNetwork(enqueue, system, { type: 'net.close', connId: context.connId, owner: context.systemId });
    }),
    logVerdict: ({ context, event }) => {
      const r = payload(event) as TvsQueryResponse;
      context.console.tvsVerdict(r.status === 'valid' && r.certificate !== undefined && bytesEqual(sha1(r.certificate), sha1(context.certificate)));
    },
    vouched: sendParent((): TvsClientReport => ({ type: 'tvs.client.verdict', vouched: true, reason: 'TVS vouched for the new signer' })),
    refused: sendParent(({ context }): TvsClientReport => ({ type: 'tvs.client.verdict', vouched: false, reason: context.reason })),
  },
}).createMachine({
  id: 'tvsClient',
  context: ({ input }) => ({ ...input, serverIp: null, connId: `${input.systemId}/tls`, reason: '' }),
  initial: 'starting',
  states: {
    starting: {
      always: [
        { guard: 'hasNoServer', target: 'failed', actions: { type: 'because', params: { reason: 'no TVS server known to the phone' } } },
        { guard: 'isServerAnIp', target: 'connecting', actions: 'useIp' },
        { target: 'resolving' },
      ],
    },
    resolving: {
      entry: 'askDnsmasq',
      on: {
        'dns.answer': [
          { guard: 'isResolved', target: 'connecting', actions: 'useResolvedIp' },
          { target: 'failed', actions: ['logUnresolved', { type: 'because', params: { reason: 'the TVS server name does not resolve' } }] },
        ],
      },
    },
    connecting: {
      entry: 'connect',
      on: {
        'net.connected': { target: 'handshaking', actions: 'sendHello' },
        'net.refused': { target: 'failed', actions: { type: 'because', params: { reason: 'TVS refused the connection (port 2445)' } } },
      },
      after: { timeout: { target: 'failed', actions: [{ type: 'because', params: { reason: 'TVS did not answer (port 2445)' } }, 'close'] } },
    },
    handshaking: {
      on: {
        'net.received': [
          { guard: 'isTrustedTvs', target: 'asking', actions: 'sendRequest' },
          { guard: 'isServerHello', target: 'failed', actions: [{ type: 'because', params: { reason: 'the TVS certificate is not in the trust list' } }, 'rejectServer'] },
        ],
        'net.closed': { target: 'failed', actions: { type: 'because', params: { reason: 'TVS closed the connection' } } },
      },
      after: { timeout: { target: 'failed', actions: [{ type: 'because', params: { reason: 'TVS did not answer' } }, 'close'] } },
    },
    asking: {
      on: {
        'net.received': [
          { guard: and(['isVerdict', 'isValid']), target: 'vouched', actions: ['logVerdict', 'close'] },
          { guard: 'isVerdict', target: 'failed', actions: ['logVerdict', { type: 'because', params: { reason: 'TVS does not know the certificate' } }, 'close'] },
        ],
        'net.closed': { target: 'failed', actions: { type: 'because', params: { reason: 'TVS closed the connection' } } },
      },
      after: { timeout: { target: 'failed', actions: [{ type: 'because', params: { reason: 'TVS did not answer' } }, 'close'] } },
    },
    // Not final states: the client's parent stops it once it has the verdict (a final state would send the
    // parent a done event that may arrive after the parent itself has finished).
    vouched: { entry: 'vouched' },
    failed: { entry: 'refused' },
  },
});
