/**
 * Authentication faults: what CAPF checks after AUTH_RESPONSE (domain.md §2.3, §2.8 error codes).
 */
import { expect } from 'vitest';
import { describeFault, PHONE } from './lab';

describeFault('auth.wrong-string', async ({ world }, s) => {
  // By Authentication String: the phone waits for the string, the wrong one ends in Invalid Authentication String.
  expect(s.status).toBe('Upgrade Failed: Invalid Authentication String');
  expect(s.lsc).toBe('Not Installed');
  expect(s.phoneStatus).toMatch(/\] LSC: Failed$/m);
  expect(s.console).toContain('Start CAPF - mode:[2]([AUTH_STR])');
  expect(s.capfTrace).toContain('CAPF error 3 CAPF_OP_FAIL_INVALID_AUTH_STR');
  expect(s.packetText).toMatch(/CAPF AUTH_RESPONSE SEP682C7B5C2342 with authentication string/);
  expect(world.env.db.phone(PHONE)!.capf.authenticationString).toBe('135790');
});

describeFault('auth.foreign-lsc', async ({ world }, s) => {
  // The phone presents the LSC another cluster's CAPF issued; this CAPF-trust does not know its issuer.
  expect(s.status).toBe('Upgrade Failed: Invalid LSC');
  expect(s.phoneStatus).toMatch(/\] LSC: Failed$/m);
  expect(s.capfTrace).toContain('CAPF error 4 CAPF_OP_FAIL_INVALID_LSC');
  expect(s.capfTrace).toMatch(/LSC issuer .*O=Example Old Corp.* not trusted by CAPF-trust/);
  expect(s.packetText).toMatch(/CAPF AUTH_RESPONSE SEP682C7B5C2342 with LSC/);
  // The phone still holds the old cluster's LSC, so its LSC field reads Installed.
  expect(s.lsc).toBe('Installed');
  expect(world.phoneContext(PHONE)!.flash.lsc).not.toBeNull();
});

describeFault('auth.mic-untrusted', async ({ world }, s) => {
  // The MIC's issuer was deleted from CAPF-trust.
  expect(world.env.certs.trust('ao115pub', 'CAPF-trust').some((t) => t.fileName === 'Cisco Manufacturing CA SHA2.pem')).toBe(false);
  expect(s.status).toBe('Upgrade Failed: Invalid MIC');
  expect(s.lsc).toBe('Not Installed');
  expect(s.phoneStatus).toMatch(/\] LSC: Failed$/m);
  expect(s.capfTrace).toContain('CAPF error 5 CAPF_OP_FAIL_INVALID_MIC');
  expect(s.packetText).toMatch(/CAPF AUTH_RESPONSE SEP682C7B5C2342 with MIC/);
});
