import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

test('a checkpoint written by the CLI uploads into the app, and one downloaded from the app loads in the CLI', async ({ page }) => {
  await page.goto('/?backend=webgpu');
  const table = page.getByRole('table', { name: 'Stored checkpoints' });
  await expect(table.getByRole('row')).toHaveCount(2); // header + the bundled starter

  // public/models/starter.ckpt is written by `npm run pretrain` (Node): upload it.
  await page.getByLabel('Upload a checkpoint file').setInputFiles('public/models/starter.ckpt');
  await expect(page.getByRole('status').filter({ hasText: 'Imported "starter.ckpt"' })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(3);

  const downloading = page.waitForEvent('download');
  await table.getByRole('button', { name: 'Download Starter model', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^starter-model-.*\.rlhfckpt$/);
  const file = join(mkdtempSync(join(tmpdir(), 'rlhf-ckpt-')), download.suggestedFilename());
  await download.saveAs(file);

  const out = execFileSync('npx', ['tsx', 'cli/generate.ts', '--checkpoint', file, '--prompt', 'Once', '--max-tokens', '12', '--n', '2', '--seed', '1'], { encoding: 'utf8' });
  const last = JSON.parse(out.trim().split('\n').at(-1)!) as { samples: string[] };
  expect(last.samples).toHaveLength(2);
  last.samples.forEach((s) => expect(s.startsWith('Once')).toBe(true));
});
