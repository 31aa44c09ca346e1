// The app's Content-Security-Policy: everything from its own origin, nothing from anywhere else.
// Put in every page as a <meta> (so any static host enforces it on the document) and sent as a
// header by `vite` and `vite preview` (a worker takes its policy from its own response's headers,
// not from the page: only the header covers the engine worker and the service worker).
import type { Plugin } from 'vite';

const directives = (dev: boolean): Record<string, string[]> => ({
  'default-src': ["'self'"],
  // tfjs-backend-wasm compiles its .wasm binaries: WebAssembly needs 'wasm-unsafe-eval' (not 'unsafe-eval').
  // Its threads are blob: workers that importScripts() a blob: of the glue the engine worker made.
  'script-src': ["'self'", "'wasm-unsafe-eval'", 'blob:'],
  // The engine worker and the service worker are files of the app; wasm's threads are blob: workers.
  'worker-src': ["'self'", 'blob:'],
  // Fetches of the starter model, corpus, prompts and wasm; in dev also Vite's HMR websocket
  // (same host and port: CSP3's 'self' matches ws: there).
  'connect-src': ["'self'"],
  // Built CSS is a file; the dev server injects each module's CSS as a <style> element.
  'style-src': dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
  'img-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
});

export function contentSecurityPolicy(dev = false): string {
  return Object.entries(directives(dev)).map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** As a header, which may also forbid framing (frame-ancestors is ignored in a <meta>, with a warning). */
export const cspHeader = (dev = false) => `${contentSecurityPolicy(dev)}; frame-ancestors 'none'`;

/** Adds the policy as the first <meta> of every HTML page, built or served by the dev server. */
export function cspPlugin(): Plugin {
  let dev = false;
  return {
    name: 'rlhf-csp',
    configResolved(config) {
      dev = config.command === 'serve' && !config.isProduction;
    },
    transformIndexHtml: {
      order: 'pre',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(dev) }, injectTo: 'head-prepend' }],
    },
  };
}
