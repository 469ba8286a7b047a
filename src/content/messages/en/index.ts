/** The English catalogue: every area's messages, keyed "<area>.<name>". */
import cli from './cli';
import shell from './shell';

export default { ...shell, ...cli } as const;
