/**
 * What a learner hands the lab, read by src/pki/input.ts: certificates, chains, CSRs and PKCS#7 bundles in
 * PEM or DER come back as items; private keys are named as such and never returned; everything else gets a
 * reason with the byte offset at fault. Inputs are made by openssl, the independent judge.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { derProblem } from '../../src/pki/der';
import { INPUT_MAX_BYTES, readPkiInput, type InputErrorKind } from '../../src/pki/input';

const dir = mkdtempSync(join(tmpdir(), 'pki-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
const file = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const text = (s: string) => new TextEncoder().encode(s);

run('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=Lab CA', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '30');
run('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', '/CN=SEP682C7B5C2342', '-keyout', 'ec.key', '-out', 'phone.csr');
run('x509', '-req', '-in', 'phone.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', '7', '-days', '30', '-out', 'phone.pem');
run('x509', '-in', 'ca.pem', '-outform', 'DER', '-out', 'ca.der');
run('req', '-in', 'phone.csr', '-outform', 'DER', '-out', 'phone.csr.der');
run('crl2pkcs7', '-nocrl', '-certfile', 'phone.pem', '-certfile', 'ca.pem', '-outform', 'DER', '-out', 'chain.p7b');
run('crl2pkcs7', '-nocrl', '-certfile', 'phone.pem', '-certfile', 'ca.pem', '-out', 'chain.p7b.pem');
run('pkey', '-in', 'ca.key', '-outform', 'DER', '-out', 'ca.key.der');
run('rsa', '-in', 'ca.key', '-traditional', '-out', 'ca.rsa.pem');
run('rsa', '-in', 'ca.key', '-traditional', '-outform', 'DER', '-out', 'ca.rsa.der');
run('ec', '-in', 'ec.key', '-outform', 'DER', '-out', 'ec.sec1.der');
run('pkcs8', '-topk8', '-in', 'ca.key', '-passout', 'pass:x', '-out', 'ca.enc.pem');
run('pkcs8', '-topk8', '-in', 'ca.key', '-passout', 'pass:x', '-outform', 'DER', '-out', 'ca.enc.der');
run('pkcs12', '-export', '-in', 'ca.pem', '-inkey', 'ca.key', '-passout', 'pass:x', '-out', 'ca.p12');
run('pkey', '-in', 'ca.key', '-pubout', '-out', 'ca.pub.pem');

function refused(bytes: Uint8Array, kind: InputErrorKind, offset: number) {
  const r = readPkiInput(bytes);
  if (r.ok) throw new Error(`expected ${kind}, got ${r.value.items.length} items`);
  expect(r.error).toMatchObject({ kind, offset });
  if (offset > 0) expect(r.error.message).toContain(`byte ${offset}`);
  return r.error;
}

describe('certificates, chains, CSRs and PKCS#7 bundles', () => {
  it('a PEM certificate, a PEM chain (leaf then CA) and the same chain after text an editor added', () => {
    const one = readPkiInput(file('ca.pem'));
    expect(one.ok && one.value).toMatchObject({ encoding: 'pem', items: [{ type: 'certificate', offset: 0 }] });
    const chainText = `${readFileSync(join(dir, 'phone.pem'), 'utf8')}\nsubject=CN=Lab CA\n${readFileSync(join(dir, 'ca.pem'), 'utf8')}`;
    const chain = readPkiInput(text(chainText));
    expect(chain.ok && chain.value.items.map((i) => [i.type, i.offset])).toEqual([
      ['certificate', 0],
      ['certificate', chainText.indexOf('-----BEGIN', 10)],
    ]);
  });

  it('DER: a certificate, a CSR, a PKCS#7 bundle whose two certificates are slices of the file', () => {
    const cert = readPkiInput(file('ca.der'));
    expect(cert.ok && cert.value).toMatchObject({ encoding: 'der', items: [{ type: 'certificate', offset: 0 }] });
    const csr = readPkiInput(file('phone.csr.der'));
    expect(csr.ok && csr.value.items[0].type).toBe('csr');
    const p7 = file('chain.p7b');
    const bundle = readPkiInput(p7);
    if (!bundle.ok) throw new Error(bundle.error.message);
    expect(bundle.value.container).toBe('pkcs7');
    expect(bundle.value.items).toHaveLength(2);
    for (const item of bundle.value.items) expect(p7.subarray(item.offset, item.offset + item.der.length)).toEqual(item.der);
  });

  it('PEM CSR and PEM PKCS#7', () => {
    expect(readPkiInput(file('phone.csr'))).toMatchObject({ ok: true, value: { items: [{ type: 'csr' }] } });
    expect(readPkiInput(file('chain.p7b.pem'))).toMatchObject({ ok: true, value: { container: 'pkcs7', items: [{}, {}] } });
  });
});

describe('private keys are named and refused, and their bytes never come back', () => {
  const cases: Array<[string, string]> = [
    ['ca.key', 'PKCS#8 PEM'],
    ['ca.rsa.pem', 'PKCS#1 PEM ("RSA PRIVATE KEY")'],
    ['ec.key', 'PEM'],
    ['ca.enc.pem', 'encrypted PKCS#8 PEM'],
    ['ca.key.der', 'PKCS#8 DER'],
    ['ca.rsa.der', 'PKCS#1 DER'],
    ['ec.sec1.der', 'SEC 1 EC DER'],
    ['ca.enc.der', 'encrypted PKCS#8 DER'],
    ['ca.p12', 'PKCS#12'],
  ];
  for (const [name, what] of cases) {
    it(`${what} (${name})`, () => {
      const error = refused(file(name), 'private-key', 0);
      expect(error.message).toMatch(/private key/);
      expect(error.message).not.toMatch(/MII|[A-Za-z0-9+/]{40}/);
    });
  }

  it('a private key pasted after a certificate is still refused, at its own offset', () => {
    const cert = readFileSync(join(dir, 'ca.pem'), 'utf8');
    const error = refused(text(cert + readFileSync(join(dir, 'ca.key'), 'utf8')), 'private-key', cert.length);
    expect(error.label).toBe('PRIVATE KEY');
  });
});

describe('malformed input: a reason and the byte offset', () => {
  it('empty, and over the 1 MB cap (refused before reading, naming the cap)', () => {
    refused(new Uint8Array(0), 'empty', 0);
    const big = readPkiInput(new Uint8Array(INPUT_MAX_BYTES + 1));
    expect(big.ok === false && big.error.message).toMatch(/1048577 bytes.*1048576 bytes \(1 MB\)/);
  });

  it('a character that is not base64 is reported where it is', () => {
    const pem = readFileSync(join(dir, 'ca.pem'), 'utf8');
    const at = pem.indexOf('\n', 40) + 5;
    const broken = `${pem.slice(0, at)}*${pem.slice(at + 1)}`;
    const error = refused(text(broken), 'bad-base64', at);
    expect(error.message).toContain('"*"');
  });

  it('a BEGIN line without its END line', () => {
    const pem = readFileSync(join(dir, 'ca.pem'), 'utf8');
    refused(text(`junk\n${pem.replace('-----END CERTIFICATE-----', '')}`), 'pem-unterminated', 5);
  });

  it('a truncated DER certificate names the element that runs past the end', () => {
    const der = file('ca.der');
    const error = refused(der.subarray(0, 400), 'bad-der', 0);
    expect(error.message).toMatch(/declares \d+ bytes of contents, but only 396 remain/);
    expect(derProblem(der)).toBeUndefined();
  });

  it('a public key, text without any PEM block, and binary junk', () => {
    refused(file('ca.pub.pem'), 'unsupported-pem', 0);
    refused(text('hello, this is not a certificate\n'), 'no-pem', 0);
    const junk = refused(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d), 'not-recognised', 0);
    expect(junk.message).toContain('0x89');
  });

  it('a CSR in a CERTIFICATE block says it is not what its label says', () => {
    const csrBody = readFileSync(join(dir, 'phone.csr'), 'utf8').replace(/CERTIFICATE REQUEST/g, 'CERTIFICATE');
    refused(text(csrBody), 'not-certificate', 0);
  });
});
