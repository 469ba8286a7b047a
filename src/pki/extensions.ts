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
import * as asn1js from 'asn1js';
import {
  Attribute,
  AuthorityKeyIdentifier,
  BasicConstraints,
  Extension,
  Extensions,
  ExtKeyUsage,
  GeneralName,
  GeneralNames,
  type PublicKeyInfo,
} from 'pkijs';
import { digest } from './encode';
import { KEY_USAGE_BITS } from './parse';
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

type ExtensionValue = asn1js.AsnType | { toSchema(): asn1js.AsnType };

/** extnValue is the DER of the value; parsedValue is kept so pkijs need not re-parse what we just built. */
function extension(extnID: string, critical: boolean, value: ExtensionValue): Extension {
  const der = 'toSchema' in value ? value.toSchema().toBER(false) : value.toBER(false);
  return new Extension({ extnID, critical, extnValue: der, parsedValue: value as Extension['parsedValue'] });
}

/**
 * KeyUsage is a NamedBitList, so DER (X.690 §11.2.2) drops trailing zero bits and the unused-bits count
 * says how many of the last byte's bits are padding — without it openssl -strictpem rejects the encoding.
 */
export function keyUsageExtension(usages: readonly KeyUsageName[], critical: boolean): Extension {
  if (usages.length === 0) throw new Error('KeyUsage needs at least one bit (RFC 5280 §4.2.1.3).');
  const bitNumbers = usages.map((u) => KEY_USAGE_BITS.indexOf(u));
  const highest = Math.max(...bitNumbers);
  const bytes = new Uint8Array((highest >> 3) + 1);
  for (const bit of bitNumbers) bytes[bit >> 3] |= 0x80 >> (bit & 7);
  const unusedBits = 7 - (highest & 7);
  const bits = new asn1js.BitString({ valueHex: bytes, unusedBits });
  return extension(EXTENSION_OIDS.keyUsage, critical, bits);
}

export function basicConstraintsExtension(bc: CertificateProfile['basicConstraints']): Extension {
  // cA FALSE is the DEFAULT and DER omits a DEFAULT value (X.690 §11.5), which pkijs does for us.
  const value = new BasicConstraints(
    bc.pathLength === undefined ? { cA: bc.ca } : { cA: bc.ca, pathLenConstraint: bc.pathLength },
  );
  return extension(EXTENSION_OIDS.basicConstraints, bc.critical, value);
}

export function extendedKeyUsageExtension(eku: NonNullable<CertificateProfile['extendedKeyUsage']>): Extension {
  const value = new ExtKeyUsage({ keyPurposes: eku.purposes.map((p) => EXTENDED_KEY_USAGE_OIDS[p]) });
  return extension(EXTENSION_OIDS.extKeyUsage, eku.critical, value);
}

/**
 * RFC 5280 §4.2.1.2 method (1): the SHA-1 of the subjectPublicKey BIT STRING contents (no tag, length or
 * unused-bits byte) — the same identifier openssl computes, so `openssl x509 -text` shows matching
 * SKI/AKI pairs.
 */
export async function keyIdentifier(spki: PublicKeyInfo): Promise<Uint8Array> {
  return digest('SHA-1', new Uint8Array(spki.subjectPublicKey.valueBlock.valueHexView));
}

export function subjectKeyIdentifierExtension(keyId: Uint8Array): Extension {
  return extension(EXTENSION_OIDS.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: keyId }));
}

export function authorityKeyIdentifierExtension(keyId: Uint8Array): Extension {
  const value = new AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: keyId }) });
  return extension(EXTENSION_OIDS.authorityKeyIdentifier, false, value);
}

/** SAN with one uniformResourceIdentifier — CAPF puts the bare device name there (domain.md §6.6). */
export function subjectAltNameUriExtension(uri: string): Extension {
  const value = new GeneralNames({ names: [new GeneralName({ type: 6, value: uri })] });
  return extension(EXTENSION_OIDS.subjectAltName, false, value);
}

/** The profile's own extensions (BasicConstraints, KeyUsage, ExtKeyUsage), in that order. */
export function profileExtensions(profile: CertificateProfile): Extension[] {
  const list = [
    basicConstraintsExtension(profile.basicConstraints),
    keyUsageExtension(profile.keyUsage.usages, profile.keyUsage.critical),
  ];
  if (profile.extendedKeyUsage) list.push(extendedKeyUsageExtension(profile.extendedKeyUsage));
  return list;
}

/** PKCS#9 extensionRequest: `Attribute { type extensionRequest, values SET { Extensions } }`. */
export function extensionRequestAttribute(extensions: Extension[]): Attribute {
  return new Attribute({ type: EXTENSION_REQUEST_OID, values: [new Extensions({ extensions }).toSchema()] });
}
