/**
 * Serves the production build (dist/) with Vite's preview() API on a free port, under a sub-path (the
 * site is built with base './', so a teacher can host it anywhere), and hands its URL to the tests.
 * The preview server also answers to a non-loopback name (NON_SECURE_HOST), so a test can open the site
 * where the browser gives it no WebCrypto.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

/** Like a course site: https://example.org/courses/lsc-lab/ */
export const SUB_PATH = '/courses/lsc-lab/';
/** Mapped to 127.0.0.1 by Chromium's --host-resolver-rules: http on a non-loopback name is not a secure context. */
export const NON_SECURE_HOST = 'lsc-lab.test';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:<port>/courses/lsc-lab/ */
    baseURL: string;
    port: number;
    subPath: string;
    nonSecureHost: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

let server: PreviewServer | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(`${root}dist/index.html`)) throw new Error('dist/index.html is missing: build the site first (npx vite build)');
  const port = await freePort();
  server = await preview({
    configFile: `${root}vite.config.ts`,
    base: SUB_PATH,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port, strictPort: true, open: false, allowedHosts: [NON_SECURE_HOST] },
  });
  project.provide('baseURL', `http://127.0.0.1:${port}${SUB_PATH}`);
  project.provide('port', port);
  project.provide('subPath', SUB_PATH);
  project.provide('nonSecureHost', NON_SECURE_HOST);
  return async () => {
    await server?.close();
    server = undefined;
  };
}
