/** The English catalogue: every area's messages, keyed "<area>.<name>". */
import checks from './checks';
import cli from './cli';
import codes from './codes';
import inspect from './inspect';
import pictures from './pictures';
import shell from './shell';
import upload from './upload';

export default { ...shell, ...checks, ...cli, ...pictures, ...codes, ...inspect, ...upload } as const;
