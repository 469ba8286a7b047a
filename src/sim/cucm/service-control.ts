/**
 * How CUCM tells a phone to act on its configuration (Device > Phone Apply Config / Reset / Restart, the
 * Enterprise Parameters Reset, a Bulk Administration job's Reset/Restart option): a SIP NOTIFY with
 * `Event: service-control` and a text/plain body `action=…` from the publisher (TAC 217294). One function
 * builds the datagram, so the pages and the Bulk Provisioning Service send the same message.
 */
import type { SimEnv } from '../env';
import { publisher } from '../env';
import type { NetworkEvent } from '../network';
import { encodeServiceControlNotify, serviceControlNotify, SIP_PORT, summarizeServiceControl, type ServiceControlAction } from '../protocols/sip';
import { releaseOf } from '../scenario';

/** The NOTIFY for one phone, or undefined when the lab has no such phone. */
export function serviceControlDatagram(env: SimEnv, device: string, action: ServiceControlAction): NetworkEvent | undefined {
  const spec = env.scenario.phones.find((p) => p.deviceName === device);
  if (!spec) return undefined;
  const pub = publisher(env);
  const notify = serviceControlNotify(action, releaseOf(env.scenario).userAgent);
  const callId = env.random.fork(`sip/${device}/${env.clock.now()}`).hex(8);
  return {
    type: 'net.datagram',
    owner: 'cucm',
    from: { ip: pub.ip, port: SIP_PORT },
    to: { ip: spec.ip, port: SIP_PORT },
    protocol: 'SIP',
    summary: summarizeServiceControl(notify, device, spec.ip),
    detail: { Event: notify.event, 'Content-Type': 'text/plain', body: notify.body.trim(), 'User-Agent': notify.userAgent },
    bytes: encodeServiceControlNotify(notify, { device, phoneIp: spec.ip, cucmIp: pub.ip, callId, cseq: 101 }),
    payload: notify,
  };
}
