/** The English catalogue: every area's messages, keyed "<area>.<name>". */
import inspect from './inspect';
import shell from './shell';
import upload from './upload';

export default { ...shell, ...inspect, ...upload } as const;
