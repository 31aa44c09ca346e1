import { expect, test } from '@playwright/test';
import { pretrainPanel, saveFromPretrainPanel, startMicroPretraining } from './pretrain-form';

// On wasm, tensor reads resolve as microtasks: this checks the worker still hears Pause, Resume and
// Stop while it trains (it did not, before the training loop yielded to the event loop).
test('pause, resume and stop reach a training run on wasm', async ({ page }) => {
  await page.goto('/?backend=wasm');
  await expect(page.getByRole('status', { name: 'Compute backend: wasm' })).toBeVisible();
  const panel = pretrainPanel(page);
  await startMicroPretraining(page, { steps: 100000, sampleEvery: 0 });
  const progress = page.getByRole('progressbar', { name: 'Pretraining progress' });
  await expect(progress).not.toHaveAttribute('value', '0');

  await panel.getByRole('button', { name: 'Pause' }).click();
  await expect(panel.getByText('paused', { exact: true })).toBeVisible();
  const pausedAt = await progress.getAttribute('value');
  // A checkpoint saved mid-run records how far training got.
  await saveFromPretrainPanel(page, 'Paused run');
  const row = page.getByRole('table', { name: 'Stored checkpoints' }).getByRole('row', { name: /Paused run/ });
  await expect(row.getByRole('cell').nth(3)).toHaveText(pausedAt!);
  await panel.getByRole('button', { name: 'Resume' }).click();
  await expect(panel.getByText('running', { exact: true })).toBeVisible();
  await expect(progress).not.toHaveAttribute('value', pausedAt!);

  await panel.getByRole('button', { name: 'Stop' }).click();
  await expect(panel.getByText('stopped', { exact: true })).toBeVisible();
  expect(Number(await progress.getAttribute('value'))).toBeLessThan(100000);
});
