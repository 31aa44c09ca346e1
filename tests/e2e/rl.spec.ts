import { expect, test } from '@playwright/test';
import { chooseSimulatedTroll, fillTinyRun, judgementCounter as judgements, runStatus, storedCheckpoints, trainMicroModel } from './rl-run-form';

// WebGPU here is SwiftShader: a micro model, two prompts of K = 2 completions, 8 tokens, tiny PPO.
test.setTimeout(420_000);

test('two online RL rounds with a simulated labeler on webgpu; a reload mid-round resumes on its own with every judgement kept', async ({ page }) => {
  await trainMicroModel(page);
  await fillTinyRun(page, { keepLast: 1 }); // only the newest round's checkpoint stays
  await chooseSimulatedTroll(page); // a strict ranking every time: no ties to skip
  // A rule (Sparrow) that every sample meets: each side of the before/after table shows what it took off and why.
  const form = page.getByRole('region', { name: 'Run RL fine-tuning' });
  await form.getByRole('button', { name: 'Add a rule' }).click();
  const rule = form.getByRole('group', { name: 'Rule 1' });
  await rule.getByRole('textbox', { name: 'Name' }).fill('any letter');
  await rule.getByRole('combobox', { name: 'Kind' }).selectOption('regex');
  await rule.getByRole('textbox', { name: 'Pattern' }).fill('[a-z]');
  await rule.getByRole('spinbutton', { name: 'Penalty', exact: true }).fill('0.001');
  await page.getByRole('button', { name: 'Start RL run' }).click();
  await expect(runStatus(page)).toContainText(/round \d of 2 · running/);

  // Round 1: the labeler's two rankings are stored, then every chart gets its first point.
  await expect(page.getByRole('img', { name: /^objective\/scores: 1 point/ })).toBeVisible({ timeout: 200_000 });
  await expect(judgements(page)).toContainText('2 judgements');
  for (const key of ['objective/kl', 'policy/entropy_avg', 'loss/policy_avg', 'loss/value_avg', 'policy/clipfrac_avg', 'eval/labeler_score']) {
    await expect(page.getByRole('img', { name: new RegExp(`^${key.replace('/', '\\/')}: 1 point`) })).toBeVisible();
  }
  const table = page.getByRole('table', { name: 'Reference and policy completions' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByText(/^rules −0\.\d\d \(any letter ×\d+\)$/)).toHaveCount(4);

  // Round 2's feedback is in the store: reload while the reward model and PPO are at work.
  await expect(judgements(page)).toContainText('4 judgements', { timeout: 120_000 });
  await expect(runStatus(page)).toContainText('round 2 of 2 · running');
  await page.reload();
  await expect(judgements(page)).toContainText('4 judgements');
  await expect(page.getByText(/^Resumed run \d+ at round 2$/)).toBeVisible(); // it was running: no button to press
  await expect(page.getByRole('img', { name: /^objective\/scores: 1 point/ })).toBeVisible(); // round 1's metrics came back from IndexedDB

  await expect(runStatus(page)).toContainText('round 2 of 2 · finished', { timeout: 200_000 });
  await expect(page.getByRole('img', { name: /^objective\/scores: 2 points/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^eval\/labeler_score: 2 points/ })).toBeVisible();
  await expect(judgements(page)).toContainText(/[4-9] judgements/); // nothing collected was lost
  await expect(page.getByRole('table', { name: 'Reference and policy completions' }).getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('list', { name: 'Policy samples' }).getByRole('listitem')).toHaveCount(2);
  // Saving round 2 deleted round 1's checkpoint (record and bytes); the reference stays.
  const { records, orphanBytes } = await storedCheckpoints(page);
  expect(records.filter((c) => c.kind === 'policy').map((c) => c.round)).toEqual([2]);
  expect(records.filter((c) => c.kind === 'reference')).toHaveLength(1);
  expect(records.every((c) => c.hasBytes)).toBe(true);
  expect(orphanBytes).toBe(0);
});

test('a person judges each round on screen; pause, resume, then reset to the reference', async ({ page }) => {
  await trainMicroModel(page);
  await fillTinyRun(page, { feedbackPrompts: 1 });
  await page.getByRole('radio', { name: /^Me \(as/ }).check();
  await page.getByRole('button', { name: 'Start RL run' }).click();

  const feedback = page.getByRole('region', { name: 'Your feedback this round' });
  await expect(feedback.getByRole('group', { name: /^Prompt 1: / })).toBeVisible({ timeout: 120_000 });
  await expect(runStatus(page)).toContainText('Waiting for feedback 0 of 1');
  await feedback.getByRole('button', { name: 'Best: completion 2' }).click();
  await expect(feedback.getByRole('status', { name: 'Last feedback' })).toHaveText('Saved ranking — 1 comparison; 1 collected');

  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(runStatus(page)).toContainText('round 1 of 2 · paused');
  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect(runStatus(page)).toContainText('round 1 of 2 · running');

  // A paused run stays paused across a reload, and round 1's judged batch is not asked again.
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(runStatus(page)).toContainText('round 1 of 2 · paused');
  await page.reload();
  await expect(runStatus(page)).toContainText(/stopped at round 1 of 2/);
  await page.getByRole('button', { name: /^Resume run \d+ from round 1$/ }).click();
  await expect(page.getByText(/^Resumed run \d+ at round 1$/)).toBeVisible();

  // Round 2 asks again; "All the same" is stored too, though it teaches the reward model nothing.
  await expect(page.getByRole('img', { name: /^objective\/kl: 1 point/ })).toBeVisible({ timeout: 120_000 });
  await expect(judgements(page)).toContainText('1 judgement');
  await feedback.getByRole('button', { name: 'All the same' }).click({ timeout: 120_000 });
  await expect(feedback.getByRole('status', { name: 'Last feedback' })).toHaveText('Saved ranking — 0 comparisons; 1 collected');
  await expect(runStatus(page)).toContainText('round 2 of 2 · finished', { timeout: 120_000 });
  await expect(page.getByRole('img', { name: /^objective\/kl: 2 points/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^eval\/labeler_score/ })).toHaveCount(0); // no simulated labeler in this run

  await page.getByRole('button', { name: 'Reset to the reference' }).click();
  await expect(runStatus(page)).toHaveText('Not started');
  await expect(page.getByRole('img', { name: /^objective\/kl: 0 points/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start RL run' })).toBeEnabled();
});

test('"Cut the KL leash" sets β to 0 and says why that hacks the reward; a bad rule is named and blocks the start', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByRole('tab', { name: '3 RL fine-tuning', exact: true }).click();
  const run = page.getByRole('region', { name: 'Run RL fine-tuning' });
  const start = run.getByRole('button', { name: 'Start RL run' });
  await expect(start).toBeEnabled(); // the starter model is in use

  // "Make it positive" fills the measured settings and says what was measured: the review set first.
  await run.getByRole('button', { name: 'Make it positive' }).click();
  await expect(run.getByRole('note')).toContainText('Train a reward model on the bundled review set first');
  await expect(run.getByRole('spinbutton', { name: 'Rounds', exact: true })).toHaveValue('12');
  await expect(run.getByRole('spinbutton', { name: 'Feedback prompts per round', exact: true })).toHaveValue('16');
  await expect(run.getByRole('combobox', { name: 'Reward model each round' })).toHaveValue('last');
  await run.getByRole('button', { name: 'Make it short' }).click();
  await expect(run.getByRole('note')).toHaveCount(0);

  await run.getByRole('button', { name: 'Cut the KL leash' }).click();
  await run.getByText('PPO settings', { exact: true }).click();
  await expect(run.getByRole('spinbutton', { name: 'KL coefficient β', exact: true })).toHaveValue('0');
  await expect(run.getByRole('note')).toContainText('With β = 0 nothing holds the policy near the reference');
  // A reward worth hacking: a labeler that counts the word "the".
  await expect(run.getByRole('combobox', { name: 'Prefers' })).toHaveValue('keyword');
  await expect(run.getByRole('textbox', { name: 'Words (comma-separated)' })).toHaveValue('the');
  // A2C and the PPO-ptx mix are settings like the others.
  await run.getByRole('combobox', { name: 'Algorithm' }).selectOption('a2c');
  await expect(run.getByRole('spinbutton', { name: 'Pretraining mix γ (ptx)', exact: true })).toHaveValue('0');
  await expect(start).toBeEnabled(); // a preset fills the form, it does not start the run
  await expect(runStatus(page)).toHaveText('Not started');

  // Checkpoint retention: the last 3 rounds and every 10th by default; at least one round is kept.
  // (While refused, the field's name takes in the problem: its label holds the message.)
  const kept = run.getByRole('spinbutton', { name: /^Round checkpoints kept/ });
  await expect(kept).toHaveValue('3');
  await expect(run.getByRole('spinbutton', { name: 'Also keep every Nth round', exact: true })).toHaveValue('10');
  await kept.fill('0');
  await expect(run.getByRole('alert').filter({ hasText: 'Round checkpoints kept must be between 1 and 1000' })).toBeVisible();
  await expect(start).toBeDisabled();
  await kept.fill('3');
  await expect(start).toBeEnabled();

  await run.getByRole('button', { name: 'Add a rule' }).click();
  const rule = run.getByRole('group', { name: 'Rule 1' });
  await rule.getByRole('textbox', { name: 'Name' }).fill('no brackets');
  await rule.getByRole('combobox', { name: 'Kind' }).selectOption('regex');
  await rule.getByRole('textbox', { name: 'Pattern' }).fill('(oops');
  await expect(run.getByRole('alert').filter({ hasText: 'Rule "no brackets" is not a valid regular expression' })).toBeVisible();
  await expect(start).toBeDisabled();
  await rule.getByRole('textbox', { name: 'Pattern' }).fill('\\(oops');
  await expect(start).toBeEnabled();
});

test('GRPO is an algorithm like the others: a round on webgpu with groups of 2 charts its group metrics', async ({ page }) => {
  await trainMicroModel(page);
  await fillTinyRun(page, { rounds: 1 });
  await chooseSimulatedTroll(page);
  const form = page.getByRole('region', { name: 'Run RL fine-tuning' });
  await form.getByRole('combobox', { name: 'Algorithm' }).selectOption('grpo');
  // One sample per prompt has no group to judge it against: refused until there are two.
  await expect(form.getByRole('alert').filter({ hasText: 'samplesPerPrompt >= 2 for GRPO' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start RL run' })).toBeDisabled();
  await form.getByRole('spinbutton', { name: 'Samples per prompt', exact: true }).fill('2');
  await page.getByRole('button', { name: 'Start RL run' }).click();
  await expect(runStatus(page)).toContainText('round 1 of 1 · finished', { timeout: 300_000 });
  for (const key of ['objective/scores', 'objective/kl', 'loss/policy_avg', 'frac_reward_zero_std', 'reward_std']) {
    await expect(page.getByRole('img', { name: new RegExp(`^${key.replace('/', '\\/')}: 1 point`) })).toBeVisible();
  }
});
