import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { cspHeader, cspPlugin } from './build-plugins/csp.ts';
import { mainThreadGuardPlugin } from './build-plugins/main-thread-guard.ts';
import { CROSS_ORIGIN_ISOLATION_HEADERS } from './build-plugins/cross-origin-isolation.ts';
import { serviceWorkerPlugin } from './build-plugins/service-worker.ts';
import { wasmThreadsGluePlugin } from './build-plugins/wasm-threads-glue.ts';

export default defineConfig({
  plugins: [
    svelte(),
    wasmThreadsGluePlugin(),
    cspPlugin(),
    // The app's page never loads tfjs: the build fails if an import brings it there.
    mainThreadGuardPlugin(),
    // The benchmark page is a developer's tool: it is not precached for offline use.
    // The classic-books model is fetched (and then kept for offline use) only when a person loads it.
    serviceWorkerPlugin({
      entry: 'src/sw/service-worker.ts',
      skip: (file) => /^bench(-chart)?\.html$/.test(file) || file.startsWith('assets/bench-'),
      onDemand: (file) => file === 'models/classic-books.ckpt',
    }),
  ],
  // The engine worker imports tfjs and the wasm binaries; ES module workers can code-split.
  // The wasm threads' glue fix applies where tfjs is bundled: in the worker.
  worker: { format: 'es', plugins: () => [wasmThreadsGluePlugin()] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // The app, and the benchmark pages that npm run bench and bench:charts drive (bench/).
    // (rolldownOptions is Vite 8's name for rollupOptions, which it marks deprecated.)
    rolldownOptions: { input: { main: 'index.html', bench: 'bench.html', 'bench-chart': 'bench-chart.html' } },
  },
  // The policy as a header too: workers take theirs from their own response, not from the page.
  // Cross-origin isolated, so wasm can compute with threads.
  server: { host: '127.0.0.1', headers: { 'Content-Security-Policy': cspHeader(true), ...CROSS_ORIGIN_ISOLATION_HEADERS } },
  preview: { host: '127.0.0.1', headers: { 'Content-Security-Policy': cspHeader(), ...CROSS_ORIGIN_ISOLATION_HEADERS } },
});
