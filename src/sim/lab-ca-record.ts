/**
 * What the enterprise CA of the Offline CA path (lab-ca.ts) has made so far, per lab: kept apart from the CA
 * itself so that naming artefacts by role and the checks can read it without loading the CA.
 */
import type { SimEnv } from './env';

/** What the CA has made so far, in order: its own certificate and every certificate it issued. */
export interface LabCaRecord {
  certificate?: Uint8Array;
  issued: Uint8Array[];
}
const records = new WeakMap<SimEnv, LabCaRecord>();

export function labCaRecord(env: SimEnv): LabCaRecord {
  let record = records.get(env);
  if (!record) {
    record = { issued: [] };
    records.set(env, record);
  }
  return record;
}

