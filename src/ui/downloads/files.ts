/**
 * Every file the lab hands out, named as the lab runner (src/node/lab.ts) names them: each certificate as
 * PEM and DER ("ao115pub-CAPF.pem", "SEP682C7B5C2342-LSC.pem", plus the seed article's "CAPF.pem" and
 * "LSC.pem"), each TFTP node's ITL ("ao115sub.tlv"), each log as text and the packet trace. Contents
 * are made when the learner asks for a file, from the world as it is at that moment.
 */
import type { ArtefactAbout, CertificateArtefact } from '../../sim/artefacts';
import type { LogSource } from '../../sim/log';
import type { LabWorld } from '../../sim/world';
import type { MessageKey } from '../../content/messages';
import { SOURCES } from '../logs/filter';
import { packetTraceText } from '../trace/format';
import { TEXT, type FileContent } from '../common/download';
import { t } from '../i18n.svelte';

export type FileGroup = 'certificates' | 'itl' | 'logs' | 'trace';

export interface LabFile {
  name: string;
  /** What the file is, in the learner's language. */
  description: string;
  group: FileGroup;
  type: string;
  /** Size in bytes when it is cheap to know. */
  size?: number;
  content: () => FileContent;
}

export interface ArtefactApi {
  certificateArtefacts: (world: LabWorld) => CertificateArtefact[];
  itlArtefacts: (world: LabWorld) => Array<{ node: string; bytes: Uint8Array }>;
}

const PEM = 'application/x-pem-file';
const DER = 'application/pkix-cert';

function describe(about: ArtefactAbout, format: 'PEM' | 'DER'): string {
  switch (about.kind) {
    case 'node':
      return t('observe.file.nodeCertificate', { purpose: about.purpose, node: about.node, cn: about.cn, format });
    case 'manufacturing':
      return t(about.newer ? 'observe.file.manufacturingNewer' : 'observe.file.manufacturingLegacy', { name: about.name, format });
    case 'mic':
      return t('observe.file.mic', { device: about.device, format });
    case 'lsc':
      return t('observe.file.lsc', { device: about.device, format });
  }
}

/** A log source's name in the learner's language (the Logs page's filter and the Downloads list). */
export function sourceName(id: LogSource): string {
  return t(`observe.source.${id}` as MessageKey);
}

export function labFiles(world: LabWorld, api: ArtefactApi): LabFile[] {
  const files: LabFile[] = [];
  const certs = api.certificateArtefacts(world);
  for (const c of certs) {
    files.push({ name: c.name, description: describe(c.about, 'PEM'), group: 'certificates', type: PEM, size: c.pem.length, content: () => c.pem });
    files.push({ name: c.name.replace(/\.pem$/, '.der'), description: describe(c.about, 'DER'), group: 'certificates', type: DER, size: c.der.length, content: () => c.der });
  }
  // The names the seed article uses for the first checks (as the runner writes them).
  const s = world.env.scenario;
  const pub = s.nodes.find((n) => n.role === 'publisher') ?? s.nodes[0];
  const capf = certs.find((c) => c.name === `${pub.name}-CAPF.pem`);
  if (capf) files.push({ name: 'CAPF.pem', description: t('observe.file.capfSeed', { node: pub.name, file: capf.name }), group: 'certificates', type: PEM, size: capf.pem.length, content: () => capf.pem });
  const device = s.phones[0]?.deviceName;
  const lsc = certs.find((c) => c.name === `${device}-LSC.pem`);
  if (lsc) files.push({ name: 'LSC.pem', description: t('observe.file.lscSeed', { device, file: lsc.name }), group: 'certificates', type: PEM, size: lsc.pem.length, content: () => lsc.pem });

  for (const itl of api.itlArtefacts(world)) {
    files.push({ name: `${itl.node}.tlv`, description: t('observe.file.itl', { node: itl.node }), group: 'itl', type: 'application/octet-stream', size: itl.bytes.length, content: () => itl.bytes });
  }

  const log = world.env.log;
  const counts = new Map<LogSource, number>();
  for (const r of log.records) counts.set(r.source, (counts.get(r.source) ?? 0) + 1);
  for (const src of SOURCES) {
    files.push({ name: src.file, description: t('observe.file.log', { source: sourceName(src.id), count: counts.get(src.id) ?? 0 }), group: 'logs', type: TEXT, content: () => `${log.text(src.id)}\n` });
  }
  files.push({ name: 'packet-trace.txt', description: t('observe.file.trace', { count: world.trace.packets.length }), group: 'trace', type: TEXT, content: () => packetTraceText(world.trace.packets) });
  return files;
}
