/**
 * The learner's actions — the lab's source of truth (DESIGN principle 4): what a person can do on the real
 * system's pages, CLI and phone, as plain data. A lab is `scenario + seed + start + [actions]`; replaying
 * the list rebuilds it. Bad input is refused with the message the real page would give, and refusing
 * changes nothing.
 */
import {
  AUTHENTICATION_MODES,
  CERTIFICATE_OPERATIONS,
  EC_KEY_SIZES,
  KEY_ORDERS,
  RSA_KEY_SIZES,
  type AuthenticationMode,
  type CapfInformation,
  type CertificateOperation,
  type EcKeySize,
  type KeyOrder,
  type RsaKeySize,
} from './cucm/database';
import { ids, publisher } from './env';
import type { FirewallRule } from './network';
import type { CapfServiceParameters, EnterpriseParameters } from './cucm/database';
import type { CertificatePurpose, IdentityPurpose, TrustPurpose } from './cucm/certificates';
import { IDENTITY_PURPOSES, TRUST_PURPOSES } from './cucm/certificates';
import type { ManagementResult } from './cucm/certificate-management';
import { serviceControlDatagram } from './cucm/service-control';
import { releaseOf, SERVICE_NAMES, type ServiceKey } from './scenario';
import { operationCompletesByString, parseOperationCompletesBy } from './time';
import { ciscoSerialNumber, PHONE_MODELS } from './phone/models';
import { createMic, phoneCommonName } from '../pki/certificates';
import { phoneIdentity } from './cucm/capf-session.machine';
import { generateKeyPair } from '../pki/keys';
import { fromPem } from '../pki/encode';
import { describeCertificate } from '../pki/parse';
import { commonName } from '../pki/names';
import type { LabWorld } from './world';
import type { PemText } from './artefact-roles';
import { RESET_OPTIONS, type BulkCapfForm, type ResetOption } from './cucm/bulk';
import type { PhoneQuery } from './cucm/phone-query';
import type { BulkProvisioningEvent } from './cucm/bulk-provisioning.machine';

/** Artefacts named by role (artefact-roles.ts) are resolved when an action carrying one is done. */
const artefactRoles = () => import('./artefact-roles');

/** The CAPF Information section as the page submits it (Operation Completes By as "YYYY:MM:DD:HH"). */
export interface CapfForm {
  certificateOperation: CertificateOperation;
  authenticationMode: AuthenticationMode;
  authenticationString?: string;
  keyOrder: KeyOrder;
  rsaKeySize: RsaKeySize;
  ecKeySize: EcKeySize;
  operationCompletesBy: string;
}

export type LabAction =
  /** Device > Phone > (phone) > CAPF Information > Save */
  | { type: 'cucm.phone.save'; device: string; capf: CapfForm }
  /** Device > Phone > (phone) > Apply Config */
  | { type: 'cucm.phone.applyConfig'; device: string }
  /** Device > Phone > (phone) > Reset */
  | { type: 'cucm.phone.reset'; device: string }
  /** Cisco Unified Serviceability > Tools > Service Activation */
  | { type: 'serviceability.activate'; node: string; service: ServiceKey }
  | { type: 'serviceability.deactivate'; node: string; service: ServiceKey }
  /** Control Center - Feature / Network Services */
  | { type: 'serviceability.start' | 'serviceability.stop' | 'serviceability.restart'; node: string; service: ServiceKey }
  /** The phone itself */
  | { type: 'phone.power'; device: string; on: boolean }
  | { type: 'phone.reset'; device: string }
  | { type: 'phone.lsc.submit'; device: string; authenticationString: string }
  | { type: 'phone.trustList.erase'; device: string }
  /** System > Server: a node's "Host Name/IP Address" (what phones are told to connect to) */
  | { type: 'cucm.server.save'; node: string; hostNameOrIp: string }
  /** System > Service Parameters > Cisco Certificate Authority Proxy Function */
  | { type: 'cucm.serviceParameters.save'; capf: CapfServiceParameters }
  /** System > Enterprise Parameters: Save, and the Reset button (resets every device) */
  | { type: 'cucm.enterpriseParameters.save'; parameters: EnterpriseParameters }
  | { type: 'cucm.enterpriseParameters.reset' }
  /** Cisco Unified OS Administration > Security > Certificate Management */
  | { type: 'os.certificate.regenerate'; node: string; purpose: IdentityPurpose }
  | { type: 'os.certificate.generateCsr'; node: string; purpose: IdentityPurpose }
  | { type: 'os.certificate.upload'; node: string; purpose: CertificatePurpose; pem: PemText; description?: string }
  | { type: 'os.certificate.delete'; node: string; purpose: TrustPurpose; fileName: string }
  /** The DNS server's zone */
  | { type: 'dns.record.set'; name: string; address: string }
  | { type: 'dns.record.delete'; name: string }
  /** The network between the hosts (a firewall, a cable) */
  | { type: 'network.firewall.add'; rule: FirewallRule }
  | { type: 'network.firewall.remove'; id: string }
  | { type: 'network.host'; host: string; up: boolean }
  /** The lab's own hands: swap a handset for another model (same device record), break database replication */
  | { type: 'lab.phone.replace'; device: string; model: string }
  | { type: 'lab.database.replication'; healthy: boolean }
  /** The lab's own hands: damage the ITL file a TFTP node serves (a restart of Cisco TFTP rebuilds it) */
  | { type: 'lab.itl.corrupt'; node: string }
  /** The enterprise CA of the Offline CA path: sign a CSR (a CAPF request or a phone's) */
  | { type: 'lab.ca.sign'; csr: PemText }
  /** Offline CA: give CAPF the signed certificate for a phone whose CSR it kept (`utils capf cert import`) */
  | { type: 'capf.offline.import'; device: string; pem: PemText }
  /** Admin CLI of a node */
  | { type: 'cli'; node: string; command: string }
  /**
   * Bulk Administration > Phones > Update Phones > Query: the query, the CAPF Information to write, the
   * Reset/Restart choice, and Run Immediately or Run Later (a job to activate in the Job Scheduler).
   */
  | { type: 'bat.phones.update'; query: PhoneQuery; capf: BulkCapfForm; resetOption: ResetOption; run: 'immediately' | 'later'; description?: string }
  /** Bulk Administration > Job Scheduler > (job): activate a held job, to run at `runAt` ("YYYY:MM:DD:HH") or now. */
  | { type: 'bat.job.activate'; id: number; runAt?: string };

export type ActionResult = { ok: true; output?: string; warning?: string } | { ok: false; error: string };

const fail = (error: string): ActionResult => ({ ok: false, error });

/**
 * What only a learner's own hands need — Certificate Management's Regenerate, Generate CSR, Upload and Delete, the
 * enterprise CA, the admin CLI — loads with the first such action, so a lab that merely runs does not carry it.
 */
const certificateManagement = () => import('./cucm/certificate-management');

/**
 * Validate the CAPF Information section the way the page does: the drop-downs only offer CUCM's values,
 * the authentication string is 4–10 digits (domain.md §2.1), Operation Completes By must be a real date and
 * hour — a past one is accepted (CAPF will refuse the late request) but warned about.
 */
export function validateCapfForm(form: CapfForm, world: Pick<LabWorld, 'env' | 'now'>): { ok: true; value: CapfInformation; warning?: string } | { ok: false; error: string } {
  if (!form || typeof form !== 'object') return { ok: false, error: 'The CAPF Information section is missing.' };
  if (!CERTIFICATE_OPERATIONS.includes(form.certificateOperation)) return { ok: false, error: `Certificate Operation: "${form.certificateOperation}" is not a valid choice.` };
  if (!AUTHENTICATION_MODES.includes(form.authenticationMode)) return { ok: false, error: `Authentication Mode: "${form.authenticationMode}" is not a valid choice.` };
  if (!KEY_ORDERS.includes(form.keyOrder)) return { ok: false, error: `Key Order: "${form.keyOrder}" is not a valid choice.` };
  if (!RSA_KEY_SIZES.includes(Number(form.rsaKeySize) as RsaKeySize)) return { ok: false, error: `RSA Key Size (Bits): ${form.rsaKeySize} is not a valid choice.` };
  if (!EC_KEY_SIZES.includes(Number(form.ecKeySize) as EcKeySize)) return { ok: false, error: `EC Key Size (Bits): ${form.ecKeySize} is not a valid choice.` };
  const authString = (form.authenticationString ?? '').trim();
  if (form.authenticationMode === 'By Authentication String' && form.certificateOperation !== 'No Pending Operation' && !/^\d{4,10}$/.test(authString)) {
    return { ok: false, error: 'Authentication String must be 4 to 10 digits.' };
  }
  const deadline = parseOperationCompletesBy(form.operationCompletesBy, world.env.zone);
  if (!deadline.ok) return deadline;
  const pending = form.certificateOperation !== 'No Pending Operation';
  const warning = pending && deadline.value <= world.now ? 'Operation Completes By is in the past: CAPF will reject the operation as late.' : undefined;
  return {
    ok: true,
    warning,
    value: {
      certificateOperation: form.certificateOperation,
      authenticationMode: form.authenticationMode,
      authenticationString: authString,
      keyOrder: form.keyOrder,
      rsaKeySize: Number(form.rsaKeySize) as RsaKeySize,
      ecKeySize: Number(form.ecKeySize) as EcKeySize,
      operationCompletesBy: deadline.value,
      certificateOperationStatus: pending ? 'Operation Pending' : 'None',
    },
  };
}

const isService = (s: unknown): s is ServiceKey => typeof s === 'string' && s in SERVICE_NAMES;

const fromManagement = (r: ManagementResult): ActionResult => (r.ok ? { ok: true, output: r.pem ?? r.message } : r);

/**
 * CUCM resets the phones when the certificates they trust change under a running service (seed warning,
 * CSCue55353: "regeneration of TVS/CCM/CAPF certificate … phones will be reset").
 */
function resetAllPhones(world: LabWorld): void {
  for (const phone of world.env.scenario.phones) sendCheckSync(world, phone.deviceName, true);
}

function sendCheckSync(world: LabWorld, device: string, reset: boolean): boolean {
  const datagram = serviceControlDatagram(world.env, device, reset ? 'reset' : 'apply-config');
  if (!datagram) return false;
  world.actor(ids.network)?.send(datagram);
  return true;
}

function isServiceStarted(world: LabWorld, node: string, service: ServiceKey): boolean {
  const id = service === 'capf' ? ids.capf(node) : service === 'tftp' ? ids.tftp(node) : ids.tvs(node);
  return world.actor(id)?.getSnapshot().value === 'started';
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const HOST = /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

export async function applyAction(world: LabWorld, action: LabAction): Promise<ActionResult> {
  const { env } = world;
  const nodeExists = (node: string) => env.scenario.nodes.some((n) => n.name === node);
  const phoneExists = (device: string) => env.scenario.phones.some((p) => p.deviceName === device);
  switch (action?.type) {
    case 'cucm.phone.save': {
      if (!env.db.phone(action.device)) return fail(`There is no phone ${action.device}.`);
      const checked = validateCapfForm(action.capf, world);
      if (!checked.ok) return checked;
      env.db.saveCapfInformation(action.device, checked.value);
      return { ok: true, warning: checked.warning };
    }
    case 'cucm.phone.applyConfig':
    case 'cucm.phone.reset': {
      if (!env.db.phone(action.device) || !sendCheckSync(world, action.device, action.type === 'cucm.phone.reset')) {
        return fail(`There is no phone ${action.device}.`);
      }
      return { ok: true };
    }
    case 'cucm.server.save': {
      if (!nodeExists(action.node)) return fail(`There is no server ${action.node}.`);
      const name = (action.hostNameOrIp ?? '').trim();
      if (!IPV4.test(name) && !HOST.test(name)) return fail('Host Name/IP Address must be an IPv4 address or a host name.');
      env.db.setServerName(action.node, name);
      return { ok: true };
    }
    case 'cucm.serviceParameters.save': {
      const p = action.capf;
      const days = Number(p?.durationOfCertificateValidity);
      if (!Number.isInteger(days) || days < 1 || days > 1825) return fail('Duration Of Certificate Validity (in days) must be a whole number from 1 to 1825.');
      // Online CA exists from 12.5(1) on: an 11.5 page does not offer it (scenario.ts RELEASES).
      if (!releaseOf(env.scenario).certificateIssuers.includes(p.certificateIssuerToEndpoint)) {
        return fail(`Certificate Issuer to Endpoint: "${p.certificateIssuerToEndpoint}" is not a valid choice.`);
      }
      if (![1024, 2048, 4096].includes(Number(p.keySize))) return fail('Key Size must be 1024, 2048 or 4096.');
      env.db.setCapfParameters({ ...p, durationOfCertificateValidity: days, keySize: Number(p.keySize) as 1024 | 2048 | 4096 });
      // Changes to CAPF's parameters take effect when the service restarts (domain.md §2.5).
      return { ok: true, warning: 'Restart the Cisco Certificate Authority Proxy Function service for the change to take effect.' };
    }
    case 'cucm.enterpriseParameters.save': {
      const p = action.parameters;
      const days = Number(p?.capfOperationExpiresInDays);
      if (!Number.isInteger(days) || days < 1 || days > 365) return fail('CAPF Operation Expires in (days) must be a whole number from 1 to 365.');
      env.db.setEnterpriseParameters({ ...p, capfOperationExpiresInDays: days });
      return { ok: true };
    }
    case 'cucm.enterpriseParameters.reset': {
      resetAllPhones(world);
      return { ok: true };
    }
    case 'os.certificate.regenerate':
    case 'os.certificate.generateCsr': {
      if (!nodeExists(action.node)) return fail(`There is no server ${action.node}.`);
      if (!IDENTITY_PURPOSES.includes(action.purpose)) return fail(`${String(action.purpose)} is not a certificate this server generates.`);
      const { generateCsr, regenerateCertificate } = await certificateManagement();
      if (action.type === 'os.certificate.generateCsr') return fromManagement(await generateCsr(env, action.node, action.purpose));
      const result = await regenerateCertificate(env, action.node, action.purpose);
      if (result.ok && (action.purpose !== 'CAPF' || isServiceStarted(world, action.node, 'capf'))) {
        if (action.purpose !== 'ITLRecovery' && action.purpose !== 'CallManager-ECDSA') resetAllPhones(world);
      }
      return fromManagement(result);
    }
    case 'os.certificate.upload': {
      if (!nodeExists(action.node)) return fail(`There is no server ${action.node}.`);
      if (![...IDENTITY_PURPOSES, ...TRUST_PURPOSES].includes(action.purpose as never)) return fail(`Certificate Purpose "${String(action.purpose)}" is not valid.`);
      const pem = (await artefactRoles()).resolvePemText(world, action.pem);
      if (!pem.ok) return fail(`Upload failed: ${pem.error}`);
      const { uploadCertificate } = await certificateManagement();
      const result = await uploadCertificate(env, action.node, action.purpose, pem.value, action.description ?? '');
      if (result.ok && action.purpose === 'CAPF' && isServiceStarted(world, action.node, 'capf')) resetAllPhones(world);
      return fromManagement(result);
    }
    case 'os.certificate.delete': {
      if (!nodeExists(action.node)) return fail(`There is no server ${action.node}.`);
      if (!TRUST_PURPOSES.includes(action.purpose)) return fail('Only trust certificates can be deleted.');
      const { deleteTrustCertificate } = await certificateManagement();
      return fromManagement(deleteTrustCertificate(env, action.node, action.purpose, action.fileName));
    }
    case 'network.firewall.add': {
      const r = action.rule;
      if (!r?.id || !r.description) return fail('A firewall rule needs an id and a description.');
      if (r.port !== undefined && (!Number.isInteger(r.port) || r.port < 1 || r.port > 65535)) return fail('A port is a number from 1 to 65535.');
      world.actor(ids.network)?.send({ type: 'net.firewall.add', rule: r });
      return { ok: true };
    }
    case 'network.firewall.remove': {
      world.actor(ids.network)?.send({ type: 'net.firewall.remove', id: action.id });
      return { ok: true };
    }
    case 'network.host': {
      const host = [...env.scenario.nodes.map((n) => ({ name: n.name, ip: n.ip })), { name: env.scenario.dns.host, ip: env.scenario.dns.ip }].find((h) => h.name === action.host);
      if (!host) return fail(`There is no host ${action.host}.`);
      world.actor(ids.network)?.send({ type: 'net.host.set', ip: host.ip, up: Boolean(action.up) });
      return { ok: true };
    }
    case 'serviceability.activate':
    case 'serviceability.deactivate': {
      if (!nodeExists(action.node)) return fail(`There is no server ${action.node}.`);
      if (!isService(action.service) || action.service === 'tvs') return fail(`${String(action.service)} cannot be activated here.`);
      if (action.service === 'capf' && action.node !== publisher(env).name) {
        return fail(`${SERVICE_NAMES.capf} runs on the publisher only.`);
      }
      const activate = action.type === 'serviceability.activate';
      env.db.setActivated(action.node, action.service, activate);
      const target = action.service === 'capf' ? ids.capf(action.node) : ids.tftp(action.node);
      world.actor(target)?.send({ type: activate ? 'service.activate' : 'service.deactivate' });
      return { ok: true };
    }
    case 'serviceability.start':
    case 'serviceability.stop':
    case 'serviceability.restart': {
      if (!nodeExists(action.node)) return fail(`There is no server ${action.node}.`);
      if (!isService(action.service)) return fail(`Unknown service ${String(action.service)}.`);
      if (!env.db.isActivated(action.node, action.service)) {
        return fail(`${SERVICE_NAMES[action.service]} is not activated on ${action.node}.`);
      }
      const id = action.service === 'capf' ? ids.capf(action.node) : action.service === 'tftp' ? ids.tftp(action.node) : ids.tvs(action.node);
      const actor = world.actor(id);
      if (!actor) return fail(`${SERVICE_NAMES[action.service]} does not run on ${action.node}.`);
      actor.send({ type: action.type === 'serviceability.start' ? 'service.start' : action.type === 'serviceability.stop' ? 'service.stop' : 'service.restart' });
      return { ok: true };
    }
    case 'phone.power':
    case 'phone.reset':
    case 'phone.lsc.submit':
    case 'phone.trustList.erase': {
      if (!phoneExists(action.device)) return fail(`There is no phone ${action.device}.`);
      const phone = world.actor(ids.phone(action.device))!;
      if (action.type === 'phone.power') phone.send({ type: action.on ? 'phone.power.on' : 'phone.power.off' });
      else if (action.type === 'phone.reset') phone.send({ type: 'phone.reset' });
      else if (action.type === 'phone.trustList.erase') phone.send({ type: 'phone.trustList.erase' });
      else {
        if (!/^\d{4,10}$/.test(action.authenticationString ?? '')) return fail('The authentication string is 4 to 10 digits.');
        phone.send({ type: 'phone.lsc.submit', authenticationString: action.authenticationString });
      }
      return { ok: true };
    }
    case 'dns.record.set': {
      if (!action.name || !HOST.test(action.name) || !IPV4.test(action.address ?? '')) return fail('A DNS A record needs a host name and an IPv4 address.');
      world.actor(ids.dns)?.send({ type: 'dns.record.set', name: action.name, address: action.address });
      return { ok: true };
    }
    case 'dns.record.delete': {
      if (!action.name) return fail('Which record?');
      world.actor(ids.dns)?.send({ type: 'dns.record.delete', name: action.name });
      return { ok: true };
    }
    case 'cli': {
      if (!nodeExists(action.node)) return fail(`There is no server ${action.node}.`);
      // The admin CLI (and its `show itl` printer) loads with the first command: the page does not carry it before.
      const { runCli } = await import('./cucm/cli');
      const output = await runCli(world, action.node, action.command ?? '');
      return { ok: true, output };
    }
    case 'lab.phone.replace': {
      const record = env.db.phone(action.device);
      const model = PHONE_MODELS[action.model];
      if (!record || !phoneExists(action.device)) return fail(`There is no phone ${action.device}.`);
      if (!model) return fail(`There is no phone model ${action.model} in the lab (known: ${Object.keys(PHONE_MODELS).join(', ')}).`);
      const keys = await generateKeyPair({ kind: 'RSA', bits: 2048 });
      const made = world.now;
      // Another handset is another serial number (on its MIC and, later, its LSC).
      const serial = ciscoSerialNumber(env.random.fork(`${action.device}/serial/${made}`), made - 30 * 86400000);
      const factory = world.installed.manufacturingCas.get(model.micIssuer) ?? world.installed.manufacturingCa;
      const mic = await createMic({
        caCertificate: factory.der,
        caPrivateKey: factory.keys.privateKey,
        publicKey: keys.publicKey,
        phone: { model: model.model, deviceName: action.device, serialNumber: serial },
        serialNumber: env.random.fork(`${action.device}/MIC/${made}`).serialNumber(),
        notBefore: new Date(made - 30 * 86400000),
        notAfter: new Date(made + 3650 * 86400000),
      });
      env.db.setDeviceType(action.device, model.deviceType, `${model.deviceType} - Standard SIP Non-Secure Profile`, serial);
      await world.replacePhone(action.device, action.model, { der: mic, keys }, serial);
      return { ok: true };
    }
    case 'lab.ca.sign': {
      const csr = (await artefactRoles()).resolvePemText(world, action.csr);
      if (!csr.ok) return fail(`The CA could not read the request: ${csr.error}`);
      const { signWithLabCa } = await import('./lab-ca');
      const signed = await signWithLabCa(env, csr.value);
      if (!signed.ok) return signed;
      return { ok: true, output: `${signed.value.certificate}${signed.value.ca}` };
    }
    case 'capf.offline.import': {
      if (!env.db.phone(action.device)) return fail(`There is no phone ${action.device}.`);
      const pem = (await artefactRoles()).resolvePemText(world, action.pem);
      if (!pem.ok) return fail(`Import failed: ${pem.error}`);
      const decoded = fromPem(pem.value, 'CERTIFICATE');
      if (!decoded.ok) return fail(`Import failed: ${decoded.error}`);
      const info = describeCertificate(decoded.value);
      if (!info.ok) return fail(`Import failed: ${info.error}`);
      // The LSC's CN is <model>-<device name> (TAC 213407, 214501), whoever signed it.
      const expectedCn = phoneCommonName(phoneIdentity(env, action.device));
      if (commonName(info.value.subject) !== expectedCn) return fail(`Import failed: the certificate is for ${commonName(info.value.subject) || 'no device'}, not ${expectedCn}.`);
      if (!env.db.capfCsrs[action.device]) return fail(`Import failed: CAPF holds no CSR for ${action.device}.`);
      env.db.importOfflineCertificate(action.device, decoded.value);
      return { ok: true, output: `Certificate for ${action.device} imported; CAPF delivers it at the phone's next CAPF session.` };
    }
    case 'lab.itl.corrupt': {
      if (!nodeExists(action.node)) return fail(`There is no server ${action.node}.`);
      world.actor(ids.tftp(action.node))?.send({ type: 'tftp.itl.corrupt' });
      return { ok: true };
    }
    case 'lab.database.replication': {
      env.db.setReplication(Boolean(action.healthy));
      return { ok: true };
    }
    case 'bat.phones.update': {
      // The phone search loads with the first bulk job (the home page's budget, tests/e2e/pictures.e2e.ts).
      const { checkQuery, findPhones } = await import('./cucm/phone-query');
      const query = checkQuery(action.query, env.zone);
      if (!query.ok) return query;
      if (!RESET_OPTIONS.includes(action.resetOption)) return fail(`"${String(action.resetOption)}" is not a Reset/Restart choice.`);
      if (action.run !== 'immediately' && action.run !== 'later') return fail('Choose Run Immediately or Run Later.');
      const form = action.capf;
      if (!form || typeof form !== 'object') return fail('The CAPF Information section is missing.');
      const unique = Boolean(form.uniqueAuthenticationStrings);
      // One string for every phone is checked as the phone page checks it; unique ones are made per phone.
      // An empty Operation Completes By takes the default horizon, "CAPF Operation Expires in (days)" from now.
      const operationCompletesBy = (form.operationCompletesBy ?? '').trim() || operationCompletesByString(world.now + env.db.enterpriseParameters.capfOperationExpiresInDays * 86400000, env.zone);
      const checked = validateCapfForm({ ...form, operationCompletesBy, authenticationString: unique ? '0000' : form.authenticationString }, world);
      if (!checked.ok) return checked;
      const description = (action.description ?? '').trim() || 'Update Phones - Query';
      if (description.length > 100) return fail('Job Description must be at most 100 characters.');
      const job = env.db.addBulkJob({
        description,
        type: 'Update Phones - Query',
        status: action.run === 'immediately' ? 'Pending' : 'Hold',
        submittedAt: world.now,
        scheduledAt: action.run === 'immediately' ? world.now : undefined,
        // A copy of the criteria, whatever object the page handed in (a reactive proxy cannot be cloned).
        query: { criteria: action.query.criteria.map(({ field, operator, value, join }) => ({ field, operator, value, ...(join ? { join } : {}) })) },
        capf: { ...checked.value, authenticationString: unique ? '' : checked.value.authenticationString },
        uniqueAuthenticationStrings: unique,
        resetOption: action.resetOption,
        records: [],
        found: 0,
      });
      world.actor(ids.bulkProvisioning)?.send({ type: 'bps.jobs.changed', search: findPhones } satisfies BulkProvisioningEvent);
      return { ok: true, output: `Job ${job.id} submitted.`, warning: checked.warning };
    }
    case 'bat.job.activate': {
      const job = env.db.bulkJob(Number(action.id));
      if (!job) return fail(`There is no job ${String(action.id)}.`);
      if (job.status !== 'Hold') return fail(`Job ${job.id} is ${job.status}, not on hold.`);
      let at = world.now;
      if (action.runAt !== undefined && action.runAt.trim() !== '') {
        const parsed = parseOperationCompletesBy(action.runAt, env.zone);
        if (!parsed.ok) return fail(parsed.error.replace('Operation Completes By', 'Scheduled Date Time'));
        at = Math.max(world.now, parsed.value);
      }
      env.db.updateBulkJob(job.id, { status: 'Pending', scheduledAt: at });
      const { findPhones } = await import('./cucm/phone-query');
      world.actor(ids.bulkProvisioning)?.send({ type: 'bps.jobs.changed', search: findPhones } satisfies BulkProvisioningEvent);
      return { ok: true };
    }
    default:
      return fail(`Unknown action ${JSON.stringify((action as { type?: unknown })?.type)}.`);
  }
}
