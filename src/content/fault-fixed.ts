/**
 * When each fault of the catalogue (src/sim/faults.ts) is fixed: its cause is gone from the world — not
 * merely "an LSC is installed" (a learner can install one around some faults, and a fix of the wrong thing
 * must not count). The Faults page marks a fault *Fixed* from these, the exercises grade with them, and a
 * fixed fault is not re-applied when another fault starts a new lab.
 */
import { allPass, type CheckRef } from './checks';
import type { LabWorld } from '../sim/world';

export const FAULT_FIXED: Record<string, readonly CheckRef[]> = {
  'capf.not-activated': [{ check: 'service.activated' }, { check: 'service.running' }, { check: 'tftp.itlCarriesCurrentCapf' }],
  'capf.service-stopped': [{ check: 'service.running' }],
  'capf.cert-regenerated': [{ check: 'tftp.itlCarriesCurrentCapf' }],
  'network.capf-port-blocked': [{ check: 'network.portOpen' }],
  'dns.capf-host-missing': [{ check: 'dns.resolves' }],
  'capf.deadline-passed': [{ check: 'phone.operationNotLate' }],
  'auth.wrong-string': [{ check: 'phone.authenticationStringMatches' }],
  'auth.foreign-lsc': [{ check: 'phone.authenticationModeUsable' }],
  'auth.mic-untrusted': [{ check: 'capf.trustsManufacturingCa' }],
  'itl.phone-mismatch': [{ check: 'phone.itlCarriesCurrentCapf' }],
  'itl.corrupted': [{ check: 'phone.holdsServedItl' }],
  'itl.cscus33755': [{ check: 'db.replicationHealthy' }, { check: 'tftp.itlCarriesCurrentCapf' }],
  'tvs.down': [{ check: 'service.running', args: { service: 'tvs' } }],
  'phone.keygen-timeout': [{ check: 'phone.keySettingsFeasible' }],
  'capf.ec-only-unsupported': [{ check: 'phone.keySettingsFeasible' }],
  'capf.cert-expired': [{ check: 'capf.certificateValid' }, { check: 'tftp.itlCarriesCurrentCapf' }],
  'phone.no-sbd': [{ check: 'phone.supportsSecurityByDefault' }],
  'phone.foreign-itl': [{ check: 'phone.itlFromThisCluster' }],
};

export function fixedChecks(faultId: string): readonly CheckRef[] {
  return FAULT_FIXED[faultId] ?? [];
}

/**
 * The fault's cause is gone from this world (a fault without checks is never called fixed), on the phone it
 * was aimed at (`device`; the checks' default is the scenario's first phone).
 */
export function isFaultFixed(world: LabWorld, faultId: string, device?: string): boolean {
  const checks = FAULT_FIXED[faultId];
  if (!checks?.length) return false;
  return allPass(world, device ? checks.map((c) => ({ ...c, args: { ...c.args, device } })) : checks);
}
