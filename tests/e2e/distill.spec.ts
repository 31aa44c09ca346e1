import { expect, test } from '@playwright/test';
import { pretrainPanel, startMicroPretraining } from './pretrain-form';

test('context distillation charts the KL of each step, and the model in use becomes a distilled checkpoint', async ({ page }) => {
  await page.goto('/?backend=webgpu');
  await expect(page.getByRole('status', { name: 'Compute backend: webgpu' })).toBeVisible();
  // A tiny model to distil: fresh micro weights after one pretraining step (webgpu here is software).
  await startMicroPretraining(page, { steps: 1, batchSize: 1, sampleEvery: 0 });
  await expect(page.getByRole('progressbar', { name: 'Pretraining progress' })).toHaveAttribute('value', '1', { timeout: 120_000 });
  await expect(pretrainPanel(page).getByText('finished', { exact: true })).toBeVisible();

  const panel = page.getByRole('region', { name: 'Context distillation', exact: true });
  await expect(panel.getByRole('textbox', { name: 'Prefix' })).toHaveValue('Be kind and cheerful. ');
  await panel.getByText('Distillation settings', { exact: true }).click();
  const fill = (name: string, value: number) => panel.getByRole('spinbutton', { name, exact: true }).fill(String(value));
  await fill('Max tokens', 6);
  await fill('Prompts per step', 2);
  await fill('Learning rate', 0.01);
  await fill('Steps', 3);
  await panel.getByRole('button', { name: 'Start distillation' }).click();
  await expect(panel.getByRole('progressbar', { name: 'Distillation progress' })).toHaveAttribute('value', '3', { timeout: 120_000 });
  await expect(panel.getByText('finished', { exact: true })).toBeVisible();
  await expect(panel.getByRole('img', { name: /^distill\/kl: 3 points, last KL \d+\.\d{3} at step 3$/ })).toBeVisible();
  await expect(page.getByLabel('Model in use')).toContainText('New micro model + distilled');

  await panel.getByRole('textbox', { name: 'Checkpoint name', exact: true }).fill('Distilled from e2e');
  await panel.getByRole('button', { name: 'Save as checkpoint', exact: true }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Saved "Distilled from e2e"' })).toBeVisible();
  const row = page.getByRole('table', { name: 'Stored checkpoints' }).getByRole('row', { name: /Distilled from e2e/ });
  await expect(row.getByRole('cell', { name: 'distilled', exact: true })).toBeVisible();
});
