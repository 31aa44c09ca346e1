// The token view and the tokenizer of a fresh model: what a class sees of "a token".
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { pretrainPanel, startMicroPretraining } from './pretrain-form';
import { chooseSimulatedTroll, fillTinyRun, runStatus, trainMicroModel } from './rl-run-form';

/** axe-core's findings (its default rules) within one part of the page. */
const violations = async (page: Page, selector: string) => (await new AxeBuilder({ page }).include(selector).analyze()).violations
  .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

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
  await expect(current).toContainText('tokenizer: byte-level BPE, 2,048 tokens');
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

test("an RL round colours each policy token by the per-token KL the worker reports; the probe draws the reward after every token", async ({ page }) => {
  test.setTimeout(240_000);
  // wasm: a micro model's round is quicker there than on SwiftShader's WebGPU.
  await trainMicroModel(page, 'wasm');
  await fillTinyRun(page, { rounds: 1, ppoSteps: 2, heldout: 2, maxTokens: 8 });
  // A large step, so the policy moves off the reference and its tokens take both hues.
  await page.getByRole('region', { name: 'Run RL fine-tuning' }).getByRole('spinbutton', { name: 'Learning rate', exact: true }).fill('0.05');
  await chooseSimulatedTroll(page);
  await page.getByRole('button', { name: 'Start RL run' }).click();
  await expect(runStatus(page)).toContainText('round 1 of 1 · finished', { timeout: 180_000 });

  // Each measured token: its log ratio from the worker, its colour, its name; orange above 0, blue below.
  const table = page.getByRole('table', { name: 'Reference and policy completions' });
  await expect(table.getByRole('group', { name: /^Policy tokens of held-out prompt \d$/ })).toHaveCount(2);
  const tokens = table.locator('[data-log-ratio]');
  const seen = await tokens.evaluateAll((els) => els.map((e) => ({
    ratio: Number(e.getAttribute('data-log-ratio')),
    rgb: (getComputedStyle(e).backgroundColor.match(/\d+/g) ?? []).map(Number),
    label: e.getAttribute('aria-label') ?? '',
  })));
  expect(seen.filter((t) => Math.abs(t.ratio) > 0.05).length, JSON.stringify(seen.map((t) => t.ratio))).toBeGreaterThan(0);
  for (const { ratio, rgb: [r, , b], label } of seen) {
    expect(label).toMatch(/^".*": p policy [\d.e-]+ · p reference [\d.e-]+ · log ratio [+−]\d+\.\d\d$/);
    expect(label.endsWith(`log ratio ${ratio < 0 ? '−' : '+'}${Math.abs(ratio).toFixed(2)}`)).toBe(true);
    if (ratio > 0.05) expect(r, `ratio ${ratio}`).toBeGreaterThan(b);
    else if (ratio < -0.05) expect(b, `ratio ${ratio}`).toBeGreaterThan(r);
    else expect(Math.min(r, b), `ratio ${ratio}`).toBeGreaterThan(235); // near white
  }
  await expect(table.getByText(/^⟨EOS\+mean⟩ reward [+−]\d+\.\d\d$/)).toHaveCount(2);
  await tokens.first().focus();
  await expect(table.getByText(/^Token 1 of \d+ ".*": p policy .* · log ratio [+−]\d+\.\d\d$/)).toBeVisible();
  expect(await violations(page, 'section[aria-labelledby="rl-before-after-title"]')).toEqual([]);

  // A reward model on a few imported pairs, then the probe: one strip cell per token, each with its reward.
  await page.getByRole('tab', { name: '2 Reward model' }).click();
  const pairs = ['happy', 'kind', 'glad'].map((w) => JSON.stringify({ prompt: 'The little bear', chosen: ` was ${w}.`, rejected: ' was sad.' })).join('\n');
  await page.getByLabel('Import a preference file (JSONL)').setInputFiles({ name: 'pairs.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(pairs) });
  const train = page.getByRole('region', { name: 'Train the reward model' });
  await train.getByRole('spinbutton', { name: 'Epochs', exact: true }).fill('1');
  await train.getByRole('spinbutton', { name: 'Minimum steps', exact: true }).fill('0');
  await train.getByRole('spinbutton', { name: 'Held-out fraction' }).fill('0');
  await train.getByRole('button', { name: 'Train reward model' }).click();
  await expect(train.getByText('finished', { exact: true })).toBeVisible();
  const probe = page.getByRole('region', { name: 'Probe the reward model' });
  await probe.getByRole('textbox', { name: 'Probe completion' }).fill(' was happy.');
  await probe.getByRole('button', { name: 'Score' }).click();
  const reward = (await probe.getByRole('status', { name: 'Probe reward' }).locator('strong').textContent())!;
  const cells = probe.getByRole('group', { name: 'Reward after each token' }).getByRole('button');
  await expect(cells.first()).toBeVisible();
  const strip = await cells.evaluateAll((els) => els.map((e) => ({ reward: Number(e.getAttribute('data-reward')), text: e.querySelector('.text')?.textContent ?? '' })));
  expect(strip.map((c) => c.text).join('').replace(/·/g, ' ')).toBe(' was happy.');
  for (const c of strip) expect(Number.isFinite(c.reward)).toBe(true);
  expect(strip.at(-1)!.reward.toFixed(2)).toBe(reward); // the whole text's score
  await expect(cells.first()).toHaveAccessibleName(/^".*": reward [+−]\d+\.\d\d after it, [+−]\d+\.\d\d from the text before$/);
  await expect(probe.getByRole('group', { name: 'Reward after each token' })).toHaveAccessibleDescription(/reward of the text up to it/);
  expect(await violations(page, 'section[aria-labelledby="probe-title"]')).toEqual([]);
});
