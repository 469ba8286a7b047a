// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsr, describeCsr, verifyCsr } from '../../src/pki/csr';
import { derChildren } from '../../src/pki/der';
import { clusterSubject } from '../../src/pki/names';
import { requestText, verifyRequest } from '../helpers/openssl';
import { keysFor, RSA2048 } from './fixtures';

const PHONE = [['CN', 'SEP682C7B5C2342']] as const;

describe('the phone’s certificate signing request (PKCS#10)', () => {
  it.each([
    ['RSA 2048', RSA2048, 'sha256WithRSAEncryption', 'Digital Signature, Key Encipherment'],
    ['EC P-256', { kind: 'EC', curve: 'P-256' }, 'ecdsa-with-SHA256', 'Digital Signature, Key Agreement'],
    ['EC P-384', { kind: 'EC', curve: 'P-384' }, 'ecdsa-with-SHA384', 'Digital Signature, Key Agreement'],
  ] as const)('a %s request self-verifies with openssl and asks for the LSC usages', async (_, spec, algorithm, usages) => {
    const csr = await createCsr({ subject: PHONE, keys: await keysFor(spec) });
    const verdict = verifyRequest(csr);
    expect(verdict.status).toBe(0);
    expect(verdict.output).toContain('verify OK');
    const text = requestText(csr);
    expect(text).toContain('Subject: CN = SEP682C7B5C2342\n');
    expect(text).toContain(`Signature Algorithm: ${algorithm}`);
    expect(text).toContain('Requested Extensions:');
    expect(text).toMatch(new RegExp(`X509v3 Key Usage: critical\\s+${usages}\\n`));
    expect(text).toContain('TLS Web Server Authentication, TLS Web Client Authentication, IPSec End System');
    expect(await verifyCsr(csr)).toBe(true);
  });

  it('CUCM’s "Generate CSR" for CAPF keeps the cluster subject, one attribute per RDN', async () => {
    const csr = await createCsr({ subject: clusterSubject('CAPF-7f0ae8d7'), keys: await keysFor(RSA2048) });
    expect(requestText(csr)).toContain('Subject: C = US, O = Cisco Systems, OU = TAC, CN = CAPF-7f0ae8d7, ST = MA, L = Boxborough\n');
    const described = describeCsr(csr);
    expect(described.ok && described.value.subject).toEqual(clusterSubject('CAPF-7f0ae8d7'));
  });

  it('describes the subject and the key it carries', async () => {
    const rsa = describeCsr(await createCsr({ subject: PHONE, keys: await keysFor(RSA2048) }));
    if (!rsa.ok) throw new Error(rsa.error);
    expect(rsa.value.subject).toEqual([['CN', 'SEP682C7B5C2342']]);
    expect(rsa.value.publicKey).toMatchObject({ kind: 'RSA', bits: 2048 });
    expect(rsa.value.spki[0]).toBe(0x30);
    const ec = describeCsr(await createCsr({ subject: PHONE, keys: await keysFor({ kind: 'EC', curve: 'P-521' }) }));
    if (!ec.ok) throw new Error(ec.error);
    expect(ec.value.publicKey).toMatchObject({ kind: 'EC', curve: 'P-521' });
    if (ec.value.publicKey.kind === 'EC') expect(ec.value.publicKey.point.length).toBe(133);
  });

  it('a request whose subject was changed after signing fails verification, in openssl and here', async () => {
    const csr = await createCsr({ subject: PHONE, keys: await keysFor(RSA2048) });
    const tampered = csr.slice();
    tampered[Buffer.from(tampered).indexOf('SEP682C7B5C2342') + 3] = '7'.charCodeAt(0);
    // openssl 3.0 `req -verify` exits 0 either way; the verdict is in what it prints
    const verdict = verifyRequest(tampered).output;
    expect(verdict).toContain('verify failure');
    expect(verdict).not.toContain('verify OK');
    expect(await verifyCsr(tampered)).toBe(false);
  });

  it('an unsigned request is not valid', async () => {
    const csr = await createCsr({ subject: PHONE, keys: await keysFor(RSA2048) });
    // the same request info and algorithm, with an empty signature BIT STRING (03 01 00)
    const [info, algorithm] = derChildren(csr, 0)!;
    const body = [...csr.subarray(info.offset, algorithm.end), 0x03, 0x01, 0x00];
    const unsigned = Uint8Array.from([0x30, 0x82, body.length >> 8, body.length & 0xff, ...body]);
    expect(await verifyCsr(unsigned)).toBe(false);
  });

  it('junk is described as an error and never verifies — a property over arbitrary bytes', async () => {
    expect(describeCsr(new Uint8Array(0))).toEqual({ ok: false, error: 'The certificate signing request is empty.' });
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const described = describeCsr(bytes);
        expect(typeof described.ok).toBe('boolean');
        expect(await verifyCsr(bytes)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('changing any single byte of a request makes it fail — a property', async () => {
    // Regression: asn1js 4 let a corrupted outer length through and pkijs ignored the tag of the ECDSA
    // signature SEQUENCE (0x30 → 0x10) and of its INTEGERs (0x02 → 0x0A), so such requests "verified"
    // here while openssl refused them. Every byte position is fair game, the signature included.
    const csr = await createCsr({ subject: PHONE, keys: await keysFor({ kind: 'EC', curve: 'P-256' }) });
    const signatureAt = [...csr.keys()].reverse().find((p) => csr[p] === 0x30 && csr[p + 1] === csr.length - p - 2) ?? 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: csr.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, delta) => {
        const changed = csr.slice();
        changed[at] = (changed[at] + delta) & 0xff;
        expect(await verifyCsr(changed)).toBe(false);
        expect(typeof describeCsr(changed).ok).toBe('boolean');
      }),
      { numRuns: 500, examples: [[3, 0xed], [signatureAt, 0xe0], [signatureAt + 2, 0x08]] },
    );
  });
});
