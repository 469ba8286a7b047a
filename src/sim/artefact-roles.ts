/**
 * Artefacts named by their role. Keys are real and differ from world to world, so an action that carries
 * a certificate or CSR this world made — a CSR handed to the enterprise CA, the signed certificate pasted
 * into Upload, the Manufacturing CA put back into CAPF-trust — would fail when a fresh world replays it
 * (a saved lab after a reload, a share link, a completion code the teacher verifies). When an action is
 * recorded, each PEM block it carries that this world made is replaced by its role ("the CSR pending for
 * ao115pub/CAPF", "the second certificate the enterprise CA issued"); replaying resolves the role in the
 * replaying world, where the same steps made the same role's artefact. Blocks the world did not make (a
 * certificate from the learner's own CA) are kept as written: they are the same in every world.
 */
import { bytesEqual, fromBase64, toPem, type PemLabel } from '../pki/encode';
import type { IdentityPurpose, TrustPurpose } from './cucm/certificates';
import { labCaRecord } from './lab-ca-record';
import type { LabWorld } from './world';

export type ArtefactRole =
  | { role: 'manufacturing-ca' }
  | { role: 'lab-ca' }
  /** The n-th certificate the enterprise CA issued (0-based). */
  | { role: 'lab-ca.issued'; index: number }
  | { role: 'identity'; node: string; purpose: IdentityPurpose }
  | { role: 'trust'; node: string; purpose: TrustPurpose; fileName: string }
  /** The CSR CUCM generated and keeps for a node's certificate purpose (Generate CSR). */
  | { role: 'csr'; node: string; purpose: IdentityPurpose }
  /** The phone CSR CAPF keeps for the Offline CA path. */
  | { role: 'capf-csr'; device: string }
  | { role: 'mic'; device: string }
  | { role: 'lsc'; device: string };

/** A PEM text as recorded: each block named by its role where this world made it, else kept as written. */
export interface NamedPem {
  blocks: Array<ArtefactRole | { pem: string }>;
}
export type PemText = string | NamedPem;

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

const labelOf = (role: ArtefactRole): PemLabel => (role.role === 'csr' || role.role === 'capf-csr' ? 'CERTIFICATE REQUEST' : 'CERTIFICATE');

/** Every artefact this world holds now, each with its role, in a fixed order. */
function artefactsOf(world: LabWorld): Array<[ArtefactRole, Uint8Array]> {
  const { env } = world;
  const out: Array<[ArtefactRole, Uint8Array]> = [[{ role: 'manufacturing-ca' }, world.installed.manufacturingCa.der]];
  const ca = labCaRecord(env);
  if (ca.certificate) out.push([{ role: 'lab-ca' }, ca.certificate]);
  ca.issued.forEach((der, index) => out.push([{ role: 'lab-ca.issued', index }, der]));
  for (const e of env.certs.all()) {
    if (e.type === 'trust-certs') out.push([{ role: 'trust', node: e.node, purpose: e.purpose as TrustPurpose, fileName: e.fileName }, e.der]);
    else out.push([{ role: 'identity', node: e.node, purpose: e.purpose as IdentityPurpose }, e.der]);
  }
  for (const node of env.scenario.nodes) {
    for (const purpose of ['CAPF', 'CallManager', 'CallManager-ECDSA', 'TVS', 'ITLRecovery'] as const) {
      const csr = env.certs.pendingCsr(node.name, purpose);
      if (csr) out.push([{ role: 'csr', node: node.name, purpose }, csr.der]);
    }
  }
  for (const [device, kept] of Object.entries(env.db.capfCsrs)) {
    const der = pemBlocks(kept.pem)[0]?.der;
    if (der) out.push([{ role: 'capf-csr', device }, der]);
  }
  for (const phone of env.scenario.phones) {
    const flash = world.phoneContext(phone.deviceName)?.flash;
    if (flash?.mic) out.push([{ role: 'mic', device: phone.deviceName }, flash.mic.der]);
    if (flash?.lsc) out.push([{ role: 'lsc', device: phone.deviceName }, flash.lsc.der]);
  }
  return out;
}

function pemBlocks(text: string): Array<{ label: string; der: Uint8Array | null; text: string }> {
  const blocks: Array<{ label: string; der: Uint8Array | null; text: string }> = [];
  for (const m of text.matchAll(PEM_BLOCK)) {
    const body = m[2].replace(/[\r\n\t ]/g, '');
    let der: Uint8Array | null = null;
    if (/^[A-Za-z0-9+/]+={0,2}$/.test(body) && body.length % 4 === 0) der = fromBase64(body);
    blocks.push({ label: m[1], der, text: m[0] });
  }
  return blocks;
}

/**
 * Name the blocks of a PEM text by role. Text that is not a sequence of PEM blocks is kept as it is (the
 * page will refuse it, and a refused action is never recorded).
 */
export function namePemText(world: LabWorld, text: PemText): PemText {
  if (typeof text !== 'string') return text;
  const blocks = pemBlocks(text);
  if (blocks.length === 0) return text;
  const known = artefactsOf(world);
  let named = false;
  const out = blocks.map((b): ArtefactRole | { pem: string } => {
    const hit = b.der && known.find(([role, der]) => labelOf(role) === b.label && bytesEqual(der, b.der!));
    if (!hit) return { pem: `${b.text}\n` };
    named = true;
    return hit[0];
  });
  return named ? { blocks: out } : text;
}

/** The PEM text a recorded action means in this world; a role this world does not hold is said so. */
export function resolvePemText(world: LabWorld, text: PemText | undefined): { ok: true; value: string } | { ok: false; error: string } {
  if (text === undefined || typeof text === 'string') return { ok: true, value: text ?? '' };
  if (!text || !Array.isArray(text.blocks)) return { ok: false, error: 'The file is not readable.' };
  const known = artefactsOf(world);
  let out = '';
  for (const block of text.blocks) {
    if ('pem' in block) {
      out += typeof block.pem === 'string' ? block.pem : '';
      continue;
    }
    const hit = known.find(([role]) => sameRole(role, block));
    if (!hit) return { ok: false, error: `This lab holds no ${describeRole(block)}.` };
    out += toPem(hit[1], labelOf(block));
  }
  return { ok: true, value: out };
}

function sameRole(a: ArtefactRole, b: ArtefactRole): boolean {
  return JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
}

/** A role in words (English, like the pages' own refusals). */
export function describeRole(role: ArtefactRole): string {
  switch (role.role) {
    case 'manufacturing-ca':
      return 'Cisco Manufacturing CA certificate';
    case 'lab-ca':
      return 'enterprise CA certificate';
    case 'lab-ca.issued':
      return `certificate number ${role.index + 1} issued by the enterprise CA`;
    case 'identity':
      return `${role.purpose} certificate of ${role.node}`;
    case 'trust':
      return `${role.fileName} in ${role.purpose} of ${role.node}`;
    case 'csr':
      return `CSR pending for ${role.node}/${role.purpose}`;
    case 'capf-csr':
      return `CSR kept by CAPF for ${role.device}`;
    case 'mic':
      return `MIC of ${role.device}`;
    case 'lsc':
      return `LSC of ${role.device}`;
    default:
      return 'such certificate';
  }
}

/** A private key anywhere in an action: the lab never records one (saved labs, links and codes are not secret). */
export function carriesPrivateKey(value: unknown): boolean {
  return JSON.stringify(value ?? null).includes('PRIVATE KEY-----');
}
