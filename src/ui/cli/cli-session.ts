/**
 * One admin CLI session per node, kept per lab world: leaving the terminal's page and coming back finds
 * the session as it was left (its scrollback and its command history), as an SSH window would; a new lab
 * starts new sessions.
 */

export interface CliLine {
  id: number;
  /** banner: the login text; command: "admin:<input>"; output: what the node printed; error: the lab refused. */
  kind: 'banner' | 'command' | 'output' | 'error' | 'note';
  text: string;
}

export interface CliSessionState {
  lines: CliLine[];
  history: string[];
  closed: boolean;
  nextId: number;
}

/**
 * What CUCM prints when an SSH session to the admin CLI opens (the platform CLI's login banner; the
 * hardware summary that follows it on a real node is left out).
 */
export const BANNER = ['Command Line Interface is starting up, please wait ...', '', '   Welcome to the Platform Command Line Interface', ''].join('\n');

export const PROMPT = 'admin:';

export function newCliSession(): CliSessionState {
  return { lines: [{ id: 0, kind: 'banner', text: BANNER }], history: [], closed: false, nextId: 1 };
}

const sessions = new WeakMap<object, Map<string, CliSessionState>>();

export function cliSession(world: object, node: string): CliSessionState {
  let nodes = sessions.get(world);
  if (!nodes) sessions.set(world, (nodes = new Map()));
  let state = nodes.get(node);
  if (!state) nodes.set(node, (state = newCliSession()));
  return state;
}
