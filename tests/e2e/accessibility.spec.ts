import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// An automatic audit with axe-core (all its default rules: WCAG 2.x A and AA, such as contrast,
// names, roles and "label in name", and its best practices). It cannot judge everything a person
// with a screen reader would, but what it finds is a real fault.
const violations = async (page: Page) => (await new AxeBuilder({ page }).analyze()).violations
  .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

test('every tab, and the labeling screen with its completions, pass an automatic accessibility audit', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/?backend=webgpu');
  await expect(page.getByRole('status', { name: 'Compute backend: webgpu' })).toBeVisible();
  for (const [tab, region] of [['1 Language model', 'Generate'], ['2 Reward model', 'Label completions'], ['3 RL fine-tuning', 'Run RL fine-tuning'], ['4 Compare methods', 'Compare methods on the same feedback']]) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await expect(page.getByRole('region', { name: region, exact: true })).toBeVisible();
    expect(await violations(page), tab).toEqual([]);
  }

  // Four completions to judge: cards, ranking, thumbs, edit and their keyboard hints.
  await page.getByRole('tab', { name: '2 Reward model', exact: true }).click();
  const label = page.getByRole('region', { name: 'Label completions' });
  await label.getByRole('spinbutton', { name: 'Max tokens', exact: true }).fill('8');
  await label.getByRole('button', { name: 'Get completions' }).click();
  await expect(label.getByRole('article')).toHaveCount(4, { timeout: 120_000 });
  await expect(label.getByRole('button', { name: 'Rank next — completion 1' })).toBeEnabled();
  await page.keyboard.press('2');
  expect(await violations(page), 'labeling').toEqual([]);
});
