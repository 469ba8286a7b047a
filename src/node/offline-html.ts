/**
 * Build-time (Node only): the Content-Security-Policy of the site, and `dist/lsc-lab-offline.html`, the whole
 * lab as one file a teacher can hand out on a USB stick and a learner opens straight from disk (file://).
 *
 * Why one file, and why built a second time: browsers refuse module scripts and dynamic imports from
 * file:// (origin null), so the offline file cannot load the site's chunks. After the site's build, a second
 * build of the same sources runs with code splitting off (every lazy screen and language inlined into one
 * script), the CSS in one sheet and the Workers inlined (the inspector's through Vite's `?worker&inline`, the
 * statechart layout's classic script imported `?url` through a blob: URL made from its text). The HTML then gets the script, the style sheet and the icon inlined, and a
 * CSP that allows exactly that script (by its SHA-256), blob: Workers, inline styles and data: images —
 * and no network at all.
 *
 * Written here rather than taken from a plugin (vite-plugin-singlefile and the like): those inline scripts
 * and styles but neither turn a Worker into a blob: URL nor write a hash-based CSP, and the whole job is
 * this file.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { build, type Plugin, type ResolvedConfig } from 'vite';

export const OFFLINE_FILE = 'lsc-lab-offline.html';
/** The mode of the nested build: the plugin then inlines Workers and does not start another build. */
const OFFLINE_MODE = 'offline-single-file';

/**
 * The hosted site: scripts, styles, images, fonts, fetches and Workers only from its own origin (Workers
 * also from blob:, as Vite may wrap them). Inline styles are allowed because Svelte sets style attributes.
 * `frame-ancestors` cannot be set from a <meta> tag; a host that wants it sets the header.
 */
export const SITE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** The offline file: its one inline script by hash, and nothing from any network. */
export function offlineCsp(scriptHash: string): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    'font-src data:',
    'worker-src blob:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const cspMeta = (policy: string) => `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;

const MIME: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.webp': 'image/webp',
};

function dataUrl(path: string): string {
  return `data:${MIME[extname(path)] ?? 'application/octet-stream'};base64,${readFileSync(path).toString('base64')}`;
}

/**
 * Script text that is safe between <script> and </script>: "</script" and "<!--" (which switch the HTML
 * parser's script states) only occur inside strings, templates, regexes and comments, where "\x3C" reads
 * back as "<".
 */
export function scriptSafe(code: string): string {
  return code.replace(/<\/(script)/gi, '\\x3C/$1').replace(/<!--/g, '\\x3C!--');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** One HTML file from the nested build's output folder; the icon comes from the public folder. */
export function assembleOfflineHtml(outDir: string, publicDir: string): { html: string; scriptHash: string } {
  let html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const assets = filesUnder(join(outDir, 'assets'));
  const scripts = assets.filter((f) => f.endsWith('.js'));
  if (scripts.length !== 1) throw new Error(`offline build: expected one script, found ${scripts.map((f) => f.slice(outDir.length)).join(', ')}`);
  const styles = assets.filter((f) => f.endsWith('.css'));
  const others = assets.filter((f) => !f.endsWith('.js') && !f.endsWith('.css'));
  const inlineAssets = (text: string) => others.reduce((t, f) => t.split(`./assets/${f.slice(join(outDir, 'assets').length + 1)}`).join(dataUrl(f)), text);

  const code = scriptSafe(inlineAssets(readFileSync(scripts[0], 'utf8')));
  const css = styles.map((f) => inlineAssets(readFileSync(f, 'utf8'))).join('\n').replace(/<\/(style)/gi, '\\3C/$1');
  const scriptHash = createHash('sha256').update(code, 'utf8').digest('base64');

  html = html
    .replace(/<script type="module"[^>]*src="[^"]*"[^>]*><\/script>/, () => `<script type="module">${code}</script>`)
    .replace(/<link rel="modulepreload"[^>]*>\s*/g, '')
    .replace(/<link rel="stylesheet"[^>]*>\s*/g, () => '')
    .replace('</head>', () => `<style>${css}</style>\n</head>`)
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, () => cspMeta(offlineCsp(scriptHash)))
    .replace(/<link rel="icon" href="\.\/([^"]+)"\s*\/?>/, (_, icon: string) => `<link rel="icon" href="${dataUrl(join(publicDir, icon))}" />`);
  const leftover = /(?:src|href)="\.\/[^"]*"/.exec(html);
  if (leftover) throw new Error(`offline build: ${leftover[0]} is still a file reference`);
  return { html, scriptHash };
}

/**
 * The plugin: the site's CSP <meta>; after the site's build, the offline file next to it. In the nested
 * build it only turns `?worker` imports into `?worker&inline` and leaves the CSP to assembleOfflineHtml.
 */
export function offlineHtml(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'lsc-lab:offline-html',
    apply: 'build',
    // Before Vite's own resolver, which would otherwise turn `?url` into a file of its own.
    enforce: 'pre',
    config() {
      // The offline file is a whole second build inside closeBundle; rolldown would report that as a slow plugin.
      return { build: { rolldownOptions: { checks: { bundlerTimings: false } } } };
    },
    configResolved(resolved) {
      config = resolved;
    },
    // A classic Worker script imported by URL (elkjs's layout worker, `…worker.min.js?url`) would be a file of its
    // own; in the offline file it becomes a blob: URL made from the script's text.
    async resolveId(source, importer) {
      if (config.mode !== OFFLINE_MODE || !/\.js\?url$/.test(source)) return null;
      const resolved = await this.resolve(source.slice(0, -'?url'.length), importer, { skipSelf: true });
      return resolved ? `\0offline-blob-url:${resolved.id}` : null;
    },
    load(id) {
      if (!id.startsWith('\0offline-blob-url:')) return null;
      const path = id.slice('\0offline-blob-url:'.length);
      return `import text from ${JSON.stringify(`${path}?raw`)};\nexport default URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));\n`;
    },
    transform(code, id) {
      if (config.mode !== OFFLINE_MODE || id.includes('node_modules') || !code.includes('?worker')) return null;
      return { code: code.replace(/\?worker(['"])/g, '?worker&inline$1'), map: null };
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: SITE_CSP }, injectTo: 'head-prepend' }],
    },
    async closeBundle() {
      if (config.mode === OFFLINE_MODE || config.build.watch) return;
      const outDir = mkdtempSync(join(tmpdir(), 'lsc-lab-offline-'));
      try {
        await build({
          configFile: config.configFile,
          mode: OFFLINE_MODE,
          logLevel: 'warn',
          build: {
            outDir,
            emptyOutDir: true,
            manifest: false,
            copyPublicDir: false,
            cssCodeSplit: false,
            modulePreload: false,
            // One script is the point here; the site's chunk budget does not apply to the offline file.
            chunkSizeWarningLimit: 8192,
            rolldownOptions: { output: { codeSplitting: false } },
          },
        });
        const { html } = assembleOfflineHtml(outDir, config.publicDir);
        writeFileSync(join(config.build.outDir, OFFLINE_FILE), html);
      } finally {
        rmSync(outDir, { recursive: true, force: true });
      }
    },
  };
}
