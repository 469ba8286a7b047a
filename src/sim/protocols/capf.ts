/**
 * The CAPF protocol between the phone and CUCM's CAPF service (TCP 3804 inside TLS), as documented by
 * interoperable open-source implementations (domain.md §6.2–6.5, [2nd S23, S25]):
 *
 * ```
 * header  protocol_id(1) = 0x55 · command(1) · session_id(4, BE) · length(2, BE) of the elements
 * element tag(1) · length(2, BE) · value
 * ```
 * Messages travel through the lab's network as typed objects; `encodeCapfMessage` renders the same
 * message as its wire bytes for the packet trace's inspector.
 */
import { parseSubjectPublicKeyInfo } from '../../pki/parse';
import type { NetworkEvent } from '../network';

export const CAPF_PROTOCOL_ID = 0x55;
export const CAPF_PORT = 3804;

export const CapfCommand = {
  AUTH_REQUEST: 1,
  AUTH_RESPONSE: 2,
  KEY_GENERATE_REQUEST: 3,
  KEY_GENERATE_RESPONSE: 4,
  STORE_CERTIFICATE_REQUEST: 9,
  STORE_CERTIFICATE_RESPONSE: 10,
  FETCH_CERTIFICATE_REQUEST: 11,
  FETCH_CERTIFICATE_RESPONSE: 12,
  DELETE_CERTIFICATE_REQUEST: 13,
  DELETE_CERTIFICATE_RESPONSE: 14,
  END_SESSION: 15,
  REQUEST_IN_PROGRESS: 17,
} as const;
export type CapfCommandName = keyof typeof CapfCommand;

export const CapfElement = {
  REASON: 1,
  CERTIFICATE_TYPE: 3,
  CERTIFICATE: 4,
  SIGNED_DATA: 6,
  VERSION: 7,
  AUTH_TYPE: 8,
  PUBLIC_KEY: 9,
  KEY_SIZE: 10,
  PASSWORD: 11,
  DEVICE_NAME: 13,
  KEY_TYPE: 17,
  CURVE: 18,
} as const;

/** END_SESSION / response REASON values. */
export const CapfReason = {
  NO_ACTION: 0,
  UPDATE_CERTIFICATE: 1,
  INVALID_ELEMENT: 7,
  UNKNOWN_DEVICE: 9,
} as const;

/** AUTH_TYPE: 0 none, 1 password (authentication string), 2 no password (null string), 3 LSC, 4 MIC. */
export const CapfAuthType = { NONE: 0, PASSWORD: 1, NO_PASSWORD: 2, LSC: 3, MIC: 4 } as const;
export type CapfAuthTypeValue = (typeof CapfAuthType)[keyof typeof CapfAuthType];

export const CapfCertificateType = { LSC: 1, MIC: 2 } as const;
export const CapfKeyType = { RSA: 0, EC: 1 } as const;
export const CapfCurve = { 'P-256': 0, 'P-384': 1, 'P-521': 2 } as const;
export type CapfCurveName = keyof typeof CapfCurve;

/** The protocol version CAPF and current phones speak (CAPF v3 adds EC keys — domain.md §2.9). */
export const CAPF_VERSION = 3;

export type CapfMessage =
  /**
   * AUTH_TYPE tells the phone how to authenticate. Absent when CAPF does not know which device is calling: the
   * AUTH_REQUEST a real CUCM sent a softphone carries VERSION 3 only (Jabber4Linux's capture, domain.md §6.5).
   */
  | { command: 'AUTH_REQUEST'; sessionId: number; version: number; authType?: CapfAuthTypeValue }
  | {
      command: 'AUTH_RESPONSE';
      sessionId: number;
      reason: number;
      version: number;
      deviceName: string;
      /** Authentication string (By Authentication String) or '' (By Null String). */
      password?: string;
      /** DER of the LSC or MIC the phone authenticates with (By Existing Certificate). */
      certificate?: { type: 1 | 2; der: Uint8Array };
      /** Signature by that certificate's key over `deviceName\0 || DER(certificate)`. */
      signedData?: Uint8Array;
    }
  | { command: 'KEY_GENERATE_REQUEST'; sessionId: number; keyType: 0 | 1; keySize?: number; curve?: CapfCurveName }
  | { command: 'REQUEST_IN_PROGRESS'; sessionId: number }
  /**
   * PUBLIC_KEY is the bare DER SubjectPublicKeyInfo of the key the phone generated — no PKCS#10 request
   * (usecallmanagernz capfc; Jabber4Linux: element 0x09, length 0x0126 = 294 bytes for RSA-2048; domain.md §14.2).
   */
  | { command: 'KEY_GENERATE_RESPONSE'; sessionId: number; reason: number; publicKey?: Uint8Array }
  | { command: 'STORE_CERTIFICATE_REQUEST'; sessionId: number; certificateType: 1; certificate: Uint8Array }
  | { command: 'STORE_CERTIFICATE_RESPONSE'; sessionId: number; reason: number }
  | { command: 'FETCH_CERTIFICATE_REQUEST'; sessionId: number; certificateType: 1 | 2 }
  | { command: 'FETCH_CERTIFICATE_RESPONSE'; sessionId: number; reason: number; certificateType: 1 | 2; certificate?: Uint8Array }
  | { command: 'DELETE_CERTIFICATE_REQUEST'; sessionId: number }
  | { command: 'DELETE_CERTIFICATE_RESPONSE'; sessionId: number; reason: number }
  | { command: 'END_SESSION'; sessionId: number; reason: number };

const textBytes = (s: string) => new TextEncoder().encode(`${s}\0`);
const u8 = (n: number) => Uint8Array.of(n & 0xff);
const u16 = (n: number) => Uint8Array.of((n >> 8) & 0xff, n & 0xff);

function elements(m: CapfMessage): Array<[number, Uint8Array]> {
  const E = CapfElement;
  switch (m.command) {
    case 'AUTH_REQUEST':
      return m.authType === undefined
        ? [[E.VERSION, u8(m.version)]]
        : [
            [E.VERSION, u8(m.version)],
            [E.AUTH_TYPE, u8(m.authType)],
          ];
    case 'AUTH_RESPONSE': {
      const out: Array<[number, Uint8Array]> = [
        [E.REASON, u8(m.reason)],
        [E.VERSION, u8(m.version)],
        [E.DEVICE_NAME, textBytes(m.deviceName)],
      ];
      if (m.password !== undefined) out.push([E.PASSWORD, textBytes(m.password)]);
      if (m.certificate) out.push([E.CERTIFICATE, certificateElement(m.certificate.type, m.certificate.der)]);
      if (m.signedData) out.push([E.SIGNED_DATA, m.signedData]);
      return out;
    }
    case 'KEY_GENERATE_REQUEST':
      return m.keyType === CapfKeyType.EC
        ? [
            [E.KEY_TYPE, u8(m.keyType)],
            [E.CURVE, u8(CapfCurve[m.curve ?? 'P-256'])],
          ]
        : [
            [E.KEY_TYPE, u8(m.keyType)],
            [E.KEY_SIZE, u16(m.keySize ?? 2048)],
          ];
    case 'REQUEST_IN_PROGRESS':
    case 'DELETE_CERTIFICATE_REQUEST':
      return [];
    case 'KEY_GENERATE_RESPONSE':
      return m.publicKey
        ? [
            [E.REASON, u8(m.reason)],
            [E.PUBLIC_KEY, m.publicKey],
          ]
        : [[E.REASON, u8(m.reason)]];
    case 'STORE_CERTIFICATE_REQUEST':
      return [
        [E.CERTIFICATE_TYPE, u8(m.certificateType)],
        [E.CERTIFICATE, certificateElement(m.certificateType, m.certificate)],
      ];
    case 'FETCH_CERTIFICATE_REQUEST':
      return [[E.CERTIFICATE_TYPE, u8(m.certificateType)]];
    case 'FETCH_CERTIFICATE_RESPONSE':
      return m.certificate
        ? [
            [E.REASON, u8(m.reason)],
            [E.CERTIFICATE, certificateElement(m.certificateType, m.certificate)],
          ]
        : [[E.REASON, u8(m.reason)]];
    case 'STORE_CERTIFICATE_RESPONSE':
    case 'DELETE_CERTIFICATE_RESPONSE':
    case 'END_SESSION':
      return [[E.REASON, u8(m.reason)]];
  }
}

/** CERTIFICATE element value: `01` · len(2) · `00` · certificate type · DER (domain.md §6.4). */
function certificateElement(type: number, der: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + der.length);
  out.set([0x01, ((der.length + 2) >> 8) & 0xff, (der.length + 2) & 0xff, 0x00, type]);
  out.set(der, 5);
  return out;
}

export function encodeCapfMessage(m: CapfMessage): Uint8Array {
  const els = elements(m);
  const bodyLength = els.reduce((n, [, v]) => n + 3 + v.length, 0);
  const out = new Uint8Array(8 + bodyLength);
  out[0] = CAPF_PROTOCOL_ID;
  out[1] = CapfCommand[m.command];
  new DataView(out.buffer).setUint32(2, m.sessionId >>> 0);
  out.set(u16(bodyLength), 6);
  let at = 8;
  for (const [tag, value] of els) {
    out[at] = tag;
    out.set(u16(value.length), at + 1);
    out.set(value, at + 3);
    at += 3 + value.length;
  }
  return out;
}

const REASON_NAMES: Record<number, string> = {
  0: 'NO_ACTION',
  1: 'UPDATE_CERTIFICATE',
  7: 'INVALID_ELEMENT',
  9: 'UNKNOWN_DEVICE',
};
export const reasonName = (r: number) => REASON_NAMES[r] ?? `REASON ${r}`;
const AUTH_NAMES = ['none', 'password', 'no password', 'LSC', 'MIC'];

/** Info column for the packet trace. */
export function summarizeCapfMessage(m: CapfMessage): string {
  switch (m.command) {
    case 'AUTH_REQUEST':
      return `AUTH_REQUEST session ${m.sessionId} version ${m.version}${m.authType === undefined ? '' : ` auth ${AUTH_NAMES[m.authType]}`}`;
    case 'AUTH_RESPONSE':
      return `AUTH_RESPONSE ${m.deviceName}${m.certificate ? ` with ${m.certificate.type === 1 ? 'LSC' : 'MIC'}` : m.password ? ' with authentication string' : ''}`;
    case 'KEY_GENERATE_REQUEST':
      return `KEY_GENERATE_REQUEST ${m.keyType === 1 ? `EC ${m.curve}` : `RSA ${m.keySize}`}`;
    case 'KEY_GENERATE_RESPONSE':
      return m.publicKey ? `KEY_GENERATE_RESPONSE PUBLIC_KEY ${publicKeyText(m.publicKey)}` : `KEY_GENERATE_RESPONSE ${reasonName(m.reason)}`;
    case 'STORE_CERTIFICATE_REQUEST':
      return `STORE_CERTIFICATE_REQUEST LSC (${m.certificate.length} bytes)`;
    case 'FETCH_CERTIFICATE_REQUEST':
      return `FETCH_CERTIFICATE_REQUEST ${m.certificateType === 1 ? 'LSC' : 'MIC'}`;
    case 'FETCH_CERTIFICATE_RESPONSE':
    case 'STORE_CERTIFICATE_RESPONSE':
    case 'DELETE_CERTIFICATE_RESPONSE':
    case 'END_SESSION':
      return `${m.command} ${reasonName(m.reason)}`;
    default:
      return m.command;
  }
}

/** "RSA 2048, 294-byte SubjectPublicKeyInfo" — what the PUBLIC_KEY element holds, or why it is unreadable. */
function publicKeyText(spki: Uint8Array): string {
  const parsed = parseSubjectPublicKeyInfo(spki);
  if (!parsed.ok) return `(${spki.length} bytes, unreadable)`;
  const key = parsed.value.key;
  return `(${key.kind === 'RSA' ? `RSA ${key.bits}` : `EC ${key.curve}`}, ${spki.length}-byte SubjectPublicKeyInfo)`;
}

const KEY_TYPE_NAMES = ['RSA', 'EC'];
const CERTIFICATE_TYPE_NAMES: Record<number, string> = { 1: 'LSC', 2: 'MIC' };

/**
 * Fields for the message inspector: the command and session, then each element under its protocol name
 * (REASON, VERSION, AUTH_TYPE, DEVICE_NAME, PUBLIC_KEY …, domain.md §6.4) with a readable value.
 */
export function describeCapfMessage(m: CapfMessage): Record<string, unknown> {
  const out: Record<string, unknown> = { command: m.command, sessionId: m.sessionId };
  const E = CapfElement;
  for (const [tag, value] of elements(m)) {
    const name = (Object.keys(E) as Array<keyof typeof E>).find((k) => E[k] === tag) ?? `ELEMENT ${tag}`;
    out[name] = elementText(m, tag, value);
  }
  return out;
}

function elementText(m: CapfMessage, tag: number, value: Uint8Array): string {
  const E = CapfElement;
  switch (tag) {
    case E.REASON:
      return `${value[0]} (${reasonName(value[0])})`;
    case E.VERSION:
      return String(value[0]);
    case E.AUTH_TYPE:
      return `${value[0]} (${AUTH_NAMES[value[0]] ?? 'unknown'})`;
    case E.DEVICE_NAME:
    case E.PASSWORD:
      return new TextDecoder().decode(value.subarray(0, Math.max(0, value.length - 1))) || '(empty)';
    case E.KEY_TYPE:
      return `${value[0]} (${KEY_TYPE_NAMES[value[0]] ?? 'unknown'})`;
    case E.KEY_SIZE:
      return String((value[0] << 8) | value[1]);
    case E.CURVE:
      return `${value[0]} (${(Object.keys(CapfCurve) as CapfCurveName[]).find((c) => CapfCurve[c] === value[0]) ?? 'unknown'})`;
    case E.CERTIFICATE_TYPE:
      return `${value[0]} (${CERTIFICATE_TYPE_NAMES[value[0]] ?? 'unknown'})`;
    case E.CERTIFICATE:
      return `${CERTIFICATE_TYPE_NAMES[value[4]] ?? 'certificate'} (${value.length - 5}-byte DER)`;
    case E.PUBLIC_KEY:
      return `SubjectPublicKeyInfo ${publicKeyText(value)}`;
    case E.SIGNED_DATA:
      return `${value.length}-byte signature`;
    default:
      return `${value.length} bytes`;
  }
}

/** A CAPF message on its TLS connection: the segment either end hands the network, with its trace fields. */
export function capfSegment(connId: string, owner: string, message: CapfMessage): Extract<NetworkEvent, { type: 'net.send' }> {
  return {
    type: 'net.send',
    connId,
    owner,
    protocol: 'CAPF',
    summary: summarizeCapfMessage(message),
    detail: describeCapfMessage(message),
    bytes: encodeCapfMessage(message),
    payload: message,
  };
}
