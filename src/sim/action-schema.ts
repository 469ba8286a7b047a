/**
 * The shape of every learner action, for actions that arrive as untrusted data (a share link, a lab file, a
 * completion code, a saved lab): each field's kind, checked before anything is replayed, so a damaged or
 * forged action is refused with a reason instead of reaching the world. The table is keyed by the action
 * union's types: a new kind of action does not compile until its shape is here.
 */
import type { LabAction } from './actions';

type Kind = 'string' | 'number' | 'boolean' | 'pem' | 'capfForm' | 'bulkCapfForm' | 'phoneQuery' | 'capfParameters' | 'enterpriseParameters' | 'firewallRule';
type Field = Kind | `${Kind}?`;

const ACTION_FIELDS: Record<LabAction['type'], Record<string, Field>> = {
  'cucm.phone.save': { device: 'string', capf: 'capfForm' },
  'cucm.phone.applyConfig': { device: 'string' },
  'cucm.phone.reset': { device: 'string' },
  'serviceability.activate': { node: 'string', service: 'string' },
  'serviceability.deactivate': { node: 'string', service: 'string' },
  'serviceability.start': { node: 'string', service: 'string' },
  'serviceability.stop': { node: 'string', service: 'string' },
  'serviceability.restart': { node: 'string', service: 'string' },
  'phone.power': { device: 'string', on: 'boolean' },
  'phone.reset': { device: 'string' },
  'phone.lsc.submit': { device: 'string', authenticationString: 'string' },
  'phone.trustList.erase': { device: 'string' },
  'cucm.server.save': { node: 'string', hostNameOrIp: 'string' },
  'cucm.serviceParameters.save': { capf: 'capfParameters' },
  'cucm.enterpriseParameters.save': { parameters: 'enterpriseParameters' },
  'cucm.enterpriseParameters.reset': {},
  'os.certificate.regenerate': { node: 'string', purpose: 'string' },
  'os.certificate.generateCsr': { node: 'string', purpose: 'string' },
  'os.certificate.upload': { node: 'string', purpose: 'string', pem: 'pem', description: 'string?' },
  'os.certificate.delete': { node: 'string', purpose: 'string', fileName: 'string' },
  'dns.record.set': { name: 'string', address: 'string' },
  'dns.record.delete': { name: 'string' },
  'network.firewall.add': { rule: 'firewallRule' },
  'network.firewall.remove': { id: 'string' },
  'network.host': { host: 'string', up: 'boolean' },
  'lab.phone.replace': { device: 'string', model: 'string' },
  'lab.database.replication': { healthy: 'boolean' },
  'lab.itl.corrupt': { node: 'string' },
  'lab.ca.sign': { csr: 'pem' },
  'capf.offline.import': { device: 'string', pem: 'pem' },
  cli: { node: 'string', command: 'string' },
  'bat.phones.update': { query: 'phoneQuery', capf: 'bulkCapfForm', resetOption: 'string', run: 'string', description: 'string?' },
  'bat.job.activate': { id: 'number', runAt: 'string?' },
};

const NESTED: Partial<Record<Kind, Record<string, Field>>> = {
  capfForm: {
    certificateOperation: 'string',
    authenticationMode: 'string',
    authenticationString: 'string?',
    keyOrder: 'string',
    rsaKeySize: 'number',
    ecKeySize: 'number',
    operationCompletesBy: 'string',
  },
  bulkCapfForm: {
    certificateOperation: 'string',
    authenticationMode: 'string',
    uniqueAuthenticationStrings: 'boolean',
    authenticationString: 'string?',
    keyOrder: 'string',
    rsaKeySize: 'number',
    ecKeySize: 'number',
    operationCompletesBy: 'string',
  },
  capfParameters: { certificateIssuerToEndpoint: 'string', durationOfCertificateValidity: 'number', keySize: 'number' },
  enterpriseParameters: { capfOperationExpiresInDays: 'number', endpointAdvancedEncryptionAlgorithmSupport: 'boolean', prepareClusterForRollback: 'boolean' },
  firewallRule: { id: 'string', description: 'string', transport: 'string?', port: 'number?', toIp: 'string?' },
};

/** Longest text one field may carry: a certificate chain is a few kB; nothing the lab takes is larger. */
export const MAX_FIELD_CHARS = 64 * 1024;

/**
 * Most criteria one Bulk Administration query may carry: the page adds them one at a time ("Search Within
 * Results"); no source gives CUCM's own limit, so this bound is the lab's, far above what a learner builds.
 */
const MAX_CRITERIA = 32;
const CRITERION: Record<string, Field> = { field: 'string', operator: 'string', value: 'string', join: 'string?' };

const ROLES = new Set(['manufacturing-ca', 'lab-ca', 'lab-ca.issued', 'identity', 'trust', 'csr', 'capf-csr', 'mic', 'lsc']);

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function checkValue(kind: Kind, value: unknown, path: string): string | null {
  switch (kind) {
    case 'string':
      if (typeof value !== 'string') return `${path} is not text`;
      return value.length > MAX_FIELD_CHARS ? `${path} is longer than ${MAX_FIELD_CHARS} characters` : null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : `${path} is not a number`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `${path} is not true or false`;
    case 'pem': {
      if (typeof value === 'string') return checkValue('string', value, path);
      if (!isPlainObject(value) || !Array.isArray(value.blocks) || value.blocks.length > 16) return `${path} is neither text nor named certificates`;
      for (const [i, block] of value.blocks.entries()) {
        if (!isPlainObject(block)) return `${path} block ${i + 1} is malformed`;
        if ('pem' in block) {
          const e = checkValue('string', block.pem, `${path} block ${i + 1}`);
          if (e) return e;
        } else if (typeof block.role !== 'string' || !ROLES.has(block.role)) return `${path} block ${i + 1} names no known certificate`;
        else for (const [k, v] of Object.entries(block)) if (k !== 'role' && typeof v !== 'string' && !(k === 'index' && Number.isInteger(v) && (v as number) >= 0)) return `${path} block ${i + 1} is malformed`;
      }
      return null;
    }
    case 'phoneQuery': {
      if (!isPlainObject(value) || !Array.isArray(value.criteria)) return `${path} has no list of criteria`;
      if (value.criteria.length > MAX_CRITERIA) return `${path} has more than ${MAX_CRITERIA} criteria`;
      const extra = Object.keys(value).find((k) => k !== 'criteria');
      if (extra) return `${path} has an unknown field "${extra.slice(0, 40)}"`;
      for (const [i, c] of value.criteria.entries()) {
        const e = checkFields(CRITERION, c, `${path}.criteria[${i}]`);
        if (e) return e;
      }
      return null;
    }
    default:
      return checkFields(NESTED[kind]!, value, path);
  }
}

function checkFields(fields: Record<string, Field>, value: unknown, path: string): string | null {
  if (!isPlainObject(value)) return `${path} is not a set of fields`;
  for (const [name, field] of Object.entries(fields)) {
    const optional = field.endsWith('?');
    const v = value[name];
    if (v === undefined) {
      if (optional) continue;
      return `${path}.${name} is missing`;
    }
    const e = checkValue(field.replace('?', '') as Kind, v, `${path}.${name}`);
    if (e) return e;
  }
  const extra = Object.keys(value).find((k) => !(k in fields) && k !== 'type');
  return extra ? `${path} has an unknown field "${extra.slice(0, 40)}"` : null;
}

/** The action if it has the shape of a learner action, else why not (in English, for the refusal message). */
export function checkAction(value: unknown): { ok: true; value: LabAction } | { ok: false; error: string } {
  if (!isPlainObject(value) || typeof value.type !== 'string') return { ok: false, error: 'an action has no type' };
  const fields = (ACTION_FIELDS as Record<string, Record<string, Field>>)[value.type];
  if (!fields) return { ok: false, error: `an action of an unknown kind ("${value.type.slice(0, 60)}")` };
  const e = checkFields(fields, value, value.type);
  return e ? { ok: false, error: e } : { ok: true, value: value as LabAction };
}
