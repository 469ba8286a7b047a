/**
 * The lab runner: the headless twin of the UI. It builds the world from a scenario, a seed and faults,
 * optionally performs the seed procedure and the documented fixes, runs the virtual clock until the
 * phone settles, and writes what an engineer would collect from the real system.
 *
 *   npm run lab -- [--scenario ID] [--seed N] [--phones N] [--fault ID[@DEVICE]]… [--procedure] [--fix] [--start ISO] --out DIR
 *
 * With more than one phone (`--phones N`, or a fleet scenario), `--procedure` goes through Bulk Administration
 * for every phone (content/procedures.ts `fleetProcedure`); a fault aimed at a phone then does that phone's own
 * procedure its way afterwards.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SCENARIO, SCENARIOS } from '../content/scenarios';
import { fleetProcedure, seedProcedure } from '../content/procedures';
import { certificateArtefacts, itlArtefacts } from '../sim/artefacts';
import { applyScenarioFaults, doSteps, FAULTS, onWorld, parseFaultChoice, procedureForm, type AimedFault, type FixStep } from '../sim/faults';
import { checkFleetSize, expandFleet, withFleet } from '../sim/fleet';
import { phoneSummaries, writeCapfReport } from './fleet-output';
import { LabWorld } from '../sim/world';
import { packetTraceText } from '../sim/packet-text';

/** "Nothing left to happen, or two virtual hours at most" (issue: lab runner). */
const SETTLE_LIMIT_MS = 2 * 3600 * 1000;

const USAGE = `usage: npm run lab -- [--scenario ID] [--seed N] [--phones N] [--fault ID[@DEVICE]]... [--procedure] [--fix] [--start ISO-DATE] --out DIR`;

function fail(message: string): never {
  console.error(`lab: ${message}`);
  process.exit(2);
}

async function perform(world: LabWorld, steps: FixStep[], log: string[]): Promise<void> {
  await doSteps(onWorld(world), steps, (done) => {
    const at = new Date(world.now).toISOString();
    if ('wait' in done) {
      log.push(`${at} (waited ${done.wait / 1000} s)`);
      return;
    }
    const { action, result } = done;
    log.push(`${at} ${JSON.stringify(action)} → ${result.ok ? 'ok' : `refused: ${result.error}`}${result.ok && result.warning ? ` (warning: ${result.warning})` : ''}`);
    if (!result.ok) console.error(`lab: action refused: ${result.error}`);
  });
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        scenario: { type: 'string', default: DEFAULT_SCENARIO },
        seed: { type: 'string', default: '1' },
        phones: { type: 'string' },
        fault: { type: 'string', multiple: true, default: [] },
        procedure: { type: 'boolean', default: false },
        fix: { type: 'boolean', default: false },
        start: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`);
  }
  if (args.help) {
    console.log(`${USAGE}\nscenarios: ${Object.keys(SCENARIOS).join(', ')}\nfaults: ${FAULTS.map((f) => f.id).join(', ') || '(none)'}`);
    return;
  }
  if (!args.out) fail(`--out DIR is required\n${USAGE}`);
  const scenario = SCENARIOS[args.scenario!];
  if (!scenario) fail(`unknown scenario "${args.scenario}"; known: ${Object.keys(SCENARIOS).join(', ')}`);
  if (!/^-?\d+$/.test(args.seed!)) fail(`--seed must be an integer, not "${args.seed}"`);
  let lab = expandFleet(scenario, Number(args.seed));
  if (args.phones !== undefined) {
    const n = checkFleetSize(args.phones);
    if (!n.ok) fail(`--phones: ${n.error}`);
    lab = withFleet(scenario, n.value, Number(args.seed));
  }
  const faults: AimedFault[] = [];
  for (const text of args.fault ?? []) {
    const choice = parseFaultChoice(text, lab.phones.map((p) => p.deviceName));
    if (!choice.ok) fail(choice.error);
    faults.push(choice.value);
  }
  const fleet = lab.phones.length > 1;
  let start: number | undefined;
  if (args.start) {
    start = Date.parse(args.start);
    if (Number.isNaN(start)) fail(`--start "${args.start}" is not a date (use ISO 8601, e.g. 2026-11-25T14:00:00Z)`);
  }

  const out = resolve(args.out!);
  const world = await LabWorld.create({ scenario: applyScenarioFaults(lab, faults), seed: Number(args.seed), start });
  const actionLog: string[] = [];
  let run = await world.runUntilSettled(SETTLE_LIMIT_MS);
  for (const { fault, device } of faults) if (fault.inject) await perform(world, fault.inject(world, device), actionLog);
  if (faults.some((f) => f.fault.inject)) run = await world.runUntilSettled(SETTLE_LIMIT_MS);
  if (args.procedure) {
    if (fleet) {
      await perform(world, fleetProcedure(world), actionLog);
      run = await world.runUntilSettled(SETTLE_LIMIT_MS);
    }
    // A single phone's seed procedure; in a fleet, each phone a fault's procedure is aimed at, its way.
    const own = fleet ? [...new Set(faults.filter((f) => f.fault.procedure).map((f) => f.device ?? lab.phones[0].deviceName))] : [undefined];
    for (const device of own) {
      await perform(world, seedProcedure(world, device, (form) => procedureForm(world, faults, form, device)), actionLog);
    }
    if (own.length) run = await world.runUntilSettled(SETTLE_LIMIT_MS);
    const after = faults.flatMap((f) => f.fault.afterProcedure?.(world, f.device) ?? []);
    if (after.length) {
      await perform(world, after, actionLog);
      run = await world.runUntilSettled(SETTLE_LIMIT_MS);
    }
  }
  const beforeFix = { lsc: world.lsc(scenario.phones[0].deviceName), certificateOperationStatus: world.certificateOperationStatus(scenario.phones[0].deviceName) };
  if (args.fix) {
    for (const { fault, device } of faults) {
      await perform(world, fault.fix(world, device), actionLog);
      run = await world.runUntilSettled(SETTLE_LIMIT_MS);
    }
  }

  rmSync(out, { recursive: true, force: true });
  for (const dir of ['certificates', 'itl', 'cli', 'logs']) mkdirSync(join(out, dir), { recursive: true });
  for (const cert of certificateArtefacts(world)) writeFileSync(join(out, 'certificates', cert.name), cert.pem);
  // The names the seed article uses, for the checks an engineer runs first.
  const pub = scenario.nodes.find((n) => n.role === 'publisher')!.name;
  const capf = world.env.certs.identity(pub, 'CAPF');
  const device = lab.phones[0].deviceName;
  const certs = certificateArtefacts(world);
  if (capf) writeFileSync(join(out, 'certificates', 'CAPF.pem'), certs.find((c) => c.name === `${pub}-CAPF.pem`)!.pem);
  const lsc = certs.find((c) => c.name === `${device}-LSC.pem`);
  if (lsc) writeFileSync(join(out, 'certificates', 'LSC.pem'), lsc.pem);
  for (const itl of itlArtefacts(world)) writeFileSync(join(out, 'itl', `${itl.node}.tlv`), itl.bytes);
  for (const node of scenario.nodes) {
    const result = await world.act({ type: 'cli', node: node.name, command: 'show itl' });
    writeFileSync(join(out, 'cli', `${node.name}-show-itl.txt`), `admin:show itl\n${result.ok ? result.output : result.error}\n`);
  }
  const log = world.env.log;
  writeFileSync(join(out, 'logs', 'phone-status.txt'), `${log.text('phone-status')}\n`);
  writeFileSync(join(out, 'logs', 'phone-console.txt'), `${log.text('phone-console')}\n`);
  writeFileSync(join(out, 'logs', 'capf-trace.txt'), `${log.text('capf-trace')}\n`);
  writeFileSync(join(out, 'logs', 'tftp-trace.txt'), `${log.text('tftp-trace')}\n`);
  writeFileSync(join(out, 'logs', 'tvs-trace.txt'), `${log.text('tvs-trace')}\n`);
  writeFileSync(join(out, 'logs', 'cli.txt'), `${log.text('cli')}\n`);
  if (scenario.dot1x) writeFileSync(join(out, 'logs', 'radius.txt'), `${log.text('radius')}\n`);
  writeFileSync(join(out, 'logs', 'packet-trace.txt'), packetTraceText(world.trace.packets));
  writeFileSync(join(out, 'actions.txt'), `${actionLog.join('\n')}\n`);
  const summary = {
    scenario: scenario.id,
    seed: Number(args.seed),
    start: new Date(world.start).toISOString(),
    end: new Date(world.now).toISOString(),
    faults: faults.map((f) => (f.device ? `${f.fault.id}@${f.device}` : f.fault.id)),
    procedure: args.procedure,
    fix: args.fix,
    settled: run.settled,
    device,
    lsc: world.lsc(device),
    certificateOperationStatus: world.certificateOperationStatus(device),
    beforeFix: args.fix ? beforeFix : undefined,
    phoneState: world.stateOf(`phone/${device}`),
    actions: world.actions.map((a) => ({ at: new Date(a.at).toISOString(), action: a.action })),
    phones: phoneSummaries(world),
  };
  writeCapfReport(world, out);
  writeFileSync(join(out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  world.stop();
  console.log(`lab: ${scenario.id} seed ${summary.seed}${faults.length ? ` faults ${summary.faults.join(', ')}` : ''}: LSC ${summary.lsc}, Certificate Operation Status "${summary.certificateOperationStatus}" → ${out}`);
}

main().catch((e) => {
  console.error(`lab: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
