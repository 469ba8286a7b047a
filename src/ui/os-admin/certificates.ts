/**
 * What the Certificate Management pages need to know about CUCM's certificate purposes (domain.md §3) and
 * the consequences of their buttons, kept apart from the heavy PKI code so the pages stay light.
 */
import type { CertificatePurpose, IdentityPurpose, StoredCertificate, TrustPurpose } from '../../sim/cucm/certificates';
import { ids } from '../../sim/env';
import type { LabWorld } from '../../sim/world';

export const IDENTITY_PURPOSES: IdentityPurpose[] = ['CAPF', 'CallManager', 'CallManager-ECDSA', 'TVS', 'ITLRecovery'];
export const TRUST_PURPOSES: TrustPurpose[] = ['CAPF-trust', 'CallManager-trust', 'Phone-SAST-trust', 'TVS-trust'];
/** The "Certificate Purpose" drop-down of Upload Certificate/Certificate chain, in the page's order. */
export const UPLOAD_PURPOSES: CertificatePurpose[] = ['CAPF-trust', 'CallManager-trust', 'Phone-SAST-trust', 'TVS-trust', 'CAPF', 'CallManager', 'TVS'];

export const isIdentityPurpose = (p: string): p is IdentityPurpose => (IDENTITY_PURPOSES as string[]).includes(p);
export const isTrustPurpose = (p: string): p is TrustPurpose => (TRUST_PURPOSES as string[]).includes(p);

/** "Certificate Type" of the details page: where CUCM keeps the file. */
export const certificateType = (entry: StoredCertificate) => (entry.type === 'trust-certs' ? 'trust-certs' : 'certs');

/** The CN of a name held as [type, value] pairs (what the list shows as Common Name and Issued By). */
export function cn(dn: ReadonlyArray<readonly [string, string]>): string {
  return dn.find(([t]) => t === 'CN')?.[1] ?? '';
}

/** "CAPF.pem" → "CAPF" (the base of the .PEM/.DER downloads). */
export const baseName = (fileName: string) => fileName.replace(/\.(pem|der|crt|cer)$/i, '');

/**
 * What regenerating a certificate does to the phones, as the action carries it out: CUCM resets the
 * phones when the CAPF certificate changes under a started CAPF service (seed warning, CSCue55353) and
 * whenever the CallManager or TVS certificate changes; ITLRecovery and CallManager-ECDSA leave them be.
 */
export function regenerateWarning(world: LabWorld, node: string, purpose: IdentityPurpose): { resetsPhones: boolean; text: string } {
  if (purpose === 'CAPF') {
    const started = world.stateOf(ids.capf(node)) === 'started';
    return started
      ? {
          resetsPhones: true,
          text:
            'Warning: Cisco Certificate Authority Proxy Function is activated and started. Regenerating the CAPF certificate now makes CUCM reset the phones automatically (CSCue55353) — do it in a maintenance window.',
        }
      : {
          resetsPhones: false,
          text:
            'Cisco Certificate Authority Proxy Function is not started, so the phones are not reset. The ITL keeps the old CAPF certificate until Cisco TFTP restarts on the TFTP servers.',
        };
  }
  if (purpose === 'CallManager' || purpose === 'TVS') {
    return {
      resetsPhones: true,
      text: `Warning: regenerating the ${purpose} certificate of ${node} makes CUCM reset the phones (CSCue55353) — do it in a maintenance window.`,
    };
  }
  return { resetsPhones: false, text: `Regenerating replaces the ${purpose} certificate of ${node} and its key.` };
}
