// Builds src/sw/service-worker.ts into <outDir>/sw.js after the app is written, with the list of
// files to precache and a version (a hash of their contents) baked in: a new build is a new
// sw.js, so the browser installs it and its cache name, and drops the old cache.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { build, type Plugin } from 'vite';

/** `files`: cached at install; `onDemand`: cached the first time the app fetches them (large, rarely used). */
export interface PrecacheManifest { version: string; files: string[]; onDemand: string[] }

const SW_FILE = 'sw.js';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

export function precacheManifest(outDir: string, skip: (file: string) => boolean, onDemand: (file: string) => boolean = () => false): PrecacheManifest {
  const all = listFiles(outDir).filter((f) => f !== SW_FILE && !skip(f));
  const hash = createHash('sha256');
  for (const f of all) hash.update(f).update('\0').update(readFileSync(join(outDir, f)));
  return { version: hash.digest('hex').slice(0, 12), files: all.filter((f) => !onDemand(f)), onDemand: all.filter(onDemand) };
}

/** `skip`: built files the app itself never needs offline (the benchmark page); `onDemand`: ones it caches when first used. */
export function serviceWorkerPlugin(options: { entry: string; skip: (file: string) => boolean; onDemand?: (file: string) => boolean }): Plugin {
  let outDir = '';
  let root = '';
  return {
    name: 'rlhf-service-worker',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(root, config.build.outDir);
    },
    async closeBundle() {
      const manifest = precacheManifest(outDir, options.skip, options.onDemand);
      // A classic script (module service workers are not in every browser yet), one file, no imports left.
      const result = await build({
        configFile: false,
        root,
        publicDir: false,
        logLevel: 'silent',
        define: { __PRECACHE_MANIFEST__: JSON.stringify(manifest) },
        build: {
          write: false, // held in memory: nothing of the app's output is emptied or copied over
          outDir,
          emptyOutDir: false,
          minify: true,
          target: 'es2022',
          lib: { entry: resolve(root, options.entry), formats: ['iife'], name: 'rlhfServiceWorker', fileName: () => SW_FILE },
        },
      });
      const outputs = Array.isArray(result) ? result : [result];
      const chunk = outputs.flatMap((o) => ('output' in o ? o.output : [])).find((c) => c.type === 'chunk');
      if (!chunk || chunk.type !== 'chunk') throw new Error('The service worker build produced no script');
      writeFileSync(join(outDir, SW_FILE), chunk.code);
    },
  };
}
