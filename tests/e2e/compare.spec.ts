import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { storedCheckpoints, trainMicroModel } from './rl-run-form';

// WebGPU here is SwiftShader: a micro model, 4 comparisons, one RL step, two held-out prompts.
test.setTimeout(300_000);

test('the Compare screen runs four methods on the same judgements, shows table, scatter and samples, and keeps them across a reload', async ({ page }) => {
  await trainMicroModel(page);
  await page.getByRole('tab', { name: '4 Compare methods' }).click();
  const form = page.getByRole('region', { name: 'Compare methods on the same feedback' });
  const methods = form.getByRole('group', { name: 'Methods' });
  for (const name of ['Best-of-16', 'GRPO']) await methods.getByRole('checkbox', { name, exact: true }).uncheck();
  await expect(methods.getByRole('checkbox', { checked: true })).toHaveCount(4); // reference, best-of-4, PPO, DPO
  await form.getByRole('radio', { name: 'Troll: random' }).check(); // a strict ranking every time: no ties to skip
  await form.getByRole('combobox', { name: 'Gold judge' }).selectOption('shorter');
  const fill = (name: string, value: number) => form.getByRole('spinbutton', { name, exact: true }).fill(String(value));
  await fill('RL steps per method', 1);
  await fill('Held-out prompts', 2);
  await fill('Max tokens', 6);
  await fill('Comparisons (simulated labeler)', 4);
  await form.getByRole('button', { name: 'Start comparison' }).click();

  const results = page.getByRole('region', { name: 'Results' });
  const table = results.getByRole('table', { name: 'Methods compared' });
  await expect(table.getByRole('row')).toHaveCount(5, { timeout: 240_000 }); // a header and one row per method
  await expect(form.getByRole('button', { name: 'Start comparison' })).toBeEnabled();
  const rows = await table.getByRole('row').allInnerTexts();
  expect(rows.slice(1).map((r) => r.split('\t')[0])).toEqual(['Reference', 'Best-of-4', 'PPO', 'DPO']);
  // The reference's KL is 0 and best-of-4's is its formula, log 4 − 3/4 = 0.64.
  await expect(table.getByRole('row', { name: /^Reference/ }).getByRole('cell').nth(2)).toHaveText('0.00');
  await expect(table.getByRole('row', { name: /^Best-of-4/ }).getByRole('cell').nth(2)).toContainText('0.64');
  await expect(results.getByRole('img', { name: /^gold score against KL to the reference: Reference -?\d/ })).toBeVisible();
  const samples = results.getByRole('table', { name: 'Samples side by side' });
  await expect(samples.getByRole('row')).toHaveCount(3); // a header and the two held-out prompts
  await expect(samples.getByRole('columnheader')).toHaveText(['Prompt', 'Reference', 'Best-of-4', 'PPO', 'DPO']);

  // The results (table, scatter, samples) pass the same automatic audit as every tab.
  const axe = await new AxeBuilder({ page }).include('#phase-panel').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Each trained policy is a checkpoint of the comparison's run.
  const { records } = await storedCheckpoints(page);
  const trained = records.filter((c) => c.kind === 'policy' && c.runId !== undefined);
  expect(trained).toHaveLength(2);
  expect(trained.every((c) => c.hasBytes)).toBe(true);

  await page.reload();
  await page.getByRole('tab', { name: '4 Compare methods' }).click();
  await expect(page.getByRole('region', { name: 'Results' }).getByRole('table', { name: 'Methods compared' }).getByRole('row')).toHaveCount(5);
  await expect(page.getByRole('region', { name: 'Results' }).getByRole('combobox', { name: 'Comparison' })).toContainText('finished');
});
