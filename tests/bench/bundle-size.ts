/**
 * What a first visit downloads before the lab's core arrives: the entry script, the shell (App) and the home
 * screen (Topology), with everything they import statically — measured gzip-compressed from the
 * production build's manifest. The core (XState, the world, its certificate code) and the other screens load later.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

export interface InitialSize {
  files: Array<{ file: string; gzipBytes: number }>;
  gzipBytes: number;
}

export function initialJavaScript(distDir: string): InitialSize {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.entries(manifest).find(([, c]) => c.isEntry);
  if (!entry) throw new Error('the build manifest has no entry');
  const firstLoads = [entry[0], 'ui/shell/App.svelte', 'ui/topology/Topology.svelte'].filter((k) => manifest[k]);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const dep of manifest[key].imports ?? []) visit(dep);
  };
  firstLoads.forEach(visit);
  const files = [...seen]
    .map((k) => manifest[k].file)
    .filter((f) => f.endsWith('.js'))
    .map((file) => ({ file, gzipBytes: gzipSync(readFileSync(join(distDir, file))).length }));
  return { files, gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0) };
}
