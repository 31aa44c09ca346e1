import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { rlTab, runStatus } from './rl-run-form';

// A teacher's exact RL setup travels as a link (engine/run-link.ts): opened in a fresh page it
// fills the form, seed included, and starts nothing; a tampered link says so and keeps the defaults.
const form = (page: Page) => page.getByRole('region', { name: 'Run RL fine-tuning' });
const field = (page: Page, name: string) => form(page).getByRole('spinbutton', { name, exact: true });

test('a shared link reproduces the RL form in a new page, seed included, and starts nothing', async ({ page, context }) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?backend=wasm#rl');
  await expect(rlTab(page)).toHaveAttribute('aria-selected', 'true');
  await form(page).getByRole('button', { name: 'Cut the KL leash' }).click();
  await field(page, 'Rounds').fill('17');
  await field(page, 'RL seed').fill('4242');
  await field(page, 'Completions per prompt (K)').fill('3');
  await form(page).getByText('PPO settings', { exact: true }).click();
  await field(page, 'Max tokens').fill('20');
  await form(page).getByRole('radio', { name: 'Troll: inverted' }).check();
  await form(page).getByRole('textbox', { name: 'Words (comma-separated)' }).fill('the, café');

  await form(page).getByRole('button', { name: 'Copy link to these settings' }).click();
  const link = await form(page).getByRole('textbox', { name: 'Link to these settings' }).inputValue();
  expect(link).toMatch(/\/#rl\?run=[A-Za-z0-9_-]+$/);
  expect(link).not.toContain('backend='); // the recipient's browser picks its own backend
  await expect(form(page).getByRole('status', { name: 'Share link' })).toContainText('seed included');
  expect(page.url()).toContain('#rl?run='); // the address bar carries the settings too
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id), 'the RL tab with its link field').toEqual([]);
  await page.close();

  const opened = await context.newPage();
  await opened.goto(link);
  await expect(rlTab(opened)).toHaveAttribute('aria-selected', 'true');
  await expect(form(opened).getByRole('note').filter({ hasText: 'Filled from a shared link: nothing has started' })).toBeVisible();
  await expect(field(opened, 'Rounds')).toHaveValue('17');
  await expect(field(opened, 'RL seed')).toHaveValue('4242');
  await expect(field(opened, 'Completions per prompt (K)')).toHaveValue('3');
  await form(opened).getByText('PPO settings', { exact: true }).click();
  await expect(field(opened, 'Max tokens')).toHaveValue('20');
  await expect(field(opened, 'KL coefficient β')).toHaveValue('0'); // from the preset
  await expect(form(opened).getByRole('radio', { name: 'A simulated labeler' })).toBeChecked();
  await expect(form(opened).getByRole('radio', { name: 'Troll: inverted' })).toBeChecked();
  await expect(form(opened).getByRole('textbox', { name: 'Words (comma-separated)' })).toHaveValue('the, café');
  // Nothing started: no run, and Start is there to press.
  await expect(runStatus(opened)).toHaveText('Not started');
  await expect(form(opened).getByRole('button', { name: 'Start RL run' })).toBeEnabled({ timeout: 60_000 });
  await expect(runStatus(opened)).toHaveText('Not started');

  // A tampered link: refused with its reason, the form at its defaults.
  const tampered = link.replace(/run=(.{20})/, 'run=$1!!');
  await opened.goto('about:blank');
  await opened.goto(tampered);
  await expect(form(opened).getByRole('alert').filter({ hasText: "This link's settings cannot be used" })).toContainText('The form keeps its defaults');
  await expect(field(opened, 'Rounds')).toHaveValue('8');
  await expect(field(opened, 'RL seed')).toHaveValue('1');
});
