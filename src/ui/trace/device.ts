/**
 * Which messages belong to one phone: with a fleet, the ladder diagram and the topology's moving messages
 * follow a chosen device. Pure and small (the home page imports it).
 */
import type { Packet } from '../../sim/network';

function macOf(device: string): string | undefined {
  const m = /([0-9A-F]{12})$/i.exec(device);
  return m ? m[1].toUpperCase() : undefined;
}

function mentions(detail: Packet['detail'], device: string): boolean {
  const mac = macOf(device);
  for (const value of Object.values(detail ?? {})) {
    if (typeof value !== 'string') continue;
    if (value.includes(device)) return true;
    if (mac && value.toUpperCase().replace(/[^0-9A-F]/g, '').includes(mac)) return true;
  }
  return false;
}

/**
 * Whether a message belongs to what `device` is doing: it is one of its ends; or it runs between two
 * hosts that are not phones (a switch asking RADIUS) and names the device or no phone at all. Messages of
 * other phones are left out, so with a fleet each phone's ladder is its own.
 */
export function concernsDevice(p: Packet, device: string, phones: readonly string[]): boolean {
  if (!device) return true;
  if (p.from.host === device || p.to.host === device) return true;
  if (phones.includes(p.from.host) || phones.includes(p.to.host)) return false;
  if (mentions(p.detail, device)) return true;
  return !phones.some((other) => mentions(p.detail, other));
}

