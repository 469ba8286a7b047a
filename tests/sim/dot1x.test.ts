/**
 * 802.1X with LSCs (domain.md §10, S2, S16): a switch port whose RADIUS policy trusts only this cluster's
 * CAPF rejects the MIC, accepts the LSC, and rejects LSCs of a CAPF certificate that has since been regenerated.
 */
import { describe, expect, it } from 'vitest';
import { dot1xLab } from '../../src/content/scenarios/dot1x-lab';
import { seedProcedure } from '../../src/content/procedures';
import { ISE_ACCEPTED, ISE_REJECTED, ISE_UNKNOWN_CA } from '../../src/sim/dot1x/radius.machine';
import { LabWorld } from '../../src/sim/world';
import { pooledKeys } from '../helpers/key-pool';

const PHONE = 'SEP682C7B5C2342';
const failures = (w: LabWorld) => w.env.log.records.filter((r) => r.source === 'phone-status' && r.text === '802.1x Authentication: Failed').length;
const radius = (w: LabWorld) => w.env.log.text('radius');

describe('802.1X: the port trusts only LSCs from this cluster\'s CAPF', () => {
  it('the MIC is rejected, the LSC accepted, and after a CAPF regeneration the old LSC is rejected until a new one is installed', async () => {
    const world = await LabWorld.create({ scenario: dot1xLab, seed: 41, start: Date.UTC(2026, 2, 16, 13), keySource: pooledKeys });
    await world.runUntilSettled();
    // Boot with the MIC only.
    expect(failures(world)).toBe(1);
    expect(radius(world)).toContain(ISE_UNKNOWN_CA);
    expect(world.env.log.text('phone-console')).toContain('PAE-EAP-TLS: starting 802.1X authentication with the MIC');
    expect(world.trace.packets.some((p) => p.protocol === 'RADIUS' && p.summary.startsWith('Access-Reject'))).toBe(true);

    // Install the LSC: the phone resets and authenticates with it.
    for (const action of seedProcedure(world)) await world.act(action);
    await world.runUntilSettled();
    expect(world.lsc(PHONE)).toBe('Installed');
    expect(failures(world)).toBe(1);
    // ISE names the certificate by its CN, which for a real LSC is CP-<model>-SEP<MAC> (TAC 213407) — the phone's EAP identity.
    expect(radius(world)).toMatch(new RegExp(`${ISE_ACCEPTED}: CP-8845-SEP682C7B5C2342 issued by CAPF-7f0ae8d7`));
    expect(world.trace.packets.some((p) => p.protocol === 'EAPOL' && p.summary === 'EAP Success')).toBe(true);

    // Regenerate CAPF (the phones reset): the policy now trusts the new CAPF, the phone still has the old LSC.
    await world.act({ type: 'os.certificate.regenerate', node: 'ao115pub', purpose: 'CAPF' });
    await world.runUntilSettled();
    expect(failures(world)).toBe(2);
    expect(world.env.log.text('radius').split('\n').at(-1)).toContain(`${ISE_REJECTED}: ${ISE_UNKNOWN_CA}`);

    // The documented way out: ITLs with the new CAPF, reset, a new LSC.
    for (const node of ['ao115pub', 'ao115sub']) await world.act({ type: 'serviceability.restart', node, service: 'tftp' });
    await world.run(15_000);
    await world.act({ type: 'cucm.phone.reset', device: PHONE });
    await world.runUntilSettled();
    for (const action of seedProcedure(world)) await world.act(action);
    await world.runUntilSettled();
    expect(world.certificateOperationStatus(PHONE)).toBe('Upgrade Success');
    expect(world.env.log.text('radius').split('\n').at(-1)).toContain(ISE_ACCEPTED);
  });
});
