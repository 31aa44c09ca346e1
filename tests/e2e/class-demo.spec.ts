import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { rlTab, trainMicroModel } from './rl-run-form';

// The class demo (ui/demo/) on a micro model at its quick sizes: each of the five steps' one button
// does its step and shows the live result; "Leave the demo" opens the step's tab; the view passes
// the same automatic accessibility audit as the tabs.
const violations = async (page: Page) => (await new AxeBuilder({ page }).analyze()).violations
  .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

test('the class demo walks all five steps on a micro model, and its view passes the axe audit', async ({ page }) => {
  test.setTimeout(300_000);
  await trainMicroModel(page, 'wasm');
  await page.getByRole('button', { name: 'Class demo' }).click();
  const demo = page.getByRole('region', { name: 'Class demo: RLHF in five steps' });
  await expect(demo).toBeVisible();
  await expect(page.getByRole('tablist')).toHaveCount(0); // the demo takes the tabs' place
  expect(await violations(page), 'demo, step 1').toEqual([]);
  await demo.getByRole('checkbox', { name: /Quick settings/ }).check();
  const step = (n: number) => expect(demo.getByRole('heading', { level: 3 })).toContainText(`Step ${n} of 5`);
  const next = () => demo.getByRole('button', { name: 'Next', exact: true }).click();

  // 1. The language model writes: two samples, their tokens as boxes.
  await step(1);
  await demo.getByRole('button', { name: /^Generate from/ }).click();
  const samples = demo.getByRole('list', { name: 'Demo samples' });
  await expect(samples).toHaveAttribute('aria-busy', 'false');
  await expect(samples.getByRole('listitem')).toHaveCount(2);
  await expect(demo.getByRole('group', { name: 'Tokens of demo sample 1' })).toBeVisible();

  // 2. SFT: a fresh browser has no demonstrations, so the examples are stored, then trained on.
  await next();
  await step(2);
  await demo.getByRole('button', { name: 'Fine-tune on demonstrations' }).click();
  await expect(demo.getByRole('note')).toContainText('3 examples were added');
  await expect(demo.getByRole('status', { name: 'Demo fine-tuning status' })).toContainText('finished', { timeout: 120_000 });
  await expect(page.getByLabel('Model in use')).toContainText('SFT');

  // 3. A simulated labeler ranks, then the reward model trains on its rankings.
  await next();
  await step(3);
  await demo.getByRole('button', { name: 'Label and train the reward model' }).click();
  const reward = demo.getByRole('status', { name: 'Demo reward model status' });
  await expect(reward).toContainText('finished', { timeout: 120_000 });
  await expect(reward).toContainText('held-out accuracy');

  // 4. "Make it short": one round, its row in the table.
  await next();
  await step(4);
  await demo.getByRole('button', { name: 'Start “Make it short”' }).click();
  const run = demo.getByRole('status', { name: 'Demo run status' });
  await expect(run).toContainText('round 1 of 1 · finished', { timeout: 120_000 });
  await expect(demo.getByRole('table', { name: 'Demo run, round by round' }).getByRole('row')).toHaveCount(2);

  // 5. Cut the KL leash: a new run, two rounds.
  await next();
  await step(5);
  await expect(demo.getByRole('button', { name: 'Next', exact: true })).toBeDisabled();
  await demo.getByRole('button', { name: 'Start “Cut the KL leash”' }).click();
  await expect(run).toContainText('round 2 of 2 · finished', { timeout: 120_000 });
  await expect(demo.getByRole('table', { name: 'Demo run, round by round' }).getByRole('row')).toHaveCount(3);
  expect(await violations(page), 'demo, step 5 with its results').toEqual([]);

  // Leaving opens the step's tab of the full app, where the run just made is shown.
  await demo.getByRole('button', { name: 'Leave the demo' }).click();
  await expect(rlTab(page)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('status', { name: 'RL run status' })).toContainText('finished');
});
