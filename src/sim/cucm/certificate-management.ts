/**
 * "Cisco Unified OS Administration > Security > Certificate Management" (domain.md §3): Regenerate, Generate
 * CSR, Upload Certificate/Certificate chain, Delete — with their side effects as CUCM has them:
 *
 * - regenerating (or importing a CA-signed) CAPF certificate while the CAPF service is activated and started
 *   makes CUCM reset the phones (seed warning, CSCue55353);
 * - a regenerated certificate is used at once by its service, but the ITL keeps the old one until Cisco TFTP
 *   restarts (tftp.machine.ts) — which is how a regenerated CAPF certificate breaks the phone's TLS pin;
 * - a new CAPF certificate is added to CAPF-trust and CallManager-trust; the old one stays there until deleted
 *   (S2: old LSCs stay valid as long as the old CAPF certificate is trusted);
 * - an uploaded identity certificate must answer the CSR CUCM generated (same key), and its issuer must
 *   already be in the matching trust store.
 */
import { createServiceCertificate } from '../../pki/certificates';
import { createCsr } from '../../pki/csr';
import { bytesEqual, fromPemAll, toPem } from '../../pki/encode';
import { generateKeyPair, type KeySpec } from '../../pki/keys';
import { verifyChain } from '../../pki/chain';
import { clusterSubject, commonName } from '../../pki/names';
import { describeCertificate, type CertificateInfo } from '../../pki/parse';
import type { SimEnv } from '../env';
import { fiveYearsFrom } from '../install';
import type { CertificatePurpose, IdentityPurpose, StoredCertificate, TrustPurpose } from './certificates';
import { SELF_SIGNED_DESCRIPTION, TRUST_PURPOSES } from './certificates';

export { IDENTITY_PURPOSES, TRUST_PURPOSES } from './certificates';

/** Which trust store vouches for a CA-signed identity certificate of each purpose (domain.md §2.6). */
const TRUST_FOR: Partial<Record<IdentityPurpose, TrustPurpose>> = {
  CAPF: 'CAPF-trust',
  CallManager: 'CallManager-trust',
  TVS: 'TVS-trust',
};

export type ManagementResult = { ok: true; message: string; pem?: string } | { ok: false; error: string };

function keySpecFor(env: SimEnv, purpose: IdentityPurpose): KeySpec {
  if (purpose === 'CallManager-ECDSA') return { kind: 'EC', curve: 'P-384' };
  if (purpose === 'CAPF') return { kind: 'RSA', bits: env.db.capfParameters.keySize as 1024 | 2048 | 4096 };
  return { kind: 'RSA', bits: 2048 };
}

function describe(der: Uint8Array): CertificateInfo {
  const info = describeCertificate(der);
  if (!info.ok) throw new Error(info.error);
  return info.value;
}

/** Add a cluster's own new CAPF certificate to the trust stores that must know it, keeping the old one. */
function trustNewCapf(env: SimEnv, entry: StoredCertificate): void {
  for (const node of env.scenario.nodes) {
    for (const purpose of ['CAPF-trust', 'CallManager-trust'] as const) {
      env.certs.addTrust(node.name, purpose, entry.der, entry.info, 'CAPF certificate of this cluster');
    }
  }
}

/** "Regenerate" on the Certificate Details page: a new key and a new self-signed certificate, same CN. */
export async function regenerateCertificate(env: SimEnv, node: string, purpose: IdentityPurpose): Promise<ManagementResult> {
  const old = env.certs.identity(node, purpose);
  if (!old) return { ok: false, error: `${node} has no ${purpose} certificate.` };
  const at = env.clock.now();
  const spec = keySpecFor(env, purpose);
  const keys = await generateKeyPair(spec);
  const der = await createServiceCertificate({
    profile: purpose,
    subject: clusterSubject(commonName(old.info.subject)),
    keys,
    serialNumber: env.random.fork(`${node}/${purpose}/regenerate/${at}`).serialNumber(),
    notBefore: new Date(at),
    notAfter: fiveYearsFrom(at),
  });
  const entry = env.certs.setIdentity({ node, purpose, der, info: describe(der), keys, type: 'Self-signed', description: SELF_SIGNED_DESCRIPTION });
  if (purpose === 'CAPF') trustNewCapf(env, entry);
  return { ok: true, message: 'Success: Certificate Regenerated' };
}

/** "Generate CSR": a new key pair kept by CUCM, and the PKCS#10 request to hand to a CA. */
export async function generateCsr(env: SimEnv, node: string, purpose: IdentityPurpose): Promise<ManagementResult> {
  const current = env.certs.identity(node, purpose);
  if (!current) return { ok: false, error: `${node} has no ${purpose} certificate.` };
  const keys = await generateKeyPair(keySpecFor(env, purpose));
  const der = await createCsr({ subject: clusterSubject(commonName(current.info.subject)), keys });
  env.certs.setPendingCsr(node, purpose, { node, purpose, keys, der });
  return { ok: true, message: `Success: CSR generated for ${purpose}`, pem: toPem(der, 'CERTIFICATE REQUEST') };
}

/**
 * "Upload Certificate/Certificate chain". For a trust purpose every certificate of the file goes into that
 * store. For an identity purpose the first certificate must answer the pending CSR and chain to the trust
 * store; the others in the file are taken as its chain and trusted.
 */
export async function uploadCertificate(
  env: SimEnv,
  node: string,
  purpose: CertificatePurpose,
  pemText: string,
  description: string,
): Promise<ManagementResult> {
  const decoded = fromPemAll(pemText, 'CERTIFICATE');
  if (!decoded.ok) return { ok: false, error: `Upload failed: ${decoded.error}` };
  const infos: CertificateInfo[] = [];
  for (const der of decoded.value) {
    const info = describeCertificate(der);
    if (!info.ok) return { ok: false, error: `Upload failed: the file is not a valid certificate (${info.error})` };
    infos.push(info.value);
  }
  if ((TRUST_PURPOSES as string[]).includes(purpose)) {
    const trust = purpose as TrustPurpose;
    // CUCM reserves "CAPF-" names for its own CAPF certificates (domain.md §2.6).
    const reserved = infos.find((i) => commonName(i.subject).startsWith('CAPF-') && !env.certs.all().some((e) => e.type !== 'trust-certs' && bytesEqual(e.der, i.der)));
    if (reserved && !reserved.isCA) return { ok: false, error: 'Upload failed: a CA certificate Common Name must not contain "CAPF-".' };
    for (const info of infos) env.certs.addTrust(node, trust, info.der, info, description);
    return { ok: true, message: `Success: Certificate Uploaded (${infos.length} to ${trust})` };
  }
  const identity = purpose as IdentityPurpose;
  const csr = env.certs.pendingCsr(node, identity);
  if (!csr) return { ok: false, error: `Upload failed: no CSR was generated for ${identity} on ${node}. Generate CSR first.` };
  const [leaf, ...chain] = infos;
  const csrSpki = new Uint8Array(await crypto.subtle.exportKey('spki', csr.keys.publicKey));
  if (!bytesEqual(leaf.spki, csrSpki)) {
    return { ok: false, error: 'Upload failed: the certificate does not match the CSR generated for this certificate purpose.' };
  }
  const trustPurpose = TRUST_FOR[identity];
  for (const info of chain) if (trustPurpose) env.certs.addTrust(node, trustPurpose, info.der, info, description);
  const trusted = trustPurpose ? env.certs.trust(node, trustPurpose).map((t) => t.der) : [];
  const verdict = await verifyChain({ leaf: leaf.der, trusted, at: new Date(env.clock.now()) });
  if (!verdict.ok) {
    return { ok: false, error: `Upload failed: the issuer of this certificate is not in ${trustPurpose ?? 'the trust store'} (${verdict.reason}). Upload the CA certificate to ${trustPurpose} first.` };
  }
  const entry = env.certs.setIdentity({ node, purpose: identity, der: leaf.der, info: leaf, keys: csr.keys, type: 'CA-signed', description: description || 'CA-signed certificate' });
  env.certs.setPendingCsr(node, identity, null);
  if (identity === 'CAPF') trustNewCapf(env, entry);
  return { ok: true, message: 'Success: Certificate Uploaded' };
}

export function deleteTrustCertificate(env: SimEnv, node: string, purpose: TrustPurpose, fileName: string): ManagementResult {
  return env.certs.removeTrust(node, purpose, fileName)
    ? { ok: true, message: `Success: ${fileName} deleted from ${purpose}` }
    : { ok: false, error: `${purpose} on ${node} has no ${fileName}.` };
}
