// @vitest-environment happy-dom
/**
 * The tutorial beside the pages: each step's state in words, done when the world shows it (however it was
 * done) or when the learner looked (a page opened, a command run, a file saved), "Tutorial complete" at the
 * end — and undone when the lab is reset.
 */
import { screen, within } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import GuidePanel from '../../../src/ui/guide/GuidePanel.svelte';
import Tutorial from '../../../src/ui/tutorial/Tutorial.svelte';
import { seedProcedure } from '../../../src/content/procedures';
import type { LabSession } from '../../../src/ui/session.svelte';
import { axeViolations } from '../axe';
import { createTestSession, renderScreen } from '../session';
import { pooledKeys } from '../../helpers/key-pool';

let session: LabSession;
beforeAll(async () => {
  session = await createTestSession({ keySource: pooledKeys });
  session.openTutorial('install-lsc');
});
afterAll(() => session.dispose());

const states = () => within(screen.getByRole('complementary')).getAllByTestId('tutorial-step').map((li) => li.querySelector('.state')!.textContent);

describe('the guided tutorial', () => {
  it('walks the article’s procedure to "Tutorial complete", each step detected on the lab, and Reset undoes it', async () => {
    const r = renderScreen(session, GuidePanel);
    expect(states()).toEqual(['Not yet', 'Not yet', 'Not yet', 'Not yet', 'Not yet', 'Not yet']);
    expect(screen.getByTestId('tutorial-summary').textContent).toContain('0 of 6 steps done');
    // The next step is shown in full, with the page it happens on.
    expect(within(screen.getByRole('complementary')).getByRole('link', { name: 'Open the page: Check the CAPF certificate' }).getAttribute('href')).toBe('#/os/certificate?node=ao115pub&purpose=CAPF&file=CAPF.pem');

    session.recordLook({ kind: 'page', path: '/os/certificate', params: { node: 'ao115pub', purpose: 'CAPF', file: 'CAPF.pem' } });
    await session.act({ type: 'cli', node: 'ao115sub', command: 'show itl' });
    await session.advance(0);
    expect(states().slice(0, 2)).toEqual(['Done', 'Not yet']);
    await session.act({ type: 'cli', node: 'ao115pub', command: 'show  itl' });
    await session.advance(0);
    expect(states().slice(0, 2)).toEqual(['Done', 'Done']);

    const [save, apply] = seedProcedure(session.world!);
    await session.act(save);
    expect(states()[2]).toBe('Done');
    expect(states()[3]).toBe('Not yet');
    await session.act(apply);
    await session.advance(30_000);
    expect(states()[3]).toBe('Done');

    session.recordLook({ kind: 'page', path: '/logs', params: {} });
    session.recordLook({ kind: 'page', path: '/trace', params: {} });
    await session.world!.runUntilSettled();
    await session.advance(0);
    expect(states()[4]).toBe('Done');
    session.recordLook({ kind: 'page', path: '/phone', params: { device: 'SEP682C7B5C2342' } });
    session.recordLook({ kind: 'download', file: 'ao115pub-CAPF.pem' });
    await session.advance(0);
    expect(states()[5]).toBe('Not yet');
    session.recordLook({ kind: 'download', file: 'SEP682C7B5C2342-LSC.pem' });
    await session.advance(0);
    expect(states()).toEqual(['Done', 'Done', 'Done', 'Done', 'Done', 'Done']);
    expect(screen.getByTestId('tutorial-summary').textContent).toContain('Tutorial complete');
    expect(await axeViolations(r.container)).toEqual([]);

    await session.reset();
    await session.advance(0);
    expect(states()).toEqual(['Not yet', 'Not yet', 'Not yet', 'Not yet', 'Not yet', 'Not yet']);
    r.unmount();
  });

  it('the Tutorial page opens and closes a tutorial beside the pages', async () => {
    const r = renderScreen(session, Tutorial);
    expect(screen.getByRole('heading', { level: 1, name: 'Tutorial' })).toBeTruthy();
    expect(screen.getByText('Open beside the pages')).toBeTruthy();
    screen.getByRole('button', { name: 'Close the tutorial' }).click();
    expect(session.tutorialId).toBeNull();
    (await screen.findByRole('button', { name: 'Open this tutorial: Troubleshoot a failing LSC' })).click();
    expect(session.tutorialId).toBe('troubleshoot');
    expect(await axeViolations(r.container)).toEqual([]);
    r.unmount();
  });

  it('Troubleshoot a failing LSC: CAPF stopped (any way), the symptom read, the cause found, fixed', async () => {
    session.openTutorial('troubleshoot');
    const r = renderScreen(session, GuidePanel);
    await session.act({ type: 'serviceability.stop', node: 'ao115pub', service: 'capf' }, 'setup');
    for (const a of seedProcedure(session.world!)) await session.act(a);
    await session.advance(60_000);
    session.recordLook({ kind: 'page', path: '/logs', params: {} });
    await session.act({ type: 'cli', node: 'ao115pub', command: 'utils service list' });
    await session.advance(0);
    expect(states()).toEqual(['Done', 'Done', 'Done', 'Done', 'Not yet']);
    await session.act({ type: 'serviceability.start', node: 'ao115pub', service: 'capf' });
    await session.advance(10_000);
    await session.act({ type: 'cucm.phone.reset', device: 'SEP682C7B5C2342' });
    await session.world!.runUntilSettled();
    await session.advance(0);
    expect(screen.getByTestId('tutorial-summary').textContent).toContain('Tutorial complete');
    r.unmount();
  });
});
