/**
 * Everything the lab can hand out as a file, so an engineer can check it with their own tools:
 * certificates as PEM (node certificates, trust stores, the phone's MIC, its manufacturing CA and LSC) and
 * each TFTP node's ITL as the binary file the phone downloads.
 */
import { toPem } from '../pki/encode';
import { commonName } from '../pki/names';
import type { LabWorld } from './world';

export interface CertificateArtefact {
  /** File name, e.g. "ao115pub-CAPF.pem", "SEP682C7B5C2342-LSC.pem". */
  name: string;
  pem: string;
  der: Uint8Array;
  description: string;
  /** What the certificate is, for a page that says it in the learner's language (`description` is English). */
  about: ArtefactAbout;
}

export type ArtefactAbout =
  | { kind: 'node'; purpose: string; node: string; cn: string }
  | { kind: 'manufacturing'; name: string; newer: boolean }
  | { kind: 'mic' | 'lsc'; device: string };

export function certificateArtefacts(world: LabWorld): CertificateArtefact[] {
  const out: CertificateArtefact[] = [];
  for (const entry of world.env.certs.all()) {
    if (entry.type === 'trust-certs') continue;
    out.push({
      name: `${entry.node}-${entry.purpose}.pem`,
      pem: toPem(entry.der, 'CERTIFICATE'),
      der: entry.der,
      description: `${entry.purpose} certificate of ${entry.node} (${commonName(entry.info.subject)})`,
      about: { kind: 'node', purpose: entry.purpose, node: entry.node, cn: commonName(entry.info.subject) },
    });
  }
  for (const [name, ca] of world.installed.manufacturingCas) {
    out.push({
      name: `${name.replace(/ /g, '_')}.pem`,
      pem: toPem(ca.der, 'CERTIFICATE'),
      der: ca.der,
      description: `Simulated ${name} (issuer of the ${name.endsWith('SHA2') ? 'newer phones\' ' : '79xx '}MICs; not a Cisco certificate)`,
      about: { kind: 'manufacturing', name, newer: name.endsWith('SHA2') },
    });
  }
  for (const phone of world.env.scenario.phones) {
    const flash = world.phoneContext(phone.deviceName)?.flash;
    if (flash?.mic) out.push({ name: `${phone.deviceName}-MIC.pem`, pem: toPem(flash.mic.der, 'CERTIFICATE'), der: flash.mic.der, description: `MIC of ${phone.deviceName}`, about: { kind: 'mic', device: phone.deviceName } });
    if (flash?.lsc) out.push({ name: `${phone.deviceName}-LSC.pem`, pem: toPem(flash.lsc.der, 'CERTIFICATE'), der: flash.lsc.der, description: `LSC of ${phone.deviceName}`, about: { kind: 'lsc', device: phone.deviceName } });
  }
  return out;
}

/** The ITL each TFTP node serves now. */
export function itlArtefacts(world: LabWorld): Array<{ node: string; bytes: Uint8Array }> {
  return world.env.scenario.nodes
    .map((n) => ({ node: n.name, bytes: world.servedItl(n.name)?.bytes }))
    .filter((x): x is { node: string; bytes: Uint8Array } => x.bytes !== undefined);
}
