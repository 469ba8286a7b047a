/**
 * Every screen of the lab, with the menu path a CUCM engineer knows it by. Screens load on first visit, so
 * the first page stays small.
 */
import type { Component } from 'svelte';
import type { Area } from '../../content/messages';

export interface RouteDef {
  path: string;
  /** Navigation label: the real product's name for the surface, or — `own` — a message key in the lab's voice. */
  label: string;
  own?: boolean;
  /** The group in the navigation: a product, the phone, or the lab's own views. */
  group: 'Lab' | 'Cisco Unified CM Administration' | 'Cisco Unified OS Administration' | 'Cisco Unified Serviceability' | 'Admin CLI' | 'Phone' | 'Observe';
  load: () => Promise<{ default: Component<any> }>;
  /** Listed in the navigation (detail pages are reached from their list). */
  inNav: boolean;
  params?: Record<string, string>;
  /** Hidden while an exercise locks it (the Faults page would name the cause). */
  lock?: 'faults';
  /** The message areas the screen speaks (loaded with it). */
  areas?: readonly Area[];
}

export const ROUTES: RouteDef[] = [
  { path: '/tutorial', label: 'shell.nav.tutorial', own: true, group: 'Lab', inNav: true, load: () => import('../tutorial/Tutorial.svelte'), areas: ['tutorial'] },
  { path: '/', label: 'shell.nav.topology', own: true, group: 'Lab', inNav: true, load: () => import('../topology/Topology.svelte') },
  { path: '/exercises', label: 'shell.nav.exercises', own: true, group: 'Lab', inNav: true, load: () => import('../exercises/Exercises.svelte'), areas: ['exercises', 'progress'] },
  { path: '/exercise', label: 'shell.nav.exercise', own: true, group: 'Lab', inNav: false, load: () => import('../exercises/Exercise.svelte'), areas: ['exercises', 'checks', 'codes'] },
  { path: '/class', label: 'shell.nav.class', own: true, group: 'Lab', inNav: false, load: () => import('../exercises/ClassStart.svelte'), areas: ['exercises'] },
  { path: '/teacher', label: 'shell.nav.teacher', own: true, group: 'Lab', inNav: true, load: () => import('../teacher/Teacher.svelte'), areas: ['teacher', 'exercises', 'codes', 'progress'] },
  { path: '/share', label: 'shell.nav.share', own: true, group: 'Lab', inNav: false, load: () => import('../share/Share.svelte'), areas: ['share', 'exercises', 'codes'] },
  { path: '/faults', label: 'shell.nav.faults', own: true, group: 'Lab', inNav: true, load: () => import('../faults/Faults.svelte'), lock: 'faults', areas: ['faults', 'exercises', 'checks'] },
  { path: '/firewall', label: 'shell.nav.firewall', own: true, group: 'Lab', inNav: true, load: () => import('../firewall/Firewall.svelte') },
  { path: '/dns', label: 'DNS Manager (dc01)', group: 'Lab', inNav: true, load: () => import('../dns/DnsManager.svelte') },
  { path: '/lab/ca', label: 'shell.nav.enterpriseCa', own: true, group: 'Lab', inNav: true, load: () => import('../lab-ca/EnterpriseCa.svelte'), areas: ['upload', 'labca'] },
  { path: '/inspect', label: 'shell.nav.inspect', own: true, group: 'Lab', inNav: true, load: () => import('../inspect/Inspect.svelte'), areas: ['inspect', 'upload'] },
  { path: '/cucm/phones', label: 'Device > Phone', group: 'Cisco Unified CM Administration', inNav: true, load: () => import('../cucm-admin/FindPhones.svelte'), areas: ['fleet'] },
  { path: '/cucm/phone', label: 'Phone Configuration', group: 'Cisco Unified CM Administration', inNav: false, load: () => import('../cucm-admin/PhoneConfiguration.svelte') },
  { path: '/bat/update-phones', label: 'Bulk Administration > Phones > Update Phones > Query', group: 'Cisco Unified CM Administration', inNav: true, load: () => import('../cucm-admin/BulkUpdatePhones.svelte') },
  { path: '/bat/jobs', label: 'Bulk Administration > Job Scheduler', group: 'Cisco Unified CM Administration', inNav: true, load: () => import('../cucm-admin/JobScheduler.svelte') },
  { path: '/bat/job', label: 'Job Configuration', group: 'Cisco Unified CM Administration', inNav: false, load: () => import('../cucm-admin/JobScheduler.svelte') },
  { path: '/cucm/servers', label: 'System > Server', group: 'Cisco Unified CM Administration', inNav: true, load: () => import('../cucm-admin/Servers.svelte') },
  { path: '/cucm/service-parameters', label: 'System > Service Parameters', group: 'Cisco Unified CM Administration', inNav: true, load: () => import('../cucm-admin/ServiceParameters.svelte') },
  { path: '/cucm/enterprise-parameters', label: 'System > Enterprise Parameters', group: 'Cisco Unified CM Administration', inNav: true, load: () => import('../cucm-admin/EnterpriseParameters.svelte') },
  { path: '/os/certificates', label: 'Security > Certificate Management', group: 'Cisco Unified OS Administration', inNav: true, load: () => import('../os-admin/CertificateList.svelte') },
  { path: '/os/certificate', label: 'Certificate Details', group: 'Cisco Unified OS Administration', inNav: false, load: () => import('../os-admin/CertificateDetails.svelte') },
  { path: '/os/upload', label: 'Upload Certificate/Certificate chain', group: 'Cisco Unified OS Administration', inNav: false, load: () => import('../os-admin/UploadCertificate.svelte'), areas: ['upload'] },
  { path: '/serviceability/activation', label: 'Tools > Service Activation', group: 'Cisco Unified Serviceability', inNav: true, load: () => import('../serviceability/ServiceActivation.svelte') },
  { path: '/serviceability/feature', label: 'Tools > Control Center - Feature Services', group: 'Cisco Unified Serviceability', inNav: true, load: () => import('../serviceability/ControlCenter.svelte'), params: { kind: 'feature' } },
  { path: '/serviceability/network', label: 'Tools > Control Center - Network Services', group: 'Cisco Unified Serviceability', inNav: true, load: () => import('../serviceability/ControlCenter.svelte'), params: { kind: 'network' } },
  { path: '/cli', label: 'Admin CLI', group: 'Admin CLI', inNav: false, load: () => import('../cli/Terminal.svelte'), areas: ['cli'] },
  { path: '/phone', label: 'Phone', group: 'Phone', inNav: false, load: () => import('../phone/Phone.svelte'), areas: ['phone'] },
  { path: '/logs', label: 'shell.nav.logs', own: true, group: 'Observe', inNav: true, load: () => import('../logs/Logs.svelte'), areas: ['observe', 'fleet'] },
  { path: '/trace', label: 'shell.nav.trace', own: true, group: 'Observe', inNav: true, load: () => import('../trace/Trace.svelte'), areas: ['pictures', 'observe', 'fleet'] },
  { path: '/trust', label: 'shell.nav.trust', own: true, group: 'Observe', inNav: true, load: () => import('../trust/TrustMap.svelte'), areas: ['pictures'] },
  { path: '/statecharts', label: 'shell.nav.statecharts', own: true, group: 'Observe', inNav: true, load: () => import('../statecharts/Statecharts.svelte'), areas: ['pictures'] },
  { path: '/downloads', label: 'shell.nav.downloads', own: true, group: 'Observe', inNav: true, load: () => import('../downloads/Downloads.svelte'), areas: ['observe'] },
];

export function findRoute(path: string): RouteDef | undefined {
  return ROUTES.find((r) => r.path === path);
}
