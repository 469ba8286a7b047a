// @vitest-environment happy-dom
/**
 * Upload Certificate/Certificate chain and the Enterprise CA, tried as a new user would: a 5 MB binary, a
 * private key, a CSR where a certificate belongs, a DER certificate. Each gets a clear reason (the same the
 * inspector gives); nothing binary lands in a text field; a private key is never shown; the world is unchanged.
 */
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import EnterpriseCa from '../../../src/ui/lab-ca/EnterpriseCa.svelte';
import UploadCertificate from '../../../src/ui/os-admin/UploadCertificate.svelte';
import type { LabSession } from '../../../src/ui/session.svelte';
import { createTestSession, renderScreen } from '../session';

const testsDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bytesOf = (path: string) => new Uint8Array(readFileSync(join(testsDir, path)));
const PRIVATE_KEY = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n';

let session: LabSession;
beforeAll(async () => {
  session = await createTestSession();
});
afterAll(() => session.dispose());

async function chooseFile(label: string, file: File) {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await fireEvent.change(input);
}
const field = (label: string) => screen.getByLabelText(label) as HTMLTextAreaElement;

describe('Upload Certificate/Certificate chain', () => {
  it('a 5 MB binary is refused before it is read, naming the cap; the text field stays empty', async () => {
    renderScreen(session, UploadCertificate);
    const big = new File([new Uint8Array(5 * 1024 * 1024)], 'firmware.bin');
    const read = vi.spyOn(big, 'arrayBuffer');
    await chooseFile('Upload File', big);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('firmware.bin is 5,242,880 bytes; this page takes files up to 1,048,576 bytes (1 MB), so it was not read.'));
    expect(read).not.toHaveBeenCalled();
    expect(field('Certificate (PEM)').value).toBe('');
  });

  it('a small binary that is no certificate is refused, never shown as text', async () => {
    renderScreen(session, UploadCertificate);
    await chooseFile('Upload File', new File([Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13)], 'logo.png'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('logo.png is not a certificate: The file is binary data starting with byte 0x89'));
    expect(field('Certificate (PEM)').value).toBe('');
  });

  it('a DER certificate is converted to PEM in the text field', async () => {
    renderScreen(session, UploadCertificate);
    await chooseFile('Upload File', new File([bytesOf('fuzz/corpus/CallManager-ao115sub.der')], 'CallManager.der'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('CallManager.der (945 bytes) was read as DER and is shown here as PEM.'));
    expect(field('Certificate (PEM)').value).toMatch(/^-----BEGIN CERTIFICATE-----\nMII/);
  });

  it('a private key, chosen or pasted, is named as such, cleared and never uploaded; a CSR is named too', async () => {
    renderScreen(session, UploadCertificate);
    const before = session.world!.env.certs.all().length;
    await chooseFile('Upload File', new File([PRIVATE_KEY], 'capf.key'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('This is a private key, not a certificate: it was not loaded and is not shown.'));
    expect(field('Certificate (PEM)').value).toBe('');

    await fireEvent.input(field('Certificate (PEM)'), { target: { value: PRIVATE_KEY } });
    await fireEvent.click(screen.getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(field('Certificate (PEM)').value).toBe(''));
    expect(screen.getByRole('alert').textContent).toContain('This is a private key, not a certificate');
    expect(document.body.textContent).not.toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC');

    await fireEvent.input(field('Certificate (PEM)'), { target: { value: readFileSync(join(testsDir, 'fuzz/corpus/SEP682C7B5C2342.csr'), 'utf8') } });
    await fireEvent.click(screen.getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('This is a certificate signing request, not a certificate.'));
    expect(session.world!.env.certs.all().length).toBe(before);
  });

  it('pasted text over 1 MB is refused with the cap', async () => {
    renderScreen(session, UploadCertificate);
    await fireEvent.input(field('Certificate (PEM)'), { target: { value: 'A'.repeat(1024 * 1024 + 10) } });
    await fireEvent.click(screen.getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('The text is 1,048,586 bytes; this page takes up to 1,048,576 bytes (1 MB).'));
  });
});

describe('Enterprise CA', () => {
  it('a private key pasted as the CSR is refused and cleared; a certificate chosen as the CSR is named; a DER CSR is converted and signed', async () => {
    renderScreen(session, EnterpriseCa);
    await fireEvent.input(field('Certificate Signing Request (PEM)'), { target: { value: PRIVATE_KEY } });
    await fireEvent.click(screen.getByRole('button', { name: 'Sign' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('This is a private key, not a certificate'));
    expect(field('Certificate Signing Request (PEM)').value).toBe('');

    await chooseFile('Choose a CSR file', new File([bytesOf('itl/fixtures/capf.pem')], 'capf.pem'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('This is a certificate, not a certificate signing request'));

    const csr = await session.act({ type: 'os.certificate.generateCsr', node: 'ao115pub', purpose: 'CAPF' });
    const der = session.api!.fromPem(csr.ok ? csr.output! : '', 'CERTIFICATE REQUEST');
    await chooseFile('Choose a CSR file', new File([der.ok ? der.value.slice() : new Uint8Array(0)], 'CAPF.csr.der'));
    await waitFor(() => expect(field('Certificate Signing Request (PEM)').value).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----\n/));
    expect(screen.getByRole('status').textContent).toContain('was read as DER and is shown here as PEM.');
    await fireEvent.click(screen.getByRole('button', { name: 'Sign' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Signed certificate' })).toBeTruthy());
  });
});
