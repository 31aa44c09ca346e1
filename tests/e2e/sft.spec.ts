import { expect, test, type Page } from '@playwright/test';
import { pretrainPanel, startMicroPretraining } from './pretrain-form';

const panelOf = (page: Page) => page.getByRole('region', { name: 'Demonstrations (SFT)' });
/** The SFT form, a region inside the demonstrations panel: its "Batch size", "Learning rate" and "Checkpoint name" are its own. */
const sftFormOf = (page: Page) => page.getByRole('region', { name: 'Fine-tune on demonstrations', exact: true });

/** Types a demonstration with the keyboard alone: the two fields, then Tab to "Add demonstration" and Enter. */
async function addByKeyboard(page: Page, instruction: string, response: string): Promise<void> {
  const panel = panelOf(page);
  await panel.getByRole('textbox', { name: 'Instruction' }).focus();
  await page.keyboard.type(instruction);
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('textbox', { name: 'Ideal response' })).toBeFocused();
  await page.keyboard.type(response);
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: 'Add demonstration' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('status').filter({ hasText: 'Added “' })).toBeVisible();
}

test('demonstrations typed with the keyboard survive a reload; fine-tuning on them charts the loss and saves an sft checkpoint', async ({ page }) => {
  await page.goto('/?backend=webgpu');
  await expect(page.getByRole('status', { name: 'Compute backend: webgpu' })).toBeVisible();
  const panel = panelOf(page);
  const count = panel.getByRole('status', { name: 'Demonstration count' });
  await expect(count).toHaveText('0 demonstrations');

  await addByKeyboard(page, 'Tell me about bears.', ' Bears sleep all winter.');
  await expect(count).toHaveText('1 demonstration');
  await addByKeyboard(page, 'Say <b>hi</b>', ' Hi & hello.');
  await expect(count).toHaveText('2 demonstrations');
  const table = panel.getByRole('table', { name: 'Stored demonstrations' });
  await expect(table.getByRole('row', { name: /Tell me about bears\. Bears sleep all winter\./ })).toBeVisible();
  // Text is shown as text: the markup is visible, and no element was made of it.
  await expect(table.getByRole('cell', { name: 'Say <b>hi</b>' })).toBeVisible();
  await expect(table.locator('b')).toHaveCount(0);

  await page.reload();
  await expect(count).toHaveText('2 demonstrations');
  await expect(table.getByRole('row', { name: /Tell me about bears\./ })).toBeVisible();
  await expect(table.getByRole('row', { name: /Say <b>hi<\/b>/ })).toBeVisible();

  // A tiny model to fine-tune: fresh micro weights after one pretraining step (webgpu here is software).
  await startMicroPretraining(page, { steps: 1, batchSize: 1, sampleEvery: 0 });
  await expect(page.getByRole('progressbar', { name: 'Pretraining progress' })).toHaveAttribute('value', '1', { timeout: 120_000 });
  await expect(pretrainPanel(page).getByText('finished', { exact: true })).toBeVisible();

  const form = sftFormOf(page);
  await form.getByRole('spinbutton', { name: 'Epochs', exact: true }).fill('2');
  await form.getByRole('spinbutton', { name: 'Batch size', exact: true }).fill('2');
  await form.getByRole('spinbutton', { name: 'Learning rate', exact: true }).fill('0.01');
  await form.getByRole('button', { name: 'Fine-tune on demonstrations' }).click();
  await expect(form.getByRole('progressbar', { name: 'Fine-tuning progress' })).toHaveAttribute('value', '2', { timeout: 120_000 });
  await expect(form.getByText('finished', { exact: true })).toBeVisible();
  await expect(form.getByRole('img', { name: /^Fine-tuning loss: 2 points, last loss \d+\.\d{3} at step 2$/ })).toBeVisible();
  // The model in use says what it is now.
  await expect(page.getByLabel('Model in use')).toContainText('New micro model + SFT');

  await form.getByRole('textbox', { name: 'Checkpoint name', exact: true }).fill('SFT from e2e');
  await form.getByRole('button', { name: 'Save as checkpoint', exact: true }).click();
  await expect(form.getByRole('status').filter({ hasText: 'Saved "SFT from e2e"' })).toBeVisible();
  // Told where it was asked for, not in the Pretrain panel as well.
  await expect(pretrainPanel(page).getByRole('status').filter({ hasText: 'Saved "SFT from e2e"' })).toHaveCount(0);
  const checkpoints = page.getByRole('table', { name: 'Stored checkpoints' });
  const row = checkpoints.getByRole('row', { name: /SFT from e2e/ });
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell', { name: 'sft', exact: true })).toBeVisible();

  await page.reload();
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell', { name: 'sft', exact: true })).toBeVisible();
});

test('a bad demonstration file is refused naming its line, and the demonstrations stay as they were', async ({ page }) => {
  await page.goto('/?backend=webgpu');
  const panel = panelOf(page);
  const count = panel.getByRole('status', { name: 'Demonstration count' });
  const upload = panel.getByLabel('Import demonstrations (TRL prompt-completion .jsonl)');
  await upload.setInputFiles({
    name: 'good.jsonl', mimeType: 'application/jsonl',
    buffer: Buffer.from('{"prompt": "Tell me about owls.", "completion": " Owls hunt at night.", "topic": "birds"}\n'),
  });
  await expect(panel.getByRole('status').filter({ hasText: 'Imported 1 demonstration from "good.jsonl"' })).toBeVisible();
  await expect(count).toHaveText('1 demonstration');
  await expect(panel.getByRole('table', { name: 'Stored demonstrations' }).getByRole('row', { name: /Owls hunt at night\. imported/ })).toBeVisible();

  await upload.setInputFiles({
    name: 'bad.jsonl', mimeType: 'application/jsonl',
    buffer: Buffer.from('{"prompt": "Tell me about cats.", "completion": " Cats purr."}\n{"prompt": "Tell me about dogs.", "completion": \n'),
  });
  await expect(panel.getByRole('alert')).toContainText('Could not import "bad.jsonl": Line 2: not valid JSON');
  await expect(panel.getByRole('alert')).toContainText('Nothing was stored.');
  await expect(count).toHaveText('1 demonstration');
  await page.reload();
  await expect(count).toHaveText('1 demonstration');
});

test('one training at a time: fine-tuning waits while pretraining runs, and pretraining while fine-tuning runs, each saying why', async ({ page }) => {
  // wasm: this is about the buttons, and a micro model steps fast there.
  await page.goto('/?backend=wasm');
  await expect(page.getByRole('status', { name: 'Compute backend: wasm' })).toBeVisible();
  await panelOf(page).getByLabel('Import demonstrations (TRL prompt-completion .jsonl)').setInputFiles({
    name: 'one.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from('{"prompt": "Tell me about owls.", "completion": " Owls hunt at night."}\n'),
  });
  await expect(panelOf(page).getByRole('status', { name: 'Demonstration count' })).toHaveText('1 demonstration');
  const pretrain = pretrainPanel(page);
  const form = sftFormOf(page);
  const startPretraining = pretrain.getByRole('button', { name: 'Start pretraining' });
  const fineTune = form.getByRole('button', { name: 'Fine-tune on demonstrations' });
  await expect(fineTune).toBeEnabled();

  await startMicroPretraining(page, { steps: 100000, batchSize: 1, sampleEvery: 0 });
  await expect(pretrain.getByRole('progressbar', { name: 'Pretraining progress' })).not.toHaveAttribute('value', '0');
  await expect(fineTune).toBeDisabled();
  await expect(form.getByText('Pretraining is running', { exact: true })).toBeVisible();
  await expect(fineTune).toHaveAccessibleDescription('Pretraining is running');
  await pretrain.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(pretrain.getByText('stopped', { exact: true })).toBeVisible();
  await expect(fineTune).toBeEnabled();
  await expect(form.getByText('Pretraining is running', { exact: true })).toHaveCount(0);

  // Enough steps on the micro model to still be running while we look: 1,000 epochs of one demonstration.
  await form.getByRole('spinbutton', { name: 'Epochs', exact: true }).fill('1000');
  await form.getByRole('spinbutton', { name: 'Batch size', exact: true }).fill('1');
  await fineTune.click();
  await expect(form.getByText('running', { exact: true })).toBeVisible();
  await expect(startPretraining).toBeDisabled();
  await expect(pretrain.getByText('Fine-tuning on demonstrations is running', { exact: true })).toBeVisible();
  await expect(startPretraining).toHaveAccessibleDescription('Fine-tuning on demonstrations is running');
  await form.getByRole('button', { name: 'Stop fine-tuning' }).click();
  await expect(form.getByText('stopped', { exact: true })).toBeVisible();
  await expect(startPretraining).toBeEnabled();
  await expect(pretrain.getByText('Fine-tuning on demonstrations is running', { exact: true })).toHaveCount(0);
  expect(Number(await form.getByRole('progressbar', { name: 'Fine-tuning progress' }).getAttribute('value'))).toBeLessThan(1000);
});
