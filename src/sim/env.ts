/**
 * What every machine of the world shares: the clock, the logs, the CUCM database and certificate store,
 * the scenario's topology and the seeded randomness. Machines receive it as input; it is the world's
 * single source of facts (nothing in it knows about faults).
 */
import type { CertificateStore } from './cucm/certificates';
import type { ClusterDatabase } from './cucm/database';
import type { VirtualClock } from './clock';
import type { LogBook } from './log';
import type { Random } from './random';
import type { NodeSpec, Scenario } from './scenario';
import type { TimeZoneRule } from './time';

export interface SimEnv {
  clock: VirtualClock;
  log: LogBook;
  zone: TimeZoneRule;
  random: Random;
  db: ClusterDatabase;
  certs: CertificateStore;
  scenario: Scenario;
}

export function nodeSpec(env: SimEnv, name: string): NodeSpec {
  const node = env.scenario.nodes.find((n) => n.name === name);
  if (!node) throw new Error(`no node ${name} in scenario ${env.scenario.id}`);
  return node;
}

export function publisher(env: SimEnv): NodeSpec {
  return env.scenario.nodes.find((n) => n.role === 'publisher') ?? env.scenario.nodes[0];
}

/** systemIds of the world's actors: one obvious name per real component. */
export const ids = {
  network: 'network',
  dns: 'dns',
  switch: 'switch',
  radius: 'radius',
  /** Cisco Bulk Provisioning Service (Bulk Administration jobs), on the publisher. */
  bulkProvisioning: 'bps',
  capf: (node: string) => `capf@${node}`,
  /** A CAPF session, named by its connection: CAPF hands the accepted connection over to it. */
  capfSession: (node: string, connId: string) => `capf@${node}/session/${connId}`,
  tftp: (node: string) => `tftp@${node}`,
  tvs: (node: string) => `tvs@${node}`,
  phone: (device: string) => `phone/${device}`,
  dnsmasq: (device: string) => `phone/${device}/dnsmasq`,
  capfClient: (device: string) => `phone/${device}/capf-client`,
};
