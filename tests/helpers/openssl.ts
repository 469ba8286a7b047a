/**
 * The real `openssl` CLI as the independent judge of every certificate and request LSC Lab makes:
 * each call writes its inputs to a fresh temporary directory, runs openssl there and returns what it
 * printed. A missing openssl is an error, never a skip — without it nothing here proves anything.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toPem, type PemLabel } from '../../src/pki/encode';

export interface OpensslResult {
  status: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for assertions that do not care which stream a line went to. */
  output: string;
}

let checked = false;

function requireOpenssl(): void {
  if (checked) return;
  const probe = spawnSync('openssl', ['version'], { encoding: 'utf8' });
  if ((probe.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new Error('openssl CLI not found: install it (apt-get install -y openssl) — it is the independent judge of every certificate');
  }
  if (probe.error || probe.status !== 0) throw new Error(`openssl version failed: ${probe.error?.message ?? probe.stderr}`);
  checked = true;
}

/**
 * Run `openssl <args>` with `files` (name → content) written into the working directory. A non-zero exit
 * is returned, not thrown: several tests expect openssl to refuse.
 */
export function openssl(args: string[], files: Record<string, string | Uint8Array> = {}): OpensslResult {
  requireOpenssl();
  const dir = mkdtempSync(join(tmpdir(), 'lsc-lab-openssl-'));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    // spawnSync rather than execFileSync: openssl prints verdicts such as "verify OK" on stderr even
    // when it succeeds, and a refusal (non-zero exit) is an answer the tests assert on, not an error.
    const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    if (r.error) throw r.error;
    return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, output: r.stdout + r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const pem = (der: Uint8Array, label: PemLabel = 'CERTIFICATE') => toPem(der, label);

/** `openssl x509 -text -noout` of a DER certificate. */
export function x509Text(der: Uint8Array): string {
  const r = openssl(['x509', '-in', 'cert.pem', '-noout', '-text'], { 'cert.pem': pem(der) });
  if (r.status !== 0) throw new Error(`openssl x509 could not read the certificate:\n${r.output}`);
  return r.stdout;
}

/** `openssl req -in csr.pem -noout -verify`. */
export function verifyRequest(csrDer: Uint8Array): OpensslResult {
  return openssl(['req', '-in', 'csr.pem', '-noout', '-verify'], { 'csr.pem': pem(csrDer, 'CERTIFICATE REQUEST') });
}

/** `openssl req -text -noout` of a DER request. */
export function requestText(csrDer: Uint8Array): string {
  const r = openssl(['req', '-in', 'csr.pem', '-noout', '-text'], { 'csr.pem': pem(csrDer, 'CERTIFICATE REQUEST') });
  if (r.status !== 0) throw new Error(`openssl req could not read the request:\n${r.output}`);
  return r.stdout;
}

/**
 * `openssl verify -CAfile ca.pem [-untrusted chain.pem] -attime <at> leaf.pem`. The time is pinned so the
 * verdict depends on the certificates, not on the day the test runs.
 */
export function verifyCertificate(req: { ca: Uint8Array[]; leaf: Uint8Array; untrusted?: Uint8Array[]; at: Date }): OpensslResult {
  const files: Record<string, string> = { 'ca.pem': req.ca.map((c) => pem(c)).join(''), 'leaf.pem': pem(req.leaf) };
  const args = ['verify', '-attime', String(Math.floor(req.at.getTime() / 1000)), '-CAfile', 'ca.pem'];
  if (req.untrusted?.length) {
    files['untrusted.pem'] = req.untrusted.map((c) => pem(c)).join('');
    args.push('-untrusted', 'untrusted.pem');
  }
  args.push('leaf.pem');
  return openssl(args, files);
}

/** `openssl asn1parse -strictpem`: openssl's own ASN.1 parser over the whole object, with strict PEM framing. */
export function asn1parse(der: Uint8Array, label: PemLabel = 'CERTIFICATE'): OpensslResult {
  return openssl(['asn1parse', '-strictpem', '-in', 'obj.pem'], { 'obj.pem': pem(der, label) });
}
