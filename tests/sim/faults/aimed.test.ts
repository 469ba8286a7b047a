/**
 * Faults name their phone (issue 13): every fault of the catalogue takes the phone it is aimed at, and
 * without one it is the scenario's first phone, as before. In a fleet, faults aimed at other phones break
 * those phones, for the real reason, and their documented fixes mend them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fleetLab } from '../../../src/content/scenarios/fleet-lab';
import { seedLab } from '../../../src/content/scenarios/seed-lab';
import { fleetProcedure, seedProcedure } from '../../../src/content/procedures';
import { applyScenarioFaults, FAULTS, findFault, parseFaultChoice, performSteps, procedureForm, type AimedFault, type FixStep } from '../../../src/sim/faults';
import { withFleet } from '../../../src/sim/fleet';
import { LabWorld } from '../../../src/sim/world';
import { pooledKeys } from '../../helpers/key-pool';

const START = Date.UTC(2026, 10, 24, 14);
const devicesIn = (steps: FixStep[]) => steps.flatMap((s) => ('device' in s && typeof s.device === 'string' ? [s.device] : []));

describe('a fault aimed at a phone', () => {
  const fleet = withFleet(fleetLab, 6, 3);
  const first = fleet.phones[0].deviceName;
  const other = fleet.phones[4].deviceName;

  it('ID@DEVICE names a fault and a phone of the lab; anything else is refused with the reason', () => {
    const phones = fleet.phones.map((p) => p.deviceName);
    expect(parseFaultChoice(`auth.wrong-string@${other.toLowerCase()}`, phones)).toEqual({ ok: true, value: { fault: findFault('auth.wrong-string'), device: other } });
    expect(parseFaultChoice('auth.wrong-string', phones)).toEqual({ ok: true, value: { fault: findFault('auth.wrong-string'), device: undefined } });
    expect(parseFaultChoice('nope@SEP000000000000', phones)).toMatchObject({ ok: false, error: expect.stringContaining('unknown fault "nope"') });
    expect(parseFaultChoice('auth.wrong-string@SEP000000000000', phones)).toMatchObject({ ok: false, error: expect.stringContaining('there is no phone "SEP000000000000"') });
  });

  it.each(FAULTS.filter((f) => f.patchScenario).map((f) => [f.id, f] as const))('%s changes the starting facts of that phone only', (_id, fault) => {
    const patched = fault.patchScenario!(structuredClone(fleet), other);
    const changed = patched.phones.filter((p, i) => JSON.stringify(p) !== JSON.stringify(fleet.phones[i])).map((p) => p.deviceName);
    expect(changed.every((d) => d === other)).toBe(true);
    // Without a phone: the scenario's first, as before.
    const unaimed = fault.patchScenario!(structuredClone(fleet));
    expect(unaimed.phones.slice(1)).toEqual(fleet.phones.slice(1));
  });

  describe('in a booted fleet', () => {
    let world: LabWorld;
    beforeAll(async () => {
      world = await LabWorld.create({ scenario: fleet, seed: 3, start: START, keySource: pooledKeys });
      await world.runUntilSettled();
    });

    it.each(FAULTS.map((f) => [f.id, f] as const))('%s: its steps act on the phone it is aimed at, and on the first phone without one', (_id, fault) => {
      for (const make of [fault.inject, fault.afterProcedure, fault.fix]) {
        if (!make) continue;
        expect(devicesIn(make(world, other)).every((d) => d === other)).toBe(true);
        expect(devicesIn(make(world)).every((d) => d === first)).toBe(true);
      }
    });

    it('procedureForm changes a phone’s form only for the faults aimed at it', () => {
      const faults: AimedFault[] = [{ fault: findFault('auth.wrong-string')!, device: other }, { fault: findFault('capf.deadline-passed')! }];
      const [save] = seedProcedure(world, other);
      const form = (save as Extract<typeof save, { type: 'cucm.phone.save' }>).capf;
      expect(procedureForm(world, faults, form, other)).toMatchObject({ authenticationMode: 'By Authentication String', operationCompletesBy: form.operationCompletesBy });
      expect(procedureForm(world, faults, form, first)).toMatchObject({ authenticationMode: form.authenticationMode });
      expect(procedureForm(world, faults, form, first).operationCompletesBy).not.toBe(form.operationCompletesBy);
      // The lead's call without a device applies every fault, as before.
      expect(procedureForm(world, faults, form)).toMatchObject({ authenticationMode: 'By Authentication String' });
    });
  });
});

describe('a fleet with faults aimed at two of its phones', () => {
  const base = withFleet(fleetLab, 6, 3);
  const wrong = base.phones.find((p, i) => i > 0 && p.model !== 'CP-7960')!.deviceName;
  const legacy = base.phones.find((p, i) => i > 0 && p.deviceName !== wrong)!.deviceName;
  const faults: AimedFault[] = [
    { fault: findFault('auth.wrong-string')!, device: wrong },
    { fault: findFault('phone.no-sbd')!, device: legacy },
  ];
  let world: LabWorld;

  beforeAll(async () => {
    world = await LabWorld.create({ scenario: applyScenarioFaults(base, faults), seed: 3, start: START, keySource: pooledKeys });
    await world.runUntilSettled();
    expect(await performSteps(world, fleetProcedure(world))).toEqual([]);
    await world.runUntilSettled();
    expect(await performSteps(world, seedProcedure(world, wrong, (f) => procedureForm(world, faults, f, wrong)))).toEqual([]);
    await world.runUntilSettled();
    expect(await performSteps(world, faults.flatMap((f) => f.fault.afterProcedure?.(world, f.device) ?? []))).toEqual([]);
    await world.runUntilSettled();
  });

  it('only those phones fail: the wrong string is refused, the 7960 cannot enrol; the others hold LSCs', () => {
    expect(world.certificateOperationStatus(wrong)).toBe('Upgrade Failed: Invalid Authentication String');
    expect(world.env.scenario.phones.find((p) => p.deviceName === legacy)!.model).toBe('CP-7960');
    expect(world.lsc(legacy)).toBe('Not Installed');
    for (const p of world.env.scenario.phones) {
      if (p.deviceName === wrong || p.deviceName === legacy || p.model === 'CP-7960') continue;
      expect(world.certificateOperationStatus(p.deviceName), p.deviceName).toBe('Upgrade Success');
    }
  });

  it('the documented fixes, aimed at the same phones, mend them', async () => {
    for (const { fault, device } of faults) {
      expect(await performSteps(world, fault.fix(world, device))).toEqual([]);
      await world.runUntilSettled();
    }
    // The new 8845 on the legacy phone's desk enrols with the operation its record still holds.
    expect(world.certificateOperationStatus(wrong)).toBe('Upgrade Success');
    expect(world.lsc(legacy)).toBe('Installed');
  });
});

describe('without a phone, faults keep working on a one-phone scenario', () => {
  it('applyScenarioFaults(scenario, faults) patches its only phone', () => {
    expect(applyScenarioFaults(seedLab, [findFault('phone.no-sbd')!]).phones[0].model).toBe('CP-7960');
  });
});
