/**
 * Every screen of the lab, with the menu path a CUCM engineer knows it by. Screens load on first visit, so
 * the first page stays small.
 */
import type { Component } from 'svelte';

export interface RouteDef {
  path: string;
  /** Navigation label (the real product's name for the surface). */
  label: string;
  /** The group in the navigation: a product, the phone, or the lab's own views. */
  group: 'Lab' | 'Cisco Unified CM Administration' | 'Cisco Unified OS Administration' | 'Cisco Unified Serviceability' | 'Admin CLI' | 'Phone' | 'Observe';
  load: () => Promise<{ default: Component<any> }>;
  /** Listed in the navigation (detail pages are reached from their list). */
  inNav: boolean;
  params?: Record<string, string>;
}

export const ROUTES: RouteDef[] = [
  { path: '/', label: 'Topology', group: 'Lab', inNav: true, load: () => import('../topology/Topology.svelte') },
  { path: '/faults', label: 'Faults', group: 'Lab', inNav: true, load: () => import('../faults/Faults.svelte') },
  { path: '/dns', label: 'DNS Manager (dc01)', group: 'Lab', inNav: true, load: () => import('../dns/DnsManager.svelte') },
  { path: '/lab/ca', label: 'Enterprise CA (Offline CA)', group: 'Lab', inNav: true, load: () => import('../lab-ca/EnterpriseCa.svelte') },
  { path: '/inspect', label: 'Inspect a file', group: 'Lab', inNav: true, load: () => import('../inspect/Inspect.svelte') },
  { path: '/cucm/phones', label: 'Device > Phone', group: 'Cisco Unified CM Administration', inNav: true, load: () => import('../cucm-admin/FindPhones.svelte') },
  { path: '/cucm/phone', label: 'Phone Configuration', group: 'Cisco Unified CM Administration', inNav: false, load: () => import('../cucm-admin/PhoneConfiguration.svelte') },
  { path: '/cucm/servers', label: 'System > Server', group: 'Cisco Unified CM Administration', inNav: true, load: () => import('../cucm-admin/Servers.svelte') },
  { path: '/cucm/service-parameters', label: 'System > Service Parameters', group: 'Cisco Unified CM Administration', inNav: true, load: () => import('../cucm-admin/ServiceParameters.svelte') },
  { path: '/cucm/enterprise-parameters', label: 'System > Enterprise Parameters', group: 'Cisco Unified CM Administration', inNav: true, load: () => import('../cucm-admin/EnterpriseParameters.svelte') },
  { path: '/os/certificates', label: 'Security > Certificate Management', group: 'Cisco Unified OS Administration', inNav: true, load: () => import('../os-admin/CertificateList.svelte') },
  { path: '/os/certificate', label: 'Certificate Details', group: 'Cisco Unified OS Administration', inNav: false, load: () => import('../os-admin/CertificateDetails.svelte') },
  { path: '/os/upload', label: 'Upload Certificate/Certificate chain', group: 'Cisco Unified OS Administration', inNav: false, load: () => import('../os-admin/UploadCertificate.svelte') },
  { path: '/serviceability/activation', label: 'Tools > Service Activation', group: 'Cisco Unified Serviceability', inNav: true, load: () => import('../serviceability/ServiceActivation.svelte') },
  { path: '/serviceability/feature', label: 'Tools > Control Center - Feature Services', group: 'Cisco Unified Serviceability', inNav: true, load: () => import('../serviceability/ControlCenter.svelte'), params: { kind: 'feature' } },
  { path: '/serviceability/network', label: 'Tools > Control Center - Network Services', group: 'Cisco Unified Serviceability', inNav: true, load: () => import('../serviceability/ControlCenter.svelte'), params: { kind: 'network' } },
  { path: '/cli', label: 'Admin CLI', group: 'Admin CLI', inNav: false, load: () => import('../cli/Terminal.svelte') },
  { path: '/phone', label: 'Phone', group: 'Phone', inNav: false, load: () => import('../phone/Phone.svelte') },
  { path: '/logs', label: 'Logs', group: 'Observe', inNav: true, load: () => import('../logs/Logs.svelte') },
  { path: '/trace', label: 'Message trace', group: 'Observe', inNav: true, load: () => import('../trace/Trace.svelte') },
  { path: '/trust', label: 'Trust map', group: 'Observe', inNav: true, load: () => import('../trust/TrustMap.svelte') },
  { path: '/statecharts', label: 'Statecharts', group: 'Observe', inNav: true, load: () => import('../statecharts/Statecharts.svelte') },
  { path: '/downloads', label: 'Downloads', group: 'Observe', inNav: true, load: () => import('../downloads/Downloads.svelte') },
];

export function findRoute(path: string): RouteDef | undefined {
  return ROUTES.find((r) => r.path === path);
}
