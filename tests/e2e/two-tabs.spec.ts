import { expect, test } from '@playwright/test';
import {
  chooseSimulatedTroll, collectAcknowledged, expectEachJudgementOnce, fillTinyRun, runStatus, trainMicroModel,
} from './rl-run-form';

// Two tabs of one browser profile: tab A trains an RL run (it holds the run's Web Lock); tab B
// shows it read-only, its charts following A's rounds live from IndexedDB and its status line A's
// phase, and can start nothing.
// When A closes, B takes the run over on its own (it was running) and finishes it; each batch is
// judged once across the two tabs.
test.setTimeout(480_000);

test('one tab trains, the other watches live and takes the run over when the first closes', async ({ context }) => {
  const a = await context.newPage();
  const acknowledgedByA = await collectAcknowledged(a);
  await trainMicroModel(a);
  await fillTinyRun(a, { rounds: 2, feedbackPrompts: 1, ppoSteps: 2, heldout: 1, maxTokens: 6 });
  await chooseSimulatedTroll(a);
  await a.getByRole('button', { name: 'Start RL run' }).click();
  await expect(runStatus(a)).toContainText(/^Run \d+ · round 1 of 2 · running/);
  const runId = Number(/^Run (\d+)/.exec((await runStatus(a).textContent()) ?? '')?.[1]);

  const b = await context.newPage();
  const acknowledgedByB = await collectAcknowledged(b);
  await b.goto('/?backend=webgpu#rl');
  const watching = (round: number) => new RegExp(`^Run ${runId} is training in another tab · round ${round} of 2( · .+)?$`);
  await expect(runStatus(b)).toHaveText(watching(1));
  // A's phase reaches B as it changes (a BroadcastChannel: phases are not stored).
  await expect(runStatus(b)).toHaveText(/ · (Sampling completions|Waiting for feedback|Training the reward model|PPO steps|Measuring on held-out prompts|Saving the round) \d+ of \d+$/);
  for (const name of ['Start RL run', 'Pause', 'Resume', 'Stop', 'Reset to the reference']) {
    await expect(b.getByRole('button', { name, exact: true }), name).toBeDisabled();
  }
  await expect(b.getByRole('button', { name: /^Resume run/ })).toHaveCount(0);
  // B's form shows the run A trains (not B's defaults), and nothing in it can be edited.
  const settings = b.getByRole('group', { name: 'Run settings' });
  await expect(settings.getByRole('spinbutton', { name: 'Rounds', exact: true })).toHaveValue('2');
  await expect(settings.getByRole('spinbutton', { name: 'Held-out prompts', exact: true })).toHaveValue('1');
  await expect(settings.getByRole('spinbutton', { name: 'Rounds', exact: true })).toBeDisabled();
  await expect(settings.getByRole('button', { name: 'Make it short' })).toBeDisabled();

  // A's first round reaches B's charts and status line without B doing anything.
  await expect(b.getByRole('img', { name: /^objective\/scores: 1 point/ })).toBeVisible({ timeout: 240_000 });
  await expect(runStatus(b)).toHaveText(watching(2));
  await expect(runStatus(a)).toContainText('round 2 of 2 · running');

  // A closes (its locks go with it): B resumes the run from round 2 and finishes it.
  const byA = await acknowledgedByA(); // its console lines, and what it noted in its session
  await a.close();
  await expect(b.getByText(`Resumed run ${runId} at round 2`, { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(runStatus(b)).toContainText(`Run ${runId} · round 2 of 2 · finished`, { timeout: 240_000 });
  await expect(b.getByRole('img', { name: /^objective\/scores: 2 points/ })).toBeVisible();

  // One judgement per round (one feedback prompt each), whichever tab stored it; none twice.
  const stored = await expectEachJudgementOnce(b, [...byA, ...await acknowledgedByB()]);
  expect(stored).toHaveLength(2);
  await expect(b.getByRole('button', { name: 'Start RL run' })).toBeEnabled(); // B is the trainer now, and done
});
