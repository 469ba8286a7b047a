/**
 * One phone's session with CUCM's CAPF service, from TLS handshake to END_SESSION (domain.md §6.5):
 *
 *   TLS (CAPF certificate) → AUTH_REQUEST → AUTH_RESPONSE → pending operation? deadline? credentials?
 *   → Install/Upgrade: KEY_GENERATE_REQUEST → REQUEST_IN_PROGRESS → KEY_GENERATE_RESPONSE (bare public key)
 *     → CAPF issues the LSC → STORE_CERTIFICATE_REQUEST → STORE_CERTIFICATE_RESPONSE → END_SESSION
 *   → Delete: DELETE_CERTIFICATE_REQUEST → DELETE_CERTIFICATE_RESPONSE → END_SESSION
 *   → Troubleshoot: FETCH_CERTIFICATE_REQUEST (LSC, then MIC) → certificates into the CAPF trace → END_SESSION
 *
 * The outcome goes to the database as the AXL "Certificate Operation Status" string; failures carry the
 * CAPF error of the troubleshooting guide (domain.md §2.8) in the trace.
 */
import { and, assign, enqueueActions, fromPromise, setup, type EventObject } from 'xstate';
import { verifyChain } from '../../pki/chain';
import { issueLsc, lscSubject, type PhoneIdentity } from '../../pki/certificates';
import { createRequestForPublicKey } from '../../pki/csr';
import { modelOfDeviceType } from '../phone/models';
import { describeCertificate, importCertificateKey } from '../../pki/parse';
import { exactBuffer, toHex, toPem } from '../../pki/encode';
import { commonName, formatCucmName } from '../../pki/names';
import type { SimEnv } from '../env';
import { toNetwork, type NetworkDelivery, type NetworkEvent } from '../network';
import {
  CAPF_VERSION,
  type CapfAuthTypeValue,
  CapfKeyType,
  CapfReason,
  capfSegment,
  reasonName,
  summarizeCapfMessage,
  type CapfMessage,
} from '../protocols/capf';
import { summarizeTls, type TlsMessage } from '../protocols/tls';
import { javaDateString } from '../time';
import { CAPF_AUTH_MODE_CODES } from './config-file';
import { failureStatus, successStatus, type CapfFailure, type CertificateOperation, type PhoneRecord } from './database';

/**
 * How long CAPF waits for the phone's key. Our choice: the sources say only that key generation "can take up to
 * 30 or more minutes" on some models (System Configuration Guide 12.5, "Configure CAPF"), and that a phone too
 * slow ends in "Upgrade Failed: Key Generation Failed/Timeout" (AXL, domain.md §2.2).
 */
export const CAPF_KEYGEN_TIMEOUT_MS = 30 * 60 * 1000;
/** How long CAPF waits for any other answer from the phone. */
export const CAPF_RESPONSE_TIMEOUT_MS = 60 * 1000;

/** CAPF error codes of the troubleshooting guide (domain.md §2.8). */
const CAPF_ERROR: Record<CapfFailure, string> = {
  'Invalid Authentication String': '3 CAPF_OP_FAIL_INVALID_AUTH_STR',
  'Invalid LSC': '4 CAPF_OP_FAIL_INVALID_LSC',
  'Invalid MIC': '5 CAPF_OP_FAIL_INVALID_MIC',
  'Invalid Credentials': '6 CAPF_OP_FAIL_INVALID_CRENDENTIALS',
  'Phone Communication Failure': '7 CAPF_OP_FAIL_PHONE_COMM_ERROR',
  'Key Generation Failed/Timeout': '8 CAPF_OP_FAIL_OP_TIMED_OUT',
  'User Initiated Request Late/Timedout': '11 CAPF_OP_FAIL_LATE_REQUEST',
  'CA Communication Failure': '2 CAPF_OP_FAIL',
  'CA Rejected Connection': '2 CAPF_OP_FAIL',
  'No Support for EC only in CAPF version 3': '2 CAPF_OP_FAIL',
};

export interface CapfSessionInput {
  env: SimEnv;
  node: string;
  connId: string;
  peer: { ip: string; port: number };
  sessionId: number;
  /** The CAPF service actor that owns the connection. */
  serviceSystemId: string;
}

type AuthResponse = Extract<CapfMessage, { command: 'AUTH_RESPONSE' }>;

interface SessionContext extends CapfSessionInput {
  deviceName: string | undefined;
  operation: CertificateOperation;
  phoneVersion: number;
  failure: CapfFailure | undefined;
  /** Troubleshoot: certificates still to fetch. */
  toFetch: Array<1 | 2>;
  fetched: number;
  /** Serial of the LSC this session issued, until the phone confirms it stored it. */
  issuedSerial: string | undefined;
  /** This session delivered an offline CA's certificate instead of issuing one. */
  deliveredOffline: boolean;
}

export type CapfSessionEvent = NetworkDelivery | { type: 'capf.session.abort' };

const payloadOf = (e: CapfSessionEvent) => (e.type === 'net.received' ? (e.payload as CapfMessage | TlsMessage) : undefined);
const isCapf = (e: CapfSessionEvent, command: CapfMessage['command']) => {
  const p = payloadOf(e) as CapfMessage | undefined;
  return p !== undefined && 'command' in p && p.command === command;
};

function currentRecord(context: SessionContext): PhoneRecord | undefined {
  return context.deviceName ? context.env.db.phone(context.deviceName) : undefined;
}

/** The phone record of the device at an IP address (CUCM knows where its registered phones are). */
function deviceAt(env: SimEnv, ip: string): PhoneRecord | undefined {
  const spec = env.scenario.phones.find((p) => p.ip === ip);
  return spec ? env.db.phone(spec.deviceName) : undefined;
}

/**
 * The phone an LSC is for, as CAPF names it in the subject (TAC 213407): the product id from the device
 * type, the device name, and the serial number CUCM holds for it.
 */
export function phoneIdentity(env: SimEnv, deviceName: string): PhoneIdentity {
  const record = env.db.phone(deviceName);
  const model = record ? modelOfDeviceType(record.deviceType) : undefined;
  return { model: model?.model ?? record?.deviceType ?? '', deviceName, serialNumber: record?.serialNumber ?? '' };
}

/** The key CAPF asks for, from Key Order and the phone's CAPF version (S7: non-v3 phones always get RSA). */
export function chooseKey(
  record: PhoneRecord,
  phoneVersion: number,
  advancedEncryption: boolean,
): { ok: true; keyType: 0 | 1; keySize?: number; curve?: 'P-256' | 'P-384' | 'P-521' } | { ok: false; failure?: CapfFailure } {
  const rsa = { ok: true as const, keyType: CapfKeyType.RSA, keySize: record.capf.rsaKeySize };
  const ec = { ok: true as const, keyType: CapfKeyType.EC, curve: `P-${record.capf.ecKeySize}` as 'P-256' | 'P-384' | 'P-521' };
  switch (record.capf.keyOrder) {
    case 'RSA Only':
      return rsa;
    case 'EC Only':
      return phoneVersion >= 3 ? ec : { ok: false, failure: 'No Support for EC only in CAPF version 3' };
    case 'EC Preferred, RSA Backup':
      if (phoneVersion < 3) return rsa;
      // S7: on a CAPF v3 endpoint without "Endpoint Advanced Encryption Algorithm Support", no LSC is issued.
      return advancedEncryption ? ec : { ok: false };
  }
}

/**
 * Check the certificate a phone authenticates with (By Existing Certificate): signature, chain to CAPF-trust,
 * owner. Everything it needs from the world is read before the first await (clock.ts: a computation sees
 * the world as it was when it started).
 */
async function verifyPhoneCredential(env: SimEnv, node: string, response: AuthResponse): Promise<{ ok: true; detail: string } | { ok: false; failure: CapfFailure; detail: string }> {
  const trusted = env.certs.trust(node, 'CAPF-trust').map((t) => t.der);
  const at = new Date(env.clock.now());
  const cred = response.certificate;
  if (!cred) return { ok: false, failure: 'Invalid Credentials', detail: 'no certificate in AUTH_RESPONSE' };
  const isLsc = cred.type === 1;
  const invalid: CapfFailure = isLsc ? 'Invalid LSC' : 'Invalid MIC';
  const parsed = describeCertificate(cred.der);
  if (!parsed.ok) return { ok: false, failure: invalid, detail: parsed.error };
  const info = parsed.value;
  if (!response.signedData) return { ok: false, failure: 'Invalid Credentials', detail: 'no SIGNED_DATA' };
  const key = await importCertificateKey(info, 'SHA-256');
  const signed = new Uint8Array([...new TextEncoder().encode(`${response.deviceName}\0`), ...cred.der]);
  const algorithm = info.publicKey.kind === 'RSA' ? { name: 'RSASSA-PKCS1-v1_5' } : { name: 'ECDSA', hash: 'SHA-256' };
  const signatureOk = await crypto.subtle.verify(algorithm, key, exactBuffer(response.signedData), exactBuffer(signed));
  if (!signatureOk) return { ok: false, failure: 'Invalid Credentials', detail: 'SIGNED_DATA does not verify with the certificate key' };
  const cn = commonName(info.subject);
  // MIC and LSC both name the phone `CN=<model>-<device name>` (TAC 215014, 213407).
  if (!cn.endsWith(`-${response.deviceName}`)) {
    return { ok: false, failure: invalid, detail: `certificate CN ${cn} does not belong to ${response.deviceName}` };
  }
  const chain = await verifyChain({ leaf: cred.der, trusted, at });
  if (!chain.ok) {
    return { ok: false, failure: invalid, detail: `${isLsc ? 'LSC' : 'MIC'} issuer ${formatCucmName(info.issuer)} not trusted by CAPF-trust: ${chain.reason}` };
  }
  return { ok: true, detail: `${isLsc ? 'LSC' : 'MIC'} ${cn} issued by ${commonName(info.issuer)} verified` };
}

export const capfSessionMachine = setup({
  types: {
    context: {} as SessionContext,
    input: {} as CapfSessionInput,
    events: {} as CapfSessionEvent,
  },
  delays: {
    keyGenerationTimeout: CAPF_KEYGEN_TIMEOUT_MS,
    responseTimeout: CAPF_RESPONSE_TIMEOUT_MS,
  },
  actors: {
    verifyCredential: fromPromise(async ({ input }: { input: { env: SimEnv; node: string; response: AuthResponse } }) =>
      input.env.clock.work(0, () => verifyPhoneCredential(input.env, input.node, input.response), 'CAPF credential check'),
    ),
    issueCertificate: fromPromise(async ({ input }: { input: { env: SimEnv; node: string; deviceName: string; publicKey: Uint8Array } }) => {
      const { env } = input;
      const capf = env.certs.identity(input.node, 'CAPF');
      if (!capf?.keys) return { ok: false as const, error: 'CAPF has no certificate' };
      const phone = phoneIdentity(env, input.deviceName);
      const serialNumber = env.random.fork(`lsc/${input.deviceName}/${env.clock.now()}`).serialNumber();
      const notBefore = new Date(env.clock.now());
      const validityDays = env.db.capfParameters.durationOfCertificateValidity;
      const issued = await env.clock.work(
        50,
        () => issueLsc({ subjectPublicKeyInfo: input.publicKey, issuerCertificate: capf.der, issuerPrivateKey: capf.keys!.privateKey, phone, serialNumber, notBefore, validityDays }),
        'LSC issue',
      );
      return { ...issued, serialNumber, notAfter: notBefore.getTime() + validityDays * 86400000 };
    }),
    exportRequest: fromPromise(async ({ input }: { input: { env: SimEnv; node: string; deviceName: string; publicKey: Uint8Array } }) => {
      const { env } = input;
      const capf = env.certs.identity(input.node, 'CAPF');
      if (!capf?.keys) throw new Error('CAPF has no certificate');
      const subject = lscSubject(capf.info.subject, phoneIdentity(env, input.deviceName));
      const signingKey = capf.keys.privateKey;
      return env.clock.work(20, () => createRequestForPublicKey({ subject, subjectPublicKeyInfo: input.publicKey, signingKey }), 'CSR export');
    }),
  },
  guards: {
    isClientHello: ({ event }) => (payloadOf(event) as TlsMessage | undefined)?.kind === 'tls.clientHello',
    isTlsFinished: ({ event }) => (payloadOf(event) as TlsMessage | undefined)?.kind === 'tls.finished',
    isTlsAlert: ({ event }) => (payloadOf(event) as TlsMessage | undefined)?.kind === 'tls.alert',
    isAuthResponse: ({ event }) => isCapf(event, 'AUTH_RESPONSE'),
    isUnknownDevice: ({ context, event }) => !context.env.db.phone((payloadOf(event) as AuthResponse).deviceName),
    hasNoPendingOperation: ({ context, event }) =>
      context.env.db.phone((payloadOf(event) as AuthResponse).deviceName)?.capf.certificateOperation === 'No Pending Operation',
    isDeadlinePassed: ({ context, event }) => {
      const record = context.env.db.phone((payloadOf(event) as AuthResponse).deviceName);
      return record !== undefined && context.env.clock.now() > record.capf.operationCompletesBy;
    },
    isCertificateMode: ({ context, event }) => {
      const mode = context.env.db.phone((payloadOf(event) as AuthResponse).deviceName)?.capf.authenticationMode;
      return mode === 'By Existing Certificate (precedence to LSC)' || mode === 'By Existing Certificate (precedence to MIC)';
    },
    isAuthenticationStringWrong: ({ context, event }) => {
      const response = payloadOf(event) as AuthResponse;
      const record = context.env.db.phone(response.deviceName);
      return record?.capf.authenticationMode === 'By Authentication String' && (response.password ?? '') !== record.capf.authenticationString;
    },
    isCredentialValid: ({ event }) => Boolean((event as unknown as { output: { ok: boolean } }).output?.ok),
    isInstall: ({ context }) => context.operation === 'Install/Upgrade',
    isDelete: ({ context }) => context.operation === 'Delete',
    isKeyChoiceImpossible: ({ context }) => {
      const record = currentRecord(context);
      return !record || !chooseKey(record, context.phoneVersion, context.env.db.enterpriseParameters.endpointAdvancedEncryptionAlgorithmSupport).ok;
    },
    isKeyResponse: ({ event }) => isCapf(event, 'KEY_GENERATE_RESPONSE'),
    lacksPublicKey: ({ event }) => !(payloadOf(event) as Extract<CapfMessage, { command: 'KEY_GENERATE_RESPONSE' }>).publicKey,
    isOfflineCa: ({ context }) => context.env.db.capfParameters.certificateIssuerToEndpoint === 'Offline CA',
    hasImportedCertificate: ({ context }) =>
      context.env.db.capfParameters.certificateIssuerToEndpoint === 'Offline CA' && Boolean(context.deviceName && context.env.db.offlineCertificates[context.deviceName]),
    isRequestInProgress: ({ event }) => isCapf(event, 'REQUEST_IN_PROGRESS'),
    isLscIssued: ({ event }) => Boolean((event as unknown as { output: { ok: boolean } }).output?.ok),
    isStoreResponse: ({ event }) => isCapf(event, 'STORE_CERTIFICATE_RESPONSE'),
    isStoredOk: ({ event }) => (payloadOf(event) as Extract<CapfMessage, { command: 'STORE_CERTIFICATE_RESPONSE' }>).reason === CapfReason.UPDATE_CERTIFICATE,
    isDeleteResponse: ({ event }) => isCapf(event, 'DELETE_CERTIFICATE_RESPONSE'),
    isDeletedOk: ({ event }) => (payloadOf(event) as Extract<CapfMessage, { command: 'DELETE_CERTIFICATE_RESPONSE' }>).reason === CapfReason.UPDATE_CERTIFICATE,
    isFetchResponse: ({ event }) => isCapf(event, 'FETCH_CERTIFICATE_RESPONSE'),
    hasMoreToFetch: ({ context }) => context.toFetch.length > 0,
  },
  actions: {
    trace: ({ context }, params: { text: string; level?: 'debug' | 'error' }) => {
      context.env.log.sdiTrace('capf-trace', context.node, params.level ?? 'debug', `${context.sessionId}:${context.deviceName ?? 'UNKNOWN'}:${params.text}`);
    },
    sendServerHello: enqueueActions(({ context, enqueue, system }) => {
      const capf = context.env.certs.identity(context.node, 'CAPF');
      const hello: TlsMessage = { kind: 'tls.serverHello', certificate: capf?.der ?? new Uint8Array() };
      toNetwork(enqueue, system, {
        type: 'net.send',
        connId: context.connId,
        owner: context.serviceSystemId,
        protocol: 'TLS',
        summary: summarizeTls(hello),
        detail: { certificate: capf ? `${commonName(capf.info.subject)} (${capf.der.length} bytes)` : 'none' },
        payload: hello,
      } satisfies NetworkEvent);
    }),
    sendAuthRequest: enqueueActions(({ context, enqueue, system }) => {
      // AUTH_TYPE announces the Authentication Mode configured for the phone (the same codes as the
      // configuration file's <capfAuthMode>: 1 string, 2 null string, 3 LSC first, 4 MIC first). Which device
      // it is CAPF learns only from AUTH_RESPONSE; before that the lab's CAPF takes the phone CUCM knows at
      // the connecting address (no source says how CUCM decides) — and sends no AUTH_TYPE for an unknown one.
      const record = deviceAt(context.env, context.peer.ip);
      const authType = record ? (CAPF_AUTH_MODE_CODES[record.capf.authenticationMode] as CapfAuthTypeValue) : undefined;
      sendCapf(context, { command: 'AUTH_REQUEST', sessionId: context.sessionId, version: CAPF_VERSION, authType }, enqueue, system);
    }),
    rememberDevice: assign(({ context, event }) => {
      const response = payloadOf(event) as AuthResponse;
      const record = context.env.db.phone(response.deviceName);
      return {
        deviceName: response.deviceName,
        phoneVersion: response.version,
        operation: record?.capf.certificateOperation ?? context.operation,
      };
    }),
    traceAuthResponse: ({ context, event }) => {
      const response = payloadOf(event) as AuthResponse;
      const record = context.env.db.phone(response.deviceName);
      context.env.log.sdiTrace(
        'capf-trace',
        context.node,
        'debug',
        `${context.sessionId}:${response.deviceName}:CAPF CORE: Rcvd Event: CAPF_EV_AUTH_RES in State: CAPF_STATE_AWAIT_AUTH_RES (phone CAPF version ${response.version}${record ? `, operation ${record.capf.certificateOperation}, ${record.capf.authenticationMode}` : ''})`,
      );
    },
    setFailure: assign({ failure: (_, params: { failure: CapfFailure }) => params.failure }),
    setFailureFromOutput: assign({
      failure: ({ event }) => (event as unknown as { output: { failure?: CapfFailure } }).output?.failure,
    }),
    setKeyChoiceFailure: assign({
      failure: ({ context }) => {
        const record = currentRecord(context);
        const choice = record && chooseKey(record, context.phoneVersion, context.env.db.enterpriseParameters.endpointAdvancedEncryptionAlgorithmSupport);
        return choice && !choice.ok ? choice.failure : undefined;
      },
    }),
    traceCredential: ({ context, event }) => {
      const out = (event as unknown as { output: { ok: boolean; detail: string } }).output;
      context.env.log.sdiTrace('capf-trace', context.node, out.ok ? 'debug' : 'error', `${context.sessionId}:${context.deviceName}:${out.detail}`);
    },
    /** The operation failed: write the AXL status, trace the CAPF error, end the session with INVALID_ELEMENT. */
    recordFailure: ({ context }) => {
      const status = failureStatus(context.operation, context.failure);
      const code = context.failure ? CAPF_ERROR[context.failure] : '2 CAPF_OP_FAIL';
      context.env.log.sdiTrace('capf-trace', context.node, 'error', `${context.sessionId}:${context.deviceName}:Operation failed, CAPF error ${code}; Certificate Operation Status: ${status}`);
      if (context.deviceName) context.env.db.recordCapfOutcome(context.deviceName, { status, clearOperation: false });
    },
    endSession: enqueueActions(({ context, enqueue, system }, params: { reason: number }) => {
      sendCapf(context, { command: 'END_SESSION', sessionId: context.sessionId, reason: params.reason }, enqueue, system);
      toNetwork(enqueue, system, { type: 'net.close', connId: context.connId, owner: context.serviceSystemId } satisfies NetworkEvent);
    }),
    sendKeyGenerateRequest: enqueueActions(({ context, enqueue, system }) => {
      const record = currentRecord(context)!;
      const choice = chooseKey(record, context.phoneVersion, context.env.db.enterpriseParameters.endpointAdvancedEncryptionAlgorithmSupport);
      if (!choice.ok) return;
      const message: CapfMessage = { command: 'KEY_GENERATE_REQUEST', sessionId: context.sessionId, keyType: choice.keyType, keySize: choice.keySize, curve: choice.curve };
      context.env.log.sdiTrace('capf-trace', context.node, 'debug', `${context.sessionId}:${context.deviceName}:Sending KEY_GEN_REQ to phone: ${summarizeCapfMessage(message).replace('KEY_GENERATE_REQUEST ', '')}`);
      sendCapf(context, message, enqueue, system);
    }),
    sendStoreCertificate: enqueueActions(({ context, event, enqueue, system }) => {
      const out = (event as unknown as { output: { ok: true; value: Uint8Array; serialNumber: Uint8Array; notAfter: number } }).output;
      context.env.log.sdiTrace(
        'capf-trace',
        context.node,
        'debug',
        `${context.sessionId}:${context.deviceName}:LSC issued: serial ${toHex(out.serialNumber)}, valid until ${javaDateString(out.notAfter, context.env.zone)}`,
      );
      context.env.db.noteIssuedLsc(context.deviceName!, toHex(out.serialNumber), context.env.clock.now());
      enqueue.assign({ issuedSerial: toHex(out.serialNumber) });
      sendCapf(context, { command: 'STORE_CERTIFICATE_REQUEST', sessionId: context.sessionId, certificateType: 1, certificate: out.value }, enqueue, system);
    }),
    traceIssueRefused: ({ context, event }) => {
      const out = (event as unknown as { output: { error?: string }; error?: unknown }) ?? {};
      context.env.log.sdiTrace('capf-trace', context.node, 'error', `${context.sessionId}:${context.deviceName}:Could not issue the LSC: ${out.output?.error ?? String(out.error)}`);
    },
    recordUpgradeSuccess: ({ context }) => {
      const record = currentRecord(context);
      if (!record || !context.deviceName) return;
      if (context.deliveredOffline) context.env.db.consumeOfflineCertificate(context.deviceName);
      if (context.issuedSerial) context.env.db.noteInstalledLsc(context.issuedSerial);
      const capf = context.env.certs.identity(context.node, 'CAPF');
      const days = context.env.db.capfParameters.durationOfCertificateValidity;
      context.env.db.recordCapfOutcome(context.deviceName, {
        status: successStatus('Install/Upgrade'),
        clearOperation: true,
        lsc: {
          status: 'Installed',
          issuedBy: capf ? commonName(capf.info.subject) : undefined,
          expires: context.env.clock.now() + days * 86400000,
          issuerExpires: capf?.info.notAfter.getTime(),
        },
      });
      context.env.log.sdiTrace('capf-trace', context.node, 'debug', `${context.sessionId}:${context.deviceName}:Certificate Operation Status: Upgrade Success`);
    },
    /** Offline CA: CAPF does not sign; it keeps a request for the phone's key for the administrator and ends the session. */
    keepCsrForOfflineCa: ({ context, event }) => {
      const csr = (event as unknown as { output: Uint8Array }).output;
      context.env.db.keepCsr(context.deviceName!, toPem(csr, 'CERTIFICATE REQUEST'), context.env.clock.now());
      context.env.log.sdiTrace('capf-trace', context.node, 'debug', `${context.sessionId}:${context.deviceName}:Certificate Issuer to Endpoint is Offline CA: CSR saved as ${context.deviceName}.csr, waiting for the signed certificate (utils capf cert import)`);
    },
    sendImportedCertificate: enqueueActions(({ context, enqueue, system }) => {
      const der = context.env.db.offlineCertificates[context.deviceName!];
      context.env.log.sdiTrace('capf-trace', context.node, 'debug', `${context.sessionId}:${context.deviceName}:Delivering the certificate imported from the offline CA`);
      enqueue.assign({ deliveredOffline: true });
      sendCapf(context, { command: 'STORE_CERTIFICATE_REQUEST', sessionId: context.sessionId, certificateType: 1, certificate: der }, enqueue, system);
    }),
    sendDeleteRequest: enqueueActions(({ context, enqueue, system }) => {
      sendCapf(context, { command: 'DELETE_CERTIFICATE_REQUEST', sessionId: context.sessionId }, enqueue, system);
    }),
    recordDeleteSuccess: ({ context }) => {
      if (!context.deviceName) return;
      context.env.db.recordCapfOutcome(context.deviceName, { status: successStatus('Delete'), clearOperation: true, lsc: { status: 'Not Installed' } });
      context.env.log.sdiTrace('capf-trace', context.node, 'debug', `${context.sessionId}:${context.deviceName}:Certificate Operation Status: Delete Success`);
    },
    startFetching: assign({ toFetch: () => [1, 2] as Array<1 | 2>, fetched: 0 }),
    sendFetchRequest: enqueueActions(({ context, enqueue, system }) => {
      const [type] = context.toFetch;
      sendCapf(context, { command: 'FETCH_CERTIFICATE_REQUEST', sessionId: context.sessionId, certificateType: type }, enqueue, system);
    }),
    /** Troubleshoot: each certificate the phone returns is written into the CAPF trace (S29). */
    traceFetchedCertificate: assign(({ context, event }) => {
      const response = payloadOf(event) as Extract<CapfMessage, { command: 'FETCH_CERTIFICATE_RESPONSE' }>;
      const what = response.certificateType === 1 ? 'LSC' : 'MIC';
      if (response.certificate) {
        const info = describeCertificate(response.certificate);
        const subject = info.ok ? formatCucmName(info.value.subject) : 'unreadable';
        context.env.log.sdiTrace('capf-trace', context.node, 'debug', `${context.sessionId}:${context.deviceName}:Fetched ${what} (${subject}):\n${toPem(response.certificate, 'CERTIFICATE').trimEnd()}`);
      } else {
        context.env.log.sdiTrace('capf-trace', context.node, 'debug', `${context.sessionId}:${context.deviceName}:Phone has no ${what} (${reasonName(response.reason)})`);
      }
      return { toFetch: context.toFetch.slice(1), fetched: context.fetched + (response.certificate ? 1 : 0) };
    }),
    recordTroubleshootOutcome: ({ context }) => {
      if (!context.deviceName) return;
      const status = context.fetched > 0 ? successStatus('Troubleshoot') : failureStatus('Troubleshoot');
      context.env.db.recordCapfOutcome(context.deviceName, { status, clearOperation: context.fetched > 0 });
      context.env.log.sdiTrace('capf-trace', context.node, 'debug', `${context.sessionId}:${context.deviceName}:Certificate Operation Status: ${status}`);
    },
    closeConnection: enqueueActions(({ context, enqueue, system }) => {
      toNetwork(enqueue, system, { type: 'net.close', connId: context.connId, owner: context.serviceSystemId } satisfies NetworkEvent);
    }),
    announceDevice: enqueueActions(({ context, event, enqueue, system }) => {
      const service = system.get(context.serviceSystemId);
      const device = (payloadOf(event) as AuthResponse).deviceName;
      if (service) enqueue.sendTo(service, { type: 'capf.session.identified', connId: context.connId, device } as EventObject);
    }),
    notifyServiceEnded: enqueueActions(({ context, enqueue, system }) => {
      const service = system.get(context.serviceSystemId);
      if (service) enqueue.sendTo(service, { type: 'capf.session.ended', connId: context.connId } as EventObject);
    }),
  },
}).createMachine({
  id: 'capfSession',
  context: ({ input }) => ({
    ...input,
    deviceName: undefined,
    operation: 'No Pending Operation',
    phoneVersion: 0,
    failure: undefined,
    toFetch: [],
    fetched: 0,
    issuedSerial: undefined,
    deliveredOffline: false,
  }),
  initial: 'awaitingClientHello',
  on: {
    'net.closed': { target: '.closed' },
    'capf.session.abort': { target: '.superseded' },
  },
  states: {
    awaitingClientHello: {
      entry: { type: 'trace', params: ({ context }) => ({ text: `Incoming Connection from IP: ${context.peer.ip} Port: ${context.peer.port}` }) },
      on: { 'net.received': { guard: 'isClientHello', target: 'handshaking', actions: 'sendServerHello' } },
      after: { responseTimeout: 'timedOut' },
    },
    handshaking: {
      on: {
        'net.received': [
          { guard: 'isTlsFinished', target: 'awaitingAuthResponse', actions: [{ type: 'trace', params: { text: 'TLS HS Done' } }, 'sendAuthRequest'] },
          { guard: 'isTlsAlert', target: 'closed', actions: { type: 'trace', params: { text: 'TLS handshake failed: fatal alert from the phone (it does not trust the CAPF certificate)', level: 'error' } } },
        ],
      },
      after: { responseTimeout: 'timedOut' },
    },
    awaitingAuthResponse: {
      on: {
        'net.received': [
          { guard: 'isAuthResponse', actions: ['rememberDevice', 'traceAuthResponse', 'announceDevice'], target: 'checkingRequest' },
        ],
      },
      after: { responseTimeout: 'timedOut' },
    },
    checkingRequest: {
      // Re-dispatch on the AUTH_RESPONSE still in `event` (eventless transitions see the triggering event).
      always: [
        { guard: 'isUnknownDevice', target: 'ending', actions: [{ type: 'trace', params: { text: 'Device not found in the database', level: 'error' } }, { type: 'endSession', params: { reason: CapfReason.UNKNOWN_DEVICE } }] },
        { guard: 'hasNoPendingOperation', target: 'ending', actions: [{ type: 'trace', params: { text: 'No pending CAPF operation for this device' } }, { type: 'endSession', params: { reason: CapfReason.NO_ACTION } }] },
        { guard: 'isDeadlinePassed', target: 'failing', actions: { type: 'setFailure', params: { failure: 'User Initiated Request Late/Timedout' } } },
        { guard: 'isAuthenticationStringWrong', target: 'failing', actions: { type: 'setFailure', params: { failure: 'Invalid Authentication String' } } },
        { guard: 'isCertificateMode', target: 'authenticating' },
        { target: 'dispatching', actions: { type: 'trace', params: { text: 'Auth Response Successful' } } },
      ],
    },
    authenticating: {
      invoke: {
        src: 'verifyCredential',
        input: ({ context, event }) => ({ env: context.env, node: context.node, response: payloadOf(event) as AuthResponse }),
        onDone: [
          { guard: 'isCredentialValid', target: 'dispatching', actions: 'traceCredential' },
          { target: 'failing', actions: ['traceCredential', 'setFailureFromOutput'] },
        ],
        onError: { target: 'failing', actions: { type: 'setFailure', params: { failure: 'Invalid Credentials' } } },
      },
    },
    dispatching: {
      always: [
        { guard: 'isInstall', target: 'choosingKey' },
        { guard: 'isDelete', target: 'awaitingDelete', actions: 'sendDeleteRequest' },
        { target: 'fetching', actions: 'startFetching' },
      ],
    },
    choosingKey: {
      always: [
        // Offline CA: the certificate the administrator imported for this phone is delivered as it is.
        { guard: 'hasImportedCertificate', target: 'awaitingStore', actions: 'sendImportedCertificate' },
        { guard: 'isKeyChoiceImpossible', target: 'failing', actions: 'setKeyChoiceFailure' },
        { target: 'awaitingKey', actions: 'sendKeyGenerateRequest' },
      ],
    },
    awaitingKey: {
      on: {
        'net.received': [
          { guard: 'isRequestInProgress', actions: { type: 'trace', params: { text: 'Phone reports key generation in progress' } } },
          // No PUBLIC_KEY: the phone could not make the key CAPF asked for.
          {
            guard: and(['isKeyResponse', 'lacksPublicKey']),
            target: 'failing',
            actions: [{ type: 'trace', params: { text: 'KEY_GEN_RES without a public key: the phone could not generate the key', level: 'error' } }, { type: 'setFailure', params: { failure: 'Key Generation Failed/Timeout' } }],
          },
          {
            guard: and(['isKeyResponse', 'isOfflineCa']),
            target: 'exportingRequest',
            actions: { type: 'trace', params: { text: 'CAPF CORE: Rcvd Event: CAPF_EV_KEY_GEN_RES in State: CAPF_STATE_AWAIT_KEY_GEN_RES' } },
          },
          { guard: 'isKeyResponse', target: 'issuing', actions: { type: 'trace', params: { text: 'CAPF CORE: Rcvd Event: CAPF_EV_KEY_GEN_RES in State: CAPF_STATE_AWAIT_KEY_GEN_RES' } } },
        ],
      },
      after: { keyGenerationTimeout: { target: 'failing', actions: { type: 'setFailure', params: { failure: 'Key Generation Failed/Timeout' } } } },
    },
    /** Offline CA: the request for the administrator's CA is written (pki/csr.ts: which request is our choice). */
    exportingRequest: {
      invoke: {
        src: 'exportRequest',
        input: ({ context, event }) => ({
          env: context.env,
          node: context.node,
          deviceName: context.deviceName!,
          publicKey: (payloadOf(event) as Extract<CapfMessage, { command: 'KEY_GENERATE_RESPONSE' }>).publicKey ?? new Uint8Array(),
        }),
        onDone: { target: 'ending', actions: ['keepCsrForOfflineCa', { type: 'endSession', params: { reason: CapfReason.NO_ACTION } }] },
        onError: { target: 'failing', actions: ['traceIssueRefused', { type: 'setFailure', params: { failure: 'Invalid Credentials' } }] },
      },
    },
    issuing: {
      invoke: {
        src: 'issueCertificate',
        input: ({ context, event }) => ({
          env: context.env,
          node: context.node,
          deviceName: context.deviceName!,
          publicKey: (payloadOf(event) as Extract<CapfMessage, { command: 'KEY_GENERATE_RESPONSE' }>).publicKey ?? new Uint8Array(),
        }),
        onDone: [
          { guard: 'isLscIssued', target: 'awaitingStore', actions: 'sendStoreCertificate' },
          { target: 'failing', actions: ['traceIssueRefused', { type: 'setFailure', params: { failure: 'Invalid Credentials' } }] },
        ],
        onError: { target: 'failing', actions: ['traceIssueRefused'] },
      },
    },
    awaitingStore: {
      on: {
        'net.received': [
          { guard: 'isStoreResponse', target: 'succeeded' },
        ],
      },
      after: { responseTimeout: { target: 'failing', actions: { type: 'setFailure', params: { failure: 'Phone Communication Failure' } } } },
    },
    succeeded: {
      always: [
        { guard: 'isStoredOk', target: 'ending', actions: ['recordUpgradeSuccess', { type: 'endSession', params: { reason: CapfReason.UPDATE_CERTIFICATE } }] },
        { target: 'failing', actions: { type: 'setFailure', params: { failure: 'Phone Communication Failure' } } },
      ],
    },
    awaitingDelete: {
      on: {
        'net.received': [
          { guard: 'isDeleteResponse', target: 'deleted' },
        ],
      },
      after: { responseTimeout: { target: 'failing', actions: { type: 'setFailure', params: { failure: 'Phone Communication Failure' } } } },
    },
    deleted: {
      always: [
        { guard: 'isDeletedOk', target: 'ending', actions: ['recordDeleteSuccess', { type: 'endSession', params: { reason: CapfReason.UPDATE_CERTIFICATE } }] },
        { target: 'failing', actions: { type: 'setFailure', params: { failure: 'Invalid LSC' } } },
      ],
    },
    fetching: {
      entry: 'sendFetchRequest',
      on: { 'net.received': { guard: 'isFetchResponse', target: 'fetched', actions: 'traceFetchedCertificate' } },
      after: { responseTimeout: { target: 'failing', actions: { type: 'setFailure', params: { failure: 'Phone Communication Failure' } } } },
    },
    fetched: {
      always: [
        { guard: 'hasMoreToFetch', target: 'fetching', reenter: true },
        { target: 'ending', actions: ['recordTroubleshootOutcome', { type: 'endSession', params: { reason: CapfReason.UPDATE_CERTIFICATE } }] },
      ],
    },
    failing: {
      always: { target: 'ending', actions: ['recordFailure', { type: 'endSession', params: { reason: CapfReason.INVALID_ELEMENT } }] },
    },
    ending: {
      type: 'final',
      entry: 'notifyServiceEnded',
    },
    timedOut: {
      type: 'final',
      entry: [{ type: 'trace', params: { text: 'No answer from the phone, closing the connection', level: 'error' } }, 'closeConnection', 'notifyServiceEnded'],
    },
    /** The same phone connected again (after a reboot): CAPF drops the older session. */
    superseded: {
      type: 'final',
      entry: [{ type: 'trace', params: { text: 'A new session from this device replaces this one' } }, 'closeConnection', 'notifyServiceEnded'],
    },
    closed: {
      type: 'final',
      entry: [{ type: 'trace', params: { text: 'Connection closed by the phone' } }, 'notifyServiceEnded'],
    },
  },
});

function sendCapf(
  context: SessionContext,
  message: CapfMessage,
  enqueue: { sendTo: (to: any, event: any) => void },
  system: { get: (id: string) => any },
): void {
  toNetwork(enqueue, system, capfSegment(context.connId, context.serviceSystemId, message));
}
