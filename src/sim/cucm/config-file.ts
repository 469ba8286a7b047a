/**
 * The phone's configuration file `SEP<MAC>.cnf.xml` as CUCM's TFTP service writes it from the database,
 * reduced to the elements that matter for the LSC procedure (element names from domain.md §6.1 and the
 * community documentation of the format, [2nd S24]):
 *
 * - `<capfAuthMode>`: 0 no operation, 1 authentication string, 2 null string, 3 existing certificate
 *   (LSC first), 4 (MIC first) — the phone starts a CAPF session by itself for 2–4 (domain.md §2.3);
 * - `<capfList>`: the CAPF server (System > Server name of the publisher) and port 3804;
 * - `<TVS>`: the TVS servers the phone asks about certificates it does not hold;
 * - no `<vpnGroup>`: the phone reports "VPN not configured".
 *
 * The phone reads it back with `parseConfigFile` (our own writer's output, so a small reader suffices).
 */
import type { AuthenticationMode, PhoneRecord, ServerEntry } from './database';

export const CAPF_AUTH_MODE_CODES: Record<AuthenticationMode, 1 | 2 | 3 | 4> = {
  'By Authentication String': 1,
  'By Null String': 2,
  'By Existing Certificate (precedence to LSC)': 3,
  'By Existing Certificate (precedence to MIC)': 4,
};

export interface PhoneConfig {
  deviceName: string;
  loadInformation: string;
  callManagers: string[];
  tvsServers: string[];
  capfAuthMode: 0 | 1 | 2 | 3 | 4;
  capfServer: string;
  capfPort: number;
  vpnConfigured: boolean;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function buildConfigFile(input: {
  phone: PhoneRecord;
  loadInformation: string;
  /** CallManager group: the servers, publisher first. */
  servers: ServerEntry[];
  capfServer: ServerEntry;
  capfPort: number;
}): string {
  const { phone, servers } = input;
  const pending = phone.capf.certificateOperation !== 'No Pending Operation';
  const mode = pending ? CAPF_AUTH_MODE_CODES[phone.capf.authenticationMode] : 0;
  const members = servers
    .map(
      (s, i) => `      <member priority="${i}">
        <callManager>
          <name>${escapeXml(s.hostNameOrIp)}</name>
          <ports><sipPort>5060</sipPort><securedSipPort>5061</securedSipPort></ports>
          <processNodeName>${escapeXml(s.hostNameOrIp)}</processNodeName>
        </callManager>
      </member>`,
    )
    .join('\n');
  const tvs = servers
    .map((s, i) => `    <member priority="${i}"><port>2445</port><address>${escapeXml(s.hostNameOrIp)}</address></member>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<device xsi:type="axl:XIPPhone" ctiid="${phone.configVersion}">
  <fullConfig>true</fullConfig>
  <deviceProtocol>SIP</deviceProtocol>
  <sshUserId></sshUserId>
  <devicePool>
    <name>${escapeXml(phone.devicePool)}</name>
    <callManagerGroup>
      <members>
${members}
      </members>
    </callManagerGroup>
  </devicePool>
  <TVS>
    <members>
${tvs}
    </members>
  </TVS>
  <loadInformation>${escapeXml(input.loadInformation)}</loadInformation>
  <capfAuthMode>${mode}</capfAuthMode>
  <capfList>
    <capf>
      <phonePort>${input.capfPort}</phonePort>
      <processNodeName>${escapeXml(input.capfServer.hostNameOrIp)}</processNodeName>
    </capf>
  </capfList>
  <certHash></certHash>
  <encrConfig>false</encrConfig>
  <deviceSecurityMode>1</deviceSecurityMode>
</device>
`;
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function elementTexts(xml: string, tag: string): string[] {
  return Array.from(xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g')), (m) => unescapeXml(m[1].trim()));
}

export function parseConfigFile(xml: string, deviceName: string): PhoneConfig {
  const section = (tag: string) => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml)?.[1] ?? '';
  const mode = Number(elementTexts(xml, 'capfAuthMode')[0] ?? 0);
  const capf = section('capfList');
  return {
    deviceName,
    loadInformation: elementTexts(xml, 'loadInformation')[0] ?? '',
    callManagers: elementTexts(section('callManagerGroup'), 'processNodeName'),
    tvsServers: elementTexts(section('TVS'), 'address'),
    capfAuthMode: ([0, 1, 2, 3, 4].includes(mode) ? mode : 0) as PhoneConfig['capfAuthMode'],
    capfServer: elementTexts(capf, 'processNodeName')[0] ?? '',
    capfPort: Number(elementTexts(capf, 'phonePort')[0] ?? 3804),
    vpnConfigured: /<vpnGroup>/.test(xml),
  };
}
