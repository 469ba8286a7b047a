/**
 * Faults of the phone and of the certificates it meets: slow key generation, CAPF version, an expired CAPF
 * certificate, a phone without Security By Default, a phone from another cluster.
 */
import { expect } from 'vitest';
import { count, describeFault, PHONE } from './lab';
import { modelOf } from '../../../src/sim/phone/phone.machine';

describeFault('phone.keygen-timeout', async (_lab, s) => {
  // A 7965 offers no RSA 4096 (no "3072/4096 RSA key size support"); a 2048-bit key at low priority outlasts
  // CAPF's wait (key generation "can take up to 30 or more minutes", System Configuration Guide 12.5).
  expect(s.status).toBe('Upgrade Failed: Key Generation Failed/Timeout');
  expect(s.capfTrace).toContain('CAPF error 8 CAPF_OP_FAIL_OP_TIMED_OUT');
  expect(s.console).toContain('generating RSA 2048 key pair, this may take a while');
  expect(s.console).toContain('sent REQUEST_IN_PROGRESS');
  expect(s.phoneStatus).toMatch(/\] LSC: Failed$/m);
  expect(s.lsc).toBe('Not Installed');
});

describeFault('capf.ec-only-unsupported', async (_lab, s) => {
  expect(s.status).toBe('Upgrade Failed: No Support for EC only in CAPF version 3');
  expect(s.capfTrace).toContain('(phone CAPF version 2, operation Install/Upgrade');
  expect(s.phoneStatus).toMatch(/\] LSC: Failed$/m);
  expect(s.lsc).toBe('Not Installed');
});

describeFault('capf.cert-expired', async ({ world }, s) => {
  // The Certificate List shows an expiration in the past; TLS refuses the expired certificate.
  const capf = world.env.certs.identity('ao115pub', 'CAPF')!;
  expect(capf.info.notAfter.getTime()).toBeLessThan(world.now);
  expect(s.phoneStatus).toMatch(/\] LSC: Connection failed$/m);
  expect(s.console).toContain('CAPF: server certificate has expired');
  expect(s.packetText).toMatch(/> ao115pub:3804 TLS Alert \(Level: Fatal, Description: Certificate Expired\)/);
  expect(s.lsc).toBe('Not Installed');
  expect(s.status).toBe('Operation Pending');
});

describeFault('phone.no-sbd', async ({ world }, s) => {
  // A 7960 has no Security By Default: no ITL download, an unsigned configuration, no CAPF certificate to trust.
  expect(modelOf(world.phoneContext(PHONE)!).model).toBe('CP-7960');
  expect(s.packetText).not.toMatch(/ITLSEP/);
  // 79xx phones fetch their files over TFTP (UDP 69), not HTTP 6970 (domain.md §4, §14.4).
  expect(s.packetText).toMatch(/SEP682C7B5C2342:\d+ > ao115sub:69 TFTP Read Request, File: SEP682C7B5C2342\.cnf\.xml, Transfer type: octet delivered/);
  expect(s.packetText).not.toMatch(/:6970 /);
  expect(world.phoneContext(PHONE)!.trustList).toBeNull();
  expect(s.phoneStatus).toMatch(/\] SEP682C7B5C2342\.cnf\.xml\(TFTP\)$/m);
  // No TVS without Security By Default (TAC 200860): the phone resolves no TVS server.
  expect(s.console).not.toMatch(/TVS|TvsProperty/);
  // A 79xx console line (TAC 200860: "3469 NOT 00:01:31.935298 SECD: …"): no date, no Java, no dnsmasq.
  expect(s.console).toMatch(/^\d{4} NOT \d\d:\d\d:\d\d\.\d{6} SECD: /m);
  expect(s.console).not.toMatch(/JAVA|dnsmasq|SECUREAPP| \w{3} \d\d \d\d:/);
  expect(s.phoneStatus).toMatch(/\] No valid CAPF server$/m);
  expect(s.lsc).toBe('Not Installed');
  expect(s.status).toBe('Operation Pending');
});

describeFault('phone.foreign-itl', async ({ world }, s) => {
  // The old cluster's ITL: our ITL's signer is unknown, the old TVS server does not resolve, the config is refused.
  expect(s.phoneStatus).toMatch(/\] Trust List update failed$/m);
  expect(s.phoneStatus).toMatch(/\] DNS unknown IPv4 host cucm-old\.example\.org$/m);
  expect(count(s.phoneStatus, /invalid file SEP682C7B5C2342\.cnf\.xml\.sgn, authenticated fail\. Reason:14\./)).toBeGreaterThan(1);
  expect(world.stateOf(`phone/${PHONE}`)).toEqual({ on: 'unprovisioned' });
  expect(s.lsc).toBe('Not Installed');
  expect(s.status).toBe('Operation Pending');
});
