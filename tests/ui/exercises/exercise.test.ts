// @vitest-environment happy-dom
/**
 * The exercise page as a learner uses it: every goal listed with its state in words, Check announced to
 * screen readers with a reason for each goal, hints unlocked one rung at a time and recorded, the solution done
 * visibly after a confirmation, and a completion code that the teacher's verification accepts.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Exercise from '../../../src/ui/exercises/Exercise.svelte';
import Exercises from '../../../src/ui/exercises/Exercises.svelte';
import type { LabSession } from '../../../src/ui/session.svelte';
import { verifyCompletionCode } from '../../../src/content/verify';
import { axeViolations } from '../axe';
import { createTestSession, renderScreen } from '../session';
import { pooledKeys } from '../../helpers/key-pool';

let session: LabSession;
beforeAll(async () => {
  session = await createTestSession({ keySource: pooledKeys });
  await session.openExercise('capf-stopped');
});
afterAll(() => session.dispose());

describe('the exercise page', () => {
  it('lists what is graded, each goal Passed or Not yet in words, and Check announces the result with a reason per goal', async () => {
    const r = renderScreen(session, Exercise, { id: 'capf-stopped' });
    expect(screen.getByRole('heading', { level: 1, name: 'CAPF stopped' })).toBeTruthy();
    const goals = within(screen.getByTestId('goals')).getAllByRole('listitem').map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(goals).toEqual([
      'Not yet Cisco Certificate Authority Proxy Function is running on ao115pub',
      'Not yet SEP682C7B5C2342 holds an LSC issued by this cluster’s CAPF',
      'Not yet CUCM shows Certificate Operation Status “Upgrade Success” for SEP682C7B5C2342',
    ]);
    await fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByTestId('check-announcement').textContent).toContain('0 of 3 goals passed. Not solved yet.');
    expect(screen.getByRole('list', { name: 'Check' }).textContent).toContain('Cisco Certificate Authority Proxy Function is not running on ao115pub.');
    expect(await axeViolations(r.container)).toEqual([]);
    r.unmount();
  });

  it('hints open one rung at a time and are recorded', async () => {
    const r = renderScreen(session, Exercise, { id: 'capf-stopped' });
    expect(screen.getByText('0 hints used of 3.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Show hint 1' }));
    expect(screen.getByText('1 hint used of 3.')).toBeTruthy();
    expect(screen.getByText(/Read the phone’s console log/)).toBeTruthy();
    expect(screen.queryByText(/Start Cisco Certificate Authority Proxy Function/)).toBeNull();
    expect(session.exercise!.hintsUsed).toBe(1);
    expect(screen.getByRole('button', { name: 'Show hint 2' })).toBeTruthy();
    r.unmount();
  });

  it('Show solution asks first, then does the steps visibly; the lab then solves it, and the completion code verifies', async () => {
    const r = renderScreen(session, Exercise, { id: 'capf-stopped' });
    await fireEvent.click(screen.getByRole('button', { name: 'Show solution' }));
    expect(session.exercise!.solutionShown).toBe(false);
    await fireEvent.click(screen.getByRole('button', { name: 'Show the solution' }));
    await waitFor(() => expect(screen.getByText(/The solution’s steps are done/)).toBeTruthy());
    expect(screen.getAllByRole('listitem').some((li) => li.textContent?.includes('serviceability.start ao115pub'))).toBe(true);
    await session.world!.runUntilSettled();
    await session.advance(0);
    await waitFor(() => expect(within(screen.getByTestId('goals')).getAllByText('Passed')).toHaveLength(3));
    await fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByTestId('check-announcement').textContent).toContain('3 of 3 goals passed. Solved: every goal passes.');
    await fireEvent.click(screen.getByRole('button', { name: 'Make the completion code' }));
    const code = await waitFor(() => {
      const value = (screen.getByLabelText('Your completion code') as HTMLTextAreaElement).value;
      expect(value).toMatch(/^LSC1\./);
      return value;
    });
    const verdict = await verifyCompletionCode(code, { keySource: pooledKeys });
    expect(verdict.ok && { solved: verdict.value.solved, hints: verdict.value.code.hintsUsed, solution: verdict.value.code.solutionShown }).toEqual({ solved: true, hints: 1, solution: true });
    r.unmount();
  });

  it('the Exercises list shows the progress in words', async () => {
    const r = renderScreen(session, Exercises);
    const row = screen.getByRole('rowheader', { name: 'CAPF stopped' }).closest('tr')!;
    expect(row.textContent).toContain('Solved (solution shown)');
    expect(row.textContent).toContain('Open now');
    expect(within(screen.getByRole('rowheader', { name: 'Port 3804 blocked' }).closest('tr')!).getByText('Not yet')).toBeTruthy();
    expect(await axeViolations(r.container)).toEqual([]);
    r.unmount();
  });
});
