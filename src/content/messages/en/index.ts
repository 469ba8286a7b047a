/** The English catalogue: every area's messages, keyed "<area>.<name>". */
import checks from './checks';
import shell from './shell';

export default { ...shell, ...checks } as const;
