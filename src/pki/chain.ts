/**
 * Certification path validation (RFC 5280 §6.1) as a phone, CUCM or a student's openssl does it: build a
 * path from the leaf to a trust anchor, check each signature, each certificate's validity at the given
 * time, name chaining and that every issuer is a CA. The time is the simulator's virtual clock, never the
 * wall clock, and every verdict is a sentence a student can act on.
 *
 * The steps and their order are those of pkijs' CertificateChainValidationEngine, which the lab used
 * until the home page needed its 70 kB back (src/ARCHITECTURE.md): issuers are found by key identifier
 * (AKI → SKI) or else by name and kept only if their key verifies the signature, the shortest path to a
 * trusted certificate wins, and that path is then checked for dates, name chaining and CA-ness. Policies,
 * name constraints and revocation are not modelled (no certificate in the lab carries them).
 */
import { TAG, type Node } from './asn1';
import { bytesEqual, type Decoded } from './encode';
import { commonName, formatCucmName, fromRdns, namesEqual } from './names';
import { basicConstraints, extensionValue, keyUsageBits, parseCertificate, type X509Certificate } from './parse';
import { sameAlgorithm, signatureEncodingProblem, verifySignature } from './signature';

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

function nameLabel(name: Node): string {
  const dn = fromRdns(name);
  return commonName(dn) || formatCucmName(dn) || '(empty name)';
}

type Certificate = X509Certificate;

function label(cert: Certificate): string {
  return nameLabel(cert.subject);
}

function validityProblem(cert: Certificate, at: Date, whose: string): ChainVerdict | undefined {
  if (cert.notAfter.getTime() < at.getTime()) {
    return { ok: false, code: 'expired', reason: `${whose} ${label(cert)} expired on ${utc(cert.notAfter)}.` };
  }
  if (cert.notBefore.getTime() > at.getTime()) {
    const reason = `${whose} ${label(cert)} is not valid before ${utc(cert.notBefore)}.`;
    return { ok: false, code: 'notYetValid', reason };
  }
  return undefined;
}

function parseAll(list: readonly Uint8Array[], role: string): Decoded<Certificate[]> {
  const out: Certificate[] = [];
  for (const [i, der] of list.entries()) {
    const parsed = parseCertificate(der);
    const which = list.length > 1 ? `${role} #${i + 1}` : role;
    if (!parsed.ok) return { ok: false, error: `${which} cannot be read: ${parsed.error}` };
    out.push(parsed.value);
  }
  return { ok: true, value: out };
}

function isCa(cert: Certificate): boolean {
  return Boolean(basicConstraints(cert)?.ca);
}

/** Extensions path validation understands; an unknown one marked critical makes a CA unusable (RFC 5280 §4.2). */
const UNDERSTOOD = new Set([
  '2.5.29.9', '2.5.29.14', '2.5.29.15', '2.5.29.16', '2.5.29.17', '2.5.29.18', '2.5.29.19', '2.5.29.30', '2.5.29.31',
  '2.5.29.32', '2.5.29.33', '2.5.29.35', '2.5.29.36', '2.5.29.37', '2.5.29.46', '2.5.29.54', '1.3.6.1.5.5.7.1.1', '1.3.6.1.5.5.7.1.11',
]);

/**
 * May this certificate issue others? CA:TRUE, and when KeyUsage is present keyCertSign with it (RFC 5280
 * §4.2.1.3, §4.2.1.9); a critical extension it cannot read, or KeyUsage or BasicConstraints it cannot
 * parse, also says no.
 */
function canIssue(cert: Certificate): boolean {
  for (const ext of cert.extensions) {
    if (!ext.critical) continue;
    if (!UNDERSTOOD.has(ext.oid) || (extensionValue(cert, ext.oid) === undefined)) return false;
  }
  const ku = cert.extensions.some((e) => e.oid === '2.5.29.15') ? keyUsageBits(cert) : new Uint8Array(0);
  const bc = cert.extensions.some((e) => e.oid === '2.5.29.19') ? basicConstraints(cert) : { ca: false };
  if (ku === undefined || bc === undefined) return false;
  const keyCertSign = ((ku[0] ?? 0) & 0x04) !== 0;
  if (!bc.ca) return false;
  return cert.extensions.some((e) => e.oid === '2.5.29.15') ? keyCertSign : true;
}

/** Whether `issuer`'s key made `child`'s signature (names are not compared). */
async function signedBy(child: Certificate, issuer: Certificate): Promise<boolean> {
  // openssl refuses a certificate whose two signature algorithm fields differ (RFC 5280 §4.1.1.2)
  if (!sameAlgorithm(child.tbsSignature, child.signatureAlgorithm)) return false;
  if (signatureEncodingProblem(child.signatureAlgorithm.oid, child.signature)) return false;
  return verifySignature(child.tbs, child.signatureAlgorithm, child.signature, issuer.subjectPublicKeyInfo);
}

/** The issuers found by name from `leaf` upwards, for explaining a verdict after path validation said no. */
function issuersByName(leaf: Certificate, candidates: Certificate[]): Certificate[] {
  const path: Certificate[] = [];
  let current = leaf;
  for (let depth = 0; depth < 10 && !namesEqual(current.issuer, current.subject); depth++) {
    const next = candidates.find((c) => namesEqual(c.subject, current.issuer) && !path.includes(c));
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
    const named = [...intermediates, ...trusted].filter((c) => namesEqual(c.subject, child.issuer) && !seen.includes(c));
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
    if (trusted.includes(signer) || namesEqual(signer.issuer, signer.subject)) break;
    seen.push(signer);
    child = signer;
  }
  return 'the chain does not end at a trusted certificate.';
}

/** The OCTET STRING of a SubjectKeyIdentifier, or of an AuthorityKeyIdentifier's keyIdentifier [0]. */
function keyId(cert: Certificate, oid: '2.5.29.14' | '2.5.29.35'): Uint8Array | undefined {
  const node = extensionValue(cert, oid);
  if (!node) return undefined;
  if (oid === '2.5.29.14') return node.tag === TAG.OCTET_STRING ? node.value : undefined;
  return node.tag === TAG.SEQUENCE ? node.children.find((c) => c.tag === 0x80)?.value : undefined;
}

/** RFC 5280 §6.1 path building: every path from `cert` up to a trusted certificate, each issuer's key checked. */
async function buildPaths(cert: Certificate, pool: Certificate[], isTrusted: (c: Certificate) => boolean, depth = 0): Promise<Certificate[][]> {
  if (isTrusted(cert)) return [[cert]];
  if (depth > 10) return [];
  // a self-issued certificate that verifies with its own key ends its path
  if (namesEqual(cert.subject, cert.issuer) && (await signedBy(cert, cert))) return [[cert]];
  const aki = keyId(cert, '2.5.29.35');
  const candidates = pool.filter((c) => {
    const ski = aki ? keyId(c, '2.5.29.14') : undefined;
    return ski ? bytesEqual(ski, aki!) : namesEqual(cert.issuer, c.subject);
  });
  const paths: Certificate[][] = [];
  for (const issuer of candidates) {
    if (!(await signedBy(cert, issuer))) continue;
    if (bytesEqual(issuer.tbs, cert.tbs)) {
      paths.push([issuer]);
      continue;
    }
    for (const rest of await buildPaths(issuer, pool, isTrusted, depth + 1)) {
      paths.push(rest.includes(issuer) ? rest : [issuer, ...rest]);
    }
  }
  return paths;
}

type EngineResult = 'ok' | 'dates' | 'notCa' | 'badName' | 'noPath';

async function validate(leaf: Certificate, intermediates: Certificate[], trusted: Certificate[], at: Date): Promise<EngineResult> {
  const pool: Certificate[] = [];
  for (const c of [...trusted, ...intermediates]) if (!pool.some((p) => bytesEqual(p.tbs, c.tbs))) pool.push(c);
  const isTrusted = (c: Certificate) => trusted.some((t) => bytesEqual(t.tbs, c.tbs));
  const found = (await buildPaths(leaf, pool, isTrusted)).filter((p) => p.some(isTrusted));
  if (found.length === 0) return 'noPath';
  const shortest = found.reduce((a, b) => (b.length < a.length ? b : a));
  const path = [leaf, ...shortest];
  if (path.some((c) => c.notBefore.getTime() > at.getTime() || c.notAfter.getTime() < at.getTime())) return 'dates';
  for (let i = path.length - 2; i >= 0; i--) {
    if (!namesEqual(path[i].issuer, path[i].subject) && !namesEqual(path[i].issuer, path[i + 1].subject)) return 'badName';
  }
  return path.slice(1).every(canIssue) ? 'ok' : 'notCa';
}

export async function verifyChain(req: {
  leaf: Uint8Array;
  trusted: readonly Uint8Array[];
  intermediates?: readonly Uint8Array[];
  at: Date;
}): Promise<ChainVerdict> {
  const leafParsed = parseCertificate(req.leaf);
  if (!leafParsed.ok) {
    return { ok: false, code: 'unreadable', reason: `The certificate cannot be read: ${leafParsed.error}` };
  }
  const trusted = parseAll(req.trusted, 'A trusted certificate');
  if (!trusted.ok) return { ok: false, code: 'unreadable', reason: trusted.error };
  const intermediates = parseAll(req.intermediates ?? [], 'An intermediate certificate');
  if (!intermediates.ok) return { ok: false, code: 'unreadable', reason: intermediates.error };
  const leaf = leafParsed.value;

  for (const cert of [leaf, ...intermediates.value]) {
    const problem = signatureEncodingProblem(cert.signatureAlgorithm.oid, cert.signature);
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

  const result = await validate(leaf, intermediates.value, trusted.value, req.at);
  if (result === 'ok') return { ok: true };

  const byName = issuersByName(leaf, [...intermediates.value, ...trusted.value]);
  switch (result) {
    case 'dates': {
      for (const issuer of byName) {
        const problem = validityProblem(issuer, req.at, 'The issuing certificate');
        if (problem) return problem;
      }
      return { ok: false, code: 'expired', reason: 'A certificate in the chain is either not yet valid or expired.' };
    }
    case 'notCa': {
      const culprit = byName.find((c) => !isCa(c));
      return {
        ok: false,
        code: 'notCa',
        reason:
          `The issuing certificate ${culprit ? `${label(culprit)} ` : ''}is not a CA certificate: signing other ` +
          'certificates needs BasicConstraints CA:TRUE and KeyUsage keyCertSign.',
      };
    }
    case 'badName':
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
  const c = parseCertificate(child);
  const i = parseCertificate(issuer);
  return c.ok && i.ok && signedBy(c.value, i.value);
}
