/**
 * Build and sign a trust list the way CUCM 11.5's TFTP service writes `ITLFile.tlv` (seed S1, domain.md §5).
 *
 * ```text
 * VERSION(1) 1.2 · HEADERLENGTH(2) · [SIGNERVERSION(28) 1.0|1.1]
 * SIGNERID(3){ SIGNERNAME(4) SERIALNUMBER(5) CANAME(6) }
 * SIGNATUREINFO(7){ DIGESTALGORTITHM(8) SIGNATUREALGOINFO(9){ SIGNATUREALGORTITHM(10)=0 RSA · SIGNATUREMODULUS(11) } }
 * SIGNATURE(12) · FILENAME(14) "ITLFile.tlv\0" · TIMESTAMP(15) u32 BE · 0x0D* up to a multiple of 4
 * record* = RECORDLENGTH(1) DNSNAME(2) SUBJECTNAME(3) FUNCTION(4) ISSUERNAME(5) SERIALNUMBER(6) PUBLICKEY(7)
 *           SIGNATURE(8) then CERTIFICATE(9) or CERTHASH(11)+HASH ALGORITHM(12)
 * ```
 * Choices and their grounds:
 * - SIGNERID order is SIGNERNAME, SERIALNUMBER, CANAME: the order CUCM prints in `show ctl` (S11), which lists
 *   header TLVs as it walks the file, and the order of the current certutils `tlvfile`. The independent fixtures
 *   write CANAME before SERIALNUMBER; the parser takes both.
 * - Record TLVs go in tag order 1…9/11/12, as the seed's `show itl` lists them.
 * - HEADERLENGTH counts the whole header, signature and padding included; the pad bytes follow TIMESTAMP
 *   (S11: 333 bytes of TLVs padded to 336; phone log "start of pad … at TLV 15", S14).
 * - An empty DNSNAME is two NUL bytes: the seed prints `2 DNSNAME 2` for records with no name [I: which two
 *   bytes CUCM writes is not public; two NULs read back as an empty string everywhere].
 * - The signature is RSASSA-PKCS1-v1_5 over the complete file with the SIGNATURE TLV (tag, length and value)
 *   left out (certutils `tlvfile`, domain.md §5.2); SHA-1 is code 1 (CUCM 11.5), SHA-512 code 3.
 * Misuse by the caller (a certificate that does not parse, a key size outside {512, 1024, 2048, 4096} bits, a
 * record over 65535 bytes) throws: those are programmer errors, not states of the simulated world.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { exactBuffer } from '../pki/encode';
import { formatItlName } from '../pki/names';
import { describeCertificate, type CertificateInfo } from '../pki/parse';
import {
  CERTHASH_ALGORITHM_SHA1,
  DIGEST_CODES,
  FUNCTION_CODES,
  HeaderTag,
  PAD_BYTE,
  RecordTag,
  SIGNATURE_ALGORITHM_RSA,
  SIGNATURE_MODULUS_BYTES,
  cString,
  concatBytes,
  encodeTlv,
  u16,
  u32,
  u8,
  versionBytes,
  type ItlFunction,
} from './tlv';

export interface ItlRecordInput {
  /** DER certificate. */
  certificate: Uint8Array;
  function: ItlFunction;
  /** Host name the phone may match (the seed's EC TFTP record carries `ao115sub`); empty by default. */
  dnsName?: string;
  /** CUCM 11.5 writes CAPF and TVS records as CERTHASH, SAST and TFTP records as the full CERTIFICATE (seed). */
  form: 'certificate' | 'certhash';
}

export interface TrustFileSigner {
  /** DER certificate whose subject, serial and issuer go into SIGNERID. */
  certificate: Uint8Array;
  /** RSASSA-PKCS1-v1_5 private key. WebCrypto binds the hash at import: import it with the digest you sign with
   * (an extractable key bound to another hash is re-imported). */
  privateKey: CryptoKey;
}

export type TrustFileDigest = 'SHA-1' | 'SHA-512';

export interface BuildItlOptions {
  records: readonly ItlRecordInput[];
  signer: TrustFileSigner;
  digest: TrustFileDigest;
  /** Unix seconds, written as TIMESTAMP. */
  timestamp: number;
  /** `ITLFile.tlv` by default; `ITLSEP<MAC>.tlv` for a per-device list. */
  filename?: string;
  /** Writes tag 28 when given; CUCM 11.5 output does not show it, so it is left out by default. */
  signerVersion?: '1.0' | '1.1';
}

function describe(der: Uint8Array, what: string): CertificateInfo {
  const info = describeCertificate(der);
  if (!info.ok) throw new Error(`${what}: ${info.error}`);
  return info.value;
}

/** DNSNAME value: the name plus NUL, or two NULs for "no name" (see the module comment). */
function dnsNameValue(name: string | undefined): Uint8Array {
  return name ? cString(name) : new Uint8Array(2);
}

/** One record, RECORDLENGTH first. Exposed so the simulator and tests can reason about record sizes. */
export function encodeItlRecord(input: ItlRecordInput): Uint8Array {
  const info = describe(input.certificate, `ITL record (${input.function})`);
  const publicKey = info.publicKey.kind === 'RSA' ? info.publicKey.pkcs1 : info.publicKey.point;
  const body = [
    encodeTlv(RecordTag.DNSNAME, dnsNameValue(input.dnsName)),
    encodeTlv(RecordTag.SUBJECTNAME, cString(formatItlName(info.subject))),
    encodeTlv(RecordTag.FUNCTION, u16(FUNCTION_CODES[input.function])),
    encodeTlv(RecordTag.ISSUERNAME, cString(formatItlName(info.issuer))),
    encodeTlv(RecordTag.SERIALNUMBER, info.serialNumber),
    encodeTlv(RecordTag.PUBLICKEY, publicKey),
    encodeTlv(RecordTag.SIGNATURE, info.signatureValue),
    ...(input.form === 'certificate'
      ? [encodeTlv(RecordTag.CERTIFICATE, input.certificate)]
      : [encodeTlv(RecordTag.CERTHASH, sha1(input.certificate)), encodeTlv(RecordTag.HASH_ALGORITHM, u8(CERTHASH_ALGORITHM_SHA1))]),
  ];
  const length = 5 + body.reduce((n, tlv) => n + tlv.length, 0);
  if (length > 0xffff) throw new RangeError(`ITL record of ${length} bytes does not fit RECORDLENGTH (65535 max)`);
  return concatBytes([encodeTlv(RecordTag.RECORDLENGTH, u16(length)), ...body]);
}

/** Re-imported signer keys, per original key and digest: TFTP signs every configuration file with the same key. */
const rebound = new WeakMap<CryptoKey, Map<TrustFileDigest, Promise<CryptoKey>>>();

/** The signer key bound to `digest`; WebCrypto fixes the hash of an RSASSA key when it is imported. */
function signingKey(key: CryptoKey, digest: TrustFileDigest): Promise<CryptoKey> {
  let byDigest = rebound.get(key);
  if (!byDigest) rebound.set(key, (byDigest = new Map()));
  let bound = byDigest.get(digest);
  if (!bound) {
    bound = rebindSigningKey(key, digest);
    byDigest.set(digest, bound);
    bound.catch(() => byDigest!.delete(digest));
  }
  return bound;
}

async function rebindSigningKey(key: CryptoKey, digest: TrustFileDigest): Promise<CryptoKey> {
  const algorithm = key.algorithm as RsaHashedKeyAlgorithm;
  if (algorithm.name !== 'RSASSA-PKCS1-v1_5') {
    throw new Error(`The signer key is ${algorithm.name}; trust lists are signed with RSASSA-PKCS1-v1_5 (SIGNATUREALGORTITHM 0).`);
  }
  if (algorithm.hash.name === digest) return key;
  if (!key.extractable) {
    throw new Error(`The signer key is bound to ${algorithm.hash.name} and not extractable; import it with hash ${digest}.`);
  }
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', key);
  return crypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: digest }, false, ['sign']);
}

export interface SignedHeaderOptions {
  /** "1.2" for trust lists, "1.0" for `.sgn` files. */
  version: string;
  signerVersion?: '1.0' | '1.1';
  signer: TrustFileSigner;
  digest: TrustFileDigest;
  filename: string;
  timestamp: number;
  /** What follows the header: the records of a trust list, or the configuration file of a `.sgn`. */
  body: Uint8Array;
}

/** Header + body, signed over everything except the SIGNATURE TLV. Shared by `buildItl` and `buildSignedFile`. */
export async function buildSignedTlvFile(options: SignedHeaderOptions): Promise<Uint8Array> {
  const { signer, digest, filename, timestamp, body } = options;
  if (!Number.isInteger(timestamp) || timestamp < 0 || timestamp > 0xffffffff) {
    throw new RangeError(`TIMESTAMP must be whole Unix seconds in 0…2^32-1, got ${timestamp}`);
  }
  const info = describe(signer.certificate, 'Signer certificate');
  if (info.publicKey.kind !== 'RSA') throw new Error('The signer certificate must carry an RSA key (SIGNATUREALGORTITHM 0 = RSA).');
  const key = await signingKey(signer.privateKey, digest);
  const signatureSize = (key.algorithm as RsaHashedKeyAlgorithm).modulusLength / 8;
  const modulusIndex = SIGNATURE_MODULUS_BYTES.indexOf(signatureSize);
  if (modulusIndex < 0) throw new Error(`A ${signatureSize * 8}-bit signer key has no SIGNATUREMODULUS code (512/1024/2048/4096 bits).`);

  const signerId = concatBytes([
    encodeTlv(HeaderTag.SIGNERNAME, cString(formatItlName(info.subject))),
    encodeTlv(HeaderTag.SERIALNUMBER, info.serialNumber),
    encodeTlv(HeaderTag.CANAME, cString(formatItlName(info.issuer))),
  ]);
  const signatureInfo = concatBytes([
    encodeTlv(HeaderTag.DIGESTALGORTITHM, u8(DIGEST_CODES[digest])),
    encodeTlv(
      HeaderTag.SIGNATUREALGOINFO,
      concatBytes([
        encodeTlv(HeaderTag.SIGNATUREALGORTITHM, u8(SIGNATURE_ALGORITHM_RSA)),
        encodeTlv(HeaderTag.SIGNATUREMODULUS, u8(modulusIndex)),
      ]),
    ),
  ]);
  const headerLengthTlv = encodeTlv(HeaderTag.HEADERLENGTH, u16(0));
  const beforeSignature = concatBytes([
    encodeTlv(HeaderTag.VERSION, versionBytes(options.version)),
    headerLengthTlv,
    ...(options.signerVersion ? [encodeTlv(HeaderTag.SIGNERVERSION, versionBytes(options.signerVersion))] : []),
    encodeTlv(HeaderTag.SIGNERID, signerId),
    encodeTlv(HeaderTag.SIGNATUREINFO, signatureInfo),
  ]);
  const afterSignature = concatBytes([
    encodeTlv(HeaderTag.FILENAME, cString(filename)),
    encodeTlv(HeaderTag.TIMESTAMP, u32(timestamp)),
  ]);
  const unpadded = beforeSignature.length + 3 + signatureSize + afterSignature.length;
  const padding = new Uint8Array((4 - (unpadded % 4)) % 4).fill(PAD_BYTE);
  const headerLength = unpadded + padding.length;
  if (headerLength > 0xffff) throw new RangeError(`Header of ${headerLength} bytes does not fit HEADERLENGTH`);
  beforeSignature.set(u16(headerLength), 8); // HEADERLENGTH value sits at bytes 8–9, after VERSION (5) and its own TLV header

  const signed = concatBytes([beforeSignature, afterSignature, padding, body]);
  const signature = new Uint8Array(await crypto.subtle.sign({ name: 'RSASSA-PKCS1-v1_5' }, key, exactBuffer(signed)));
  return concatBytes([beforeSignature, encodeTlv(HeaderTag.SIGNATURE, signature), afterSignature, padding, body]);
}

/** A signed trust list, VERSION 1.2, as CUCM's TFTP service builds it. */
export async function buildItl(options: BuildItlOptions): Promise<Uint8Array> {
  return buildSignedTlvFile({
    version: '1.2',
    signerVersion: options.signerVersion,
    signer: options.signer,
    digest: options.digest,
    filename: options.filename ?? 'ITLFile.tlv',
    timestamp: options.timestamp,
    body: concatBytes(options.records.map(encodeItlRecord)),
  });
}
