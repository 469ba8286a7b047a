// @vitest-environment happy-dom
/**
 * The lab's own pages in German and Japanese, on one running lab: switching the language keeps the lab (same
 * world, same virtual time, same learner actions), the pages speak the chosen language from its catalogue and
 * the exercise data, and what mirrors the product (fault sources, CUCM names inside the texts) stays English.
 */
import { fireEvent, screen, within } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Exercise from '../../src/ui/exercises/Exercise.svelte';
import Faults from '../../src/ui/faults/Faults.svelte';
import Downloads from '../../src/ui/downloads/Downloads.svelte';
import { i18n, setLanguage } from '../../src/ui/i18n.svelte';
import { AREAS } from '../../src/content/messages';
import { FAULT_TEXTS } from '../../src/content/fault-texts';
import { EXERCISES } from '../../src/content/exercises';
import de from '../../src/content/messages/de/faults';
import deExercises from '../../src/content/messages/de/exercises';
import jaObserve from '../../src/content/messages/ja/observe';
import deShell from '../../src/content/messages/de/shell';
import type { LabSession } from '../../src/ui/session.svelte';
import { axeViolations } from './axe';
import { createTestSession, renderScreen } from './session';
import { pooledKeys } from '../helpers/key-pool';

let session: LabSession;
beforeAll(async () => {
  session = await createTestSession({ keySource: pooledKeys });
  await Promise.all([session.loadClassroom(), session.loadFaults()]);
});
afterAll(async () => {
  await i18n.use('en');
  await i18n.need(...AREAS);
  session.dispose();
});

describe('the lab in German and Japanese', () => {
  it('switching the language keeps the running lab: the same world, virtual time and learner actions; <html lang> follows', async () => {
    await session.act({ type: 'dns.record.delete', name: 'ao115sub.brianw2.lab' });
    const world = session.world;
    const now = world!.now;
    const actions = world!.actions.length;
    await setLanguage('de');
    await i18n.need(...AREAS);
    expect(document.documentElement.lang).toBe('de');
    expect(session.world).toBe(world);
    expect(session.world!.now).toBe(now);
    expect(session.world!.actions.length).toBe(actions);
    expect(localStorage.getItem('lsc-lab:lang')).toBe('de');
  });

  it('the Faults page in German: each fault by its German title and description, Auslösen for Inject, sources as published', async () => {
    await i18n.use('de');
    await i18n.need(...AREAS);
    const r = renderScreen(session, Faults);
    expect(screen.getByRole('heading', { level: 1, name: deShell['shell.nav.faults'] })).toBeTruthy();
    const regenerated = FAULT_TEXTS['capf.cert-regenerated'];
    const card = screen.getByRole('heading', { level: 3, name: regenerated.title.de }).closest('li')!;
    expect(card.textContent).toContain(regenerated.description.de);
    expect(within(card as HTMLElement).getByRole('button', { name: de['faults.injectNamed'].replace('{fault}', regenerated.title.de) }).textContent).toBe(de['faults.inject']);
    expect(card.textContent).not.toContain(regenerated.title.en);
    expect(await axeViolations(r.container)).toEqual([]);
    r.unmount();
  });

  it('an exercise in German: its title, brief and goals from the exercise data, Check says Prüfen and announces in German', async () => {
    await i18n.use('de');
    await i18n.need(...AREAS);
    const exercise = EXERCISES.find((e) => e.id === 'capf-stopped')!;
    await session.openExercise(exercise.id);
    const r = renderScreen(session, Exercise, { id: exercise.id });
    expect(screen.getByRole('heading', { level: 1, name: exercise.title.de })).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: deExercises['exercises.check'] }));
    expect(screen.getByTestId('check-announcement').textContent).toMatch(/von \d+ Zielen erfüllt/);
    expect(await axeViolations(r.container)).toEqual([]);
    r.unmount();
  });

  it('Downloads in Japanese: headings and file descriptions from the Japanese catalogue, file names as the lab writes them', async () => {
    await setLanguage('ja');
    await i18n.need(...AREAS);
    expect(document.documentElement.lang).toBe('ja');
    const r = renderScreen(session, Downloads);
    expect(screen.getByRole('heading', { level: 2, name: jaObserve['observe.downloads.group.certificates'] })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: jaObserve['observe.downloads.group.itl'] })).toBeTruthy();
    expect(screen.getByText('ao115sub.tlv')).toBeTruthy();
    expect(screen.getByText('ao115sub の TFTP サービスが現在提供している ITL ファイル（ITLFile.tlv）')).toBeTruthy();
    expect(await axeViolations(r.container)).toEqual([]);
    r.unmount();
  });
});
