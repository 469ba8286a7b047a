/**
 * How the message trace reads: Wireshark-like columns in the lab's time zone, a hex dump of the wire bytes,
 * readable values for the message fields, and the text file the lab runner writes (logs/packet-trace.txt),
 * so a download from the page and the runner's file look the same.
 */
import type { AppProtocol, Packet } from '../../sim/network';
import { sdiStamp, type TimeZoneRule } from '../../sim/time';

export const PROTOCOLS: readonly AppProtocol[] = ['DNS', 'TFTP', 'HTTP', 'TCP', 'TLS', 'CAPF', 'TVS', 'SIP', 'ICMP', 'EAPOL', 'RADIUS'];

/** "11:13:27.042" in the lab's zone. */
export function packetTime(packet: Pick<Packet, 'time'>, zone: TimeZoneRule): string {
  return sdiStamp(packet.time, zone);
}

export function endpoint(e: Packet['from']): string {
  return `${e.host} (${e.ip}:${e.port})`;
}

/** What happened to a packet that was not delivered, as the Outcome column says it. */
export function outcomeText(packet: Pick<Packet, 'outcome' | 'note'>): string {
  if (packet.outcome === 'delivered') return '';
  return packet.note ? `${packet.outcome}: ${packet.note}` : packet.outcome;
}

export { packetLine, packetTraceText } from '../../sim/packet-text';

const hex2 = (b: number) => b.toString(16).padStart(2, '0');

/** Classic hex dump: offset, 16 bytes in hex, the printable ASCII. */
export function hexDump(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += 16) {
    const row = bytes.subarray(offset, offset + 16);
    const hex = Array.from(row, hex2).join(' ');
    const ascii = Array.from(row, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${offset.toString(16).padStart(4, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  return lines.join('\n');
}

/** A message field's value as text for the inspector. */
export function fieldValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (value instanceof Uint8Array) return `${value.length} bytes: ${Array.from(value.subarray(0, 32), hex2).join(' ')}${value.length > 32 ? ' …' : ''}`;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return value.map(fieldValue).join(', ');
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** The plain-language summary of a message, by protocol: what was asked and what came back. */
export function keyFacts(p: Packet): Array<[string, string]> {
  const d = p.detail ?? {};
  const facts: Array<[string, string]> = [];
  if (p.protocol === 'DNS') {
    if (d.name !== undefined) facts.push(['Query', `${fieldValue(d.name)}${d.qtype ? ` (type ${fieldValue(d.qtype)})` : ''}`]);
    if (d.kind === 'dns.response' || d.rcode !== undefined || d.address !== undefined) {
      facts.push(['Answer', d.address !== undefined ? fieldValue(d.address) : `no address (${fieldValue(d.rcode ?? 'no answer')})`]);
      if (d.rcode !== undefined) facts.push(['Response code', fieldValue(d.rcode)]);
    }
  }
  if (p.protocol === 'HTTP' || p.protocol === 'TFTP') {
    if (d.file !== undefined) facts.push(['File name', fieldValue(d.file)]);
    if (d.status !== undefined) facts.push(['Status', fieldValue(d.status)]);
    const size = typeof d.bytes === 'number' ? d.bytes : p.bytes?.length;
    if (size !== undefined) facts.push(['File size', `${size} bytes`]);
  }
  if (p.protocol === 'CAPF' && d.command !== undefined) facts.push(['CAPF command', fieldValue(d.command)]);
  return facts;
}

/** Bytes are dumped in full up to this size (a CAPF message); bigger files are offered as a download. */
export const HEX_DUMP_LIMIT = 2048;
