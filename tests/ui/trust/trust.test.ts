// @vitest-environment happy-dom
/**
 * The trust map on a real lab: after boot every link holds (the phone's MIC chains to the manufacturing CA
 * in CAPF-trust, each ITL record names a certificate a node presents, the phone's ITL pins the CAPF
 * certificate). The fault "CAPF certificate regenerated, TFTP not restarted" breaks the ITLs' CAPF records
 * and the phone's pin — in colour and in words — and its documented fix (restart TFTP, reset the phone)
 * makes every break disappear. After the seed procedure the LSC chains to CAPF.
 */
import { screen, waitFor, within } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProcedure } from '../../../src/content/procedures';
import { doSteps, findFault } from '../../../src/sim/faults';
import TrustMap from '../../../src/ui/trust/TrustMap.svelte';
import { placeMap, trustMapOf } from '../../../src/ui/trust/model';
import type { LabSession } from '../../../src/ui/session.svelte';
import { axeViolations } from '../axe';
import { createTestSession, renderScreen } from '../session';

const PHONE = 'SEP682C7B5C2342';
let session: LabSession;

beforeAll(async () => {
  session = await createTestSession();
});
afterAll(() => session.dispose());

/** Do a fault's steps through the session, as the Faults page does; the refusals come back. */
async function perform(list: Parameters<typeof doSteps>[1]): Promise<string[]> {
  const refused: string[] = [];
  const target = { act: (a: Parameters<LabSession['act']>[0]) => session.act(a), wait: (ms: number) => session.advance(ms) };
  await doSteps(target, list, (done) => {
    if ('action' in done && !done.result.ok) refused.push(`${done.action.type}: ${done.result.error}`);
  });
  return refused;
}
const map = () => screen.findByRole('img', { name: /^Trust map of SEP682C7B5C2342: \d+ links, \d+ broken$/ });
const brokenIds = () => [...screen.getByTestId('broken-links').querySelectorAll('li')].map((li) => li.dataset.id);

describe('the trust map', () => {
  it('after boot every link holds: MIC to the manufacturing CA in CAPF-trust, ITL records to the certificates they name, the phone\'s pin to CAPF', async () => {
    const m = await trustMapOf(session.world!, PHONE);
    expect(m.links.filter((l) => !l.ok)).toEqual([]);
    const mic = m.links.find((l) => l.id === `issued:phone:${PHONE}:MIC`)!;
    expect(mic.to).toMatch(/^store:ao115pub:CAPF-trust:/);
    const pin = m.links.find((l) => l.kind === 'pins')!;
    expect(pin.to).toBe('store:ao115pub:CAPF:CAPF.pem');
    // Every record of each served ITL names a certificate a node presents.
    for (const node of ['ao115pub', 'ao115sub']) {
      const records = m.items.filter((i) => i.id.startsWith(`itl:${node}:`));
      expect(records.length).toBeGreaterThan(3);
      for (const r of records) expect(m.links.find((l) => l.from === r.id)!.ok).toBe(true);
    }
    const placed = placeMap(m);
    expect(placed.links).toHaveLength(m.links.length);

    const r = renderScreen(session, TrustMap);
    const svg = await map();
    expect(svg.getAttribute('aria-label')).toBe(`Trust map of ${PHONE}: ${m.links.length} links, 0 broken`);
    expect(screen.getByRole('heading', { level: 2, name: 'No link is broken now.' })).toBeTruthy();
    expect(svg.querySelectorAll('g.link[data-ok="false"]')).toHaveLength(0);
    expect(within(screen.getByTestId('holding-links')).getByText(/^✓ holds: The MIC of SEP682C7B5C2342 was issued by /)).toBeTruthy();
    expect(await axeViolations(r.container)).toEqual([]);
    r.unmount();
  });

  it('"CAPF certificate regenerated, TFTP not restarted": the ITLs\' CAPF records and the phone\'s pin break, in words as well as colour', async () => {
    const fault = findFault('capf.cert-regenerated')!;
    expect(await perform(fault.inject!(session.world!))).toEqual([]);
    await session.advance(0);
    const r = renderScreen(session, TrustMap);
    const svg = await map();
    await waitFor(() => expect(brokenIds().length).toBeGreaterThan(0));
    const ids = brokenIds();
    // Both TFTP nodes still serve an ITL naming the old CAPF certificate; the phone pins the old one too.
    for (const node of ['ao115pub', 'ao115sub']) expect(ids.some((id) => id!.startsWith(`names:itl:${node}:`))).toBe(true);
    expect(ids.some((id) => /^pins:phone:SEP682C7B5C2342:itl:\d+$/.test(id!))).toBe(true);
    for (const id of ids) expect(svg.querySelector(`g.link[data-id="${id}"]`)!.getAttribute('data-ok')).toBe('false');
    const words = screen.getByTestId('broken-links').textContent!;
    expect(words).toMatch(/The CAPF record of the ITL on ao115pub holds the SHA-1 [0-9A-F:]+, but CAPF-\w+ on ao115pub \(CAPF\.pem\) now has the SHA-1 [0-9A-F:]+/);
    expect(words).toContain(`The ITL stored on ${PHONE} pins the CAPF certificate with the SHA-1`);
    expect(screen.getByRole('heading', { level: 2, name: `Broken now: ${ids.length} links` })).toBeTruthy();
    r.unmount();
  });

  it('after the fix (TFTP restarted everywhere, the phone reset) the breaks disappear', async () => {
    const fault = findFault('capf.cert-regenerated')!;
    expect(await perform(fault.fix(session.world!))).toEqual([]);
    await session.world!.runUntilSettled();
    await session.advance(0);
    const r = renderScreen(session, TrustMap);
    await map();
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'No link is broken now.' })).toBeTruthy());
    expect(brokenIds()).toEqual([]);
    r.unmount();
  });

  it('after the seed procedure the phone\'s LSC chains to the CAPF certificate in CAPF-trust', async () => {
    for (const action of seedProcedure(session.world!)) expect((await session.act(action)).ok).toBe(true);
    await session.world!.runUntilSettled();
    expect(session.world!.lsc(PHONE)).toBe('Installed');
    const m = await trustMapOf(session.world!, PHONE);
    const lsc = m.links.find((l) => l.id === `issued:phone:${PHONE}:LSC`)!;
    expect(lsc.ok).toBe(true);
    expect(lsc.to).toMatch(/^store:ao115pub:CAPF-trust:CAPF-/);
    expect(m.links.filter((l) => !l.ok)).toEqual([]);
  });

  it('"Manufacturing CA missing from CAPF-trust": the MIC\'s link to CAPF-trust on the publisher breaks, and the re-upload mends it', async () => {
    const fault = findFault('auth.mic-untrusted')!;
    expect(await perform(fault.inject!(session.world!))).toEqual([]);
    let m = await trustMapOf(session.world!, PHONE);
    const mic = m.links.find((l) => l.id === `issued:phone:${PHONE}:MIC`)!;
    expect(mic.ok).toBe(false);
    expect(mic.reason!.key).toBe('pictures.trust.issuerNotTrusted');
    // The subscriber still holds the CA in its own CAPF-trust; CAPF on the publisher does not look there.
    expect(session.world!.env.certs.trust('ao115sub', 'CAPF-trust').some((c) => c.fileName.startsWith('Cisco Manufacturing CA'))).toBe(true);
    expect(await perform(fault.fix(session.world!).filter((step) => 'type' in step && step.type === 'os.certificate.upload'))).toEqual([]);
    m = await trustMapOf(session.world!, PHONE);
    expect(m.links.find((l) => l.id === `issued:phone:${PHONE}:MIC`)!.ok).toBe(true);
  });

  it('"Corrupt ITL on the phone\'s TFTP server": the ITL it serves no longer verifies, and the phone, keeping its old ITL, pins an old CAPF certificate', async () => {
    const fault = findFault('itl.corrupted')!;
    expect(await perform(fault.inject!(session.world!))).toEqual([]);
    await session.advance(20_000);
    const m = await trustMapOf(session.world!, PHONE);
    const broken = m.links.filter((l) => !l.ok);
    const damaged = broken.find((l) => l.id === 'problem:itl:ao115sub:0')!;
    expect(damaged.reason).toMatchObject({ key: 'pictures.trust.itlNotVerified', params: { node: 'ao115sub', reason: 'signature does not verify' } });
    const pin = broken.find((l) => l.kind === 'pins' && l.from.startsWith(`phone:${PHONE}:itl:`))!;
    expect(pin.reason).toMatchObject({ key: 'pictures.trust.pinMismatch', params: { device: PHONE, node: 'ao115pub' } });
  });
});
