/**
 * The one registry of checks (DESIGN "The teaching layer"): named, parameterised predicates over the world's
 * state, each answering passed or not with a one-line reason in words. Exercises' goals, tutorial steps, the
 * Faults page's *Fixed* mark and the teacher's verification all use these; none of them looks at which
 * button was pressed, and none compares key bytes across worlds (keys differ from run to run): they compare
 * within the world — this LSC against this CAPF certificate, this ITL's CAPF hash against it.
 *
 * Reasons are message keys (src/content/messages/en/checks.ts), formatted in the learner's language.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { parseItl } from '../itl/parse';
import { bytesEqual, toHex } from '../pki/encode';
import { commonName, formatCucmName } from '../pki/names';
import { describeCertificate, type CertificateInfo } from '../pki/parse';
import type { CertificateOperationStatus } from '../sim/cucm/database';
import { CAPF_KEYGEN_TIMEOUT_MS } from '../sim/cucm/capf-session.machine';
import { ids, publisher } from '../sim/env';
import { labCaRecord } from '../sim/lab-ca-record';
import { ISE_ACCEPTED } from '../sim/dot1x/radius.machine';
import { capfPin } from '../sim/phone/phone.machine';
import { keyGenerationMs, PHONE_MODELS } from '../sim/phone/models';
import { SERVICE_NAMES, type ServiceKey } from '../sim/scenario';
import type { FirewallRule } from '../sim/network';
import type { LabWorld } from '../sim/world';
import type { MessageParams, Said } from './messages/format';

export interface CheckResult {
  passed: boolean;
  reason: Said;
}

/** Arguments a check may take; each defaults to the scenario's first phone, its publisher, every TFTP node … */
export interface CheckArgs {
  device?: string;
  authenticationMode?: string;
  node?: string;
  service?: ServiceKey;
  status?: CertificateOperationStatus;
  name?: string;
  port?: number;
}

type Check = (world: LabWorld, args: CheckArgs) => CheckResult;

const said = (key: string, params: MessageParams = {}): Said => ({ key, params });
const pass = (key: string, params?: MessageParams): CheckResult => ({ passed: true, reason: said(key, params) });
const fail = (key: string, params?: MessageParams): CheckResult => ({ passed: false, reason: said(key, params) });

const deviceOf = (world: LabWorld, args: CheckArgs) => args.device ?? world.env.scenario.phones[0].deviceName;
const pubOf = (world: LabWorld) => publisher(world.env);
const tftpNodesOf = (world: LabWorld) => world.env.scenario.nodes.filter((n) => world.env.db.isActivated(n.name, 'tftp')).map((n) => n.name);

const parsed = new WeakMap<Uint8Array, CertificateInfo | null>();
/** Certificates are parsed once per object: checks run on every change of the world. */
function info(der: Uint8Array): CertificateInfo | null {
  if (!parsed.has(der)) {
    const d = describeCertificate(der);
    parsed.set(der, d.ok ? d.value : null);
  }
  return parsed.get(der)!;
}

/** `cert` was issued by `issuer`: same name, and its signature verifies with the issuer's key (checked by the CAPF that issued it). */
function issuedBy(cert: CertificateInfo, issuer: CertificateInfo): boolean {
  return formatCucmName(cert.issuer) === formatCucmName(issuer.subject);
}

const capfCertificate = (world: LabWorld) => world.env.certs.identity(pubOf(world).name, 'CAPF');

function isStarted(world: LabWorld, node: string, service: ServiceKey): boolean {
  const id = service === 'capf' ? ids.capf(node) : service === 'tftp' ? ids.tftp(node) : ids.tvs(node);
  return world.stateOf(id) === 'started';
}

const itlFiles = new WeakMap<Uint8Array, ReturnType<typeof parseItl>>();
function capfPinOf(bytes: Uint8Array | null | undefined): Uint8Array | null {
  if (!bytes) return null;
  if (!itlFiles.has(bytes)) itlFiles.set(bytes, parseItl(bytes, { maxBytes: Infinity }));
  const file = itlFiles.get(bytes)!;
  return file.ok ? capfPin(file.value) : null;
}

function firewallRules(world: LabWorld): FirewallRule[] {
  const snap = world.actor(ids.network)?.getSnapshot();
  return (snap?.context as { tables?: { firewall?: FirewallRule[] } } | undefined)?.tables?.firewall ?? [];
}

function dnsRecords(world: LabWorld): Record<string, string> {
  return (world.actor(ids.dns)?.getSnapshot().context as { records?: Record<string, string> } | undefined)?.records ?? {};
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export const CHECKS = {
  /** The phone holds an LSC issued by this cluster's CAPF certificate as it is now. */
  'phone.lscFromThisCapf': (world, args) => {
    const device = deviceOf(world, args);
    const lsc = world.phoneContext(device)?.flash.lsc;
    const capf = capfCertificate(world);
    if (!lsc) return fail('checks.lscFromCapf.none', { device });
    const lscInfo = info(lsc.der);
    if (!lscInfo || !capf) return fail('checks.lscFromCapf.unreadable', { device });
    const issuer = commonName(lscInfo.issuer) || formatCucmName(lscInfo.issuer);
    if (!issuedBy(lscInfo, capf.info)) return fail('checks.lscFromCapf.otherIssuer', { device, issuer, capf: commonName(capf.info.subject) });
    if (lscInfo.notAfter.getTime() <= world.now) return fail('checks.lscFromCapf.expired', { device });
    return pass('checks.lscFromCapf.passed', { device, capf: commonName(capf.info.subject) });
  },
  /** The phone holds an LSC issued by the enterprise CA of the Offline CA path. */
  'phone.lscFromEnterpriseCa': (world, args) => {
    const device = deviceOf(world, args);
    const lsc = world.phoneContext(device)?.flash.lsc;
    const caDer = labCaRecord(world.env).certificate;
    if (!lsc) return fail('checks.lscFromCapf.none', { device });
    const lscInfo = info(lsc.der);
    const ca = caDer ? info(caDer) : null;
    const issuer = lscInfo ? commonName(lscInfo.issuer) || formatCucmName(lscInfo.issuer) : '?';
    if (!lscInfo || !ca || !issuedBy(lscInfo, ca)) return fail('checks.lscFromEnterpriseCa.otherIssuer', { device, issuer });
    return pass('checks.lscFromEnterpriseCa.passed', { device, issuer });
  },
  /** CUCM's Certificate Operation Status for the phone. */
  'phone.operationStatus': (world, args) => {
    const device = deviceOf(world, args);
    const expected = args.status ?? 'Upgrade Success';
    const status = world.certificateOperationStatus(device);
    return status === expected ? pass('checks.operationStatus.passed', { device, status }) : fail('checks.operationStatus.failed', { device, status, expected });
  },
  /** CAPF Information saved: Install/Upgrade (in the mode asked for) with Operation Completes By ahead — or already done. */
  'phone.operationSaved': (world, args) => {
    const device = deviceOf(world, args);
    const capf = world.env.db.phone(device)?.capf;
    if (!capf) return fail('checks.registered.failed', { device });
    if (capf.certificateOperationStatus === 'Upgrade Success') return pass('checks.notLate.done', { device });
    const saved = capf.certificateOperation === 'Install/Upgrade' && capf.operationCompletesBy > world.now && (!args.authenticationMode || capf.authenticationMode === args.authenticationMode);
    return saved ? pass('checks.saved.passed', { device }) : fail('checks.saved.failed', { device, mode: args.authenticationMode ?? '' });
  },
  /** The phone has the configuration that carries the operation (Apply Config reached it) — or the operation is done. */
  'phone.configHasOperation': (world, args) => {
    const device = deviceOf(world, args);
    if (world.certificateOperationStatus(device) === 'Upgrade Success') return pass('checks.notLate.done', { device });
    const mode = world.phoneContext(device)?.config?.capfAuthMode ?? 0;
    return mode !== 0 ? pass('checks.configured.passed', { device }) : fail('checks.configured.failed', { device });
  },
  'phone.registered': (world, args) => {
    const device = deviceOf(world, args);
    const value = world.stateOf(ids.phone(device));
    const registered = typeof value === 'object' && value !== null && (value as Record<string, unknown>).on === 'registered';
    return registered ? pass('checks.registered.passed', { device }) : fail('checks.registered.failed', { device });
  },
  'service.activated': (world, args) => {
    const node = args.node ?? pubOf(world).name;
    const service = SERVICE_NAMES[args.service ?? 'capf'];
    return world.env.db.isActivated(node, args.service ?? 'capf') ? pass('checks.activated.passed', { node, service }) : fail('checks.activated.failed', { node, service });
  },
  'service.running': (world, args) => {
    const node = args.node ?? pubOf(world).name;
    const key = args.service ?? 'capf';
    const service = SERVICE_NAMES[key];
    return isStarted(world, node, key) ? pass('checks.running.passed', { node, service }) : fail('checks.running.failed', { node, service });
  },
  /** Every TFTP server's ITL carries the CAPF certificate CAPF presents now (or the one named by `node`). */
  'tftp.itlCarriesCurrentCapf': (world, args) => {
    const capf = capfCertificate(world);
    if (!capf) return fail('checks.itlCapf.noCapf');
    const want = sha1(capf.der);
    for (const node of args.node ? [args.node] : tftpNodesOf(world)) {
      const served = world.servedItl(node);
      if (!served) return fail('checks.itlCapf.noItl', { node });
      const pin = capfPinOf(served.bytes);
      if (!pin) return fail('checks.itlCapf.noRecord', { node });
      if (!bytesEqual(pin, want)) return fail('checks.itlCapf.stale', { node });
    }
    return pass('checks.itlCapf.passed');
  },
  /** The trust list the phone holds carries the current CAPF certificate (what its TLS pin is checked against). */
  'phone.itlCarriesCurrentCapf': (world, args) => {
    const device = deviceOf(world, args);
    const capf = capfCertificate(world);
    const pin = capfPinOf(world.phoneContext(device)?.flash.itl);
    if (!capf) return fail('checks.itlCapf.noCapf');
    if (!pin) return fail('checks.phoneItlCapf.noRecord', { device });
    return bytesEqual(pin, sha1(capf.der)) ? pass('checks.phoneItlCapf.passed', { device }) : fail('checks.phoneItlCapf.stale', { device });
  },
  /** The phone holds exactly the ITL its TFTP server serves (it downloaded and trusted the current one). */
  'phone.holdsServedItl': (world, args) => {
    const device = deviceOf(world, args);
    const spec = world.env.scenario.phones.find((p) => p.deviceName === device);
    const served = spec ? world.servedItl(spec.tftpNode) : null;
    const held = world.phoneContext(device)?.flash.itl;
    if (!served) return fail('checks.itlCapf.noItl', { node: spec?.tftpNode ?? '?' });
    return held && bytesEqual(held, served.bytes) ? pass('checks.holdsServedItl.passed', { device, node: spec!.tftpNode }) : fail('checks.holdsServedItl.failed', { device, node: spec!.tftpNode });
  },
  /** A DNS A record: the name resolves to the address (default: the publisher's System > Server name). */
  'dns.resolves': (world, args) => {
    const pub = pubOf(world);
    const name = args.name ?? pub.serverName;
    if (IPV4.test(name) && args.name === undefined) return pass('checks.dns.isAddress', { name });
    const address = dnsRecords(world)[name.toLowerCase().replace(/\.$/, '')];
    if (!address) return fail('checks.dns.missing', { name });
    return address === pub.ip ? pass('checks.dns.passed', { name, address }) : fail('checks.dns.wrong', { name, address, expected: pub.ip });
  },
  /** No firewall rule drops the port on its way to the publisher (CAPF's TCP 3804 by default). */
  'network.portOpen': (world, args) => {
    const port = args.port ?? 3804;
    const ip = pubOf(world).ip;
    const blocking = firewallRules(world).find((r) => (r.port === undefined || r.port === port) && (r.toIp === undefined || r.toIp === ip) && (r.transport === undefined || r.transport === 'TCP'));
    return blocking ? fail('checks.port.blocked', { port, rule: blocking.description }) : pass('checks.port.passed', { port });
  },
  'capf.certificateValid': (world) => {
    const capf = capfCertificate(world);
    if (!capf) return fail('checks.itlCapf.noCapf');
    return capf.info.notAfter.getTime() > world.now ? pass('checks.capfValid.passed') : fail('checks.capfValid.expired');
  },
  'db.replicationHealthy': (world) => (world.env.db.replicationHealthy ? pass('checks.replication.passed') : fail('checks.replication.failed')),
  /** CAPF-trust on the publisher holds the Manufacturing CA that issued the phones' MICs. */
  'capf.trustsManufacturingCa': (world) => {
    const node = pubOf(world).name;
    const ca = world.installed.manufacturingCa.der;
    return world.env.certs.trust(node, 'CAPF-trust').some((e) => bytesEqual(e.der, ca)) ? pass('checks.trustsMic.passed', { node }) : fail('checks.trustsMic.failed', { node });
  },
  /** The phone's operation can still complete: pending with Operation Completes By ahead, or done. */
  'phone.operationNotLate': (world, args) => {
    const device = deviceOf(world, args);
    const capf = world.env.db.phone(device)?.capf;
    if (!capf) return fail('checks.registered.failed', { device });
    if (capf.certificateOperationStatus === 'Upgrade Success') return pass('checks.notLate.done', { device });
    if (capf.certificateOperation !== 'No Pending Operation' && capf.operationCompletesBy > world.now) return pass('checks.notLate.passed', { device });
    return fail('checks.notLate.failed', { device });
  },
  /** The operation asks for a key the phone can make, in time for CAPF's key-generation timeout. */
  'phone.keySettingsFeasible': (world, args) => {
    const device = deviceOf(world, args);
    const spec = world.env.scenario.phones.find((p) => p.deviceName === device);
    const model = spec ? PHONE_MODELS[spec.model] : undefined;
    const capf = world.env.db.phone(device)?.capf;
    if (!model || !capf) return fail('checks.registered.failed', { device });
    if (capf.keyOrder === 'EC Only' && model.capfVersion < 3) return fail('checks.keys.ecUnsupported', { device, model: model.model });
    const ec = capf.keyOrder !== 'RSA Only' && model.capfVersion >= 3;
    if (!ec && !model.rsaKeySizes.includes(capf.rsaKeySize)) return fail('checks.keys.sizeUnsupported', { device, model: model.model, bits: capf.rsaKeySize });
    const ms = ec ? keyGenerationMs(model, { kind: 'EC', curve: capf.ecKeySize === 256 ? 'P-256' : capf.ecKeySize === 384 ? 'P-384' : 'P-521' }) : keyGenerationMs(model, { kind: 'RSA', bits: capf.rsaKeySize });
    return ms < CAPF_KEYGEN_TIMEOUT_MS ? pass('checks.keys.passed', { device, model: model.model }) : fail('checks.keys.tooSlow', { device, model: model.model });
  },
  'phone.supportsSecurityByDefault': (world, args) => {
    const device = deviceOf(world, args);
    const model = PHONE_MODELS[world.env.scenario.phones.find((p) => p.deviceName === device)?.model ?? ''];
    return model?.securityByDefault ? pass('checks.sbd.passed', { device, model: model.model }) : fail('checks.sbd.failed', { device, model: model?.model ?? '?' });
  },
  /** The phone's trust list was signed by this cluster (one of its certificates signs it). */
  'phone.itlFromThisCluster': (world, args) => {
    const device = deviceOf(world, args);
    const held = world.phoneContext(device)?.flash.itl;
    if (!held) return fail('checks.clusterItl.none', { device });
    const file = parseItl(held, { maxBytes: Infinity });
    if (!file.ok) return fail('checks.clusterItl.none', { device });
    const ours = new Set(world.env.certs.all().map((e) => toHex(sha1(e.der))));
    const signer = file.value.records.find((r) => r.function.code === 0 && r.certificate);
    return signer && ours.has(toHex(sha1(signer.certificate!))) ? pass('checks.clusterItl.passed', { device }) : fail('checks.clusterItl.foreign', { device });
  },
  /** The authentication mode can succeed with what the phone holds: no LSC-precedence with another cluster's LSC. */
  'phone.authenticationModeUsable': (world, args) => {
    const device = deviceOf(world, args);
    const capf = world.env.db.phone(device)?.capf;
    const lsc = world.phoneContext(device)?.flash.lsc;
    if (capf?.authenticationMode !== 'By Existing Certificate (precedence to LSC)' || !lsc) return pass('checks.authMode.passed', { device });
    const lscInfo = info(lsc.der);
    const trusted = world.env.certs.trust(pubOf(world).name, 'CAPF-trust').some((e) => lscInfo && formatCucmName(e.info.subject) === formatCucmName(lscInfo.issuer));
    return trusted ? pass('checks.authMode.passed', { device }) : fail('checks.authMode.foreignLsc', { device });
  },
  /** The string typed on the phone is the operation's (By Authentication String), or the operation completed. */
  'phone.authenticationStringMatches': (world, args) => {
    const device = deviceOf(world, args);
    const capf = world.env.db.phone(device)?.capf;
    if (!capf) return fail('checks.registered.failed', { device });
    if (capf.certificateOperationStatus === 'Upgrade Success' || capf.authenticationMode !== 'By Authentication String') return pass('checks.authString.passed', { device });
    const typed = world.phoneContext(device)?.enteredAuthenticationString;
    return typed === capf.authenticationString ? pass('checks.authString.passed', { device }) : fail('checks.authString.failed', { device });
  },
  /** The switch port's last 802.1X authentication (ISE's live log) was accepted, for the phone's LSC. */
  'dot1x.acceptedWithLsc': (world, args) => {
    const device = deviceOf(world, args);
    if (!world.env.scenario.dot1x) return fail('checks.dot1x.noPort', { device });
    const last = world.env.log.records.filter((r) => r.source === 'radius').at(-1);
    if (!last) return fail('checks.dot1x.none', { device });
    const lsc = world.phoneContext(device)?.flash.lsc;
    const lscCn = lsc ? commonName(info(lsc.der)?.subject ?? []) : '';
    const capf = capfCertificate(world);
    const accepted = last.text.startsWith(ISE_ACCEPTED) && lscCn !== '' && capf !== undefined && last.text.endsWith(`: ${lscCn} issued by ${commonName(capf.info.subject)}`);
    return accepted ? pass('checks.dot1x.passed', { device }) : fail('checks.dot1x.rejected', { device });
  },
} satisfies Record<string, Check>;

export type CheckId = keyof typeof CHECKS;

/** A named check with its arguments, as data (exercise goals, tutorial steps, faults' "fixed"). */
export interface CheckRef {
  check: CheckId;
  args?: CheckArgs;
}

export function runCheck(world: LabWorld, ref: CheckRef): CheckResult {
  const check = CHECKS[ref.check] as Check | undefined;
  if (!check) return fail('checks.unknown', { check: String(ref.check) });
  try {
    return check(world, ref.args ?? {});
  } catch (e) {
    // A check must never take the page down: an error reads as "not yet", with what went wrong.
    return fail('checks.error', { message: e instanceof Error ? e.message : String(e) });
  }
}

/** All pass (an empty list passes). */
export function allPass(world: LabWorld, refs: readonly CheckRef[]): boolean {
  return refs.every((r) => runCheck(world, r).passed);
}
