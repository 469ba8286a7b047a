/**
 * The phone's file download process ("downd" in its console, domain.md §9.4): fetches one file from the
 * TFTP node over HTTP on TCP 6970 and reports the result to the phone. A refused or unanswered
 * connection is a failure the phone decides what to do about.
 */
import { assign, enqueueActions, sendParent, setup } from 'xstate';
import { toNetwork, type NetworkDelivery, type NetworkEvent } from '../network';
import { HTTP_TFTP_PORT, summarizeRequest, type FileRequest, type FileResponse } from '../protocols/http';
import { ids } from '../env';
import type { PhoneConsole } from './console';

/** How long the phone waits for the TFTP node to answer (our choice). */
export const DOWNLOAD_TIMEOUT_MS = 10000;

export interface DownloadInput {
  /** The downloader's own systemId: the network delivers the connection's events to it. */
  systemId: string;
  connId: string;
  fileName: string;
  dest: string;
  from: { ip: string; port: number };
  server: string;
  console: PhoneConsole;
}

export type DownloadResult =
  | { type: 'download.done'; fileName: string; ok: true; body: Uint8Array }
  | { type: 'download.done'; fileName: string; ok: false; status?: number; error: 'not-found' | 'refused' | 'timeout' | 'server-error' };

export const downloaderMachine = setup({
  types: {
    context: {} as DownloadInput & { response?: FileResponse },
    input: {} as DownloadInput,
    events: {} as NetworkDelivery,
  },
  delays: { timeout: DOWNLOAD_TIMEOUT_MS },
  actions: {
    connect: enqueueActions(({ context, enqueue, system }) => {
      context.console.download(context.fileName, context.dest, 'HTTP');
      toNetwork(enqueue, system, {
        type: 'net.connect',
        connId: context.connId,
        owner: context.systemId,
        from: context.from,
        to: { ip: context.server, port: HTTP_TFTP_PORT },
        protocol: 'HTTP',
      } satisfies NetworkEvent);
    }),
    request: enqueueActions(({ context, enqueue, system }) => {
      const request: FileRequest = { kind: 'file.request', fileName: context.fileName };
      toNetwork(enqueue, system, {
        type: 'net.send',
        connId: context.connId,
        owner: context.systemId,
        protocol: 'HTTP',
        summary: summarizeRequest(request, 'HTTP'),
        detail: { file: context.fileName },
        payload: request,
      } satisfies NetworkEvent);
    }),
    close: enqueueActions(({ context, enqueue, system }) => {
      toNetwork(enqueue, system, { type: 'net.close', connId: context.connId, owner: context.systemId } satisfies NetworkEvent);
    }),
    keepResponse: assign({
      response: ({ event }) => (event.type === 'net.received' ? (event.payload as FileResponse) : undefined),
    }),
    logResponse: ({ context }) => context.console.downloadResult(context.response!.status, context.fileName),
    logRefused: ({ context }) => context.console.downloadFailed(context.fileName, 'connection refused'),
    logTimeout: ({ context }) => context.console.downloadFailed(context.fileName, 'timed out'),
    reportResponse: sendParent(({ context }): DownloadResult => {
      const r = context.response!;
      return r.status === 200 && r.body
        ? { type: 'download.done', fileName: context.fileName, ok: true, body: r.body }
        : { type: 'download.done', fileName: context.fileName, ok: false, status: r.status, error: r.status === 404 ? 'not-found' : 'server-error' };
    }),
    reportRefused: sendParent(({ context }): DownloadResult => ({ type: 'download.done', fileName: context.fileName, ok: false, error: 'refused' })),
    reportTimeout: sendParent(({ context }): DownloadResult => ({ type: 'download.done', fileName: context.fileName, ok: false, error: 'timeout' })),
  },
}).createMachine({
  id: 'downloader',
  context: ({ input }) => ({ ...input }),
  initial: 'connecting',
  states: {
    connecting: {
      entry: 'connect',
      on: {
        'net.connected': { target: 'awaitingResponse', actions: 'request' },
        'net.refused': { target: 'done', actions: ['logRefused', 'reportRefused'] },
      },
      after: { timeout: { target: 'done', actions: ['logTimeout', 'reportTimeout'] } },
    },
    awaitingResponse: {
      on: {
        'net.received': { target: 'done', actions: ['keepResponse', 'logResponse', 'reportResponse', 'close'] },
        'net.closed': { target: 'done', actions: ['logTimeout', 'reportTimeout'] },
      },
      after: { timeout: { target: 'done', actions: ['logTimeout', 'reportTimeout', 'close'] } },
    },
    done: { type: 'final' },
  },
});
