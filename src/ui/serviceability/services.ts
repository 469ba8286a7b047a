/**
 * The services Cisco Unified Serviceability shows for the LSC procedure (domain.md §4), and how their
 * statecharts read on its pages: Status, Activation Status, Start Time, Up Time.
 */
import { ids } from '../../sim/env';
import type { LogSource } from '../../sim/log';
import { SERVICE_NAMES, type ServiceKey } from '../../sim/scenario';
import { javaDateString, type TimeZoneRule } from '../../sim/time';
import type { LabWorld } from '../../sim/world';

export interface ServiceGroup {
  /** The group heading on the page. */
  title: string;
  services: ServiceKey[];
}

/** Tools > Service Activation: feature services by group (TVS is a network service, always activated). */
export const ACTIVATION_GROUPS: ServiceGroup[] = [
  { title: 'CM Services', services: ['tftp'] },
  { title: 'Security Services', services: ['capf'] },
];

/** Control Center - Feature Services ("Security Settings" holds CAPF, S3/S6) and - Network Services (TVS, S15/S16). */
export const CONTROL_CENTER_GROUPS: Record<'feature' | 'network', ServiceGroup[]> = {
  feature: [
    { title: 'CM Services', services: ['tftp'] },
    { title: 'Security Settings', services: ['capf'] },
  ],
  network: [{ title: 'CM Services', services: ['tvs'] }],
};

export type ServiceStatus = 'Started' | 'Starting' | 'Stopped' | 'Not Running';

const TRACE: Record<ServiceKey, LogSource> = { capf: 'capf-trace', tftp: 'tftp-trace', tvs: 'tvs-trace' };

function systemId(node: string, key: ServiceKey): string {
  return key === 'capf' ? ids.capf(node) : key === 'tftp' ? ids.tftp(node) : ids.tvs(node);
}

/** The service's statechart state as Control Center words it; a service that is not activated is not running. */
export function serviceStatus(world: LabWorld, node: string, key: ServiceKey): ServiceStatus {
  const state = world.stateOf(systemId(node, key));
  if (state === 'started') return 'Started';
  if (state === 'starting' || state === 'boot') return 'Starting';
  if (state === 'stopped') return 'Stopped';
  return 'Not Running';
}

export function activationStatus(world: LabWorld, node: string, key: ServiceKey): 'Activated' | 'Deactivated' {
  return world.env.db.isActivated(node, key) ? 'Activated' : 'Deactivated';
}

/** When the running service last started: its "<service name> started" trace line. */
export function startedAt(world: LabWorld, node: string, key: ServiceKey): number | null {
  const records = world.env.log.records;
  const prefix = `${SERVICE_NAMES[key]} started`;
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i];
    if (r.source === TRACE[key] && r.host === node && r.text.startsWith(prefix)) return r.time;
  }
  return null;
}

/** "Mon Mar 16 09:00:05 2026": Java's date without the zone. */
export function formatStartTime(epochMs: number, zone: TimeZoneRule): string {
  const parts = javaDateString(epochMs, zone).split(' ');
  parts.splice(4, 1);
  return parts.join(' ');
}

/** "0 days 02:14:05" */
export function formatUpTime(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86400);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${days} days ${pad(Math.floor((total % 86400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

/** The server a Serviceability page opens on: the one asked for (a link from the topology), else the publisher. */
export function defaultServer(nodes: ReadonlyArray<{ name: string; role: string }>, requested?: string): string {
  return requested || nodes.find((n) => n.role === 'publisher')?.name || nodes[0]?.name || '';
}
