import { expect, test } from '@playwright/test';

test('shows the RLHF pipeline: each of the three phases and the Compare tab opens, and the open one survives a reload', async ({ page }) => {
  await page.goto('/?backend=webgpu');
  const tabs = page.getByRole('tablist', { name: 'Pipeline phases' }).getByRole('tab');
  await expect(tabs).toHaveCount(4);
  const lm = page.getByRole('tab', { name: /1 Language model/ });
  const reward = page.getByRole('tab', { name: '2 Reward model', exact: true });
  const rl = page.getByRole('tab', { name: '3 RL fine-tuning', exact: true });
  await expect(lm).toHaveAttribute('aria-selected', 'true');
  await expect(reward).toHaveAttribute('aria-disabled', 'false');
  await expect(rl).toHaveAttribute('aria-disabled', 'false');

  await reward.click();
  await expect(reward).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Label completions' })).toBeVisible();
  await page.reload(); // the open phase is kept in the address
  await expect(page.getByRole('tab', { name: '2 Reward model', exact: true })).toHaveAttribute('aria-selected', 'true');

  await rl.click();
  await expect(rl).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Run RL fine-tuning' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'RL run status' })).toHaveText('Not started');

  const compare = page.getByRole('tab', { name: '4 Compare methods', exact: true });
  await compare.click();
  await expect(compare).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Compare methods on the same feedback' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('tab', { name: '4 Compare methods', exact: true })).toHaveAttribute('aria-selected', 'true');
});

test('runs on webgpu when asked, and says so', async ({ page }) => {
  await page.goto('/?backend=webgpu');
  await expect(page.getByRole('status', { name: 'Compute backend: webgpu' })).toBeVisible();
  await expect(page.getByRole('status', { name: /Compute backend/ })).toContainText('forced with ?backend=webgpu');
});

test('by itself prefers wasm over a software WebGPU adapter, and says why', async ({ page }) => {
  await page.goto('/');
  const badge = page.getByRole('status', { name: 'Compute backend: wasm' });
  await expect(badge).toBeVisible();
  await expect(badge).toContainText('software fallback');
  await expect(badge).toContainText(/wasm · \d+ threads?/); // the threads wasm computes with
});

test('the starter model generates text on webgpu, streaming, and the same seed gives the same text', async ({ page }) => {
  await page.goto('/?backend=webgpu');
  await expect(page.getByLabel('Model in use')).toContainText('Starter model');
  await page.getByRole('textbox', { name: 'Prompt' }).fill('The little bear');
  await page.getByRole('spinbutton', { name: 'Max tokens' }).fill('24');
  await page.getByRole('spinbutton', { name: 'Samples' }).fill('1');
  await page.getByRole('spinbutton', { name: 'Seed', exact: true }).fill('7');
  const samples = page.getByRole('list', { name: 'Samples' }).getByRole('listitem');
  const generate = page.getByRole('button', { name: 'Generate' });

  await generate.click();
  await expect(page.getByRole('list', { name: 'Samples' })).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('list', { name: 'Samples' })).toHaveAttribute('aria-busy', 'false');
  const first = await samples.first().textContent();
  expect(first!.startsWith('The little bear')).toBe(true);
  expect(first!.length).toBeGreaterThan('The little bear'.length);
  await expect(page.getByText(/\d+ tokens · [\d.]+ tokens\/s/)).toBeVisible();

  await generate.click();
  await expect(page.getByRole('list', { name: 'Samples' })).toHaveAttribute('aria-busy', 'false');
  await expect(samples.first()).toHaveText(first!);
});

test('refuses an out-of-range setting with a message', async ({ page }) => {
  await page.goto('/?backend=webgpu');
  await page.getByRole('spinbutton', { name: 'Temperature' }).fill('7');
  await expect(page.getByRole('alert').filter({ hasText: 'Temperature must be between 0 and 2' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Generate' })).toBeDisabled();
});

test('Stop ends a long generation early on wasm', async ({ page }) => {
  await page.goto('/?backend=wasm');
  const panel = page.getByRole('region', { name: 'Generate' });
  await page.getByRole('spinbutton', { name: 'Max tokens' }).fill('1000');
  await page.getByRole('spinbutton', { name: 'Samples' }).fill('1');
  await page.getByRole('checkbox', { name: 'Stop at the end of a paragraph' }).uncheck(); // only Stop can end it early
  await panel.getByRole('button', { name: 'Generate' }).click();
  const samples = page.getByRole('list', { name: 'Samples' });
  await expect(samples.getByRole('listitem')).toHaveCount(1); // tokens are streaming
  await panel.getByRole('button', { name: 'Stop' }).click();
  await expect(samples).toHaveAttribute('aria-busy', 'false');
  const tokens = Number(/(\d+) tokens/.exec((await panel.getByText(/tokens\/s/).textContent())!)![1]);
  expect(tokens).toBeLessThan(1000);
});
