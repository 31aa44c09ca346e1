// Filling in the Pretrain panel the way a person would, for the specs that train.
import type { Page } from '@playwright/test';

export interface PretrainForm {
  steps: number;
  batchSize?: number;
  learningRate?: number;
  sampleEvery: number;
}

/** Fresh micro-sized weights on the bundled corpus, then Start pretraining. */
export async function startMicroPretraining(page: Page, form: PretrainForm): Promise<void> {
  await page.getByRole('radio', { name: 'Fresh weights' }).check();
  await page.getByRole('combobox', { name: 'Model size' }).selectOption('micro');
  await page.getByRole('spinbutton', { name: 'Steps' }).fill(String(form.steps));
  if (form.batchSize !== undefined) await page.getByRole('spinbutton', { name: 'Batch size' }).fill(String(form.batchSize));
  if (form.learningRate !== undefined) await page.getByRole('spinbutton', { name: 'Learning rate' }).fill(String(form.learningRate));
  await page.getByRole('spinbutton', { name: 'Sample every' }).fill(String(form.sampleEvery));
  await page.getByRole('button', { name: 'Start pretraining' }).click();
}
