import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import wordListPath from 'word-list';
import { dictionaryWordFraction } from '../../src/lib/engine/english-score';

test('a checkpoint written by the CLI uploads into the app, and one downloaded from the app loads in the CLI', async ({ page }) => {
  await page.goto('/?backend=webgpu');
  const table = page.getByRole('table', { name: 'Stored checkpoints' });
  await expect(table.getByRole('row')).toHaveCount(3); // header + the two bundled models

  // public/models/starter.ckpt is written by `npm run pretrain` (Node): upload it.
  await page.getByLabel('Upload a checkpoint file').setInputFiles('public/models/starter.ckpt');
  await expect(page.getByRole('status').filter({ hasText: 'Imported "starter.ckpt"' })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(4);

  const downloading = page.waitForEvent('download');
  await table.getByRole('button', { name: 'Download Starter model', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^starter-model-.*\.rlhfckpt$/);
  const file = join(mkdtempSync(join(tmpdir(), 'rlhf-ckpt-')), download.suggestedFilename());
  await download.saveAs(file);
  // Stored and given back unchanged, byte for byte.
  expect(Buffer.compare(readFileSync(file), readFileSync('public/models/starter.ckpt'))).toBe(0);

  const out = execFileSync('npx', ['tsx', 'cli/generate.ts', '--checkpoint', file, '--prompt', 'Once', '--max-tokens', '100', '--n', '3', '--seed', '1'], { encoding: 'utf8' });
  const last = JSON.parse(out.trim().split('\n').at(-1)!) as { samples: string[] };
  expect(last.samples).toHaveLength(3);
  last.samples.forEach((s) => expect(s.startsWith('Once')).toBe(true));
  // The CLI really loaded the weights: the starter writes mostly real words (a misread file writes none).
  const dictionary = new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  expect(dictionaryWordFraction(last.samples, dictionary).fraction).toBeGreaterThan(0.5);
});

test('the classic-books model is fetched only when a person loads it, and then is the model in use', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto('/?backend=webgpu');
  await expect(page.getByLabel('Model in use')).toContainText('Starter model');
  expect(fetched.filter((p) => p.endsWith('/models/starter.ckpt'))).toHaveLength(1);
  expect(fetched.filter((p) => p.endsWith('/models/classic-books.ckpt'))).toHaveLength(0);
  await page.getByRole('table', { name: 'Stored checkpoints' }).getByRole('button', { name: 'Load Classic books model' }).click();
  await expect(page.getByLabel('Model in use')).toContainText('Classic books model');
  expect(fetched.filter((p) => p.endsWith('/models/classic-books.ckpt'))).toHaveLength(1);
});
