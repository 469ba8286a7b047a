/**
 * The lab's third-party certificate authority — the enterprise CA of the Offline CA path (domain.md §2.6):
 * a learner hands it a CSR (CUCM's "Generate CSR" for CAPF, or a phone's CSR that CAPF kept when
 * "Certificate Issuer to Endpoint" is Offline CA) and gets back a certificate signed by it, plus the CA's own
 * certificate to upload to CAPF-trust. It is created on first use, with a real key.
 */
import { createRootCa, issueLscFromRequest, signCsrAsCa } from '../pki/certificates';
import { describeCsr } from '../pki/csr';
import { fromPem, toPem, type Decoded } from '../pki/encode';
import { generateKeyPair } from '../pki/keys';
import { commonName, type DistinguishedName } from '../pki/names';
import { publisher, type SimEnv } from './env';
import { labCaRecord } from './lab-ca-record';
export { labCaRecord, type LabCaRecord } from './lab-ca-record';

const DAY = 86400000;

/** "LSC Lab Issuing CA": its CN must not contain "CAPF-" (reserved by CUCM, domain.md §2.6). */
export const LAB_CA_SUBJECT: DistinguishedName = [
  ['C', 'US'],
  ['O', 'LSC Lab Enterprise PKI'],
  ['CN', 'LSC Lab Issuing CA'],
];

export interface LabCa {
  der: Uint8Array;
  keys: CryptoKeyPair;
}

const cas = new WeakMap<SimEnv, Promise<LabCa>>();

export function labCa(env: SimEnv): Promise<LabCa> {
  let ca = cas.get(env);
  if (!ca) {
    const at = env.clock.now() - 365 * DAY;
    const serialNumber = env.random.fork('lab-ca').serialNumber();
    ca = (async () => {
      const keys = await generateKeyPair({ kind: 'RSA', bits: 2048 });
      const der = await createRootCa({ subject: LAB_CA_SUBJECT, keys, serialNumber, notBefore: new Date(at), notAfter: new Date(at + 10 * 365 * DAY) });
      labCaRecord(env).certificate = der;
      return { der, keys };
    })();
    cas.set(env, ca);
  }
  return ca;
}

/**
 * Sign a PEM CSR: a CAPF request (CN "CAPF-…") becomes a CA-signed CAPF certificate (CA:TRUE, pathlen 0);
 * a phone's request as CAPF exports it (CN "CP-<model>-SEP…", signed by CAPF) becomes an LSC. The answer is
 * the certificate, then the CA's.
 */
export async function signWithLabCa(env: SimEnv, csrPem: string): Promise<Decoded<{ certificate: string; ca: string }>> {
  const csr = fromPem(csrPem ?? '', 'CERTIFICATE REQUEST');
  if (!csr.ok) return { ok: false, error: `The CA could not read the request: ${csr.error}` };
  const described = describeCsr(csr.value);
  if (!described.ok) return { ok: false, error: `The CA could not read the request: ${described.error}` };
  const cn = commonName(described.value.subject);
  const ca = await labCa(env);
  const now = env.clock.now();
  const serialNumber = env.random.fork(`lab-ca/${cn}/${now}`).serialNumber();
  let signed: Decoded<Uint8Array>;
  if (cn.startsWith('CAPF-')) {
    signed = await signCsrAsCa({ csr: csr.value, caCertificate: ca.der, caPrivateKey: ca.keys.privateKey, serialNumber, notBefore: new Date(now), notAfter: new Date(now + 5 * 365 * DAY), profile: 'CAPF' });
  } else if (/^CP-\w+-SEP[0-9A-F]{12}$/i.test(cn)) {
    // A phone's request as CAPF exports it (Offline CA): signed by CAPF, not by the phone (pki/csr.ts).
    const capf = env.certs.identity(publisher(env).name, 'CAPF');
    if (!capf) return { ok: false, error: 'The CA cannot check the request: the cluster has no CAPF certificate.' };
    signed = await issueLscFromRequest({ csr: csr.value, registrationAuthority: capf.der, caCertificate: ca.der, caPrivateKey: ca.keys.privateKey, serialNumber, notBefore: new Date(now), validityDays: env.db.capfParameters.durationOfCertificateValidity });
  } else {
    return { ok: false, error: `This CA signs CAPF requests (CN CAPF-…) and phone requests (CN CP-<model>-SEP…), not "${cn || 'an empty name'}".` };
  }
  if (!signed.ok) return signed;
  labCaRecord(env).issued.push(signed.value);
  return { ok: true, value: { certificate: toPem(signed.value, 'CERTIFICATE'), ca: toPem(ca.der, 'CERTIFICATE') } };
}
