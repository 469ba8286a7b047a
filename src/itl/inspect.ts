/**
 * "Inspect a file": whatever an engineer brings — an ITL or CTL pulled from a TFTP server, a phone's signed
 * configuration file (`.sgn`), certificates (PEM, DER, a chain, PKCS#7), a CSR — read from untrusted bytes
 * into what the inspector page and `npm run inspect` show:
 *
 * - trust lists as `show itl` / `show ctl` print them (show.ts) and as annotated bytes (annotate.ts), the
 *   signature checked against the SAST record the header names (verify.ts);
 * - `.sgn` files as their header and content, the signature checked against a TFTP certificate of a trust list
 *   or a certificate among the other files (sgn.ts) — the file itself only names its signer;
 * - certificates and CSRs (pki/inspect.ts), issuers looked up among all the files;
 * - each record's certificate hash compared with every certificate the learner also brought (what a phone
 *   pins CAPF and TVS by, domain.md §6.1).
 *
 * Input is capped at {@link INPUT_MAX_BYTES} before any parsing. Results are plain data (structured-clone
 * safe, so a Worker can compute them); every failure is a value with a byte offset; nothing here throws.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { bytesEqual, toSpacedHex } from '../pki/encode';
import { INPUT_MAX_BYTES, checkInputSize, looksLikeText, readPkiInput, type InputError } from '../pki/input';
import {
  certificateReport,
  certificateSignature,
  csrReport,
  type CertificateReport,
  type CsrReport,
  type KnownCertificate,
  type SignatureVerdict,
} from '../pki/inspect';
import { describeCertificate, unsignedInteger } from '../pki/parse';
import { annotateSignedFile, annotateTrustList, type ByteSection } from './annotate';
import { parseItl, parseSignedFileHeader, type ItlFile, type ItlParseError } from './parse';
import { parseSignedFile, verifySignedFile, verifySignedFileWithItl, type SignedFile } from './sgn';
import { showCtl, showItl, showSignedFile, type TrustListKind } from './show';
import { FUNCTION_CODES, FUNCTION_DISPLAY, HeaderTag, ITL_MAX_BYTES } from './tlv';
import { recordCertificateHash, verifyItl } from './verify';

export type { SignatureVerdict } from '../pki/inspect';

export interface InspectInput {
  /** The file's name as the learner has it ("ITLSEP682C7B5C2342.tlv"), or a name for pasted text. */
  name: string;
  bytes: Uint8Array;
  /** When the file was last changed (epoch ms), for `show itl`'s "last modified" line. */
  lastModified?: number;
}

export interface InspectOptions {
  /** How dates print (the caller picks the zone): "Fri Mar 06 21:56:07 UTC 2015". */
  formatDate: (epochMs: number) => string;
  /** The cap, INPUT_MAX_BYTES (1 MB) unless a caller needs less. */
  maxBytes?: number;
  /** Used when an input has no lastModified. */
  now?: number;
}

/** Why a file could not be read: the parsers' kinds, the byte offset at fault, and a sentence. */
export interface InspectError {
  /** `internal`: a parser threw, which is a bug in the lab (the fuzzer looks for exactly this). */
  kind: InputError['kind'] | ItlParseError['kind'] | 'internal';
  offset: number;
  message: string;
  label?: string;
}

export interface RecordSummary {
  /** 1-based, as `show itl` numbers records. */
  index: number;
  functionCode: number;
  /** "CAPF", "System Administrator Security Token", … or the code when unknown. */
  functionName: string;
  subject: string;
  serialNumber: string;
  /** The SHA-1 a phone pins the role's certificate by (CERTHASH, or SHA-1 of CERTIFICATE), spaced hex. */
  certificateHash?: string;
  /** Certificates among the other files whose SHA-1 equals that hash. */
  matches: string[];
  /** The record signed the file. */
  signer: boolean;
}

export type FileView =
  | {
      kind: 'trust-list';
      list: TrustListKind;
      /** `show itl` / `show ctl`. */
      text: string;
      sections: ByteSection[];
      bytes: Uint8Array;
      signature: SignatureVerdict;
      records: RecordSummary[];
      /** How many certificates the other files held for the hash comparison. */
      certificatesCompared: number;
      /** Phones refuse a trust list over 64 KB (domain.md §5.6). */
      overPhoneLimit: boolean;
    }
  | {
      kind: 'signed-file';
      filename: string;
      text: string;
      sections: ByteSection[];
      bytes: Uint8Array;
      signature: SignatureVerdict;
      /** The configuration file it signs, when it is text (shown as such). */
      contentText?: string;
    }
  | {
      kind: 'pki';
      encoding: 'pem' | 'der';
      container?: 'pkcs7';
      items: Array<CertificateReport | CsrReport>;
    };

export type FileReport = { name: string; size: number } & ({ ok: true; view: FileView } | { ok: false; error: InspectError });

type Read =
  | { kind: 'trust-list'; list: TrustListKind; file: ItlFile }
  | { kind: 'signed-file'; file: SignedFile }
  | { kind: 'pki'; encoding: 'pem' | 'der'; container?: 'pkcs7'; items: Array<Omit<CertificateReport, 'signature'> | CsrReport> };

/** TLV files open with VERSION (tag 1, length 2). */
function looksLikeTlv(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === HeaderTag.VERSION && bytes[1] === 0 && bytes[2] === 2;
}

function listKind(headerFilename: string, name: string): TrustListKind {
  return /^ctl/i.test(headerFilename) || (!/^itl/i.test(headerFilename) && /^ctl/i.test(name.replace(/^.*[\\/]/, ''))) ? 'CTL' : 'ITL';
}

async function readOne(input: InspectInput, options: InspectOptions): Promise<{ ok: true; value: Read } | { ok: false; error: InspectError }> {
  const { bytes } = input;
  const sizeError = checkInputSize(bytes.length, options.maxBytes ?? INPUT_MAX_BYTES);
  if (sizeError) return { ok: false, error: sizeError };
  if (looksLikeTlv(bytes)) {
    // The cap above applies; the 64 KB limit is the phone's and is reported, not enforced.
    const header = parseSignedFileHeader(bytes, { maxBytes: Infinity });
    if (!header.ok) return header;
    if (/\.sgn$/i.test(header.value.filename) || (/\.sgn$/i.test(input.name) && !parseItl(bytes, { maxBytes: Infinity }).ok)) {
      const sgn = parseSignedFile(bytes);
      return sgn.ok ? { ok: true, value: { kind: 'signed-file', file: sgn.value } } : sgn;
    }
    const itl = parseItl(bytes, { maxBytes: Infinity });
    if (!itl.ok) return itl;
    return { ok: true, value: { kind: 'trust-list', list: listKind(itl.value.filename, input.name), file: itl.value } };
  }
  const pki = readPkiInput(bytes, { maxBytes: options.maxBytes });
  if (!pki.ok) return pki;
  const items: Array<Omit<CertificateReport, 'signature'> | CsrReport> = [];
  const formatDate = (d: Date) => options.formatDate(d.getTime());
  for (const [i, item] of pki.value.items.entries()) {
    const report = item.type === 'certificate' ? certificateReport(item.der, item.offset, formatDate) : await csrReport(item.der, item.offset);
    if ('error' in report) {
      const what = item.type === 'certificate' ? 'certificate' : 'certificate signing request';
      return { ok: false, error: { kind: 'not-certificate', offset: item.offset, message: `The ${what} #${i + 1} (byte ${item.offset}) cannot be read: ${report.error}` } };
    }
    items.push(report);
  }
  return { ok: true, value: { kind: 'pki', encoding: pki.value.encoding, ...(pki.value.container ? { container: pki.value.container } : {}), items } };
}

/** The certificates the files hold, for issuer look-up and hash comparison. */
function knownCertificates(reads: Array<{ name: string; read: Read | undefined }>): Array<KnownCertificate & { file: number }> {
  const known: Array<KnownCertificate & { file: number }> = [];
  reads.forEach(({ name, read }, file) => {
    if (read?.kind === 'pki') {
      const certs = read.items.filter((i) => i.type === 'certificate');
      certs.forEach((c, n) => known.push({ der: c.der, where: certs.length > 1 ? `${name} (certificate ${n + 1})` : name, file }));
    }
    if (read?.kind === 'trust-list') {
      read.file.records.forEach((r, n) => {
        if (r.certificate) known.push({ der: r.certificate, where: `${name} (${read.list} record ${n + 1})`, file });
      });
    }
  });
  return known;
}

async function signedFileVerdict(file: SignedFile, reads: Array<{ name: string; read: Read | undefined }>, self: number, known: KnownCertificate[]): Promise<SignatureVerdict> {
  const signer = `${file.signerName}, serial ${toSpacedHex(file.signerSerial).replace(/ /g, ':')}`;
  const reasons: string[] = [];
  for (const [i, { name, read }] of reads.entries()) {
    if (i === self || read?.kind !== 'trust-list') continue;
    const checked = await verifySignedFileWithItl(file, read.file);
    if (checked.ok) return { status: 'valid', reason: `Signed by ${signer}: the TFTP record of ${name} verifies the signature.` };
    reasons.push(`${name}: ${checked.reason}`);
  }
  // A certificate brought on its own: it must carry the serial the header names.
  for (const k of known) {
    const info = describeCertificate(k.der);
    if (!info.ok || !bytesEqual(unsignedInteger(info.value.serialNumber), unsignedInteger(file.signerSerial))) continue;
    const checked = await verifySignedFile(file, k.der);
    if (checked.ok) return { status: 'valid', reason: `Signed by ${signer}: the key of ${k.where} verifies the signature.` };
    reasons.push(`${k.where}: ${checked.reason}`);
  }
  if (reasons.length > 0) return { status: 'invalid', reason: `The signer named in the header is ${signer}, and the signature does not hold: ${reasons.join('; ')}.` };
  return {
    status: 'unchecked',
    reason: `The file names its signer, ${signer}, but does not carry its certificate: add the ITL the phone holds (or that TFTP certificate) to check the signature.`,
  };
}

function contentText(content: Uint8Array): string | undefined {
  if (content.length === 0 || !looksLikeText(content)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content.subarray(0, 65536));
  } catch {
    return undefined;
  }
}

function verdictLine(v: SignatureVerdict): string {
  const head = v.status === 'valid' ? 'The signature holds.' : v.status === 'invalid' ? 'The signature does not hold.' : 'The signature was not checked.';
  return `${head} ${v.reason}`;
}

/**
 * Inspect files together: each is read on its own, then signatures are checked and hashes compared
 * across all of them (an ITL's CAPF record against the CAPF.pem dropped beside it).
 */
export async function inspectFiles(inputs: readonly InspectInput[], options: InspectOptions): Promise<FileReport[]> {
  const reads: Array<{ name: string; read: Read | undefined; error?: InspectError }> = [];
  for (const input of inputs) {
    let result: Awaited<ReturnType<typeof readOne>>;
    try {
      result = await readOne(input, options);
    } catch (e) {
      // A parser that throws is a bug (the fuzzer hunts them); the learner still gets a sentence, not a blank page.
      result = { ok: false, error: { kind: 'internal', offset: 0, message: `The lab failed to read the file (a bug): ${e instanceof Error ? e.message : String(e)}` } };
    }
    reads.push(result.ok ? { name: input.name, read: result.value } : { name: input.name, read: undefined, error: result.error });
  }
  const known = knownCertificates(reads);
  const reports: FileReport[] = [];
  for (const [i, { name, read, error }] of reads.entries()) {
    const size = inputs[i].bytes.length;
    if (!read) {
      reports.push({ name, size, ok: false, error: error! });
      continue;
    }
    const lastModified = inputs[i].lastModified ?? options.now ?? Date.now();
    reports.push({ name, size, ok: true, view: await viewOf(read, i, reads, known, options.formatDate(lastModified)) });
  }
  return reports;
}

async function viewOf(
  read: Read,
  self: number,
  reads: Array<{ name: string; read: Read | undefined }>,
  known: Array<KnownCertificate & { file: number }>,
  lastModified: string,
): Promise<FileView> {
  const others = known.filter((k) => k.file !== self);
  switch (read.kind) {
    case 'trust-list': {
      const { file, list } = read;
      const verified = await verifyItl(file);
      const signerName = verified.ok ? file.records[verified.signerIndex].subjectName : '';
      const signature: SignatureVerdict = verified.ok
        ? { status: 'valid', reason: `Record ${verified.signerIndex + 1} (System Administrator Security Token ${signerName}), the signer the header names, verifies the signature.` }
        : { status: 'invalid', reason: `The signature does not hold: ${verified.reason}.` };
      const otherHashes = others.map((k) => ({ where: k.where, hash: sha1(k.der) }));
      const records: RecordSummary[] = file.records.map((r, n) => {
        const hash = recordCertificateHash(r);
        return {
          index: n + 1,
          functionCode: r.function.code,
          functionName: FUNCTION_DISPLAY[r.function.code] ?? String(r.function.code),
          subject: r.subjectName,
          serialNumber: toSpacedHex(r.serialNumber).replace(/ /g, ':'),
          ...(hash ? { certificateHash: toSpacedHex(hash) } : {}),
          matches: hash ? otherHashes.filter((o) => bytesEqual(o.hash, hash)).map((o) => o.where) : [],
          signer: r.function.code === FUNCTION_CODES.SAST && bytesEqual(r.serialNumber, file.signerSerial),
        };
      });
      const text = await (list === 'ITL' ? showItl : showCtl)(file.bytes, { lastModified });
      return {
        kind: 'trust-list',
        list,
        text,
        sections: annotateTrustList(file),
        bytes: file.bytes,
        signature,
        records,
        certificatesCompared: otherHashes.length,
        overPhoneLimit: file.bytes.length > ITL_MAX_BYTES,
      };
    }
    case 'signed-file': {
      const { file } = read;
      const signature = await signedFileVerdict(file, reads, self, others);
      const text = contentText(file.content);
      return {
        kind: 'signed-file',
        filename: file.filename,
        text: showSignedFile(file, verdictLine(signature)),
        sections: annotateSignedFile(file),
        bytes: file.bytes,
        signature,
        ...(text !== undefined ? { contentText: text } : {}),
      };
    }
    case 'pki': {
      const items: Array<CertificateReport | CsrReport> = [];
      const certs = read.items.filter((i) => i.type === 'certificate');
      for (const item of read.items) {
        if (item.type === 'csr') {
          items.push(item);
          continue;
        }
        // Issuers come from this file's other certificates (a chain) and from every other file.
        const own = certs.filter((c) => c !== item).map((c) => ({ der: c.der, where: `certificate ${certs.indexOf(c) + 1} of this file` }));
        items.push({ ...item, signature: await certificateSignature(item, [...own, ...others]) });
      }
      return { kind: 'pki', encoding: read.encoding, ...(read.container ? { container: read.container } : {}), items };
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Text, as `npm run inspect` prints it

/** The text view of one report: `show itl`/`show ctl`, the `.sgn` header, or each certificate / CSR. */
export function reportText(report: FileReport): string {
  if (!report.ok) return `${report.name}: error at byte offset ${report.error.offset}: ${report.error.message}\n`;
  const view = report.view;
  switch (view.kind) {
    case 'trust-list': {
      const extra: string[] = [];
      if (view.signature.status !== 'valid') extra.push(view.signature.reason);
      for (const r of view.records) {
        if (r.functionCode === FUNCTION_CODES.CAPF && r.certificateHash && view.certificatesCompared > 0) {
          extra.push(
            r.matches.length > 0
              ? `${view.list} record ${r.index} (CAPF ${r.subject}) matches ${r.matches.join(', ')}.`
              : `${view.list} record ${r.index} (CAPF ${r.subject}) matches none of the ${view.certificatesCompared} certificates given.`,
          );
        }
      }
      if (view.overPhoneLimit) extra.push(`The file is larger than 64 KB (${ITL_MAX_BYTES} bytes): phones refuse it.`);
      return extra.length > 0 ? `${view.text}\n${extra.join('\n')}\n` : view.text;
    }
    case 'signed-file':
      return view.text;
    case 'pki': {
      const blocks = view.items.map((item, i) => {
        const title = `${item.type === 'certificate' ? 'Certificate' : 'Certificate Signing Request'} ${i + 1} of ${view.items.length} (byte ${item.offset}): ${item.subject}`;
        const body = item.type === 'certificate' ? item.fileData : item.text;
        const hash = item.type === 'certificate' ? `SHA1 Fingerprint: ${item.sha1}\nSHA256 Fingerprint: ${item.sha256}\n` : '';
        return `${title}\n${body}\n${hash}${verdictLine(item.signature)}\n`;
      });
      return blocks.join('\n');
    }
  }
}

/** The signature verdicts of a report (a file can hold several certificates). */
export function verdictsOf(report: FileReport): SignatureVerdict[] {
  if (!report.ok) return [];
  return report.view.kind === 'pki' ? report.view.items.map((i) => i.signature) : [report.view.signature];
}

/** 2: a file does not parse; 1: it parses but a signature does not hold; 0 otherwise. */
export function exitCodeOf(reports: readonly FileReport[]): 0 | 1 | 2 {
  if (reports.some((r) => !r.ok)) return 2;
  return reports.some((r) => verdictsOf(r).some((v) => v.status === 'invalid')) ? 1 : 0;
}
