/**
 * "Cisco TFTP" on one CUCM node. When it starts it builds the node's ITL from the certificates the
 * cluster has *at that moment* and signs it — with the node's own CallManager key in CUCM 11.5 (the seed:
 * "This etoken was used to sign the ITL file" on the node's SAST record), with the publisher's ITLRecovery
 * key from 12.0 on (scenario.ts `RELEASES`). It does not rebuild the
 * ITL when a certificate changes later — that is why the seed says to restart Cisco TFTP on every TFTP
 * node after activating CAPF, and why a regenerated CAPF certificate leaves phones pinning the old one.
 *
 * It serves, over HTTP 6970 and TFTP 69: `ITLSEP<MAC>.tlv` / `ITLFile.tlv`, and each phone's
 * `SEP<MAC>.cnf.xml(.sgn)` built from the database on request (signed with the same key).
 */
import { assign, enqueueActions, fromCallback, fromPromise, setup } from 'xstate';
import { buildItl, type ItlRecordInput } from '../../itl/build';
import { buildSignedFile } from '../../itl/sgn';
import type { SimEnv } from '../env';
import { ids, nodeSpec, publisher } from '../env';
import { toNetwork, type NetworkDelivery, type NetworkEvent } from '../network';
import { HTTP_TFTP_PORT, TFTP_PORT, summarizeResponse, type FileRequest, type FileResponse } from '../protocols/http';
import { CAPF_PORT } from '../protocols/capf';
import { PHONE_MODELS } from '../phone/models';
import { releaseOf } from '../scenario';
import { buildConfigFile } from './config-file';
import type { StoredCertificate } from './certificates';
import { describeCertificate } from '../../pki/parse';
import { commonName } from '../../pki/names';

/** Virtual time the service takes to start (and build its ITL). */
export const TFTP_START_MS = 8000;

export interface BuiltItl {
  bytes: Uint8Array;
  builtAt: number;
  /** What went in, for `show itl` debugging and the lab runner. */
  records: Array<{ function: string; subject: string }>;
}

export interface TftpInput {
  env: SimEnv;
  node: string;
  activated: boolean;
}

interface PendingReply {
  via: 'HTTP' | 'TFTP';
  /** The signed `.cnf.xml.sgn` (true) or the plain `.cnf.xml` was asked for. */
  signed?: boolean;
  /** The file asked for, for the answer when building it fails. */
  fileName?: string;
  connId?: string;
  from?: { ip: string; port: number };
  to?: { ip: string; port: number };
}

export interface TftpContext {
  env: SimEnv;
  node: string;
  ip: string;
  systemId: string;
  activated: boolean;
  itl: BuiltItl | null;
  /** Signed configuration files by device, valid while the record's configVersion is unchanged. */
  configCache: Map<string, { version: number; sgn: Uint8Array; xml: Uint8Array }>;
  replies: Map<string, PendingReply>;
  nextReply: number;
}

export type TftpEvent =
  | NetworkDelivery
  | { type: 'service.activate' }
  | { type: 'service.deactivate' }
  | { type: 'service.start' }
  | { type: 'service.stop' }
  | { type: 'service.restart' }
  /** `utils itl reset`: a reset ITL transferred to this node replaces the one it serves. */
  | { type: 'tftp.itl.install'; itl: BuiltItl }
  /** The ITL file on the node's disk is damaged (one byte changed); a restart rebuilds it. */
  | { type: 'tftp.itl.corrupt' }
  | { type: 'xstate.done.actor.itl-build'; output: BuiltItl }
  | { type: 'xstate.error.actor.itl-build'; error: unknown }
  | ConfigBuilt;

/** What the config-file builder reports for one request. */
type ConfigBuilt =
  | { type: 'tftp.config.built'; replyId: string; deviceName: string; built: Awaited<ReturnType<typeof buildPhoneConfig>> }
  | { type: 'tftp.config.failed'; replyId: string; error: unknown };

interface BuildRequest {
  type: 'build';
  replyId: string;
  deviceName: string;
}

/**
 * The ITL of one TFTP node, in the seed's record order: CAPF (if the service is activated on the
 * publisher), TVS of the first node, the ITLRecovery SAST, the other TVS certificates, this node's
 * CallManager certificate as SAST and as TFTP, and its CallManager-ECDSA certificate as TFTP.
 */
export function composeItlRecords(env: SimEnv, node: string, capfActivated: boolean): { records: ItlRecordInput[]; signer: StoredCertificate } {
  const pub = publisher(env).name;
  const cert = (n: string, p: Parameters<typeof env.certs.identity>[1]) => env.certs.identity(n, p);
  const records: ItlRecordInput[] = [];
  const capf = cert(pub, 'CAPF');
  if (capfActivated && capf) records.push({ certificate: capf.der, function: 'CAPF', form: 'certhash' });
  const tvsNodes = env.scenario.nodes.map((n) => n.name);
  const tvs = tvsNodes.map((n) => cert(n, 'TVS')).filter((c): c is StoredCertificate => Boolean(c));
  if (tvs[0]) records.push({ certificate: tvs[0].der, function: 'TVS', form: 'certhash' });
  const recovery = cert(pub, 'ITLRecovery');
  if (recovery) records.push({ certificate: recovery.der, function: 'SAST', form: 'certificate' });
  for (const t of tvs.slice(1)) records.push({ certificate: t.der, function: 'TVS', form: 'certhash' });
  const callManager = cert(node, 'CallManager');
  if (!callManager?.keys) throw new Error(`${node} has no CallManager certificate to sign its ITL`);
  records.push({ certificate: callManager.der, function: 'SAST', form: 'certificate' });
  records.push({ certificate: callManager.der, function: 'TFTP', form: 'certificate' });
  const ec = cert(node, 'CallManager-ECDSA');
  if (ec) records.push({ certificate: ec.der, function: 'TFTP', form: 'certificate', dnsName: node });
  // The same records in every release (no 12.x/14 `show itl` was found, domain.md §14.7); only the signer —
  // and so which SAST record says "This etoken was used to sign the ITL file" — differs.
  if (releaseOf(env.scenario).itlSigner === 'ITLRecovery') {
    if (!recovery?.keys) throw new Error('the publisher has no ITLRecovery certificate to sign the ITL');
    return { records, signer: recovery };
  }
  return { records, signer: callManager };
}

function subjectOf(der: Uint8Array): string {
  const info = describeCertificate(der);
  return info.ok ? commonName(info.value.subject) : '';
}

export async function buildNodeItl(env: SimEnv, node: string, capfActivated: boolean): Promise<BuiltItl> {
  const builtAt = env.clock.now();
  if (!env.db.replicationHealthy && nodeSpec(env, node).role !== 'publisher') {
    // A subscriber reads the certificates to list from the publisher's database; without replication it
    // has nothing to build from (the seed's CSCus33755 case: "ITL File not found").
    throw new Error('cannot read the certificate list from the database (replication is down)');
  }
  const { records, signer } = composeItlRecords(env, node, capfActivated);
  const bytes = await buildItl({
    records,
    signer: { certificate: signer.der, privateKey: signer.keys!.privateKey },
    digest: 'SHA-1',
    timestamp: Math.floor(builtAt / 1000),
  });
  return {
    bytes,
    builtAt,
    records: records.map((r) => ({ function: r.function, subject: subjectOf(r.certificate) })),
  };
}

function isCapfActivated(env: SimEnv): boolean {
  return env.db.isActivated(publisher(env).name, 'capf');
}

const encoder = new TextEncoder();

/** A phone's signed configuration file as this node's TFTP builds it (also what the bench counts as its crypto). */
export async function buildPhoneConfig(env: SimEnv, node: string, deviceName: string) {
  const phone = env.db.phone(deviceName);
  if (!phone) return null;
  const servers = env.scenario.nodes.map((n) => env.db.server(n.name)).filter((s): s is NonNullable<typeof s> => Boolean(s));
  const capfServer = env.db.server(publisher(env).name) ?? servers[0];
  const spec = env.scenario.phones.find((p) => p.deviceName === deviceName);
  const model = PHONE_MODELS[spec?.model ?? 'CP-8845'];
  const xml = encoder.encode(
    buildConfigFile({ phone, loadInformation: model?.firmware ?? '', servers, capfServer, capfPort: CAPF_PORT }),
  );
  const signer = env.certs.identity(node, 'CallManager');
  if (!signer?.keys) return null;
  const sgn = await buildSignedFile({
    content: xml,
    filename: `${deviceName}.cnf.xml.sgn`,
    signer: { certificate: signer.der, privateKey: signer.keys.privateKey },
    digest: 'SHA-1',
    timestamp: Math.floor(env.clock.now() / 1000),
  });
  return { version: phone.configVersion, sgn, xml };
}

const CONFIG_BUILDER = 'config-builder';

const deviceOfConfig = (file: string) => /^(SEP[0-9A-F]{12})\.cnf\.xml(\.sgn)?$/i.exec(file);

export const tftpMachine = setup({
  types: {
    context: {} as TftpContext,
    input: {} as TftpInput,
    events: {} as TftpEvent,
  },
  actors: {
    buildTrustList: fromPromise(async ({ input }: { input: { env: SimEnv; node: string } }) =>
      input.env.clock.work(TFTP_START_MS, () => buildNodeItl(input.env, input.node, isCapfActivated(input.env)), `ITL build on ${input.node}`),
    ),
    /**
     * The service's config-file builder, running while the service does: CUCM's TFTP builds and signs
     * configuration files on its own build threads and answers each request once its file is ready. One
     * builder takes every request (a cluster-wide Apply Config has hundreds of phones asking at once)
     * instead of one actor per file, whose spawn and stop each copy the service's list of children.
     * A request still being built when the service stops is never answered.
     */
    configBuilder: fromCallback<BuildRequest, { env: SimEnv; node: string }, ConfigBuilt>(({ input, receive, sendBack }) => {
      let running = true;
      receive(({ replyId, deviceName }) => {
        input.env.clock.work(0, () => buildPhoneConfig(input.env, input.node, deviceName), 'config file').then(
          (built) => running && sendBack({ type: 'tftp.config.built', replyId, deviceName, built }),
          (error: unknown) => running && sendBack({ type: 'tftp.config.failed', replyId, error }),
        );
      });
      return () => {
        running = false;
      };
    }),
  },
  guards: {
    isActivated: ({ context }) => context.activated,
  },
  actions: {
    markActivated: assign({ activated: true }),
    markDeactivated: assign({ activated: false }),
    traceStarting: ({ context }) => {
      context.env.log.sdiTrace('tftp-trace', context.node, 'info', `Cisco TFTP starting on ${context.node}; building ITLFile.tlv`);
    },
    storeTrustList: assign({
      itl: ({ event }) => (event as { output: BuiltItl }).output,
      configCache: () => new Map(),
    }),
    traceItlBuilt: ({ context }) => {
      const itl = context.itl;
      const signer = releaseOf(context.env.scenario).itlSigner === 'ITLRecovery' ? 'the ITLRecovery certificate' : `the CallManager certificate of ${context.node}`;
      if (itl) context.env.log.sdiTrace('tftp-trace', context.node, 'info', `ITLFile.tlv built with ${itl.records.length} records, signed by ${signer}`);
      context.env.log.sdiTrace('tftp-trace', context.node, 'info', `Cisco TFTP started, serving on UDP ${TFTP_PORT} and HTTP ${HTTP_TFTP_PORT}`);
    },
    traceStartFailed: ({ context, event }) => {
      context.env.log.sdiTrace('tftp-trace', context.node, 'error', `ITLFile.tlv could not be built: ${String((event as { error?: unknown }).error)}`);
    },
    traceStopped: ({ context }) => {
      context.env.log.sdiTrace('tftp-trace', context.node, 'info', 'Cisco TFTP stopped');
    },
    forgetTrustList: assign({ itl: null }),
    corruptTrustList: assign({
      itl: ({ context }) => {
        if (!context.itl) return null;
        const bytes = context.itl.bytes.slice();
        bytes[bytes.length - 1] ^= 0xff;
        return { ...context.itl, bytes };
      },
    }),
    installResetItl: assign({
      itl: ({ event, context }) => (event.type === 'tftp.itl.install' ? event.itl : context.itl),
    }),
    listen: enqueueActions(({ context, enqueue, system }) => {
      for (const [transport, port] of [
        ['TCP', HTTP_TFTP_PORT],
        ['UDP', TFTP_PORT],
      ] as const) {
        toNetwork(enqueue, system, { type: 'net.bind', owner: context.systemId, ip: context.ip, transport, port } satisfies NetworkEvent);
      }
    }),
    stopListening: enqueueActions(({ context, enqueue, system }) => {
      for (const [transport, port] of [
        ['TCP', HTTP_TFTP_PORT],
        ['UDP', TFTP_PORT],
      ] as const) {
        toNetwork(enqueue, system, { type: 'net.unbind', owner: context.systemId, ip: context.ip, transport, port } satisfies NetworkEvent);
      }
    }),
    /** A request arrives: trust lists are answered at once, configuration files are built (signed) first. */
    serveRequest: enqueueActions(({ context, event, enqueue, system }) => {
      let request: FileRequest | undefined;
      let reply: PendingReply;
      if (event.type === 'net.exchange.request' && (event.payload as FileRequest)?.kind === 'file.request') {
        request = event.payload as FileRequest;
        reply = { via: 'HTTP', connId: event.connId };
      } else if (event.type === 'net.datagram.received' && (event.payload as FileRequest)?.kind === 'file.request') {
        request = event.payload as FileRequest;
        reply = { via: 'TFTP', from: event.to, to: event.from };
      } else return;
      const file = request.fileName;
      const respond = (response: FileResponse) => sendFileResponse(context, reply, response, enqueue, system);
      if (/^ITL(SEP[0-9A-F]{12}|File)\.tlv$/i.test(file)) {
        context.env.log.sdiTrace('tftp-trace', context.node, 'debug', `${reply.via} request for ${file}: serving ITLFile.tlv`);
        respond(context.itl ? { kind: 'file.response', fileName: file, status: 200, body: context.itl.bytes } : { kind: 'file.response', fileName: file, status: 404 });
        return;
      }
      const config = deviceOfConfig(file);
      const record = config && context.env.db.phone(config[1].toUpperCase());
      if (!config || !record) {
        context.env.log.sdiTrace('tftp-trace', context.node, 'debug', `${reply.via} request for ${file}: file not found`);
        respond({ kind: 'file.response', fileName: file, status: 404 });
        return;
      }
      const cached = context.configCache.get(record.deviceName);
      if (cached && cached.version === record.configVersion) {
        context.env.log.sdiTrace('tftp-trace', context.node, 'debug', `${reply.via} request for ${file}: serving cached file`);
        respond({ kind: 'file.response', fileName: file, status: 200, body: config[2] ? cached.sgn : cached.xml });
        return;
      }
      const replyId = `cfg-${context.nextReply}`;
      context.replies.set(replyId, { ...reply, signed: Boolean(config[2]), fileName: file });
      context.nextReply++;
      context.env.log.sdiTrace('tftp-trace', context.node, 'debug', `${reply.via} request for ${file}: building ${record.deviceName}.cnf.xml from the database`);
      enqueue.sendTo(CONFIG_BUILDER, { type: 'build', replyId, deviceName: record.deviceName } satisfies BuildRequest);
    }),
    /** Building a config file threw (a signer key the platform refuses …): the phone gets a 500, as from a real server error. */
    failBuiltConfig: enqueueActions(({ context, event, enqueue, system }) => {
      if (event.type !== 'tftp.config.failed') return;
      const reply = context.replies.get(event.replyId);
      if (!reply) return;
      context.replies.delete(event.replyId);
      const { error } = event;
      context.env.log.sdiTrace('tftp-trace', context.node, 'error', `building the config file failed: ${error instanceof Error ? error.message : String(error)}`);
      sendFileResponse(context, reply, { kind: 'file.response', fileName: reply.fileName ?? event.replyId, status: 500 }, enqueue, system);
    }),
    /** Requests still being built when the service stops are never answered: forget them. */
    forgetPendingReplies: ({ context }) => context.replies.clear(),
    deliverBuiltConfig: enqueueActions(({ context, event, enqueue, system }) => {
      if (event.type !== 'tftp.config.built') return;
      const { replyId, deviceName, built } = event;
      const reply = context.replies.get(replyId);
      context.replies.delete(replyId);
      if (!reply) return;
      const fileName = `${deviceName}.cnf.xml${reply.signed ? '.sgn' : ''}`;
      if (!built) {
        sendFileResponse(context, reply, { kind: 'file.response', fileName, status: 500 }, enqueue, system);
        return;
      }
      context.configCache.set(deviceName, built);
      sendFileResponse(context, reply, { kind: 'file.response', fileName, status: 200, body: reply.signed ? built.sgn : built.xml }, enqueue, system);
    }),
  },
}).createMachine({
  id: 'tftp',
  context: ({ input }) => ({
    env: input.env,
    node: input.node,
    ip: nodeSpec(input.env, input.node).ip,
    systemId: ids.tftp(input.node),
    activated: input.activated,
    itl: null,
    configCache: new Map(),
    replies: new Map(),
    nextReply: 1,
  }),
  initial: 'boot',
  states: {
    boot: {
      always: [{ guard: 'isActivated', target: 'starting' }, { target: 'deactivated' }],
    },
    deactivated: {
      on: { 'service.activate': { target: 'starting', actions: 'markActivated' } },
    },
    stopped: {
      entry: 'traceStopped',
      on: {
        'service.start': 'starting',
        'service.restart': 'starting',
        'service.deactivate': { target: 'deactivated', actions: 'markDeactivated' },
      },
    },
    starting: {
      entry: 'traceStarting',
      invoke: {
        id: 'itl-build',
        src: 'buildTrustList',
        input: ({ context }) => ({ env: context.env, node: context.node }),
        onDone: { target: 'started', actions: 'storeTrustList' },
        onError: { target: 'started', actions: ['traceStartFailed', 'forgetTrustList'] },
      },
      on: {
        'service.stop': 'stopped',
        'service.deactivate': { target: 'deactivated', actions: 'markDeactivated' },
      },
    },
    started: {
      entry: ['listen', 'traceItlBuilt'],
      exit: ['stopListening', 'forgetPendingReplies'],
      invoke: { id: CONFIG_BUILDER, src: 'configBuilder', input: ({ context }) => ({ env: context.env, node: context.node }) },
      on: {
        'service.stop': 'stopped',
        'service.restart': 'starting',
        'service.deactivate': { target: 'deactivated', actions: 'markDeactivated' },
        'net.exchange.request': { actions: 'serveRequest' },
        'net.datagram.received': { actions: 'serveRequest' },
        'tftp.itl.install': { actions: 'installResetItl' },
        'tftp.itl.corrupt': { actions: 'corruptTrustList' },
        'tftp.config.built': { actions: 'deliverBuiltConfig' },
        'tftp.config.failed': { actions: 'failBuiltConfig' },
      },
    },
  },
});

function sendFileResponse(
  context: TftpContext,
  reply: PendingReply,
  response: FileResponse,
  enqueue: { sendTo: (to: any, event: any, options?: any) => void },
  system: { get: (id: string) => any },
): void {
  if (reply.via === 'HTTP' && reply.connId) {
    toNetwork(enqueue, system, {
      type: 'net.reply',
      connId: reply.connId,
      owner: context.systemId,
      protocol: 'HTTP',
      summary: summarizeResponse(response, 'HTTP'),
      detail: { file: response.fileName, status: response.status, bytes: response.body?.length ?? 0 },
      bytes: response.body,
      payload: response,
    } satisfies NetworkEvent);
  } else if (reply.via === 'TFTP' && reply.from && reply.to) {
    toNetwork(enqueue, system, {
      type: 'net.datagram',
      owner: context.systemId,
      from: reply.from,
      to: reply.to,
      protocol: 'TFTP',
      summary: summarizeResponse(response, 'TFTP'),
      detail: { file: response.fileName, status: response.status, bytes: response.body?.length ?? 0 },
      bytes: response.body,
      payload: response,
    } satisfies NetworkEvent);
  }
}
