/**
 * The lab world: every real component as an actor in one XState system on one virtual clock, built from
 * a scenario and a seed (DESIGN principles 3 and 4). `LabWorld` is the only door in: the UI and the lab
 * runner send it the learner's actions and read snapshots, logs and the packet trace.
 */
import { assign, createActor, enqueueActions, setup, type AnyActorRef } from 'xstate';
import { CertificateStore } from './cucm/certificates';
import { ClusterDatabase } from './cucm/database';
import { capfMachine } from './cucm/capf.machine';
import { bulkProvisioningMachine } from './cucm/bulk-provisioning.machine';
import { tftpMachine, type BuiltItl } from './cucm/tftp.machine';
import { tvsMachine } from './cucm/tvs.machine';
import { dnsMachine } from './dns/dns.machine';
import { radiusMachine } from './dot1x/radius.machine';
import { switchMachine } from './dot1x/switch.machine';
import { VirtualClock, type RunResult } from './clock';
import { ids, type SimEnv } from './env';
import { installLab, freshKeys, type InstalledLab, type KeySource } from './install';
import { LogBook } from './log';
import { networkMachine, PacketTrace } from './network';
import { phoneMachine, lscField, type PhoneContext, type PhoneFlash, type PhoneInput } from './phone/phone.machine';
import { Random } from './random';
import { indexDelayedEventsBySource } from './scheduler';
import type { PhoneSpec, Scenario } from './scenario';
import { fromLocal, toLocal } from './time';
import { applyAction, type ActionResult, type LabAction } from './actions';
import type { PemText } from './artefact-roles';

export interface WorldOptions {
  scenario: Scenario;
  seed?: number | string;
  /** Virtual start (epoch ms). Default: the scenario's date, or today at the scenario's hour. */
  start?: number;
  keySource?: KeySource;
  /** Power the phones on at the start (default true). */
  powerOnPhones?: boolean;
  /** Tests only: random real delays on every computation (see VirtualClock). */
  realJitter?: () => number;
}

/**
 * Who did an action: the learner, or the lab setting itself up (a fault injected, an exercise's starting
 * state). Setup is not learning: it is rebuilt from the exercise or fault, and only the learner's actions
 * go into completion codes.
 */
export type ActionBy = 'learner' | 'setup';

export interface RecordedAction {
  /** Virtual time the action was done at. */
  at: number;
  /** Timers that had fired at that same instant before it (a learner stepping event by event; usually 0). */
  n: number;
  by: ActionBy;
  /** As recorded: artefacts this world made are named by role (artefact-roles.ts), so any world can replay it. */
  action: LabAction;
}

/**
 * The lab's start instant: the scenario's fixed date, or else the most recent occurrence of the scenario's
 * hour before the learner's now — never in the future, so the certificates the lab issues are already
 * valid when the learner checks them with openssl.
 */
export function scenarioStart(scenario: Scenario, now: number = Date.now()): number {
  if (scenario.start.date) return fromLocal({ ...scenario.start.date, hour: scenario.start.hour }, scenario.zone);
  const t = toLocal(now, scenario.zone);
  const today = fromLocal({ year: t.year, month: t.month, day: t.day, hour: scenario.start.hour }, scenario.zone);
  if (today <= now) return today;
  const y = toLocal(now - 86400000, scenario.zone);
  return fromLocal({ year: y.year, month: y.month, day: y.day, hour: scenario.start.hour }, scenario.zone);
}

type WorldEvent =
  /** The learner takes a phone off the desk (to swap the handset for another model). */
  | { type: 'world.phone.remove'; device: string }
  | { type: 'world.phone.add'; device: string; flash: PhoneFlash };

const worldMachine = setup({
  types: {
    input: {} as { env: SimEnv; trace: PacketTrace; installed: InstalledLab },
    context: {} as { env: SimEnv; children: Record<string, AnyActorRef> },
    events: {} as WorldEvent,
  },
  actors: {
    network: networkMachine,
    dns: dnsMachine,
    capf: capfMachine,
    tftp: tftpMachine,
    tvs: tvsMachine,
    phone: phoneMachine,
    switch: switchMachine,
    radius: radiusMachine,
    bulkProvisioning: bulkProvisioningMachine,
  },
  actions: {
    removePhone: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'world.phone.remove') return;
      const ref = context.children[ids.phone(event.device)];
      if (ref) enqueue.stopChild(ref);
      const { [ids.phone(event.device)]: _gone, ...rest } = context.children;
      enqueue.assign({ children: rest });
    }),
    addPhone: assign(({ context, event, spawn }) => {
      if (event.type !== 'world.phone.add') return {};
      const spec = context.env.scenario.phones.find((p) => p.deviceName === event.device)!;
      return { children: { ...context.children, [ids.phone(spec.deviceName)]: spawnPhone(spawn, context.env, spec, event.flash) } };
    }),
  },
}).createMachine({
  id: 'world',
  on: {
    'world.phone.remove': { actions: 'removePhone' },
    'world.phone.add': { actions: 'addPhone' },
  },
  context: ({ input, spawn }) => {
    const { env, trace, installed } = input;
    const s = env.scenario;
    const children: Record<string, AnyActorRef> = {};
    children[ids.network] = spawn('network', {
      systemId: ids.network,
      input: {
        trace,
        clock: env.clock,
        hosts: [
          ...s.nodes.map((n) => ({ host: n.name, ip: n.ip })),
          { host: s.dns.host, ip: s.dns.ip },
          ...s.phones.map((p) => ({ host: p.deviceName, ip: p.ip })),
          ...(s.dot1x ? [s.dot1x.switch, s.dot1x.radius] : []),
        ],
      },
    });
    children[ids.dns] = spawn('dns', { systemId: ids.dns, input: { systemId: ids.dns, ip: s.dns.ip, records: s.dns.records } });
    if (s.dot1x) {
      children[ids.switch] = spawn('switch', {
        systemId: ids.switch,
        input: { systemId: ids.switch, ip: s.dot1x.switch.ip, radiusIp: s.dot1x.radius.ip, random: env.random.fork('switch') },
      });
      children[ids.radius] = spawn('radius', { systemId: ids.radius, input: { env, systemId: ids.radius, host: s.dot1x.radius.host, ip: s.dot1x.radius.ip } });
    }
    for (const node of s.nodes) {
      children[ids.tvs(node.name)] = spawn('tvs', { systemId: ids.tvs(node.name), input: { env, node: node.name } });
      children[ids.tftp(node.name)] = spawn('tftp', {
        systemId: ids.tftp(node.name),
        input: { env, node: node.name, activated: env.db.isActivated(node.name, 'tftp') },
      });
      if (node.role === 'publisher') {
        children[ids.capf(node.name)] = spawn('capf', {
          systemId: ids.capf(node.name),
          input: { env, node: node.name, activated: env.db.isActivated(node.name, 'capf') },
        });
      }
    }
    children[ids.bulkProvisioning] = spawn('bulkProvisioning', { systemId: ids.bulkProvisioning, input: { env } });
    for (const phone of s.phones) {
      const carried = installed.carriedOver.get(phone.deviceName);
      children[ids.phone(phone.deviceName)] = spawnPhone(spawn, env, phone, {
        itl: carried?.itl ?? null,
        lsc: carried?.lsc ?? null,
        mic: installed.mics.get(phone.deviceName) ?? null,
        tvsServers: carried?.tvsServers ?? [],
      });
    }
    return { env, children };
  },
});

/** The action as it is recorded: PEM texts this world made are named by role. */
function nameArtefacts(world: LabWorld, action: LabAction, namePemText: (world: LabWorld, text: PemText) => PemText): LabAction {
  switch (action?.type) {
    case 'os.certificate.upload':
    case 'capf.offline.import':
      return { ...action, pem: namePemText(world, action.pem) };
    case 'lab.ca.sign':
      return { ...action, csr: namePemText(world, action.csr) };
    default:
      return action;
  }
}

function spawnPhone(spawn: (src: 'phone', options: { systemId: string; input: PhoneInput }) => AnyActorRef, env: SimEnv, spec: PhoneSpec, flash: PhoneFlash): AnyActorRef {
  const s = env.scenario;
  const tftpNode = s.nodes.find((n) => n.name === spec.tftpNode) ?? s.nodes[0];
  return spawn('phone', { systemId: ids.phone(spec.deviceName), input: { env, spec, dnsServer: s.dns.ip, tftpServer: tftpNode.ip, flash } });
}

export class LabWorld {
  readonly actions: RecordedAction[] = [];
  /** Actions and clock runs take turns: an action's effects land at one virtual instant, whoever drives the clock. */
  #turn: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly env: SimEnv,
    readonly trace: PacketTrace,
    readonly installed: InstalledLab,
    readonly seed: number | string,
    readonly start: number,
    readonly root: ReturnType<typeof createActor<typeof worldMachine>>,
  ) {}

  static async create(options: WorldOptions): Promise<LabWorld> {
    // The world owns its copy: what happens in the lab (a handset swapped) never changes the scenario.
    const seed = options.seed ?? 1;
    // A fleet's phones are drawn by sim/fleet.ts, loaded only for a scenario that has one (a one-phone lab's page).
    const grown = options.scenario.fleet ? (await import('./fleet')).expandFleet(options.scenario, seed) : options.scenario;
    const scenario = structuredClone(grown);
    const start = options.start ?? scenarioStart(scenario);
    const clock = new VirtualClock(start, options.realJitter);
    const random = new Random(seed, scenario.id);
    const log = new LogBook(() => clock.now(), scenario.zone);
    const env: SimEnv = { clock, log, zone: scenario.zone, random, db: new ClusterDatabase(), certs: new CertificateStore(), scenario };
    const installed = await installLab(scenario, start, random.fork('install'), env.certs, env.db, options.keySource ?? freshKeys);
    const trace = new PacketTrace();
    const root = createActor(worldMachine, { clock, input: { env, trace, installed }, systemId: 'world' });
    indexDelayedEventsBySource(root.system);
    const world = new LabWorld(env, trace, installed, seed, start, root);
    root.start();
    if (options.powerOnPhones !== false) {
      for (const p of scenario.phones) world.actor(ids.phone(p.deviceName))?.send({ type: 'phone.power.on' });
    }
    await clock.drain();
    return world;
  }

  get now(): number {
    return this.env.clock.now();
  }

  get clock(): VirtualClock {
    return this.env.clock;
  }

  actor(systemId: string): AnyActorRef | undefined {
    return this.root.system.get(systemId);
  }

  /**
   * Do what a learner does (a page's Save, a service restart, a CLI command …) at the current virtual time,
   * and record it (refusals change nothing and are not recorded). A private key is refused before anything
   * else: a recorded action ends up in saved labs, share links and completion codes.
   */
  act(action: LabAction, by: ActionBy = 'learner'): Promise<ActionResult> {
    return this.#inTurn(async () => {
      // Naming by role is needed only once the learner acts: it loads with the first action.
      const { carriesPrivateKey, namePemText } = await import('./artefact-roles');
      if (carriesPrivateKey(action)) {
        return {
          ok: false,
          error: 'This is a private key. The lab never takes one: it would be kept in the saved lab, share links and completion codes. Paste the certificate or the request instead.',
        } as const;
      }
      const at = this.now;
      const n = this.env.clock.firedAtNow;
      const recorded = nameArtefacts(this, action, namePemText);
      const result = await applyAction(this, recorded);
      if (result.ok) this.actions.push({ at, n, by, action: recorded });
      await this.env.clock.drain();
      return result;
    });
  }

  /** The learner's own actions (what a completion code carries), without the lab's setup. */
  get learnerActions(): RecordedAction[] {
    return this.actions.filter((a) => a.by === 'learner');
  }

  /** Bring the clock to where a recorded action was taken (its instant, and the events fired at it before it). */
  replayTo(at: number, n: number): Promise<RunResult> {
    return this.#inTurn(() => this.env.clock.runTo(at, n));
  }

  /** Let `ms` of virtual time pass. */
  run(ms: number): Promise<RunResult> {
    return this.#inTurn(() => this.env.clock.runUntil(this.now + ms));
  }

  /** Move the clock to an absolute virtual time (the UI's real-time driver, replays). */
  runUntil(epochMs: number): Promise<RunResult> {
    return this.#inTurn(() => this.env.clock.runUntil(epochMs));
  }

  /** Fire the next scheduled event only (the UI's "step"). */
  step(): Promise<boolean> {
    return this.#inTurn(() => this.env.clock.step());
  }

  /** Run until nothing is left to happen, or `maxMs` of virtual time at most. */
  runUntilSettled(maxMs = 2 * 3600 * 1000): Promise<RunResult> {
    return this.#inTurn(() => this.env.clock.runUntilSettled(maxMs));
  }

  #inTurn<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#turn.then(work, work);
    this.#turn = next.catch(() => undefined);
    return next;
  }

  phoneContext(device: string): PhoneContext | undefined {
    return this.actor(ids.phone(device))?.getSnapshot().context as PhoneContext | undefined;
  }

  /** The phone's Settings > Security > LSC field. */
  lsc(device: string): string {
    const c = this.phoneContext(device);
    return c ? lscField(c) : 'Not Installed';
  }

  /** The phone record's "Certificate Operation Status". */
  certificateOperationStatus(device: string): string {
    return this.env.db.phone(device)?.capf.certificateOperationStatus ?? 'None';
  }

  /** The ITL a TFTP node serves right now (null when its service has none). */
  servedItl(node: string): BuiltItl | null {
    const snap = this.actor(ids.tftp(node))?.getSnapshot();
    return (snap?.context as { itl: BuiltItl | null } | undefined)?.itl ?? null;
  }

  /** Value of an actor's statechart ("started", { on: "registered" } …). */
  stateOf(systemId: string): unknown {
    return this.actor(systemId)?.getSnapshot().value;
  }

  /** Swap a phone's handset for another model (same device record): a new phone boots with a fresh flash. */
  async replacePhone(device: string, model: string, mic: PhoneFlash['mic'], serialNumber?: string): Promise<void> {
    const spec = this.env.scenario.phones.find((p) => p.deviceName === device);
    if (!spec) return;
    this.root.send({ type: 'world.phone.remove', device });
    await this.env.clock.drain();
    spec.model = model;
    if (serialNumber) spec.serialNumber = serialNumber;
    this.root.send({ type: 'world.phone.add', device, flash: { itl: null, lsc: null, mic, tvsServers: [] } });
    await this.env.clock.drain();
    this.actor(ids.phone(device))?.send({ type: 'phone.power.on' });
  }

  stop(): void {
    this.root.stop();
  }
}
