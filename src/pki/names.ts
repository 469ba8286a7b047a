/**
 * Distinguished names (RFC 5280 §4.1.2.4) in the three spellings LSC Lab has to reproduce:
 *
 * - the DER form: `RDNSequence ::= SEQUENCE OF RelativeDistinguishedName`, written with **one attribute per
 *   RDN** in the order CUCM encodes its self-signed certificates: `C, O, OU, CN, ST, L` (a real CUCM
 *   certificate shows `C = US, O = …, OU = …, CN = …, ST = …, L = …` in openssl);
 * - CUCM's "Certificate File Data" form: `L=Boxborough, ST=MA, CN=CAPF-7f0ae8d7, OU=TAC, O=Cisco Systems, C=US`
 *   — Java's X500Principal prints the last RDN first (RFC 2253 order), which is why the seed reads `L=…` first;
 * - the ITL/CTL form: `CN=CAPF-7f0ae8d7;OU=TAC;O=Cisco Systems;L=Boxborough;ST=MA;C=US` (CN first, then
 *   OU, O, L, ST, C, semicolon-separated — seed `show itl`, domain.md §5.1).
 */
import { DerError, expect, ia5String, oid, parseDer, printableString, readOid, readString, sequence, set, TAG, utf8String, type Node } from './asn1';
import { toHex } from './encode';

export type DnAttributeType = 'CN' | 'OU' | 'O' | 'L' | 'ST' | 'C' | 'serialNumber' | 'emailAddress';
/** A distinguished name as an ordered list of single-attribute RDNs. */
export type DistinguishedName = ReadonlyArray<readonly [DnAttributeType, string]>;

export const DN_OIDS: Record<DnAttributeType, string> = {
  CN: '2.5.4.3',
  OU: '2.5.4.11',
  O: '2.5.4.10',
  L: '2.5.4.7',
  ST: '2.5.4.8',
  C: '2.5.4.6',
  serialNumber: '2.5.4.5',
  emailAddress: '1.2.840.113549.1.9.1',
};
const TYPE_BY_OID = new Map(Object.entries(DN_OIDS).map(([t, oid]) => [oid, t as DnAttributeType]));

/** Subject fields of the seed lab's cluster certificates (CAPF, CallManager, TVS, ITLRecovery). */
export const SEED_ORGANISATION = { L: 'Boxborough', ST: 'MA', OU: 'TAC', O: 'Cisco Systems', C: 'US' } as const;

/** `C, O, OU, CN=<cn>, ST, L` — the encoding order of CUCM's self-signed certificates (printed reversed). */
export interface Organisation {
  L: string;
  ST: string;
  OU: string;
  O: string;
  C: string;
}

export function clusterSubject(cn: string, org: Organisation = SEED_ORGANISATION): DistinguishedName {
  return [
    ['C', org.C],
    ['O', org.O],
    ['OU', org.OU],
    ['CN', cn],
    ['ST', org.ST],
    ['L', org.L],
  ];
}

/**
 * Encode a DN (DER `Name`) with one AttributeTypeAndValue per RDN: CUCM writes six single-attribute RDNs,
 * never one multi-valued RDN (openssl would print `L = … + ST = …`). countryName and serialNumber are
 * PrintableStrings (RFC 5280 X520countryName, X520SerialNumber), emailAddress an IA5String (PKCS#9), the
 * others UTF8String.
 */
export function toRdns(dn: DistinguishedName): Uint8Array {
  return sequence(
    ...dn.map(([type, value]) =>
      set(
        sequence(
          oid(DN_OIDS[type]),
          type === 'C' || type === 'serialNumber' ? printableString(value) : type === 'emailAddress' ? ia5String(value) : utf8String(value),
        ),
      ),
    ),
  );
}

/** One attribute of a Name as read: its type's OID and its value's TLV. */
interface NameAttribute {
  type: string;
  value: Node;
}

/** The attributes of a DER Name in encoded order (multi-valued RDNs flattened), checked against its schema. */
export function nameAttributes(name: Node, what = 'The name'): NameAttribute[] {
  const out: NameAttribute[] = [];
  for (const rdn of expect(name, TAG.SEQUENCE, what).children) {
    for (const atv of expect(rdn, TAG.SET, `An RDN of ${what.toLowerCase()}`).children) {
      const seq = expect(atv, TAG.SEQUENCE, `An attribute of ${what.toLowerCase()}`);
      if (seq.children.length !== 2) throw new DerError(`The attribute at byte ${seq.offset} is not a type and a value`);
      out.push({ type: readOid(seq.children[0], 'An attribute type'), value: seq.children[1] });
    }
  }
  return out;
}

/**
 * Read a DN back in encoded order; unknown attribute types are kept under their dotted OID, and a value
 * that is not a string is shown as `#` and its DER in hex (RFC 4514 §2.4).
 */
export function fromRdns(name: Node | Uint8Array): Array<[string, string]> {
  const node = name instanceof Uint8Array ? parseDer(name) : name;
  return nameAttributes(node).map(({ type, value }) => [TYPE_BY_OID.get(type) ?? type, readString(value) ?? `#${toHex(value.der)}`]);
}

/** X.520 comparison as path building does it (pkijs did it so, openssl much the same): trimmed, inner spaces collapsed, case-folded. */
function prepared(s: string): string {
  return s.trim().replace(/ +/g, ' ').toLowerCase();
}

/**
 * Whether two Names are the same name: the same attribute types in the same order, string values equal
 * after {@link prepared}, any other value byte for byte (RFC 5280 §7.1).
 */
export function namesEqual(a: Node, b: Node): boolean {
  if (a.der.length === b.der.length && a.der.every((x, i) => x === b.der[i])) return true;
  let x: NameAttribute[];
  let y: NameAttribute[];
  try {
    x = nameAttributes(a);
    y = nameAttributes(b);
  } catch {
    return false;
  }
  if (x.length !== y.length) return false;
  return x.every((p, i) => {
    const q = y[i];
    if (p.type !== q.type) return false;
    const s = readString(p.value);
    const t = readString(q.value);
    if ((s === undefined) !== (t === undefined)) return false;
    if (s !== undefined && t !== undefined) return prepared(s) === prepared(t);
    return p.value.der.length === q.value.der.length && p.value.der.every((v, j) => v === q.value.der[j]);
  });
}

/** "L=Boxborough, ST=MA, CN=CAPF-7f0ae8d7, OU=TAC, O=Cisco Systems, C=US": last RDN first, as Java prints a Name. */
export function formatCucmName(dn: ReadonlyArray<readonly [string, string]>): string {
  return [...dn]
    .reverse()
    .map(([t, v]) => `${t}=${v}`)
    .join(', ');
}

const ITL_ORDER = ['CN', 'OU', 'O', 'L', 'ST', 'C'];

/** "CN=CAPF-7f0ae8d7;OU=TAC;O=Cisco Systems;L=Boxborough;ST=MA;C=US" — attributes outside the usual six follow. */
export function formatItlName(dn: ReadonlyArray<readonly [string, string]>): string {
  const rank = (t: string) => {
    const i = ITL_ORDER.indexOf(t);
    return i < 0 ? ITL_ORDER.length : i;
  };
  return [...dn]
    .map((a, i) => ({ a, i }))
    .sort((x, y) => rank(x.a[0]) - rank(y.a[0]) || x.i - y.i)
    .map(({ a: [t, v] }) => `${t}=${v}`)
    .join(';');
}

/** The value of the first CN attribute, or '' when there is none. */
export function commonName(dn: ReadonlyArray<readonly [string, string]>): string {
  return dn.find(([t]) => t === 'CN')?.[1] ?? '';
}
