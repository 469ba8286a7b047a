/**
 * Issue X.509 v3 certificates (RFC 5280 §4.1) for every party in the lab:
 *
 * ```asn
 * TBSCertificate ::= SEQUENCE { version [0] v3, serialNumber INTEGER, signature AlgorithmIdentifier,
 *     issuer Name, validity Validity, subject Name, subjectPublicKeyInfo, extensions [3] Extensions }
 * ```
 * - the self-signed certificates a CUCM node generates per Certificate Purpose (CAPF, CallManager, TVS,
 *   CallManager-ECDSA, ITLRecovery — domain.md §3);
 * - a simulated "Cisco Manufacturing CA SHA2" and the MIC it signs into a phone at the factory (§10);
 * - the LSC that CAPF signs from the phone's public key (§6.5 Install/Upgrade, §14.1–14.2, §6.6 profile),
 *   and the one an enterprise CA signs from the request CAPF exports (Offline CA);
 * - a third-party CA signing CAPF's own CSR (Offline CA, §2.6).
 *
 * Signatures are SHA-256 with RSA (sha256WithRSAEncryption, RFC 4055 §5) or ECDSA with the curve's hash
 * (ecdsa-with-SHA256/384/512, RFC 5758 §3.2). Serial numbers and dates come from the caller: the simulator
 * owns the seeded PRNG and the virtual clock.
 */
import { explicit, parseDer, smallInteger, tlv, TAG, unsignedIntegerContents, x509Time, expect, DerError, sequence } from './asn1';
import { parseCsr, verifyParsedCsr, verifyRequestSignedBy } from './csr';
import { sha1 } from '@noble/hashes/legacy.js';
import { toHex, type Decoded } from './encode';
import {
  authorityKeyIdentifierExtension,
  EXTENSION_OIDS,
  extensionsField,
  keyIdentifier,
  profileExtensions,
  subjectAltNameUriExtension,
  subjectKeyIdentifierExtension,
  type EncodedExtension,
} from './extensions';
import { keySpecOf } from './keys';
import { commonName, fromRdns, toRdns, type DistinguishedName, type DnAttributeType } from './names';
import { describePublicKeyInfo, parseCertificate, parseSubjectPublicKeyInfo, readSubjectPublicKeyInfo, type SubjectPublicKeyInfo, type X509Certificate } from './parse';
import { signatureAlgorithmFor, signedObject } from './signature';
import {
  lscProfile,
  ROOT_CA_PROFILE,
  micProfile,
  SERVICE_CERTIFICATE_PROFILES,
  THIRD_PARTY_CAPF_PROFILE,
  type CertificateProfile,
  type ServiceCertificatePurpose,
} from './profiles';

/**
 * The simulated manufacturing root. The OU makes it impossible to mistake for Cisco's real CA in a
 * downloaded file; the CN is the real CA's name so the lab's screens read like CUCM's trust store.
 */
export function manufacturingCaSubject(name: string): DistinguishedName {
  return [
    ['O', 'Cisco'],
    ['OU', 'Simulated by LSC Lab - not a Cisco certificate'],
    ['CN', name],
  ];
}
export const MANUFACTURING_CA_SUBJECT: DistinguishedName = manufacturingCaSubject('Cisco Manufacturing CA SHA2');

/** A phone as its certificates name it: product id, CUCM device name and the serial number on its label. */
export interface PhoneIdentity {
  /** Product id, e.g. "CP-8845". */
  model: string;
  /** CUCM device name, e.g. "SEP682C7B5C2342". */
  deviceName: string;
  /** Cisco serial number, e.g. "FCH2133E8B9". */
  serialNumber: string;
}

/**
 * `CP-8845-SEP682C7B5C2342`: the CN of a phone's MIC and of its LSC, and the name it gives TVS. TAC 215014
 * (MIC `CN=CP-8861-SEP…`), TAC 213407 (LSC `CN=CP-8861-SEPB000B4BA0AEE`), TAC 214501 ("Issued Common Name: The
 * phone's model appended by the device name").
 */
export function phoneCommonName(phone: Pick<PhoneIdentity, 'model' | 'deviceName'>): string {
  return `${phone.model}-${phone.deviceName}`;
}

/** The serialNumber attribute of a phone's MIC and LSC: `PID:CP-8861 SN:FCH2133E8B9` (TAC 215014, 213407). */
export function phoneSerialAttribute(phone: Pick<PhoneIdentity, 'model' | 'serialNumber'>): string {
  return `PID:${phone.model} SN:${phone.serialNumber}`;
}

/**
 * MIC subject as a real phone's console prints it (TAC 215014):
 * `/serialNumber=PID:CP-8861 SN:FCH2133E8B9/O=Cisco Systems Inc./OU=CTG/CN=CP-8861-SEP…` — encoded in that order.
 */
export function micSubject(phone: PhoneIdentity): DistinguishedName {
  return [
    ['serialNumber', phoneSerialAttribute(phone)],
    ['O', 'Cisco Systems Inc.'],
    ['OU', 'CTG'],
    ['CN', phoneCommonName(phone)],
  ];
}

/** The issuer attributes an LSC subject repeats (TAC 213407: C, O and OU of the CAPF certificate; no ST, no L). */
const LSC_ISSUER_ATTRIBUTES = new Set(['C', 'O', 'OU']);

/**
 * The LSC subject CUCM's CAPF writes, as a real phone's console prints it (TAC 213407, domain.md §14.1):
 *
 *   subject `/serialNumber=PID:CP-8861 SN:FCH18198CNQ/C=AU/O=stormin/OU=IST/CN=CP-8861-SEPB000B4BA0AEE`
 *   issuer  `/C=AU/O=stormin/OU=IST/CN=CAPF-a7fb32bf/ST=NSQ/L=Sydney`
 *
 * serialNumber first, then the issuer's C, O and OU in the issuer's order, then CN = `<model>-<device name>`.
 */
export function lscSubject(issuer: ReadonlyArray<readonly [string, string]>, phone: PhoneIdentity): DistinguishedName {
  const kept = issuer.filter(([type]) => LSC_ISSUER_ATTRIBUTES.has(type)) as Array<[DnAttributeType, string]>;
  return [['serialNumber', phoneSerialAttribute(phone)], ...kept, ['CN', phoneCommonName(phone)]];
}

const DAY_MS = 86_400_000;

/**
 * CertificateSerialNumber is a positive INTEGER of at most 20 octets (RFC 5280 §4.1.2.2), in minimal DER
 * (X.690 §8.3.2): strip redundant leading zeros, and add one 0x00 when the top bit would make it negative.
 */
function serialInteger(serial: Uint8Array): Uint8Array {
  if (!(serial instanceof Uint8Array) || serial.length === 0 || serial.length > 20) {
    throw new Error('A serial number is 1–20 bytes (RFC 5280 §4.1.2.2); the simulator passes 16.');
  }
  const contents = unsignedIntegerContents(serial);
  if (contents.length === 1 && contents[0] === 0) throw new Error('A certificate serial number must be positive, not zero.');
  return tlv(TAG.INTEGER, contents);
}

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050; whole seconds only. */
function certificateTime(date: Date): Uint8Array {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new Error('Certificate dates must be valid Date objects.');
  }
  return x509Time(new Date(Math.floor(date.getTime() / 1000) * 1000));
}

async function publicKeyInfoOf(key: CryptoKey): Promise<SubjectPublicKeyInfo> {
  return readSubjectPublicKeyInfo(parseDer(new Uint8Array(await crypto.subtle.exportKey('spki', key))));
}

function existingKeyIdentifier(cert: X509Certificate): Uint8Array | undefined {
  const ski = cert.extensions.find((e) => e.oid === EXTENSION_OIDS.subjectKeyIdentifier);
  if (!ski) return undefined;
  try {
    return expect(parseDer(ski.value), TAG.OCTET_STRING, 'SubjectKeyIdentifier').value.slice();
  } catch (e) {
    if (!(e instanceof DerError)) throw e;
    return undefined; // an unreadable SKI on an uploaded CA: fall back to computing one
  }
}

/** The issuer's SKI, or — for a CA that has none — the RFC 5280 method (1) identifier of its key. */
async function authorityKeyId(issuer: X509Certificate): Promise<Uint8Array> {
  return existingKeyIdentifier(issuer) ?? keyIdentifier(issuer.subjectPublicKeyInfo);
}

interface Template {
  serialNumber: Uint8Array;
  /** DER Names: a child's issuer is its CA's subject byte for byte. */
  issuer: Uint8Array;
  subject: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  subjectPublicKeyInfo: SubjectPublicKeyInfo;
  profile: CertificateProfile;
  extraExtensions?: EncodedExtension[];
  /** null for self-signed: the AKI then repeats the subject's own SKI, as openssl writes it. */
  authorityKeyId: Uint8Array | null;
  signingKey: CryptoKey;
}

async function signCertificate(t: Template): Promise<Uint8Array> {
  if (t.notAfter.getTime() <= t.notBefore.getTime()) throw new Error('notAfter must be later than notBefore.');
  const subjectKeyId = await keyIdentifier(t.subjectPublicKeyInfo);
  const tbs = sequence(
    explicit(0, smallInteger(2)), // v3
    serialInteger(t.serialNumber),
    signatureAlgorithmFor(t.signingKey),
    t.issuer,
    sequence(certificateTime(t.notBefore), certificateTime(t.notAfter)),
    t.subject,
    t.subjectPublicKeyInfo.der,
    extensionsField([
      ...profileExtensions(t.profile),
      ...(t.extraExtensions ?? []),
      subjectKeyIdentifierExtension(subjectKeyId),
      authorityKeyIdentifierExtension(t.authorityKeyId ?? subjectKeyId),
    ]),
  );
  return signedObject(tbs, t.signingKey);
}

function requireKeyKind(profile: CertificateProfile, key: CryptoKey, what: string): void {
  if (profile.keyKind && keySpecOf(key).kind !== profile.keyKind) {
    throw new Error(`${what} needs an ${profile.keyKind} key.`);
  }
}

export interface ServiceCertificateRequest {
  profile: ServiceCertificatePurpose;
  subject: DistinguishedName;
  keys: CryptoKeyPair;
  serialNumber: Uint8Array;
  notBefore: Date;
  notAfter: Date;
}

/** "Generate Self-signed" / "Regenerate" for one Certificate Purpose (domain.md §3). DER out. */
export async function createServiceCertificate(req: ServiceCertificateRequest): Promise<Uint8Array> {
  const profile = SERVICE_CERTIFICATE_PROFILES[req.profile];
  requireKeyKind(profile, req.keys.publicKey, `The ${req.profile} certificate`);
  return selfSigned(req, profile);
}

/** A certificate whose issuer is its own subject, signed with its own key. */
async function selfSigned(
  req: { subject: DistinguishedName; keys: CryptoKeyPair; serialNumber: Uint8Array; notBefore: Date; notAfter: Date },
  profile: CertificateProfile,
): Promise<Uint8Array> {
  const name = toRdns(req.subject);
  return signCertificate({
    serialNumber: req.serialNumber,
    issuer: name,
    subject: name,
    notBefore: req.notBefore,
    notAfter: req.notAfter,
    subjectPublicKeyInfo: await publicKeyInfoOf(req.keys.publicKey),
    profile,
    authorityKeyId: null,
    signingKey: req.keys.privateKey,
  });
}

/**
 * A self-signed root CA with any subject: the enterprise CA of the Offline CA path (domain.md §2.6) or any
 * other third party the lab needs. Profile as the manufacturing root ([I] CA:TRUE, keyCertSign + cRLSign).
 */
export async function createRootCa(req: {
  subject: DistinguishedName;
  keys: CryptoKeyPair;
  serialNumber: Uint8Array;
  notBefore: Date;
  notAfter: Date;
}): Promise<Uint8Array> {
  return selfSigned(req, ROOT_CA_PROFILE);
}

/**
 * A simulated manufacturing root the MICs chain to: "Cisco Manufacturing CA SHA2" (newer phones) by default,
 * or "Cisco Manufacturing CA" (79xx, domain.md §10). Self-signed, DER out. (The real older CA signs with
 * SHA-1; the lab's signs every certificate with SHA-256.)
 */
export async function createManufacturingCa(req: {
  keys: CryptoKeyPair;
  serialNumber: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  name?: string;
}): Promise<Uint8Array> {
  const { name, ...rest } = req;
  return createRootCa({ ...rest, subject: name ? manufacturingCaSubject(name) : MANUFACTURING_CA_SUBJECT });
}

/**
 * Issuer certificates read, by content: a CA (CAPF, the manufacturing CA) signs many certificates with the
 * same certificate. The parsed objects are only read, never changed.
 */
const issuers = new Map<string, Decoded<X509Certificate>>();

function parseIssuer(der: Uint8Array): Decoded<X509Certificate> {
  const key = `${der.length}:${toHex(sha1(der))}`;
  let parsed = issuers.get(key);
  if (!parsed) {
    parsed = parseCertificate(der.slice());
    if (issuers.size >= 64) issuers.delete(issuers.keys().next().value!);
    issuers.set(key, parsed);
  }
  return parsed;
}

function mustParse(der: Uint8Array, what: string): X509Certificate {
  const parsed = parseIssuer(der);
  if (!parsed.ok) throw new Error(`${what}: ${parsed.error}`);
  return parsed.value;
}

/** The phone's factory certificate, signed by the (simulated) manufacturing CA. DER out. */
export async function createMic(req: {
  caCertificate: Uint8Array;
  caPrivateKey: CryptoKey;
  publicKey: CryptoKey;
  phone: PhoneIdentity;
  serialNumber: Uint8Array;
  notBefore: Date;
  notAfter: Date;
}): Promise<Uint8Array> {
  const ca = mustParse(req.caCertificate, 'The manufacturing CA certificate');
  return signCertificate({
    serialNumber: req.serialNumber,
    issuer: ca.subject.der,
    subject: toRdns(micSubject(req.phone)),
    notBefore: req.notBefore,
    notAfter: req.notAfter,
    subjectPublicKeyInfo: await publicKeyInfoOf(req.publicKey),
    profile: micProfile(keySpecOf(req.publicKey).kind),
    authorityKeyId: await authorityKeyId(ca),
    signingKey: req.caPrivateKey,
  });
}

/**
 * Check a PKCS#10 request the way a CA must before signing it (RFC 2986 §3: the signature proves the
 * requester holds the private key). Returns the parsed request and its key, or a message for the log.
 */
async function acceptCsr(csrDer: Uint8Array) {
  const parsed = parseCsr(csrDer);
  if (!parsed.ok) return parsed;
  const csr = parsed.value;
  const verdict = await verifyParsedCsr(csr);
  if (!verdict.ok) return verdict;
  let key;
  try {
    key = describePublicKeyInfo(csr.subjectPublicKeyInfo);
  } catch {
    key = { ok: false as const, error: 'The public key in the certificate signing request is malformed.' };
  }
  if (!key.ok) return key;
  return { ok: true as const, value: { csr, keyKind: key.value.kind } };
}

function validIssuer(der: Uint8Array, role: string): Decoded<X509Certificate> {
  const parsed = parseIssuer(der);
  if (!parsed.ok) return { ok: false, error: `The ${role} certificate cannot be read: ${parsed.error}` };
  return parsed;
}

export interface LscRequest {
  /**
   * DER SubjectPublicKeyInfo: the PUBLIC_KEY element of the phone's KEY_GENERATE_RESPONSE. The phone sends
   * its bare public key, not a PKCS#10 request (usecallmanagernz capfc; Jabber4Linux "CAPF Protocol
   * Specification": ~294 bytes for RSA-2048; domain.md §14.2).
   */
  subjectPublicKeyInfo: Uint8Array;
  /** The CAPF certificate (or the issuing CA's) whose subject becomes the LSC's issuer. */
  issuerCertificate: Uint8Array;
  issuerPrivateKey: CryptoKey;
  /** The phone the LSC is for: its subject (serialNumber, CN) and SAN URI (the device name). */
  phone: PhoneIdentity;
  serialNumber: Uint8Array;
  notBefore: Date;
  /** CAPF service parameter "Duration Of Certificate Validity (in days)" (1–1825, domain.md §2.5). */
  validityDays: number;
}

function checkValidityDays(days: number): void {
  if (!Number.isInteger(days) || days < 1) throw new Error('validityDays must be a whole number of days ≥ 1.');
}

/**
 * CAPF signs the phone's LSC from the public key the phone sent (Install/Upgrade, domain.md §6.5, §14.2;
 * subject §14.1, profile §6.6). Bytes that are not a SubjectPublicKeyInfo are refused with a message.
 * (Nothing proves the phone holds the private key: the CAPF protocol relies on the authenticated session.)
 */
export async function issueLsc(req: LscRequest): Promise<Decoded<Uint8Array>> {
  if (!req.phone?.deviceName) throw new Error('issueLsc needs the device name.');
  checkValidityDays(req.validityDays);
  const spki = parseSubjectPublicKeyInfo(req.subjectPublicKeyInfo);
  if (!spki.ok) return { ok: false, error: `CAPF refused to sign an LSC for ${req.phone.deviceName}. ${spki.error}` };
  const issuer = validIssuer(req.issuerCertificate, 'CAPF');
  if (!issuer.ok) return issuer;
  const der = await signCertificate({
    serialNumber: req.serialNumber,
    issuer: issuer.value.subject.der,
    subject: toRdns(lscSubject(fromRdns(issuer.value.subject), req.phone)),
    notBefore: req.notBefore,
    notAfter: new Date(req.notBefore.getTime() + req.validityDays * DAY_MS),
    subjectPublicKeyInfo: spki.value.info,
    profile: lscProfile(spki.value.key.kind),
    extraExtensions: [subjectAltNameUriExtension(req.phone.deviceName)],
    authorityKeyId: await authorityKeyId(issuer.value),
    signingKey: req.issuerPrivateKey,
  });
  return { ok: true, value: der };
}

/**
 * An enterprise CA signs the request CAPF exported for a phone (Offline CA, domain.md §2.6): subject and key
 * as the request has them, the LSC profile, SAN URI = the device name in the CN. The request is CAPF's, signed
 * with the CAPF key (csr.ts explains why), so its signature is checked against `registrationAuthority` — the
 * CAPF certificate — not against the key inside it.
 */
export async function issueLscFromRequest(req: {
  csr: Uint8Array;
  registrationAuthority: Uint8Array;
  caCertificate: Uint8Array;
  caPrivateKey: CryptoKey;
  serialNumber: Uint8Array;
  notBefore: Date;
  validityDays: number;
}): Promise<Decoded<Uint8Array>> {
  checkValidityDays(req.validityDays);
  const parsed = parseCsr(req.csr);
  if (!parsed.ok) return { ok: false, error: `The CA refused to sign the request. ${parsed.error}` };
  const ra = validIssuer(req.registrationAuthority, 'CAPF');
  if (!ra.ok) return ra;
  const signed = await verifyRequestSignedBy(parsed.value, ra.value.subjectPublicKeyInfo);
  if (!signed.ok) return { ok: false, error: `The CA refused to sign the request. It was not signed by this cluster's CAPF: ${signed.error}` };
  let key;
  try {
    key = describePublicKeyInfo(parsed.value.subjectPublicKeyInfo);
  } catch {
    key = { ok: false as const, error: 'The public key in the certificate signing request is malformed.' };
  }
  if (!key.ok) return { ok: false, error: `The CA refused to sign the request. ${key.error}` };
  const ca = validIssuer(req.caCertificate, 'CA');
  if (!ca.ok) return ca;
  const cn = commonName(fromRdns(parsed.value.subject));
  const device = /SEP[0-9A-F]{12}$/i.exec(cn)?.[0] ?? cn;
  const der = await signCertificate({
    serialNumber: req.serialNumber,
    issuer: ca.value.subject.der,
    subject: parsed.value.subject.der,
    notBefore: req.notBefore,
    notAfter: new Date(req.notBefore.getTime() + req.validityDays * DAY_MS),
    subjectPublicKeyInfo: parsed.value.subjectPublicKeyInfo,
    profile: lscProfile(key.value.kind),
    extraExtensions: [subjectAltNameUriExtension(device)],
    authorityKeyId: await authorityKeyId(ca.value),
    signingKey: req.caPrivateKey,
  });
  return { ok: true, value: der };
}

/**
 * A simple third-party CA signs the CSR CUCM generated for its CAPF certificate ("Generate CSR" → CA →
 * "Upload Certificate", Offline CA path, domain.md §2.6). The subject is the CSR's, unchanged.
 */
export async function signCsrAsCa(req: {
  csr: Uint8Array;
  caCertificate: Uint8Array;
  caPrivateKey: CryptoKey;
  serialNumber: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  profile: 'CAPF';
}): Promise<Decoded<Uint8Array>> {
  const accepted = await acceptCsr(req.csr);
  if (!accepted.ok) return { ok: false, error: `The CA refused to sign the request. ${accepted.error}` };
  const ca = validIssuer(req.caCertificate, 'CA');
  if (!ca.ok) return ca;
  const der = await signCertificate({
    serialNumber: req.serialNumber,
    issuer: ca.value.subject.der,
    subject: accepted.value.csr.subject.der,
    notBefore: req.notBefore,
    notAfter: req.notAfter,
    subjectPublicKeyInfo: accepted.value.csr.subjectPublicKeyInfo,
    profile: THIRD_PARTY_CAPF_PROFILE,
    authorityKeyId: await authorityKeyId(ca.value),
    signingKey: req.caPrivateKey,
  });
  return { ok: true, value: der };
}
