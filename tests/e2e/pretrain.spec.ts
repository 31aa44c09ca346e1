import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { pretrainPanel, saveFromPretrainPanel, startMicroPretraining } from './pretrain-form';

test('a short pretraining run on webgpu lowers the loss and saves a checkpoint that survives a reload', async ({ page }) => {
  await page.goto('/?backend=webgpu');
  await expect(page.getByRole('status', { name: 'Compute backend: webgpu' })).toBeVisible();
  await expect(page.getByLabel('Model in use')).toContainText('Starter model');

  await startMicroPretraining(page, { steps: 30, batchSize: 4, learningRate: 0.01, sampleEvery: 30 });

  const progress = page.getByRole('progressbar', { name: 'Pretraining progress' });
  await expect(progress).toHaveAttribute('value', '30', { timeout: 150_000 });
  await expect(pretrainPanel(page).getByText('finished', { exact: true })).toBeVisible();
  const chart = page.getByRole('img', { name: /Training loss: 30 points/ });
  await expect(chart).toBeVisible();
  await expect(page.getByRole('list', { name: 'Training samples' }).getByRole('listitem')).toHaveCount(1);

  // The loss went down: compare the first and last points the chart was given (its CSV).
  const [csv] = await Promise.all([page.waitForEvent('download'), pretrainPanel(page).getByRole('button', { name: 'Download CSV of Training loss' }).click()]);
  const ys = (await readFile((await csv.path())!, 'utf8')).trim().split('\n').slice(1).map((row) => Number(row.split(',')[1]));
  expect(ys).toHaveLength(30);
  expect(ys.at(-1)!).toBeLessThan(ys[0]);

  await saveFromPretrainPanel(page, 'Micro from e2e');
  const table = page.getByRole('table', { name: 'Stored checkpoints' });
  await expect(table.getByRole('row', { name: /Micro from e2e/ })).toBeVisible();

  await page.reload();
  await expect(table.getByRole('row', { name: /Micro from e2e/ })).toBeVisible();
  await table.getByRole('button', { name: 'Load Micro from e2e', exact: true }).click();
  await expect(page.getByLabel('Model in use')).toContainText('Micro from e2e');
  await page.getByRole('spinbutton', { name: 'Max tokens' }).fill('10');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('list', { name: 'Samples' })).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByRole('list', { name: 'Samples' }).getByRole('listitem').first()).not.toBeEmpty();

  // Trained further, the model in use says so.
  const panel = pretrainPanel(page);
  await panel.getByRole('radio', { name: 'Continue the current model' }).check();
  await panel.getByRole('spinbutton', { name: 'Steps', exact: true }).fill('1');
  await panel.getByRole('button', { name: 'Start pretraining' }).click();
  await expect(page.getByLabel('Model in use')).toContainText(/^Micro from e2e \+ pretraining · /, { timeout: 60_000 });
});

test('an upload that is not a checkpoint is refused with a message and stores nothing', async ({ page }) => {
  await page.goto('/?backend=webgpu');
  const rows = page.getByRole('table', { name: 'Stored checkpoints' }).getByRole('row');
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();
  await page.getByLabel('Upload a checkpoint file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('just some text, not weights') });
  await expect(page.getByRole('alert')).toContainText('Could not import "notes.txt": Not a checkpoint');
  await expect(rows).toHaveCount(before);
});
