// The build fails when tfjs reaches the app page's own JavaScript. Training and generation run in
// the engine worker (its bundle is built apart, with `worker.plugins`); the main thread only renders,
// and tfjs there would add 1 MB to the first load and invite model code onto the UI thread.
// A UI file that imports a tfjs-using module, even for one constant, is what this catches.
import type { Plugin } from 'vite';

/** The modules in the page's chunks (static and dynamic imports, from the given HTML entry) that are tfjs. */
export function tfjsInPage(
  chunks: Record<string, { type: string; facadeModuleId?: string | null; imports?: string[]; dynamicImports?: string[]; moduleIds?: string[] }>,
  entryHtml: string,
): string[] {
  const entry = Object.entries(chunks).find(([, c]) => c.type === 'chunk' && c.facadeModuleId?.endsWith(entryHtml));
  if (!entry) return [];
  const seen = new Set<string>();
  const queue = [entry[0]];
  while (queue.length) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const c = chunks[name];
    if (c?.type === 'chunk') queue.push(...(c.imports ?? []), ...(c.dynamicImports ?? []));
  }
  return [...seen].flatMap((name) => (chunks[name]?.moduleIds ?? []).filter((id) => id.includes('/node_modules/@tensorflow/')));
}

export function mainThreadGuardPlugin({ entryHtml = 'index.html' } = {}): Plugin {
  return {
    name: 'rlhf-playground:main-thread-guard',
    apply: 'build',
    generateBundle(_options, bundle) {
      const found = tfjsInPage(bundle as unknown as Parameters<typeof tfjsInPage>[0], entryHtml);
      if (found.length) {
        this.error(`tfjs reached the main thread's bundle (${entryHtml}): ${found.length} tfjs modules, e.g. ${found[0]}. `
          + 'A UI file imports a module that imports tfjs: move the type or constant it needs to a tfjs-free file.');
      }
    },
  };
}
