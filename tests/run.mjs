// The whole test suite, as `npm test` and `.ci/run` run it: the type check (tsc and svelte-check, counted as
// one test: Vitest strips types without checking them), unit and component tests (Vitest, Node and
// happy-dom), then the browser tests in real Chromium against a production build once they exist.
// Ends with one plain "N passed, N failed" line that CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const vitest = `${root}node_modules/vitest/vitest.mjs`;
let passed = 0;
let failed = 0;

function run(label, args) {
  const report = `${root}.vitest-${label}.json`;
  rmSync(report, { force: true });
  console.log(`\n=== ${label} tests ===`);
  const r = spawnSync(process.execPath, [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`, ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  if (!existsSync(report)) {
    console.error(`${label}: Vitest produced no report (exit ${r.status}); counting the run as one failure.`);
    failed += 1;
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  // A test file that fails to load has no tests in the counts: count it, or a broken import would pass CI.
  const brokenFiles = json.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  failed += brokenFiles;
  if (json.numPendingTests + json.numTodoTests > 0) {
    console.error(`${label}: ${json.numPendingTests + json.numTodoTests} skipped tests; skipping is not allowed here.`);
    failed += json.numPendingTests + json.numTodoTests;
  }
  if (r.status !== 0 && json.numFailedTests + brokenFiles === 0) failed += 1;
}

console.log('\n=== type check (npm run check) ===');
const check = spawnSync('npm', ['run', '--silent', 'check'], { cwd: root, stdio: 'inherit' });
if (check.status === 0) passed += 1;
else {
  console.error('the type check failed (npm run check).');
  failed += 1;
}

run('unit', []);
if (existsSync(`${root}tests/e2e/vitest.e2e.config.ts`)) {
  console.log('\n=== production build for browser tests ===');
  const b = spawnSync(process.execPath, [`${root}node_modules/vite/bin/vite.js`, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) {
    console.error('vite build failed; the browser tests cannot run.');
    failed += 1;
  } else {
    run('browser', ['-c', 'tests/e2e/vitest.e2e.config.ts']);
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
