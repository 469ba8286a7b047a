/**
 * The CUCM admin CLI (`admin:` prompt) of one node: the commands the lab models, with the real output
 * (domain.md §5.7 for show itl / show ctl / utils itl reset; S19 for the reset's success text; the seed for
 * the CSCus33755 failure). Commands act on the world as the real ones act on the node; anything else gets
 * the answer CUCM gives to a command it does not know. `help`, `help <command>` and `<command> ?` describe
 * the node's commands, and `completeCli` is its Tab completion (pure, used by the terminal page).
 */
import { buildItl } from '../../itl/build';
import { showItl } from '../../itl/show';
import { ids, nodeSpec, publisher } from '../env';
import { releaseOf, SERVICE_NAMES, type Scenario, type ServiceKey } from '../scenario';
import { javaDateString } from '../time';
import type { LabWorld } from '../world';
import type { BuiltItl } from './tftp.machine';

/** What CUCM prints for input it cannot parse ([I]: our recollection of the CLI). */
export const UNKNOWN_COMMAND = 'Executed command unsuccessfully\nNo valid command entered';

/** show ctl on a cluster that never went to mixed mode (S11, domain.md §5.7). */
export const CTL_NOT_FOUND_TEXT =
  'Length of CTL file: 0\nCTL File not found . Please run CTLClient plugin or run the CLI - utils ctl.. to generate the CTL file.\nError parsing the CTL File.';

/** The seed's CSCus33755 output of `utils itl reset localkey` when the TFTP nodes cannot be determined. */
export const ITL_RESET_CSCUS33755 = [
  'Locating active Tftp servers in the cluster.....',
  '',
  'Unable to determine the active and running TFTP nodes in the cluster',
  'Ensure that the DB replication is working on all nodes and the correct Password has been entered',
  'Then retry the command',
  '',
  'Executed command unsuccessfully',
  "chmod: changing permissions of `/var/log/active/cm/trace/dbl/sdi/replication_scripts_output': Operation not permitted",
].join('\n');

const NOT_ACTIVATED = '[STOPPED]  Service Not Activated';

interface CliCommand {
  /** Words that start the command, lower case. */
  words: string[];
  /** Added in CUCM 12.5(1): unknown to an older node (scenario.ts `RELEASES`). */
  since125?: boolean;
  /** What `help <command>` says it does, and `<command> ?` shows as its syntax (see `helpText`). */
  help: { description: string; syntax?: string; options?: ReadonlyArray<readonly [string, string]> };
  run: (world: LabWorld, node: string, args: string[]) => Promise<string> | string;
}

function serviceByName(name: string): ServiceKey | undefined {
  const wanted = name.trim().toLowerCase();
  return (Object.keys(SERVICE_NAMES) as ServiceKey[]).find((k) => SERVICE_NAMES[k].toLowerCase() === wanted);
}

function serviceSystemId(service: ServiceKey, node: string): string {
  return service === 'capf' ? ids.capf(node) : service === 'tftp' ? ids.tftp(node) : ids.tvs(node);
}

/**
 * "[STARTED]", "[STOPPED]  Commanded Out of Service", "[STOPPED]  Service Not Activated" — utils service list
 * (TAC 212706 and the CLI reference: `Cisco Certificate Authority Proxy Function[STOPPED]  Service Not Activated`).
 */
function serviceStatus(world: LabWorld, node: string, service: ServiceKey): string {
  if (!world.env.db.isActivated(node, service)) return NOT_ACTIVATED;
  const state = world.stateOf(serviceSystemId(service, node));
  if (state === 'started') return '[STARTED]';
  if (state === 'starting') return '[STARTING]';
  return '[STOPPED]  Commanded Out of Service';
}

const COMMANDS: CliCommand[] = [
  {
    words: ['show', 'itl'],
    help: { description: 'This command displays the ITL file contents and checks its signature; it prints an error message if the ITL file is not valid.' },
    run: async (world, node) => {
      const itl = world.servedItl(node);
      return (await showItl(itl?.bytes ?? null, { lastModified: itl ? javaDateString(itl.builtAt, world.env.zone) : '' })).trimEnd();
    },
  },
  { words: ['show', 'ctl'], help: { description: 'This command displays the contents of the CTL file and tells you when it is not valid.' }, run: () => CTL_NOT_FOUND_TEXT },
  {
    words: ['show', 'network', 'eth0'],
    help: { description: 'This command shows the network information of Ethernet 0: address, DNS and gateway.' },
    run: (world, node) => {
      const n = nodeSpec(world.env, node);
      const s = world.env.scenario;
      const gateway = n.ip.replace(/\.\d+$/, '.1');
      return [
        'Ethernet 0',
        'DHCP : disabled         Status : up',
        `IP Address : ${n.ip}     IP Mask : 255.255.255.000`,
        'Link Detected: yes      Mode : Auto disabled, Full, 10000 Mbits/s',
        'Duplicate IP: no',
        '',
        'DNS',
        `Primary : ${s.dns.ip}    Secondary : Not Configured`,
        'Options : timeout:5 attempts:2',
        `Domain : ${s.domain}`,
        `Gateway : ${gateway} on Ethernet 0`,
      ].join('\n');
    },
  },
  {
    words: ['utils', 'service', 'list'],
    help: { description: 'This command retrieves a list of all services and their status.' },
    run: (world, node) => {
      const services: ServiceKey[] = ['capf', 'tftp', 'tvs'];
      const lines = ['Requesting service status, please wait...', 'System SSH [STARTED]', 'Cisco DB[STARTED]', 'Cisco CallManager[STARTED]'];
      for (const s of services) {
        if (s === 'capf' && node !== publisher(world.env).name) continue;
        lines.push(`${SERVICE_NAMES[s]}${serviceStatus(world, node, s)}`);
      }
      // The list ends with the node's role and the result (TAC 212706, CLI reference); "=false" on a
      // subscriber is by analogy, the sources show a publisher.
      lines.push(`Primary Node =${node === publisher(world.env).name}`, 'Command successful');
      return lines.join('\n');
    },
  },
  ...(['start', 'stop', 'restart'] as const).map(
    (verb): CliCommand => ({
      words: ['utils', 'service', verb],
      help: { description: `This command ${verb}s a service.`, syntax: `utils service ${verb} <service name>` },
      run: (world, node, args) => {
        const name = args.join(' ');
        const service = serviceByName(name);
        if (!service || (service === 'capf' && node !== publisher(world.env).name)) {
          return `${name || '(no service name)'} is not a valid service name\nExecuted command unsuccessfully`;
        }
        const label = SERVICE_NAMES[service];
        if (!world.env.db.isActivated(node, service)) return `${label}${NOT_ACTIVATED}\nExecuted command unsuccessfully`;
        world.actor(serviceSystemId(service, node))?.send({ type: verb === 'start' ? 'service.start' : verb === 'stop' ? 'service.stop' : 'service.restart' });
        const lines = ['Do not press Ctrl+C while the service is restarting. If the service has not restarted properly, execute the same command again.', 'Service Manager is running'];
        if (verb !== 'start') lines.push(`${label}[STOPPING]`, `${label}[STOPPING]`, 'Commanded Out of Service', `${label}[NOTRUNNING]`);
        if (verb !== 'stop') lines.push('Service Manager is running', `${label}[STARTING]`, `${label}[STARTED]`);
        return lines.join('\n');
      },
    }),
  ),
  {
    words: ['utils', 'itl', 'reset'],
    help: {
      description: 'This command resets the ITL file when the phones no longer trust it; run it on the publisher.',
      syntax: 'utils itl reset {localkey | remotekey}',
      options: [
        ['localkey', 'sign the reset ITL file with a key of this cluster'],
        ['remotekey', 'sign the reset ITL file with the ITLRecovery key imported from an SFTP server'],
      ],
    },
    run: (world, node, args) => resetItl(world, node, args),
  },
  // Release Notes 12.5(1): `utils capf stale-lsc …` and `utils capf csr list` are new there; an 11.5 node
  // does not know them. The CLI Reference 12.5(1)SU5 spells `utils capf stale-lsc { delete | list }`, the
  // Release Notes `delete all` and `view`. Their output text is not in our sources; the wording is ours.
  {
    words: ['utils', 'capf', 'stale-lsc', 'list'],
    help: { description: 'This command lists the LSCs CAPF issued for a certificate signing request that never reached their phone.' },
    since125: true,
    run: (world) => {
      const stale = world.env.db.staleLscs;
      if (stale.length === 0) return 'No stale LSC certificates were found.';
      // One line per LSC with its serial number: a fleet can hold several for one phone (our layout).
      return [
        `Stale LSC certificates (issued for a CSR, never installed): ${stale.length}`,
        ...stale.map((s) => `${s.deviceName}  serial ${s.serial}  issued ${javaDateString(s.issuedAt, world.env.zone)}`),
      ].join('\n');
    },
  },
  {
    words: ['utils', 'capf', 'stale-lsc', 'delete', 'all'],
    help: { description: 'This command deletes every stale LSC.' },
    since125: true,
    run: (world) => {
      const n = world.env.db.staleLscs.length;
      world.env.db.deleteStaleLscs();
      return n === 0 ? 'No stale LSC certificates were found.' : `${n} stale LSC certificate${n === 1 ? '' : 's'} deleted.`;
    },
  },
  {
    words: ['utils', 'capf', 'csr', 'list'],
    help: { description: 'This command lists the certificate signing requests CAPF keeps for phones (Offline CA).' },
    since125: true,
    run: (world) => {
      const csrs = Object.entries(world.env.db.capfCsrs);
      if (csrs.length === 0) return 'No CSR files are available.';
      return ['Following CSR files are available:', ...csrs.map(([device, c]) => `${device}.csr    ${javaDateString(c.savedAt, world.env.zone)}`)].join('\n');
    },
  },
  {
    words: ['utils', 'capf', 'csr', 'dump'],
    help: { description: 'This command prints a certificate signing request CAPF keeps for a phone (Offline CA).', syntax: 'utils capf csr dump <file name>' },
    run: (world, _node, args) => {
      const device = args[0]?.replace(/\.csr$/i, '').toUpperCase();
      const csr = device ? world.env.db.capfCsrs[device] : undefined;
      if (!csr) return `${args[0] ?? '(no file name)'}: no such CSR file\nExecuted command unsuccessfully`;
      return csr.pem.trimEnd();
    },
  },
  {
    words: ['utils', 'dbreplication', 'runtimestate'],
    help: { description: 'This command shows the state of database replication in the cluster.' },
    run: (world) => {
      const ok = world.env.db.replicationHealthy;
      const lines = ['Server Time: ' + javaDateString(world.now, world.env.zone), '', 'Cluster Replication State: ' + (ok ? 'Replication status command COMPLETED' : 'Replication setup broken'), '', `DB Version: ${releaseOf(world.env.scenario).dbVersion}`, '', 'SERVER-NAME          IP ADDRESS        (msec)    RPC?  REPL. QUEUE  Replication Setup'];
      for (const n of world.env.scenario.nodes) {
        const state = n.role === 'publisher' || ok ? '(2) Setup Completed' : '(4) Setup Failed/Dropped';
        lines.push(`${n.name.padEnd(20)} ${n.ip.padEnd(17)} 0.05      Yes   0            ${state}`);
      }
      return lines.join('\n');
    },
  },
  {
    words: ['utils', 'dbreplication', 'reset', 'all'],
    help: { description: 'This command resets and restarts database replication on every node; run it on the publisher.' },
    run: (world, node) => {
      if (node !== publisher(world.env).name) return 'This command can be executed only on the publisher.\nExecuted command unsuccessfully';
      world.env.db.setReplication(true);
      // The first two sentences of the real answer (CUCM 15 Administration Guide, "Troubleshooting Address
      // Change Issues"); the rest of it is not quoted in our sources. The lab's replication is repaired at once.
      return 'This command will try to start Replication reset and will return in 1-2 minutes.\nBackground repair of replication will continue after that for 1 hour.';
    },
  },
];

/**
 * `utils itl reset localkey|remotekey` (publisher only): a reset ITL signed by the ITLRecovery key — which
 * every phone holds as a SAST — is sent to every TFTP node that is running. Phones accept it at their next
 * restart (Enterprise Parameters > Reset) and, holding no TFTP signer any more, take the next regular ITL
 * after the Cisco TFTP restart (domain.md §5.7, S5).
 */
async function resetItl(world: LabWorld, node: string, args: string[]): Promise<string> {
  const which = args[0]?.toLowerCase();
  if (which !== 'localkey' && which !== 'remotekey') return UNKNOWN_COMMAND;
  const env = world.env;
  const pub = publisher(env).name;
  if (node !== pub) return 'This command can be executed only on the publisher.\nExecuted command unsuccessfully';
  if (which === 'remotekey') {
    return 'Enter the SFTP server IP/hostname, username and path of ITLRecovery.p12:\nNo SFTP server is reachable from this lab.\nExecuted command unsuccessfully';
  }
  const header = 'Enter CCM Administrator password :\n';
  if (!env.db.replicationHealthy) return header + ITL_RESET_CSCUS33755;
  const tftpNodes = env.scenario.nodes.filter((n) => world.stateOf(ids.tftp(n.name)) === 'started').map((n) => n.name);
  const recovery = env.certs.identity(pub, 'ITLRecovery');
  if (!recovery?.keys) return header + 'Unable to read the ITLRecovery key\nExecuted command unsuccessfully';
  const builtAt = env.clock.now();
  const bytes = await buildItl({
    records: [{ certificate: recovery.der, function: 'SAST', form: 'certificate' }],
    signer: { certificate: recovery.der, privateKey: recovery.keys.privateKey },
    digest: 'SHA-1',
    timestamp: Math.floor(builtAt / 1000),
  });
  const reset: BuiltItl = { bytes, builtAt, records: [{ function: 'SAST', subject: `ITLRECOVERY_${pub}` }] };
  for (const n of tftpNodes) world.actor(ids.tftp(n))?.send({ type: 'tftp.itl.install', itl: reset });
  return (
    header +
    [
      'Name is ITLRECOVERY_' + pub,
      'Generating the reset ITL file.....',
      'The reset ITL file was generated successfully',
      '',
      'Locating active Tftp servers in the cluster.....',
      '',
      'Following is the list of Active tftp servers in the cluster',
      '',
      '====================',
      ...tftpNodes,
      '=====================',
      `Number of Active TFTP servers in the cluster : ${tftpNodes.length}`,
      '',
      'Transferring new reset ITL file to the TFTP server nodes in the cluster.........',
      '',
      ...tftpNodes.map((n) => `Successfully transferred reset ITL to node ${n}`),
    ].join('\n')
  );
}

/** The commands a node of this scenario's release has. */
function commandsFor(scenario: Pick<Scenario, 'release'>): CliCommand[] {
  const has125 = releaseOf(scenario).capfCli125;
  return COMMANDS.filter((c) => has125 || !c.since125);
}

const commandsOf = (world: LabWorld) => commandsFor(world.env.scenario);

/** `quit` ends the SSH session (the terminal handles it); it completes and has help like any command. */
const QUIT: Pick<CliCommand, 'words' | 'help'> = { words: ['quit'], help: { description: 'This command closes the CLI session.' } };

/**
 * `help <command>` in the form of the Cisco OS Administration Guide 1.0(1) CLI chapter — "<command> help:",
 * a description, "options are:" with one line per option, "Example:" — domain.md §14.5. The descriptions
 * are our wording after the CLI Reference Guide for Cisco Unified Communications Solutions; what `help`
 * prints for `show itl` on 11.5/14 in particular is not in our sources.
 */
function helpFor(command: Pick<CliCommand, 'words' | 'help'>): string {
  const name = command.words.join(' ');
  const lines = [`${name} help:`, command.help.description];
  if (command.help.options?.length) {
    const width = Math.max(...command.help.options.map(([o]) => o.length)) + 4;
    lines.push('', 'options are:', ...command.help.options.map(([o, text]) => `${o.padEnd(width)}- ${text}`));
  }
  lines.push('', 'Example:', `admin:${command.help.options?.length ? `${name} ${command.help.options[0][0]}` : (command.help.syntax ?? name).replace(/ <[^>]+>$/, '')}`);
  return lines.join('\n');
}

/**
 * `help` alone. What the real CLI prints here is not in our sources; the lab lists the commands this node
 * knows, which is what a learner needs, and points at `help <command>` and `<command> ?`.
 */
function helpIndex(commands: ReadonlyArray<Pick<CliCommand, 'words'>>): string {
  return [
    'Commands on this node:',
    ...commands.map((c) => `  ${c.words.join(' ')}`),
    '',
    'help <command> describes a command; <command> ? shows its syntax; Tab completes a command.',
  ].join('\n');
}

/**
 * `<command> ?`: "Syntax:" and the command's syntax line (OS Administration Guide 1.0(1), domain.md §14.5); for
 * the first words of several commands, the words that can follow (the real listing's layout is not sourced).
 */
function questionMark(words: string[], commands: ReadonlyArray<Pick<CliCommand, 'words' | 'help'>>): string {
  const exact = commands.find((c) => c.words.length === words.length && c.words.every((w, i) => w === words[i]));
  if (exact) return `Syntax:\n${exact.help.syntax ?? exact.words.join(' ')}`;
  const next = [...new Set(commands.filter((c) => c.words.length > words.length && words.every((w, i) => c.words[i] === w)).map((c) => c.words[words.length]))];
  return next.length ? next.join('\n') : UNKNOWN_COMMAND;
}

/** What Tab does to the line: the completed line, and the choices when the next word is ambiguous. */
export interface CliCompletion {
  line: string;
  candidates: string[];
}

/**
 * Tab completion as the platform CLI does it: a word that only one command continues with is completed
 * (with a space after it); when several do, the line grows by their common beginning and they are listed.
 * `help` completes the command names after it. Pure: the same line gives the same answer.
 */
export function completeCli(scenario: Pick<Scenario, 'release'>, input: string): CliCompletion {
  const commands: Array<Pick<CliCommand, 'words'>> = [...commandsFor(scenario), QUIT];
  const lists = [...commands.map((c) => c.words), ...commands.map((c) => ['help', ...c.words]), ['help']];
  const text = input ?? '';
  const words = text.trim() === '' ? [] : text.trim().split(/\s+/);
  const partial = /\s$/.test(text) || words.length === 0 ? '' : words.pop()!;
  const done = words.map((w) => w.toLowerCase());
  const next = new Set<string>();
  for (const list of lists) {
    if (list.length <= done.length || !done.every((w, i) => list[i] === w)) continue;
    const word = list[done.length];
    if (word.startsWith(partial.toLowerCase())) next.add(word);
  }
  const candidates = [...next].sort();
  const head = done.length ? `${done.join(' ')} ` : '';
  if (candidates.length === 1) return { line: `${head}${candidates[0]} `, candidates: [] };
  if (candidates.length === 0) return { line: text, candidates: [] };
  let common = candidates[0];
  for (const c of candidates) while (!c.startsWith(common)) common = common.slice(0, -1);
  return { line: common.length > partial.length ? `${head}${common}` : text, candidates };
}

export async function runCli(world: LabWorld, node: string, input: string): Promise<string> {
  const command = (input ?? '').trim().replace(/\s+/g, ' ');
  const words = command.split(' ');
  const lower = words.map((w) => w.toLowerCase());
  let output = '';
  const commands = commandsOf(world);
  const documented = [...commands, QUIT];
  if (lower[0] === 'help') {
    const asked = lower.slice(1);
    const match = documented.find((c) => c.words.length === asked.length && c.words.every((w, i) => asked[i] === w));
    output = asked.length === 0 ? helpIndex(documented) : match ? helpFor(match) : UNKNOWN_COMMAND;
  } else if (lower.at(-1) === '?') {
    output = questionMark(lower.slice(0, -1), documented);
  } else if (command !== '') {
    const match = commands.filter((c) => c.words.every((w, i) => lower[i] === w)).sort((a, b) => b.words.length - a.words.length)[0];
    const args = match ? words.slice(match.words.length) : [];
    const exact = match && (args.length === 0 || match.words[0] === 'utils');
    output = exact ? await match.run(world, node, args) : UNKNOWN_COMMAND;
  }
  world.env.log.cli(node, `admin:${input ?? ''}`);
  if (output) for (const line of output.split('\n')) world.env.log.cli(node, line);
  return output;
}
