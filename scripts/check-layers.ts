// npm run check's layer rule: every import in src/ goes down the layers of the README's
// architecture section (or stays in its own layer), and tfjs is imported only where models run.
// Reads import specifiers with TypeScript's own pre-parser (type-only imports count: a type that
// lives in the wrong layer is the back-edge this check is for). Exits 1 listing each violation.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';

/** Highest first: a file may import its own layer or any lower one, never a higher or a sibling. */
const LAYERS: Array<{ name: string; rank: number; match: (path: string) => boolean }> = [
  { name: 'app', rank: 9, match: (p) => p === 'src/main.ts' || p === 'src/App.svelte' },
  { name: 'ui/state', rank: 7, match: (p) => p.startsWith('src/ui/state/') },
  { name: 'ui', rank: 8, match: (p) => p.startsWith('src/ui/') },
  { name: 'worker/client', rank: 6, match: (p) => p === 'src/lib/worker/client.ts' },
  { name: 'worker', rank: 5, match: (p) => p.startsWith('src/lib/worker/') },
  { name: 'engine', rank: 4, match: (p) => p.startsWith('src/lib/engine/') },
  { name: 'store', rank: 3, match: (p) => p.startsWith('src/lib/store/') },
  { name: 'rlhf', rank: 2, match: (p) => p.startsWith('src/lib/rlhf/') },
  { name: 'feedback', rank: 2, match: (p) => p.startsWith('src/lib/feedback/') },
  { name: 'storyworld', rank: 0.5, match: (p) => p.startsWith('src/lib/storyworld/') },
  { name: 'model', rank: 1, match: (p) => p.startsWith('src/lib/model/') },
  { name: 'util', rank: 0, match: (p) => p.startsWith('src/lib/util/') },
];

/** The layers whose code runs models; everywhere else tfjs is refused (the main thread never loads it). */
const TFJS_LAYERS = new Set(['worker', 'engine', 'rlhf', 'model']);

export function layerOf(path: string): { name: string; rank: number } | undefined {
  return LAYERS.find((l) => l.match(path));
}

/** The import specifiers of a .ts file, or of a .svelte file's script blocks. */
export function importsOf(path: string, text: string): string[] {
  const code = path.endsWith('.svelte') ? [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n') : text;
  return ts.preProcessFile(code, true, true).importedFiles.map((f) => f.fileName);
}

/** What is wrong with one import, or undefined. Paths are relative to the repository root. */
export function violation(from: string, spec: string): string | undefined {
  const source = layerOf(from);
  if (!source) return undefined;
  if (spec.startsWith('@tensorflow/')) {
    return TFJS_LAYERS.has(source.name) ? undefined : `${from} (${source.name}) imports ${spec}: tfjs belongs to ${[...TFJS_LAYERS].join(', ')}`;
  }
  if (!spec.startsWith('.')) return undefined;
  const target = layerOf(normalize(join(dirname(from), spec)));
  if (!target || target.name === source.name) return undefined;
  if (target.rank < source.rank) return undefined;
  return `${from} (${source.name}) imports ${spec} (${target.name}): ${target.rank === source.rank ? 'a sibling layer' : 'a higher layer'}`;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.cwd();
  const problems = filesUnder(join(root, 'src')).flatMap((abs) => {
    const path = relative(root, abs);
    return importsOf(path, readFileSync(abs, 'utf8')).map((spec) => violation(path, spec)).filter((v): v is string => !!v);
  });
  if (problems.length) {
    console.error(`Layer check: ${problems.length} import(s) break the layers (README, "Architecture"):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log('Layer check: every import in src/ goes down the layers.');
}
