/**
 * Certification path validation (RFC 5280 §6.1) as a phone, CUCM or a student's openssl does it: build a
 * path from the leaf to a trust anchor, check each signature, each certificate's validity at the given
 * time, name chaining and that every issuer is a CA. pkijs' CertificateChainValidationEngine does the
 * work; this module only fixes its inputs (the time is the simulator's virtual clock, never the wall
 * clock) and turns its result into a sentence a student can act on.
 */
import {
  CertificateChainValidationEngine,
  type BasicConstraints,
  type Certificate,
  type RelativeDistinguishedNames,
} from 'pkijs';
import { bytesEqual, type Decoded } from './encode';
import { commonName, formatCucmName, fromRdns } from './names';
import { parseUntrustedCertificate } from './parse';
import { signatureEncodingProblem } from './signature';

export type ChainFailureCode =
  | 'unreadable'
  | 'expired'
  | 'notYetValid'
  | 'untrusted'
  | 'notCa'
  | 'badName'
  | 'invalid';

export type ChainVerdict = { ok: true } | { ok: false; reason: string; code: ChainFailureCode };

/** "2021-11-20 20:49:42 UTC" — the simulator formats dates for screens; a reason only needs to be exact. */
function utc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function nameLabel(name: RelativeDistinguishedNames): string {
  const dn = fromRdns(name);
  return commonName(dn) || formatCucmName(dn) || '(empty name)';
}

function label(cert: Certificate): string {
  return nameLabel(cert.subject);
}

function validityProblem(cert: Certificate, at: Date, whose: string): ChainVerdict | undefined {
  if (cert.notAfter.value.getTime() < at.getTime()) {
    return { ok: false, code: 'expired', reason: `${whose} ${label(cert)} expired on ${utc(cert.notAfter.value)}.` };
  }
  if (cert.notBefore.value.getTime() > at.getTime()) {
    const reason = `${whose} ${label(cert)} is not valid before ${utc(cert.notBefore.value)}.`;
    return { ok: false, code: 'notYetValid', reason };
  }
  return undefined;
}

function parseAll(list: readonly Uint8Array[], role: string): Decoded<Certificate[]> {
  const out: Certificate[] = [];
  for (const [i, der] of list.entries()) {
    const parsed = parseUntrustedCertificate(der);
    const which = list.length > 1 ? `${role} #${i + 1}` : role;
    if (!parsed.ok) return { ok: false, error: `${which} cannot be read: ${parsed.error}` };
    out.push(parsed.value);
  }
  return { ok: true, value: out };
}

function isCa(cert: Certificate): boolean {
  const bc = cert.extensions?.find((e) => e.extnID === '2.5.29.19')?.parsedValue as BasicConstraints | undefined;
  return Boolean(bc?.cA);
}

async function signedBy(child: Certificate, issuer: Certificate): Promise<boolean> {
  if (signatureEncodingProblem(child.signatureAlgorithm.algorithmId, child.signatureValue)) return false;
  try {
    return await child.verify(issuer);
  } catch {
    return false;
  }
}

/** The issuers found by name from `leaf` upwards, for explaining a verdict after the engine said no. */
function issuersByName(leaf: Certificate, candidates: Certificate[]): Certificate[] {
  const path: Certificate[] = [];
  let current = leaf;
  for (let depth = 0; depth < 10 && !current.issuer.isEqual(current.subject); depth++) {
    const next = candidates.find((c) => c.subject.isEqual(current.issuer) && !path.includes(c));
    if (!next) break;
    path.push(next);
    current = next;
  }
  return path;
}

/**
 * Why no path reached a trust anchor: walk up by name and say where it broke — an issuer nobody has, or
 * an issuer with the right name and the wrong key (a regenerated CAPF, or another cluster's of the same
 * name), which is the classic LSC failure after "Regenerate".
 */
async function explainNoPath(leaf: Certificate, intermediates: Certificate[], trusted: Certificate[]): Promise<string> {
  const seen: Certificate[] = [];
  let child = leaf;
  for (let depth = 0; depth < 10; depth++) {
    const named = [...intermediates, ...trusted].filter((c) => c.subject.isEqual(child.issuer) && !seen.includes(c));
    if (named.length === 0) {
      return `no trusted certificate is named ${nameLabel(child.issuer)}, the issuer of ${label(child)}.`;
    }
    let signer: Certificate | undefined;
    for (const candidate of named) if (await signedBy(child, candidate)) signer ??= candidate;
    if (!signer) {
      const name = nameLabel(child.issuer);
      return (
        `a certificate named ${name} is present, but its key did not sign ${label(child)} ` +
        `(a different ${name}: regenerated, or from another cluster).`
      );
    }
    if (trusted.includes(signer) || signer.issuer.isEqual(signer.subject)) break;
    seen.push(signer);
    child = signer;
  }
  return 'the chain does not end at a trusted certificate.';
}

export async function verifyChain(req: {
  leaf: Uint8Array;
  trusted: readonly Uint8Array[];
  intermediates?: readonly Uint8Array[];
  at: Date;
}): Promise<ChainVerdict> {
  const leafParsed = parseUntrustedCertificate(req.leaf);
  if (!leafParsed.ok) {
    return { ok: false, code: 'unreadable', reason: `The certificate cannot be read: ${leafParsed.error}` };
  }
  const trusted = parseAll(req.trusted, 'A trusted certificate');
  if (!trusted.ok) return { ok: false, code: 'unreadable', reason: trusted.error };
  const intermediates = parseAll(req.intermediates ?? [], 'An intermediate certificate');
  if (!intermediates.ok) return { ok: false, code: 'unreadable', reason: intermediates.error };
  const leaf = leafParsed.value;

  for (const cert of [leaf, ...intermediates.value]) {
    const problem = signatureEncodingProblem(cert.signatureAlgorithm.algorithmId, cert.signatureValue);
    if (problem) {
      return { ok: false, code: 'invalid', reason: `The signature of ${label(cert)} is malformed: ${problem}.` };
    }
  }
  const leafDate = validityProblem(leaf, req.at, 'The certificate');
  if (leafDate) return leafDate;
  // A trust anchor is trusted as such (RFC 5280 §6.1.1 d): a certificate that is itself in the trusted
  // set needs no path, even an end-entity one pinned directly.
  if (req.trusted.some((t) => bytesEqual(t, req.leaf))) return { ok: true };
  if (trusted.value.length === 0) {
    return {
      ok: false,
      code: 'untrusted',
      reason: 'No valid certificate paths found: there are no trusted certificates to check against.',
    };
  }

  // pkijs takes the leaf as the last entry of `certs`.
  const engine = new CertificateChainValidationEngine({
    trustedCerts: trusted.value,
    certs: [...intermediates.value, leaf],
    checkDate: req.at,
  });
  const result = await engine.verify();
  if (result.result) return { ok: true };

  const byName = issuersByName(leaf, [...intermediates.value, ...trusted.value]);
  switch (result.resultCode) {
    case 8: {
      for (const issuer of byName) {
        const problem = validityProblem(issuer, req.at, 'The issuing certificate');
        if (problem) return problem;
      }
      return { ok: false, code: 'expired', reason: 'A certificate in the chain is either not yet valid or expired.' };
    }
    case 3:
    case 4:
    case 7:
    case 14: {
      const culprit = byName.find((c) => !isCa(c));
      return {
        ok: false,
        code: 'notCa',
        reason:
          `The issuing certificate ${culprit ? `${label(culprit)} ` : ''}is not a CA certificate: signing other ` +
          'certificates needs BasicConstraints CA:TRUE and KeyUsage keyCertSign.',
      };
    }
    case 10:
      return {
        ok: false,
        code: 'badName',
        reason: "Incorrect name chaining: a certificate's issuer name does not match its issuer's subject name.",
      };
    default:
      return {
        ok: false,
        code: 'untrusted',
        reason: `No valid certificate paths found: ${await explainNoPath(leaf, intermediates.value, trusted.value)}`,
      };
  }
}

/** Whether `issuer`'s key made `child`'s signature — names are not compared. Junk gives false. */
export async function isSignedBy(child: Uint8Array, issuer: Uint8Array): Promise<boolean> {
  const c = parseUntrustedCertificate(child);
  const i = parseUntrustedCertificate(issuer);
  return c.ok && i.ok && signedBy(c.value, i.value);
}
