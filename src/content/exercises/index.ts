/** Every exercise, in the order the Exercises page lists them. */
import { capfNotActivated } from './capf-not-activated';
import { capfRegenerated } from './capf-regenerated';
import { capfStopped } from './capf-stopped';
import { deadlinePast } from './deadline-past';
import { dnsRecordMissing } from './dns-record-missing';
import { dot1x } from './dot1x';
import { doubleActivateExpired } from './double-activate-expired';
import { doubleLateDns } from './double-late-dns';
import { doubleLateStopped } from './double-late-stopped';
import { itlMismatch } from './itl-mismatch';
import { lscInstall } from './lsc-install';
import { mysteryConnection } from './mystery-connection';
import { mysteryTrust } from './mystery-trust';
import { offlineCa } from './offline-ca';
import { port3804Blocked } from './port-3804-blocked';
import { tvsDown } from './tvs-down';
import type { Exercise } from './types';

export const EXERCISES: readonly Exercise[] = [
  lscInstall,
  capfNotActivated,
  capfStopped,
  port3804Blocked,
  capfRegenerated,
  dnsRecordMissing,
  deadlinePast,
  itlMismatch,
  tvsDown,
  offlineCa,
  dot1x,
  doubleActivateExpired,
  doubleLateStopped,
  doubleLateDns,
  mysteryConnection,
  mysteryTrust,
];

export function findExercise(id: string): Exercise | undefined {
  return EXERCISES.find((e) => e.id === id);
}

export type { Exercise } from './types';
