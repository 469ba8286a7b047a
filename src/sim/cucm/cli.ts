/**
 * The CUCM admin CLI (`admin:` prompt) of one node: the commands the lab models, with the real output
 * (domain.md §5.7); anything else answers the way CUCM answers a command it does not know.
 */
import { showItl } from '../../itl';
import { javaDateString } from '../time';
import type { LabWorld } from '../world';

/** What CUCM prints for input it cannot parse (our recollection of the CLI, [I]). */
export const UNKNOWN_COMMAND = 'Executed command unsuccessfully\nNo valid command entered';

export async function runCli(world: LabWorld, node: string, input: string): Promise<string> {
  const command = input.trim().replace(/\s+/g, ' ');
  const words = command.toLowerCase().split(' ');
  let output: string;
  if (command === '') output = '';
  else if (words[0] === 'show' && words[1] === 'itl' && words.length === 2) {
    const itl = world.servedItl(node);
    output = (await showItl(itl?.bytes ?? null, { lastModified: itl ? javaDateString(itl.builtAt, world.env.zone) : '' })).trimEnd();
  } else output = UNKNOWN_COMMAND;
  world.env.log.cli(node, `admin:${input}`);
  if (output) for (const line of output.split('\n')) world.env.log.cli(node, line);
  return output;
}
