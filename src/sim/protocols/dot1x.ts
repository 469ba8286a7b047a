/**
 * 802.1X as the phone meets it on its switch port (EAP-TLS: IEEE 802.1X EAPOL between phone and switch,
 * RADIUS between switch and the policy server, RFC 3579/5216). The phone presents its LSC if it has one,
 * else its MIC (domain.md §10, S2); the policy decides from the certificate's issuer.
 */
export const RADIUS_PORT = 1812;
/** The lab carries EAPOL frames on a pseudo port of the switch (layer 2 has no ports). */
export const EAPOL_PORT = 0x888e;

export interface EapolStart {
  kind: 'eapol.start';
  /** "CP-8845-SEP682C7B5C2342" — the EAP identity. */
  identity: string;
  certificate: Uint8Array;
  /** Which certificate the phone presented. */
  certificateType: 'LSC' | 'MIC';
}

export interface EapolResult {
  kind: 'eapol.result';
  success: boolean;
}

export interface RadiusAccessRequest {
  kind: 'radius.accessRequest';
  id: number;
  identity: string;
  certificate: Uint8Array;
  nasPort: string;
}

export interface RadiusAnswer {
  kind: 'radius.answer';
  id: number;
  accept: boolean;
  /** ISE-style reason: "12514 EAP-TLS failed SSL/TLS handshake because of an unknown CA in the client certificates chain". */
  reason: string;
}
