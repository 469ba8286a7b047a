/**
 * What the phone shows a person: its Status Messages (exact strings from domain.md §9.3 and the seed),
 * and the LSC field of the security menu (§9.2). Kept in one file so a reader can check every string
 * against its source.
 */

export const STATUS = {
  /** 8800 admin guide: first trust list accepted. */
  itlInstalled: 'ITL installed',
  trustListUpdated: 'Trust List updated',
  trustListUpdateFailed: 'Trust List update failed',
  noTrustList: 'No Trust List installed',
  /** The configuration file name with the transport, as in the seed: "SEP682C7B5C2342.cnf.xml.sgn(HTTP)". */
  configFile: (fileName: string, transport: 'HTTP' | 'TFTP') => `${fileName}(${transport})`,
  vpnNotConfigured: 'VPN not configured',
  dnsUnknownHost: (name: string) => `DNS unknown IPv4 host ${name}`,
  dnsTimeout: 'DNS timeout',
  tftpTimeout: 'TFTP timeout',
  tftpError: 'TFTP error',
  fileNotFound: (name: string) => `File not found ${name}`,
  noValidCapfServer: 'No valid CAPF server',
  lscConnectionFailed: 'LSC: Connection failed',
  lscFailed: 'LSC: Failed',
  /**
   * The success wording is not in our sources (domain.md §13: the seed's screenshot text was not
   * recoverable); "LSC: Installed" follows the other "LSC: …" messages. Our choice.
   */
  lscInstalled: 'LSC: Installed',
  lscDeleted: 'LSC: Deleted',
  restartRequested: 'Restart requested by Cisco Unified Communications Manager',
  /** S16, after a CAPF regeneration: the port's 802.1X policy no longer accepts the phone's certificate. */
  dot1xFailed: '802.1x Authentication: Failed',
  configSignatureRejected: (fileName: string) => `invalid file ${fileName}, authenticated fail. Reason:14.`,
} as const;

/** Values of the LSC field in Settings > Security Configuration (§9.2). */
export type LscField = 'Not Installed' | 'Pending' | 'Installed';
