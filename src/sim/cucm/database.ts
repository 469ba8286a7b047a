/**
 * The CUCM database as the lab needs it: phone records with their "Certification Authority Proxy Function
 * (CAPF) Information", the System > Server entries, CAPF service parameters and enterprise parameters.
 * Values and labels are CUCM's own (domain.md §2.1–2.5; AXL enums S21).
 *
 * It is plain data with change notifications (CUCM's database change notification is what makes TFTP
 * rebuild a phone's configuration file); the service statecharts read it, the learner's actions write it.
 */
import type { ServiceKey } from '../scenario';
import { FIRST_BULK_JOB_ID, type BulkJob } from './bulk';

export const CERTIFICATE_OPERATIONS = ['No Pending Operation', 'Install/Upgrade', 'Delete', 'Troubleshoot'] as const;
export type CertificateOperation = (typeof CERTIFICATE_OPERATIONS)[number];

export const AUTHENTICATION_MODES = [
  'By Authentication String',
  'By Null String',
  'By Existing Certificate (precedence to LSC)',
  'By Existing Certificate (precedence to MIC)',
] as const;
export type AuthenticationMode = (typeof AUTHENTICATION_MODES)[number];

export const KEY_ORDERS = ['RSA Only', 'EC Only', 'EC Preferred, RSA Backup'] as const;
export type KeyOrder = (typeof KEY_ORDERS)[number];

export const RSA_KEY_SIZES = [512, 1024, 2048, 3072, 4096] as const;
export type RsaKeySize = (typeof RSA_KEY_SIZES)[number];
export const EC_KEY_SIZES = [256, 384, 521] as const;
export type EcKeySize = (typeof EC_KEY_SIZES)[number];

/** AXL XCertificateStatus, exactly (domain.md §2.2). */
export const CERTIFICATE_OPERATION_STATUSES = [
  'None',
  'Operation Pending',
  'Upgrade Success',
  'Delete Success',
  'Troubleshoot Success',
  'Upgrade Failed',
  'Delete Failed',
  'Troubleshoot Failed',
  'Upgrade Failed: Invalid LSC',
  'Upgrade Failed: Invalid Authentication String',
  'Upgrade Failed: Invalid MIC',
  'Upgrade Failed: Invalid Credentials',
  'Upgrade Failed: Phone Communication Failure',
  'Upgrade Failed: Key Generation Failed/Timeout',
  'Upgrade Failed: CA Communication Failure',
  'Upgrade Failed: CA Rejected Connection',
  'Upgrade Failed: User Initiated Request Late/Timedout',
  'Delete Failed: Invalid LSC',
  'Delete Failed: Invalid Authentication String',
  'Delete Failed: Invalid MIC',
  'Delete Failed: Invalid Credentials',
  'Delete Failed: Phone Communication Failure',
  'Delete Failed: Key Generation Failed/Timeout',
  'Delete Failed: CA Communication Failure',
  'Delete Failed: CA Rejected Connection',
  'Delete Failed: User Initiated Request Late/Timedout',
  'Troubleshoot Failed: Invalid LSC',
  'Troubleshoot Failed: Invalid Authentication String',
  'Troubleshoot Failed: Invalid MIC',
  'Troubleshoot Failed: Invalid Credentials',
  'Troubleshoot Failed: Phone Communication Failure',
  'Troubleshoot Failed: Key Generation Failed/Timeout',
  'Troubleshoot Failed: User Initiated Request Late/Timedout',
  'Upgrade Failed: No Support for EC only in CAPF version 3',
] as const;
export type CertificateOperationStatus = (typeof CERTIFICATE_OPERATION_STATUSES)[number];

/** The failure reasons a CAPF operation can end with (the part after "<Operation> Failed: "). */
export type CapfFailure =
  | 'Invalid LSC'
  | 'Invalid Authentication String'
  | 'Invalid MIC'
  | 'Invalid Credentials'
  | 'Phone Communication Failure'
  | 'Key Generation Failed/Timeout'
  | 'CA Communication Failure'
  | 'CA Rejected Connection'
  | 'User Initiated Request Late/Timedout'
  | 'No Support for EC only in CAPF version 3';

const OPERATION_WORD: Record<Exclude<CertificateOperation, 'No Pending Operation'>, string> = {
  'Install/Upgrade': 'Upgrade',
  Delete: 'Delete',
  Troubleshoot: 'Troubleshoot',
};

/** "Upgrade Failed: Invalid Authentication String" — only combinations AXL defines; others fall back to "<Op> Failed". */
export function failureStatus(operation: CertificateOperation, failure?: CapfFailure): CertificateOperationStatus {
  if (operation === 'No Pending Operation') return 'None';
  const word = OPERATION_WORD[operation];
  const full = `${word} Failed: ${failure}`;
  return (CERTIFICATE_OPERATION_STATUSES as readonly string[]).includes(full)
    ? (full as CertificateOperationStatus)
    : (`${word} Failed` as CertificateOperationStatus);
}

export function successStatus(operation: CertificateOperation): CertificateOperationStatus {
  return operation === 'No Pending Operation' ? 'None' : (`${OPERATION_WORD[operation]} Success` as CertificateOperationStatus);
}

export interface CapfInformation {
  certificateOperation: CertificateOperation;
  authenticationMode: AuthenticationMode;
  /** 4–10 digits, used only with By Authentication String. */
  authenticationString: string;
  keyOrder: KeyOrder;
  rsaKeySize: RsaKeySize;
  ecKeySize: EcKeySize;
  /** "Operation Completes By" as virtual epoch ms (the hour the learner entered, in the lab's time zone). */
  operationCompletesBy: number;
  certificateOperationStatus: CertificateOperationStatus;
}

/** What CUCM knows of the phone's LSC (Find Phone by "LSC Status", "LSC Expires", "LSC Issued by"). */
export interface LscRecord {
  status: 'Installed' | 'Not Installed';
  /** CN of the LSC's issuer ("CAPF-7f0ae8d7", or a third party's). */
  issuedBy?: string;
  /** The LSC's notAfter (epoch ms). */
  expires?: number;
  /** The issuer certificate's notAfter (Find Phone "LSC Issuer Expires By"). */
  issuerExpires?: number;
}

export interface PhoneRecord {
  deviceName: string;
  /** CUCM's device type, e.g. "Cisco 8845". */
  deviceType: string;
  /**
   * The phone's serial number as CUCM knows it, which CAPF writes into the LSC's serialNumber attribute
   * (`PID:CP-8861 SN:FCH18198CNQ`, TAC 213407). Where CAPF really reads it from (the registration, the MIC)
   * is not documented; the lab keeps it on the device record. Absent for records made before this existed.
   */
  serialNumber?: string;
  description: string;
  devicePool: string;
  securityProfile: string;
  capf: CapfInformation;
  lsc: LscRecord;
  /** Bumped by every Save: TFTP rebuilds the configuration file when it changes. */
  configVersion: number;
}

export interface ServerEntry {
  /** The node this entry describes. */
  node: string;
  /** System > Server "Host Name/IP Address" — what phones are told to connect to (CAPF processNodeName). */
  hostNameOrIp: string;
}

export interface CapfServiceParameters {
  /** "Certificate Issuer to Endpoint" */
  certificateIssuerToEndpoint: 'Cisco Certificate Authority Proxy Function' | 'Online CA' | 'Offline CA';
  /** "Duration Of Certificate Validity (in days)", 1–1825. */
  durationOfCertificateValidity: number;
  /** "Key Size" for the CAPF certificate itself. */
  keySize: 1024 | 2048 | 4096;
}

export interface EnterpriseParameters {
  /** "CAPF Operation Expires in (days)": the default horizon of Operation Completes By. */
  capfOperationExpiresInDays: number;
  /** "Endpoint Advanced Encryption Algorithm Support" (needed for EC Preferred on CAPF v3 phones, S7). */
  endpointAdvancedEncryptionAlgorithmSupport: boolean;
  /** "Prepare Cluster for Rollback to pre 8.0" */
  prepareClusterForRollback: boolean;
}

export type DatabaseChange =
  | { kind: 'phone'; deviceName: string; record: PhoneRecord }
  | { kind: 'server'; entry: ServerEntry }
  | { kind: 'serviceActivation'; node: string; service: ServiceKey; activated: boolean }
  | { kind: 'serviceParameters' }
  | { kind: 'replication'; healthy: boolean }
  | { kind: 'enterpriseParameters' }
  | { kind: 'bulkJob'; job: BulkJob };

export class ClusterDatabase {
  readonly phones = new Map<string, PhoneRecord>();
  /** Cisco Unified Serviceability > Tools > Service Activation, per node. */
  readonly activatedServices = new Map<string, Set<ServiceKey>>();
  readonly servers: ServerEntry[] = [];
  capfParameters: CapfServiceParameters = {
    certificateIssuerToEndpoint: 'Cisco Certificate Authority Proxy Function',
    durationOfCertificateValidity: 1825,
    keySize: 2048,
  };
  enterpriseParameters: EnterpriseParameters = {
    capfOperationExpiresInDays: 10,
    endpointAdvancedEncryptionAlgorithmSupport: false,
    prepareClusterForRollback: false,
  };
  /**
   * Database replication between the nodes. When it is broken, subscribers cannot read the cluster's data:
   * their TFTP builds no ITL and `utils itl reset` cannot find the TFTP nodes (CSCus33755, domain.md §5.7).
   */
  replicationHealthy = true;
  /**
   * LSCs CAPF issued that never reached their phone (Cisco Unified Reporting "Stale LSCs",
   * `utils capf stale-lsc list`, domain.md §2.5).
   */
  staleLscs: Array<{ deviceName: string; serial: string; issuedAt: number }> = [];
  /**
   * Offline CA (domain.md §2.6): the phones' CSRs CAPF kept for the administrator (`utils capf csr list`),
   * and the certificates imported back (`utils capf cert import`) for CAPF to deliver at the next session.
   */
  capfCsrs: Record<string, { pem: string; savedAt: number }> = {};
  offlineCertificates: Record<string, Uint8Array> = {};
  /** Bulk Administration jobs (Job Scheduler), oldest first; each change replaces the job's object. */
  bulkJobs: BulkJob[] = [];
  #listeners = new Set<(c: DatabaseChange) => void>();

  /** A new job, numbered after the last. */
  addBulkJob(job: Omit<BulkJob, 'id'>): BulkJob {
    const id = (this.bulkJobs.at(-1)?.id ?? FIRST_BULK_JOB_ID - 1) + 1;
    const added = { ...job, id };
    this.bulkJobs = [...this.bulkJobs, added];
    this.#notify({ kind: 'bulkJob', job: added });
    return added;
  }

  bulkJob(id: number): BulkJob | undefined {
    return this.bulkJobs.find((j) => j.id === id);
  }

  updateBulkJob(id: number, patch: Partial<Omit<BulkJob, 'id'>>): BulkJob | undefined {
    const i = this.bulkJobs.findIndex((j) => j.id === id);
    if (i < 0) return undefined;
    const job = { ...this.bulkJobs[i], ...patch };
    this.bulkJobs = this.bulkJobs.map((j, k) => (k === i ? job : j));
    this.#notify({ kind: 'bulkJob', job });
    return job;
  }

  subscribe(listener: (c: DatabaseChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #notify(change: DatabaseChange): void {
    for (const l of this.#listeners) l(change);
  }

  addPhone(record: PhoneRecord): void {
    this.phones.set(record.deviceName, record);
    this.#notify({ kind: 'phone', deviceName: record.deviceName, record });
  }

  phone(deviceName: string): PhoneRecord | undefined {
    return this.phones.get(deviceName);
  }

  /** Change the device record's type (a handset swapped for another model keeps its record, with the new serial). */
  setDeviceType(deviceName: string, deviceType: string, securityProfile: string, serialNumber?: string): void {
    const old = this.phones.get(deviceName);
    if (!old) return;
    const record = { ...old, deviceType, securityProfile, serialNumber: serialNumber ?? old.serialNumber, configVersion: old.configVersion + 1 };
    this.phones.set(deviceName, record);
    this.#notify({ kind: 'phone', deviceName, record });
  }

  /** Replace a phone's CAPF Information (the page's Save) — bumps configVersion. */
  saveCapfInformation(deviceName: string, capf: CapfInformation): PhoneRecord | undefined {
    const old = this.phones.get(deviceName);
    if (!old) return undefined;
    const record = { ...old, capf: { ...capf }, configVersion: old.configVersion + 1 };
    this.phones.set(deviceName, record);
    this.#notify({ kind: 'phone', deviceName, record });
    return record;
  }

  /** CAPF writing the outcome of an operation (status, LSC facts; a finished operation is cleared). */
  recordCapfOutcome(
    deviceName: string,
    outcome: { status: CertificateOperationStatus; clearOperation: boolean; lsc?: LscRecord },
  ): PhoneRecord | undefined {
    const old = this.phones.get(deviceName);
    if (!old) return undefined;
    const capf: CapfInformation = {
      ...old.capf,
      certificateOperationStatus: outcome.status,
      certificateOperation: outcome.clearOperation ? 'No Pending Operation' : old.capf.certificateOperation,
    };
    const record: PhoneRecord = {
      ...old,
      capf,
      lsc: outcome.lsc ?? old.lsc,
      configVersion: outcome.clearOperation ? old.configVersion + 1 : old.configVersion,
    };
    this.phones.set(deviceName, record);
    this.#notify({ kind: 'phone', deviceName, record });
    return record;
  }

  isActivated(node: string, service: ServiceKey): boolean {
    return service === 'tvs' || Boolean(this.activatedServices.get(node)?.has(service));
  }

  setActivated(node: string, service: ServiceKey, activated: boolean): void {
    const set = this.activatedServices.get(node) ?? new Set<ServiceKey>();
    if (activated) set.add(service);
    else set.delete(service);
    this.activatedServices.set(node, set);
    this.#notify({ kind: 'serviceActivation', node, service, activated });
  }

  server(node: string): ServerEntry | undefined {
    return this.servers.find((s) => s.node === node);
  }

  setServerName(node: string, hostNameOrIp: string): void {
    const entry = this.server(node);
    if (!entry) return;
    entry.hostNameOrIp = hostNameOrIp;
    this.#notify({ kind: 'server', entry });
  }

  setCapfParameters(p: CapfServiceParameters): void {
    this.capfParameters = { ...p };
    this.#notify({ kind: 'serviceParameters' });
  }

  keepCsr(deviceName: string, pem: string, savedAt: number): void {
    this.capfCsrs = { ...this.capfCsrs, [deviceName]: { pem, savedAt } };
  }

  importOfflineCertificate(deviceName: string, der: Uint8Array): void {
    this.offlineCertificates = { ...this.offlineCertificates, [deviceName]: der };
  }

  /** CAPF delivered the imported certificate: it and its CSR are done with. */
  consumeOfflineCertificate(deviceName: string): void {
    const { [deviceName]: _cert, ...certs } = this.offlineCertificates;
    const { [deviceName]: _csr, ...csrs } = this.capfCsrs;
    this.offlineCertificates = certs;
    this.capfCsrs = csrs;
  }

  noteIssuedLsc(deviceName: string, serial: string, issuedAt: number): void {
    this.staleLscs = [...this.staleLscs, { deviceName, serial, issuedAt }];
  }

  /** `utils capf stale-lsc delete all` */
  deleteStaleLscs(): void {
    this.staleLscs = [];
  }

  noteInstalledLsc(serial: string): void {
    this.staleLscs = this.staleLscs.filter((s) => s.serial !== serial);
  }

  setReplication(healthy: boolean): void {
    this.replicationHealthy = healthy;
    this.#notify({ kind: 'replication', healthy });
  }

  setEnterpriseParameters(p: EnterpriseParameters): void {
    this.enterpriseParameters = { ...p };
    this.#notify({ kind: 'enterpriseParameters' });
  }
}
