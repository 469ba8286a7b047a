/**
 * "Cisco Certificate Authority Proxy Function" on the publisher (domain.md §2.5, §4): activated in
 * Service Activation > Security Services, started and stopped in Control Center - Feature Services.
 * While it runs it listens on TCP 3804 and runs one session per phone connection
 * (capf-session.machine.ts); stopped or deactivated, nothing listens and a phone's connection is refused.
 */
import { assign, enqueueActions, setup, stopChild, type AnyActorRef } from 'xstate';
import type { SimEnv } from '../env';
import { ids, nodeSpec } from '../env';
import { toNetwork, type NetworkDelivery, type NetworkEvent } from '../network';
import { CAPF_PORT } from '../protocols/capf';
import { capfSessionMachine } from './capf-session.machine';

/** Virtual time the service takes to start. */
export const CAPF_START_MS = 5000;

export interface CapfInput {
  env: SimEnv;
  node: string;
  activated: boolean;
}

export interface CapfContext {
  env: SimEnv;
  node: string;
  ip: string;
  systemId: string;
  activated: boolean;
  /**
   * Open sessions by connection, with the device each serves once its AUTH_RESPONSE told. Kept by
   * reference (like the network's tables): with hundreds of phones enrolling at once, copying it on every
   * connection would make the service quadratic.
   */
  sessions: Map<string, { ref: AnyActorRef; device?: string }>;
  nextSessionId: number;
}

export type CapfEvent =
  | NetworkDelivery
  | { type: 'service.activate' }
  | { type: 'service.deactivate' }
  | { type: 'service.start' }
  | { type: 'service.stop' }
  | { type: 'service.restart' }
  | { type: 'capf.session.ended'; connId: string }
  | { type: 'capf.session.identified'; connId: string; device: string };

export const capfMachine = setup({
  types: {
    context: {} as CapfContext,
    input: {} as CapfInput,
    events: {} as CapfEvent,
  },
  actors: { capfSession: capfSessionMachine },
  delays: { startup: CAPF_START_MS },
  guards: {
    isActivated: ({ context }) => context.activated,
  },
  actions: {
    markActivated: assign({ activated: true }),
    markDeactivated: assign({ activated: false }),
    trace: ({ context }, params: { text: string }) => {
      context.env.log.sdiTrace('capf-trace', context.node, 'info', params.text);
    },
    listen: enqueueActions(({ context, enqueue, system }) => {
      toNetwork(enqueue, system, { type: 'net.bind', owner: context.systemId, ip: context.ip, transport: 'TCP', port: CAPF_PORT } satisfies NetworkEvent);
    }),
    /** Stopping closes the listening socket and every open session (the phones see the connection drop). */
    stopListening: enqueueActions(({ context, enqueue, system }) => {
      toNetwork(enqueue, system, { type: 'net.unbind', owner: context.systemId, ip: context.ip, transport: 'TCP', port: CAPF_PORT } satisfies NetworkEvent);
      for (const [connId, { ref }] of context.sessions) {
        toNetwork(enqueue, system, { type: 'net.close', connId, owner: context.systemId } satisfies NetworkEvent);
        enqueue(stopChild(ref));
      }
      context.sessions.clear();
    }),
    startSession: assign(({ context, event, spawn }) => {
      if (event.type !== 'net.accepted') return {};
      const ref = spawn('capfSession', {
        id: `session-${event.connId}`,
        systemId: ids.capfSession(context.node, event.connId),
        input: {
          env: context.env,
          node: context.node,
          connId: event.connId,
          peer: event.peer,
          sessionId: context.nextSessionId,
          serviceSystemId: context.systemId,
        },
      });
      context.sessions.set(event.connId, { ref });
      return { nextSessionId: context.nextSessionId + 1 };
    }),
    /** The session serves the connection from now on: the network delivers its segments to it directly. */
    handOver: enqueueActions(({ context, event, enqueue, system }) => {
      if (event.type !== 'net.accepted' || !context.sessions.has(event.connId)) return;
      toNetwork(enqueue, system, { type: 'net.handover', connId: event.connId, owner: context.systemId, to: ids.capfSession(context.node, event.connId) } satisfies NetworkEvent);
    }),
    forwardToSession: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'net.received' && event.type !== 'net.closed') return;
      const session = context.sessions.get(event.connId);
      if (session) enqueue.sendTo(session.ref, event);
    }),
    /** One session per device: a phone that reconnects (rebooted mid-operation) replaces its old session. */
    dropOlderSessions: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'capf.session.identified') return;
      for (const [connId, session] of context.sessions) {
        if (session.device === event.device && connId !== event.connId) enqueue.sendTo(session.ref, { type: 'capf.session.abort' });
      }
      const session = context.sessions.get(event.connId);
      if (session) session.device = event.device;
    }),
    forgetSession: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'capf.session.ended') return;
      const session = context.sessions.get(event.connId);
      context.sessions.delete(event.connId);
      // A finished session's actor is let go; a service that served hundreds of phones keeps none of them.
      if (session) enqueue(stopChild(session.ref));
    }),
  },
}).createMachine({
  id: 'capf',
  context: ({ input }) => ({
    env: input.env,
    node: input.node,
    ip: nodeSpec(input.env, input.node).ip,
    systemId: ids.capf(input.node),
    activated: input.activated,
    sessions: new Map(),
    // The server picks session ids and counts up per connection (domain.md §6.2).
    nextSessionId: input.env.random.fork(`capf@${input.node}`).int(1, 999),
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
      entry: { type: 'trace', params: { text: 'Cisco Certificate Authority Proxy Function stopped' } },
      on: {
        'service.start': 'starting',
        'service.restart': 'starting',
        'service.deactivate': { target: 'deactivated', actions: 'markDeactivated' },
      },
    },
    starting: {
      after: { startup: 'started' },
      on: {
        'service.stop': 'stopped',
        'service.deactivate': { target: 'deactivated', actions: 'markDeactivated' },
      },
    },
    started: {
      entry: ['listen', { type: 'trace', params: { text: `Cisco Certificate Authority Proxy Function started, waiting for phones to connect on port ${CAPF_PORT}` } }],
      exit: 'stopListening',
      on: {
        'service.stop': 'stopped',
        'service.restart': 'starting',
        'service.deactivate': { target: 'deactivated', actions: 'markDeactivated' },
        'net.accepted': { actions: ['startSession', 'handOver'] },
        'net.received': { actions: 'forwardToSession' },
        'net.closed': { actions: 'forwardToSession' },
        'capf.session.ended': { actions: 'forgetSession' },
        'capf.session.identified': { actions: 'dropOlderSessions' },
      },
    },
  },
});
