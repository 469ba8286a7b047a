/**
 * The Trust Verification Service protocol (TCP 2445 inside TLS; domain.md §7, §14.3): a phone that meets a
 * certificate its ITL does not hold asks TVS whether the cluster trusts it and in which roles.
 *
 * What the phone sends is a certificate *query*, not the certificate: TAC 213407's TVS SDI trace shows
 * `MsgType : TVS_MSG_QUERY_CERT_REQ` with the signer's subject, TVS answering `TVS_MSG_QUERY_CERT_RES`, and the
 * phone's console "TVS process request - processing TVS Query Certificate request."; the request bytes start
 * `57 01 03` (protocol 0x57, version 1, QUERY_REQUEST 3). TVS returns the certificate it knows under that
 * issuer and serial number, and the phone compares it with the one it holds ("Hashes match... authentication
 * successful.", TAC 214535).
 *
 * ```
 * header  protocol_id(1) = 0x57 · version(1) = 1 · command(1) · reserved(1) · session_id(4) · length(2)
 * element tag(1) · length(2) · value
 * ```
 * Header, commands and the DEVICE_NAME (1), CERTIFICATE (2), STATUS (7), ROLES (8), TTL (9) elements are
 * usecallmanagernz tvsd's [2nd S23]; tvsd implements only VERIFY. The tags of the query's subject, issuer and
 * serial-number elements are in no source we found: 3, 4 and 5 are our choice.
 */
export const TVS_PORT = 2445;
export const TVS_PROTOCOL_ID = 0x57;

export const TvsCommand = { VERIFY_REQUEST: 1, VERIFY_RESPONSE: 2, QUERY_REQUEST: 3, QUERY_RESPONSE: 4 } as const;
export const TvsElement = { DEVICE_NAME: 1, CERTIFICATE: 2, SUBJECT_NAME: 3, ISSUER_NAME: 4, SERIAL_NUMBER: 5, STATUS: 7, ROLES: 8, TTL: 9 } as const;

/** TVS_MSG_QUERY_CERT_REQ: which certificate the phone wants to know about. */
export interface TvsQueryRequest {
  kind: 'tvs.queryRequest';
  sessionId: number;
  /** "CP-8845-SEP682C7B5C2342" */
  deviceName: string;
  /** Names in the ITL's form, CN first ("CN=ao115sub;OU=TAC;…"). */
  subject: string;
  issuer: string;
  serialNumber: Uint8Array;
}

/** TVS_MSG_QUERY_CERT_RES: the certificate TVS knows by that issuer and serial, and its roles. */
export interface TvsQueryResponse {
  kind: 'tvs.queryResponse';
  sessionId: number;
  status: 'valid' | 'invalid';
  certificate?: Uint8Array;
  /** ITL function codes the certificate may act in (SAST 0, CCM 1, TFTP 3, CAPF 4, TVS 21). */
  roles: number[];
  ttlSeconds: number;
}

export type TvsMessage = TvsQueryRequest | TvsQueryResponse;

const text = (s: string) => new TextEncoder().encode(`${s}\0`);

function elements(m: TvsMessage): Array<[number, Uint8Array]> {
  const E = TvsElement;
  if (m.kind === 'tvs.queryRequest') {
    // DEVICE_NAME is a type byte 0x01 and the name (tvsd strips the first byte; domain.md §7).
    return [
      [E.DEVICE_NAME, Uint8Array.of(0x01, ...new TextEncoder().encode(m.deviceName))],
      [E.SUBJECT_NAME, text(m.subject)],
      [E.ISSUER_NAME, text(m.issuer)],
      [E.SERIAL_NUMBER, m.serialNumber],
    ];
  }
  const out: Array<[number, Uint8Array]> = [[E.STATUS, Uint8Array.of(m.status === 'valid' ? 0 : 1)]];
  if (m.status === 'valid') {
    if (m.certificate) out.push([E.CERTIFICATE, m.certificate]);
    out.push([E.ROLES, Uint8Array.from(m.roles)]);
    out.push([E.TTL, Uint8Array.of((m.ttlSeconds >>> 24) & 0xff, (m.ttlSeconds >>> 16) & 0xff, (m.ttlSeconds >>> 8) & 0xff, m.ttlSeconds & 0xff)]);
  }
  return out;
}

/** The message as its wire bytes (for the packet trace and the phone's "bytes written" count). */
export function encodeTvsMessage(m: TvsMessage): Uint8Array {
  const els = elements(m);
  const length = els.reduce((n, [, v]) => n + 3 + v.length, 0);
  const out = new Uint8Array(10 + length);
  out.set([TVS_PROTOCOL_ID, 1, m.kind === 'tvs.queryRequest' ? TvsCommand.QUERY_REQUEST : TvsCommand.QUERY_RESPONSE, 0]);
  new DataView(out.buffer).setUint32(4, m.sessionId >>> 0);
  out.set([(length >> 8) & 0xff, length & 0xff], 8);
  let at = 10;
  for (const [tag, value] of els) {
    out.set([tag, (value.length >> 8) & 0xff, value.length & 0xff], at);
    out.set(value, at + 3);
    at += 3 + value.length;
  }
  return out;
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0').toUpperCase()).join(':');

export const summarizeTvs = (m: TvsMessage) =>
  m.kind === 'tvs.queryRequest'
    ? `QUERY_REQUEST ${m.deviceName}: ${m.subject.split(';')[0]}`
    : `QUERY_RESPONSE ${m.status}${m.certificate ? ` (${m.certificate.length}-byte certificate)` : ''}${m.roles.length ? ` roles ${m.roles.join(',')}` : ''}`;

/** Fields for the message inspector. */
export function describeTvsMessage(m: TvsMessage): Record<string, unknown> {
  return m.kind === 'tvs.queryRequest'
    ? { command: 'QUERY_REQUEST', DEVICE_NAME: m.deviceName, SUBJECT_NAME: m.subject, ISSUER_NAME: m.issuer, SERIAL_NUMBER: hex(m.serialNumber) }
    : {
        command: 'QUERY_RESPONSE',
        STATUS: m.status === 'valid' ? '0 (valid)' : '1 (invalid)',
        ...(m.certificate ? { CERTIFICATE: `${m.certificate.length}-byte DER` } : {}),
        ...(m.status === 'valid' ? { ROLES: m.roles.join(', '), TTL: `${m.ttlSeconds} s` } : {}),
      };
}
