/**
 * A fault's title and description in the learner's language (content/fault-texts.ts carries them; the
 * catalogue in src/sim stays English). A fault without an entry shows the catalogue's English.
 */
import type { Fault } from '../../sim/faults';
import { FAULT_TEXTS } from '../../content/fault-texts';
import { local } from '../i18n.svelte';

export function faultTitle(fault: Pick<Fault, 'id' | 'title'>): string {
  const text = FAULT_TEXTS[fault.id];
  return text ? local(text.title) : fault.title;
}

export function faultDescription(fault: Pick<Fault, 'id' | 'description'>): string {
  const text = FAULT_TEXTS[fault.id];
  return text ? local(text.description) : fault.description;
}
