/**
 * A classroom-sized cluster (issue 13): the fleet drawn from the seed, found by its LSCs, enrolled with one
 * Bulk Administration job, reported as CSV — and a second bulk run leaves nothing more behind than the first.
 * One fleet world of 24 phones is shared by the file (seed 18: phones that arrive with a valid, an expired and
 * a foreign LSC, phones CAPF holds a stale LSC for, legacy 7960s); 1,000-phone runs belong to the bench.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnyActorRef } from 'xstate';
import { fleetLab } from '../../src/content/scenarios/fleet-lab';
import { seedLab } from '../../src/content/scenarios/seed-lab';
import { fleetProcedure } from '../../src/content/procedures';
import { capfReportCsv, CAPF_REPORT_COLUMNS, parseCsv } from '../../src/sim/cucm/capf-report';
import { checkQuery, findPhones, pageOf, type PhoneQuery } from '../../src/sim/cucm/phone-query';
import { jobResultsText } from '../../src/sim/cucm/bulk';
import { ids } from '../../src/sim/env';
import { checkFleetSize, withFleet } from '../../src/sim/fleet';
import { javaDateString, operationCompletesByString, usDate } from '../../src/sim/time';
import type { NetworkTables } from '../../src/sim/network';
import { describeCertificate } from '../../src/pki/parse';
import { commonName } from '../../src/pki/names';
import { LabWorld } from '../../src/sim/world';
import { checkAction } from '../../src/sim/action-schema';
import { buildLab, SIM_VERSION } from '../../src/content/lab';
import { readShareLink, writeShareLink } from '../../src/content/lab-document';
import { pooledKeys } from '../helpers/key-pool';

const START = Date.UTC(2026, 10, 24, 14);
const SEED = 18;
const N = 24;

const find = (world: LabWorld, q: PhoneQuery) => findPhones(world.env.db, q, world.env.zone).map((r) => r.deviceName);
const one = (field: PhoneQuery['criteria'][number]['field'], operator: PhoneQuery['criteria'][number]['operator'], value = ''): PhoneQuery => ({
  criteria: [{ field, operator, value }],
});

describe('a fleet drawn from the seed', () => {
  it('keeps the scenario’s first phone, names and addresses the others once, and mixes models, TFTP nodes and arrivals', () => {
    const fleet = withFleet(fleetLab, 200, SEED);
    expect(fleet.phones).toHaveLength(200);
    expect(fleet.phones[0]).toEqual(fleetLab.phones[0]);
    expect(fleet.fleet).toBeUndefined();
    expect(new Set(fleet.phones.map((p) => p.deviceName)).size).toBe(200);
    expect(new Set(fleet.phones.map((p) => p.ip)).size).toBe(200);
    for (const p of fleet.phones) expect(p.deviceName).toMatch(/^SEP[0-9A-F]{12}$/);
    expect(new Set(fleet.phones.map((p) => p.model))).toEqual(new Set(['CP-8845', 'CP-8865', 'CP-7841', 'CP-7821', 'CP-7960']));
    expect(new Set(fleet.phones.map((p) => p.tftpNode))).toEqual(new Set(['cucm14pub', 'cucm14sub']));
    const arrivals = fleet.phones.map((p) => p.arrivesWith);
    expect(arrivals.some((a) => a?.lscFromThisCluster && a.lscFromThisCluster.expiredDaysAgo === undefined)).toBe(true);
    expect(arrivals.some((a) => a?.lscFromThisCluster?.expiredDaysAgo !== undefined)).toBe(true);
    expect(arrivals.some((a) => a?.lscFromOtherCluster)).toBe(true);
    // The 7960 has no Security By Default and never arrives with an LSC.
    expect(fleet.phones.filter((p) => p.model === 'CP-7960').every((p) => p.arrivesWith === undefined)).toBe(true);
    // Same scenario, seed and size: the same fleet; another seed: another.
    expect(withFleet(fleetLab, 200, SEED)).toEqual(fleet);
    expect(withFleet(fleetLab, 200, SEED + 1).phones[1].deviceName).not.toBe(fleet.phones[1].deviceName);
    // Any scenario grows the same way; one phone is the scenario itself.
    expect(withFleet(seedLab, 1, SEED).phones).toEqual(seedLab.phones);
  });

  it('takes 1 to 1,000 phones and says why anything else is refused', () => {
    expect(checkFleetSize('1')).toEqual({ ok: true, value: 1 });
    expect(checkFleetSize('1000')).toEqual({ ok: true, value: 1000 });
    for (const bad of ['0', '1001', '-3', '2.5', 'ten', '']) expect(checkFleetSize(bad).ok, bad).toBe(false);
    expect(checkFleetSize('1001')).toEqual({ ok: false, error: 'the number of phones must be from 1 to 1000, not 1001' });
  });
});

describe(`a fleet of ${N} phones on CUCM 14.0`, () => {
  let world: LabWorld;
  let capfCn: string;
  let expired: string[];
  let valid: string[];
  let foreign: string[];

  beforeAll(async () => {
    world = await LabWorld.create({ scenario: withFleet(fleetLab, N, SEED), seed: SEED, start: START, keySource: pooledKeys });
    await world.runUntilSettled();
    const phones = world.env.scenario.phones;
    capfCn = commonName(world.env.certs.identity('cucm14pub', 'CAPF')!.info.subject);
    expired = phones.filter((p) => p.arrivesWith?.lscFromThisCluster?.expiredDaysAgo !== undefined).map((p) => p.deviceName);
    valid = phones.filter((p) => p.arrivesWith?.lscFromThisCluster && p.arrivesWith.lscFromThisCluster.expiredDaysAgo === undefined).map((p) => p.deviceName);
    foreign = phones.filter((p) => p.arrivesWith?.lscFromOtherCluster).map((p) => p.deviceName);
  });

  it('every phone boots and registers; those that arrived with an LSC show it Installed', () => {
    for (const p of world.env.scenario.phones) {
      expect(world.stateOf(ids.phone(p.deviceName)), p.deviceName).toEqual({ on: { registered: 'idle' } });
      expect(world.lsc(p.deviceName)).toBe([...expired, ...valid, ...foreign].includes(p.deviceName) ? 'Installed' : 'Not Installed');
    }
  });

  it('each MIC is its own certificate for its phone, though the fleet’s keys come from a pool', () => {
    const mics = world.env.scenario.phones.map((p) => ({ device: p.deviceName, model: p.model, info: describeCertificate(world.installed.mics.get(p.deviceName)!.der) }));
    const serials = new Set(mics.map((m) => (m.info.ok ? Array.from(m.info.value.serialNumber).join() : '')));
    expect(serials.size).toBe(N);
    for (const m of mics) expect(m.info.ok && commonName(m.info.value.subject)).toBe(`${m.model}-${m.device}`);
    const keys = new Set(world.env.scenario.phones.map((p) => world.installed.mics.get(p.deviceName)!.keys));
    expect(keys.size).toBeLessThanOrEqual(8);
  });

  it('Find Phone by LSC Expires, LSC Issued By and LSC Issuer Expires By finds the expired, the foreign and the phones with none', () => {
    const today = usDate(world.now, world.env.zone);
    expect(find(world, one('LSC Expires', 'is before', today)).sort()).toEqual([...expired].sort());
    expect(find(world, one('LSC Expires', 'is after', today)).sort()).toEqual([...valid, ...foreign].sort());
    expect(find(world, one('LSC Issued By', 'is exactly', capfCn)).sort()).toEqual([...valid, ...expired].sort());
    expect(find(world, one('LSC Issued By', 'begins with', 'CAPF-')).length).toBe(valid.length + expired.length + foreign.length);
    const foreignCn = world.env.db.phone(foreign[0])!.lsc.issuedBy!;
    expect(foreignCn).not.toBe(capfCn);
    expect(find(world, one('LSC Issued By', 'is exactly', foreignCn)).sort()).toEqual([...foreign].sort());
    const none = find(world, one('LSC Expires', 'is empty'));
    expect(none.length).toBe(N - valid.length - expired.length - foreign.length);
    expect(find(world, one('LSC Status', 'is exactly', 'Not Installed'))).toEqual(none);
    // This cluster's CAPF certificate runs to a known day: its LSCs' issuer expires exactly then.
    const capfEnd = usDate(world.env.certs.identity('cucm14pub', 'CAPF')!.info.notAfter.getTime(), world.env.zone);
    expect(find(world, one('LSC Issuer Expires By', 'is exactly', capfEnd)).sort()).toEqual([...valid, ...expired].sort());
    // Search Within Results: OR widens, AND narrows.
    const either: PhoneQuery = { criteria: [{ field: 'LSC Expires', operator: 'is before', value: today }, { field: 'LSC Status', operator: 'is exactly', value: 'Not Installed', join: 'OR' }] };
    expect(find(world, either).sort()).toEqual([...expired, ...none].sort());
    const both: PhoneQuery = { criteria: [{ field: 'Device Type', operator: 'is exactly', value: 'Cisco 7960' }, { field: 'LSC Status', operator: 'is exactly', value: 'Installed', join: 'AND' }] };
    expect(find(world, both)).toEqual([]);
  });

  it('utils capf stale-lsc list names the phones whose earlier enrolment was cut off: CAPF issued them an LSC they never installed', async () => {
    const cut = world.env.scenario.phones.filter((p) => p.arrivesWith?.staleLscDaysAgo !== undefined).map((p) => p.deviceName);
    expect(cut.length).toBeGreaterThan(0);
    const r = await world.act({ type: 'cli', node: 'cucm14pub', command: 'utils capf stale-lsc list' });
    const lines = (r.ok ? r.output! : r.error).split('\n');
    expect(lines[0]).toBe(`Stale LSC certificates (issued for a CSR, never installed): ${cut.length}`);
    expect(lines.slice(1).map((l) => l.split(' ')[0]).sort()).toEqual([...cut].sort());
    for (const l of lines.slice(1)) expect(l).toMatch(/^SEP[0-9A-F]{12} {2}serial [0-9a-f]{32} {2}issued \w{3} \w{3} \d\d \d\d:\d\d:\d\d E[SD]T \d{4}$/);
    // Those phones hold no LSC; the CAPF of this cluster did issue one for each.
    for (const d of cut) expect(world.lsc(d)).toBe('Not Installed');
  });

  it('a date it cannot read is refused with the form to use, and paging shows "first - last of total"', () => {
    expect(checkQuery(one('LSC Expires', 'is before', '31/31/2026'), world.env.zone)).toEqual({ ok: false, error: 'LSC Expires: "31/31/2026" is not a date: enter it as MM/DD/YYYY.' });
    expect(checkQuery(one('LSC Issued By', 'is before', 'x'), world.env.zone).ok).toBe(false);
    const all = find(world, one('Device Name', 'is not empty'));
    expect(pageOf(all, 2, 10)).toMatchObject({ page: 2, pages: 3, first: 11, last: 20, total: N });
    expect(pageOf(all, 9, 10)).toMatchObject({ page: 3, first: 21, last: N });
  });

  it('a Run Later job waits on hold; activated for an hour ahead, it runs then and reports every phone', async () => {
    const before = world.env.db.phone(world.env.scenario.phones[0].deviceName)!.configVersion;
    const r = await world.act({
      type: 'bat.phones.update',
      query: one('Device Type', 'is exactly', 'Cisco 7841'),
      capf: {
        certificateOperation: 'No Pending Operation',
        authenticationMode: 'By Authentication String',
        uniqueAuthenticationStrings: true,
        keyOrder: 'RSA Only',
        rsaKeySize: 2048,
        ecKeySize: 384,
        operationCompletesBy: operationCompletesByString(world.now + 86400000, world.env.zone),
      },
      resetOption: "Don't Reset/Restart phones/Apply Config",
      run: 'later',
      description: 'Strings for the 7841s',
    });
    expect(r).toMatchObject({ ok: true });
    const job = world.env.db.bulkJobs.at(-1)!;
    expect(job).toMatchObject({ status: 'Hold', description: 'Strings for the 7841s' });
    await world.run(3600_000);
    expect(world.env.db.bulkJob(job.id)!.status).toBe('Hold');
    expect(await world.act({ type: 'bat.job.activate', id: job.id, runAt: '2026:13:01:00' })).toEqual({ ok: false, error: 'Scheduled Date Time: there is no month 13.' });
    expect((await world.act({ type: 'bat.job.activate', id: job.id, runAt: operationCompletesByString(world.now + 2 * 3600_000, world.env.zone) })).ok).toBe(true);
    expect(world.env.db.bulkJob(job.id)!.status).toBe('Pending');
    await world.run(3600_000);
    expect(world.env.db.bulkJob(job.id)!.status).toBe('Pending');
    await world.runUntilSettled();
    const done = world.env.db.bulkJob(job.id)!;
    const sevens = world.env.scenario.phones.filter((p) => p.model === 'CP-7841').map((p) => p.deviceName).sort();
    expect(done.status).toBe('Completed');
    expect(done.records.map((x) => x.device)).toEqual(sevens);
    expect(done.records.every((x) => x.result === 'Success')).toBe(true);
    const strings = sevens.map((d) => world.env.db.phone(d)!.capf.authenticationString);
    for (const s of strings) expect(s).toMatch(/^\d{6}$/);
    expect(new Set(strings).size).toBe(sevens.length);
    expect(world.env.db.phone(world.env.scenario.phones[0].deviceName)!.configVersion).toBe(before);
    const text = jobResultsText(done, (t) => javaDateString(t, world.env.zone));
    expect(text).toContain(`Number of records updated successfully: ${sevens.length}`);
    expect(text).toMatch(/^Start Time: \w{3} \w{3} \d\d \d\d:\d\d:\d\d EST 2026$/m);
  });

  it('bad bulk input is refused and makes no job', async () => {
    const jobs = world.env.db.bulkJobs.length;
    const base = fleetProcedure(world)[1] as Extract<ReturnType<typeof fleetProcedure>[number], { type: 'bat.phones.update' }>;
    expect(await world.act({ ...base, query: { criteria: [] } })).toEqual({ ok: false, error: 'The query has no search criteria.' });
    expect(await world.act({ ...base, resetOption: 'Reboot' as never })).toEqual({ ok: false, error: '"Reboot" is not a Reset/Restart choice.' });
    expect(await world.act({ ...base, capf: { ...base.capf, authenticationMode: 'By Authentication String', authenticationString: '12' } })).toEqual({
      ok: false,
      error: 'Authentication String must be 4 to 10 digits.',
    });
    expect(await world.act({ type: 'bat.job.activate', id: 999 })).toEqual({ ok: false, error: 'There is no job 999.' });
    expect(world.env.db.bulkJobs.length).toBe(jobs);
  });

  it('the fleet’s bulk procedure installs an LSC on every phone that can hold one; the CAPF report lists them all', async () => {
    for (const a of fleetProcedure(world)) expect((await world.act(a)).ok).toBe(true);
    await world.runUntilSettled();
    for (const p of world.env.scenario.phones) {
      const canHold = p.model !== 'CP-7960';
      expect(world.lsc(p.deviceName), p.deviceName).toBe(canHold ? 'Installed' : 'Not Installed');
      expect(world.certificateOperationStatus(p.deviceName), p.deviceName).toBe(canHold ? 'Upgrade Success' : 'Operation Pending');
      if (canHold) expect(world.env.db.phone(p.deviceName)!.lsc.issuedBy).toBe(capfCn);
    }
    // EC Preferred, RSA Backup on CAPF v3 phones with the enterprise parameter on: EC P-256 LSCs.
    const lsc = world.phoneContext(world.env.scenario.phones[1].deviceName)!.flash.lsc!;
    const info = describeCertificate(lsc.der);
    expect(info.ok && info.value.publicKey).toMatchObject({ kind: 'EC' });
    expect(find(world, one('LSC Expires', 'is before', usDate(world.now, world.env.zone)))).toEqual([]);

    const csv = capfReportCsv(findPhones(world.env.db, one('Device Name', 'is not empty'), world.env.zone), world.env.zone);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...CAPF_REPORT_COLUMNS]);
    expect(rows).toHaveLength(N + 1);
    const installed = rows.slice(1).filter((r) => r[3] === 'Installed').map((r) => r[0]);
    expect(installed.sort()).toEqual(world.env.scenario.phones.filter((p) => p.model !== 'CP-7960').map((p) => p.deviceName).sort());
    for (const r of rows.slice(1)) expect(r).toHaveLength(CAPF_REPORT_COLUMNS.length);
  });

  it('a second bulk run leaves no more actors, connections, timers or stale LSCs behind than the first', async () => {
    const retained = () => {
      const tables = (world.actor(ids.network)!.getSnapshot().context as { tables: NetworkTables }).tables;
      return {
        actors: allActors(world.root as AnyActorRef).length,
        connections: tables.connections.size,
        exchanges: tables.exchanges.size,
        bindings: tables.bindings.size,
        timers: world.clock.pending,
        staleLscs: world.env.db.staleLscs.length,
        capfSessions: Object.keys((world.actor(ids.capf('cucm14pub'))!.getSnapshot() as { children: object }).children).length,
      };
    };
    const afterFirst = retained();
    for (const a of fleetProcedure(world)) expect((await world.act(a)).ok).toBe(true);
    await world.runUntilSettled();
    expect(world.env.db.bulkJobs.at(-1)!.status).toBe('Completed');
    expect(retained()).toEqual(afterFirst);
    expect(afterFirst).toMatchObject({ connections: 0, exchanges: 0, timers: 0, capfSessions: 0 });
  });
});

describe('a fleet lab as data: recipe, share link, replay', () => {
  it('a lab of 6 phones with a fault aimed at its third (a 7960 in its place) and one bulk job replays from its share link to the same phones', async () => {
    const recipe = { scenario: 'fleet-lab', seed: SEED, start: START, phones: 6, faults: [] as string[], actions: [] };
    const first = await buildLab(recipe, { keySource: pooledKeys });
    if (!first.ok) throw new Error(first.error);
    const { deviceName: third, model: thirdModel } = first.world.env.scenario.phones[2];
    first.world.stop();

    const built = await buildLab({ ...recipe, faults: [`phone.no-sbd@${third}`] }, { keySource: pooledKeys });
    if (!built.ok) throw new Error(built.error);
    const { world } = built;
    expect(world.env.scenario.phones).toHaveLength(6);
    expect(world.env.scenario.phones[2].model).toBe('CP-7960');
    await world.runUntilSettled();
    for (const a of fleetProcedure(world)) expect((await world.act(a)).ok).toBe(true);
    await world.runUntilSettled();
    // Every recorded action, the bulk job's among them, has a shape a shared lab may carry.
    for (const { action } of world.actions) expect(checkAction(JSON.parse(JSON.stringify(action))), action.type).toMatchObject({ ok: true });
    const outcome = (w: LabWorld) => w.env.scenario.phones.map((p) => [p.deviceName, w.lsc(p.deviceName), w.certificateOperationStatus(p.deviceName)]);
    // The fault made the third phone a 7960 (no Security By Default): it joins the fleet's own 7960s in having none.
    expect(thirdModel).not.toBe('CP-7960');
    const legacy = world.env.scenario.phones.filter((p) => p.model === 'CP-7960').map((p) => p.deviceName);
    expect(legacy).toContain(third);
    expect(outcome(world).filter(([, lsc]) => lsc !== 'Installed').map(([d]) => d)).toEqual(legacy);

    const link = await writeShareLink({ sim: SIM_VERSION, scenario: 'fleet-lab', seed: SEED, start: START, phones: 6, faults: [`phone.no-sbd@${third}`], mystery: false, actions: [...world.actions], now: world.now });
    const read = await readShareLink(link);
    if (!read.ok) throw new Error(read.reason.key);
    expect(read.value.phones).toBe(6);
    const { scenario, seed, start, phones, faults, actions } = read.value;
    const again = await buildLab({ scenario, seed, start, phones, faults, actions }, { keySource: pooledKeys, until: read.value.now });
    if (!again.ok) throw new Error(again.error);
    await again.world.runUntilSettled();
    expect(again.refused).toEqual([]);
    expect(outcome(again.world)).toEqual(outcome(world));
    world.stop();
    again.world.stop();
  });

  it('refuses a fleet size out of range and a fault aimed at a phone the lab does not have, with the reason', async () => {
    expect(await buildLab({ scenario: 'fleet-lab', seed: 1, start: START, phones: 1001, faults: [], actions: [] })).toEqual({
      ok: false,
      error: 'The lab\'s fleet is not valid: the number of phones must be from 1 to 1000, not 1001.',
    });
    expect(await buildLab({ scenario: 'seed-lab', seed: 1, start: START, faults: ['tvs.down@SEP000000000000'], actions: [] }, { keySource: pooledKeys })).toEqual({
      ok: false,
      error: 'The lab aims the fault "tvs.down" at a phone it does not have: "SEP000000000000".',
    });
    const link = await writeShareLink({ sim: SIM_VERSION, scenario: 'fleet-lab', seed: 1, start: START, phones: 5000, faults: [], mystery: false, actions: [], now: START });
    expect(await readShareLink(link)).toEqual({ ok: false, reason: { key: 'codes.link.damaged' } });
  });
});

function allActors(root: AnyActorRef): AnyActorRef[] {
  const children = Object.values((root.getSnapshot() as { children?: Record<string, AnyActorRef> }).children ?? {});
  return [root, ...children.flatMap(allActors)];
}
