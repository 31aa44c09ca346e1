// The token view and the tokenizer of a fresh model: what a class sees of "a token".
import { expect, test } from '@playwright/test';
import { pretrainPanel, startMicroPretraining } from './pretrain-form';

test('generated text shows its tokens, and a clicked token its id and probability', async ({ page }) => {
  await page.goto('/?backend=webgpu');
  await expect(page.getByLabel('Model in use')).toContainText('Starter model');
  await page.getByRole('textbox', { name: 'Prompt' }).fill('Once upon a time');
  await page.getByRole('spinbutton', { name: 'Max tokens' }).fill('12');
  await page.getByRole('spinbutton', { name: 'Samples' }).fill('1');
  await page.getByRole('checkbox', { name: 'Show tokens' }).check();
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('list', { name: 'Samples' })).toHaveAttribute('aria-busy', 'false');
  const tokens = page.getByRole('group', { name: 'Tokens of sample 1' }).getByRole('button');
  await expect(tokens).toHaveCount(12);
  // Each token is named by its text, id and probability; the boxes' texts make up the sample.
  const names = await tokens.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  for (const name of names) expect(name).toMatch(/^".*": token \d+, probability (<0\.1|\d+(\.\d)?)%$/);
  const shown = (await tokens.allTextContents()).join('').replace(/·/g, ' ').replace(/↵/g, '\n');
  await page.getByRole('checkbox', { name: 'Show tokens' }).uncheck();
  const text = await page.getByRole('list', { name: 'Samples' }).getByRole('listitem').first().textContent();
  expect(`Once upon a time${shown}`).toBe(text);
  await page.getByRole('checkbox', { name: 'Show tokens' }).check();
  await tokens.first().click();
  await expect(page.getByRole('status').filter({ hasText: /^Token 1 of 12: ".*": token \d+, probability/ })).toBeVisible();
  // The starter's tokens are subwords: some token holds more than one character.
  expect((await tokens.allTextContents()).some((t) => t.length > 1)).toBe(true);
});

test('a fresh model trains a BPE tokenizer on the corpus first, or keeps the current one', async ({ page }) => {
  await page.goto('/?backend=wasm');
  await expect(page.getByLabel('Model in use')).toContainText('Starter model');
  const current = page.getByText(/^Current model:/);
  await expect(current).toContainText('tokenizer: byte-level BPE, 4,096 tokens');
  const panel = pretrainPanel(page);
  await panel.getByRole('radio', { name: 'Fresh weights' }).check();
  await panel.getByRole('combobox', { name: 'Model size' }).selectOption('micro');
  await expect(panel.getByRole('spinbutton', { name: 'Vocabulary size' })).toHaveValue('512');
  await panel.getByRole('spinbutton', { name: 'Vocabulary size' }).fill('300');
  await startMicroPretraining(page, { steps: 2, batchSize: 2, sampleEvery: 0 });
  await expect(panel.getByText(/^Step 2 \/ 2 ·/)).toBeVisible();
  await expect(panel.getByText('finished', { exact: true })).toBeVisible();
  await expect(current).toContainText('tokenizer: byte-level BPE, 300 tokens');

  // Fresh weights again, keeping that tokenizer: no tokenizer is trained, the vocabulary stays.
  await panel.getByRole('radio', { name: "Keep the current model's (byte-level BPE, 300 tokens)" }).check();
  await startMicroPretraining(page, { steps: 3, batchSize: 2, sampleEvery: 0 });
  await expect(panel.getByText(/^Step 3 \/ 3 ·/)).toBeVisible();
  await expect(panel.getByText('finished', { exact: true })).toBeVisible();
  await expect(current).toContainText('tokenizer: byte-level BPE, 300 tokens');
});
