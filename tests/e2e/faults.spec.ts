// Faults on purpose, through the ?test-hooks=1 hooks (engine-state.svelte.ts, test-hooks.ts): a lost
// WebGPU device falls back to the next backend and keeps working; a NaN during pretraining is
// undone and told, and what is saved afterwards is sound. The storage widget shows usage.
import { expect, test, type Page } from '@playwright/test';
import { pretrainPanel, saveFromPretrainPanel, startMicroPretraining } from './pretrain-form';
import { chooseSimulatedTroll, fillTinyRun, judgementCounter, runStatus, trainMicroModel } from './rl-run-form';

type Hooks = { loseDevice(): void; poisonWeights(): void };
const hook = (page: Page, name: keyof Hooks) => page.evaluate((n) => (globalThis as unknown as { rlhfTestHooks: Hooks }).rlhfTestHooks[n](), name);

test('a lost GPU falls back to wasm, says so, and generation still works', async ({ page }) => {
  await page.goto('/?backend=webgpu&test-hooks=1');
  await expect(page.getByRole('status', { name: 'Compute backend: webgpu' })).toBeVisible();
  await expect(page.getByLabel('Model in use')).toContainText('Starter model');

  await hook(page, 'loseDevice');
  const badge = page.getByRole('status', { name: 'Compute backend: wasm' });
  await expect(badge).toBeVisible();
  await expect(badge).toContainText('The GPU was lost');
  await expect(page.getByRole('alert').filter({ hasText: /^The GPU was lost \(.+\); now running on wasm\. Reloaded "Starter model/ })).toBeVisible();

  await page.getByRole('textbox', { name: 'Prompt' }).fill('The little bear');
  await page.getByRole('spinbutton', { name: 'Max tokens' }).fill('12');
  await page.getByRole('spinbutton', { name: 'Samples' }).fill('1');
  await page.getByRole('button', { name: 'Generate' }).click();
  const samples = page.getByRole('list', { name: 'Samples' });
  await expect(samples).toHaveAttribute('aria-busy', 'false');
  const text = (await samples.getByRole('listitem').first().textContent())!;
  expect(text.startsWith('The little bear')).toBe(true);
  expect(text.length).toBeGreaterThan('The little bear'.length);
});

test('a GPU lost while pretraining stops the run, and the engine goes on on wasm', async ({ page }) => {
  await page.goto('/?backend=webgpu&test-hooks=1');
  await expect(page.getByRole('status', { name: 'Compute backend: webgpu' })).toBeVisible();
  await startMicroPretraining(page, { steps: 100000, batchSize: 2, sampleEvery: 0 });
  const progress = page.getByRole('progressbar', { name: 'Pretraining progress' });
  await expect(progress).not.toHaveAttribute('value', '0');

  await hook(page, 'loseDevice');
  await expect(page.getByRole('status', { name: 'Compute backend: wasm' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: /^The GPU was lost .*; now running on wasm\. Reloaded "Starter model": anything not saved since was lost\.$/ })).toBeVisible();
  const panel = pretrainPanel(page);
  await expect(panel.getByText('stopped', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Model in use')).toContainText('Starter model');
  // The engine trains again, now on wasm.
  await startMicroPretraining(page, { steps: 3, batchSize: 2, sampleEvery: 0 });
  await expect(panel.getByText('finished', { exact: true })).toBeVisible();
});

test('a GPU lost mid-way through an RL run interrupts it; it resumes on wasm from its last round and finishes', async ({ page }) => {
  test.setTimeout(420_000);
  await trainMicroModel(page, 'webgpu', '&test-hooks=1');
  await fillTinyRun(page, { rounds: 2, feedbackPrompts: 1 });
  await chooseSimulatedTroll(page);
  await page.getByRole('button', { name: 'Start RL run' }).click();
  // Round 1 saved, round 2 under way: the GPU goes.
  await expect(page.getByRole('img', { name: /^objective\/scores: 1 point/ })).toBeVisible({ timeout: 200_000 });
  await expect(runStatus(page)).toContainText('round 2 of 2 · running');
  await hook(page, 'loseDevice');

  await expect(page.getByRole('status', { name: 'Compute backend: wasm' })).toBeVisible();
  // Interrupted by the worker, or failed on a GPU read that died with the device: resumable either way.
  await expect(runStatus(page)).toHaveText(/^Run \d+ stopped at round 2 of 2: resume it, or start a new one$/);
  await expect(page.getByText(/^(Interrupted at round 2: resume it from its last saved round|.+ \(round 2 was not saved: resume the run to try it again\))$/)).toBeVisible();
  const resume = page.getByRole('button', { name: /^Resume run \d+ from round 2$/ });
  await expect(resume).toBeEnabled();
  await resume.click();
  await expect(runStatus(page)).toContainText('round 2 of 2 · finished', { timeout: 200_000 });
  await expect(page.getByRole('img', { name: /^objective\/scores: 2 points/ })).toBeVisible();
  await expect(judgementCounter(page)).toContainText('2 judgements'); // one a round: round 2's was not asked twice
});

test('a NaN during pretraining is undone and told; training goes on and the checkpoint saves', async ({ page }) => {
  await page.goto('/?backend=wasm&test-hooks=1');
  const storage = page.getByRole('status', { name: 'Storage' });
  await expect(storage).toContainText(/MB of [\d.]+ MB stored/);
  await expect(storage).toContainText(/persistent/);
  await expect(page.getByLabel('Model in use')).toContainText('Starter model');

  await startMicroPretraining(page, { steps: 100000, batchSize: 2, sampleEvery: 0 });
  const progress = page.getByRole('progressbar', { name: 'Pretraining progress' });
  await expect(progress).not.toHaveAttribute('value', '0');
  await hook(page, 'poisonWeights');
  const fault = page.getByRole('status').filter({ hasText: /^Pretraining: Step \d+: NaN or Infinity in the loss\. The last good weights were restored and the learning rate halved/ });
  await expect(fault).toBeVisible();
  const faultStep = Number(/Step (\d+)/.exec((await fault.textContent())!)![1]);
  // Training goes on past the undone step.
  await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(faultStep + 1);
  const panel = pretrainPanel(page);
  await panel.getByRole('button', { name: 'Stop' }).click();
  await expect(panel.getByText('stopped', { exact: true })).toBeVisible();

  // The meter's share, not the text: a micro checkpoint can leave the rounded megabytes as they were.
  const used = () => storage.getByRole('meter', { name: 'Share of storage used' }).getAttribute('value').then(Number);
  const before = await used();
  await saveFromPretrainPanel(page, 'After a fault');
  // Listed: a save refuses NaN weights, so the restored ones are sound. The usage shown grew.
  await expect(page.getByRole('table', { name: 'Stored checkpoints' }).getByRole('row', { name: /After a fault/ })).toBeVisible();
  await expect.poll(used).toBeGreaterThan(before);
});
