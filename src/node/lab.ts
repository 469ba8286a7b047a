/**
 * The lab runner: the headless twin of the UI. It builds the world from a scenario, a seed and faults — or
 * from an exercise —, optionally performs the seed procedure, the documented fixes, an exercise's solution or a
 * learner's own recorded actions, runs the virtual clock until the phone settles, and writes what an engineer
 * would collect from the real system (and, for an exercise, its grading and completion code).
 *
 *   npm run lab -- [--scenario ID] [--seed N] [--phones N] [--fault ID[@DEVICE]]… [--procedure] [--fix] [--start ISO] --out DIR
 *   npm run lab -- --list-exercises
 *   npm run lab -- --exercise ID [--class C --student NAME] [--seed N] [--solve | --actions FILE] [--start ISO] --out DIR
 *   npm run lab -- --verify-code FILE
 *
 * With more than one phone (`--phones N`, or a fleet scenario), `--procedure` goes through Bulk Administration
 * for every phone (content/procedures.ts `fleetProcedure`); a fault aimed at a phone then does that phone's own
 * procedure its way afterwards.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SCENARIO, SCENARIOS } from '../content/scenarios';
import { fleetProcedure, seedProcedure } from '../content/procedures';
import { EXERCISES, findExercise } from '../content/exercises';
import { evaluateGoals, exerciseText, isSolved, solutionSteps, textFacts } from '../content/exercises/run';
import { buildLab, SIM_VERSION } from '../content/lab';
import { writeCompletionCode, writeShareLink, type LabDocument } from '../content/lab-document';
import { formatMessage, type Said } from '../content/messages/format';
import en from '../content/messages/en/all';
import { classSeed } from '../content/variants';
import { verifyCompletionCode } from '../content/verify';
import { checkAction } from '../sim/action-schema';
import { runCli } from '../sim/cucm/cli';
import { certificateArtefacts, itlArtefacts } from '../sim/artefacts';
import { doSteps, FAULTS, parseFaultChoice, procedureForm, type AimedFault, type FixStep, type StepTarget } from '../sim/faults';
import { checkFleetSize, growFleet } from '../sim/fleet';
import { phoneSummaries, writeCapfReport } from './fleet-output';
import { scenarioStart, type ActionBy, type LabWorld, type RecordedAction } from '../sim/world';
import { packetTraceText } from '../sim/packet-text';

/** "Nothing left to happen, or two virtual hours at most" (issue: lab runner). */
const SETTLE_LIMIT_MS = 2 * 3600 * 1000;

const USAGE = `usage: npm run lab -- [--scenario ID] [--seed N] [--phones N] [--fault ID[@DEVICE]]... [--procedure] [--fix] [--start ISO-DATE] --out DIR
       npm run lab -- --list-exercises
       npm run lab -- --exercise ID [--class CODE --student NAME] [--seed N] [--solve | --actions FILE] [--start ISO-DATE] --out DIR
       npm run lab -- --verify-code FILE`;

class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

const say = (s: Said) => formatMessage('en', en, s.key, s.params);

function target(world: LabWorld, by: ActionBy): StepTarget {
  return { act: (a) => world.act(a, by), wait: (ms) => world.run(ms) };
}

async function perform(world: LabWorld, steps: FixStep[], by: ActionBy, log: string[]): Promise<void> {
  await doSteps(target(world, by), steps, (done) => {
    const at = new Date(world.now).toISOString();
    if ('wait' in done) {
      log.push(`${at} (waited ${done.wait / 1000} s)`);
      return;
    }
    const { action, result } = done;
    log.push(`${at} ${by} ${JSON.stringify(action)} → ${result.ok ? 'ok' : `refused: ${result.error}`}${result.ok && result.warning ? ` (warning: ${result.warning})` : ''}`);
    if (!result.ok) console.error(`lab: action refused: ${result.error}`);
  });
}

/** A learner's actions from an earlier run's summary.json: its `start` and `actions` ({at, n?, action}). */
function readActionsFile(path: string): { start: number; actions: RecordedAction[] } {
  let summary: { start?: unknown; actions?: unknown };
  try {
    summary = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    fail(`--actions ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not a summary.json (it is not JSON)'}`);
  }
  const start = typeof summary.start === 'number' ? summary.start : Date.parse(String(summary.start));
  if (!Number.isFinite(start)) fail(`--actions ${path}: the summary has no start`);
  if (!Array.isArray(summary.actions)) fail(`--actions ${path}: the summary has no actions list`);
  const actions = summary.actions.map((entry: unknown, i: number): RecordedAction => {
    const e = entry as { at?: unknown; n?: unknown; action?: unknown };
    const at = typeof e?.at === 'number' ? e.at : Date.parse(String(e?.at));
    const checked = checkAction(e?.action);
    if (!Number.isFinite(at) || at < start) fail(`--actions ${path}: action ${i + 1} has no valid time`);
    if (!checked.ok) fail(`--actions ${path}: action ${i + 1}: ${checked.error}`);
    return { at, n: Number.isInteger(e.n) ? (e.n as number) : 0, by: 'learner', action: checked.value };
  });
  return { start, actions };
}

async function verifyCode(path: string): Promise<number> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    console.error(`lab: --verify-code ${path}: no such file`);
    return 2;
  }
  const verdict = await verifyCompletionCode(text);
  if (!verdict.ok) {
    console.error(`lab: ${say(verdict.reason)}`);
    return verdict.kind === 'internal' ? 3 : 2;
  }
  const { code, solved } = verdict.value;
  console.log(`${code.exercise} ${code.student || '(no name)'}: ${solved ? 'solved' : 'not solved'}, hints ${code.hintsUsed}, solution shown ${code.solutionShown ? 'yes' : 'no'}`);
  return solved ? 0 : 1;
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        scenario: { type: 'string' },
        seed: { type: 'string' },
        phones: { type: 'string' },
        fault: { type: 'string', multiple: true, default: [] },
        procedure: { type: 'boolean', default: false },
        fix: { type: 'boolean', default: false },
        start: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', default: false },
        'list-exercises': { type: 'boolean', default: false },
        exercise: { type: 'string' },
        class: { type: 'string' },
        student: { type: 'string' },
        solve: { type: 'boolean', default: false },
        actions: { type: 'string' },
        'verify-code': { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`);
  }
  if (args.help) {
    console.log(`${USAGE}\nscenarios: ${Object.keys(SCENARIOS).join(', ')}\nfaults: ${FAULTS.map((f) => f.id).join(', ')}\nexercises: ${EXERCISES.map((e) => e.id).join(', ')}`);
    return 0;
  }
  if (args['list-exercises']) {
    for (const e of EXERCISES) console.log(`${e.id}\t${e.title.en}`);
    return 0;
  }
  if (args['verify-code'] !== undefined) return verifyCode(args['verify-code']);

  const exercise = args.exercise !== undefined ? findExercise(args.exercise) : undefined;
  if (args.exercise !== undefined) {
    if (!exercise) fail(`unknown exercise "${args.exercise}"; known: ${EXERCISES.map((e) => e.id).join(', ')}`);
    for (const flag of ['fault', 'scenario', 'phones', 'procedure', 'fix'] as const) {
      const given = flag === 'fault' ? (args.fault ?? []).length > 0 : flag === 'scenario' || flag === 'phones' ? args[flag] !== undefined : args[flag];
      if (given) fail(`--${flag} cannot be used with --exercise: the exercise sets its own lab`);
    }
    if ((args.class === undefined) !== (args.student === undefined)) fail('--class and --student go together');
    if (args.class !== undefined && args.seed !== undefined) fail('--seed cannot be used in class mode: the class code and the name make the seed');
    if (args.solve && args.actions !== undefined) fail('--solve and --actions exclude each other');
  } else {
    for (const flag of ['class', 'student', 'actions'] as const) if (args[flag] !== undefined) fail(`--${flag} needs --exercise`);
    if (args.solve) fail('--solve needs --exercise');
  }
  if (!args.out) fail(`--out DIR is required\n${USAGE}`);

  const scenarioId = exercise?.scenario ?? args.scenario ?? DEFAULT_SCENARIO;
  const scenario = SCENARIOS[scenarioId];
  if (!scenario) fail(`unknown scenario "${scenarioId}"; known: ${Object.keys(SCENARIOS).join(', ')}`);
  if (args.seed !== undefined && !/^-?\d+$/.test(args.seed)) fail(`--seed must be an integer, not "${args.seed}"`);
  const classMode = args.class !== undefined;
  if (classMode && (args.class!.trim() === '' || args.student!.trim() === '')) fail('--class and --student must not be empty');
  const seed: number | string = classMode ? classSeed(args.class!, args.student!) : Number(args.seed ?? 1);
  let phones: number | undefined;
  if (args.phones !== undefined) {
    const n = checkFleetSize(args.phones);
    if (!n.ok) fail(`--phones: ${n.error}`);
    phones = n.value;
  }
  // The phones a fault may be aimed at: the fleet as buildLab grows it (phone 1 is the scenario's own).
  const lab = phones !== undefined || scenario.fleet ? growFleet(scenario, phones, seed) : scenario;
  const faults: AimedFault[] = [];
  for (const text of args.fault ?? []) {
    const choice = parseFaultChoice(text, lab.phones.map((p) => p.deviceName));
    if (!choice.ok) fail(choice.error);
    faults.push(choice.value);
  }
  const faultChoices = faults.map((f) => (f.device ? `${f.fault.id}@${f.device}` : f.fault.id));
  const fleet = lab.phones.length > 1;
  const learnerFile = args.actions !== undefined ? readActionsFile(args.actions) : undefined;
  let start: number = learnerFile?.start ?? scenarioStart(scenario);
  if (args.start) {
    start = Date.parse(args.start);
    if (Number.isNaN(start)) fail(`--start "${args.start}" is not a date (use ISO 8601, e.g. 2026-11-25T14:00:00Z)`);
  }

  const out = resolve(args.out!);
  const built = await buildLab({ scenario: scenarioId, seed, start, faults: faultChoices, phones, classMode, exercise: exercise?.id, actions: learnerFile?.actions ?? [] });
  if (!built.ok) fail(built.error);
  const { world } = built;
  for (const r of built.refused) console.error(`lab: action refused: ${r}`);
  const actionLog: string[] = [];
  let run = await world.runUntilSettled(SETTLE_LIMIT_MS);
  const device = world.env.scenario.phones[0].deviceName;
  let beforeFix: { lsc: string; certificateOperationStatus: string } | undefined;
  let solutionShown = false;
  if (exercise) {
    if (args.solve) {
      solutionShown = true;
      await perform(world, solutionSteps(world, exercise, built.faults), 'learner', actionLog);
      run = await world.runUntilSettled(SETTLE_LIMIT_MS);
    }
  } else {
    for (const { fault, device: aim } of faults) if (fault.inject) await perform(world, fault.inject(world, aim), 'setup', actionLog);
    if (faults.some((f) => f.fault.inject)) run = await world.runUntilSettled(SETTLE_LIMIT_MS);
    if (args.procedure) {
      if (fleet) {
        await perform(world, fleetProcedure(world), 'learner', actionLog);
        run = await world.runUntilSettled(SETTLE_LIMIT_MS);
      }
      // A single phone's seed procedure; in a fleet, each phone a fault's procedure is aimed at, its way.
      const own = fleet ? [...new Set(faults.filter((f) => f.fault.procedure).map((f) => f.device ?? device))] : [undefined];
      for (const aim of own) {
        await perform(world, seedProcedure(world, aim, (form) => procedureForm(world, faults, form, aim)), 'learner', actionLog);
      }
      if (own.length) run = await world.runUntilSettled(SETTLE_LIMIT_MS);
      const after = faults.flatMap((f) => f.fault.afterProcedure?.(world, f.device) ?? []);
      if (after.length) {
        await perform(world, after, 'learner', actionLog);
        run = await world.runUntilSettled(SETTLE_LIMIT_MS);
      }
    }
    beforeFix = { lsc: world.lsc(device), certificateOperationStatus: world.certificateOperationStatus(device) };
    if (args.fix) {
      for (const { fault, device: aim } of faults) {
        await perform(world, fault.fix(world, aim), 'learner', actionLog);
        run = await world.runUntilSettled(SETTLE_LIMIT_MS);
      }
    }
  }

  rmSync(out, { recursive: true, force: true });
  for (const dir of ['certificates', 'itl', 'cli', 'logs']) mkdirSync(join(out, dir), { recursive: true });
  const certs = certificateArtefacts(world);
  for (const cert of certs) writeFileSync(join(out, 'certificates', cert.name), cert.pem);
  // The names the seed article uses, for the checks an engineer runs first.
  const pub = world.env.scenario.nodes.find((n) => n.role === 'publisher')!.name;
  const capf = certs.find((c) => c.name === `${pub}-CAPF.pem`);
  if (capf) writeFileSync(join(out, 'certificates', 'CAPF.pem'), capf.pem);
  const lsc = certs.find((c) => c.name === `${device}-LSC.pem`);
  if (lsc) writeFileSync(join(out, 'certificates', 'LSC.pem'), lsc.pem);
  for (const itl of itlArtefacts(world)) writeFileSync(join(out, 'itl', `${itl.node}.tlv`), itl.bytes);
  // What the runner runs to write its files is not the learner's: taken straight from the CLI, not recorded.
  for (const node of world.env.scenario.nodes) {
    writeFileSync(join(out, 'cli', `${node.name}-show-itl.txt`), `admin:show itl\n${await runCli(world, node.name, 'show itl')}\n`);
  }
  const log = world.env.log;
  for (const source of ['phone-status', 'phone-console', 'capf-trace', 'tftp-trace', 'tvs-trace', 'cli'] as const) writeFileSync(join(out, 'logs', `${source}.txt`), `${log.text(source)}\n`);
  if (world.env.scenario.dot1x) writeFileSync(join(out, 'logs', 'radius.txt'), `${log.text('radius')}\n`);
  writeFileSync(join(out, 'logs', 'packet-trace.txt'), packetTraceText(world.trace.packets));
  writeFileSync(join(out, 'actions.txt'), `${actionLog.join('\n')}\n`);

  const asJson = (a: RecordedAction) => ({ at: new Date(a.at).toISOString(), n: a.n, action: a.action });
  const learner = world.learnerActions;
  const summary = {
    scenario: scenarioId,
    seed,
    start: new Date(world.start).toISOString(),
    end: new Date(world.now).toISOString(),
    faults: exercise ? undefined : faultChoices,
    exercise: exercise?.id,
    procedure: exercise ? undefined : args.procedure,
    fix: exercise ? undefined : args.fix,
    settled: run.settled,
    device,
    lsc: world.lsc(device),
    certificateOperationStatus: world.certificateOperationStatus(device),
    beforeFix: args.fix ? beforeFix : undefined,
    phoneState: world.stateOf(`phone/${device}`),
    setup: world.actions.filter((a) => a.by === 'setup').map(asJson),
    actions: learner.map(asJson),
    phones: phoneSummaries(world),
  };
  writeCapfReport(world, out);
  writeFileSync(join(out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);

  const doc: LabDocument = {
    sim: SIM_VERSION,
    scenario: scenarioId,
    seed,
    start,
    faults: exercise ? [] : faultChoices,
    mystery: false,
    ...(phones !== undefined ? { phones } : {}),
    exercise: exercise ? { id: exercise.id, version: exercise.version, classCode: args.class, student: args.student, hintsUsed: 0, solutionShown } : undefined,
    actions: exercise ? learner : world.actions,
    now: world.now,
  };
  writeFileSync(join(out, 'share-link.txt'), `${await writeShareLink(doc)}\n`);

  if (exercise) {
    const goals = evaluateGoals(world, exercise, built.faults);
    const facts = textFacts(world);
    const completionCode = await writeCompletionCode({
      sim: SIM_VERSION,
      exercise: exercise.id,
      version: exercise.version,
      classCode: args.class ?? '',
      student: args.student ?? '',
      seed,
      start,
      end: world.now,
      actions: learner,
      hintsUsed: 0,
      solutionShown,
    });
    const result = {
      id: exercise.id,
      version: exercise.version,
      simVersion: SIM_VERSION,
      seed,
      start: new Date(start).toISOString(),
      class: args.class ?? null,
      student: args.student ?? null,
      faults: built.faults,
      goals: goals.map((g) => ({ id: g.goal.id, label: exerciseText(g.goal.label, 'en', facts), passed: g.passed, reason: say(g.reason) })),
      solved: isSolved(goals),
      hintsUsed: 0,
      solutionShown,
      completionCode,
    };
    writeFileSync(join(out, 'exercise.json'), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(out, 'completion-code.txt'), `${completionCode}\n`);
    console.log(`lab: exercise ${exercise.id}${args.student ? ` (${args.student})` : ''}: ${result.solved ? 'solved' : 'not solved'} — ${goals.filter((g) => g.passed).length} of ${goals.length} goals → ${out}`);
  } else {
    console.log(`lab: ${scenarioId} seed ${seed}${faults.length ? ` faults ${faultChoices.join(', ')}` : ''}: LSC ${summary.lsc}, Certificate Operation Status "${summary.certificateOperationStatus}" → ${out}`);
  }
  world.stop();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    if (e instanceof UsageError) {
      console.error(`lab: ${e.message}`);
      process.exit(2);
    }
    console.error(`lab: internal error: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(3);
  },
);
