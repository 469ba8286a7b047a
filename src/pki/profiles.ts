/**
 * What each certificate the lab issues says about itself: the X.509 v3 extensions of RFC 5280 §4.2.1.3
 * (KeyUsage), §4.2.1.9 (BasicConstraints) and §4.2.1.12 (ExtKeyUsage), per certificate kind.
 *
 * Every profile lives in this one table so a reader can see at a glance which parts are documented and
 * which are LSC Lab's choice. Markers follow shared/domain.md §0:
 *   [C]   confirmed by a cited source,
 *   [2nd] community sources / public dumps of real CUCM output,
 *   [I]   our choice where no source says.
 * SubjectKeyIdentifier and AuthorityKeyIdentifier are added to every certificate (RFC 5280 §4.2.1.1–2
 * "MUST"/"SHOULD" for CA and end-entity certificates); that is not profile-specific.
 */

export type KeyUsageName =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign';

export type ExtendedKeyUsageName = 'serverAuth' | 'clientAuth' | 'ipsecEndSystem';

export const EXTENDED_KEY_USAGE_OIDS: Record<ExtendedKeyUsageName, string> = {
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  // id-kp-ipsecEndSystem (RFC 2459 §4.2.1.13; dropped from RFC 5280 but still issued by CUCM and CAPF)
  ipsecEndSystem: '1.3.6.1.5.5.7.3.5',
};

export interface CertificateProfile {
  basicConstraints: { ca: boolean; pathLength?: number; critical: boolean };
  keyUsage: { usages: readonly KeyUsageName[]; critical: boolean };
  extendedKeyUsage?: { purposes: readonly ExtendedKeyUsageName[]; critical: boolean };
  /** When set, the profile only makes sense for this key type (CallManager-ECDSA). */
  keyKind?: 'RSA' | 'EC';
}

/** The self-signed certificates a CUCM node generates, by "Certificate Purpose" (domain.md §3). */
export type ServiceCertificatePurpose = 'CAPF' | 'CallManager' | 'TVS' | 'CallManager-ECDSA' | 'ITLRecovery';

/**
 * RFC 5280 §4.2.1.9: a CA certificate whose key verifies signatures MUST carry BasicConstraints marked
 * critical — so every CA:TRUE below is critical. [I] for the criticality where no source says.
 */
const CA_CRITICAL = { ca: true, critical: true } as const;

const CALLMANAGER_KEY_USAGES = ['digitalSignature', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign'] as const;

const CALLMANAGER_EKU = { purposes: ['serverAuth', 'clientAuth', 'ipsecEndSystem'], critical: false } as const;

export const SERVICE_CERTIFICATE_PROFILES: Record<ServiceCertificatePurpose, CertificateProfile> = {
  // [C S26] from 14SU2 a CAPF certificate must have BasicConstraints CA:TRUE, pathlen:0 and KeyUsage
  // Digital Signature + Certificate Sign, or TLS to the phone fails. keyEncipherment, the criticality of
  // KeyUsage and the EKU pair are [I].
  CAPF: {
    basicConstraints: { ca: true, pathLength: 0, critical: true },
    keyUsage: { usages: ['digitalSignature', 'keyEncipherment', 'keyCertSign'], critical: true },
    extendedKeyUsage: { purposes: ['serverAuth', 'clientAuth'], critical: false },
  },
  // [2nd] KeyUsage and EKU sets (and both non-critical) as a real CUCM self-signed certificate prints them
  // in "Certificate File Data" (public dump: "Usages: digitalSignature, keyEncipherment, dataEncipherment,
  // keyAgreement, keyCertSign," / "Usage oids: 1.3.6.1.5.5.7.3.1, 1.3.6.1.5.5.7.3.2, 1.3.6.1.5.5.7.3.5,").
  // That dump has no BasicConstraints at all; we add CA:TRUE [I] because a keyCertSign certificate without
  // it is rejected by RFC 5280 path validation (and by chain.ts, as by pkijs before it).
  CallManager: {
    basicConstraints: CA_CRITICAL,
    keyUsage: { usages: CALLMANAGER_KEY_USAGES, critical: false },
    extendedKeyUsage: CALLMANAGER_EKU,
  },
  // [I] TVS is generated like CallManager (same platform code path); no source shows its extensions.
  TVS: {
    basicConstraints: CA_CRITICAL,
    keyUsage: { usages: CALLMANAGER_KEY_USAGES, critical: false },
    extendedKeyUsage: CALLMANAGER_EKU,
  },
  // [I] The EC twin of CallManager (domain.md §3 lists the purpose): encipherment bits dropped, an EC key
  // cannot encrypt.
  'CallManager-ECDSA': {
    basicConstraints: CA_CRITICAL,
    keyUsage: { usages: ['digitalSignature', 'keyAgreement', 'keyCertSign'], critical: false },
    extendedKeyUsage: CALLMANAGER_EKU,
    keyKind: 'EC',
  },
  // [I] ITLRecovery only signs ITL files (domain.md §8), so it gets signing bits and no EKU.
  ITLRecovery: {
    basicConstraints: CA_CRITICAL,
    keyUsage: { usages: ['digitalSignature', 'keyCertSign'], critical: false },
  },
};

/**
 * The LSC CAPF issues to a phone. Its subject is CUCM's (certificates.ts `lscSubject`, TAC 213407); its
 * extensions are not in any Cisco source (domain.md §14.1), so they follow usecallmanagernz capfd [2nd S23 /
 * domain.md §6.6]: CA:FALSE critical, KeyUsage digitalSignature + keyEncipherment critical, EKU serverAuth,
 * clientAuth, ipsecEndSystem, SAN URI = device name. For an EC phone key we swap keyEncipherment for keyAgreement [I]: an EC key cannot encipher, and
 * CUCM's EC certificates (CallManager-ECDSA) do the same.
 */
export function lscProfile(keyKind: 'RSA' | 'EC'): CertificateProfile {
  return {
    basicConstraints: { ca: false, critical: true },
    keyUsage: { usages: ['digitalSignature', keyKind === 'RSA' ? 'keyEncipherment' : 'keyAgreement'], critical: true },
    extendedKeyUsage: { purposes: ['serverAuth', 'clientAuth', 'ipsecEndSystem'], critical: false },
  };
}

/**
 * A plain root CA: the simulated "Cisco Manufacturing CA SHA2" (domain.md §10 names the real one) and the
 * enterprise CA of the Offline CA path. [I] CA:TRUE critical without a path length, KeyUsage keyCertSign +
 * cRLSign critical (RFC 5280 §4.2.1.3 for a CA).
 */
export const ROOT_CA_PROFILE: CertificateProfile = {
  basicConstraints: { ca: true, critical: true },
  keyUsage: { usages: ['keyCertSign', 'cRLSign'], critical: true },
};

/**
 * The factory certificate (MIC) of a phone. [I] an end-entity TLS identity: CA:FALSE, KeyUsage
 * digitalSignature + keyEncipherment (keyAgreement for an EC key), EKU clientAuth + serverAuth. Real MICs are
 * not reproduced.
 */
export function micProfile(keyKind: 'RSA' | 'EC'): CertificateProfile {
  return {
    basicConstraints: { ca: false, critical: true },
    keyUsage: { usages: ['digitalSignature', keyKind === 'RSA' ? 'keyEncipherment' : 'keyAgreement'], critical: true },
    extendedKeyUsage: { purposes: ['clientAuth', 'serverAuth'], critical: false },
  };
}

/**
 * A CAPF certificate signed by a third-party CA (Offline CA path, domain.md §2.6): the same CA:TRUE
 * pathlen:0 + Digital Signature + Certificate Sign that 14SU2 demands [C S26], as the CAPF profile.
 */
export const THIRD_PARTY_CAPF_PROFILE: CertificateProfile = SERVICE_CERTIFICATE_PROFILES.CAPF;
