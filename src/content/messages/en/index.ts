/** The English catalogue: every area's messages, keyed "<area>.<name>". */
import shell from './shell';

export default { ...shell } as const;
