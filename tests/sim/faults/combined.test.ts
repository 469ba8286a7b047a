/**
 * Faults together (DESIGN principle 1): the world carries both changes, so fixing one leaves the phone
 * failing with the other's symptom — and fixing both ends in an installed LSC.
 */
import { describe, expect, it } from 'vitest';
import { findFault } from '../../../src/sim/faults';
import { applyFixes, expectFixed, faultLab, PHONE, surfaces } from './lab';

const fault = (id: string) => findFault(id)!;
const newLines = (before: string, after: string) => after.slice(before.length);

describe('combined faults', () => {
  it('CAPF stopped and the publisher missing from DNS: fixing DNS still fails with "Connection refused"; fixing CAPF too installs the LSC', async () => {
    const lab = await faultLab(['capf.service-stopped', 'dns.capf-host-missing']);
    const before = surfaces(lab.world);
    expect(before.phoneStatus).toMatch(/DNS unknown IPv4 host PUB11\.brianw2\.lab/);
    expect(before.console).toContain('CAPF create bio failed');
    expect(before.console).not.toContain('Connection refused');
    await applyFixes(lab, [fault('dns.capf-host-missing')]);
    const after = surfaces(lab.world);
    expect(newLines(before.console, after.console)).toContain('errno 111 (Connection refused)');
    expect(newLines(before.phoneStatus, after.phoneStatus)).toMatch(/LSC: Connection failed/);
    expect(after.status).toBe('Operation Pending');
    await expectFixed({ ...lab, faults: [fault('capf.service-stopped')] });
  });

  it('CAPF never activated and port 3804 blocked: after activation and the TFTP restarts the phone has a CAPF to call, but its SYN goes unanswered', async () => {
    const lab = await faultLab(['capf.not-activated', 'network.capf-port-blocked']);
    const before = surfaces(lab.world);
    expect(before.phoneStatus).toMatch(/No valid CAPF server/);
    expect(before.packets.some((p) => p.to.port === 3804)).toBe(false);
    const mark = before.packets.length;
    await applyFixes(lab, [fault('capf.not-activated')]);
    const after = surfaces(lab.world);
    expect(newLines(before.console, after.console)).toContain('errno 110 (Connection timed out)');
    expect(after.packets.slice(mark).some((p) => p.to.port === 3804 && p.outcome === 'dropped')).toBe(true);
    expect(after.status).toBe('Operation Pending');
    await expectFixed({ ...lab, faults: [fault('network.capf-port-blocked')] });
  });

  it('deadline passed while CAPF is stopped: the phone cannot even tell CAPF; once CAPF runs, the late request fails', async () => {
    const lab = await faultLab(['capf.deadline-passed', 'capf.service-stopped']);
    const before = surfaces(lab.world);
    expect(before.phoneStatus).toMatch(/LSC: Connection failed/);
    expect(before.phoneStatus).not.toMatch(/LSC: Failed/);
    expect(before.status).toBe('Operation Pending');
    await applyFixes(lab, [fault('capf.service-stopped')]);
    const after = surfaces(lab.world);
    expect(after.status).toBe('Upgrade Failed: User Initiated Request Late/Timedout');
    expect(newLines(before.phoneStatus, after.phoneStatus)).toMatch(/LSC: Failed/);
    await expectFixed({ ...lab, faults: [fault('capf.deadline-passed')] });
  });

  it('CAPF regenerated and 3804 blocked: restarting TFTP fixes the pin, the firewall still drops the connection', async () => {
    const lab = await faultLab(['capf.cert-regenerated', 'network.capf-port-blocked']);
    const before = surfaces(lab.world);
    expect(before.console).toContain('errno 110 (Connection timed out)');
    await applyFixes(lab, [fault('capf.cert-regenerated')]);
    const after = surfaces(lab.world);
    expect(newLines(before.console, after.console)).toContain('errno 110 (Connection timed out)');
    expect(newLines(before.console, after.console)).not.toContain('does not match the CAPF certificate');
    expect(after.status).toBe('Operation Pending');
    await expectFixed({ ...lab, faults: [fault('network.capf-port-blocked')] });
  });

  it('wrong string and missing DNS record: DNS fails first; with DNS fixed, the wrong string fails at CAPF', async () => {
    const lab = await faultLab(['auth.wrong-string', 'dns.capf-host-missing']);
    const before = surfaces(lab.world);
    expect(before.phoneStatus).toMatch(/DNS unknown IPv4 host PUB11\.brianw2\.lab/);
    expect(before.status).toBe('Operation Pending');
    await applyFixes(lab, [fault('dns.capf-host-missing')]);
    // The learner types the same wrong string again.
    expect((await lab.world.act({ type: 'phone.lsc.submit', device: PHONE, authenticationString: '246801' })).ok).toBe(true);
    await lab.world.runUntilSettled();
    expect(surfaces(lab.world).status).toBe('Upgrade Failed: Invalid Authentication String');
    await expectFixed({ ...lab, faults: [fault('auth.wrong-string')] });
  });

  it('TVS down and CAPF stopped: nothing answers on 3804 before TVS matters; with CAPF back the phone asks TVS and is refused; with TVS back the LSC installs', async () => {
    const lab = await faultLab(['tvs.down', 'capf.service-stopped']);
    const before = surfaces(lab.world);
    expect(before.console).toContain('errno 111 (Connection refused)');
    expect(before.console).not.toContain('asking TVS');
    await applyFixes(lab, [fault('capf.service-stopped')]);
    const after = surfaces(lab.world);
    expect(newLines(before.console, after.console)).toContain('CAPF: TVS did not vouch for the CAPF server certificate (TVS refused the connection (port 2445))');
    expect(newLines(before.phoneStatus, after.phoneStatus)).toMatch(/LSC: Connection failed/);
    expect(after.status).toBe('Operation Pending');
    await expectFixed({ ...lab, faults: [fault('tvs.down')] });
  });
});
