// Bad files through the real upload fields: each is refused with its message and the lists and
// counts on screen stay as they were; a good prompt set survives a reload and can be picked.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { pretrainPanel } from './pretrain-form';

const text = (s: string) => Buffer.from(s, 'utf8');
const story = 'The little bear walked into the wood to look for honey, and the bees were not pleased. ';

test('a bad checkpoint and a bad corpus are refused with their problem, and nothing changes', async ({ page }) => {
  await page.goto('/?backend=webgpu');
  const checkpoints = page.getByRole('table', { name: 'Stored checkpoints' }).getByRole('row');
  await expect(checkpoints).toHaveCount(3); // the header and the two bundled models

  const starter = readFileSync('public/models/starter.ckpt');
  await page.getByLabel('Upload a checkpoint file').setInputFiles({ name: 'cut.rlhfckpt', mimeType: 'application/octet-stream', buffer: starter.subarray(0, starter.length - 1000) });
  await expect(page.getByRole('alert').filter({ hasText: 'Could not import "cut.rlhfckpt": Truncated checkpoint' })).toBeVisible();
  await expect(checkpoints).toHaveCount(3);

  const pretrain = pretrainPanel(page);
  await pretrain.getByRole('radio', { name: 'A text file (.txt, UTF-8)' }).check();
  const start = pretrain.getByRole('button', { name: 'Start pretraining' });
  const chosen = pretrain.getByRole('status', { name: 'Corpus file' });
  const upload = pretrain.getByLabel('Upload a corpus file');
  await expect(chosen).toHaveText('No file chosen yet');
  await expect(start).toBeDisabled();

  await upload.setInputFiles({ name: 'image.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) });
  await expect(pretrain.getByRole('alert')).toContainText('Could not use "image.txt": This is a binary file, not text: byte 6 (line 2) is a control character (0x1a)');
  await expect(chosen).toHaveText('No file chosen yet');
  await expect(start).toBeDisabled();

  const good = `${story}\n${story}\n${story}\n`;
  await upload.setInputFiles({ name: 'bears.txt', mimeType: 'text/plain', buffer: text(good) });
  await expect(chosen).toHaveText(`Training on "bears.txt" (${good.length} characters)`);
  await expect(pretrain.getByRole('alert')).toHaveCount(0);

  // A bad file after a good one leaves the good one chosen.
  await upload.setInputFiles({ name: 'long.txt', mimeType: 'text/plain', buffer: text(`${story}\n${'a'.repeat(20_001)}\n`) });
  await expect(pretrain.getByRole('alert')).toContainText('Could not use "long.txt": Line 2 is 20,001 characters long');
  await expect(chosen).toHaveText(`Training on "bears.txt" (${good.length} characters)`);

  // Pasted text goes through the same checks.
  await pretrain.getByRole('radio', { name: 'Text I paste' }).check();
  await pretrain.getByLabel('Training text').fill(`${story}\n${story}\nbell \u0007 rings`);
  await expect(pretrain.getByRole('alert')).toContainText('Line 3: character');
  await expect(pretrain.getByRole('alert')).toContainText('is a control character (0x07)');
  await expect(start).toBeDisabled();
});

async function openRewardScreen(page: Page) {
  await page.goto('/?backend=webgpu#reward');
  await expect(page.getByRole('tab', { name: '2 Reward model', exact: true })).toHaveAttribute('aria-selected', 'true');
}

test('bad preference, project and prompt-set files change nothing; a good prompt set survives a reload and is picked', async ({ page }) => {
  await openRewardScreen(page);
  const counter = page.getByRole('status', { name: 'Feedback collected' });
  const sets = page.getByRole('table', { name: 'Stored prompt sets' }).getByRole('row');
  await expect(counter).toContainText('0 comparisons collected');
  await expect(sets).toHaveCount(2); // the header and "None yet"
  await expect(sets.nth(1)).toHaveText('None yet');

  const hh = text(`${JSON.stringify({ chosen: '\n\nHuman: hi\n\nAssistant: hello', rejected: '\n\nHuman: bye\n\nAssistant: no' })}\n`);
  const preferences = page.getByRole('region', { name: 'Preference files' });
  await preferences.getByLabel('Import a preference file (JSONL)').setInputFiles({ name: 'hh.jsonl', mimeType: 'application/jsonl', buffer: hh });
  await expect(preferences.getByRole('alert')).toContainText('Could not import "hh.jsonl": Line 1: the chosen and rejected transcripts start from different conversations');
  await expect(counter).toContainText('0 comparisons collected');

  const newer = { format: 'rlhf-playground-project', version: 99, exportedAt: '', judgements: [], checkpoints: [], runs: [], settings: [] };
  const projectPanel = page.getByRole('region', { name: 'Project file' });
  await projectPanel.getByLabel('Open a project file').setInputFiles({ name: 'future.rlhfproj', mimeType: 'application/json', buffer: text(JSON.stringify(newer)) });
  await expect(projectPanel.getByRole('alert')).toContainText('Could not open "future.rlhfproj": This project was made by a newer version of the app');
  await expect(counter).toContainText('0 comparisons collected');

  const promptPanel = page.getByRole('region', { name: 'Prompt sets' });
  const promptUpload = promptPanel.getByLabel('Import a prompt set');
  await promptUpload.setInputFiles({ name: 'bad.jsonl', mimeType: 'application/jsonl', buffer: text('{"prompt": "Once"}\n{"text": "Twice"}\n') });
  await expect(promptPanel.getByRole('alert')).toContainText('Could not import "bad.jsonl": Line 2: missing field "prompt". Nothing was stored.');
  await promptUpload.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: text('[\n  "Once upon a time",\n  "The bear') });
  await expect(promptPanel.getByRole('alert')).toContainText('Could not import "bad.json": Line 3: not valid JSON');
  await expect(sets).toHaveCount(2);
  await expect(sets.nth(1)).toHaveText('None yet');

  await promptUpload.setInputFiles({ name: 'my prompts.txt', mimeType: 'text/plain', buffer: text('The wise owl said\nA small frog\nAt the bottom of the sea\n') });
  await expect(promptPanel.getByRole('status').filter({ hasText: 'Imported 3 prompts from "my prompts.txt" as “my prompts”' })).toBeVisible();

  await page.reload();
  await expect(sets).toHaveCount(2);
  await expect(sets.nth(1).getByRole('cell').first()).toHaveText('my prompts');
  await expect(sets.nth(1).getByRole('cell').nth(1)).toHaveText('3');

  // The labeling screen draws its prompts from the chosen set.
  const label = page.getByRole('region', { name: 'Label completions' });
  await label.getByRole('combobox', { name: 'Prompt set', exact: true }).selectOption({ label: 'my prompts (3 prompts)' });
  const fromSet = label.getByRole('combobox', { name: 'Prompt from the set' });
  await expect(fromSet.getByRole('option')).toHaveText(['Choose a prompt from the prompt set…', 'The wise owl said', 'A small frog', 'At the bottom of the sea']);
  await fromSet.selectOption('A small frog');
  await expect(label.getByRole('textbox', { name: 'Prompt', exact: true })).toHaveValue('A small frog');

  // And so can an RL run.
  await page.getByRole('tab', { name: '3 RL fine-tuning' }).click();
  const runPrompts = page.getByRole('combobox', { name: 'Prompts for the run' });
  await expect(runPrompts.getByRole('option', { name: 'my prompts (3 prompts)' })).toHaveCount(1);
  await runPrompts.selectOption({ label: 'my prompts (3 prompts)' });
  await expect(runPrompts).toHaveValue(/^\d+$/);

  // Deleting the set while labeling draws from it: the picker falls back to the bundled prompts.
  await page.getByRole('tab', { name: '2 Reward model' }).click();
  const labelSet = label.getByRole('combobox', { name: 'Prompt set', exact: true });
  await labelSet.selectOption({ label: 'my prompts (3 prompts)' });
  await expect(fromSet.getByRole('option')).toHaveCount(1 + 3);
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Delete my prompts' }).click();
  await expect(sets.nth(1)).toHaveText('None yet');
  await expect(labelSet).toHaveValue('bundled');
  await expect(labelSet.getByRole('option')).toHaveText([/^Bundled prompts \(\d+\)$/]);
  await expect(fromSet.getByRole('option')).toHaveCount(1 + 200);
});
