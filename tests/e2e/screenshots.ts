/**
 * The README's pictures, taken from the real site in real Chromium: `npm run screenshots` builds the site,
 * serves it, works the seed procedure through the CUCM pages and photographs the main screens on the way
 * into static/screenshots/. Re-run it after changing a screen; the pictures are never edited by hand.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { preview } from 'vite';
import { launch, openLab, playFor, playUntil, playUntilRegistered, show } from './browser';
import { findExercise } from '../../src/content/exercises';
import { INSTALL_TUTORIAL } from '../../src/content/tutorial';
import { formatMessage, type Catalogue, type Locale, type MessageParams } from '../../src/content/messages/format';
import type { MessageKey } from '../../src/content/messages';
import enShell from '../../src/content/messages/en/shell';
import deCore from '../../src/content/messages/de/index';
import deExercises from '../../src/content/messages/de/exercises';
import deFaults from '../../src/content/messages/de/faults';
import deTeacher from '../../src/content/messages/de/teacher';
import deTutorial from '../../src/content/messages/de/tutorial';
import jaCore from '../../src/content/messages/ja/index';
import jaExercises from '../../src/content/messages/ja/exercises';
import jaFaults from '../../src/content/messages/ja/faults';
import jaTeacher from '../../src/content/messages/ja/teacher';
import jaTutorial from '../../src/content/messages/ja/tutorial';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = join(root, 'static/screenshots');
const PHONE = 'SEP682C7B5C2342';

/**
 * The German and Japanese pictures find their headings and buttons through the lab's own catalogues, so a
 * changed translation changes what the script looks for instead of breaking it.
 */
type Tongue = Exclude<Locale, 'en'>;
const MESSAGES: Record<Locale, Catalogue> = {
  en: enShell,
  de: { ...deCore, ...deExercises, ...deFaults, ...deTeacher, ...deTutorial },
  ja: { ...jaCore, ...jaExercises, ...jaFaults, ...jaTeacher, ...jaTutorial },
};
const say = (lang: Locale, key: MessageKey, params?: MessageParams): string => formatMessage(lang, MESSAGES[lang], key, params);
/** A student of each language, so the Teacher page's table shows a name written the way that class writes it. */
const STUDENT: Record<Tongue, string> = { de: 'Jana Schmidt', ja: '山田 花子' };

const built = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) throw new Error('vite build failed');

const server = await preview({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, open: false } });
const address = server.httpServer.address();
if (!address || typeof address !== 'object') throw new Error('preview server has no port');
const browser = await launch();

async function shoot(page: Page, name: string, what: string): Promise<void> {
  await page.mouse.move(0, 0); // no hover highlight in the picture
  mkdirSync(dirname(join(out, `${name}.png`)), { recursive: true });
  await page.screenshot({ path: join(out, `${name}.png`) });
  console.log(`static/screenshots/${name}.png — ${what}`);
}

try {
  mkdirSync(out, { recursive: true });
  const base = `http://127.0.0.1:${address.port}/`;
  const { page, context, problems } = await openLab(browser, base);
  await playUntilRegistered(page);
  await show(page, '#/?start=here', 'Topology');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, 'start-here', 'The home page: Start here, the way into the tutorial and the exercises, the glossary');

  await show(page, `#/cucm/phone?device=${PHONE}`, 'Phone Configuration');
  await page.getByLabel('Certificate Operation', { exact: true }).selectOption('Install/Upgrade');
  await page.getByLabel('Authentication Mode', { exact: true }).selectOption('By Null String');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Update successful').waitFor();
  await page.getByRole('group', { name: 'Certification Authority Proxy Function (CAPF) Information' }).scrollIntoViewIfNeeded();
  await shoot(page, 'phone-configuration', 'Device > Phone: the CAPF Information section after Save');

  await page.getByRole('button', { name: 'Apply Config', exact: true }).click();
  await page.getByRole('alertdialog', { name: 'Apply Configuration Information' }).getByRole('button', { name: 'OK', exact: true }).click();

  // The topology while the phone restarts for its CAPF operation: messages moving on the links.
  await show(page, '#/', 'Topology');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('2');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.locator('circle.pulse').first().waitFor({ timeout: 30_000 });
  await shoot(page, 'topology', 'the lab as a topology: publisher, subscriber, DNS, the phone, messages moving on the links');

  await show(page, `#/cucm/phone?device=${PHONE}`, 'Phone Configuration');
  await playUntil(page, () => page.getByText('Certificate Operation Status: Upgrade Success').isVisible(), 'Upgrade Success');
  await playFor(page, 90); // the phone resets and boots with its LSC

  await show(page, '#/logs?source=phone-status', 'Logs');
  await shoot(page, 'logs', "Logs: the phone's status messages during the enrolment");

  await show(page, '#/trace', 'Message trace');
  await page.getByRole('button', { name: 'No protocol' }).click();
  await page.getByRole('checkbox', { name: /^CAPF/ }).check();
  await page.getByRole('checkbox', { name: /^TLS/ }).check();
  const ladder = page.getByRole('group', { name: /^Ladder diagram of \d+ messages$/ });
  await ladder.getByRole('button', { name: /: CAPF AUTH_RESPONSE\b/ }).click();
  await page.getByRole('heading', { level: 2, name: 'Ladder diagram' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await shoot(page, 'message-trace', 'Message trace: the CAPF exchange as a ladder diagram, one message selected');

  await show(page, '#/cli?node=ao115pub', 'Admin CLI: ao115pub (10.122.138.102)');
  const prompt = page.getByRole('textbox').last();
  await prompt.fill('show itl');
  await prompt.press('Enter');
  await page.getByText('The ITL file was verified successfully.').waitFor();
  await shoot(page, 'admin-cli', 'Admin CLI: show itl on the publisher');

  await show(page, '#/os/certificates', 'Certificate List');
  await shoot(page, 'certificate-list', 'Cisco Unified OS Administration: Certificate List');

  await show(page, '#/statecharts?actor=capf%40ao115pub', 'Statecharts');
  await page.getByRole('group', { name: 'Statechart diagram of the machine capf' }).waitFor({ timeout: 30_000 });
  await page.getByRole('heading', { level: 2, name: /CAPF service on ao115pub/ }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await shoot(page, 'statecharts', 'Statecharts: the CAPF service drawn from its definition, its active state highlighted');

  await show(page, '#/faults', 'Faults');
  await shoot(page, 'faults', 'Faults: the catalogue, one click to inject');

  await show(page, `#/phone?device=${PHONE}`, `Cisco IP Phone CP-8845 (${PHONE})`);
  await page.getByRole('button', { name: 'Release' }).click();
  await page.getByRole('button', { name: 'Applications' }).click();
  await page.getByRole('button', { name: '2', exact: true }).click();
  await page.getByRole('button', { name: '1', exact: true }).click();
  await shoot(page, 'phone', 'The phone: Applications > Admin Settings > Security Setup, LSC Installed');

  // Last, because it changes the lab: the CAPF certificate regenerated without a TFTP restart, as the trust
  // map shows it — the ITLs' CAPF records and the phone's pin broken, in red and in words.
  await show(page, '#/faults', 'Faults');
  await page.getByRole('button', { name: 'Inject CAPF certificate regenerated, TFTP not restarted' }).click();
  await show(page, '#/trust', 'Trust map');
  const broken = page.getByRole('heading', { level: 2, name: /^Broken now: \d+ links$/ });
  await broken.waitFor({ timeout: 30_000 });
  await broken.evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await shoot(page, 'trust-map', "Trust map: a regenerated CAPF certificate breaks the ITLs' CAPF records and the phone's pin");

  if (problems.length) throw new Error(`the page reported problems:\n${problems.join('\n')}`);
  await context.close();

  // The tutorial beside the pages, in a lab of its own.
  const learner = await openLab(browser, base);
  await playUntilRegistered(learner.page);
  await show(learner.page, '#/tutorial', 'Tutorial');
  await learner.page.getByRole('button', { name: 'Open this tutorial: Install an LSC, step by step (TAC 213295)' }).click();
  await learner.page.getByRole('complementary', { name: 'Tutorial' }).getByRole('link', { name: 'Open the page: Check the CAPF certificate' }).click();
  await learner.page.getByRole('heading', { level: 1, name: /^Certificate Details for CAPF-/ }).waitFor();
  await shoot(learner.page, 'tutorial', 'The tutorial beside the pages: step 1 done, step 2 next, with why, where and what to expect');
  await learner.context.close();

  // A class: a student's exercise with a hint open, the solution shown, and the teacher's table.
  const student = await openLab(browser, base);
  await show(student.page, '#/class?exercise=dns-record-missing&class=NET-301', 'Join the exercise');
  await student.page.getByLabel('Your name').fill('Ada Lovelace');
  await student.page.getByRole('button', { name: 'Start the exercise' }).click();
  await student.page.getByRole('heading', { level: 1, name: 'DNS record missing' }).waitFor({ timeout: 60_000 });
  await student.page.getByRole('button', { name: 'Show hint 1' }).click();
  await student.page.getByRole('button', { name: 'Check', exact: true }).click();
  await shoot(student.page, 'exercise', 'An exercise: the task, what is graded with each goal Passed or Not yet, a hint open');
  await student.page.getByRole('button', { name: 'Show solution' }).click();
  await student.page.getByRole('button', { name: 'Show the solution' }).click();
  await student.page.getByText(/The solution’s steps are done/).waitFor({ timeout: 60_000 });
  await playUntil(student.page, async () => (await student.page.getByTestId('goals').getByText('Passed').count()) === 3, 'every goal passed', 120_000);
  await student.page.getByRole('button', { name: 'Make the completion code' }).click();
  const code = await student.page.getByLabel('Your completion code').inputValue();
  // The teacher works in their own lab, not beside the student's exercise goals.
  await student.page.getByRole('button', { name: 'Leave exercise', exact: true }).click();
  await show(student.page, '#/exercises', 'Exercises');
  await show(student.page, '#/teacher', 'Teacher');
  await student.page.getByLabel('Class code').fill('NET-301');
  await student.page.getByRole('button', { name: 'Make the link' }).click();
  await student.page.getByLabel(/Completion codes/).fill(`${code}\nLSC1.this-one-was-cut-short`);
  await student.page.getByRole('button', { name: 'Verify', exact: true }).click();
  await student.page.getByText('2 codes verified.').waitFor({ timeout: 90_000 });
  await scrollToTop(student.page.getByRole('heading', { level: 2, name: 'Verify completion codes' }));
  await shoot(student.page, 'teacher', "The Teacher page: a class link, and students' completion codes verified by replaying them");
  if (student.problems.length) throw new Error(`the page reported problems:\n${student.problems.join('\n')}`);
  await student.context.close();

  // The lab's own screens in German, then in Japanese: one running lab, its language switched with the header's
  // language menu (labelled in the language the lab speaks at that moment), as a learner would.
  const tour = await openLab(browser, base);
  await playUntilRegistered(tour.page);
  let speaking: Locale = 'en';
  for (const lang of ['de', 'ja'] as const) {
    await switchLanguage(tour.page, speaking, lang);
    speaking = lang;
    await photographLabIn(tour.page, lang);
  }
  await switchLanguage(tour.page, speaking, 'en');
  if (tour.problems.length) throw new Error(`the page reported problems:\n${tour.problems.join('\n')}`);
  await tour.context.close();
} finally {
  await browser.close();
  await server.close();
}

/** Scroll the page down (never sideways) until `target` is at the top of the window. */
async function scrollToTop(target: Locator): Promise<void> {
  await target.evaluate((el) => window.scrollTo({ left: 0, top: el.getBoundingClientRect().top + window.scrollY - 8, behavior: 'instant' }));
}

async function switchLanguage(page: Page, from: Locale, to: Locale): Promise<void> {
  await page.getByRole('combobox', { name: say(from, 'shell.language'), exact: true }).selectOption(to);
  await page.locator(`html[lang="${to}"]`).waitFor();
  await page.getByRole('combobox', { name: say(to, 'shell.language'), exact: true }).waitFor();
}

/** Let the lab play at 60× until `done` holds, with the header's controls named in `lang`. */
async function playUntilIn(page: Page, lang: Locale, done: () => Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  await page.getByRole('combobox', { name: say(lang, 'shell.speed'), exact: true }).selectOption('60');
  const play = page.getByRole('button', { name: say(lang, 'shell.play'), exact: true });
  if (await play.isVisible()) await play.click();
  for (const end = Date.now() + timeoutMs; Date.now() < end; ) {
    if (await done()) {
      await page.getByRole('button', { name: say(lang, 'shell.pause'), exact: true }).click();
      return;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Start here, the tutorial beside a page, the exercises, the faults, a student's exercise and the teacher's table. */
async function photographLabIn(page: Page, lang: Tongue): Promise<void> {
  const s = (key: MessageKey, params?: MessageParams) => say(lang, key, params);

  await show(page, '#/?start=here', s('shell.nav.topology'));
  await page.getByRole('heading', { level: 2, name: s('start.title'), exact: true }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, `${lang}/start-here`, `${lang}: the home page with Start here`);

  // The tutorial's page lists every step with its link; the first opens Certificate Details (English, as CUCM).
  const tutorial = INSTALL_TUTORIAL.title[lang];
  const firstStep = INSTALL_TUTORIAL.steps[0].title[lang];
  await show(page, '#/tutorial', s('tutorial.title'));
  await page.getByRole('button', { name: s('tutorial.openNamed', { title: tutorial }), exact: true }).click();
  await page.getByRole('region', { name: tutorial, exact: true }).getByRole('link', { name: s('tutorial.goNamed', { title: firstStep }), exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /^Certificate Details for CAPF-/ }).waitFor();
  const panel = page.getByRole('complementary', { name: s('tutorial.panel'), exact: true });
  await panel.getByText(s('tutorial.done'), { exact: true }).first().waitFor();
  await shoot(page, `${lang}/tutorial`, `${lang}: the tutorial beside Certificate Details, step 1 done, step 2 next`);
  await panel.getByRole('button', { name: s('tutorial.close'), exact: true }).click();

  await show(page, '#/exercises', s('exercises.title'));
  await shoot(page, `${lang}/exercises`, `${lang}: the exercises with their kind and status`);

  await show(page, '#/faults', s('shell.nav.faults'));
  await page.getByRole('heading', { name: s('faults.catalogueHeading'), exact: true }).waitFor();
  await shoot(page, `${lang}/faults`, `${lang}: the fault catalogue, one click to inject`);

  const exercise = findExercise('dns-record-missing');
  if (!exercise) throw new Error('the exercise dns-record-missing is gone');
  const title = exercise.title[lang];
  await show(page, '#/class?exercise=dns-record-missing&class=NET-301', s('exercises.class.title'));
  await page.getByLabel(s('exercises.class.name'), { exact: true }).fill(STUDENT[lang]);
  await page.getByRole('button', { name: s('exercises.class.start'), exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: s('exercises.showHint', { n: 1 }), exact: true }).click();
  await page.getByRole('button', { name: s('exercises.check'), exact: true }).click();
  await page.getByRole('list', { name: s('exercises.check'), exact: true }).waitFor();
  await scrollToTop(page.getByRole('heading', { level: 2, name: s('exercises.graded'), exact: true }));
  await shoot(page, `${lang}/exercise`, `${lang}: an exercise, the task, each goal ${s('exercises.goal.passed')} or ${s('exercises.goal.notYet')}, a hint open`);

  await page.getByRole('button', { name: s('exercises.showSolution'), exact: true }).click();
  await page.getByRole('button', { name: s('exercises.solutionConfirmButton'), exact: true }).click();
  await page.getByText(s('exercises.solutionDone'), { exact: true }).waitFor({ timeout: 60_000 });
  const goals = page.getByTestId('goals');
  await playUntilIn(page, lang, async () => (await goals.getByText(s('exercises.goal.passed'), { exact: true }).count()) === 3, 'every goal passed');
  await page.getByRole('button', { name: s('exercises.makeCode'), exact: true }).click();
  const code = await page.getByRole('textbox', { name: s('exercises.codeLabel'), exact: true }).inputValue();
  // Back to the free lab: the teacher's page without the exercise beside it, and the next language starting
  // where a learner would.
  await page.getByRole('button', { name: s('exercises.leave'), exact: true }).click();
  await show(page, '#/exercises', s('exercises.title'));

  await show(page, '#/teacher', s('teacher.title'));
  await page.getByLabel(s('teacher.classCode'), { exact: true }).fill('NET-301');
  await page.getByRole('button', { name: s('teacher.makeLink'), exact: true }).click();
  await page.getByLabel(s('teacher.codes'), { exact: true }).fill(`${code}\nLSC1.this-one-was-cut-short`);
  await page.getByRole('button', { name: s('teacher.verify'), exact: true }).click();
  await page.getByText(s('teacher.done', { count: 2 }), { exact: true }).waitFor({ timeout: 90_000 });
  await scrollToTop(page.getByRole('heading', { level: 2, name: s('teacher.verifyTitle'), exact: true }));
  await shoot(page, `${lang}/teacher`, `${lang}: the Teacher page, completion codes verified by replaying them`);
}
