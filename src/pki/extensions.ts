/**
 * X.509 v3 extensions (RFC 5280 §4.2) built from a {@link CertificateProfile}:
 *
 * ```asn
 * Extension  ::=  SEQUENCE  { extnID OBJECT IDENTIFIER, critical BOOLEAN DEFAULT FALSE,
 *                             extnValue OCTET STRING -- DER of the extension's own type -- }
 * KeyUsage ::= BIT STRING { digitalSignature (0), nonRepudiation (1), keyEncipherment (2),
 *                           dataEncipherment (3), keyAgreement (4), keyCertSign (5), cRLSign (6), … }
 * BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER (0..MAX) OPTIONAL }
 * ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId
 * SubjectKeyIdentifier ::= KeyIdentifier          -- OCTET STRING
 * AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] KeyIdentifier OPTIONAL, … }
 * SubjectAltName ::= GeneralNames                -- uniformResourceIdentifier [6] IA5String
 * ```
 * Also the PKCS#9 extensionRequest attribute a CSR carries them in (RFC 2985 §5.4.2).
 */
import { bitString, booleanValue, explicit, octetString, oid, sequence, set, smallInteger, tlv } from './asn1';
import { digest } from './encode';
import { KEY_USAGE_BITS, type SubjectPublicKeyInfo } from './parse';
import { EXTENDED_KEY_USAGE_OIDS, type CertificateProfile, type KeyUsageName } from './profiles';

export const EXTENSION_OIDS = {
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
} as const;

/** pkcs-9-at-extensionRequest */
export const EXTENSION_REQUEST_OID = '1.2.840.113549.1.9.14';

/** One Extension, encoded. DER omits `critical` when it is the DEFAULT FALSE (X.690 §11.5). */
export type EncodedExtension = Uint8Array;

function extension(extnID: string, critical: boolean, value: Uint8Array): EncodedExtension {
  return critical ? sequence(oid(extnID), booleanValue(true), octetString(value)) : sequence(oid(extnID), octetString(value));
}

/**
 * KeyUsage is a NamedBitList, so DER (X.690 §11.2.2) drops trailing zero bits and the unused-bits count
 * says how many of the last byte's bits are padding — without it openssl -strictpem rejects the encoding.
 */
export function keyUsageExtension(usages: readonly KeyUsageName[], critical: boolean): EncodedExtension {
  if (usages.length === 0) throw new Error('KeyUsage needs at least one bit (RFC 5280 §4.2.1.3).');
  const bitNumbers = usages.map((u) => KEY_USAGE_BITS.indexOf(u));
  const highest = Math.max(...bitNumbers);
  const bytes = new Uint8Array((highest >> 3) + 1);
  for (const bit of bitNumbers) bytes[bit >> 3] |= 0x80 >> (bit & 7);
  return extension(EXTENSION_OIDS.keyUsage, critical, bitString(bytes, 7 - (highest & 7)));
}

export function basicConstraintsExtension(bc: CertificateProfile['basicConstraints']): EncodedExtension {
  // cA FALSE is the DEFAULT, and DER omits a DEFAULT value (X.690 §11.5)
  const fields = [...(bc.ca ? [booleanValue(true)] : []), ...(bc.pathLength === undefined ? [] : [smallInteger(bc.pathLength)])];
  return extension(EXTENSION_OIDS.basicConstraints, bc.critical, sequence(...fields));
}

export function extendedKeyUsageExtension(eku: NonNullable<CertificateProfile['extendedKeyUsage']>): EncodedExtension {
  return extension(EXTENSION_OIDS.extKeyUsage, eku.critical, sequence(...eku.purposes.map((p) => oid(EXTENDED_KEY_USAGE_OIDS[p]))));
}

/**
 * RFC 5280 §4.2.1.2 method (1): the SHA-1 of the subjectPublicKey BIT STRING contents (no tag, length or
 * unused-bits byte) — the same identifier openssl computes, so `openssl x509 -text` shows matching
 * SKI/AKI pairs.
 */
export async function keyIdentifier(spki: SubjectPublicKeyInfo): Promise<Uint8Array> {
  return digest('SHA-1', spki.publicKey);
}

export function subjectKeyIdentifierExtension(keyId: Uint8Array): EncodedExtension {
  return extension(EXTENSION_OIDS.subjectKeyIdentifier, false, octetString(keyId));
}

/** AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT KeyIdentifier } */
export function authorityKeyIdentifierExtension(keyId: Uint8Array): EncodedExtension {
  return extension(EXTENSION_OIDS.authorityKeyIdentifier, false, sequence(tlv(0x80, keyId)));
}

/** SAN with one uniformResourceIdentifier ([6] IMPLICIT IA5String) — CAPF puts the bare device name there (domain.md §6.6). */
export function subjectAltNameUriExtension(uri: string): EncodedExtension {
  return extension(EXTENSION_OIDS.subjectAltName, false, sequence(tlv(0x86, new TextEncoder().encode(uri))));
}

/** The profile's own extensions (BasicConstraints, KeyUsage, ExtKeyUsage), in that order. */
export function profileExtensions(profile: CertificateProfile): EncodedExtension[] {
  const list = [
    basicConstraintsExtension(profile.basicConstraints),
    keyUsageExtension(profile.keyUsage.usages, profile.keyUsage.critical),
  ];
  if (profile.extendedKeyUsage) list.push(extendedKeyUsageExtension(profile.extendedKeyUsage));
  return list;
}

/** `Extensions ::= SEQUENCE OF Extension`, inside a certificate's `[3]` EXPLICIT. */
export function extensionsField(extensions: EncodedExtension[]): Uint8Array {
  return explicit(3, sequence(...extensions));
}

/** PKCS#9 extensionRequest: `Attribute { type extensionRequest, values SET { Extensions } }`. */
export function extensionRequestAttribute(extensions: EncodedExtension[]): Uint8Array {
  return sequence(oid(EXTENSION_REQUEST_OID), set(sequence(...extensions)));
}
