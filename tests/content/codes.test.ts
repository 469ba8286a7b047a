/**
 * Completion codes and share links: compact, honest about what they are (a record replayed to prove the
 * exercise was solved, not a secret), and untrusted when they come back. Stored codes pin the format: they
 * must keep verifying — and codes of an older exercise or simulation version are reported as such, in words.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODE_PREFIX, readCompletionCode, readShareLink, SHARE_PREFIX, writeCompletionCode, writeShareLink, type LabDocument } from '../../src/content/lab-document';
import { SIM_VERSION } from '../../src/content/lab';
import { classSeed, foldText } from '../../src/content/variants';
import { verifyCompletionCode } from '../../src/content/verify';
import { formatMessage } from '../../src/content/messages/format';
import en from '../../src/content/messages/en/all';
import { checkAction } from '../../src/sim/action-schema';
import { pooledKeys } from '../helpers/key-pool';

const stored = (name: string) => readFileSync(new URL(`fixtures/codes/${name}`, import.meta.url), 'utf8');
const say = (r: { key: string; params?: Record<string, string | number> }) => formatMessage('en', en, r.key, r.params);

describe('stored completion codes (made by `npm run lab -- --exercise … --out`)', () => {
  it('a solved code verifies as solved, on any day: it carries its start', async () => {
    const v = await verifyCompletionCode(stored('lsc-install-solved.txt'), { keySource: pooledKeys });
    expect(v.ok && { solved: v.value.solved, exercise: v.value.code.exercise, solution: v.value.code.solutionShown }).toEqual({ solved: true, exercise: 'lsc-install', solution: true });
  });

  it('a student’s solved class code verifies under the student’s name', async () => {
    const v = await verifyCompletionCode(stored('dns-record-missing-ada-solved.txt'), { keySource: pooledKeys });
    expect(v.ok && [v.value.solved, v.value.code.student, v.value.code.classCode]).toEqual([true, 'Ada Lovelace', 'NET-301']);
    expect(v.ok && v.value.timeTakenMs).toBeGreaterThan(0);
  });

  it('an intact code of an unsolved lab says so, with the goals still open', async () => {
    const v = await verifyCompletionCode(stored('capf-stopped-grace-unsolved.txt'), { keySource: pooledKeys });
    expect(v.ok && v.value.solved).toBe(false);
    expect(v.ok && v.value.goals.filter((g) => !g.passed).map((g) => g.goal.id)).toContain('capf-running');
  });

  it('codes made for an older exercise version or simulation version are reported as such, in words', async () => {
    const exercise = await verifyCompletionCode(stored('lsc-install-exercise-v0.txt'));
    expect(exercise).toMatchObject({ ok: false, kind: 'version' });
    expect(!exercise.ok && say(exercise.reason)).toBe('The code was made for version 0 of the exercise “lsc-install”; this lab has version 1, so its result cannot be checked here.');
    const sim = await verifyCompletionCode(stored('lsc-install-sim0.txt'));
    expect(!sim.ok && say(sim.reason)).toBe(`The code was made with simulation version 0; this lab runs version ${SIM_VERSION}, so its result cannot be checked here.`);
  });
});

describe('completion codes as untrusted text', () => {
  const code = () => stored('dns-record-missing-ada-solved.txt').trim();

  it('survive copying: line breaks and spaces inside are ignored', async () => {
    const c = code();
    const wrapped = `  ${c.slice(0, 60)}\n${c.slice(60, 130)}\r\n ${c.slice(130)}\n`;
    expect((await readCompletionCode(wrapped)).ok).toBe(true);
  });

  it('a changed character, a cut or a foreign text is refused with a reason, never a throw', async () => {
    const c = code();
    const flip = (i: number) => c.slice(0, i) + (c[i] === 'A' ? 'B' : 'A') + c.slice(i + 1);
    for (const [text, key] of [
      [flip(20), 'codes.code.tampered'],
      [flip(c.length - 3), 'codes.code.tampered'],
      [c.slice(0, c.length - 40), 'codes.code.tampered'],
      [c.slice(0, c.lastIndexOf('.')), 'codes.code.tampered'],
      [`${c.slice(0, 30)}*${c.slice(31)}`, 'codes.code.encoding'],
      ['hello', 'codes.code.notACode'],
      ['', 'codes.code.empty'],
      [`${CODE_PREFIX}%%%.AAAAAAAAAAA`, 'codes.code.encoding'],
      [`${CODE_PREFIX}${'A'.repeat(600_000)}`, 'codes.code.tooLarge'],
      [42, 'codes.code.empty'],
    ] as const) {
      const r = await readCompletionCode(text);
      expect(r.ok, String(text).slice(0, 40)).toBe(false);
      expect(!r.ok && r.reason.key, String(text).slice(0, 40)).toBe(key);
      expect(!r.ok && say(r.reason)).not.toMatch(/^codes\./);
    }
  });

  it('a code whose name was changed no longer matches its seed: reported as changed', async () => {
    const r = await readCompletionCode(code());
    if (!r.ok) throw new Error('unreadable');
    const renamed = await writeCompletionCode({ ...r.value, student: 'Grace Hopper' });
    const v = await verifyCompletionCode(renamed);
    expect(v).toMatchObject({ ok: false, kind: 'tampered', reason: { key: 'codes.verify.seedMismatch' } });
  });

  it('one student’s actions replayed as another student’s lab do not pass: their labs differ', async () => {
    const r = await readCompletionCode(code());
    if (!r.ok) throw new Error('unreadable');
    const other = await writeCompletionCode({ ...r.value, student: 'Grace Hopper', seed: classSeed('NET-301', 'Grace Hopper') });
    const v = await verifyCompletionCode(other, { keySource: pooledKeys });
    expect(v.ok && v.value.solved).toBe(false);
  });

  it('an action of an unknown kind or shape is refused before anything is replayed', async () => {
    const r = await readCompletionCode(code());
    if (!r.ok) throw new Error('unreadable');
    for (const action of [{ type: 'rm -rf' }, { type: 'cli', node: 'ao115pub' }, { type: 'cli', node: 'ao115pub', command: 7 }, { type: 'dns.record.set', name: 'x', address: 'y', extra: 1 }]) {
      const bad = await writeCompletionCode({ ...r.value, actions: [{ at: r.value.start + 1, n: 0, by: 'learner', action: action as never }] });
      const read = await readCompletionCode(bad);
      expect(read.ok, JSON.stringify(action)).toBe(false);
      expect(!read.ok && read.reason.key).toBe('codes.malformed.action');
    }
  });
});

describe('the class seed', () => {
  it('is the same for the same class and name however they are typed (trimmed, NFC, case-folded), and differs between students', () => {
    expect(classSeed('NET-301', 'Ada Lovelace')).toBe(classSeed('  net-301 ', 'ADA LOVELACE'));
    expect(classSeed('K1', 'Jürgen Groß')).toBe(classSeed('k1', 'JU\u0308RGEN GROSS'));
    expect(classSeed('NET-301', 'Ada Lovelace')).not.toBe(classSeed('NET-301', 'Grace Hopper'));
    expect(classSeed('NET-301', 'Ada')).toMatch(/^[0-9a-f]{16}$/);
    expect(foldText(' Ｓｔｒａßｅ ')).toBe('ｓｔｒａssｅ');
  });
});

describe('share links', () => {
  const doc: LabDocument = {
    sim: SIM_VERSION,
    scenario: 'seed-lab',
    seed: 5,
    start: Date.UTC(2026, 2, 16, 13),
    faults: ['dns.capf-host-missing'],
    mystery: true,
    actions: [
      { at: Date.UTC(2026, 2, 16, 13, 1), n: 0, by: 'setup', action: { type: 'serviceability.stop', node: 'ao115pub', service: 'capf' } },
      { at: Date.UTC(2026, 2, 16, 13, 2), n: 2, by: 'learner', action: { type: 'lab.ca.sign', csr: { blocks: [{ role: 'capf-csr', device: 'SEP682C7B5C2342' }] } } },
    ],
    now: Date.UTC(2026, 2, 16, 13, 30),
  };

  it('round-trip: the fragment rebuilds scenario, seed, start, faults, setup and learner actions', async () => {
    const link = await writeShareLink(doc);
    expect(link.startsWith(SHARE_PREFIX)).toBe(true);
    expect(await readShareLink(link)).toEqual({ ok: true, value: { ...doc, exercise: undefined } });
    expect(await readShareLink(`https://example.org/lab/index.html${link}`)).toMatchObject({ ok: true });
  });

  it('a damaged, cut, foreign or future-format link is refused with a reason', async () => {
    const link = await writeShareLink(doc);
    for (const [text, key] of [
      [link.slice(0, -5), 'codes.link.tampered'],
      [link.replace('v=1', 'v=2'), 'codes.link.version'],
      ['#/share?v=1&lab=', 'codes.link.encoding'],
      ['', 'codes.link.empty'],
    ] as const) {
      const r = await readShareLink(text);
      expect(!r.ok && r.reason.key, text.slice(0, 30)).toBe(key);
    }
  });
});

describe('the action schema', () => {
  it('accepts every shape the lab records and refuses others with the field named', () => {
    expect(checkAction({ type: 'cucm.phone.applyConfig', device: 'SEP1' }).ok).toBe(true);
    expect(checkAction({ type: 'os.certificate.upload', node: 'n', purpose: 'CAPF-trust', pem: { blocks: [{ role: 'lab-ca' }, { pem: 'x' }] } }).ok).toBe(true);
    expect(checkAction({ type: 'os.certificate.upload', node: 'n', purpose: 'CAPF-trust', pem: { blocks: [{ role: 'nope' }] } })).toEqual({ ok: false, error: 'os.certificate.upload.pem block 1 names no known certificate' });
    expect(checkAction({ type: 'cucm.phone.save', device: 'SEP1', capf: { certificateOperation: 'Install/Upgrade' } })).toEqual({ ok: false, error: 'cucm.phone.save.capf.authenticationMode is missing' });
    expect(checkAction(null)).toEqual({ ok: false, error: 'an action has no type' });
    // A fleet's bulk job: its query's criteria are checked one by one.
    const capf = { certificateOperation: 'Install/Upgrade', authenticationMode: 'By Null String', uniqueAuthenticationStrings: false, keyOrder: 'EC Preferred, RSA Backup', rsaKeySize: 2048, ecKeySize: 256, operationCompletesBy: '' };
    const job = { type: 'bat.phones.update', query: { criteria: [{ field: 'LSC Status', operator: 'is exactly', value: 'Not Installed' }] }, capf, resetOption: 'Reset/Restart phones', run: 'immediately' };
    expect(checkAction(job).ok).toBe(true);
    expect(checkAction({ ...job, query: { criteria: [{ field: 'LSC Status', operator: 'is exactly' }] } })).toEqual({ ok: false, error: 'bat.phones.update.query.criteria[0].value is missing' });
    expect(checkAction({ ...job, query: { criteria: 'all' } })).toEqual({ ok: false, error: 'bat.phones.update.query has no list of criteria' });
    expect(checkAction({ type: 'bat.job.activate', id: '1001' })).toEqual({ ok: false, error: 'bat.job.activate.id is not a number' });
  });
});
