// Test certificates for the ITL layer, made by the real `openssl` CLI so that nothing in src/ grades its own
// homework, plus readers for the fixture files and the seed lab's seven-record ITL.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromPem } from '../../src/pki/encode';
import type { ItlRecordInput, TrustFileDigest, TrustFileSigner } from '../../src/itl/build';

let opensslChecked = false;

function openssl(args: string[], cwd: string): void {
  if (!opensslChecked) {
    try {
      execFileSync('openssl', ['version'], { stdio: 'pipe' });
    } catch {
      throw new Error('openssl CLI not found: install it (apt-get install -y openssl)');
    }
    opensslChecked = true;
  }
  execFileSync('openssl', args, { cwd, stdio: 'pipe' });
}

export interface TestCertificate {
  der: Uint8Array;
  /** PKCS#8 DER of the private key. */
  pkcs8: Uint8Array;
  kind: 'rsa' | 'ec';
}

export interface CertificateSpec {
  cn: string;
  /** Hex serial without 0x, e.g. the seed's "48F7D2F3A26637F2DDDFC47CE6B9CD44". */
  serial: string;
  kind?: 'rsa' | 'ec';
  /** RSA key size, 2048 by default. */
  bits?: number;
}

const cache = new Map<string, TestCertificate>();

/** A self-signed certificate with the seed lab's subject order `L, ST, CN, OU, O, C`. */
export function makeCertificate(spec: CertificateSpec): TestCertificate {
  const kind = spec.kind ?? 'rsa';
  const key = `${spec.cn}|${spec.serial}|${kind}|${spec.bits ?? 2048}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const dir = mkdtempSync(join(tmpdir(), 'itl-cert-'));
  try {
    const keyArgs =
      kind === 'rsa'
        ? ['-newkey', `rsa:${spec.bits ?? 2048}`, '-sha256']
        : ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384', '-sha384'];
    openssl(
      [
        'req', '-x509', ...keyArgs, '-nodes',
        '-subj', `/L=Boxborough/ST=MA/CN=${spec.cn}/OU=TAC/O=Cisco Systems/C=US`,
        '-set_serial', `0x${spec.serial}`,
        '-days', '1825',
        '-keyout', 'key.pem', '-outform', 'DER', '-out', 'cert.der',
      ],
      dir,
    );
    openssl(['pkcs8', '-topk8', '-nocrypt', '-in', 'key.pem', '-outform', 'DER', '-out', 'key.der'], dir);
    const cert: TestCertificate = {
      der: new Uint8Array(readFileSync(join(dir, 'cert.der'))),
      pkcs8: new Uint8Array(readFileSync(join(dir, 'key.der'))),
      kind,
    };
    cache.set(key, cert);
    return cert;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The RSA private key as WebCrypto holds it for signing with `digest` (extractable, so it can be re-bound). */
export async function rsaSigningKey(cert: TestCertificate, digest: TrustFileDigest = 'SHA-1'): Promise<CryptoKey> {
  return crypto.subtle.importKey('pkcs8', cert.pkcs8.slice().buffer, { name: 'RSASSA-PKCS1-v1_5', hash: digest }, true, ['sign']);
}

export async function signerFor(cert: TestCertificate, digest: TrustFileDigest = 'SHA-1'): Promise<TrustFileSigner> {
  return { certificate: cert.der, privateKey: await rsaSigningKey(cert, digest) };
}

/** The seed lab's certificates, serials as the seed's `show itl` prints them (S1). */
export const SEED = {
  capf: { cn: 'CAPF-7f0ae8d7', serial: '64F2FE613B79C5D362E26DAB4A8B761B' },
  tvsPub: { cn: 'ao115pub', serial: '6B993115D1555E759C428ACEF27EEAE8' },
  itlRecovery: { cn: 'ITLRECOVERY_ao115pub', serial: '51BB2F1CEE8002166269519A14F6037E' },
  tvsSub: { cn: 'ao115sub', serial: '65E51072E7F877DAF134D5E35AE01741' },
  callManagerSub: { cn: 'ao115sub', serial: '48F7D2F3A26637F2DDDFC47CE6B9CD44' },
  callManagerSubEc: { cn: 'ao115sub-EC', serial: '53CC1D87BA6A28BDDA22B249568B516C', kind: 'ec' as const },
} satisfies Record<string, CertificateSpec>;

/**
 * The ITL on the seed's subscriber ao115sub, in the seed's record order: CAPF, TVS pub, SAST ITLRecovery,
 * TVS sub, SAST ao115sub (the signer), TFTP ao115sub, TFTP ao115sub-EC.
 */
export function seedItlRecords(): { records: ItlRecordInput[]; signerCertificate: TestCertificate } {
  const cm = makeCertificate(SEED.callManagerSub);
  return {
    signerCertificate: cm,
    records: [
      { certificate: makeCertificate(SEED.capf).der, function: 'CAPF', form: 'certhash' },
      { certificate: makeCertificate(SEED.tvsPub).der, function: 'TVS', form: 'certhash' },
      { certificate: makeCertificate(SEED.itlRecovery).der, function: 'SAST', form: 'certificate' },
      { certificate: makeCertificate(SEED.tvsSub).der, function: 'TVS', form: 'certhash' },
      { certificate: cm.der, function: 'SAST', form: 'certificate' },
      { certificate: cm.der, function: 'TFTP', form: 'certificate' },
      { certificate: makeCertificate(SEED.callManagerSubEc).der, function: 'TFTP', dnsName: 'ao115sub', form: 'certificate' },
    ],
  };
}

export const FIXTURES = ['ITLFile-sha1', 'ITLFile-sha512'] as const;

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
}

export function fixtureText(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

export function fixtureCertificate(name: string): Uint8Array {
  const der = fromPem(fixtureText(name), 'CERTIFICATE');
  if (!der.ok) throw new Error(`${name}: ${der.error}`);
  return der.value;
}

/** What the independent tool printed for a fixture (`*.parsed.txt`): header fields and one object per record. */
export function readParsedTxt(name: string): { header: Record<string, string>; records: Array<Record<string, string>>; valid: boolean } {
  const blocks = fixtureText(name).trim().split(/\n\s*\n/);
  const toFields = (block: string) =>
    Object.fromEntries(
      block
        .split('\n')
        .filter((l) => l.includes(':'))
        .map((l) => {
          const i = l.indexOf(':');
          return [l.slice(0, i).trim(), l.slice(i + 1).trim()];
        }),
    );
  const last = blocks[blocks.length - 1].trim();
  return {
    header: toFields(blocks[0]),
    records: blocks.slice(1, last === 'Valid signature' ? -1 : undefined).map(toFields),
    valid: last === 'Valid signature',
  };
}
