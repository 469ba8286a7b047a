/**
 * The "Certification Authority Proxy Function (CAPF) Information" section as the page holds it while the
 * administrator edits (strings, as form controls give them), and the checks CUCM's page makes before it
 * submits (domain.md §2.1): the authentication string is 4 to 10 digits, Operation Completes By is a real
 * date and hour. A date in the past is not refused here: CUCM saves it and CAPF later fails the operation
 * as "User Initiated Request Late/Timedout" (seed, "LSC: Failed").
 */
import type { CapfForm } from '../../sim/actions';
import type { AuthenticationMode, CapfInformation, CertificateOperation, EcKeySize, KeyOrder, RsaKeySize } from '../../sim/cucm/database';
import { operationCompletesByString, parseOperationCompletesBy, type TimeZoneRule } from '../../sim/time';

export interface CapfFields {
  certificateOperation: CertificateOperation;
  authenticationMode: AuthenticationMode;
  authenticationString: string;
  keyOrder: KeyOrder;
  rsaKeySize: string;
  ecKeySize: string;
  /** "YYYY:MM:DD:HH" */
  operationCompletesBy: string;
}

export type CapfField = keyof CapfFields;

const DAY = 86400000;

/** The default Operation Completes By: now plus the enterprise parameter "CAPF Operation Expires in (days)". */
export function defaultOperationCompletesBy(now: number, zone: TimeZoneRule, expiresInDays: number): string {
  return operationCompletesByString(now + expiresInDays * DAY, zone);
}

/**
 * The section as the page shows it for a saved record. With no operation pending the stored deadline is
 * stale, so the page offers the default horizon from now, as CUCM does.
 */
export function fieldsFromRecord(capf: CapfInformation, zone: TimeZoneRule, now: number, expiresInDays: number): CapfFields {
  return {
    certificateOperation: capf.certificateOperation,
    authenticationMode: capf.authenticationMode,
    authenticationString: capf.authenticationString,
    keyOrder: capf.keyOrder,
    rsaKeySize: String(capf.rsaKeySize),
    ecKeySize: String(capf.ecKeySize),
    operationCompletesBy:
      capf.certificateOperation === 'No Pending Operation'
        ? defaultOperationCompletesBy(now, zone, expiresInDays)
        : operationCompletesByString(capf.operationCompletesBy, zone),
  };
}

export function toCapfForm(fields: CapfFields): CapfForm {
  return {
    certificateOperation: fields.certificateOperation,
    authenticationMode: fields.authenticationMode,
    authenticationString: fields.authenticationString.trim(),
    keyOrder: fields.keyOrder,
    rsaKeySize: Number(fields.rsaKeySize) as RsaKeySize,
    ecKeySize: Number(fields.ecKeySize) as EcKeySize,
    operationCompletesBy: fields.operationCompletesBy.trim(),
  };
}

export type CapfCheck = { ok: true } | { ok: false; field: CapfField; error: string };

/** The page's own checks before Save; the same rules the action applies, with a field to point at. */
export function checkCapfFields(fields: CapfFields, zone: TimeZoneRule): CapfCheck {
  const pending = fields.certificateOperation !== 'No Pending Operation';
  if (pending && fields.authenticationMode === 'By Authentication String' && !/^\d{4,10}$/.test(fields.authenticationString.trim())) {
    return { ok: false, field: 'authenticationString', error: 'Authentication String must be 4 to 10 digits.' };
  }
  if (fields.operationCompletesBy.trim() === '') {
    return { ok: false, field: 'operationCompletesBy', error: 'Operation Completes By (YYYY:MM:DD:HH) is required.' };
  }
  const deadline = parseOperationCompletesBy(fields.operationCompletesBy, zone);
  if (!deadline.ok) return { ok: false, field: 'operationCompletesBy', error: deadline.error };
  return { ok: true };
}

/** Which field a refusal from the action is about (its messages start with the field's label). */
export function fieldOfError(error: string): CapfField | null {
  if (error.startsWith('Authentication String')) return 'authenticationString';
  if (error.startsWith('Operation Completes By')) return 'operationCompletesBy';
  if (error.startsWith('Certificate Operation')) return 'certificateOperation';
  if (error.startsWith('Authentication Mode')) return 'authenticationMode';
  if (error.startsWith('Key Order')) return 'keyOrder';
  if (error.startsWith('RSA Key Size')) return 'rsaKeySize';
  if (error.startsWith('EC Key Size')) return 'ecKeySize';
  return null;
}

/** "Generate String": a random numeric string of 4 to 10 digits, what the phone's user types in. */
export function generateAuthenticationString(randomValues: (a: Uint32Array<ArrayBuffer>) => Uint32Array = (a) => crypto.getRandomValues(a)): string {
  const r = randomValues(new Uint32Array(11));
  const length = 4 + (r[0] % 7);
  let s = '';
  for (let i = 1; i <= length; i++) s += String(r[i] % 10);
  return s;
}
