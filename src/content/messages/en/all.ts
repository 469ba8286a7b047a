/**
 * The whole English catalogue: the reference every language must match key for key (its type gives the
 * message keys and their placeholders), and what the lab runner and the tests format with.
 */
import core from './index';
import checks from './checks';
import cli from './cli';
import codes from './codes';
import exercises from './exercises';
import faults from './faults';
import fleet from './fleet';
import inspect from './inspect';
import labca from './labca';
import observe from './observe';
import phone from './phone';
import pictures from './pictures';
import progress from './progress';
import share from './share';
import teacher from './teacher';
import tutorial from './tutorial';
import upload from './upload';

export const AREA_CATALOGUES = { checks, cli, codes, exercises, faults, fleet, inspect, labca, observe, phone, pictures, progress, share, teacher, tutorial, upload } as const;

export default { ...core, ...checks, ...cli, ...codes, ...exercises, ...faults, ...fleet, ...inspect, ...labca, ...observe, ...phone, ...pictures, ...progress, ...share, ...teacher, ...tutorial, ...upload } as const;
