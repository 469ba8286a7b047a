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

/** The phones of a lab as a set, with their MACs: a fleet has a thousand, looked up once per message. */
interface PhoneIndex {
  names: Set<string>;
  macs: Set<string>;
}

const indexes = new WeakMap<readonly string[], PhoneIndex>();

function indexOf(phones: readonly string[]): PhoneIndex {
  let index = indexes.get(phones);
  if (!index) {
    index = { names: new Set(phones), macs: new Set(phones.map(macOf).filter((m): m is string => m !== undefined)) };
    indexes.set(phones, index);
  }
  return index;
}

/** Whether the message's fields name any phone of the lab (by name, or by its MAC in any spelling). */
function mentionsAnyPhone(detail: Packet['detail'], index: PhoneIndex): boolean {
  for (const value of Object.values(detail ?? {})) {
    if (typeof value !== 'string') continue;
    const hex = value.toUpperCase().replace(/[^0-9A-F]/g, '');
    for (let i = 0; i + 12 <= hex.length; i++) if (index.macs.has(hex.slice(i, i + 12))) return true;
    for (const name of index.names) if (!macOf(name) && value.includes(name)) return true;
  }
  return false;
}

/**
 * Whether a message belongs to what `device` is doing: it is one of its ends; or it runs between two
 * hosts that are not phones (a switch asking RADIUS) and names the device or no phone at all. Messages of
 * other phones are left out, so with a fleet each phone's ladder is its own. `phones` is looked up through
 * an index kept per array, so pass the same array for a whole list.
 */
export function concernsDevice(p: Packet, device: string, phones: readonly string[]): boolean {
  if (!device) return true;
  if (p.from.host === device || p.to.host === device) return true;
  const index = indexOf(phones);
  if (index.names.has(p.from.host) || index.names.has(p.to.host)) return false;
  if (mentions(p.detail, device)) return true;
  return !mentionsAnyPhone(p.detail, index);
}
