/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { fileURLToPath } from 'node:url';
import { offlineHtml } from './src/node/offline-html.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The site is a plain folder of files: relative asset URLs (base './') let a teacher host dist/ under
// any sub-path. index.html lives in src/ so the top level stays as the project layout requires.
export default defineConfig({
  root: here('./src'),
  base: './',
  publicDir: here('./static'),
  // offlineHtml: the site's Content-Security-Policy, and dist/lsc-lab-offline.html after each build.
  plugins: [svelte({ compilerOptions: { runes: true } }), svelteTesting(), offlineHtml()],
  build: { outDir: here('./dist'), emptyOutDir: true, target: 'es2022', manifest: true, chunkSizeWarningLimit: 700 },
  test: {
    root: here('.'),
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    testTimeout: 60000,
    hookTimeout: 60000,
  },
});
