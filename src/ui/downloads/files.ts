/**
 * Every file the lab hands out, named as the lab runner (src/node/lab.ts) names them: each certificate as
 * PEM and DER ("ao115pub-CAPF.pem", "SEP682C7B5C2342-LSC.pem", plus the seed article's "CAPF.pem" and
 * "LSC.pem"), each TFTP node's ITL ("ao115sub.tlv"), each log as text and the packet trace. Contents
 * are made when the learner asks for a file, from the world as it is at that moment.
 */
import type { CertificateArtefact } from '../../sim/artefacts';
import type { LogSource } from '../../sim/log';
import type { LabWorld } from '../../sim/world';
import { SOURCES } from '../logs/filter';
import { packetTraceText } from '../trace/format';
import { TEXT, type FileContent } from '../common/download';

export type FileGroup = 'Certificates' | 'Trust lists (ITL)' | 'Logs' | 'Message trace';

export interface LabFile {
  name: string;
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

export function labFiles(world: LabWorld, api: ArtefactApi): LabFile[] {
  const files: LabFile[] = [];
  const certs = api.certificateArtefacts(world);
  for (const c of certs) {
    files.push({ name: c.name, description: `${c.description} (PEM)`, group: 'Certificates', type: PEM, size: c.pem.length, content: () => c.pem });
    files.push({ name: c.name.replace(/\.pem$/, '.der'), description: `${c.description} (DER)`, group: 'Certificates', type: DER, size: c.der.length, content: () => c.der });
  }
  // The names the seed article uses for the first checks (as the runner writes them).
  const s = world.env.scenario;
  const pub = s.nodes.find((n) => n.role === 'publisher') ?? s.nodes[0];
  const capf = certs.find((c) => c.name === `${pub.name}-CAPF.pem`);
  if (capf) files.push({ name: 'CAPF.pem', description: `The CAPF certificate of ${pub.name}, as the seed article names it (same as ${capf.name})`, group: 'Certificates', type: PEM, size: capf.pem.length, content: () => capf.pem });
  const device = s.phones[0]?.deviceName;
  const lsc = certs.find((c) => c.name === `${device}-LSC.pem`);
  if (lsc) files.push({ name: 'LSC.pem', description: `The LSC of ${device} (same as ${lsc.name})`, group: 'Certificates', type: PEM, size: lsc.pem.length, content: () => lsc.pem });

  for (const itl of api.itlArtefacts(world)) {
    files.push({ name: `${itl.node}.tlv`, description: `The ITL file (ITLFile.tlv) the TFTP service of ${itl.node} serves now`, group: 'Trust lists (ITL)', type: 'application/octet-stream', size: itl.bytes.length, content: () => itl.bytes });
  }

  const log = world.env.log;
  const counts = new Map<LogSource, number>();
  for (const r of log.records) counts.set(r.source, (counts.get(r.source) ?? 0) + 1);
  for (const src of SOURCES) {
    files.push({ name: src.file, description: `${src.label}: ${counts.get(src.id) ?? 0} lines`, group: 'Logs', type: TEXT, content: () => `${log.text(src.id)}\n` });
  }
  files.push({ name: 'packet-trace.txt', description: `Every message between the hosts: ${world.trace.packets.length} messages`, group: 'Message trace', type: TEXT, content: () => packetTraceText(world.trace.packets) });
  return files;
}
