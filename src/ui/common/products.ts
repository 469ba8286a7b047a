/**
 * The three Cisco web applications the lab reproduces, with the names their headers and menu bars show
 * (domain.md §3 for OS Administration; the menu names are those of the CUCM 11.5 pages). Only the menu
 * items that lead to a screen of this lab are links; the other top menus are shown for orientation.
 */
export type Product = 'cm' | 'os' | 'serviceability';

export interface MenuItem {
  label: string;
  path: string;
  params?: Record<string, string>;
}

export interface Menu {
  label: string;
  items: MenuItem[];
}

export interface ProductInfo {
  /** The header's product name. */
  title: string;
  /** The name in the header's "Navigation" drop-down. */
  navigationName: string;
  /** Where "Go" in the Navigation drop-down leads. */
  home: MenuItem;
  menus: Menu[];
}

export const PRODUCTS: Record<Product, ProductInfo> = {
  cm: {
    title: 'Cisco Unified CM Administration',
    navigationName: 'Cisco Unified CM Administration',
    home: { label: 'Phone', path: '/cucm/phones' },
    menus: [
      {
        label: 'System',
        items: [
          { label: 'Server', path: '/cucm/servers' },
          { label: 'Service Parameters', path: '/cucm/service-parameters' },
          { label: 'Enterprise Parameters', path: '/cucm/enterprise-parameters' },
        ],
      },
      { label: 'Call Routing', items: [] },
      { label: 'Media Resources', items: [] },
      { label: 'Advanced Features', items: [] },
      { label: 'Device', items: [{ label: 'Phone', path: '/cucm/phones' }] },
      { label: 'Application', items: [] },
      { label: 'User Management', items: [] },
      {
        label: 'Bulk Administration',
        items: [
          { label: 'Phones > Update Phones > Query', path: '/bat/update-phones' },
          { label: 'Job Scheduler', path: '/bat/jobs' },
        ],
      },
      { label: 'Help', items: [] },
    ],
  },
  os: {
    title: 'Cisco Unified Operating System Administration',
    navigationName: 'Cisco Unified OS Administration',
    home: { label: 'Certificate Management', path: '/os/certificates' },
    menus: [
      { label: 'Show', items: [] },
      { label: 'Settings', items: [] },
      { label: 'Security', items: [{ label: 'Certificate Management', path: '/os/certificates' }] },
      { label: 'Software Upgrades', items: [] },
      { label: 'Services', items: [] },
      { label: 'Help', items: [] },
    ],
  },
  serviceability: {
    title: 'Cisco Unified Serviceability',
    navigationName: 'Cisco Unified Serviceability',
    home: { label: 'Service Activation', path: '/serviceability/activation' },
    menus: [
      { label: 'Alarm', items: [] },
      { label: 'Trace', items: [] },
      {
        label: 'Tools',
        items: [
          { label: 'Service Activation', path: '/serviceability/activation' },
          { label: 'Control Center - Feature Services', path: '/serviceability/feature' },
          { label: 'Control Center - Network Services', path: '/serviceability/network' },
        ],
      },
      { label: 'Snmp', items: [] },
      { label: 'CallHome', items: [] },
      { label: 'Help', items: [] },
    ],
  },
};

export const PRODUCT_ORDER: Product[] = ['cm', 'serviceability', 'os'];
