/**
 * What exists before the lab starts: the cluster as its installation left it (each node's CallManager,
 * CallManager-ECDSA and TVS certificates; the publisher's CAPF and ITLRecovery certificates; the trust
 * stores), the CUCM database records, and each phone's factory MIC from a simulated Cisco Manufacturing CA.
 * Real keys, real certificates: key generation is the expensive part of creating a lab (DESIGN
 * "Performance model"), so every key of the lab is generated here, concurrently.
 */
import { createManufacturingCa, createMic, createServiceCertificate, issueLsc, type ServiceCertificateRequest } from '../pki/certificates';
import { buildItl } from '../itl/build';
import { exportPublicKeySpki, generateKeyPair, type KeySpec } from '../pki/keys';
import { clusterSubject, commonName } from '../pki/names';
import { describeCertificate } from '../pki/parse';
import { toHex } from '../pki/encode';
import { SELF_SIGNED_DESCRIPTION, type CertificateStore, type IdentityPurpose } from './cucm/certificates';
import type { ClusterDatabase, LscRecord, PhoneRecord } from './cucm/database';
import type { Random } from './random';
import type { Scenario } from './scenario';
import type { PhoneCredential } from './phone/capf-client.machine';
import { ciscoSerialNumber, MANUFACTURING_CAS, PHONE_MODELS, type ManufacturingCaName } from './phone/models';

const DAY = 86400000;

/**
 * Lab shortcut for fleets: a lab of more than this many phones gives its phones' MICs (and the LSCs they
 * arrive with) keys from a pool of this many RSA-2048 key pairs, handed out in device order. Every
 * certificate is still its own (its own subject, serial number, dates and signature); only key pairs repeat.
 * A real phone makes its key at the factory; generating a thousand RSA-2048 keys would keep a 1,000-phone lab
 * booting for minutes, and nothing the lab teaches compares two phones' keys.
 */
export const FLEET_KEY_POOL = 8;

/** The pool of one installation (each key made once, on first use). */
const pools = new WeakMap<Scenario, Map<number, Promise<CryptoKeyPair>>>();

/** Where a phone's key comes from: its own, or (fleets) a slot of the pool, the LSC's slot apart from the MIC's. */
function phoneKeys(scenario: Scenario, keySource: KeySource, spec: KeySpec, index: number, label: string, kind: 'MIC' | 'LSC'): Promise<CryptoKeyPair> {
  if (scenario.phones.length <= FLEET_KEY_POOL) return keySource(spec, label);
  const slot = (index + (kind === 'LSC' ? FLEET_KEY_POOL / 2 : 0)) % FLEET_KEY_POOL;
  let pool = pools.get(scenario);
  if (!pool) pools.set(scenario, (pool = new Map()));
  let keys = pool.get(slot);
  if (!keys) pool.set(slot, (keys = keySource(spec, `fleet-key-pool/${slot}`)));
  return keys;
}

/** Where keys come from: WebCrypto by default; tests may hand in a pool of pre-made keys. */
export type KeySource = (spec: KeySpec, label: string) => Promise<CryptoKeyPair>;
export const freshKeys: KeySource = (spec) => generateKeyPair(spec);

export interface InstalledLab {
  /** The simulated "Cisco Manufacturing CA SHA2" (the 88xx MICs' issuer). */
  manufacturingCa: PhoneCredential;
  /** Every simulated manufacturing CA by CN, the SHA2 one included (79xx MICs come from "Cisco Manufacturing CA"). */
  manufacturingCas: Map<ManufacturingCaName, PhoneCredential>;
  mics: Map<string, PhoneCredential>;
  /** What phones bring from another cluster (scenario `arrivesWith`): its ITL, its LSC, its TVS server. */
  carriedOver: Map<string, { itl?: Uint8Array; lsc?: PhoneCredential; tvsServers?: string[]; lscIssuerExpires?: number }>;
}

/** The cluster a moved phone comes from (our invention; only its certificates matter). */
export const OTHER_CLUSTER = {
  host: 'cucm-old',
  fqdn: 'cucm-old.example.org',
  org: { L: 'San Jose', ST: 'CA', OU: 'IT', O: 'Example Old Corp', C: 'US' },
} as const;

function describe(der: Uint8Array) {
  const info = describeCertificate(der);
  if (!info.ok) throw new Error(`installation produced an unreadable certificate: ${info.error}`);
  return info.value;
}

/** CUCM self-signed certificates run 5 years minus a second (the seed's CAPF: Nov 21 15:49:43 2016 → Nov 20 15:49:42 2021). */
export function fiveYearsFrom(notBefore: number): Date {
  return new Date(notBefore + 1825 * DAY - 1000);
}

export async function createServiceIdentity(
  store: CertificateStore,
  random: Random,
  keySource: KeySource,
  req: { node: string; purpose: IdentityPurpose; cn: string; spec: KeySpec; notBefore: number; notAfter?: Date },
): Promise<void> {
  const keys = await keySource(req.spec, `${req.node}/${req.purpose}`);
  const profile: ServiceCertificateRequest['profile'] = req.purpose;
  const der = await createServiceCertificate({
    profile,
    subject: clusterSubject(req.cn),
    keys,
    serialNumber: random.fork(`${req.node}/${req.purpose}/${req.notBefore}`).serialNumber(),
    notBefore: new Date(req.notBefore),
    notAfter: req.notAfter ?? fiveYearsFrom(req.notBefore),
  });
  store.setIdentity({ node: req.node, purpose: req.purpose, der, info: describe(der), keys, type: 'Self-signed', description: SELF_SIGNED_DESCRIPTION });
}

export async function installLab(
  scenario: Scenario,
  startEpochMs: number,
  random: Random,
  store: CertificateStore,
  db: ClusterDatabase,
  keySource: KeySource = freshKeys,
): Promise<InstalledLab> {
  // Installed at a plausible time of day, `installedDaysBeforeStart` days earlier.
  const installedAt = startEpochMs - scenario.installedDaysBeforeStart * DAY - random.int(2, 20) * 3600000 - random.int(0, 3599) * 1000;
  const publisher = scenario.nodes.find((n) => n.role === 'publisher') ?? scenario.nodes[0];
  const capfCn = scenario.capfCommonName ?? `CAPF-${random.fork('capf-cn').hex(4)}`;
  const rsa2048: KeySpec = { kind: 'RSA', bits: 2048 };

  const jobs: Array<Promise<void>> = [];
  for (const node of scenario.nodes) {
    const at = installedAt + (node.role === 'publisher' ? 0 : 3 * 3600000);
    jobs.push(createServiceIdentity(store, random, keySource, { node: node.name, purpose: 'CallManager', cn: node.name, spec: rsa2048, notBefore: at }));
    jobs.push(createServiceIdentity(store, random, keySource, { node: node.name, purpose: 'CallManager-ECDSA', cn: `${node.name}-EC`, spec: { kind: 'EC', curve: 'P-384' }, notBefore: at }));
    jobs.push(createServiceIdentity(store, random, keySource, { node: node.name, purpose: 'TVS', cn: node.name, spec: rsa2048, notBefore: at }));
  }
  // An expired CAPF certificate: issued five years before it ran out, `capfExpiredDaysAgo` days ago.
  const capfNotBefore =
    scenario.capfExpiredDaysAgo === undefined ? installedAt : startEpochMs - (scenario.capfExpiredDaysAgo + 1825) * DAY + 1000;
  jobs.push(createServiceIdentity(store, random, keySource, { node: publisher.name, purpose: 'CAPF', cn: capfCn, spec: rsa2048, notBefore: capfNotBefore }));
  jobs.push(createServiceIdentity(store, random, keySource, { node: publisher.name, purpose: 'ITLRecovery', cn: `ITLRECOVERY_${publisher.name}`, spec: rsa2048, notBefore: installedAt }));

  // Cisco's factory: the (simulated) manufacturing roots and one MIC per phone, made years before the lab.
  const manufactured = startEpochMs - 2 * 365 * DAY;
  const manufacturingCas = new Map<ManufacturingCaName, PhoneCredential>(
    await Promise.all(
      MANUFACTURING_CAS.map(async (name): Promise<[ManufacturingCaName, PhoneCredential]> => {
        const label = name === 'Cisco Manufacturing CA SHA2' ? 'manufacturing-ca' : `manufacturing-ca/${name}`;
        const serialNumber = random.fork(label).serialNumber();
        const keys = await keySource(rsa2048, label);
        const der = await createManufacturingCa({
          keys,
          name,
          serialNumber,
          notBefore: new Date(manufactured - 5 * 365 * DAY),
          notAfter: new Date(manufactured + 15 * 365 * DAY),
        });
        return [name, { der, keys }];
      }),
    ),
  );
  const { der: caDer, keys: caKeys } = manufacturingCas.get('Cisco Manufacturing CA SHA2')!;
  const mics = new Map<string, PhoneCredential>();
  // Every phone has a serial number on its label; a scenario may give one, else the seed draws it.
  for (const phone of scenario.phones) phone.serialNumber ??= ciscoSerialNumber(random.fork(`${phone.deviceName}/serial`), manufactured);
  scenario.phones.forEach((phone, index) => {
    jobs.push(
      (async () => {
        const keys = await phoneKeys(scenario, keySource, rsa2048, index, `${phone.deviceName}/MIC`, 'MIC');
        const ca = manufacturingCas.get(PHONE_MODELS[phone.model]?.micIssuer ?? 'Cisco Manufacturing CA SHA2')!;
        const der = await createMic({
          caCertificate: ca.der,
          caPrivateKey: ca.keys.privateKey,
          publicKey: keys.publicKey,
          phone: { model: phone.model, deviceName: phone.deviceName, serialNumber: phone.serialNumber! },
          serialNumber: random.fork(`${phone.deviceName}/MIC`).serialNumber(),
          notBefore: new Date(manufactured),
          notAfter: new Date(manufactured + 10 * 365 * DAY),
        });
        mics.set(phone.deviceName, { der, keys });
      })(),
    );
  });
  await Promise.all(jobs);
  const carriedOver = await carryOverFromOtherCluster(scenario, startEpochMs, random, keySource);
  const stale = await issueEarlierLscs(scenario, { startEpochMs, installedAt, publisher: publisher.name }, random, store, keySource, carriedOver);

  // Trust stores: CAPF trusts the manufacturing CAs (MIC authentication) and its own certificate (LSCs it
  // issued); CallManager-trust holds the same, so LSC- and MIC-authenticated phones can talk TLS to CUCM.
  // CUCM ships the Cisco manufacturing CAs in these stores (domain.md §2.9, §10).
  const capf = store.identity(publisher.name, 'CAPF')!;
  for (const node of scenario.nodes) {
    for (const purpose of ['CAPF-trust', 'CallManager-trust'] as const) {
      for (const [name, ca] of manufacturingCas) store.addTrust(node.name, purpose, ca.der, describe(ca.der), `${name} (simulated)`);
      store.addTrust(node.name, purpose, capf.der, capf.info, 'CAPF certificate of this cluster');
    }
  }

  // The database: servers, service activation and the phones as CUCM was configured before the lab.
  for (const node of scenario.nodes) {
    db.servers.push({ node: node.name, hostNameOrIp: node.serverName });
    if (node.activated.tftp) db.setActivated(node.name, 'tftp', true);
    if (node.activated.capf) db.setActivated(node.name, 'capf', true);
  }
  for (const phone of scenario.phones) {
    const model = PHONE_MODELS[phone.model];
    const record: PhoneRecord = {
      deviceName: phone.deviceName,
      deviceType: model.deviceType,
      serialNumber: phone.serialNumber,
      description: phone.description,
      devicePool: 'Default',
      securityProfile: `${model.deviceType} - Standard SIP Non-Secure Profile`,
      capf: {
        certificateOperation: 'No Pending Operation',
        authenticationMode: 'By Null String',
        authenticationString: '',
        keyOrder: 'RSA Only',
        rsaKeySize: 2048,
        ecKeySize: 384,
        operationCompletesBy: startEpochMs + db.enterpriseParameters.capfOperationExpiresInDays * DAY,
        certificateOperationStatus: 'None',
      },
      lsc: lscRecordOf(carriedOver.get(phone.deviceName)),
      configVersion: 1,
    };
    db.addPhone(record);
  }
  for (const s of stale) db.noteIssuedLsc(s.deviceName, s.serial, s.issuedAt);
  return { manufacturingCa: { der: caDer, keys: caKeys }, manufacturingCas, mics, carriedOver };
}

/**
 * What Find and List Phones shows of an LSC a phone holds: "LSC Expires—Displays the LSC expiry date on the
 * phone", "LSC Issued By—Displays the name of the issuer which can either be CAPF or third party"
 * (Administration Guide 12.5(1)SU1). How CUCM learns it for an LSC it did not issue is not documented; the
 * lab's database records what the phone holds when it arrives, and CAPF rewrites it on every operation.
 */
function lscRecordOf(carried: { lsc?: PhoneCredential; lscIssuerExpires?: number } | undefined): LscRecord {
  if (!carried?.lsc) return { status: 'Not Installed' };
  const info = describe(carried.lsc.der);
  return { status: 'Installed', issuedBy: commonName(info.issuer), expires: info.notAfter.getTime(), issuerExpires: carried.lscIssuerExpires };
}

/**
 * Phones that enrolled with this cluster's CAPF before the lab (scenario `arrivesWith.lscFromThisCluster`):
 * their LSC, issued after the cluster's installation, still valid or already run out.
 */
async function issueEarlierLscs(
  scenario: Scenario,
  at: { startEpochMs: number; installedAt: number; publisher: string },
  random: Random,
  store: CertificateStore,
  keySource: KeySource,
  carriedOver: InstalledLab['carriedOver'],
): Promise<Array<{ deviceName: string; serial: string; issuedAt: number }>> {
  const stale: Array<{ deviceName: string; serial: string; issuedAt: number }> = [];
  const capf = store.identity(at.publisher, 'CAPF');
  if (!capf?.keys) return stale;
  const rsa2048: KeySpec = { kind: 'RSA', bits: 2048 };
  const spkis = new Map<CryptoKeyPair, Promise<Uint8Array>>();
  const jobs = scenario.phones.map(async (phone, index) => {
    const staleDays = phone.arrivesWith?.staleLscDaysAgo;
    const earlier = phone.arrivesWith?.lscFromThisCluster ?? (staleDays !== undefined ? {} : undefined);
    if (!earlier) return;
    const keys = await phoneKeys(scenario, keySource, rsa2048, index, `${phone.deviceName}/earlier-LSC`, 'LSC');
    if (!spkis.has(keys)) spkis.set(keys, exportPublicKeySpki(keys.publicKey));
    const r = random.fork(`${phone.deviceName}/earlier-LSC`);
    // Issued some weeks after the installation; an expired one ran a year (a short "Duration Of Certificate
    // Validity") and ended `expiredDaysAgo` days ago — never before it could have been issued.
    const earliest = at.installedAt + DAY;
    let notBefore: number;
    let notAfter: number;
    if (staleDays !== undefined) {
      notBefore = Math.max(earliest, at.startEpochMs - staleDays * DAY);
      notAfter = notBefore + 1825 * DAY;
    } else if (earlier.expiredDaysAgo === undefined) {
      notBefore = Math.min(at.startEpochMs - DAY, earliest + r.int(7, 60) * DAY);
      notAfter = notBefore + 1825 * DAY;
    } else {
      notAfter = Math.max(earliest + 2 * DAY, at.startEpochMs - earlier.expiredDaysAgo * DAY);
      notBefore = Math.max(earliest, notAfter - 365 * DAY);
      notAfter = Math.min(notAfter, at.startEpochMs - DAY);
    }
    const serialNumber = r.serialNumber();
    const lsc = await issueLsc({
      subjectPublicKeyInfo: await spkis.get(keys)!,
      issuerCertificate: capf.der,
      issuerPrivateKey: capf.keys!.privateKey,
      phone: { model: phone.model, deviceName: phone.deviceName, serialNumber: phone.serialNumber ?? '' },
      serialNumber,
      notBefore: new Date(notBefore),
      validityDays: Math.max(1, Math.round((notAfter - notBefore) / DAY)),
    });
    if (!lsc.ok) throw new Error(`installation: ${lsc.error}`);
    if (staleDays !== undefined) stale.push({ deviceName: phone.deviceName, serial: toHex(serialNumber), issuedAt: notBefore });
    else carriedOver.set(phone.deviceName, { ...carriedOver.get(phone.deviceName), lsc: { der: lsc.value, keys }, lscIssuerExpires: capf.info.notAfter.getTime() });
  });
  await Promise.all(jobs);
  return stale.sort((a, b) => a.issuedAt - b.issuedAt || (a.deviceName < b.deviceName ? -1 : 1));
}

/**
 * Phones that were registered to another cluster before: that cluster's certificates exist only to have
 * signed what the phone still carries — its ITL (signed by the old TFTP's CallManager key, naming the old
 * TVS) and its LSC (issued by the old CAPF).
 */
async function carryOverFromOtherCluster(
  scenario: Scenario,
  startEpochMs: number,
  random: Random,
  keySource: KeySource,
): Promise<InstalledLab['carriedOver']> {
  const out: InstalledLab['carriedOver'] = new Map();
  const movers = scenario.phones.filter((p) => p.arrivesWith?.itlFromOtherCluster || p.arrivesWith?.lscFromOtherCluster);
  if (movers.length === 0) return out;
  const rsa2048: KeySpec = { kind: 'RSA', bits: 2048 };
  const at = startEpochMs - 400 * DAY;
  const make = async (purpose: 'CallManager' | 'TVS' | 'CAPF', cn: string) => {
    const keys = await keySource(rsa2048, `other-cluster/${purpose}`);
    const der = await createServiceCertificate({
      profile: purpose,
      subject: clusterSubject(cn, OTHER_CLUSTER.org),
      keys,
      serialNumber: random.fork(`other-cluster/${purpose}`).serialNumber(),
      notBefore: new Date(at),
      notAfter: fiveYearsFrom(at),
    });
    return { der, keys };
  };
  const [callManager, tvs, capf] = await Promise.all([make('CallManager', OTHER_CLUSTER.host), make('TVS', OTHER_CLUSTER.host), make('CAPF', `CAPF-${random.fork('other-capf').hex(4)}`)]);
  const itl = await buildItl({
    records: [
      { certificate: capf.der, function: 'CAPF', form: 'certhash' },
      { certificate: tvs.der, function: 'TVS', form: 'certhash' },
      { certificate: callManager.der, function: 'SAST', form: 'certificate' },
      { certificate: callManager.der, function: 'TFTP', form: 'certificate' },
    ],
    signer: { certificate: callManager.der, privateKey: callManager.keys.privateKey },
    digest: 'SHA-1',
    timestamp: Math.floor(at / 1000),
  });
  for (const phone of movers) {
    const carried: { itl?: Uint8Array; lsc?: PhoneCredential; tvsServers?: string[]; lscIssuerExpires?: number } = {};
    if (phone.arrivesWith?.itlFromOtherCluster) {
      carried.itl = itl;
      carried.tvsServers = [OTHER_CLUSTER.fqdn];
    }
    if (phone.arrivesWith?.lscFromOtherCluster) {
      const keys = await phoneKeys(scenario, keySource, rsa2048, scenario.phones.indexOf(phone), `${phone.deviceName}/old-LSC`, 'LSC');
      const lsc = await issueLsc({
        subjectPublicKeyInfo: await exportPublicKeySpki(keys.publicKey),
        issuerCertificate: capf.der,
        issuerPrivateKey: capf.keys.privateKey,
        phone: { model: phone.model, deviceName: phone.deviceName, serialNumber: phone.serialNumber ?? '' },
        serialNumber: random.fork(`${phone.deviceName}/old-LSC`).serialNumber(),
        notBefore: new Date(at + DAY),
        validityDays: 1825,
      });
      if (!lsc.ok) throw new Error(`installation: ${lsc.error}`);
      carried.lsc = { der: lsc.value, keys };
      carried.lscIssuerExpires = fiveYearsFrom(at).getTime();
    }
    out.set(phone.deviceName, carried);
  }
  return out;
}
