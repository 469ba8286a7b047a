/**
 * How CUCM tells a SIP phone to act on its configuration: Apply Config and Reset reach the phone as a SIP
 * `NOTIFY` with `Event: service-control` and a `text/plain` body `action=…` (TAC 217294, whose sample comes
 * from `User-Agent: Cisco-CUCM12.5`); `check-sync` is the mechanism for third-party phones, not Cisco's.
 *
 * The action names (`apply-config` for Apply Config, `reset` for Reset) are as we remember them from packet
 * captures; domain.md quotes only `action=…`. The other headers are the ones RFC 3261 §8.1.1 requires of
 * every request, with our values.
 */
export const SIP_PORT = 5060;

/**
 * `restart` is Bulk Administration's "Restart phones" (the phone re-registers and reads its configuration
 * again without a power cycle); its action name is by analogy with the other two.
 */
export type ServiceControlAction = 'apply-config' | 'reset' | 'restart';

export interface ServiceControlNotify {
  kind: 'sip.notify';
  event: 'service-control';
  action: ServiceControlAction;
  /** The text/plain body. */
  body: string;
  userAgent: string;
}

export function serviceControlNotify(action: ServiceControlAction, userAgent: string): ServiceControlNotify {
  return { kind: 'sip.notify', event: 'service-control', action, body: `action=${action}\r\n`, userAgent };
}

/** The request as text on the wire (for the packet trace's hex dump). */
export function encodeServiceControlNotify(
  m: ServiceControlNotify,
  at: { device: string; phoneIp: string; cucmIp: string; callId: string; cseq: number },
): Uint8Array {
  const lines = [
    `NOTIFY sip:${at.device}@${at.phoneIp}:${SIP_PORT} SIP/2.0`,
    `Via: SIP/2.0/UDP ${at.cucmIp}:${SIP_PORT}`,
    `From: <sip:${at.device}@${at.cucmIp}>`,
    `To: <sip:${at.device}@${at.phoneIp}>`,
    `Call-ID: ${at.callId}@${at.cucmIp}`,
    `CSeq: ${at.cseq} NOTIFY`,
    'Max-Forwards: 70',
    `User-Agent: ${m.userAgent}`,
    'Event: service-control',
    'Content-Type: text/plain',
    `Content-Length: ${m.body.length}`,
    '',
    m.body,
  ];
  return new TextEncoder().encode(lines.join('\r\n'));
}

export function summarizeServiceControl(m: ServiceControlNotify, device: string, phoneIp: string): string {
  return `Request: NOTIFY sip:${device}@${phoneIp}:${SIP_PORT} (Event: service-control, ${m.body.trim()})`;
}

export function isServiceControl(payload: unknown): payload is ServiceControlNotify {
  return (payload as { kind?: string; event?: string })?.kind === 'sip.notify' && (payload as { event?: string }).event === 'service-control';
}
