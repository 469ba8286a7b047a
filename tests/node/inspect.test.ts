/**
 * `npm run inspect -- FILE`, as an engineer runs it on files pulled from a cluster: `show itl` for an ITL
 * (ending "The ITL file was verified successfully."), Certificate File Data for certificates; exit 0 when the
 * signature holds, 1 when it does not (said in words), 2 with one line when the file is malformed,
 * unreadable or too large — never a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const dir = mkdtempSync(join(tmpdir(), 'lsc-lab-inspect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function inspect(...files: string[]) {
  return spawnSync(process.execPath, [tsx, 'src/node/inspect.ts', ...files], { cwd: root, encoding: 'utf8' });
}

/** The same, without blocking: the error cases run side by side (each start of tsx costs about a second). */
function inspectAsync(...files: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsx, 'src/node/inspect.ts', ...files], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function expectNoStackTrace(r: { stdout: string; stderr: string }) {
  expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

describe('npm run inspect', () => {
  it('the independent ITLFile-sha512.tlv: the records in show itl form, then "The ITL file was verified successfully.", exit 0', () => {
    const r = inspect('tests/itl/fixtures/ITLFile-sha512.tlv');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^The checksum value of the ITL file:\n[0-9a-f]{32}\(MD5\)\n[0-9a-f]{40}\(SHA1\)\n\nLength of ITL file: 8784\n/);
    for (let n = 1; n <= 5; n++) expect(r.stdout).toContain(`ITL Record #:${n}\n----\n`);
    expect(r.stdout).toMatch(/4 {7}FUNCTION {8}2 {7}CAPF\n/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('The ITL file was verified successfully.');
  });

  it('an ITL with the CAPF certificate beside it: the CAPF record is compared with it', () => {
    const r = inspect('tests/fuzz/corpus/ITLFile-seed-ao115sub.tlv', 'tests/fuzz/corpus/CAPF.pem');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('ITL record 1 (CAPF CN=CAPF-7f0ae8d7;OU=TAC;O=Cisco Systems;L=Boxborough;ST=MA;C=US) matches tests/fuzz/corpus/CAPF.pem.');
    expect(r.stdout).toContain('==> tests/fuzz/corpus/CAPF.pem <==\nCertificate 1 of 1 (byte 0): ');
  });

  it('a certificate: Certificate File Data and the verdict on its signature', () => {
    const r = inspect('tests/itl/fixtures/capf.pem');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('[\nVersion: V3\nSerial Number: ');
    expect(r.stdout).toContain('Signature Algorithm: SHA256withRSA (1.2.840.113549.1.1.11)');
    expect(r.stdout).toContain('The signature holds. Self-signed: its own public key verifies its signature.');
  });

  it('a CSR: its fields and its self-signature', () => {
    const r = inspect('tests/fuzz/corpus/SEP682C7B5C2342.csr');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Subject Name: CN=SEP682C7B5C2342');
    expect(r.stdout).toContain('The signature holds.');
  });

  it('an ITL with one byte changed in a record: exit 1, and it says the signature does not hold', () => {
    const bytes = new Uint8Array(readFileSync(join(root, 'tests/itl/fixtures/ITLFile-sha1.tlv')));
    bytes[bytes.length - 50] ^= 0xff;
    writeFileSync(join(dir, 'ITLFile.tlv'), bytes);
    const r = inspect(join(dir, 'ITLFile.tlv'));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('The ITL file was not verified successfully.');
    expect(r.stdout).toContain('The signature does not hold: signature does not verify.');
    expect(r.stderr).toBe('inspect: a signature does not hold (see above).\n');
  });

  it('malformed, unreadable, too large or a private key: exit 2 with one line naming the reason', async () => {
    const bytes = readFileSync(join(root, 'tests/itl/fixtures/ITLFile-sha1.tlv'));
    writeFileSync(join(dir, 'truncated.tlv'), bytes.subarray(0, 3000));
    writeFileSync(join(dir, 'big.bin'), Buffer.alloc(1024 * 1024 + 1, 7));
    writeFileSync(join(dir, 'key.pem'), '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n');
    writeFileSync(join(dir, 'empty.tlv'), '');
    const cases: Array<[string, RegExp]> = [
      [join(dir, 'truncated.tlv'), /^inspect: .*truncated\.tlv: byte 2124: RECORDLENGTH 1660 at byte 2124 runs past the end of the file \(3000 bytes\)\.\n$/],
      [join(dir, 'big.bin'), /^inspect: .*big\.bin: the file is 1048577 bytes; the limit is 1048576 bytes \(1 MB\)\n$/],
      [join(dir, 'key.pem'), /^inspect: .*key\.pem: byte 0: The block at byte 0 is a private key \("RSA PRIVATE KEY"\)\. .*\n$/],
      [join(dir, 'empty.tlv'), /^inspect: .*empty\.tlv: byte 0: The file is empty\.\n$/],
      [join(dir, 'missing.tlv'), /^inspect: .*missing\.tlv: no such file\n$/],
      [dir, /^inspect: .*: not a file\n$/],
    ];
    const results = await Promise.all(cases.map(([file]) => inspectAsync(file)));
    for (const [i, [file, line]] of cases.entries()) {
      const r = results[i];
      expect(r.status, file).toBe(2);
      expect(r.stderr).toMatch(line);
      expect(r.stdout).toBe('');
      expectNoStackTrace(r);
    }
    expect(inspect('--').stderr).toMatch(/^inspect: no file given\nusage: /);
  });
});
