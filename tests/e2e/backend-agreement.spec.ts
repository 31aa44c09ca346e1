import { expect, test, type Page } from '@playwright/test';
import { startMicroPretraining } from './pretrain-form';
import { DEFAULT_VOCAB } from '../../src/lib/model/config';

/** Trains a fresh micro model for a few seeded steps through the Pretrain panel; returns the last loss shown. */
async function trainMicro(page: Page, backend: string): Promise<number> {
  await page.goto(`/?backend=${backend}`);
  await expect(page.getByRole('status', { name: `Compute backend: ${backend}` })).toBeVisible();
  await startMicroPretraining(page, { steps: 6, batchSize: 4, learningRate: 0.01, sampleEvery: 0 });
  const chart = page.getByRole('img', { name: /Training loss: 6 points, last loss [\d.]+ at step 6/ });
  await expect(chart).toBeVisible({ timeout: 120_000 });
  const label = await chart.getAttribute('aria-label');
  return Number(/last loss ([\d.]+)/.exec(label!)![1]);
}

// The same seed must train the same on every backend: this caught tf.addN returning stale sums on
// SwiftShader's WebGPU (8 storage buffers per shader), which silently broke gradient clipping.
test('webgpu trains a seeded model to the same losses as wasm', async ({ page }) => {
  const wasm = await trainMicro(page, 'wasm');
  const webgpu = await trainMicro(page, 'webgpu');
  expect(Math.abs(webgpu - wasm)).toBeLessThan(0.005);
  expect(wasm).toBeLessThan(Math.log(DEFAULT_VOCAB.micro)); // and it did learn something (a micro model trains a 512-token BPE)
});
