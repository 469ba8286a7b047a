// @vitest-environment happy-dom
/**
 * Downloads: the real files, under the names the lab runner writes — the CAPF certificate (also as the
 * seed's CAPF.pem), each node's ITL, the logs and the packet trace — handed to the browser as a Blob.
 */
import { fireEvent, screen } from '@testing-library/svelte';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedProcedure } from '../../../src/content/procedures';
import Downloads from '../../../src/ui/downloads/Downloads.svelte';
import { labFiles } from '../../../src/ui/downloads/files';
import type { LabSession } from '../../../src/ui/session.svelte';
import { createTestSession, renderScreen } from '../session';

let session: LabSession;

beforeAll(async () => {
  session = await createTestSession();
});
afterAll(() => session.dispose());
afterEach(() => vi.restoreAllMocks());

/** Click a file and return the Blob the page handed to the browser. */
async function download(name: string): Promise<Blob> {
  let blob: Blob | undefined;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    blob = b as Blob;
    return 'blob:test';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  await fireEvent.click(screen.getByRole('button', { name }));
  expect(blob).toBeDefined();
  return blob!;
}

describe('the Downloads page', () => {
  it('offers the CAPF certificate as PEM and DER, CAPF.pem, and the ITL of each node', () => {
    const r = renderScreen(session, Downloads);
    for (const name of ['ao115pub-CAPF.pem', 'ao115pub-CAPF.der', 'CAPF.pem', 'ao115pub.tlv', 'ao115sub.tlv', 'capf-trace.txt', 'phone-status.txt', 'packet-trace.txt']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(screen.queryByRole('button', { name: 'LSC.pem' })).toBeNull();
    r.unmount();
  });

  it('CAPF.pem is the PEM of the publisher\'s CAPF certificate', async () => {
    const r = renderScreen(session, Downloads);
    const blob = await download('CAPF.pem');
    const text = await blob.text();
    expect(text.startsWith('-----BEGIN CERTIFICATE-----')).toBe(true);
    expect(text).toBe(labFiles(session.world!, session.api!).find((f) => f.name === 'ao115pub-CAPF.pem')!.content());
    r.unmount();
  });

  it('an ITL download is the exact bytes the TFTP service serves', async () => {
    const r = renderScreen(session, Downloads);
    const blob = await download('ao115sub.tlv');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(session.world!.servedItl('ao115sub')!.bytes);
    r.unmount();
  });

  it('once the LSC is installed, it is offered as SEP682C7B5C2342-LSC.pem and LSC.pem', async () => {
    for (const action of seedProcedure(session.world!)) await session.act(action);
    await session.world!.runUntilSettled();
    await session.advance(0);
    const r = renderScreen(session, Downloads);
    expect(screen.getByRole('button', { name: 'SEP682C7B5C2342-LSC.pem' })).toBeTruthy();
    const text = await (await download('LSC.pem')).text();
    expect(text).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    const log = await (await download('capf-trace.txt')).text();
    expect(log).toBe(`${session.world!.env.log.text('capf-trace')}\n`);
    r.unmount();
  });
});
