/**
 * What `npm run fuzz` drives: every decoder of untrusted input, each with the seed files its mutations start
 * from and a check of what it returned. A target fails a run by throwing (anything but the decoder's own typed
 * parse error, `isExpectedError`), by returning something `check` rejects, or by not finishing in time.
 *
 * To add a decoder (share links, completion codes, progress files…): append an entry here with a corpus of
 * real inputs (files under corpus/, or strings built here) and a `check` that states the decoder's promise.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { annotateSignedFile, annotateTrustList } from '../../src/itl/annotate';
import { exitCodeOf, inspectFiles, reportText } from '../../src/itl/inspect';
import { parseItl, type ItlParseResult } from '../../src/itl/parse';
import { parseSignedFile } from '../../src/itl/sgn';
import { certificateReport, csrReport } from '../../src/pki/inspect';
import { readPkiInput } from '../../src/pki/input';
import { decodeSavedLab } from '../../src/ui/persist';
import { readCompletionCode, readShareLink } from '../../src/content/lab-document';
import { progressFile, readProgressFile } from '../../src/content/progress';

export interface FuzzTarget {
  name: string;
  /** Real inputs to mutate. */
  corpus: () => Uint8Array[];
  /** Decode one input. Returns a problem in words when the result breaks the decoder's promise. */
  run: (input: Uint8Array) => string | undefined | Promise<string | undefined>;
  /** The decoder's own typed parse error, which is an answer, not a bug (none of these decoders throws one). */
  isExpectedError?: (e: unknown) => boolean;
}

const corpusDir = new URL('./corpus/', import.meta.url);
const codesDir = new URL('../content/fixtures/codes/', import.meta.url);
const itlFixtures = new URL('../itl/fixtures/', import.meta.url);
const read = (base: URL, name: string) => new Uint8Array(readFileSync(new URL(name, base)));
const corpusFiles = (pattern: RegExp) =>
  readdirSync(corpusDir)
    .filter((f) => pattern.test(f))
    .map((f) => read(corpusDir, f));
const text = (s: string) => new TextEncoder().encode(s);

function trustLists(): Uint8Array[] {
  return [read(itlFixtures, 'ITLFile-sha1.tlv'), read(itlFixtures, 'ITLFile-sha512.tlv'), ...corpusFiles(/\.(tlv|sgn)$/)];
}

function pkiFiles(): Uint8Array[] {
  return [read(itlFixtures, 'capf.pem'), ...corpusFiles(/\.(pem|der|csr|p7b)$/)];
}

/** A typed parse error must name a byte inside the file (0 for an empty one). */
function checkParse(input: Uint8Array, result: ItlParseResult<{ headerLength: number }>): string | undefined {
  if (result.ok) return result.value.headerLength <= input.length ? undefined : `headerLength ${result.value.headerLength} past the end`;
  const { offset, message } = result.error;
  if (!Number.isInteger(offset) || offset < 0 || offset >= Math.max(input.length, 1)) return `error offset ${offset} outside the file (${input.length} bytes)`;
  return message ? undefined : 'an error without a message';
}

/** Annotated sections must tile the file exactly. */
function checkTiles(sections: Array<{ offset: number; size: number }>, length: number): string | undefined {
  let at = 0;
  for (const s of sections) {
    if (s.offset !== at) return `a byte-view section starts at ${s.offset}, expected ${at}`;
    at += s.size;
  }
  return at === length ? undefined : `the byte view covers ${at} of ${length} bytes`;
}

const formatDate = (d: Date) => d.toISOString();
const capf = read(corpusDir, 'CAPF.pem');

export const TARGETS: FuzzTarget[] = [
  {
    name: 'itl-parser',
    corpus: trustLists,
    run(input) {
      const result = parseItl(input, { maxBytes: Infinity });
      const problem = checkParse(input, result);
      if (problem || !result.ok) return problem;
      return checkTiles(annotateTrustList(result.value), input.length);
    },
  },
  {
    name: 'sgn-parser',
    corpus: trustLists,
    run(input) {
      const result = parseSignedFile(input);
      const problem = checkParse(input, result);
      if (problem || !result.ok) return problem;
      return checkTiles(annotateSignedFile(result.value), input.length);
    },
  },
  {
    name: 'certificate-csr-parser',
    corpus: pkiFiles,
    async run(input) {
      const result = readPkiInput(input);
      if (!result.ok) {
        const { offset, message } = result.error;
        return Number.isInteger(offset) && offset >= 0 && offset <= input.length && message ? undefined : `bad error ${JSON.stringify(result.error)}`;
      }
      for (const item of result.value.items) {
        // An item readPkiInput accepted must describe without error: it already parsed.
        const report = item.type === 'certificate' ? certificateReport(item.der, item.offset, formatDate) : await csrReport(item.der, item.offset);
        if ('error' in report) return `accepted, then unreadable: ${report.error}`;
      }
      return undefined;
    },
  },
  {
    name: 'inspector',
    corpus: () => [...trustLists(), ...pkiFiles()],
    async run(input) {
      // Beside a trust list or .sgn, CAPF.pem exercises the cross-file checks (CAPF hash, signer look-up);
      // beside a certificate it would only add the cost of reading CAPF.pem again (about 15 ms).
      const files = [{ name: 'input', bytes: input, lastModified: 0 }];
      if (input[0] === 0x01) files.push({ name: 'CAPF.pem', bytes: capf, lastModified: 0 });
      const reports = await inspectFiles(files, { formatDate: (ms) => new Date(ms).toISOString() });
      const [report] = reports;
      if (!report.ok && report.error.kind === 'internal') return report.error.message;
      reportText(report);
      exitCodeOf(reports);
      return undefined;
    },
  },
  {
    name: 'saved-state',
    corpus: () => [
      read(corpusDir, 'saved-lab.json'),
      text('{"v":1,"scenario":"seed-lab","seed":3,"start":0,"now":0,"faults":[],"actions":[{"at":0,"action":{"type":"x"}}]}'),
      text('{"v":2,"scenario":"seed-lab","seed":"0a1b","start":1,"now":2,"faults":[],"mystery":false,"classMode":true,"exercise":{"id":"capf-stopped","version":1,"hintsUsed":1,"solutionShown":false,"began":1},"actions":[{"at":1,"n":0,"by":"learner","action":{"type":"cli","node":"ao115pub","command":"show itl"}}],"events":[{"at":1,"kind":"page","path":"/logs","params":{}}],"speed":60}'),
      text('{"v":1,"actions":[null],"faults":[null]}'),
      text('null'),
      text('[]'),
    ],
    run(input) {
      const stored = new TextDecoder().decode(input);
      const result = decodeSavedLab(stored);
      if (result.ok) return result.value !== null && Array.isArray(result.value.actions) && Array.isArray(result.value.events) ? undefined : 'an accepted saved lab with impossible fields';
      return result.reason.key.startsWith('persist.') && result.raw === stored ? undefined : 'a refusal without a reason, or the damaged data not handed back';
    },
  },
  {
    name: 'progress-file',
    corpus: () => [text(progressFile({ v: 1, exercises: { 'lsc-install': { version: 1, solved: true, hintsUsed: 2, solutionShown: false, bestTimeMs: 600000 } } }, '2026-12-03T00:00:00Z')), text('{"format":"lsc-lab-progress","progress":{"v":1,"exercises":{}}}')],
    run(input) {
      const result = readProgressFile(new TextDecoder().decode(input));
      if (result.ok) return typeof result.value.exercises === 'object' ? undefined : 'accepted progress without exercises';
      return result.reason.key.startsWith('progress.') ? undefined : 'a refusal without a reason';
    },
  },
  {
    name: 'completion-code',
    corpus: () => readdirSync(codesDir).map((f) => read(codesDir, f)),
    async run(input) {
      const result = await readCompletionCode(new TextDecoder().decode(input));
      if (result.ok) return Array.isArray(result.value.actions) && result.value.end >= result.value.start ? undefined : 'an accepted code with impossible fields';
      return result.reason.key.startsWith('codes.') ? undefined : `a refusal without a reason: ${JSON.stringify(result.reason)}`;
    },
  },
  {
    name: 'share-link',
    corpus: () => [read(corpusDir, 'share-link.txt')],
    async run(input) {
      const result = await readShareLink(new TextDecoder().decode(input));
      if (result.ok) return Array.isArray(result.value.actions) && Array.isArray(result.value.faults) ? undefined : 'an accepted lab with impossible fields';
      return result.reason.key.startsWith('codes.') ? undefined : `a refusal without a reason: ${JSON.stringify(result.reason)}`;
    },
  },
];
