/** The English catalogue: every area's messages, keyed "<area>.<name>". */
import checks from './checks';
import cli from './cli';
import codes from './codes';
import pictures from './pictures';
import shell from './shell';

export default { ...shell, ...checks, ...cli, ...pictures, ...codes } as const;
