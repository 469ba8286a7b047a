/**
 * The admin CLI of each node: the commands the lab knows answer as CUCM does, and act on the cluster.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedLab } from '../../src/content/scenarios/seed-lab';
import { ITL_NOT_FOUND_TEXT } from '../../src/itl';
import { completeCli, CTL_NOT_FOUND_TEXT, ITL_RESET_CSCUS33755, UNKNOWN_COMMAND } from '../../src/sim/cucm/cli';
import { cucm14Lab } from '../../src/content/scenarios/cucm14-lab';
import { LabWorld } from '../../src/sim/world';
import { pooledKeys } from '../helpers/key-pool';

let world: LabWorld;
const cli = async (node: string, command: string) => {
  const r = await world.act({ type: 'cli', node, command });
  if (!r.ok) throw new Error(r.error);
  return r.output ?? '';
};

beforeAll(async () => {
  world = await LabWorld.create({ scenario: seedLab, seed: 21, start: Date.UTC(2026, 2, 16, 13), keySource: pooledKeys });
  await world.runUntilSettled();
});

describe('admin CLI', () => {
  it('show itl prints the header, every record and the verification line, and is logged', async () => {
    const out = await cli('ao115sub', 'show itl');
    expect(out).toMatch(/^The checksum value of the ITL file:\n[0-9a-f]{32}\(MD5\)\n[0-9a-f]{40}\(SHA1\)\n\nLength of ITL file: \d+\nThe ITL File was last modified on \w{3} \w{3} \d\d \d\d:\d\d:\d\d E[SD]T 2026/);
    expect(out.match(/ITL Record #:\d+/g)).toHaveLength(7);
    expect(world.env.log.text('cli', 'ao115sub')).toContain('admin:show itl');
  });

  it('show ctl on a non-secure cluster says there is no CTL file', async () => {
    expect(await cli('ao115pub', 'show ctl')).toBe(CTL_NOT_FOUND_TEXT);
  });

  it('an unknown command, or show itl with extra words, gets CUCM\'s answer; an empty line prints nothing', async () => {
    expect(await cli('ao115pub', 'show lsc please')).toBe(UNKNOWN_COMMAND);
    expect(await cli('ao115pub', 'show itl now')).toBe(UNKNOWN_COMMAND);
    expect(await cli('ao115pub', '   ')).toBe('');
  });

  it('show network eth0 shows the node\'s address and the lab DNS server', async () => {
    const out = await cli('ao115pub', 'show network eth0');
    expect(out).toContain('IP Address : 10.122.138.102');
    expect(out).toContain('Primary : 10.122.138.10');
    expect(out).toContain('Domain : brianw2.lab');
  });

  it('utils service list shows each service\'s state and ends as CUCM\'s does; CAPF only on the publisher', async () => {
    const pub = await cli('ao115pub', 'utils service list');
    expect(pub).toContain('Cisco Certificate Authority Proxy Function[STARTED]');
    expect(pub).toContain('Cisco TFTP[STARTED]');
    expect(pub).toContain('Cisco Trust Verification Service[STARTED]');
    // TAC 212706 / CLI reference: the list ends "Primary Node =true" and "Command successful".
    expect(pub.endsWith('\nPrimary Node =true\nCommand successful')).toBe(true);
    const sub = await cli('ao115sub', 'utils service list');
    expect(sub).not.toContain('Certificate Authority Proxy Function');
    expect(sub.endsWith('\nPrimary Node =false\nCommand successful')).toBe(true);
  });

  it('a service that is not activated reads "[STOPPED]  Service Not Activated" (TAC 212706)', async () => {
    await world.act({ type: 'serviceability.deactivate', node: 'ao115pub', service: 'capf' });
    expect((await cli('ao115pub', 'utils service list')).split('\n')).toContain('Cisco Certificate Authority Proxy Function[STOPPED]  Service Not Activated');
    await world.act({ type: 'serviceability.activate', node: 'ao115pub', service: 'capf' });
    await world.run(10_000);
    expect(world.stateOf('capf@ao115pub')).toBe('started');
  });

  it('utils service stop / start Cisco Certificate Authority Proxy Function stops and starts the service', async () => {
    const stop = await cli('ao115pub', 'utils service stop Cisco Certificate Authority Proxy Function');
    expect(stop).toContain('Cisco Certificate Authority Proxy Function[STOPPING]');
    await world.run(1000);
    expect(world.stateOf('capf@ao115pub')).toBe('stopped');
    expect(await cli('ao115pub', 'utils service list')).toContain('Cisco Certificate Authority Proxy Function[STOPPED]');
    await cli('ao115pub', 'utils service start Cisco Certificate Authority Proxy Function');
    await world.run(10_000);
    expect(world.stateOf('capf@ao115pub')).toBe('started');
    expect(await cli('ao115pub', 'utils service restart Cisco Nothing')).toContain('is not a valid service name');
  });

  it('an 11.5 node does not know the CAPF commands of 12.5(1) (utils capf stale-lsc, utils capf csr list; Release Notes 12.5(1))', async () => {
    expect(await cli('ao115pub', 'utils capf stale-lsc list')).toBe(UNKNOWN_COMMAND);
    expect(await cli('ao115pub', 'utils capf stale-lsc delete all')).toBe(UNKNOWN_COMMAND);
    expect(await cli('ao115pub', 'utils capf csr list')).toBe(UNKNOWN_COMMAND);
    expect(await cli('ao115pub', 'utils dbreplication runtimestate')).toContain('DB Version: ccm11_5_1_15038_2');
  });

  it('utils itl reset localkey on a subscriber is refused; on the publisher it sends a reset ITL signed by ITLRecovery to every running TFTP', async () => {
    expect(await cli('ao115sub', 'utils itl reset localkey')).toContain('only on the publisher');
    const out = await cli('ao115pub', 'utils itl reset localkey');
    expect(out).toContain('Enter CCM Administrator password :');
    expect(out).toContain('The reset ITL file was generated successfully');
    expect(out).toContain('Number of Active TFTP servers in the cluster : 2');
    expect(out).toContain('Successfully transferred reset ITL to node ao115pub');
    const itl = await cli('ao115sub', 'show itl');
    expect(itl.match(/ITL Record #:\d+/g)).toHaveLength(1);
    expect(itl).toMatch(/CN=ITLRECOVERY_ao115pub/);
    expect(itl).toContain('The ITL file was verified successfully.');
  });

  it('with replication broken, a restarted subscriber TFTP has no ITL and the reset fails as in CSCus33755; utils dbreplication reset all repairs it', async () => {
    await world.act({ type: 'lab.database.replication', healthy: false });
    expect(await cli('ao115pub', 'utils dbreplication runtimestate')).toContain('(4) Setup Failed/Dropped');
    await world.act({ type: 'serviceability.restart', node: 'ao115sub', service: 'tftp' });
    await world.run(10_000);
    expect((await cli('ao115sub', 'show itl')).trimEnd()).toBe(ITL_NOT_FOUND_TEXT.trimEnd());
    expect(await cli('ao115pub', 'utils itl reset localkey')).toBe(`Enter CCM Administrator password :\n${ITL_RESET_CSCUS33755}`);
    // CUCM 15 Administration Guide, "Troubleshooting Address Change Issues".
    expect(await cli('ao115pub', 'utils dbreplication reset all')).toBe(
      'This command will try to start Replication reset and will return in 1-2 minutes.\nBackground repair of replication will continue after that for 1 hour.',
    );
    await world.act({ type: 'serviceability.restart', node: 'ao115sub', service: 'tftp' });
    await world.run(10_000);
    expect(await cli('ao115sub', 'show itl')).toContain('The ITL file was verified successfully.');
  });
});

describe('help, ? and Tab, as the platform CLI has them', () => {
  // Form of `help <command>` and `<command> ?`: Cisco OS Administration Guide 1.0(1), CLI chapter (domain.md
  // §14.5): "<command> help:", a description, "options are:" with its option lines, "Example:"; "Syntax:".
  it('help <command> answers in the guide\'s form', async () => {
    expect(await cli('ao115pub', 'help show itl')).toBe(
      'show itl help:\nThis command displays the ITL file contents and checks its signature; it prints an error message if the ITL file is not valid.\n\nExample:\nadmin:show itl',
    );
    const reset = await cli('ao115pub', 'help utils itl reset');
    expect(reset.split('\n')).toEqual([
      'utils itl reset help:',
      'This command resets the ITL file when the phones no longer trust it; run it on the publisher.',
      '',
      'options are:',
      'localkey     - sign the reset ITL file with a key of this cluster',
      'remotekey    - sign the reset ITL file with the ITLRecovery key imported from an SFTP server',
      '',
      'Example:',
      'admin:utils itl reset localkey',
    ]);
    expect(await cli('ao115pub', 'HELP Show ITL')).toContain('show itl help:');
    expect(await cli('ao115pub', 'help show lsc')).toBe(UNKNOWN_COMMAND);
  });

  it('help alone lists the node\'s commands (no longer "No valid command entered"); an 11.5 node lists no 12.5 CAPF command', async () => {
    const out = await cli('ao115pub', 'help');
    expect(out).not.toBe(UNKNOWN_COMMAND);
    expect(out.split('\n')).toEqual(expect.arrayContaining(['  show itl', '  utils service list', '  utils itl reset', '  quit']));
    expect(out).not.toContain('stale-lsc');
  });

  it('<command> ? shows the syntax; after the first words of several commands it lists what may follow', async () => {
    expect(await cli('ao115pub', 'show itl ?')).toBe('Syntax:\nshow itl');
    expect(await cli('ao115pub', 'utils itl reset ?')).toBe('Syntax:\nutils itl reset {localkey | remotekey}');
    expect((await cli('ao115pub', 'utils service ?')).split('\n')).toEqual(['list', 'start', 'stop', 'restart']);
  });

  it('Tab completes a word only one command continues with, and lists the choices when several do', () => {
    expect(completeCli(seedLab, 'sh')).toEqual({ line: 'show ', candidates: [] });
    expect(completeCli(seedLab, 'show i')).toEqual({ line: 'show itl ', candidates: [] });
    expect(completeCli(seedLab, 'utils serv')).toEqual({ line: 'utils service ', candidates: [] });
    expect(completeCli(seedLab, 'utils service ')).toEqual({ line: 'utils service ', candidates: ['list', 'restart', 'start', 'stop'] });
    expect(completeCli(seedLab, 'utils service st')).toEqual({ line: 'utils service st', candidates: ['start', 'stop'] });
    expect(completeCli(seedLab, 'u')).toEqual({ line: 'utils ', candidates: [] });
    expect(completeCli(seedLab, 'help sh')).toEqual({ line: 'help show ', candidates: [] });
    expect(completeCli(seedLab, 'Show Ct')).toEqual({ line: 'show ctl ', candidates: [] });
    expect(completeCli(seedLab, 'show lsc')).toEqual({ line: 'show lsc', candidates: [] });
    expect(completeCli(seedLab, 'show itl ')).toEqual({ line: 'show itl ', candidates: [] });
  });

  it('Tab knows the release: utils capf stale-lsc completes on 14.0, not on 11.5', () => {
    expect(completeCli(seedLab, 'utils capf st')).toEqual({ line: 'utils capf st', candidates: [] });
    expect(completeCli(cucm14Lab, 'utils capf st')).toEqual({ line: 'utils capf stale-lsc ', candidates: [] });
    expect(completeCli(cucm14Lab, 'utils capf csr ')).toEqual({ line: 'utils capf csr ', candidates: ['dump', 'list'] });
  });
});
