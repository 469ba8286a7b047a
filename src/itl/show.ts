/**
 * The text of CUCM's `admin:show itl` for an ITL file (the prompt itself is the CLI's, not part of this text).
 *
 * Sources: the record tables, the SAST trailers and the closing line are the seed's `show itl` on CUCM 11.5
 * (S1); the header part (checksums, length, last-modified, "Parse ITL File", Version/HeaderLength, the header
 * table with the SIGNATURE bytes) follows `show ctl` (S11) with "CTL" read as "ITL" (domain.md §5.7, §13); the
 * missing-file text is the seed's, line break included.
 *
 * Layout choice: the seed's web copy lost its whitespace, S11's did not. S11's columns line up exactly with
 * tab-separated fields on 8-column tab stops ("DIGESTALGORTITHM" ends on column 24 and is followed by 8 spaces,
 * "SIGNATUREALGOINFO" by 7; TAG is at least 8 wide, so CANAME and DNSNAME also reach column 24), so each row is
 * written as `BYTEPOS\tTAG(padded to 8)\tLENGTH\tVALUE` and the tabs are expanded to
 * spaces here, so the text looks the same whatever tab width the page uses. Rows whose VALUE CUCM leaves empty
 * (PUBLICKEY, FILENAME, …) end after LENGTH. The header SIGNATURE bytes print as lower-case hex without leading
 * zero, 8 per line, each in a 4-column cell after two tab stops (S11 shows "65  ba  26  b4", "5   f2").
 *
 * Our wording where no Cisco text is known [I]: a file that does not parse prints
 * "Error at byte offset N: <why>" then the seed's "Error parsing the ITL File."; a file whose signature does not
 * verify ends with "The ITL file was not verified successfully." (Cisco's own negative form, as in "This etoken
 * was not used to sign the ITL file."); tags CUCM has no label for print as "UNKNOWN"; tag 28 (signer version)
 * is not printed, as CUCM does not print it (domain.md §5.2).
 *
 * `show ctl` (S11) is the same text with "CTL" for "ITL", and its own missing-file text (S11, quoted in
 * domain.md §5.7). A signed configuration file (`.sgn`) has no CUCM command; `showSignedFile` prints its
 * header in the same table layout [I], as the inspector and `npm run inspect` show it.
 */
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { bytesEqual, toColonHex, toHex, toSpacedHex } from '../pki/encode';
import { parseItl, type ItlFile, type ItlRecord, type SignedFileHeader } from './parse';
import {
  FUNCTION_CODES,
  FUNCTION_DISPLAY,
  HEADER_CONTAINER_TAGS,
  HEADER_TAG_LABELS,
  HeaderTag,
  RECORD_TAG_LABELS,
  RecordTag,
  readCString,
  readU16,
} from './tlv';
import { verifyItl } from './verify';

export interface ShowItlOptions {
  /** "Fri Mar 06 21:56:07 CET 2015" — formatted by the caller, who knows the node's clock and time zone. */
  lastModified: string;
}

/** The seed's text for a TFTP node without ITL (S1), including CUCM's odd line break. */
export const ITL_NOT_FOUND_TEXT =
  'Length of ITL file: 0\n' +
  'ITL File not found. To generate an ITL file, activate or restart the Cisco TFTP service as this\n' +
  'servers.\n' +
  'Error parsing the ITL File.\n';

/** S11's text for a node without CTL (its "CTL File not found ." spacing included). */
export const CTL_NOT_FOUND_TEXT =
  'Length of CTL file: 0\n' +
  'CTL File not found . Please run CTLClient plugin or run the CLI - utils ctl.. to generate the CTL file.\n' +
  'Error parsing the CTL File.\n';

/** Which trust list a text is about: the words differ ("ITL"/"CTL"), the layout does not. */
export type TrustListKind = 'ITL' | 'CTL';

export const ITL_VERIFIED_LINE = 'The ITL file was verified successfully.';
/** Our wording [I]. */
export const ITL_NOT_VERIFIED_LINE = 'The ITL file was not verified successfully.';
export const ETOKEN_USED_LINE = 'This etoken was used to sign the ITL file.';
export const ETOKEN_NOT_USED_LINE = 'This etoken was not used to sign the ITL file.';

/** Expand tabs to 8-column stops. */
function expandTabs(line: string): string {
  let out = '';
  for (const ch of line) {
    if (ch === '\t') {
      do out += ' ';
      while (out.length % 8 !== 0);
    } else {
      out += ch;
    }
  }
  return out;
}

/**
 * A table row; VALUE is omitted (no trailing blanks) when CUCM prints none. TAG is padded to 8 columns before
 * its tab: S11 shows the short labels CANAME and DNSNAME reaching column 24 like SIGNERNAME does.
 */
function row(tag: number, label: string, length: number | string, value = ''): string {
  return expandTabs(`${tag}\t${label.padEnd(8)}\t${length}${value === '' ? '' : `\t${value}`}`);
}

const TABLE_HEAD = [expandTabs('BYTEPOS\tTAG\t\tLENGTH\tVALUE'), expandTabs('-------\t---\t\t------\t-----')];

/** Names come from the file: keep them as written, but never let control bytes break the terminal layout. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, '?');
}

function signatureLines(signature: Uint8Array): string[] {
  const lines: string[] = [];
  for (let i = 0; i < signature.length; i += 8) {
    const cells = Array.from(signature.subarray(i, i + 8), (b) => b.toString(16).padEnd(4, ' '));
    lines.push(expandTabs(`\t\t${cells.join('')}`).trimEnd());
  }
  return lines;
}

function headerTable(file: SignedFileHeader): string[] {
  const lines = [...TABLE_HEAD];
  const { bytes } = file;
  for (const tlv of file.headerTlvs) {
    const { tag, offset, length } = tlv;
    if (tag === HeaderTag.VERSION || tag === HeaderTag.HEADERLENGTH || tag === HeaderTag.PADDING || tag === HeaderTag.SIGNERVERSION) {
      continue;
    }
    const value = bytes.subarray(offset + 3, offset + 3 + length);
    const label = HEADER_TAG_LABELS[tag] ?? 'UNKNOWN';
    if (HEADER_CONTAINER_TAGS.has(tag)) {
      // CUCM prints containers like RECORDLENGTH: LENGTH 2, VALUE the container's length (S11 "3 SIGNERID 2 149").
      lines.push(row(tag, label, 2, String(length)));
    } else if (tag === HeaderTag.SIGNERNAME || tag === HeaderTag.CANAME) {
      lines.push(row(tag, label, length, printable(readCString(value))));
    } else if (tag === HeaderTag.SERIALNUMBER) {
      lines.push(row(tag, label, length, toColonHex(value)));
    } else if (tag === HeaderTag.SIGNATURE) {
      lines.push(row(tag, label, length), ...signatureLines(value));
    } else {
      lines.push(row(tag, label, length));
    }
  }
  return lines;
}

function recordTable(file: ItlFile, record: ItlRecord, list: TrustListKind): string[] {
  const lines = [...TABLE_HEAD];
  const { bytes } = file;
  for (const { tag, offset, length } of record.tlvs) {
    const value = bytes.subarray(offset + 3, offset + 3 + length);
    const label = RECORD_TAG_LABELS[tag] ?? 'UNKNOWN';
    switch (tag) {
      case RecordTag.RECORDLENGTH:
        lines.push(row(tag, label, length, String(readU16(value, 0))));
        break;
      case RecordTag.DNSNAME:
      case RecordTag.SUBJECTNAME:
      case RecordTag.ISSUERNAME:
        lines.push(row(tag, label, length, printable(readCString(value))));
        break;
      case RecordTag.FUNCTION: {
        const code = readU16(value, 0);
        lines.push(row(tag, label, length, FUNCTION_DISPLAY[code] ?? String(code)));
        break;
      }
      case RecordTag.SERIALNUMBER:
        lines.push(row(tag, label, length, toColonHex(value)));
        break;
      case RecordTag.CERTIFICATE:
        lines.push(row(tag, label, length, `${toSpacedHex(sha1(value))} (SHA1 Hash HEX)`));
        break;
      case RecordTag.CERTHASH:
        lines.push(row(tag, label, length, toSpacedHex(value)));
        break;
      case RecordTag.HASH_ALGORITHM:
        // The seed prints "null" here whatever the byte is.
        lines.push(row(tag, label, length, 'null'));
        break;
      default:
        lines.push(row(tag, label, length));
    }
  }
  if (record.function.code === FUNCTION_CODES.SAST) {
    const used = bytesEqual(record.serialNumber, file.signerSerial) ? ETOKEN_USED_LINE : ETOKEN_NOT_USED_LINE;
    lines.push(used.replace('ITL', list));
  }
  return lines;
}

/** The output of `show itl` for the node's ITL file (`null` when the node has none). Never throws. */
export function showItl(bytes: Uint8Array | null, options: ShowItlOptions): Promise<string> {
  return showTrustList(bytes, options, 'ITL');
}

/** The output of `show ctl` for a CTL file (`null` when there is none). Never throws. */
export function showCtl(bytes: Uint8Array | null, options: ShowItlOptions): Promise<string> {
  return showTrustList(bytes, options, 'CTL');
}

async function showTrustList(bytes: Uint8Array | null, options: ShowItlOptions, list: TrustListKind): Promise<string> {
  if (!bytes || bytes.length === 0) return list === 'ITL' ? ITL_NOT_FOUND_TEXT : CTL_NOT_FOUND_TEXT;
  const lines = [
    `The checksum value of the ${list} file:`,
    `${toHex(md5(bytes))}(MD5)`,
    `${toHex(sha1(bytes))}(SHA1)`,
    '',
    `Length of ${list} file: ${bytes.length}`,
    `The ${list} File was last modified on ${options.lastModified}`,
    '',
    `Parse ${list} File`,
    '----------------',
    '',
  ];
  // CUCM lists what it has; the 64 KB limit is the phone's, so the CLI reads any size.
  const parsed = parseItl(bytes, { maxBytes: Infinity });
  if (!parsed.ok) {
    lines.push(`Error at byte offset ${parsed.error.offset}: ${parsed.error.message}`, `Error parsing the ${list} File.`);
    return `${lines.join('\n')}\n`;
  }
  const file = parsed.value;
  lines.push(expandTabs(`Version:\t${file.version}`), expandTabs(`HeaderLength:\t${file.headerLength} (BYTES)`), '');
  lines.push(...headerTable(file));
  file.records.forEach((record, i) => {
    lines.push('', `${list} Record #:${i + 1}`, '----', ...recordTable(file, record, list));
  });
  const verified = await verifyItl(file);
  lines.push('', (verified.ok ? ITL_VERIFIED_LINE : ITL_NOT_VERIFIED_LINE).replace('ITL', list));
  return `${lines.join('\n')}\n`;
}

/**
 * A signed configuration file's header in the `show itl` table layout, then the size of what it signs
 * [I: no CUCM command prints a .sgn]. `verdict` is the caller's sentence about the signature.
 */
export function showSignedFile(file: SignedFileHeader & { content: Uint8Array }, verdict: string): string {
  const lines = [
    `Signed file: ${printable(file.filename)}`,
    `Length of file: ${file.bytes.length}`,
    `SHA1: ${toHex(sha1(file.bytes))}`,
    '',
    expandTabs(`Version:\t${file.version}`),
    expandTabs(`HeaderLength:\t${file.headerLength} (BYTES)`),
    '',
    ...headerTable(file),
    '',
    `Signed content: ${file.content.length} bytes (SHA1 ${toHex(sha1(file.content))})`,
    '',
    verdict,
  ];
  return `${lines.join('\n')}\n`;
}
