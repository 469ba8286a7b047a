// @vitest-environment happy-dom
/**
 * The teacher's page: a class link for an exercise, then many completion codes verified one after another —
 * each replayed in a fresh lab — into a table with a reason for every code that is not verified; the CSV
 * opens Japanese names correctly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Teacher from '../../../src/ui/teacher/Teacher.svelte';
import { splitCodes, toCsv } from '../../../src/ui/teacher/csv';
import { onDownload } from '../../../src/ui/common/download';
import type { LabSession } from '../../../src/ui/session.svelte';
import { axeViolations } from '../axe';
import { createTestSession, renderScreen } from '../session';
import { pooledKeys } from '../../helpers/key-pool';

const stored = (name: string) => readFileSync(join(process.cwd(), 'tests/content/fixtures/codes', name), 'utf8');
let session: LabSession;
beforeAll(async () => {
  session = await createTestSession({ keySource: pooledKeys, settle: false });
});
afterAll(() => session.dispose());

describe('the teacher page', () => {
  it('builds a class link with the exercise, the class code and the hints allowed; a bad class code is refused', async () => {
    const r = renderScreen(session, Teacher);
    await fireEvent.change(screen.getByLabelText('Exercise'), { target: { value: 'dns-record-missing' } });
    await fireEvent.input(screen.getByLabelText('Class code'), { target: { value: 'NET 301!' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Make the link' }));
    expect(screen.getByRole('alert').textContent).toContain('Type a class code');
    await fireEvent.input(screen.getByLabelText('Class code'), { target: { value: 'NET-301' } });
    await fireEvent.change(screen.getByLabelText('Hints allowed'), { target: { value: '1' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Make the link' }));
    expect((screen.getByLabelText('Link for the class') as HTMLInputElement).value).toMatch(/#\/class\?exercise=dns-record-missing&class=NET-301&hints=1$/);
    expect(await axeViolations(r.container)).toEqual([]);
    r.unmount();
  });

  it('verifies pasted codes one by one: solved, not solved, and a damaged code with its reason; the results save as CSV', async () => {
    const r = renderScreen(session, Teacher);
    const damaged = stored('lsc-install-solved.txt').trim().replace(/.{5}$/, 'AAAAA');
    const text = `${stored('dns-record-missing-ada-solved.txt')}\n\n${stored('capf-stopped-grace-unsolved.txt')}\n${damaged}\n`;
    await fireEvent.input(screen.getByLabelText(/Completion codes/), { target: { value: text } });
    await fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(screen.getByText('3 codes verified.')).toBeTruthy(), { timeout: 60_000 });
    const rows = within(screen.getByTestId('results')).getAllByRole('row').slice(1).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent!.trim()));
    expect(rows[0].slice(0, 6)).toEqual(['Ada Lovelace', 'NET-301', 'DNS record missing', 'Solved', '0', 'Yes']);
    expect(rows[1].slice(0, 4)).toEqual(['Grace Hopper', 'NET-301', 'CAPF stopped', 'Not solved']);
    expect(rows[2][3].replace(/\s+/g, ' ')).toBe('Not verified The completion code was changed or cut after it was made: its check does not match.');
    expect((screen.getByRole('progressbar') as HTMLProgressElement).value).toBe(3);
    const saved: string[] = [];
    const stop = onDownload((f) => saved.push(f));
    await fireEvent.click(screen.getByRole('button', { name: 'Save the results as CSV' }));
    stop();
    expect(saved).toEqual(['lsc-lab-results.csv']);
    r.unmount();
  });
});

describe('CSV and code splitting', () => {
  it('CSV: a UTF-8 BOM, CRLF, quoted cells, and formulas neutralised', () => {
    const csv = toCsv([['Name', 'Result'], ['山田 太郎', 'Not verified: "bad", cut'], ['=HYPERLINK("x")', 1]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('Name,Result\r\n山田 太郎,"Not verified: ""bad"", cut"\r\n"\'=HYPERLINK(""x"")",1\r\n');
  });

  it('finds every code in a pasted text, and keeps the rest to report', () => {
    expect(splitCodes('  LSC1.aaa.bbb\nLSC1.ccc\n.ddd  hello')).toEqual(['LSC1.aaa.bbb', 'LSC1.ccc\n.ddd  hello']);
    expect(splitCodes('hello')).toEqual(['hello']);
    expect(splitCodes('  \n ')).toEqual([]);
  });
});
