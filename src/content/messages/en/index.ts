/** The English catalogue: every area's messages, keyed "<area>.<name>". */
import pictures from './pictures';
import shell from './shell';

export default { ...shell, ...pictures } as const;
