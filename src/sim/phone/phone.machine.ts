/**
 * A Cisco IP phone with Security By Default (domain.md §8, DESIGN "The enrolment, as the phone model
 * lives it"):
 *
 *   power on → boot → CTL/ITL download (first ITL trusted on first use; a new one must be signed by a
 *   signer the old one holds, or vouched for by TVS) → signed configuration file (checked against the
 *   TFTP record of its ITL) → TVS servers resolved → registered; if the configuration carries a CAPF
 *   operation, the CAPF client runs it → LSC stored → the phone resets.
 *
 * Its flash (ITL, MIC, LSC) survives resets; everything else starts afresh on each boot.
 */
import { assign, enqueueActions, fromPromise, setup, stopChild, type AnyActorRef } from 'xstate';
import { sha1 } from '@noble/hashes/legacy.js';
import { parseItl, type ItlFile } from '../../itl/parse';
import { parseSignedFile, verifySignedFileWithItl } from '../../itl/sgn';
import { verifyItl } from '../../itl/verify';
import { bytesEqual } from '../../pki/encode';
import { parseConfigFile, type PhoneConfig } from '../cucm/config-file';
import type { SimEnv } from '../env';
import { ids } from '../env';
import { toNetwork, type NetworkDelivery, type NetworkEvent } from '../network';
import { isIpv4 } from '../protocols/dns';
import type { PhoneSpec } from '../scenario';
import { capfClientMachine, type CapfClientReport, type CapfOutcome, type PendingKey, type PhoneCredential } from './capf-client.machine';
import { PhoneConsole } from './console';
import { dnsmasqMachine, type DnsAnswer } from './dnsmasq.machine';
import { tvsClientMachine, type TvsClientReport } from './tvs-client.machine';
import { HTTP_TFTP_PORT, TFTP_PORT, summarizeRequest, type FileRequest, type FileResponse } from '../protocols/http';
import { EAPOL_PORT, type EapolResult, type EapolStart } from '../protocols/dot1x';
import { isServiceControl, SIP_PORT } from '../protocols/sip';
import { PHONE_MODELS, type PhoneModel } from './models';
import { STATUS, type LscField } from './screens';

/** SIP port the phone listens on for CUCM's NOTIFY service-control (Apply Config / Reset, TAC 217294). */
export { SIP_PORT } from '../protocols/sip';
/** A restart (Apply Config) re-runs the downloads without the full boot. */
export const RESTART_MS = 4000;
export const CONFIG_RETRY_MS = 60000;

/** How long the phone waits for the TFTP node to answer a download (our choice). */
export const DOWNLOAD_TIMEOUT_MS = 10000;

/** The outcome of one file download by the phone's "downd" process. */
export type DownloadResult =
  | { type: 'download.done'; fileName: string; ok: true; body: Uint8Array }
  | { type: 'download.done'; fileName: string; ok: false; status?: number; error: 'not-found' | 'refused' | 'timeout' | 'server-error' };

export interface PhoneFlash {
  /** The trust list the phone holds (bytes as downloaded). */
  itl: Uint8Array | null;
  mic: PhoneCredential | null;
  lsc: PhoneCredential | null;
  /** TVS servers of the last accepted configuration: whom to ask about an ITL signer the phone does not know. */
  tvsServers: string[];
  /** The last configuration the phone accepted: it keeps working with it when a new one cannot be had. */
  lastConfig?: PhoneConfig | null;
  /** A key pair whose certificate has not come yet (Offline CA). */
  pendingKey?: PendingKey | null;
}

export interface PhoneInput {
  env: SimEnv;
  spec: PhoneSpec;
  dnsServer: string;
  tftpServer: string;
  flash: PhoneFlash;
}

/** The phone's model (boot time, firmware, CAPF version, Security By Default). */
export const modelOf = (context: Pick<PhoneContext, 'spec'>): PhoneModel => PHONE_MODELS[context.spec.model];
const selfId = (context: Pick<PhoneContext, 'spec'>): string => ids.phone(context.spec.deviceName);

export type CapfActivity = 'idle' | 'connecting' | 'in-session' | 'generating-keys' | 'retry-wait';

/**
 * What the phone holds while it runs. Kept to at most 19 keys: XState copies the context with
 * Object.assign on every assign, and V8 turns a copy of 20 or more keys into a dictionary object — each
 * copy then costs ~4 µs instead of ~0.3 µs, which a 200-phone lab pays thousands of times (`npm run
 * bench`, figure c). What follows from the spec (model, system id) is looked up, not stored.
 */
export interface PhoneContext {
  env: SimEnv;
  spec: PhoneSpec;
  tftpServer: string;
  console: PhoneConsole;
  flash: PhoneFlash;
  /** Parsed ITL from flash (what Settings > Security > Trust List shows). */
  trustList: ItlFile | null;
  config: PhoneConfig | null;
  capfActivity: CapfActivity;
  capfOutcome: CapfOutcome | null;
  capfClient: AnyActorRef | null;
  capfRuns: number;
  downloads: number;
  /** The download in flight ("downd" fetches one file at a time); over TFTP, the UDP port it waits on. */
  download: { connId: string; fileName: string; port?: number } | null;
  /** A downloaded ITL whose signer the phone does not know, while TVS is asked. */
  pendingTrustList: { file: ItlFile; signer: Uint8Array } | null;
  tvsRuns: number;
  /** The ITL just downloaded, waiting to be checked. */
  candidateItl: Uint8Array | null;
  /** TVS server names still to resolve after a configuration download. */
  tvsToResolve: string[];
  /** The authentication string typed on the phone (By Authentication String). */
  enteredAuthenticationString: string | null;
  dnsmasq: AnyActorRef;
}

export type PhoneEvent =
  | NetworkDelivery
  | DownloadResult
  | DnsAnswer
  | CapfClientReport
  | TvsClientReport
  | { type: 'phone.power.on' }
  | { type: 'phone.power.off' }
  /** Power cycle, or "Reset" from CUCM. */
  | { type: 'phone.reset' }
  /** Settings > Security > LSC > Update → enter the string → Submit. */
  | { type: 'phone.lsc.submit'; authenticationString: string }
  /** Settings > Security > Trust List: erase the ITL/CTL ("Reset Security Settings"). */
  | { type: 'phone.trustList.erase' };

export type TrustListVerdict =
  | { verdict: 'first'; file: ItlFile }
  | { verdict: 'same' }
  | { verdict: 'updated'; file: ItlFile }
  | { verdict: 'unknown-signer'; file: ItlFile; signer: Uint8Array }
  | { verdict: 'invalid'; reason: string };

/** Function codes that authenticate TFTP files (CCM 1, CCM+TFTP 2, TFTP 3). */
const TFTP_ROLES = [1, 2, 3];

/**
 * How the phone judges a downloaded ITL against the one in its flash (domain.md §8): trust on first use;
 * otherwise the new file's signer must be a SAST of the old file (same certificate), or TVS must vouch for
 * it. A trust list without TFTP records — the reset ITL of `utils itl reset`, or the empty one of "Prepare
 * Cluster for Rollback" — makes the phone accept the next trust list it is given (domain.md §5.7, §8).
 */
export async function judgeTrustList(stored: Uint8Array | null, candidate: Uint8Array): Promise<TrustListVerdict> {
  // The firmware compares the new file with the one it holds first ("hashes match") and stops there.
  if (stored && bytesEqual(stored, candidate)) return { verdict: 'same' };
  const parsed = parseItl(candidate);
  if (!parsed.ok) return { verdict: 'invalid', reason: `${parsed.error.message} (offset ${parsed.error.offset})` };
  const file = parsed.value;
  const verified = await verifyItl(file);
  if (!verified.ok) return { verdict: 'invalid', reason: verified.reason };
  if (!stored) return { verdict: 'first', file };
  const old = parseItl(stored);
  // An unreadable ITL in flash counts as none: the phone falls back to trusting the first file again.
  if (!old.ok) return { verdict: 'first', file };
  if (!old.value.records.some((r) => TFTP_ROLES.includes(r.function.code))) return { verdict: 'updated', file };
  const signerCert = file.records[verified.signerIndex].certificate!;
  const signerHash = sha1(signerCert);
  const known = old.value.records.some((r) => r.function.code === 0 && r.certificate && bytesEqual(sha1(r.certificate), signerHash));
  return known ? { verdict: 'updated', file } : { verdict: 'unknown-signer', file, signer: signerCert };
}

/** SHA-1s of the TVS certificates in a trust list (CERTHASH or the certificate's own hash). */
export function tvsPins(trustList: ItlFile | null): Uint8Array[] {
  return (trustList?.records ?? [])
    .filter((r) => r.function.code === 21)
    .map((r) => r.certHash ?? (r.certificate ? sha1(r.certificate) : undefined))
    .filter((h): h is Uint8Array => h !== undefined);
}

/** The CAPF pin: SHA-1 of the CAPF certificate, from the CAPF record's CERTHASH (or its certificate). */
export function capfPin(trustList: ItlFile | null): Uint8Array | null {
  const record = trustList?.records.find((r) => r.function.code === 4);
  if (!record) return null;
  return record.certHash ?? (record.certificate ? sha1(record.certificate) : null);
}

export function lscField(context: Pick<PhoneContext, 'config' | 'flash' | 'capfOutcome'>): LscField {
  const pending = (context.config?.capfAuthMode ?? 0) !== 0 && (context.capfOutcome === null || context.capfOutcome === 'installed');
  if (pending) return 'Pending';
  return context.flash.lsc ? 'Installed' : 'Not Installed';
}

const decoder = new TextDecoder();

/** Phones with Security By Default fetch the signed file; the others the plain one. */
const configFileName = (c: Pick<PhoneContext, 'spec'>) => `${c.spec.deviceName}.cnf.xml${modelOf(c).securityByDefault ? '.sgn' : ''}`;

export const phoneMachine = setup({
  types: { context: {} as PhoneContext, input: {} as PhoneInput, events: {} as PhoneEvent },
  actors: {
    dnsmasq: dnsmasqMachine,
    capfClient: capfClientMachine,
    tvsClient: tvsClientMachine,
    judgeTrustList: fromPromise(async ({ input }: { input: { env: SimEnv; stored: Uint8Array | null; candidate: Uint8Array } }) =>
      input.env.clock.work(0, () => judgeTrustList(input.stored, input.candidate), 'ITL check'),
    ),
    verifyConfigFile: fromPromise(async ({ input }: { input: { env: SimEnv; sgn: Uint8Array; trustList: ItlFile | null } }) =>
      input.env.clock.work(0, async () => {
        if (!input.trustList || !input.trustList.records.some((r) => TFTP_ROLES.includes(r.function.code))) {
          // Without a trust list, or with one that holds no TFTP signer (a reset ITL), the phone cannot
          // check the signature and takes the file as it is.
          const parsed = parseSignedFile(input.sgn);
          return { ok: true as const, content: parsed.ok ? parsed.value.content : input.sgn };
        }
        return verifySignedFileWithItl(input.sgn, input.trustList);
      }, 'config signature check'),
    ),
  },
  delays: {
    bootTime: ({ context }) => modelOf(context).bootSeconds * 1000,
    restartTime: RESTART_MS,
    configRetry: CONFIG_RETRY_MS,
    vpnCheck: 2000,
    downloadTimeout: DOWNLOAD_TIMEOUT_MS,
    dot1xTimeout: 5000,
  },
  guards: {
    isCurrentDownload: ({ context, event }) =>
      (event.type === 'net.exchange.response' || event.type === 'net.exchange.failed') && context.download?.connId === event.connId,
    /** A TFTP answer (or ICMP port unreachable) for the download in flight over UDP. */
    isCurrentTftpDownload: ({ context, event }) =>
      context.download?.port !== undefined &&
      ((event.type === 'net.datagram.received' && event.to.port === context.download.port && (event.payload as FileResponse)?.kind === 'file.response') ||
        (event.type === 'net.datagram.unreachable' && event.to.ip === context.tftpServer && event.to.port === TFTP_PORT)),
    isDownloadOk: ({ event }) => event.type === 'download.done' && event.ok,
    isFirstTrustList: ({ event }) => (event as unknown as { output: TrustListVerdict }).output.verdict === 'first',
    isSameTrustList: ({ event }) => (event as unknown as { output: TrustListVerdict }).output.verdict === 'same',
    isUpdatedTrustList: ({ event }) => (event as unknown as { output: TrustListVerdict }).output.verdict === 'updated',
    isUnknownSigner: ({ event }) => (event as unknown as { output: TrustListVerdict }).output.verdict === 'unknown-signer',
    isVouched: ({ event }) => event.type === 'tvs.client.verdict' && event.vouched,
    lacksSecurityByDefault: ({ context }) => !modelOf(context).securityByDefault,
    hasCachedConfig: ({ context }) => Boolean(context.flash.lastConfig),
    hasDot1xPort: ({ context }) => Boolean(context.env.scenario.dot1x),
    isEapolResult: ({ event }) => event.type === 'net.datagram.received' && (event.payload as { kind?: string })?.kind === 'eapol.result',
    isConfigSignatureValid: ({ event }) => Boolean((event as unknown as { output: { ok: boolean } }).output?.ok),
    hasTvsToResolve: ({ context }) => context.tvsToResolve.length > 0,
    isResetRequest: ({ event }) => event.type === 'net.datagram.received' && isServiceControl(event.payload) && event.payload.action === 'reset',
    /** Apply Config and Restart both make the phone read its configuration again, without a boot. */
    isApplyConfig: ({ event }) =>
      event.type === 'net.datagram.received' && isServiceControl(event.payload) && (event.payload.action === 'apply-config' || event.payload.action === 'restart'),
    startsCapfByItself: ({ context }) => [2, 3, 4].includes(context.config?.capfAuthMode ?? 0),
    waitsForAuthenticationString: ({ context }) => context.config?.capfAuthMode === 1,
    resetsAfterOperation: ({ event }) => event.type === 'capf.client.finished' && (event.outcome === 'installed' || event.outcome === 'deleted'),
  },
  actions: {
    newBoot: ({ context }) => context.console.newBoot(),
    logBooted: ({ context }) => {
      context.console.booted(modelOf(context).firmware, context.spec.ip, context.tftpServer);
    },
    forgetSession: assign({
      config: null,
      pendingTrustList: null,
      capfActivity: 'idle' as CapfActivity,
      capfOutcome: null,
      candidateItl: null,
      tvsToResolve: [],
      enteredAuthenticationString: null,
    }),
    flushDnsmasq: enqueueActions(({ context, enqueue }) => enqueue.sendTo(context.dnsmasq, { type: 'dns.flush' })),
    stopCapfClient: enqueueActions(({ context, enqueue }) => {
      if (context.capfClient) enqueue(stopChild(context.capfClient));
      enqueue.assign({ capfClient: null });
    }),
    /**
     * "downd" fetches a file from the TFTP node: over HTTP on TCP 6970 (88xx, S14's downd-GETXXTP lines), or
     * with a TFTP read request on UDP 69 (79xx, phone/models.ts), waiting on its own UDP port for the data.
     */
    download: enqueueActions(({ context, enqueue, system }, params: { file: (c: PhoneContext) => string; dest?: string }) => {
      const n = context.downloads + 1;
      const fileName = params.file(context);
      const request: FileRequest = { kind: 'file.request', fileName };
      const transport = modelOf(context).fileTransport;
      // A signed file is asked for by its plain name and fetched as `.sgn` (TAC 214535's downd lines); it
      // lands on the phone's RAM disk under its name and a number (the exact directory is not in the source).
      const plain = fileName.replace(/\.sgn$/, '');
      const dest = params.dest ?? `/tmp/${plain}.${context.env.random.fork(`${context.spec.deviceName}/dest/${n}`).int(10000, 65535)}`;
      context.console.download(plain, dest, plain === fileName ? undefined : fileName);
      if (transport === 'TFTP') {
        const connId = `${context.spec.deviceName}/tftp/${n}`;
        const port = context.env.random.fork(connId).int(32768, 60999);
        enqueue.assign({ downloads: n, download: { connId, fileName, port } });
        toNetwork(enqueue, system, { type: 'net.bind', owner: selfId(context), ip: context.spec.ip, transport: 'UDP', port });
        toNetwork(enqueue, system, {
          type: 'net.datagram',
          owner: selfId(context),
          from: { ip: context.spec.ip, port },
          to: { ip: context.tftpServer, port: TFTP_PORT },
          protocol: 'TFTP',
          summary: summarizeRequest(request, 'TFTP'),
          detail: { file: fileName },
          payload: request,
        });
        return;
      }
      const connId = `${context.spec.deviceName}/http/${n}`;
      enqueue.assign({ downloads: n, download: { connId, fileName } });
      toNetwork(enqueue, system, {
        type: 'net.exchange',
        connId,
        owner: selfId(context),
        from: { ip: context.spec.ip, port: context.env.random.fork(connId).int(32768, 60999) },
        to: { ip: context.tftpServer, port: HTTP_TFTP_PORT },
        protocol: 'HTTP',
        summary: summarizeRequest(request, 'HTTP'),
        detail: { file: fileName },
        payload: request,
      });
    }),
    /** The answer (or its absence) becomes the download's result. */
    finishDownload: enqueueActions(({ context, event, enqueue, system }) => {
      const d = context.download;
      if (!d) return;
      if (d.port !== undefined) toNetwork(enqueue, system, { type: 'net.unbind', owner: selfId(context), ip: context.spec.ip, transport: 'UDP', port: d.port });
      let result: DownloadResult;
      if (event.type === 'net.exchange.response' || event.type === 'net.datagram.received') {
        const r = event.payload as FileResponse;
        context.console.downloadResult(r.status, d.fileName);
        result =
          r.status === 200 && r.body
            ? { type: 'download.done', fileName: d.fileName, ok: true, body: r.body }
            : { type: 'download.done', fileName: d.fileName, ok: false, status: r.status, error: r.status === 404 ? 'not-found' : 'server-error' };
      } else if (event.type === 'net.exchange.failed' || event.type === 'net.datagram.unreachable') {
        context.console.downloadFailed(d.fileName, 'connection refused');
        result = { type: 'download.done', fileName: d.fileName, ok: false, error: 'refused' };
      } else {
        context.console.downloadFailed(d.fileName, 'timed out');
        result = { type: 'download.done', fileName: d.fileName, ok: false, error: 'timeout' };
      }
      enqueue.assign({ download: null });
      enqueue.raise(result);
    }),
    keepCandidateItl: assign({ candidateItl: ({ event }) => (event.type === 'download.done' && event.ok ? event.body : null) }),
    logTrustListHeader: ({ context, event }) => {
      const out = (event as unknown as { output: TrustListVerdict }).output;
      if (out.verdict === 'invalid' || out.verdict === 'same') return;
      // The firmware counts the header's TLVs up to the pad byte (S14: "start of pad … at TLV 15").
      const pad = out.file.headerTlvs.findIndex((t) => t.tag === 13);
      if (pad >= 0) context.console.trustListHeader(pad + 1);
    },
    acceptTrustList: assign(({ context, event }) => {
      const out = (event as unknown as { output: TrustListVerdict }).output;
      if (out.verdict === 'invalid' || out.verdict === 'same') return {};
      return { flash: { ...context.flash, itl: context.candidateItl }, trustList: out.file, candidateItl: null };
    }),
    logLeapOfFaith: ({ context }) => {
      context.console.trustListLeapOfFaith();
      context.console.trustListAccepted();
      context.env.log.phoneStatus(context.spec.deviceName, STATUS.itlInstalled);
    },
    logTrustListUpdated: ({ context }) => {
      context.console.trustListAccepted();
      context.env.log.phoneStatus(context.spec.deviceName, STATUS.trustListUpdated);
    },
    logTrustListUnchanged: ({ context }) => context.console.trustListUnchanged(),
    keepUnknownSigner: assign({
      pendingTrustList: ({ event }) => {
        const out = (event as unknown as { output: TrustListVerdict }).output;
        return out.verdict === 'unknown-signer' ? { file: out.file, signer: out.signer } : null;
      },
    }),
    startTvsClient: assign(({ context, spawn }) => {
      const n = context.tvsRuns + 1;
      const systemId = `${selfId(context)}/tvs-client/${n}`;
      spawn('tvsClient', {
        id: `tvs-client-${n}`,
        systemId,
        input: {
          env: context.env,
          systemId,
          device: context.spec.deviceName,
          tvsDeviceName: `${modelOf(context).model}-${context.spec.deviceName}`,
          phoneIp: context.spec.ip,
          console: context.console,
          server: context.flash.tvsServers[0],
          pins: tvsPins(context.trustList),
          certificate: context.pendingTrustList!.signer,
          // A new ITL signer must be a SAST or a CCM/TFTP signer (domain.md §5.4, §8).
          roles: [0, 1, 3],
        },
      });
      return { tvsRuns: n };
    }),
    /** A finished (or abandoned) TVS query: its actor is let go, so a long lab does not pile them up. */
    stopTvsClient: enqueueActions(({ context, enqueue }) => {
      if (context.tvsRuns > 0) enqueue(stopChild(`tvs-client-${context.tvsRuns}`));
    }),
    acceptVouchedTrustList: assign(({ context }) => ({
      flash: { ...context.flash, itl: context.candidateItl },
      trustList: context.pendingTrustList?.file ?? context.trustList,
      candidateItl: null,
      pendingTrustList: null,
    })),
    logTvsRefusal: ({ context, event }) => {
      context.console.trustListRejected(`the new signer is not in the trust list and TVS did not vouch for it (${event.type === 'tvs.client.verdict' ? event.reason : ''})`);
      context.env.log.phoneStatus(context.spec.deviceName, STATUS.trustListUpdateFailed, 'error');
    },
    logTrustListRejected: ({ context, event }) => {
      const out = (event as unknown as { output: TrustListVerdict }).output;
      context.console.trustListRejected(out.verdict === 'invalid' ? out.reason : 'the new signer is not in the trust list and TVS did not vouch for it');
      context.env.log.phoneStatus(context.spec.deviceName, STATUS.trustListUpdateFailed, 'error');
    },
    logItlDownloadFailed: ({ context, event }) => {
      if (event.type === 'download.done' && !event.ok && event.error !== 'not-found') {
        context.env.log.phoneStatus(context.spec.deviceName, event.error === 'timeout' ? STATUS.tftpTimeout : STATUS.tftpError, 'error');
      }
    },
    logConfigDownloadFailed: ({ context, event }) => {
      if (event.type !== 'download.done' || event.ok) return;
      const file = configFileName(context);
      context.env.log.phoneStatus(
        context.spec.deviceName,
        event.error === 'not-found' ? STATUS.fileNotFound(file) : event.error === 'timeout' ? STATUS.tftpTimeout : STATUS.tftpError,
        'error',
      );
    },
    storeConfig: assign(({ context, event }) => {
      const out = (event as unknown as { output: { ok: true; content: Uint8Array } }).output;
      const config = parseConfigFile(decoder.decode(out.content), context.spec.deviceName);
      // Without Security By Default there is no TVS: such a phone neither resolves nor asks a TVS server
      // (domain.md §8; TAC 200860).
      const tvsServers = modelOf(context).securityByDefault ? config.tvsServers : [];
      return {
        config,
        tvsToResolve: tvsServers.filter((s) => !isIpv4(s)),
        flash: { ...context.flash, tvsServers, lastConfig: config },
      };
    }),
    logConfigAccepted: ({ context }) => {
      const file = configFileName(context);
      if (context.trustList && file.endsWith('.sgn')) context.console.configSignature(true, file);
      context.env.log.phoneStatus(context.spec.deviceName, STATUS.configFile(file, modelOf(context).fileTransport));
    },
    logConfigRejected: ({ context }) => {
      const file = configFileName(context);
      context.console.configSignature(false, file);
      context.env.log.phoneStatus(context.spec.deviceName, STATUS.configSignatureRejected(file), 'error');
    },
    resolveNextTvs: enqueueActions(({ context, enqueue }) => {
      if (context.tvsToResolve.length === 0) return;
      enqueue.sendTo(context.dnsmasq, { type: 'dns.resolve', name: context.tvsToResolve[0], replyTo: selfId(context) });
    }),
    noteTvsResolution: assign(({ context, event }) => {
      if (event.type !== 'dns.answer') return {};
      // The seed's DNS lab prints the WRN NetUtil.traceIPv4DNSErrors line before the ERR TvsProperty line.
      if (!event.address && !event.cached) context.console.dnsFailure(event.name);
      context.console.tvsResolved(event.name, event.address);
      if (!event.address && !event.cached) {
        context.env.log.phoneStatus(context.spec.deviceName, event.timedOut ? STATUS.dnsTimeout : STATUS.dnsUnknownHost(event.name), 'error');
      }
      return { tvsToResolve: context.tvsToResolve.filter((n) => n !== event.name) };
    }),
    listenEapol: enqueueActions(({ context, enqueue, system }) => {
      toNetwork(enqueue, system, { type: 'net.bind', owner: selfId(context), ip: context.spec.ip, transport: 'UDP', port: EAPOL_PORT });
    }),
    stopEapol: enqueueActions(({ context, enqueue, system }) => {
      toNetwork(enqueue, system, { type: 'net.unbind', owner: selfId(context), ip: context.spec.ip, transport: 'UDP', port: EAPOL_PORT });
    }),
    startEapTls: enqueueActions(({ context, enqueue, system }) => {
      const dot1x = context.env.scenario.dot1x!;
      const credential = context.flash.lsc ?? context.flash.mic;
      if (!credential) return;
      const certificateType = context.flash.lsc ? 'LSC' : 'MIC';
      const identity = `${modelOf(context).model}-${context.spec.deviceName}`;
      context.console.dot1xStart(certificateType);
      const start: EapolStart = { kind: 'eapol.start', identity, certificate: credential.der, certificateType };
      toNetwork(enqueue, system, {
        type: 'net.datagram',
        owner: selfId(context),
        from: { ip: context.spec.ip, port: EAPOL_PORT },
        to: { ip: dot1x.switch.ip, port: EAPOL_PORT },
        protocol: 'EAPOL',
        summary: `EAPOL-Start, EAP-Response/Identity ${identity}, EAP-TLS with the ${certificateType}`,
        detail: { identity, certificate: `${certificateType} (${credential.der.length} bytes)` },
        payload: start,
      });
    }),
    logDot1xResult: ({ context, event }) => {
      const ok = event.type === 'net.datagram.received' && (event.payload as EapolResult).success;
      context.console.dot1xResult(ok);
      if (!ok) context.env.log.phoneStatus(context.spec.deviceName, STATUS.dot1xFailed, 'error');
    },
    logDot1xTimeout: ({ context }) => {
      context.console.dot1xResult(false);
      context.env.log.phoneStatus(context.spec.deviceName, STATUS.dot1xFailed, 'error');
    },
    useCachedConfig: assign({ config: ({ context }) => context.flash.lastConfig ?? null }),
    logVpn: ({ context }) => {
      if (!context.config?.vpnConfigured) context.env.log.phoneStatus(context.spec.deviceName, STATUS.vpnNotConfigured);
    },
    listenSip: enqueueActions(({ context, enqueue, system }) => {
      toNetwork(enqueue, system, { type: 'net.bind', owner: selfId(context), ip: context.spec.ip, transport: 'UDP', port: SIP_PORT } satisfies NetworkEvent);
    }),
    stopSip: enqueueActions(({ context, enqueue, system }) => {
      toNetwork(enqueue, system, { type: 'net.unbind', owner: selfId(context), ip: context.spec.ip, transport: 'UDP', port: SIP_PORT } satisfies NetworkEvent);
    }),
    startCapfClient: assign(({ context, spawn }) => {
      const config = context.config!;
      const n = context.capfRuns + 1;
      const systemId = `${ids.capfClient(context.spec.deviceName)}/${n}`;
      const ref = spawn('capfClient', {
        id: `capf-client-${n}`,
        systemId,
        input: {
          env: context.env,
          systemId,
          phoneSystemId: selfId(context),
          device: context.spec.deviceName,
          model: modelOf(context),
          phoneIp: context.spec.ip,
          console: context.console,
          capfServer: config.capfServer,
          capfPort: config.capfPort,
          capfAuthMode: config.capfAuthMode as 1 | 2 | 3 | 4,
          authenticationString: context.enteredAuthenticationString ?? undefined,
          capfPin: capfPin(context.trustList),
          tvs: { server: context.flash.tvsServers[0], pins: tvsPins(context.trustList), deviceName: `${modelOf(context).model}-${context.spec.deviceName}` },
          mic: context.flash.mic,
          lsc: context.flash.lsc,
          pendingKey: context.flash.pendingKey ?? null,
        },
      });
      return { capfClient: ref, capfRuns: n, capfActivity: 'connecting' as CapfActivity, capfOutcome: null };
    }),
    rememberAuthenticationString: assign({
      enteredAuthenticationString: ({ event }) => (event.type === 'phone.lsc.submit' ? event.authenticationString : null),
    }),
    noteCapfProgress: assign({
      capfActivity: ({ event, context }) => (event.type === 'capf.client.progress' ? event.stage : context.capfActivity),
    }),
    storeLsc: assign({
      flash: ({ context, event }) => (event.type === 'capf.client.lscStored' ? { ...context.flash, lsc: event.credential, pendingKey: null } : context.flash),
    }),
    keepPendingKey: assign({
      flash: ({ context, event }) => (event.type === 'capf.client.keyPending' ? { ...context.flash, pendingKey: event.key } : context.flash),
    }),
    deleteLsc: assign({ flash: ({ context }) => ({ ...context.flash, lsc: null }) }),
    noteCapfOutcome: enqueueActions(({ context, event, enqueue }) => {
      // The client has finished; stopping it lets the phone's children go (a lab may run many operations).
      if (context.capfClient) enqueue(stopChild(context.capfClient));
      enqueue.assign({
        capfOutcome: event.type === 'capf.client.finished' ? event.outcome : context.capfOutcome,
        capfActivity: 'idle' as CapfActivity,
        capfClient: null,
      });
    }),
    announceOperationDone: ({ context, event }) => {
      if (event.type !== 'capf.client.finished') return;
      if (event.outcome === 'installed') context.env.log.phoneStatus(context.spec.deviceName, STATUS.lscInstalled);
      if (event.outcome === 'deleted') context.env.log.phoneStatus(context.spec.deviceName, STATUS.lscDeleted);
      context.console.resetting(event.outcome === 'installed' ? 'LSC installed' : 'LSC deleted');
    },
    eraseTrustList: assign({ flash: ({ context }) => ({ ...context.flash, itl: null }), trustList: null }),
    logRestartRequested: ({ context }) => context.console.resetting('service-control action=apply-config from Cisco Unified CM'),
  },
}).createMachine({
  id: 'phone',
  context: ({ input, spawn }) => {
    const random = input.env.random.fork(ids.phone(input.spec.deviceName));
    const console = new PhoneConsole(input.spec.deviceName, input.env.log, random.fork('console'), PHONE_MODELS[input.spec.model]?.console ?? 'java');
    const trust = input.flash.itl ? parseItl(input.flash.itl) : null;
    return {
      env: input.env,
      spec: input.spec,
      tftpServer: input.tftpServer,
      console,
      flash: input.flash,
      trustList: trust?.ok ? trust.value : null,
      config: null,
      capfActivity: 'idle',
      capfOutcome: null,
      capfClient: null,
      capfRuns: 0,
      downloads: 0,
      download: null,
      pendingTrustList: null,
      tvsRuns: 0,
      candidateItl: null,
      tvsToResolve: [],
      enteredAuthenticationString: null,
      dnsmasq: spawn('dnsmasq', {
        id: 'dnsmasq',
        systemId: ids.dnsmasq(input.spec.deviceName),
        input: { systemId: ids.dnsmasq(input.spec.deviceName), phoneIp: input.spec.ip, dnsServer: input.dnsServer, console, random: random.fork('dnsmasq'), now: () => input.env.clock.now() },
      }),
    };
  },
  initial: 'off',
  states: {
    off: {
      on: { 'phone.power.on': 'on' },
    },
    on: {
      initial: 'booting',
      on: {
        'phone.power.off': { target: 'off', actions: ['stopCapfClient', 'forgetSession'] },
        'phone.reset': { target: '.booting', reenter: true },
        'phone.trustList.erase': { actions: 'eraseTrustList' },
        'capf.client.lscStored': { actions: 'storeLsc' },
        'capf.client.keyPending': { actions: 'keepPendingKey' },
        'capf.client.lscDeleted': { actions: 'deleteLsc' },
        'capf.client.progress': { actions: 'noteCapfProgress' },
        'net.exchange.response': { guard: 'isCurrentDownload', actions: 'finishDownload' },
        'net.exchange.failed': { guard: 'isCurrentDownload', actions: 'finishDownload' },
        'net.datagram.received': { guard: 'isCurrentTftpDownload', actions: 'finishDownload' },
        'net.datagram.unreachable': { guard: 'isCurrentTftpDownload', actions: 'finishDownload' },
      },
      states: {
        booting: {
          entry: ['newBoot', 'stopCapfClient', 'forgetSession', 'flushDnsmasq'],
          after: {
            bootTime: [
              { guard: 'hasDot1xPort', target: 'authenticatingPort', actions: 'logBooted' },
              { target: 'trustList', actions: 'logBooted' },
            ],
          },
        },
        /**
         * 802.1X on the switch port (EAP-TLS): the phone presents its LSC if it has one, else its MIC (S2).
         * The port is in monitor mode, so the phone goes on either way; the verdict shows.
         */
        authenticatingPort: {
          entry: ['listenEapol', 'startEapTls'],
          exit: 'stopEapol',
          on: {
            'net.datagram.received': { guard: 'isEapolResult', target: 'trustList', actions: 'logDot1xResult' },
          },
          after: { dot1xTimeout: { target: 'trustList', actions: 'logDot1xTimeout' } },
        },
        /** Apply Config: CUCM's service-control NOTIFY makes the phone fetch its configuration again (not its trust list). */
        restarting: {
          entry: ['logRestartRequested', 'stopCapfClient', 'forgetSession'],
          after: { restartTime: 'configuring' },
        },
        trustList: {
          initial: 'deciding',
          states: {
            deciding: {
              // 7940/7960-class phones have no Security By Default: no ITL, unsigned configuration (seed).
              always: [{ guard: 'lacksSecurityByDefault', target: '#phone.on.configuring' }, { target: 'fetchingCtl' }],
            },
            fetchingCtl: {
              // Non-secure cluster: no CTL exists and the 404 is harmless (domain.md §8).
              entry: { type: 'download', params: { file: (c: PhoneContext) => `CTLSEP${c.spec.deviceName.slice(3)}.tlv`, dest: '/tmp/CTLFile.tlv' } },
              on: { 'download.done': 'fetchingItl' },
              after: { downloadTimeout: { actions: 'finishDownload' } },
            },
            fetchingItl: {
              entry: { type: 'download', params: { file: (c: PhoneContext) => `ITLSEP${c.spec.deviceName.slice(3)}.tlv`, dest: '/tmp/ITLFile.tlv' } },
              after: { downloadTimeout: { actions: 'finishDownload' } },
              on: {
                'download.done': [
                  { guard: 'isDownloadOk', target: 'checking', actions: 'keepCandidateItl' },
                  { target: '#phone.on.configuring', actions: 'logItlDownloadFailed' },
                ],
              },
            },
            checking: {
              invoke: {
                src: 'judgeTrustList',
                input: ({ context }) => ({ env: context.env, stored: context.flash.itl, candidate: context.candidateItl! }),
                onDone: [
                  { guard: 'isSameTrustList', target: '#phone.on.configuring', actions: 'logTrustListUnchanged' },
                  { guard: 'isFirstTrustList', target: '#phone.on.configuring', actions: ['logTrustListHeader', 'acceptTrustList', 'logLeapOfFaith'] },
                  { guard: 'isUpdatedTrustList', target: '#phone.on.configuring', actions: ['logTrustListHeader', 'acceptTrustList', 'logTrustListUpdated'] },
                  { guard: 'isUnknownSigner', target: 'askingTvs', actions: ['logTrustListHeader', 'keepUnknownSigner'] },
                  { target: '#phone.on.configuring', actions: 'logTrustListRejected' },
                ],
                onError: { target: '#phone.on.configuring' },
              },
            },
            /** A new signer: only TVS can vouch for it (domain.md §8, S14). */
            askingTvs: {
              entry: 'startTvsClient',
              exit: 'stopTvsClient',
              on: {
                'tvs.client.verdict': [
                  { guard: 'isVouched', target: '#phone.on.configuring', actions: ['acceptVouchedTrustList', 'logTrustListUpdated'] },
                  { target: '#phone.on.configuring', actions: 'logTvsRefusal' },
                ],
              },
            },
          },
        },
        configuring: {
          initial: 'fetching',
          states: {
            fetching: {
              entry: { type: 'download', params: { file: configFileName } },
              after: { downloadTimeout: { actions: 'finishDownload' } },
              on: {
                'download.done': [
                  { guard: 'isDownloadOk', target: 'verifying' },
                  { guard: 'hasCachedConfig', target: 'settling', actions: ['logConfigDownloadFailed', 'useCachedConfig'] },
                  { target: '#phone.on.unprovisioned', actions: 'logConfigDownloadFailed' },
                ],
              },
            },
            verifying: {
              invoke: {
                src: 'verifyConfigFile',
                input: ({ context, event }) => ({ env: context.env, sgn: (event as Extract<DownloadResult, { ok: true }>).body, trustList: context.trustList }),
                onDone: [
                  { guard: 'isConfigSignatureValid', target: 'resolvingTvs', actions: ['storeConfig', 'logConfigAccepted'] },
                  { guard: 'hasCachedConfig', target: 'settling', actions: ['logConfigRejected', 'useCachedConfig'] },
                  { target: '#phone.on.unprovisioned', actions: 'logConfigRejected' },
                ],
                onError: { target: '#phone.on.unprovisioned', actions: 'logConfigRejected' },
              },
            },
            resolvingTvs: {
              always: { guard: ({ context }) => context.tvsToResolve.length === 0, target: 'settling' },
              entry: 'resolveNextTvs',
              on: { 'dns.answer': { target: 'resolvingTvs', reenter: true, actions: 'noteTvsResolution' } },
            },
            settling: {
              after: { vpnCheck: { target: '#phone.on.registered', actions: 'logVpn' } },
            },
          },
        },
        unprovisioned: {
          after: { configRetry: 'configuring' },
        },
        registered: {
          entry: 'listenSip',
          exit: ['stopSip', 'stopCapfClient'],
          initial: 'checkingOperation',
          on: {
            'net.datagram.received': [
              { guard: 'isResetRequest', target: 'booting' },
              { guard: 'isApplyConfig', target: 'restarting' },
            ],
            'capf.client.finished': [
              { guard: 'resetsAfterOperation', target: 'booting', actions: ['noteCapfOutcome', 'announceOperationDone'] },
              { target: '.idle', actions: 'noteCapfOutcome' },
            ],
          },
          states: {
            checkingOperation: {
              always: [
                { guard: 'startsCapfByItself', target: 'capfOperation', actions: 'startCapfClient' },
                { guard: 'waitsForAuthenticationString', target: 'awaitingAuthenticationString' },
                { target: 'idle' },
              ],
            },
            awaitingAuthenticationString: {
              on: { 'phone.lsc.submit': { target: 'capfOperation', actions: ['rememberAuthenticationString', 'startCapfClient'] } },
            },
            capfOperation: {},
            idle: {
              on: { 'phone.lsc.submit': { guard: 'waitsForAuthenticationString', target: 'capfOperation', actions: ['rememberAuthenticationString', 'startCapfClient'] } },
            },
          },
        },
      },
    },
  },
});

