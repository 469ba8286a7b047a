/**
 * CUCM's "Certificate File Data" — the text block on Cisco Unified OS Administration > Security >
 * Certificate Management > (certificate) > Certificate Details (domain.md §3). It is CUCM's Java
 * rendering of the X.509 fields of RFC 5280 §4.1: version, serialNumber, signature algorithm, issuer,
 * validity, subject, subjectPublicKeyInfo (the RSA key as its PKCS#1 RSAPublicKey DER, RFC 8017 A.1.1),
 * then the v3 extensions and the signature.
 *
 * Where each part of the layout comes from (markers as in domain.md §0):
 * - `[` … `Key value:` and the key hex: [C S1] the seed article, reproduced exactly — every line flush left
 *   with single spaces (the seed's copy dropped CUCM's indentation; we follow the seed), "Validity From:"
 *   and "To:" on separate lines, the key hex on the lines after "Key value:".
 * - The extension blocks ("Extensions: N present", `[`, "Extension: KeyUsage (OID.2.5.29.15)",
 *   "Critical: false", "Usages: …,", `]`) and the "Signature:" hex dump: [2nd] public dumps of real CUCM
 *   Certificate File Data (the seed block is cut off after the key). Names and value lines are those
 *   dumps' for KeyUsage, ExtKeyUsageSyntax, SubjectKeyIdentifier, AuthorityKeyIdentifier,
 *   BasicConstraints ("cA: true") and SubjectAltName (dNSName entries).
 * - [I] our choice, seen in no dump: the "pathLenConstraint: N" line, the "(uniformResourceIdentifier)"
 *   label of a SAN URI, the padding of a short last signature row, the EC "Key value" (the uncompressed
 *   point), and unknown extensions printed by OID with no value line.
 *
 * Names: Java prints a Name last RDN first (RFC 2253 order). A real CUCM self-signed certificate is
 * encoded C, O, OU, CN, ST, L (openssl shows `C = US, O = …, L = …`), which is why CUCM prints
 * "L=…, ST=…, CN=…"; names.ts encodes that order and `formatCucmName` prints it reversed.
 *
 * Dates are formatted by the caller (the simulator's clock and time zone, e.g. "Mon Nov 21 15:49:43 EST
 * 2016"): this module never decides a time zone.
 */
import { expect, parseDer, readBitString, readBoolean, readOid, readSmallInteger, TAG, type Node } from './asn1';
import { toHex, type Decoded } from './encode';
import { EXTENSION_OIDS } from './extensions';
import { formatCucmName, fromRdns } from './names';
import { describePublicKeyInfo, keyUsageNames, parseCertificate, SIGNATURE_ALGORITHMS, unsignedInteger, type Extension, type X509Certificate } from './parse';

export interface CertificateFileDataExtension {
  /** Java's name for the extension: "KeyUsage", "ExtKeyUsageSyntax", … or the dotted OID when unknown. */
  name: string;
  oid: string;
  critical: boolean;
  /** The value lines under "Critical:", e.g. ["Usages: digitalSignature, keyEncipherment,"]. */
  lines: string[];
}

export interface CertificateFileDataModel {
  /** "V3" */
  version: string;
  /** Upper-case hex without leading zeros, as Java's BigInteger prints it: "64F2FE613B79C5D362E26DAB4A8B761B". */
  serialNumber: string;
  /** { name: "SHA256withRSA", oid: "1.2.840.113549.1.1.11" } */
  signatureAlgorithm: { name: string; oid: string };
  /** "L=Boxborough, ST=MA, CN=CAPF-7f0ae8d7, OU=TAC, O=Cisco Systems, C=US" */
  issuerName: string;
  validityFrom: Date;
  validityTo: Date;
  subjectName: string;
  /** { name: "RSA", oid: "1.2.840.113549.1.1.1" } or { name: "EC", oid: "1.2.840.10045.2.1" } */
  key: { name: 'RSA' | 'EC'; oid: string };
  /** Lower-case hex of the PKCS#1 RSAPublicKey DER (RSA) or the uncompressed point (EC), unbroken. */
  keyValue: string;
  /** `keyValue` broken into lines as the seed shows it (see {@link wrapKeyValue}). */
  keyValueLines: string[];
  extensions: CertificateFileDataExtension[];
  /** The certificate's signature value (BIT STRING contents). */
  signature: Uint8Array;
}

/** The names `openssl`-style views give the extensions the lab writes (the Certificate File Data, the inspector). */
export const EXTENSION_NAMES: Record<string, string> = {
  [EXTENSION_OIDS.keyUsage]: 'KeyUsage',
  [EXTENSION_OIDS.extKeyUsage]: 'ExtKeyUsageSyntax',
  [EXTENSION_OIDS.subjectKeyIdentifier]: 'SubjectKeyIdentifier',
  [EXTENSION_OIDS.authorityKeyIdentifier]: 'AuthorityKeyIdentifier',
  [EXTENSION_OIDS.basicConstraints]: 'BasicConstraints',
  [EXTENSION_OIDS.subjectAltName]: 'SubjectAltName',
};

const GENERAL_NAME_TYPES = [
  'otherName',
  'rfc822Name',
  'dNSName',
  'x400Address',
  'directoryName',
  'ediPartyName',
  'uniformResourceIdentifier',
  'iPAddress',
  'registeredID',
];

/**
 * How the seed's "Key value" hex is broken into lines. CUCM emits the hex as one unbroken run (a public
 * CUCM dump shows `Key value: 3082010a…0203010001` on a single line); the breaks in the seed (85, 85, 84,
 * 84, 85, 83 characters, some mid-byte) are the browser soft-wrapping that run in the pop-up's
 * proportional font. The rule that reproduces every seed line is a greedy fill of a 572-pixel line in
 * Arial 13 px, whose hinted advances are 7 px for 0–9, a, b, d, e, 6 px for c and 4 px for f. No
 * fixed character count fits all six lines; this width rule does, so it is what we use. [D from S1]
 */
export const KEY_VALUE_LINE_PX = 572;

function glyphPx(ch: string): number {
  return ch === 'f' ? 4 : ch === 'c' ? 6 : 7;
}

export function wrapKeyValue(hex: string): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const ch of hex) {
    const w = glyphPx(ch);
    if (width + w > KEY_VALUE_LINE_PX && line) {
      lines.push(line);
      line = '';
      width = 0;
    }
    line += ch;
    width += w;
  }
  if (line) lines.push(line);
  return lines;
}

/** Java BigInteger.toString(16), upper-cased: no leading zeros, "0" for zero. */
function javaHex(bytes: Uint8Array): string {
  return toHex(unsignedInteger(bytes)).toUpperCase().replace(/^0+(?=.)/, '');
}

function innerDer(ext: Extension): Node {
  return parseDer(ext.value);
}

/** Java prints each list item followed by ", "; the seed's copy trims the trailing space. */
function javaList(items: string[]): string {
  return items.map((i) => `${i}, `).join('').trimEnd();
}

/** GeneralName's value as text: the IA5String of rfc822Name [1], dNSName [2] and URI [6], the OID of registeredID [8]. */
function generalNameValue(name: Node): string {
  const type = name.tag & 0x1f;
  if ((name.tag & 0xe0) === 0x80 && (type === 1 || type === 2 || type === 6)) return Array.from(name.value, (b) => String.fromCharCode(b)).join('');
  if (name.tag === 0x88) return readOid({ ...name, tag: TAG.OID }, 'registeredID');
  return '(binary)';
}

function extensionLines(ext: Extension): string[] {
  switch (ext.oid) {
    case EXTENSION_OIDS.keyUsage:
      return [`Usages: ${javaList(keyUsageNames(readBitString(innerDer(ext), 'KeyUsage').bytes))}`];
    case EXTENSION_OIDS.extKeyUsage: {
      const purposes = expect(innerDer(ext), TAG.SEQUENCE, 'ExtKeyUsage').children.map((p) => readOid(p, 'A key purpose'));
      return [`Usage oids: ${javaList(purposes)}`];
    }
    case EXTENSION_OIDS.subjectKeyIdentifier:
      return [`keyID: ${toHex(expect(innerDer(ext), TAG.OCTET_STRING, 'SubjectKeyIdentifier').value)}`];
    case EXTENSION_OIDS.authorityKeyIdentifier: {
      // AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] OPTIONAL, authorityCertIssuer [1], authorityCertSerialNumber [2] }
      const id = expect(innerDer(ext), TAG.SEQUENCE, 'AuthorityKeyIdentifier').children.find((c) => c.tag === 0x80);
      return id ? [`keyID: ${toHex(id.value)}`] : [];
    }
    case EXTENSION_OIDS.basicConstraints: {
      const fields = expect(innerDer(ext), TAG.SEQUENCE, 'BasicConstraints').children;
      let i = 0;
      const ca = fields[0]?.tag === TAG.BOOLEAN ? readBoolean(fields[i++], 'cA') : false;
      const pathLen = fields[i] ? readSmallInteger(fields[i++], 'pathLenConstraint') : undefined;
      if (i !== fields.length) throw new Error('BasicConstraints has extra fields');
      if (!ca) return [];
      return pathLen === undefined ? ['cA: true'] : ['cA: true', `pathLenConstraint: ${pathLen}`];
    }
    case EXTENSION_OIDS.subjectAltName: {
      const names = expect(innerDer(ext), TAG.SEQUENCE, 'SubjectAltName').children;
      return [
        `altNames: ${names.length} names`,
        ...names.map((n, i) => `${i + 1}) ${generalNameValue(n)} (${GENERAL_NAME_TYPES[n.tag & 0x1f] ?? n.tag & 0x1f})`),
      ];
    }
    default:
      return [];
  }
}

/**
 * One damaged extension must not hide the rest of the certificate (found by `npm run fuzz`: a BasicConstraints
 * or AuthorityKeyIdentifier whose value is not its ASN.1 type made the whole Certificate File Data fail).
 * [I] CUCM's wording for such a value is unknown; the line says what is wrong.
 */
function readableExtensionLines(ext: Extension): string[] {
  try {
    return extensionLines(ext);
  } catch {
    return ['(the value of this extension is not valid DER for its type)'];
  }
}

function modelOf(cert: X509Certificate): Decoded<CertificateFileDataModel> {
  const key = describePublicKeyInfo(cert.subjectPublicKeyInfo);
  if (!key.ok) return key;
  const keyValue = toHex(key.value.kind === 'RSA' ? key.value.pkcs1 : key.value.point);
  const sigOid = cert.signatureAlgorithm.oid;
  return {
    ok: true,
    value: {
      version: `V${cert.version + 1}`,
      serialNumber: javaHex(cert.serialNumber),
      signatureAlgorithm: { name: SIGNATURE_ALGORITHMS[sigOid] ?? sigOid, oid: sigOid },
      issuerName: formatCucmName(fromRdns(cert.issuer)),
      validityFrom: cert.notBefore,
      validityTo: cert.notAfter,
      subjectName: formatCucmName(fromRdns(cert.subject)),
      key: { name: key.value.kind, oid: cert.subjectPublicKeyInfo.algorithm.oid },
      keyValue,
      keyValueLines: wrapKeyValue(keyValue),
      extensions: cert.extensions.map((ext) => ({
        name: EXTENSION_NAMES[ext.oid] ?? ext.oid,
        oid: ext.oid,
        critical: ext.critical,
        lines: readableExtensionLines(ext),
      })),
      signature: cert.signature.bytes.slice(),
    },
  };
}

/** The structured fields behind the text, for a UI that lays them out itself. */
export function certificateFileDataModel(der: Uint8Array): Decoded<CertificateFileDataModel> {
  const parsed = parseCertificate(der);
  if (!parsed.ok) return parsed;
  try {
    return modelOf(parsed.value);
  } catch (e) {
    return { ok: false, error: `The certificate is malformed (${(e as Error).message}).` };
  }
}

/** "0000: 38 8f 5a … [8.Z.w....I.s\d.T]" — 16 bytes a row, printable ASCII shown, the rest as dots. */
function signatureRows(signature: Uint8Array): string[] {
  const rows: string[] = [];
  for (let offset = 0; offset < signature.length; offset += 16) {
    const chunk = signature.subarray(offset, offset + 16);
    const hex = Array.from(chunk, (b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = Array.from(chunk, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    rows.push(`${offset.toString(16).padStart(4, '0')}: ${hex.padEnd(47)} [${ascii}]`);
  }
  return rows;
}

export interface CertificateFileDataOptions {
  /** Include the "Extensions: N present" blocks ([2nd], see the module comment). Default true. */
  extensions?: boolean;
  /** Include the "Signature:" hex dump ([2nd]). Default true. */
  signature?: boolean;
}

/**
 * The "Certificate File Data" text, one line per `\n`, from `[` to `]`. With both options false it is
 * exactly the part the seed documents, closed by `]`.
 */
export function certificateFileData(
  der: Uint8Array,
  formatDate: (d: Date) => string,
  options: CertificateFileDataOptions = {},
): Decoded<string> {
  const model = certificateFileDataModel(der);
  if (!model.ok) return model;
  const m = model.value;
  const lines = [
    '[',
    `Version: ${m.version}`,
    `Serial Number: ${m.serialNumber}`,
    `Signature Algorithm: ${m.signatureAlgorithm.name} (${m.signatureAlgorithm.oid})`,
    `Issuer Name: ${m.issuerName}`,
    `Validity From: ${formatDate(m.validityFrom)}`,
    `To: ${formatDate(m.validityTo)}`,
    `Subject Name: ${m.subjectName}`,
    `Key: ${m.key.name} (${m.key.oid})`,
    'Key value:',
    ...m.keyValueLines,
  ];
  if (options.extensions ?? true) {
    lines.push(`Extensions: ${m.extensions.length} present`);
    for (const ext of m.extensions) {
      lines.push('[', `Extension: ${ext.name} (OID.${ext.oid})`, `Critical: ${ext.critical}`, ...ext.lines, ']');
    }
  }
  if (options.signature ?? true) {
    lines.push('', 'Signature:', ...signatureRows(m.signature), '');
  }
  lines.push(']');
  return { ok: true, value: lines.join('\n') };
}
