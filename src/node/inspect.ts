/**
 * `npm run inspect -- FILE [FILE…]`: what the lab's "Inspect a file" page shows, as text — `show itl` /
 * `show ctl` for a trust list (ending "The ITL file was verified successfully." when its signature holds),
 * the header of a signed configuration file, "Certificate File Data" for certificates and CSRs. Further
 * files are read alongside the first: a CAPF.pem to compare with the ITL's CAPF record, the ITL or TFTP
 * certificate that signed a `.sgn`, an issuer's certificate.
 *
 * Exit status: 0 every file is well-formed and no signature fails; 1 well-formed, but a signature does not
 * hold (said in words); 2 a file is malformed or unreadable (one line with the reason). Never a stack trace.
 */
import { readFileSync, statSync } from 'node:fs';
import { inspectFiles, exitCodeOf, reportText, type InspectInput } from '../itl/inspect';
import { INPUT_MAX_BYTES, formatCap } from '../pki/input';
import { javaDateString, UTC } from '../sim/time';

const USAGE = 'usage: npm run inspect -- FILE [FILE...]   (an ITL/CTL .tlv, a .sgn, certificates or a CSR in PEM/DER/PKCS#7)';

function fail(message: string): never {
  console.error(`inspect: ${message}`);
  process.exit(2);
}

function readInput(path: string): InspectInput {
  let stat;
  try {
    stat = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot be read (${code ?? (e as Error).message})`);
  }
  if (!stat.isFile()) fail(`${path}: not a file`);
  // Refused before reading: the cap is the same as the inspector page's.
  if (stat.size > INPUT_MAX_BYTES) fail(`${path}: the file is ${stat.size} bytes; the limit is ${INPUT_MAX_BYTES} bytes (${formatCap(INPUT_MAX_BYTES)})`);
  try {
    return { name: path, bytes: new Uint8Array(readFileSync(path)), lastModified: stat.mtimeMs };
  } catch (e) {
    fail(`${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

// `npm run inspect -- F | head` closes the pipe early: that is the reader's choice, not an error to report.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  console.error(`inspect: cannot write the output (${e.code ?? e.message})`);
  process.exit(2);
});

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return;
  }
  if (args.length === 0) fail(`no file given\n${USAGE}`);
  const unknown = args.find((a) => a.startsWith('-'));
  if (unknown) fail(`unknown option ${unknown}\n${USAGE}`);
  const inputs = args.map(readInput);
  const reports = await inspectFiles(inputs, { formatDate: (ms) => javaDateString(ms, UTC) });
  const code = exitCodeOf(reports);
  reports.forEach((report, i) => {
    if (!report.ok) {
      console.error(`inspect: ${report.name}: byte ${report.error.offset}: ${report.error.message}`);
      return;
    }
    if (reports.length > 1) process.stdout.write(`${i > 0 ? '\n' : ''}==> ${report.name} <==\n`);
    process.stdout.write(reportText(report));
  });
  if (code === 1) console.error('inspect: a signature does not hold (see above).');
  process.exitCode = code;
}

main().catch((e) => {
  // Only a bug in the lab lands here; the learner still gets one line, not a stack trace.
  console.error(`inspect: internal error: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
});
