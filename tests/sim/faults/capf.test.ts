/**
 * CAPF and reachability faults of the seed's troubleshooting section: "No valid CAPF server", "LSC:
 * Connection failed" (service stopped, certificate regenerated, port 3804 blocked, DNS), "LSC: Failed".
 */
import { expect } from 'vitest';
import { count, describeFault, PHONE } from './lab';

describeFault('capf.not-activated', async ({ world }, s) => {
  // With CAPF not activated, the ITLs have no CAPF record and the phone shows "No valid CAPF server".
  expect(s.lsc).toBe('Not Installed');
  expect(s.status).toBe('Operation Pending');
  expect(s.phoneStatus).toMatch(/\] No valid CAPF server$/m);
  expect(s.console).toContain('SECUREAPP-RCAPF_START_MODE: Start CAPF - mode:[1]([NULL_STR])');
  expect(s.console).toContain('no CAPF certificate in the trust list');
  for (const node of ['ao115pub', 'ao115sub']) {
    const itl = await s.showItl(node);
    expect(itl).not.toMatch(/FUNCTION\s+2\s+CAPF/);
    expect(itl).toContain('The ITL file was verified successfully.');
  }
  expect(s.capfTrace).not.toContain('Incoming Connection');
  expect(s.packets.some((p) => p.to.port === 3804)).toBe(false);
  expect(world.stateOf('capf@ao115pub')).toBe('deactivated');
});

describeFault('capf.service-stopped', async (_lab, s) => {
  // Nothing listens on 3804: the SYN is answered with a reset, the phone tries 3 more times at 30 s.
  expect(s.lsc).toBe('Not Installed');
  expect(s.status).toBe('Operation Pending');
  expect(count(s.phoneStatus, /\] LSC: Connection failed$/)).toBe(4);
  const times = s.phoneStatus.split('\n').filter((l) => l.endsWith('LSC: Connection failed')).map((l) => l.slice(1, 9));
  const seconds = times.map((t) => t.split(':').reduce((a, b) => a * 60 + Number(b), 0));
  expect(seconds.slice(1).map((t, i) => t - seconds[i])).toEqual([30, 30, 30]);
  expect(s.console).toContain('errno 111 (Connection refused)');
  expect(s.capfTrace).toContain('Cisco Certificate Authority Proxy Function stopped');
  expect(s.capfTrace).not.toContain('Incoming Connection');
  expect(s.packetText).toMatch(/SEP682C7B5C2342:\d+ > ao115pub:3804 TCP \d+ → 3804 \[SYN\] refused/);
  expect(s.packetText).toMatch(/ao115pub:3804 > SEP682C7B5C2342:\d+ TCP 3804 → \d+ \[RST, ACK\]/);
  expect(await s.showItl('ao115sub')).toMatch(/FUNCTION\s+2\s+CAPF/);
});

describeFault('capf.cert-regenerated', async ({ world }, s) => {
  // The ITL still pins the old CAPF certificate: the phone sends a TLS alert instead of finishing the handshake.
  expect(s.lsc).toBe('Not Installed');
  expect(s.status).toBe('Operation Pending');
  expect(s.phoneStatus).toMatch(/\] LSC: Connection failed$/m);
  expect(s.console).toContain('server certificate does not match the CAPF certificate in the trust list');
  expect(s.capfTrace).toContain('TLS handshake failed: fatal alert from the phone');
  expect(s.packetText).toMatch(/SEP682C7B5C2342:\d+ > ao115pub:3804 TLS Alert \(Level: Fatal, Description: Bad Certificate\)/);
  const current = world.env.certs.identity('ao115pub', 'CAPF')!.info.serialNumber;
  const colon = Array.from(current, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
  const itl = await s.showItl('ao115sub');
  expect(itl).toMatch(/FUNCTION\s+2\s+CAPF/);
  expect(itl).not.toContain(colon);
  // Regenerating with the service running reset the phone (CSCue55353).
  // CUCM's NOTIFY to a Cisco SIP phone: Event: service-control, body action=… (TAC 217294), here a reset.
  expect(s.packetText).toMatch(/NOTIFY sip:SEP682C7B5C2342@10\.122\.138\.150:5060 \(Event: service-control, action=reset\)/);
});

describeFault('network.capf-port-blocked', async (_lab, s) => {
  // SYN without answer: the firewall drops 3804 and the phone's connect times out.
  expect(s.lsc).toBe('Not Installed');
  expect(s.status).toBe('Operation Pending');
  expect(count(s.phoneStatus, /\] LSC: Connection failed$/)).toBe(4);
  expect(s.console).toContain('errno 110 (Connection timed out)');
  expect(s.packetText).toMatch(/> ao115pub:3804 TCP \d+ → 3804 \[SYN\] dropped dropped by firewall rule "deny tcp any host 10\.122\.138\.102 eq 3804"/);
  expect(s.packets.some((p) => p.from.port === 3804)).toBe(false);
  expect(s.capfTrace).not.toContain('Incoming Connection');
});

describeFault('dns.capf-host-missing', async (_lab, s) => {
  // The seed's DNS lab: NXDOMAIN, the phone cannot create the TLS BIO, "LSC: Connection failed".
  expect(s.lsc).toBe('Not Installed');
  expect(s.status).toBe('Operation Pending');
  expect(s.phoneStatus).toMatch(/^\[\d\d:\d\d:\d\d \d\d\/\d\d\/\d\d\] DNS unknown IPv4 host PUB11\.brianw2\.lab$/m);
  expect(s.phoneStatus).toMatch(/\] LSC: Connection failed$/m);
  for (const line of [
    /^\d{4} INF \w{3} \d\d \d\d:\d\d:\d\d\.\d{6} dnsmasq\[\d+\]: query\[A\] PUB11\.brianw2\.lab from 127\.0\.0\.1$/m,
    /^\d{4} INF .* dnsmasq\[\d+\]: forwarded PUB11\.brianw2\.lab to 10\.122\.138\.10$/m,
    /^\d{4} INF .* dnsmasq\[\d+\]: reply PUB11\.brianw2\.lab is NXDOMAIN-IPv4$/m,
    /^\d{4} INF .* dnsmasq\[\d+\]: cached PUB11\.brianw2\.lab is NXDOMAIN-IPv4$/m,
    /^\d{4} WRN .* \(\d+:\d+\) JAVA-configmgr MQThread\|NetUtil\.traceIPv4DNSErrors:\? - DNS/m,
    /^\d{4} ERR .* \(\d+:\d+\) JAVA-configmgr MQThread\|cip\.sec\.TvsProperty:\? - Failed to/m,
    /^\d{4} NOT .* \(\d+:\d+\) SECUREAPP-RCAPF_START_MODE: Start CAPF - mode:\[1\]\(\[NULL_STR\]/m,
    /^\d{4} NOT .* SECUREAPP-CAPF_CLNT_INIT:CAPF clnt initialized$/m,
    /^\d{4} NOT .* SECUREAPP-CAPFClnt: SetDelayTimer - set with value <0>$/m,
    /^\d{4} ERR .* SECUREAPP-Sec create BIO - invalid parameter\.$/m,
    /^\d{4} ERR .* SECUREAPP-SEC_CAPF_BIO_F: CAPF create bio failed$/m,
    /^\d{4} ERR .* SECUREAPP-SEC_CAPF_OP_F: CAPF operation failed, ret -7$/m,
    /^\d{4} CRT .* JAVA-configmgr MQThread\|cip\.sec\.CertificateProperty\$1:\? -/m,
  ]) {
    expect(s.console).toMatch(line);
  }
  // The seed's order: 0481 WRN …NetUtil.traceIPv4DNSErrors, then 0482 ERR …cip.sec.TvsProperty — adjacent lines.
  const lines = s.console.split('\n');
  const wrn = lines.findIndex((l) => /WRN .*NetUtil\.traceIPv4DNSErrors:\? - DNS unknown IPv4 host PUB11/.test(l));
  expect(wrn).toBeGreaterThan(0);
  expect(lines[wrn + 1]).toMatch(/^\d{4} ERR .*cip\.sec\.TvsProperty:\? - Failed to resolve TVS server PUB11\.brianw2\.lab$/);
  expect(Number(lines[wrn + 1].slice(0, 4))).toBe(Number(lines[wrn].slice(0, 4)) + 1);
  expect(s.packetText).toMatch(/DNS Standard query response 0x[0-9a-f]{4} No such name A PUB11\.brianw2\.lab/);
  expect(s.packets.some((p) => p.to.port === 3804)).toBe(false);
});

describeFault('capf.deadline-passed', async (lab, s) => {
  // "Operation Completes By" in the past: Save warns, CAPF refuses the late request.
  expect(lab.procedureResults[0]).toMatchObject({ ok: true, warning: expect.stringContaining('in the past') });
  expect(s.lsc).toBe('Not Installed');
  expect(s.status).toBe('Upgrade Failed: User Initiated Request Late/Timedout');
  expect(s.phoneStatus).toMatch(/\] LSC: Failed$/m);
  expect(s.capfTrace).toContain('CAPF error 11 CAPF_OP_FAIL_LATE_REQUEST');
  expect(s.packetText).toMatch(/ao115pub:3804 > SEP682C7B5C2342:\d+ CAPF END_SESSION INVALID_ELEMENT/);
  expect(s.console).toContain('SEC_CAPF_OP_F: CAPF operation failed');
  expect(lab.world.env.db.phone(PHONE)!.capf.certificateOperation).toBe('Install/Upgrade');
});
