/**
 * The phone's CAPF client (SECUREAPP's CAPFClnt in its console): one certificate operation, from the CAPF
 * host name in the configuration file to END_SESSION, with the retry rule of the CUCM documentation —
 * after a communication failure the phone tries 3 more times at 30-second intervals (domain.md §2.9).
 *
 * Every failure here is the real cause, found the way the phone finds it:
 * - no CAPF record in the ITL → nothing to check the server against → "No valid CAPF server";
 * - the CAPF host name does not resolve → the TLS BIO cannot be created (seed's DNS lab) → "LSC: Connection failed";
 * - connection refused (service stopped) or unanswered (port blocked) → "LSC: Connection failed";
 * - the server's certificate is not the one pinned from the ITL (CAPF regenerated, TFTP not restarted, or the
 *   phone could not take the new ITL): the phone asks TVS, which can vouch for a CAPF certificate the ITL does
 *   not hold (domain.md §5.6, S24 "in ITLFile.tlv or via TVS"); when TVS cannot (stopped, or started before
 *   the regeneration) → TLS alert → "LSC: Connection failed" (TAC 213295 "LSC: Operation Pending");
 * - CAPF ends the session with a failure (deadline passed, wrong string, invalid certificate) → "LSC: Failed".
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { and, assign, enqueueActions, fromPromise, sendParent, setup, stopChild, type EventObject } from 'xstate';
import { containsBytes, exactBuffer, bytesEqual } from '../../pki/encode';
import { describeCertificate } from '../../pki/parse';
import { describeKeySpec, exportPublicKeySpki, generateKeyPair, type KeySpec } from '../../pki/keys';
import type { SimEnv } from '../env';
import { ids } from '../env';
import { toNetwork, type NetworkDelivery, type NetworkEvent } from '../network';
import {
  CapfReason,
  capfSegment,
  reasonName,
  type CapfMessage,
} from '../protocols/capf';
import { isIpv4 } from '../protocols/dns';
import { summarizeTls, type TlsMessage } from '../protocols/tls';
import type { PhoneConsole } from './console';
import type { DnsAnswer } from './dnsmasq.machine';
import { keyGenerationMs, type PhoneModel } from './models';
import { STATUS } from './screens';
import { tvsClientMachine, type TvsClientReport } from './tvs-client.machine';

export const CAPF_RETRY_DELAY_MS = 30000;
export const CAPF_MAX_RETRIES = 3;
/** TCP connect timeout of the phone's CAPF client (the open-source client uses 10 s, domain.md §12). */
export const CAPF_CONNECT_TIMEOUT_MS = 10000;
export const CAPF_SESSION_IDLE_MS = 60000;

export interface PhoneCredential {
  der: Uint8Array;
  keys: CryptoKeyPair;
}

/** A key pair the phone generated for CAPF, with its SubjectPublicKeyInfo to match the certificate against. */
export interface PendingKey {
  keys: CryptoKeyPair;
  spki: Uint8Array;
}

export interface CapfClientInput {
  env: SimEnv;
  systemId: string;
  phoneSystemId: string;
  device: string;
  model: PhoneModel;
  phoneIp: string;
  console: PhoneConsole;
  capfServer: string;
  capfPort: number;
  capfAuthMode: 1 | 2 | 3 | 4;
  /** Entered on the phone (By Authentication String). */
  authenticationString?: string;
  /** SHA-1 of the CAPF certificate in the phone's ITL; null when the ITL has no CAPF record. */
  capfPin: Uint8Array | null;
  /**
   * Whom to ask about a CAPF certificate that is not the one in the ITL: the first TVS server of the
   * configuration, the TVS certificates of the ITL, and the name the phone gives TVS (domain.md §5.6: the
   * ITL's CAPF record is optional because TVS can vouch for CAPF; S24 "in ITLFile.tlv or via TVS").
   */
  tvs: { server: string | undefined; pins: Uint8Array[]; deviceName: string };
  mic: PhoneCredential | null;
  lsc: PhoneCredential | null;
  /** A key generated in an earlier session whose certificate has not arrived yet (Offline CA). */
  pendingKey: PendingKey | null;
}

export type CapfOutcome = 'installed' | 'deleted' | 'troubleshoot' | 'nothing-pending' | 'failed' | 'no-capf' | 'gave-up';

/** Events the client sends to its phone. */
export type CapfClientReport =
  | { type: 'capf.client.progress'; stage: 'connecting' | 'generating-keys' | 'in-session' | 'retry-wait' }
  | { type: 'capf.client.lscStored'; credential: PhoneCredential }
  /** The phone keeps the key it sent the public half of until the certificate comes (it may come in a later session). */
  | { type: 'capf.client.keyPending'; key: PendingKey }
  | { type: 'capf.client.lscDeleted' }
  | { type: 'capf.client.finished'; outcome: CapfOutcome };

type CapfClientEvent = NetworkDelivery | DnsAnswer | TvsClientReport;

interface CapfClientContext extends CapfClientInput {
  attempt: number;
  serverIp: string | null;
  connId: string | null;
  connections: number;
  newKeys: PendingKey | null;
  /** What the session did, for the outcome. */
  did: 'install' | 'delete' | 'fetch' | null;
  /** Chosen by CAPF in AUTH_REQUEST, echoed in every message (domain.md §6.2). */
  sessionId: number;
  /** The CAPF server's certificate while TVS is asked about it. */
  serverCertificate: Uint8Array | null;
  outcome: CapfOutcome | null;
}

const payload = (e: CapfClientEvent) => (e.type === 'net.received' ? (e.payload as CapfMessage | TlsMessage) : undefined);
const isCapf = (e: CapfClientEvent, command: CapfMessage['command']) => {
  const p = payload(e);
  return p !== undefined && 'command' in p && p.command === command;
};

function requestedKey(m: Extract<CapfMessage, { command: 'KEY_GENERATE_REQUEST' }>): KeySpec {
  return m.keyType === 1 ? { kind: 'EC', curve: m.curve ?? 'P-256' } : { kind: 'RSA', bits: (m.keySize ?? 2048) as 512 | 1024 | 2048 | 3072 | 4096 };
}

/** What every AUTH_RESPONSE carries, whichever way the phone authenticates (domain.md §6.5). */
function authResponseHeader(context: CapfClientContext) {
  return { command: 'AUTH_RESPONSE' as const, sessionId: context.sessionId, reason: CapfReason.UPDATE_CERTIFICATE, version: context.model.capfVersion, deviceName: context.device };
}

export const capfClientMachine = setup({
  types: { context: {} as CapfClientContext, input: {} as CapfClientInput, events: {} as CapfClientEvent },
  delays: {
    retryDelay: CAPF_RETRY_DELAY_MS,
    connectTimeout: CAPF_CONNECT_TIMEOUT_MS,
    sessionIdle: CAPF_SESSION_IDLE_MS,
    /** The seed shows ~2 s between the configuration download and the CAPF attempt. */
    settle: 2000,
  },
  actors: {
    tvsClient: tvsClientMachine,
    generateKey: fromPromise(async ({ input }: { input: { env: SimEnv; model: PhoneModel; spec: KeySpec; device: string } }) =>
      input.env.clock.work(
        keyGenerationMs(input.model, input.spec),
        async () => {
          const keys = await generateKeyPair(input.spec);
          const spki = await exportPublicKeySpki(keys.publicKey);
          return { keys, spki };
        },
        `${input.device} key generation`,
      ),
    ),
    signAuthResponse: fromPromise(async ({ input }: { input: { env: SimEnv; device: string; credential: PhoneCredential } }) =>
      input.env.clock.work(0, async () => {
        const data = new Uint8Array([...new TextEncoder().encode(`${input.device}\0`), ...input.credential.der]);
        const key = input.credential.keys.privateKey;
        const algorithm = key.algorithm.name === 'ECDSA' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5' };
        return new Uint8Array(await crypto.subtle.sign(algorithm, key, exactBuffer(data)));
      }),
    ),
  },
  guards: {
    hasNoCapfInTrustList: ({ context }) => context.capfPin === null,
    isServerAnIp: ({ context }) => isIpv4(context.capfServer),
    isResolved: ({ event }) => event.type === 'dns.answer' && event.address !== null,
    canRetry: ({ context }) => context.attempt < CAPF_MAX_RETRIES,
    isServerHello: ({ event }) => (payload(event) as TlsMessage | undefined)?.kind === 'tls.serverHello',
    isPinMatching: ({ context, event }) => {
      const hello = payload(event) as Extract<TlsMessage, { kind: 'tls.serverHello' }>;
      return context.capfPin !== null && bytesEqual(sha1(hello.certificate), context.capfPin);
    },
    /** TLS checks the server certificate's validity period too: an expired CAPF certificate fails the handshake. */
    isCertificateCurrent: ({ context, event }) => {
      const hello = payload(event) as Extract<TlsMessage, { kind: 'tls.serverHello' }> | undefined;
      return isCurrent(context, hello?.certificate ?? context.serverCertificate);
    },
    isVouched: ({ event }) => event.type === 'tvs.client.verdict' && event.vouched,
    isAuthRequest: ({ event }) => isCapf(event, 'AUTH_REQUEST'),
    usesCertificate: ({ context }) => context.capfAuthMode === 3 || context.capfAuthMode === 4,
    isKeyGenerateRequest: ({ event }) => isCapf(event, 'KEY_GENERATE_REQUEST'),
    /** A 79xx cannot make a 3072- or 4096-bit key (phone/models.ts `rsaKeySizes`). */
    canGenerateRequestedKey: ({ context, event }) => {
      const spec = requestedKey(payload(event) as Extract<CapfMessage, { command: 'KEY_GENERATE_REQUEST' }>);
      return spec.kind === 'EC' || context.model.rsaKeySizes.includes(spec.bits);
    },
    isStoreRequest: ({ event }) => isCapf(event, 'STORE_CERTIFICATE_REQUEST'),
    isDeleteRequest: ({ event }) => isCapf(event, 'DELETE_CERTIFICATE_REQUEST'),
    isFetchRequest: ({ event }) => isCapf(event, 'FETCH_CERTIFICATE_REQUEST'),
    isEndSession: ({ event }) => isCapf(event, 'END_SESSION'),
    endedWithSuccess: ({ event }) => (payload(event) as Extract<CapfMessage, { command: 'END_SESSION' }>).reason === CapfReason.UPDATE_CERTIFICATE,
    endedWithNothingToDo: ({ event }) => (payload(event) as Extract<CapfMessage, { command: 'END_SESSION' }>).reason === CapfReason.NO_ACTION,
    didInstall: ({ context }) => context.did === 'install',
    didDelete: ({ context }) => context.did === 'delete',
  },
  actions: {
    logStart: ({ context }) => {
      context.console.certificateOperationPending(context.capfServer);
      context.console.capfStart(context.capfAuthMode);
      context.console.capfDelayTimer(context.attempt === 0 ? 0 : CAPF_RETRY_DELAY_MS / 1000);
    },
    logNoCapf: ({ context }) => {
      context.console.capfNoCapfInTrustList();
      context.env.log.phoneStatus(context.device, STATUS.noValidCapfServer, 'error');
    },
    progress: sendParent((_, params: { stage: Extract<CapfClientReport, { type: 'capf.client.progress' }>['stage'] }) => ({ type: 'capf.client.progress', stage: params.stage })),
    finish: sendParent((_, params: { outcome: CapfOutcome }) => ({ type: 'capf.client.finished', outcome: params.outcome })),
    setOutcome: assign({ outcome: (_, params: { outcome: CapfOutcome }) => params.outcome }),
    finishWithOutcome: sendParent(({ context }) => ({ type: 'capf.client.finished', outcome: context.outcome ?? 'failed' })),
    askDnsmasq: enqueueActions(({ context, enqueue, system }) => {
      enqueue.sendTo(system.get(ids.dnsmasq(context.device)), { type: 'dns.resolve', name: context.capfServer, replyTo: context.systemId } as EventObject);
    }),
    useIp: assign({ serverIp: ({ context }) => context.capfServer }),
    useResolvedIp: assign({ serverIp: ({ event }) => (event.type === 'dns.answer' ? event.address : null) }),
    logUnresolved: ({ context, event }) => {
      if (event.type === 'dns.answer' && !event.cached) {
        context.env.log.phoneStatus(context.device, event.timedOut ? STATUS.dnsTimeout : STATUS.dnsUnknownHost(context.capfServer), 'error');
      }
      context.console.capfBioFailed();
    },
    connect: enqueueActions(({ context, enqueue, system }) => {
      const connId = `${context.systemId}/${context.connections}`;
      const port = context.env.random.fork(connId).int(32768, 60999);
      enqueue.assign({ connId, connections: context.connections + 1 });
      toNetwork(enqueue, system, {
        type: 'net.connect',
        connId,
        owner: context.systemId,
        from: { ip: context.phoneIp, port },
        to: { ip: context.serverIp!, port: context.capfPort },
        protocol: 'CAPF',
      } satisfies NetworkEvent);
    }),
    logRefused: ({ context }) => context.console.capfConnectFailed(111, 'Connection refused'),
    logConnectTimeout: ({ context }) => context.console.capfConnectFailed(110, 'Connection timed out'),
    logConnectionLost: ({ context }) => context.console.capfConnectFailed(104, 'Connection reset by peer'),
    sendClientHello: enqueueActions(({ context, enqueue, system }) => {
      sendTls(context, { kind: 'tls.clientHello', version: 'TLSv1.2' }, enqueue, system);
    }),
    sendFinished: enqueueActions(({ context, enqueue, system }) => {
      context.console.capfHandshakeOk();
      sendTls(context, { kind: 'tls.finished' }, enqueue, system);
    }),
    keepServerCertificate: assign({
      serverCertificate: ({ event }) => (payload(event) as Extract<TlsMessage, { kind: 'tls.serverHello' }>).certificate,
    }),
    logAskingTvs: ({ context }) => context.console.capfAskingTvs(),
    logTvsRefusal: ({ context, event }) => {
      if (event.type === 'tvs.client.verdict') context.console.capfTvsRefused(event.reason);
    },
    /** The phone asks TVS whether the CAPF server's certificate is the cluster's CAPF (role 4). */
    startTvsQuery: assign(({ context, spawn }) => {
      const id = `tvs-client-${context.connections}`;
      spawn('tvsClient', {
        id,
        systemId: `${context.systemId}/${id}`,
        input: {
          env: context.env,
          systemId: `${context.systemId}/${id}`,
          device: context.device,
          tvsDeviceName: context.tvs.deviceName,
          phoneIp: context.phoneIp,
          console: context.console,
          server: context.tvs.server,
          pins: context.tvs.pins,
          certificate: context.serverCertificate!,
          roles: [4],
        },
      });
      return {};
    }),
    stopTvsQuery: enqueueActions(({ context, enqueue }) => enqueue(stopChild(`tvs-client-${context.connections}`))),
    rejectServer: enqueueActions(({ context, enqueue, system }) => {
      context.console.capfPinMismatch();
      sendTls(context, { kind: 'tls.alert', description: 'bad_certificate' }, enqueue, system);
      toNetwork(enqueue, system, { type: 'net.close', connId: context.connId!, owner: context.systemId } satisfies NetworkEvent);
    }),
    rejectExpiredServer: enqueueActions(({ context, enqueue, system }) => {
      context.console.capfCertificateExpired();
      sendTls(context, { kind: 'tls.alert', description: 'certificate_expired' }, enqueue, system);
      toNetwork(enqueue, system, { type: 'net.close', connId: context.connId!, owner: context.systemId } satisfies NetworkEvent);
    }),
    closeConnection: enqueueActions(({ context, enqueue, system }) => {
      if (context.connId) toNetwork(enqueue, system, { type: 'net.close', connId: context.connId, owner: context.systemId } satisfies NetworkEvent);
    }),
    statusConnectionFailed: ({ context }) => {
      context.console.capfReportFailure(STATUS.lscConnectionFailed);
      context.env.log.phoneStatus(context.device, STATUS.lscConnectionFailed, 'error');
    },
    countAttempt: assign({ attempt: ({ context }) => context.attempt + 1 }),
    logMessage: ({ context, event }) => {
      const p = payload(event);
      if (p && 'command' in p) context.console.capfMessage('rcvd', p.command);
    },
    /** Null string and authentication string: answer at once. */
    sendPasswordAuthResponse: enqueueActions(({ context, enqueue, system }) => {
      sendCapf(
        context,
        { ...authResponseHeader(context), password: context.capfAuthMode === 1 ? (context.authenticationString ?? '') : '' },
        enqueue,
        system,
      );
    }),
    sendCertificateAuthResponse: enqueueActions(({ context, event, enqueue, system }) => {
      const credential = chooseCredential(context);
      const signedData = (event as unknown as { output?: Uint8Array }).output;
      sendCapf(
        context,
        {
          ...authResponseHeader(context),
          certificate: credential ? { type: credential === context.lsc ? 1 : 2, der: credential.der } : undefined,
          signedData,
        },
        enqueue,
        system,
      );
    }),
    logKeyGeneration: ({ context, event }) => {
      const request = payload(event) as Extract<CapfMessage, { command: 'KEY_GENERATE_REQUEST' }>;
      context.console.capfKeyGeneration(describeKeySpec(requestedKey(request)));
    },
    /** A key size the phone cannot make: it answers without a PUBLIC_KEY (our model; no source shows the exchange). */
    refuseKeyGeneration: enqueueActions(({ context, event, enqueue, system }) => {
      const request = payload(event) as Extract<CapfMessage, { command: 'KEY_GENERATE_REQUEST' }>;
      context.console.capfKeyUnsupported(describeKeySpec(requestedKey(request)));
      sendCapf(context, { command: 'KEY_GENERATE_RESPONSE', sessionId: context.sessionId, reason: CapfReason.INVALID_ELEMENT }, enqueue, system);
    }),
    /** The phone tells CAPF it is working on the key before it starts (usecallmanagernz capfc, domain.md §14.2). */
    sendRequestInProgress: enqueueActions(({ context, enqueue, system }) => {
      sendCapf(context, { command: 'REQUEST_IN_PROGRESS', sessionId: context.sessionId }, enqueue, system);
    }),
    /** PUBLIC_KEY: the bare DER SubjectPublicKeyInfo, no CSR (capfc; Jabber4Linux; domain.md §14.2). */
    sendKeyResponse: enqueueActions(({ context, event, enqueue, system }) => {
      const out = (event as unknown as { output: { keys: CryptoKeyPair; spki: Uint8Array } }).output;
      context.console.capfKeyGenerated(out.keys.privateKey.algorithm.name === 'ECDSA' ? 'EC' : 'RSA');
      const key: PendingKey = { keys: out.keys, spki: out.spki };
      enqueue.assign({ newKeys: key, did: 'install' as const });
      enqueue.sendParent({ type: 'capf.client.keyPending', key } satisfies CapfClientReport);
      sendCapf(context, { command: 'KEY_GENERATE_RESPONSE', sessionId: context.sessionId, reason: CapfReason.UPDATE_CERTIFICATE, publicKey: out.spki }, enqueue, system);
    }),
    storeCertificate: enqueueActions(({ context, event, enqueue, system }) => {
      const request = payload(event) as Extract<CapfMessage, { command: 'STORE_CERTIFICATE_REQUEST' }>;
      // The certificate must carry the public key of a key pair the phone holds: this session's, or the one
      // it generated earlier for an Offline CA request.
      // A certificate embeds its SubjectPublicKeyInfo DER verbatim, so finding the key's SPKI in it is the check.
      const key = [context.newKeys, context.pendingKey].find((k) => k && containsBytes(request.certificate, k.spki));
      const ok = key !== undefined;
      if (ok) {
        context.console.capfLscStored();
        enqueue.sendParent({ type: 'capf.client.lscStored', credential: { der: request.certificate, keys: key!.keys } } satisfies CapfClientReport);
        enqueue.assign({ did: 'install' as const });
      }
      sendCapf(
        context,
        { command: 'STORE_CERTIFICATE_RESPONSE', sessionId: context.sessionId, reason: ok ? CapfReason.UPDATE_CERTIFICATE : CapfReason.INVALID_ELEMENT },
        enqueue,
        system,
      );
    }),
    deleteCertificate: enqueueActions(({ context, enqueue, system }) => {
      const had = context.lsc !== null;
      if (had) {
        context.console.capfLscDeleted();
        enqueue.sendParent({ type: 'capf.client.lscDeleted' } satisfies CapfClientReport);
      }
      enqueue.assign({ did: 'delete' as const });
      sendCapf(context, { command: 'DELETE_CERTIFICATE_RESPONSE', sessionId: context.sessionId, reason: had ? CapfReason.UPDATE_CERTIFICATE : CapfReason.INVALID_ELEMENT }, enqueue, system);
    }),
    fetchCertificate: enqueueActions(({ context, event, enqueue, system }) => {
      const request = payload(event) as Extract<CapfMessage, { command: 'FETCH_CERTIFICATE_REQUEST' }>;
      const cert = request.certificateType === 1 ? context.lsc : context.mic;
      enqueue.assign({ did: 'fetch' as const });
      sendCapf(
        context,
        {
          command: 'FETCH_CERTIFICATE_RESPONSE',
          sessionId: context.sessionId,
          reason: cert ? CapfReason.UPDATE_CERTIFICATE : CapfReason.INVALID_ELEMENT,
          certificateType: request.certificateType,
          certificate: cert?.der,
        },
        enqueue,
        system,
      );
    }),
    logSessionEnd: ({ context, event }) => {
      const end = payload(event) as Extract<CapfMessage, { command: 'END_SESSION' }>;
      context.console.capfSessionEnded(reasonName(end.reason));
    },
    statusFailed: ({ context }) => {
      context.console.capfOperationFailed(-1);
      context.console.capfReportFailure(STATUS.lscFailed);
      context.env.log.phoneStatus(context.device, STATUS.lscFailed, 'error');
    },
    rememberSessionId: assign({
      sessionId: ({ event }) => (payload(event) as Extract<CapfMessage, { command: 'AUTH_REQUEST' }>).sessionId,
    }),
  },
}).createMachine({
  id: 'capfClient',
  context: ({ input }) => ({ ...input, attempt: 0, serverIp: null, connId: null, connections: 0, newKeys: null, did: null, sessionId: 0, outcome: null, serverCertificate: null }),
  initial: 'settling',
  states: {
    settling: { after: { settle: 'starting' } },
    starting: {
      entry: 'logStart',
      always: [
        { guard: 'hasNoCapfInTrustList', target: 'noValidCapfServer' },
        { guard: 'isServerAnIp', target: 'connecting', actions: 'useIp' },
        { target: 'resolving' },
      ],
    },
    noValidCapfServer: {
      type: 'final',
      entry: ['logNoCapf', { type: 'finish', params: { outcome: 'no-capf' } }],
    },
    resolving: {
      entry: 'askDnsmasq',
      on: {
        'dns.answer': [
          { guard: 'isResolved', target: 'connecting', actions: 'useResolvedIp' },
          { target: 'connectionFailed', actions: 'logUnresolved' },
        ],
      },
    },
    connecting: {
      entry: ['connect', { type: 'progress', params: { stage: 'connecting' } }],
      on: {
        'net.connected': { target: 'handshaking', actions: 'sendClientHello' },
        'net.refused': { target: 'connectionFailed', actions: 'logRefused' },
      },
      after: { connectTimeout: { target: 'connectionFailed', actions: ['logConnectTimeout', 'closeConnection'] } },
    },
    handshaking: {
      on: {
        'net.received': [
          { guard: and(['isServerHello', 'isPinMatching', 'isCertificateCurrent']), target: 'authenticating', actions: 'sendFinished' },
          { guard: and(['isServerHello', 'isPinMatching']), target: 'connectionFailed', actions: 'rejectExpiredServer' },
          // Not the CAPF certificate of the ITL: only TVS can vouch for it now.
          { guard: 'isServerHello', target: 'askingTvs', actions: ['keepServerCertificate', 'logAskingTvs'] },
        ],
        'net.closed': { target: 'connectionFailed', actions: 'logConnectionLost' },
      },
      after: { connectTimeout: { target: 'connectionFailed', actions: ['logConnectTimeout', 'closeConnection'] } },
    },
    askingTvs: {
      entry: 'startTvsQuery',
      exit: 'stopTvsQuery',
      on: {
        'tvs.client.verdict': [
          { guard: and(['isVouched', 'isCertificateCurrent']), target: 'authenticating', actions: 'sendFinished' },
          { guard: 'isVouched', target: 'connectionFailed', actions: 'rejectExpiredServer' },
          { target: 'connectionFailed', actions: ['logTvsRefusal', 'rejectServer'] },
        ],
        'net.closed': { target: 'connectionFailed', actions: 'logConnectionLost' },
      },
    },
    authenticating: {
        on: {
        'net.received': [
          { guard: 'isAuthRequest', target: 'answeringAuthRequest', actions: ['logMessage', 'rememberSessionId'] },
        ],
        'net.closed': { target: 'connectionFailed', actions: 'logConnectionLost' },
      },
      after: { sessionIdle: { target: 'connectionFailed', actions: ['logConnectTimeout', 'closeConnection'] } },
    },
    answeringAuthRequest: {
      always: [
        { guard: 'usesCertificate', target: 'signingAuthResponse' },
        { target: 'inSession', actions: 'sendPasswordAuthResponse' },
      ],
    },
    signingAuthResponse: {
      invoke: {
        src: 'signAuthResponse',
        input: ({ context }) => ({ env: context.env, device: context.device, credential: chooseCredential(context)! }),
        onDone: { target: 'inSession', actions: 'sendCertificateAuthResponse' },
        onError: { target: 'inSession', actions: 'sendCertificateAuthResponse' },
      },
    },
    inSession: {
      entry: { type: 'progress', params: { stage: 'in-session' } },
      on: {
        'net.received': [
          { guard: and(['isKeyGenerateRequest', 'canGenerateRequestedKey']), target: 'generatingKey', actions: ['logMessage', 'logKeyGeneration', 'sendRequestInProgress'] },
          { guard: 'isKeyGenerateRequest', actions: ['logMessage', 'refuseKeyGeneration'] },
          { guard: 'isStoreRequest', actions: ['logMessage', 'storeCertificate'] },
          { guard: 'isDeleteRequest', actions: ['logMessage', 'deleteCertificate'] },
          { guard: 'isFetchRequest', actions: ['logMessage', 'fetchCertificate'] },
          { guard: 'isEndSession', target: 'sessionEnded', actions: ['logMessage', 'logSessionEnd'] },
        ],
        'net.closed': { target: 'connectionFailed', actions: 'logConnectionLost' },
      },
      after: { sessionIdle: { target: 'connectionFailed', actions: ['logConnectTimeout', 'closeConnection'] } },
    },
    generatingKey: {
      entry: { type: 'progress', params: { stage: 'generating-keys' } },
      invoke: {
        src: 'generateKey',
        input: ({ context, event }) => ({
          env: context.env,
          model: context.model,
          device: context.device,
          spec: requestedKey(payload(event) as Extract<CapfMessage, { command: 'KEY_GENERATE_REQUEST' }>),
        }),
        onDone: { target: 'inSession', actions: 'sendKeyResponse' },
        onError: { target: 'sessionEnded' },
      },
      on: {
        'net.closed': { target: 'connectionFailed', actions: 'logConnectionLost' },
        // CAPF gave up waiting for the key (Key Generation Failed/Timeout) and ended the session.
        'net.received': { guard: 'isEndSession', target: 'sessionEnded', actions: ['logMessage', 'logSessionEnd'] },
      },
    },
    sessionEnded: {
      always: [
        { guard: 'endedWithNothingToDo', target: 'closing', actions: { type: 'setOutcome', params: { outcome: 'nothing-pending' } } },
        { guard: 'endedWithSuccess', target: 'succeeded' },
        { target: 'closing', actions: ['statusFailed', { type: 'setOutcome', params: { outcome: 'failed' } }] },
      ],
    },
    succeeded: {
      always: [
        { guard: 'didInstall', target: 'closing', actions: { type: 'setOutcome', params: { outcome: 'installed' } } },
        { guard: 'didDelete', target: 'closing', actions: { type: 'setOutcome', params: { outcome: 'deleted' } } },
        { target: 'closing', actions: { type: 'setOutcome', params: { outcome: 'troubleshoot' } } },
      ],
    },
    /** CAPF closes the connection after END_SESSION; the phone acts on the outcome once it is closed. */
    closing: {
      on: { 'net.closed': { target: 'done', actions: 'finishWithOutcome' } },
      after: { connectTimeout: { target: 'done', actions: ['closeConnection', 'finishWithOutcome'] } },
    },
    connectionFailed: {
      entry: 'statusConnectionFailed',
      always: [
        { guard: 'canRetry', target: 'retryWait', actions: 'countAttempt' },
        { target: 'done', actions: { type: 'finish', params: { outcome: 'gave-up' } } },
      ],
    },
    retryWait: {
      entry: { type: 'progress', params: { stage: 'retry-wait' } },
      after: { retryDelay: 'starting' },
    },
    done: { type: 'final' },
  },
});


function isCurrent(context: CapfClientContext, certificate: Uint8Array | null | undefined): boolean {
  if (!certificate) return false;
  const info = describeCertificate(certificate);
  const now = context.env.clock.now();
  return info.ok && info.value.notBefore.getTime() <= now && now <= info.value.notAfter.getTime();
}

/** By Existing Certificate: precedence to LSC (mode 3) or to MIC (mode 4); the other one is the fallback. */
function chooseCredential(context: CapfClientContext): PhoneCredential | null {
  return context.capfAuthMode === 3 ? (context.lsc ?? context.mic) : (context.mic ?? context.lsc);
}

function sendTls(context: CapfClientContext, message: TlsMessage, enqueue: { sendTo: (to: any, e: any) => void }, system: { get: (id: string) => any }) {
  toNetwork(enqueue, system, {
    type: 'net.send',
    connId: context.connId!,
    owner: context.systemId,
    protocol: 'TLS',
    summary: summarizeTls(message),
    payload: message,
  } satisfies NetworkEvent);
}

function sendCapf(context: CapfClientContext, message: CapfMessage, enqueue: { sendTo: (to: any, e: any) => void }, system: { get: (id: string) => any }) {
  context.console.capfMessage('sent', message.command);
  toNetwork(enqueue, system, capfSegment(context.connId!, context.systemId, message));
}
