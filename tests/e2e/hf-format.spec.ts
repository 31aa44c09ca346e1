import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { CharTokenizer } from '../../src/lib/model/char-tokenizer';
import { encodeCheckpoint } from '../../src/lib/model/checkpoint-format';
import { parameterShapes } from '../../src/lib/model/param-shapes';

// The Hugging Face GPT-2 format in the page: the starter out as a zip, the zip back in (checked,
// estimated, stored), and three refusals that store or download nothing. No training: quick.
const violations = async (page: Page, selector: string) => (await new AxeBuilder({ page }).include(selector).analyze()).violations
  .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

/** A tiny checkpoint with the older character tokenizer, which GPT-2's files cannot express. */
function charCheckpoint(): Uint8Array {
  const tokenizer = new CharTokenizer();
  const config = { vocabSize: tokenizer.vocabSize, blockSize: 8, nLayer: 1, nHead: 1, nEmbd: 8 };
  const tensors = new Map(parameterShapes(config).map(([name, shape]) => [name, new Float32Array(shape.reduce((a, b) => a * b, 1))]));
  return encodeCheckpoint({ config, tokenizer: tokenizer.spec, meta: { name: 'Char model', createdAt: '2020-01-01T00:00:00.000Z', kind: 'pretrain' }, tensors });
}

test('a checkpoint exports for Hugging Face and opens back as a checkpoint; bad files are refused whole', async ({ page }) => {
  await page.goto('/?backend=webgpu');
  await expect(page.getByRole('status', { name: 'Compute backend: webgpu' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Stored checkpoints' });
  await expect(table.getByRole('row')).toHaveCount(3); // header + the two bundled models

  // Out: the bundled starter as <name>-hf.zip, one folder of GPT-2 files.
  const downloading = page.waitForEvent('download');
  await table.getByRole('button', { name: 'Export Starter model for Hugging Face', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('starter-model-hf.zip');
  const dir = mkdtempSync(join(tmpdir(), 'rlhf-hf-'));
  const zipPath = join(dir, download.suggestedFilename());
  await download.saveAs(zipPath);
  const files = unzipSync(readFileSync(zipPath));
  expect(Object.keys(files).map((p) => p.split('/')[0])).toEqual(Array(10).fill('starter-model'));
  const config = JSON.parse(strFromU8(files['starter-model/config.json'])) as Record<string, unknown>;
  expect(config).toMatchObject({ model_type: 'gpt2', architectures: ['GPT2LMHeadModel'], n_layer: 4, n_embd: 128, n_head: 4, n_positions: 256, vocab_size: 2048 });

  // In: checked and estimated before anything is stored, then stored on request.
  const panel = page.getByRole('region', { name: 'Open a Hugging Face model' });
  const input = panel.getByLabel('Open Hugging Face GPT-2 files or a zip');
  await input.setInputFiles(zipPath);
  const report = panel.getByRole('region', { name: 'Checked: Starter model' });
  await expect(report).toContainText('1,088,514');
  await expect(report).toContainText('Memory to train');
  await expect(report.getByRole('row', { name: /^webgpu/ })).toContainText('can train it');
  await expect(table.getByRole('row')).toHaveCount(3);
  expect(await violations(page, '[aria-labelledby="hf-import-title"]'), 'import report').toEqual([]);
  await panel.getByRole('button', { name: 'Store as checkpoint' }).click();
  await expect(panel.getByRole('status')).toContainText('Stored "Starter model" as a checkpoint');
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('button', { name: 'Load Starter model', exact: true })).toHaveCount(2);
  await expect(report).toHaveCount(0);

  // A llama's config beside GPT-2's other files: refused by name, nothing stored.
  const loose = Object.entries(files).map(([path, bytes]) => {
    const name = basename(path);
    const buffer = name === 'config.json' ? strToU8(JSON.stringify({ ...config, model_type: 'llama', architectures: ['LlamaForCausalLM'] })) : bytes;
    return { name, mimeType: 'application/octet-stream', buffer: Buffer.from(buffer) };
  });
  await input.setInputFiles(loose);
  await expect(panel.getByRole('alert')).toContainText('Could not open 10 files');
  await expect(panel.getByRole('alert')).toContainText('"llama"');
  await expect(panel.getByRole('alert')).toContainText('Nothing was stored');
  await expect(panel.getByRole('region')).toHaveCount(0);
  expect(await violations(page, '[aria-labelledby="hf-import-title"]'), 'refusal').toEqual([]);

  // A zip whose weights are cut short.
  const cut = { ...files };
  const weights = cut['starter-model/model.safetensors'];
  cut['starter-model/model.safetensors'] = weights.subarray(0, weights.length >> 1);
  await input.setInputFiles({ name: 'cut-hf.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync(cut)) });
  await expect(panel.getByRole('alert')).toContainText('Could not open "cut-hf.zip": model.safetensors');
  await expect(table.getByRole('row')).toHaveCount(4);

  // A character-tokenizer checkpoint stores and loads, but has no Hugging Face form: refused, no download.
  await page.getByLabel('Upload a checkpoint file').setInputFiles({ name: 'char-model.rlhfckpt', mimeType: 'application/octet-stream', buffer: Buffer.from(charCheckpoint()) });
  await expect(table.getByRole('row')).toHaveCount(5);
  let downloads = 0;
  page.on('download', () => downloads++);
  await table.getByRole('button', { name: 'Export Char model for Hugging Face', exact: true }).click();
  const checkpoints = page.getByRole('region', { name: 'Checkpoints', exact: true });
  await expect(checkpoints.getByRole('alert')).toContainText('Could not export "Char model" for Hugging Face: "Char model" uses the older character tokenizer');
  await expect(checkpoints.getByRole('alert')).toContainText('Nothing was downloaded');
  expect(downloads).toBe(0);
  expect(await violations(page, '[aria-labelledby="checkpoints-title"]'), 'checkpoints with the export buttons').toEqual([]);
});
