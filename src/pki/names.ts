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
import * as asn1js from 'asn1js';
import { AttributeTypeAndValue, RelativeDistinguishedNames } from 'pkijs';

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
 * Encode a DN with one AttributeTypeAndValue per RDN. pkijs' default puts every attribute into one
 * multi-valued RDN (openssl then prints `L = … + ST = …`), so the SEQUENCE OF SET is built by hand.
 * countryName is a PrintableString (RFC 5280 X520countryName), the others UTF8String.
 */
export function toRdns(dn: DistinguishedName): RelativeDistinguishedNames {
  const sequence = new asn1js.Sequence({
    value: dn.map(
      ([type, value]) =>
        new asn1js.Set({
          value: [
            new AttributeTypeAndValue({
              type: DN_OIDS[type],
              value:
                type === 'C' || type === 'serialNumber'
                  ? new asn1js.PrintableString({ value })
                  : type === 'emailAddress'
                    ? new asn1js.IA5String({ value })
                    : new asn1js.Utf8String({ value }),
            }).toSchema(),
          ],
        }),
    ),
  });
  return new RelativeDistinguishedNames({ schema: asn1js.fromBER(sequence.toBER(false)).result });
}

/** Read a DN back in encoded order; unknown attribute types are kept under their dotted OID. */
export function fromRdns(rdns: RelativeDistinguishedNames): Array<[string, string]> {
  return rdns.typesAndValues.map((tv) => [TYPE_BY_OID.get(tv.type) ?? tv.type, String(tv.value.valueBlock.value)]);
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
