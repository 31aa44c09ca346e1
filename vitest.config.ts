import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // One tfjs engine per file, files one after another: 2 cores, and wasm is single-threaded.
    fileParallelism: false,
  },
});
