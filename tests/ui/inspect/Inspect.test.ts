// @vitest-environment happy-dom
/**
 * "Inspect a file" as a learner uses it: choose the ITL and the CAPF certificate, read the verdicts, walk the
 * annotated bytes with the keyboard; paste a private key, choose a file that is too large or a damaged ITL —
 * and get a reason, never a crash.
 */
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import Inspect from '../../../src/ui/inspect/Inspect.svelte';
import { axeViolations } from '../axe';

// happy-dom replaces the global URL, so paths are built with node:path.
const testsDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bytesOf = (path: string) => new Uint8Array(readFileSync(join(testsDir, path)));

async function choose(files: File[]) {
  const input = screen.getByLabelText('Choose files') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await fireEvent.change(input);
}

describe('Inspect a file', () => {
  it('an ITL and the CAPF certificate: show itl verified, the CAPF hash matches, every certificate shown; axe finds nothing', async () => {
    const { container } = render(Inspect);
    expect(screen.getByText('Files are read in this browser only: nothing is uploaded anywhere.')).toBeTruthy();
    await choose([new File([bytesOf('fuzz/corpus/ITLFile-seed-ao115sub.tlv')], 'ITLFile.tlv'), new File([bytesOf('fuzz/corpus/CAPF.pem')], 'CAPF.pem')]);
    const itl = await screen.findByRole('article', { name: 'ITLFile.tlv (8,575 bytes)' }, { timeout: 30_000 });
    expect(within(itl).getByText('ITL file (trust list)')).toBeTruthy();
    expect(within(itl).getByText('Signature valid.').parentElement!.textContent).toContain('Record 5 (System Administrator Security Token');
    expect(within(itl).getByText(/^Record 1 \(CAPF, CN=CAPF-7f0ae8d7;OU=TAC.*It matches CAPF\.pem\.$/)).toBeTruthy();
    expect(within(itl).getByRole('heading', { name: 'As “show itl” prints it' })).toBeTruthy();
    expect(itl.querySelector('pre.cli')!.textContent!.trimEnd().endsWith('The ITL file was verified successfully.')).toBe(true);

    const capf = screen.getByRole('article', { name: /^CAPF\.pem \([\d,]+ bytes\)$/ });
    expect(within(capf).getByRole('heading', { name: /^Certificate 1: C=US, O=Cisco Systems, OU=TAC, CN=CAPF-7f0ae8d7/ })).toBeTruthy();
    expect(capf.querySelector('pre.file-data')!.textContent).toMatch(/^\[\nVersion: V3\nSerial Number: 64F2FE613B79C5D362E26DAB4A8B761B\n/);
    expect(within(capf).getByRole('rowheader', { name: 'Subject Name' }).nextElementSibling!.textContent).toBe('C=US, O=Cisco Systems, OU=TAC, CN=CAPF-7f0ae8d7, ST=MA, L=Boxborough');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('the annotated bytes: focusing a field marks its bytes and says which; the arrow keys move to the next field', async () => {
    render(Inspect);
    await choose([new File([bytesOf('itl/fixtures/ITLFile-sha1.tlv')], 'ITLFile-sha1.tlv')]);
    const field = await screen.findByRole('button', { name: 'SIGNERNAME at byte 18' }, { timeout: 30_000 });
    expect(screen.getByText('No field highlighted.')).toBeTruthy();
    field.focus();
    await fireEvent.focus(field);
    const said = await screen.findByText(/^Highlighted: SIGNERNAME, bytes 18–\d+\.$/);
    const [, to] = /bytes 18–(\d+)/.exec(said.textContent!)!;
    const marked = [...document.querySelectorAll('section[aria-label^="Header, bytes 0–"] mark')].map((m) => m.textContent!.trim()).join(' ');
    expect(marked.split(/\s+/)).toHaveLength(Number(to) - 18 + 1);
    expect(marked.startsWith('04 00 3b')).toBe(true); // tag 4, length 59
    expect(field.getAttribute('aria-pressed')).toBe('true');

    await fireEvent.keyDown(field, { key: 'ArrowDown' });
    expect((document.activeElement as HTMLElement).getAttribute('aria-label')).toMatch(/^(CANAME|SERIALNUMBER) at byte \d+$/);
    // Each section is delimited: the signature and each record have their own table.
    expect(screen.getByRole('region', { name: /^Signature, bytes \d+–\d+ \(left out of what is signed\)$/ })).toBeTruthy();
    expect(screen.getAllByRole('region', { name: /^Record \d, bytes / })).toHaveLength(5);
  });

  it('a file dropped on the drop zone is read like a chosen one', async () => {
    render(Inspect);
    const zone = screen.getByRole('region', { name: 'Drop files here, or' });
    await fireEvent.drop(zone, { dataTransfer: { files: [new File([bytesOf('itl/fixtures/capf.pem')], 'dropped.pem')] } });
    const dropped = await screen.findByRole('article', { name: /^dropped\.pem/ }, { timeout: 30_000 });
    expect(within(dropped).getByText('Signature valid.')).toBeTruthy();
  });

  it('a pasted private key is refused with a warning and never shown', async () => {
    render(Inspect);
    const key = readFileSync(join(testsDir, 'itl/fixtures/capf.pem'), 'utf8').replace(/CERTIFICATE/g, 'PRIVATE KEY');
    const body = key.split('\n')[1];
    await fireEvent.input(screen.getByLabelText('Paste text (PEM)'), { target: { value: key } });
    await fireEvent.click(screen.getByRole('button', { name: 'Inspect pasted text' }));
    const alert = await screen.findByRole('alert', {}, { timeout: 30_000 });
    expect(alert.textContent).toContain('This is a private key. It was not read and it is not shown.');
    expect(document.body.textContent).not.toContain(body);
    expect((screen.getByLabelText('Paste text (PEM)') as HTMLTextAreaElement).value).toBe('');
  });

  it('a file over 1 MB is refused before it is read; a damaged ITL names the byte offset; the page goes on working', async () => {
    render(Inspect);
    const big = new File([new Uint8Array(1024 * 1024 + 1)], 'huge.bin');
    const read = vi.spyOn(big, 'arrayBuffer');
    const damaged = new File([bytesOf('itl/fixtures/ITLFile-sha1.tlv').subarray(0, 3000)], 'cut.tlv');
    await choose([big, damaged]);
    const huge = await screen.findByRole('article', { name: 'huge.bin (1,048,577 bytes)' });
    expect(within(huge).getByText('huge.bin is 1,048,577 bytes; the lab reads files up to 1,048,576 bytes (1 MB), so it was not read. Certificates and trust lists are a few kilobytes.')).toBeTruthy();
    expect(read).not.toHaveBeenCalled();
    const cut = await screen.findByRole('article', { name: 'cut.tlv (3,000 bytes)' }, { timeout: 30_000 });
    expect(within(cut).getByText('At byte offset 2,124: RECORDLENGTH 1660 at byte 2124 runs past the end of the file (3000 bytes).')).toBeTruthy();

    // The same name twice (two clusters' ITLFile.tlv) is told apart, not confused.
    await choose([new File([bytesOf('itl/fixtures/ITLFile-sha1.tlv')], 'cut.tlv')]);
    await screen.findByRole('article', { name: 'cut.tlv (2) (8,784 bytes)' }, { timeout: 30_000 });
    await choose([new File([bytesOf('fuzz/corpus/SEP682C7B5C2342.csr')], 'phone.csr')]);
    const csr = await screen.findByRole('article', { name: /^phone\.csr/ }, { timeout: 30_000 });
    expect(within(csr).getByText('Signature valid.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(screen.getByText('No file yet.')).toBeTruthy();
  });
});
