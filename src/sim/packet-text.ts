/**
 * The packet trace as text — one line per message, as `logs/packet-trace.txt` of the lab runner and the
 * Message trace's download both write it (time in UTC ISO form, so a capture from any lab reads the same).
 */
import type { Packet } from './network';

export function packetLine(p: Packet): string {
  const outcome = p.outcome === 'delivered' ? '' : ` [${p.outcome}${p.note ? `: ${p.note}` : ''}]`;
  return `${String(p.no).padStart(5)} ${new Date(p.time).toISOString()} ${p.from.host}(${p.from.ip}):${p.from.port} → ${p.to.host}(${p.to.ip}):${p.to.port} ${p.protocol} ${p.summary}${outcome}`;
}

export function packetTraceText(packets: readonly Packet[]): string {
  return `${packets.map(packetLine).join('\n')}\n`;
}
