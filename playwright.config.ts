import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/find-chromium.mjs';

const executablePath = (await findChromium()) ?? undefined;

export default defineConfig({
  testDir: 'tests/e2e',
  // WebGPU here is SwiftShader on 2 cores: slow, and one browser at a time.
  workers: 1,
  timeout: 180_000,
  expect: { timeout: 60_000 },
  reporter: [['list']],
  use: {
    baseURL: 'http://127.0.0.1:4173',
    launchOptions: {
      executablePath,
      // --enable-unsafe-webgpu gives headless Chromium a (software) WebGPU adapter (shared notes).
      args: ['--enable-unsafe-webgpu', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: 'npx vite build --logLevel error && npx vite preview --port 4173 --strictPort',
    url: 'http://127.0.0.1:4173',
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
