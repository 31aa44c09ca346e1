import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { cspHeader, cspPlugin } from './build-plugins/csp.ts';
import { serviceWorkerPlugin } from './build-plugins/service-worker.ts';

export default defineConfig({
  plugins: [
    svelte(),
    cspPlugin(),
    // The benchmark page is a developer's tool: it is not precached for offline use.
    serviceWorkerPlugin({ entry: 'src/sw/service-worker.ts', skip: (file) => file === 'bench.html' || file.startsWith('assets/bench-') }),
  ],
  // The engine worker imports tfjs and the wasm binaries; ES module workers can code-split.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // Two pages: the app, and the benchmark page that npm run bench drives (bench/).
    // (rolldownOptions is Vite 8's name for rollupOptions, which it marks deprecated.)
    rolldownOptions: { input: { main: 'index.html', bench: 'bench.html' } },
  },
  // The policy as a header too: workers take theirs from their own response, not from the page.
  server: { host: '127.0.0.1', headers: { 'Content-Security-Policy': cspHeader(true) } },
  preview: { host: '127.0.0.1', headers: { 'Content-Security-Policy': cspHeader() } },
});
