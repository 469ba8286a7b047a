/**
 * DNS messages as the lab carries them (RFC 1035 §4.1, reduced to what the phone's resolver asks: A
 * records over UDP 53). The trace's info column follows Wireshark's wording.
 */
export const DNS_PORT = 53;

export interface DnsQuery {
  kind: 'dns.query';
  id: number;
  name: string;
  qtype: 'A';
}

export interface DnsResponse {
  kind: 'dns.response';
  id: number;
  name: string;
  qtype: 'A';
  rcode: 'NOERROR' | 'NXDOMAIN';
  address?: string;
}

const hex4 = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;

export function summarizeDnsQuery(q: DnsQuery): string {
  return `Standard query ${hex4(q.id)} ${q.qtype} ${q.name}`;
}

export function summarizeDnsResponse(r: DnsResponse): string {
  return r.rcode === 'NXDOMAIN'
    ? `Standard query response ${hex4(r.id)} No such name ${r.qtype} ${r.name}`
    : `Standard query response ${hex4(r.id)} ${r.qtype} ${r.name} ${r.qtype} ${r.address}`;
}

/** True for a dotted-quad IPv4 address (then no lookup is needed). */
export function isIpv4(name: string): boolean {
  const parts = name.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}
