/** The English catalogue: every area's messages, keyed "<area>.<name>". */
import checks from './checks';
import cli from './cli';
import codes from './codes';
import exercises from './exercises';
import faults from './faults';
import inspect from './inspect';
import pictures from './pictures';
import progress from './progress';
import share from './share';
import shell from './shell';
import teacher from './teacher';
import tutorial from './tutorial';
import upload from './upload';

export default { ...shell, ...checks, ...cli, ...pictures, ...codes, ...inspect, ...upload, ...progress, ...exercises, ...teacher, ...share, ...tutorial, ...faults } as const;
