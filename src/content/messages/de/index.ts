/**
 * The German catalogue the page needs at once (the frame, the home page); every other area loads with the
 * page that speaks it (`AREAS` in ../index.ts).
 */
import type en from '../en/index';
import type { Translation } from '../format';
import shell from './shell';
import start from './start';
import topology from './topology';

export default { ...shell, ...start, ...topology } satisfies Translation<typeof en>;
