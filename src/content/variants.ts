/**
 * Per-student variants (issue: classroom exercises). In class mode the seed comes from the class code and
 * the student's name, and each student's lab differs: the phone has its own MAC — so its own device name —
 * and its own address. An action list made for one student's lab therefore does not fit another's.
 * Outside class mode the scenario keeps the article's names (SEP682C7B5C2342).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { Random } from '../sim/random';
import type { Scenario } from '../sim/scenario';

/**
 * The text a class code or a name is compared as: trimmed, NFC-normalised and case-folded (upper then
 * lower case, so "ß" and "SS" fold alike), the same in the browser and the runner.
 */
export function foldText(text: string): string {
  return text.trim().normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

/** A student's seed: SHA-256 over the folded class code and name (separated by a newline), 16 hex digits. */
export function classSeed(classCode: string, student: string): string {
  const digest = sha256(new TextEncoder().encode(`${foldText(classCode)}\n${foldText(student)}`));
  return Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The scenario as one student's lab has it: each phone keeps its vendor's OUI and gets its own serial part. */
export function classVariant(scenario: Scenario, seed: number | string): Scenario {
  const random = new Random(seed, 'class-variant');
  const s = structuredClone(scenario);
  const taken = new Set<string>();
  for (const phone of s.phones) {
    const oui = phone.deviceName.replace(/^SEP/, '').slice(0, 6);
    let mac: string;
    do mac = `${oui}${random.hex(3).toUpperCase()}`;
    while (taken.has(mac));
    taken.add(mac);
    const old = phone.deviceName;
    phone.deviceName = `SEP${mac}`;
    phone.description = phone.description.replace(old, phone.deviceName);
    const octets = phone.ip.split('.');
    octets[3] = String(100 + random.int(0, 150));
    phone.ip = octets.join('.');
  }
  return s;
}
