/**
 * The RADIUS policy server (an ISE in the lab): its EAP-TLS policy trusts only certificates issued by this
 * cluster's CAPF — the LSCs (seed: "configure 802.1X … to trust only LSCs issued by known CAPFs"). The
 * administrator keeps its trust list in step with the cluster's current CAPF certificate, so after a CAPF
 * regeneration LSCs issued by the old one fail (S16). It logs each decision in ISE's wording.
 */
import { enqueueActions, fromPromise, setup, stopChild } from 'xstate';
import { verifyChain } from '../../pki/chain';
import { commonName } from '../../pki/names';
import { describeCertificate } from '../../pki/parse';
import type { SimEnv } from '../env';
import { publisher } from '../env';
import { toNetwork, type NetworkDelivery } from '../network';
import { RADIUS_PORT, type RadiusAccessRequest, type RadiusAnswer } from '../protocols/dot1x';
import { javaDateString } from '../time';

export interface RadiusInput {
  env: SimEnv;
  systemId: string;
  host: string;
  ip: string;
}

/** ISE's codes for the two outcomes and the unknown-CA reason. */
export const ISE_ACCEPTED = '5200 Authentication succeeded';
export const ISE_REJECTED = '5400 Authentication failed';
export const ISE_UNKNOWN_CA = '12514 EAP-TLS failed SSL/TLS handshake because of an unknown CA in the client certificates chain';
export const ISE_EXPIRED = '12516 EAP-TLS failed SSL/TLS handshake because of an expired certificate in the client certificates chain';

/** The policy: does the presented certificate chain to the cluster's current CAPF certificate, today? */
export async function radiusDecision(env: SimEnv, request: RadiusAccessRequest, at: number): Promise<{ accept: boolean; reason: string }> {
  const capf = env.certs.identity(publisher(env).name, 'CAPF');
  const info = describeCertificate(request.certificate);
  if (!capf || !info.ok) return { accept: false, reason: `${ISE_REJECTED}: ${ISE_UNKNOWN_CA}` };
  const verdict = await verifyChain({ leaf: request.certificate, trusted: [capf.der], at: new Date(at) });
  if (verdict.ok) return { accept: true, reason: `${ISE_ACCEPTED}: ${commonName(info.value.subject)} issued by ${commonName(info.value.issuer)}` };
  return { accept: false, reason: `${ISE_REJECTED}: ${verdict.code === 'expired' ? ISE_EXPIRED : ISE_UNKNOWN_CA}` };
}

type Decided = { answer: RadiusAnswer; to: { ip: string; port: number } };

export const radiusMachine = setup({
  types: { context: {} as RadiusInput & { decisions: number }, input: {} as RadiusInput, events: {} as NetworkDelivery | { type: `xstate.done.actor.${string}`; output: Decided } },
  actors: {
    /** The chain check is real crypto: it runs on the clock and its verdict comes back as the actor's output. */
    decideAccess: fromPromise(async ({ input }: { input: { env: SimEnv; request: RadiusAccessRequest; to: { ip: string; port: number } } }): Promise<Decided> => {
      const at = input.env.clock.now();
      const d = await input.env.clock.work(0, () => radiusDecision(input.env, input.request, at), 'RADIUS policy');
      return { to: input.to, answer: { kind: 'radius.answer', id: input.request.id, accept: d.accept, reason: d.reason } };
    }),
  },
  actions: {
    listen: enqueueActions(({ context, enqueue, system }) => {
      toNetwork(enqueue, system, { type: 'net.bind', owner: context.systemId, ip: context.ip, transport: 'UDP', port: RADIUS_PORT });
    }),
    decide: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'net.datagram.received') return;
      const request = event.payload as RadiusAccessRequest;
      if (request?.kind !== 'radius.accessRequest') return;
      enqueue.assign({ decisions: context.decisions + 1 });
      enqueue.spawnChild('decideAccess', { id: `decision-${context.decisions}`, input: { env: context.env, request, to: event.from } });
    }),
    answer: enqueueActions(({ context, event, enqueue, system }) => {
      const out = (event as { output?: Decided }).output;
      if (!out) return;
      // The decision is made; its actor is let go (a port re-authenticates for as long as the lab runs).
      enqueue(stopChild(event.type.slice('xstate.done.actor.'.length)));
      const a = out.answer;
      context.env.log.append({
        source: 'radius',
        host: context.host,
        level: a.accept ? 'info' : 'error',
        text: a.reason,
        line: `${javaDateString(context.env.clock.now(), context.env.zone)} ${a.accept ? 'Passed' : 'Failed'} ${a.reason}`,
      });
      toNetwork(enqueue, system, {
        type: 'net.datagram',
        owner: context.systemId,
        from: { ip: context.ip, port: RADIUS_PORT },
        to: out.to,
        protocol: 'RADIUS',
        summary: `${a.accept ? 'Access-Accept' : 'Access-Reject'} id=${a.id}`,
        detail: { reason: a.reason },
        payload: a,
      });
    }),
  },
}).createMachine({
  id: 'radius',
  context: ({ input }) => ({ ...input, decisions: 0 }),
  initial: 'serving',
  states: {
    serving: {
      entry: 'listen',
      on: {
        'net.datagram.received': { actions: 'decide' },
        'xstate.done.actor.*': { actions: 'answer' },
      },
    },
  },
});
