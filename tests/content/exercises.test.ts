/**
 * Every exercise is solvable and honest (STYLE "Scenarios are data and proven solvable"): its unsolved start
 * fails at least one goal, its solution — the learner's actions — solves it, and the completion code made in
 * that world verifies when the teacher's verification replays it in a fresh world with other keys. For the default seed and a student's class seed; a mystery for
 * every fault of its pool. A fix of the wrong thing does not pass.
 */
import { describe, expect, it } from 'vitest';
import { EXERCISES, findExercise, type Exercise } from '../../src/content/exercises';
import { evaluateGoals, exerciseFaults, hintLadder, isSolved, solutionSteps } from '../../src/content/exercises/run';
import { buildLab, type LabRecipe } from '../../src/content/lab';
import { classSeed } from '../../src/content/variants';
import { SIM_VERSION } from '../../src/content/lab';
import { writeCompletionCode } from '../../src/content/lab-document';
import { verifyCompletionCode } from '../../src/content/verify';
import { doSteps, onWorld, type FixStep } from '../../src/sim/faults';
import { STATUS } from '../../src/sim/phone/screens';
import { keyPool, pooledKeys } from '../helpers/key-pool';

const START = Date.UTC(2026, 2, 16, 13);
const otherKeys = keyPool();
const CLASS = { classCode: 'NET-301', student: 'Ada Lovelace' };
const STUDENT = classSeed(CLASS.classCode, CLASS.student);

function recipe(exercise: Exercise, seed: number | string, classMode: boolean): LabRecipe {
  return { scenario: exercise.scenario, seed, start: START, faults: [], classMode, exercise: exercise.id, actions: [] };
}

async function startExercise(exercise: Exercise, seed: number | string = 1, classMode = false, keySource = pooledKeys) {
  const built = await buildLab(recipe(exercise, seed, classMode), { keySource });
  if (!built.ok) throw new Error(built.error);
  expect(built.refused).toEqual([]);
  return built;
}

async function learnerDoes(world: Awaited<ReturnType<typeof startExercise>>['world'], steps: FixStep[]) {
  const refused: string[] = [];
  await doSteps(onWorld(world), steps, (d) => {
    if ('action' in d && !d.result.ok) refused.push(`${d.action.type}: ${d.result.error}`);
  });
  await world.runUntilSettled();
  return refused;
}

const failing = (results: ReturnType<typeof evaluateGoals>) => results.filter((r) => !r.passed).map((r) => r.goal.id);

/**
 * Solve the exercise with its solution, make the completion code, and verify it as the teacher does: replayed in
 * a fresh world with other keys.
 */
async function solveAndReplay(exercise: Exercise, seed: number | string, classMode: boolean) {
  const { world, faults } = await startExercise(exercise, seed, classMode);
  expect(failing(evaluateGoals(world, exercise, faults)).length, 'the unsolved start fails a goal').toBeGreaterThan(0);
  expect(await learnerDoes(world, solutionSteps(world, exercise, faults))).toEqual([]);
  expect(failing(evaluateGoals(world, exercise, faults)), 'goals left after the solution').toEqual([]);
  expect(world.learnerActions.length).toBeGreaterThan(0);
  expect(world.actions.some((a) => a.by === 'setup')).toBe(exercise.startsWithProcedure || Boolean(exercise.faults?.length || exercise.pool?.length));
  const code = await writeCompletionCode({
    sim: SIM_VERSION,
    exercise: exercise.id,
    version: exercise.version,
    classCode: classMode ? CLASS.classCode : '',
    student: classMode ? CLASS.student : '',
    seed,
    start: START,
    end: world.now,
    actions: world.learnerActions,
    hintsUsed: 0,
    solutionShown: true,
  });
  world.stop();
  const verdict = await verifyCompletionCode(code, { keySource: otherKeys });
  if (!verdict.ok) throw new Error(JSON.stringify(verdict.reason));
  expect(failing(verdict.value.goals), 'goals left when the code is verified').toEqual([]);
  expect(verdict.value.solved).toBe(true);
}

describe('the exercises', () => {
  it('are at least the sixteen the issue lists, each with a stable id, goals, three hint rungs and texts', () => {
    expect(EXERCISES.length).toBeGreaterThanOrEqual(16);
    const ids = EXERCISES.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const byKind = (k: string) => EXERCISES.filter((e) => e.kind === k).length;
    expect(byKind('troubleshooting')).toBeGreaterThanOrEqual(8);
    expect(byKind('double')).toBeGreaterThanOrEqual(3);
    expect(byKind('mystery')).toBeGreaterThanOrEqual(2);
    for (const e of EXERCISES) {
      expect(e.version, e.id).toBeGreaterThanOrEqual(1);
      expect(e.goals.length, e.id).toBeGreaterThan(0);
      expect(e.title.en.length, e.id).toBeGreaterThan(5);
      expect(e.brief.en.length, e.id).toBeGreaterThan(40);
      if (e.pool) expect(e.pool.length, e.id).toBeGreaterThanOrEqual(5);
      for (const faults of e.pool ? e.pool.map((f) => [f]) : [[...(e.faults ?? [])]]) expect(hintLadder(e, faults).length, e.id).toBeGreaterThanOrEqual(3);
      expect(e.locks, e.id).toContain('faults');
    }
  });

  it('say no symptom: no status message of the phone appears in an exercise’s texts', () => {
    const symptoms = (Object.values(STATUS) as unknown[]).filter((s): s is string => typeof s === 'string');
    for (const e of EXERCISES) {
      const texts = [e.title, e.brief, ...e.hints, ...e.goals.map((g) => g.label)].map((t) => t.en).join('\n');
      for (const s of symptoms) expect(texts, `${e.id} quotes "${s}"`).not.toContain(s);
    }
  });

  for (const exercise of EXERCISES.filter((e) => e.kind !== 'mystery')) {
    it(`${exercise.id}: the start fails a goal, the solution solves it, and its completion code verifies in a fresh world`, async () => {
      await solveAndReplay(exercise, 1, false);
    });
  }

  it('in class mode every student has a lab of their own (device name), and the solution solves it there too', async () => {
    const a = await startExercise(findExercise('capf-stopped')!, STUDENT, true);
    const b = await startExercise(findExercise('capf-stopped')!, classSeed('NET-301', 'Grace Hopper'), true);
    const nameA = a.world.env.scenario.phones[0].deviceName;
    expect(nameA).toMatch(/^SEP682C7B[0-9A-F]{6}$/);
    expect(nameA).not.toBe('SEP682C7B5C2342');
    expect(b.world.env.scenario.phones[0].deviceName).not.toBe(nameA);
    a.world.stop();
    b.world.stop();
    for (const id of ['lsc-install', 'dns-record-missing', 'offline-ca', 'double-late-stopped']) await solveAndReplay(findExercise(id)!, STUDENT, true);
  });

  for (const exercise of EXERCISES.filter((e) => e.kind === 'mystery')) {
    it(`${exercise.id}: the seed picks each fault of the pool, and the solution of each solves it`, async () => {
      const seeds = new Map<string, number>();
      for (let seed = 1; seeds.size < exercise.pool!.length && seed < 500; seed++) {
        const [fault] = exerciseFaults(exercise, seed);
        if (!seeds.has(fault)) seeds.set(fault, seed);
      }
      expect([...seeds.keys()].sort()).toEqual([...exercise.pool!].sort());
      for (const seed of seeds.values()) await solveAndReplay(exercise, seed, false);
    });
  }
});

describe('a fix of the wrong thing does not pass', () => {
  async function attempt(id: string, steps: (world: Awaited<ReturnType<typeof startExercise>>['world']) => FixStep[]) {
    const exercise = findExercise(id)!;
    const { world, faults } = await startExercise(exercise);
    await learnerDoes(world, steps(world));
    const results = evaluateGoals(world, exercise, faults);
    world.stop();
    return { solved: isSolved(results), failing: failing(results) };
  }
  const restartTftp = [
    { type: 'serviceability.restart', node: 'ao115pub', service: 'tftp' },
    { type: 'serviceability.restart', node: 'ao115sub', service: 'tftp' },
    { wait: 15_000 },
    { type: 'cucm.phone.reset', device: 'SEP682C7B5C2342' },
  ] as const satisfies FixStep[];

  it('restarting TFTP for a missing DNS record', async () => {
    expect(await attempt('dns-record-missing', () => [...restartTftp])).toMatchObject({ solved: false, failing: expect.arrayContaining(['dns-resolves']) });
  });

  it('restarting TFTP when CAPF is stopped', async () => {
    expect(await attempt('capf-stopped', () => [...restartTftp])).toMatchObject({ solved: false, failing: expect.arrayContaining(['capf-running']) });
  });

  it('restarting CAPF when a firewall drops TCP 3804', async () => {
    const r = await attempt('port-3804-blocked', () => [{ type: 'serviceability.restart', node: 'ao115pub', service: 'capf' }, { wait: 10_000 }, { type: 'cucm.phone.reset', device: 'SEP682C7B5C2342' }]);
    expect(r).toMatchObject({ solved: false, failing: expect.arrayContaining(['port-open']) });
  });

  it('defining the publisher by its address instead of fixing its DNS record: the phone gets its LSC, the DNS goal stays open', async () => {
    const r = await attempt('dns-record-missing', () => [{ type: 'cucm.server.save', node: 'ao115pub', hostNameOrIp: '10.122.138.102' }, ...restartTftp]);
    expect(r).toEqual({ solved: false, failing: ['dns-resolves'] });
  });
});

describe('two faults whose fix order matters', () => {
  async function inOrder(id: string, steps: (world: Awaited<ReturnType<typeof startExercise>>['world']) => FixStep[]) {
    const exercise = findExercise(id)!;
    const { world, faults } = await startExercise(exercise);
    await learnerDoes(world, steps(world));
    const results = evaluateGoals(world, exercise, faults);
    const status = world.certificateOperationStatus('SEP682C7B5C2342');
    world.stop();
    return { solved: isSolved(results), failing: failing(results), status };
  }

  it('CAPF never activated and expired: restarting TFTP before regenerating leaves the ITLs with the expired certificate', async () => {
    const r = await inOrder('double-activate-expired', () => [
      { type: 'serviceability.activate', node: 'ao115pub', service: 'capf' },
      { wait: 10_000 },
      { type: 'serviceability.restart', node: 'ao115pub', service: 'tftp' },
      { type: 'serviceability.restart', node: 'ao115sub', service: 'tftp' },
      { wait: 15_000 },
      { type: 'os.certificate.regenerate', node: 'ao115pub', purpose: 'CAPF' },
      { type: 'cucm.phone.reset', device: 'SEP682C7B5C2342' },
    ]);
    expect(r.solved).toBe(false);
    expect(r.failing).toContain('itls-carry-capf');
  });

  it('late and stopped: starting CAPF first makes CAPF refuse the late request', async () => {
    const r = await inOrder('double-late-stopped', () => [{ type: 'serviceability.start', node: 'ao115pub', service: 'capf' }, { wait: 10_000 }, { type: 'cucm.phone.reset', device: 'SEP682C7B5C2342' }]);
    expect(r.status).toBe('Upgrade Failed: User Initiated Request Late/Timedout');
    expect(r.solved).toBe(false);
  });

  it('late and no DNS record: fixing DNS first makes CAPF refuse the late request', async () => {
    const r = await inOrder('double-late-dns', () => [{ type: 'dns.record.set', name: 'PUB11.brianw2.lab', address: '10.122.138.102' }, { type: 'cucm.phone.reset', device: 'SEP682C7B5C2342' }]);
    expect(r.status).toBe('Upgrade Failed: User Initiated Request Late/Timedout');
    expect(r.solved).toBe(false);
  });
});
