/**
 * The access switch the phone is plugged into: an 802.1X authenticator in monitor mode — it relays the
 * phone's EAP-TLS to the RADIUS server and reports the verdict, but lets the phone's traffic through either
 * way, so the lab keeps working while the learner watches "802.1x Authentication: Failed" turn into success.
 */
import { enqueueActions, setup } from 'xstate';
import { toNetwork, type NetworkDelivery } from '../network';
import { EAPOL_PORT, RADIUS_PORT, type EapolResult, type EapolStart, type RadiusAccessRequest, type RadiusAnswer } from '../protocols/dot1x';
import type { Random } from '../random';

export interface SwitchInput {
  systemId: string;
  ip: string;
  radiusIp: string;
  random: Random;
}

interface SwitchContext extends SwitchInput {
  /** RADIUS request id → the phone's address. */
  pending: Record<number, { to: { ip: string; port: number } }>;
}

export const switchMachine = setup({
  types: { context: {} as SwitchContext, input: {} as SwitchInput, events: {} as NetworkDelivery },
  actions: {
    listen: enqueueActions(({ context, enqueue, system }) => {
      toNetwork(enqueue, system, { type: 'net.bind', owner: context.systemId, ip: context.ip, transport: 'UDP', port: EAPOL_PORT });
      toNetwork(enqueue, system, { type: 'net.bind', owner: context.systemId, ip: context.ip, transport: 'UDP', port: RADIUS_PORT + 10000 });
    }),
    relay: enqueueActions(({ context, event, enqueue, system }) => {
      if (event.type !== 'net.datagram.received') return;
      const m = event.payload as EapolStart | RadiusAnswer;
      if (m?.kind === 'eapol.start') {
        const id = context.random.int(0, 255);
        const request: RadiusAccessRequest = { kind: 'radius.accessRequest', id, identity: m.identity, certificate: m.certificate, nasPort: 'GigabitEthernet1/0/12' };
        enqueue.assign({ pending: { ...context.pending, [id]: { to: event.from } } });
        toNetwork(enqueue, system, {
          type: 'net.datagram',
          owner: context.systemId,
          from: { ip: context.ip, port: RADIUS_PORT + 10000 },
          to: { ip: context.radiusIp, port: RADIUS_PORT },
          protocol: 'RADIUS',
          summary: `Access-Request id=${id} User-Name=${m.identity} (EAP-TLS, ${m.certificateType})`,
          detail: { identity: m.identity, certificate: `${m.certificateType}, ${m.certificate.length} bytes`, nasPort: request.nasPort },
          payload: request,
        });
      } else if (m?.kind === 'radius.answer') {
        const waiting = context.pending[m.id];
        if (!waiting) return;
        const { [m.id]: _done, ...rest } = context.pending;
        enqueue.assign({ pending: rest });
        const result: EapolResult = { kind: 'eapol.result', success: m.accept };
        toNetwork(enqueue, system, {
          type: 'net.datagram',
          owner: context.systemId,
          from: { ip: context.ip, port: EAPOL_PORT },
          to: waiting.to,
          protocol: 'EAPOL',
          summary: m.accept ? 'EAP Success' : 'EAP Failure',
          payload: result,
        });
      }
    }),
  },
}).createMachine({
  id: 'switch',
  context: ({ input }) => ({ ...input, pending: {} }),
  initial: 'monitorMode',
  states: {
    monitorMode: {
      entry: 'listen',
      on: { 'net.datagram.received': { actions: 'relay' } },
    },
  },
});

