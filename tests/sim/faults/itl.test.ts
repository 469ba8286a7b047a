/**
 * Trust-list faults: the phone's ITL differs from TFTP's, trust lost (ITL recovery), CSCus33755, TVS down
 * (seed "LSC: Operation Pending" causes 1–3; domain.md §5.7, §8).
 */
import { expect } from 'vitest';
import { ITL_NOT_FOUND_TEXT } from '../../../src/itl';
import { ITL_RESET_CSCUS33755 } from '../../../src/sim/cucm/cli';
import { count, describeFault, PHONE } from './lab';

describeFault('itl.phone-mismatch', async ({ world }, s) => {
  // TFTP serves an ITL with the new CAPF certificate; the phone, never reset, still pins the old one.
  const served = world.servedItl('ao115sub')!.bytes;
  const held = world.phoneContext(PHONE)!.flash.itl!;
  expect(Buffer.from(held).equals(Buffer.from(served))).toBe(false);
  expect(s.lsc).toBe('Not Installed');
  expect(s.status).toBe('Operation Pending');
  expect(s.phoneStatus).toMatch(/\] LSC: Connection failed$/m);
  expect(s.console).toContain('server certificate does not match the CAPF certificate in the trust list');
  const current = world.env.certs.identity('ao115pub', 'CAPF')!.info.serialNumber;
  const colon = Array.from(current, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
  expect(await s.showItl('ao115sub')).toContain(colon);
  const phoneCapf = world.phoneContext(PHONE)!.trustList!.records.find((r) => r.function.code === 4)!;
  expect(Array.from(phoneCapf.serialNumber)).not.toEqual(Array.from(current));
});

describeFault('itl.corrupted', async ({ world }, s) => {
  // TAC 213295 lists a corrupt ITL among the causes of "LSC: Connection failed" with "Operation Pending": the
  // phone refuses the damaged ITL, keeps its old one (with the old CAPF certificate), still gets its
  // configuration, and rejects the CAPF server's new certificate — TVS, started before the regeneration,
  // does not know it either.
  expect(s.phoneStatus).toMatch(/\] Trust List update failed$/m);
  expect(s.phoneStatus).toMatch(/\] LSC: Connection failed$/m);
  expect(s.phoneStatus).not.toContain('authenticated fail');
  expect(s.lsc).toBe('Not Installed');
  expect(s.status).toBe('Operation Pending');
  expect(s.console).toContain('TL verification failed');
  expect(s.console).toContain('CAPF: TVS did not vouch for the CAPF server certificate (TVS does not know the certificate)');
  expect(s.packetText).toMatch(/SEP682C7B5C2342:\d+ > ao115pub:3804 TLS Alert \(Level: Fatal, Description: Bad Certificate\)/);
  // show itl on the phone's TFTP server names the problem.
  expect(await s.showItl('ao115sub')).toContain('The ITL file was not verified successfully.');
  // The recovery: utils itl reset localkey prints S19's success text.
  const reset = await world.act({ type: 'cli', node: 'ao115pub', command: 'utils itl reset localkey' });
  expect(reset.ok && reset.output).toContain('The reset ITL file was generated successfully');
  expect(reset.ok && reset.output).toContain('Successfully transferred reset ITL to node ao115sub');
  const after = await s.showItl('ao115sub');
  expect(after).toMatch(/CN=ITLRECOVERY_ao115pub/);
  expect(after).toContain('This etoken was used to sign the ITL file.');
});

describeFault('itl.cscus33755', async ({ world }, s) => {
  // Replication down: the subscriber's TFTP has no ITL and the reset fails the way the seed shows.
  expect((await s.showItl('ao115sub')).trimEnd()).toBe(ITL_NOT_FOUND_TEXT.trimEnd());
  const reset = await world.act({ type: 'cli', node: 'ao115pub', command: 'utils itl reset localkey' });
  expect(reset.ok && reset.output).toBe(`Enter CCM Administrator password :\n${ITL_RESET_CSCUS33755}`);
  expect(s.lsc).toBe('Not Installed');
  expect(s.status).toBe('Operation Pending');
  expect(s.phoneStatus).toMatch(/\] LSC: Connection failed$/m);
  expect(world.env.log.text('tftp-trace', 'ao115sub')).toContain('replication is down');
});

describeFault('tvs.down', async (_lab, s) => {
  // TAC 213295: phones that cannot authenticate because of a TVS problem show "LSC: Connection failed" and CUCM
  // "Operation Pending". The ITL still pins the old CAPF certificate; only TVS could vouch for the new one, and
  // TVS on the publisher refuses the connection.
  expect(count(s.phoneStatus, /\] LSC: Connection failed$/)).toBe(4);
  expect(s.phoneStatus).not.toContain('Trust List update failed');
  expect(s.lsc).toBe('Not Installed');
  expect(s.status).toBe('Operation Pending');
  expect(s.console).toContain('CAPF: server certificate is not the CAPF certificate in the trust list, asking TVS');
  expect(s.console).toContain('CAPF: TVS did not vouch for the CAPF server certificate (TVS refused the connection (port 2445))');
  expect(s.console).not.toContain('TVS process request - Successfully sent the TVS request');
  expect(s.packetText).toMatch(/SEP682C7B5C2342:\d+ > ao115pub:2445 TCP \d+ → 2445 \[SYN\] refused/);
  expect(s.packetText).toMatch(/SEP682C7B5C2342:\d+ > ao115pub:3804 TLS Alert \(Level: Fatal, Description: Bad Certificate\)/);
  expect(s.capfTrace).toContain('TLS handshake failed: fatal alert from the phone');
});
