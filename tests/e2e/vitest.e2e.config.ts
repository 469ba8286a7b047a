/**
 * Browser tests: real Chromium (playwright-core, /usr/bin/chromium) against the production build in dist/,
 * served by Vite's preview() from a sub-path (global-setup.ts). One file at a time: each test file
 * launches its own browser, and two cores do not run two Chromiums quickly.
 *
 *   npx vite build && npx vitest run -c tests/e2e/vitest.e2e.config.ts
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
