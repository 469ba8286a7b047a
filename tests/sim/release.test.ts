/**
 * One CUCM release per scenario (issue "Fidelity", item 10): the seed lab is 11.5 — ITL signed by each TFTP
 * node's CallManager certificate (the seed's `show itl`), no Online CA, none of the 12.5(1) CAPF commands —
 * and `cucm14-lab` is 14.0: ITL signed by ITLRecovery (from 12.0 on, TAC 214231), Online CA offered (12.5(1)),
 * `utils capf stale-lsc …` and `utils capf csr list` (Release Notes 12.5(1)). The seed procedure ends in
 * Upgrade Success on both.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cucm14Lab } from '../../src/content/scenarios/cucm14-lab';
import { seedLab } from '../../src/content/scenarios/seed-lab';
import { seedProcedure } from '../../src/content/procedures';
import { parseItl, verifyItl } from '../../src/itl';
import { UNKNOWN_COMMAND } from '../../src/sim/cucm/cli';
import { LabWorld } from '../../src/sim/world';
import { pooledKeys } from '../helpers/key-pool';

const PHONE = 'SEP682C7B5C2342';
const START = Date.UTC(2026, 2, 16, 13, 0);

async function cli(world: LabWorld, node: string, command: string): Promise<string> {
  const r = await world.act({ type: 'cli', node, command });
  if (!r.ok) throw new Error(r.error);
  return r.output ?? '';
}

/** The SAST records of `show itl` with the line that says whether each signed the file. */
function sastRecords(showItl: string): Array<{ subject: string; signed: boolean }> {
  return showItl
    .split(/ITL Record #:\d+\n/)
    .slice(1)
    .filter((r) => /FUNCTION\s+2\s+System Administrator Security Token/.test(r))
    .map((r) => ({ subject: /SUBJECTNAME\s+\d+\s+CN=([^;]+)/.exec(r)![1], signed: r.includes('This etoken was used to sign the ITL file.') }));
}

describe('CUCM 14.0 (cucm14-lab)', () => {
  let world: LabWorld;
  beforeAll(async () => {
    world = await LabWorld.create({ scenario: cucm14Lab, seed: 14, start: START, keySource: pooledKeys });
    await world.runUntilSettled();
  });

  it('each TFTP node\'s ITL is signed by the ITLRecovery certificate, and verifies', async () => {
    for (const node of ['cucm14pub', 'cucm14sub']) {
      const out = await cli(world, node, 'show itl');
      expect(sastRecords(out)).toEqual([
        { subject: 'ITLRECOVERY_cucm14pub', signed: true },
        { subject: node, signed: false },
      ]);
      expect(out.trimEnd().endsWith('The ITL file was verified successfully.')).toBe(true);
      const parsed = parseItl(world.servedItl(node)!.bytes);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect((await verifyItl(parsed.value)).ok).toBe(true);
    }
  });

  it('offers Online CA and has the 12.5(1) CAPF commands', async () => {
    const params = world.env.db.capfParameters;
    expect((await world.act({ type: 'cucm.serviceParameters.save', capf: { ...params, certificateIssuerToEndpoint: 'Online CA' } })).ok).toBe(true);
    await world.act({ type: 'cucm.serviceParameters.save', capf: params });
    expect(await cli(world, 'cucm14pub', 'utils capf stale-lsc list')).toBe('No stale LSC certificates were found.');
    expect(await cli(world, 'cucm14pub', 'utils capf csr list')).toBe('No CSR files are available.');
    expect(await cli(world, 'cucm14pub', 'utils dbreplication runtimestate')).toContain('DB Version: ccm14_0_1_10000_20');
  });

  it('the seed procedure installs the LSC: Upgrade Success, the phone took the ITLRecovery-signed ITL', async () => {
    for (const action of seedProcedure(world)) expect((await world.act(action)).ok).toBe(true);
    await world.runUntilSettled();
    expect(world.lsc(PHONE)).toBe('Installed');
    expect(world.certificateOperationStatus(PHONE)).toBe('Upgrade Success');
    expect(world.phoneContext(PHONE)!.flash.itl).toEqual(world.servedItl('cucm14sub')!.bytes);
  });
});

describe('CUCM 11.5 (the seed lab)', () => {
  let world: LabWorld;
  beforeAll(async () => {
    world = await LabWorld.create({ scenario: seedLab, seed: 14, start: START, keySource: pooledKeys });
    await world.runUntilSettled();
  });

  it('signs each node\'s ITL with its CallManager certificate, refuses Online CA and lacks the 12.5(1) CAPF commands', async () => {
    expect(sastRecords(await cli(world, 'ao115sub', 'show itl'))).toEqual([
      { subject: 'ITLRECOVERY_ao115pub', signed: false },
      { subject: 'ao115sub', signed: true },
    ]);
    const params = world.env.db.capfParameters;
    expect(await world.act({ type: 'cucm.serviceParameters.save', capf: { ...params, certificateIssuerToEndpoint: 'Online CA' } })).toEqual({
      ok: false,
      error: 'Certificate Issuer to Endpoint: "Online CA" is not a valid choice.',
    });
    expect(await cli(world, 'ao115pub', 'utils capf csr list')).toBe(UNKNOWN_COMMAND);
  });
});
