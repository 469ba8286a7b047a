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
import { clusterSubject } from '../pki/names';
import { describeCertificate } from '../pki/parse';
import { SELF_SIGNED_DESCRIPTION, type CertificateStore, type IdentityPurpose } from './cucm/certificates';
import type { ClusterDatabase, PhoneRecord } from './cucm/database';
import type { Random } from './random';
import type { Scenario } from './scenario';
import type { PhoneCredential } from './phone/capf-client.machine';
import { ciscoSerialNumber, MANUFACTURING_CAS, PHONE_MODELS, type ManufacturingCaName } from './phone/models';

const DAY = 86400000;

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
  carriedOver: Map<string, { itl?: Uint8Array; lsc?: PhoneCredential; tvsServers?: string[] }>;
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
  for (const phone of scenario.phones) {
    jobs.push(
      (async () => {
        const keys = await keySource(rsa2048, `${phone.deviceName}/MIC`);
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
  }
  await Promise.all(jobs);
  const carriedOver = await carryOverFromOtherCluster(scenario, startEpochMs, random, keySource);

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
      lsc: { status: 'Not Installed' },
      configVersion: 1,
    };
    db.addPhone(record);
  }
  return { manufacturingCa: { der: caDer, keys: caKeys }, manufacturingCas, mics, carriedOver };
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
    const carried: { itl?: Uint8Array; lsc?: PhoneCredential; tvsServers?: string[] } = {};
    if (phone.arrivesWith?.itlFromOtherCluster) {
      carried.itl = itl;
      carried.tvsServers = [OTHER_CLUSTER.fqdn];
    }
    if (phone.arrivesWith?.lscFromOtherCluster) {
      const keys = await keySource(rsa2048, `${phone.deviceName}/old-LSC`);
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
    }
    out.set(phone.deviceName, carried);
  }
  return out;
}
