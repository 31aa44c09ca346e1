import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [svelte()],
  // The engine worker imports tfjs and the wasm binaries; ES module workers can code-split.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // Two pages: the app, and the benchmark page that npm run bench drives (bench/).
    // (rolldownOptions is Vite 8's name for rollupOptions, which it marks deprecated.)
    rolldownOptions: { input: { main: 'index.html', bench: 'bench.html' } },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
