// Filling in the Pretrain panel the way a person would, for the specs that train. Its fields are
// found within its region: the SFT form beside it has a "Batch size" and a "Learning rate" too.
import { expect, type Locator, type Page } from '@playwright/test';

export const pretrainPanel = (page: Page): Locator => page.getByRole('region', { name: 'Pretrain', exact: true });

export interface PretrainForm {
  steps: number;
  batchSize?: number;
  learningRate?: number;
  sampleEvery: number;
  /** The corpus radio's label start; the panel's default (the story world) when not given. */
  corpus?: 'Story world' | 'Classic books';
}

/** Fresh micro-sized weights on the chosen corpus (the story world unless told), then Start pretraining. */
export async function startMicroPretraining(page: Page, form: PretrainForm): Promise<void> {
  const panel = pretrainPanel(page);
  const fill = (name: string, value: number) => panel.getByRole('spinbutton', { name, exact: true }).fill(String(value));
  await panel.getByRole('radio', { name: 'Fresh weights' }).check();
  await panel.getByRole('combobox', { name: 'Model size' }).selectOption('micro');
  await fill('Steps', form.steps);
  if (form.batchSize !== undefined) await fill('Batch size', form.batchSize);
  if (form.learningRate !== undefined) await fill('Learning rate', form.learningRate);
  await fill('Sample every', form.sampleEvery);
  if (form.corpus) await panel.getByRole('radio', { name: new RegExp(`^${form.corpus}`) }).check();
  await panel.getByRole('button', { name: 'Start pretraining' }).click();
}

/** Names the model in use "name" with the Pretrain panel's "Save as checkpoint", and waits for the saved message. */
export async function saveFromPretrainPanel(page: Page, name: string): Promise<void> {
  const panel = pretrainPanel(page);
  await panel.getByRole('textbox', { name: 'Checkpoint name', exact: true }).fill(name);
  await panel.getByRole('button', { name: 'Save as checkpoint', exact: true }).click();
  await expect(panel.getByRole('status').filter({ hasText: `Saved "${name}"` })).toBeVisible();
}
