// Cross-origin isolation and wasm's threads: the app is served isolated (COOP/COEP), so tfjs
// starts its multi-threaded wasm build, and the threads' blob: workers run the glue intact.
import { expect, test } from '@playwright/test';

test('the app is cross-origin isolated, and wasm computes with the threads asked for', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const wasmFiles: string[] = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasmFiles.push(new URL(r.url()).pathname); });
  // On its own tfjs takes half the cores (1 thread on a 2-core machine): ask for 2.
  await page.goto('/?backend=wasm&threads=2');
  const badge = page.getByRole('status', { name: 'Compute backend: wasm' });
  await expect(badge).toContainText('wasm · 2 threads');
  await expect(badge).toContainText('2 threads asked with ?threads=2');
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
  expect(wasmFiles.some((f) => /tfjs-backend-wasm-threaded-simd-[\w-]+\.wasm$/.test(f))).toBe(true);

  // Threads really compute: a generation finishes (each thread worker runs the glue tfjs gave it).
  await page.getByRole('textbox', { name: 'Prompt' }).fill('Once upon a time');
  await page.getByRole('spinbutton', { name: 'Max tokens' }).fill('8');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByText(/\d+ tokens · [\d.]+ tokens\/s/)).toBeVisible();
  expect(errors).toEqual([]);
});
