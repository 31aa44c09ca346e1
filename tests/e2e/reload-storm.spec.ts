import { expect, test, type Page } from '@playwright/test';
import { makeRng } from '../../src/lib/util/rng';
import {
  chooseSimulatedTroll, collectAcknowledged, expectEachJudgementOnce, fillTinyRun, rlTab, runStatus, trainMicroModel,
} from './rl-run-form';

// The online loop with a simulated labeler, reloaded 36 times, each time the moment the status
// line shows a phase picked by a seeded draw (sampling, feedback, reward model, PPO, measuring,
// saving the round): the page reloads itself from inside, so it lands while that phase is at work
// in the worker. Afterwards every judgement the app acknowledged is stored exactly once, no batch
// was stored twice, the newest checkpoint loads and writes, and the run goes on to the next round.
// It runs on wasm: what it tests is storage and resuming, and SwiftShader's WebGPU would make each
// round ~10x slower (rl.spec.ts and two-tabs.spec.ts run the same loop on webgpu).
test.setTimeout(600_000);

const PHASES = {
  sample: 'Sampling completions', feedback: 'Waiting for feedback', reward: 'Training the reward model',
  ppo: 'PPO steps', measure: 'Measuring on held-out prompts', save: 'Saving the round',
} as const;
type Phase = keyof typeof PHASES;
/** Each phase 6 times, in a seeded order: 36 reloads. */
function schedule(seed: number): Phase[] {
  const rng = makeRng(seed);
  const all = Array.from({ length: 6 }, () => Object.keys(PHASES) as Phase[]).flat();
  for (let i = all.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all;
}

/**
 * Reloads the page from inside as soon as the running run's status line shows the phase (noting
 * the line it saw in sessionStorage), and waits for the new page to load.
 */
async function reloadDuring(page: Page, label: string): Promise<string> {
  const loaded = page.waitForEvent('load', { timeout: 240_000 });
  await page.evaluate((label) => {
    sessionStorage.removeItem('reloaded during');
    const hit = () => {
      const line = document.querySelector('[aria-label="RL run status"]')?.textContent ?? '';
      if (!line.includes('· running ·') || !line.includes(label)) return false;
      sessionStorage.setItem('reloaded during', line);
      location.reload();
      return true;
    };
    if (!hit()) {
      const watch = new MutationObserver(() => { if (hit()) watch.disconnect(); });
      watch.observe(document.body, { subtree: true, childList: true, characterData: true });
    }
  }, label);
  await loaded;
  return page.evaluate(() => sessionStorage.getItem('reloaded during') ?? '');
}

test('36 reloads in every phase of the online loop lose no acknowledged judgement and store no batch twice', async ({ page }) => {
  const acknowledgedIds = await collectAcknowledged(page);
  await trainMicroModel(page, 'wasm');
  // More rounds than it can reach (a round takes about a second here): it is still running at the end.
  await fillTinyRun(page, { rounds: 1000, feedbackPrompts: 1, ppoSteps: 2, heldout: 1, maxTokens: 6 });
  await chooseSimulatedTroll(page);
  await page.getByRole('button', { name: 'Start RL run' }).click();
  await expect(runStatus(page)).toContainText('· running');
  const started = Date.now();

  const seen: Array<{ phase: Phase; line: string }> = [];
  for (const phase of schedule(20_251_124)) {
    const line = await reloadDuring(page, PHASES[phase]);
    expect(line, `reload ${seen.length + 1}`).toContain(PHASES[phase]);
    seen.push({ phase, line });
    // It was running: it resumes on its own (nothing to press) from its last saved round.
    await expect(page.getByText(/^Resumed run \d+ at round \d+$/)).toBeVisible({ timeout: 120_000 });
    console.log(`reload ${seen.length} at ${Math.round((Date.now() - started) / 1000)} s during ${line}`);
  }
  expect(new Set(seen.map((s) => s.phase)).size).toBe(Object.keys(PHASES).length);

  // Every acknowledged judgement is stored once; no batch was judged twice across the resumes.
  const acknowledged = await acknowledgedIds();
  const stored = await expectEachJudgementOnce(page, acknowledged);
  expect(acknowledged.length).toBeGreaterThanOrEqual(3);
  // A write can commit just as the page goes, before its acknowledgement shows: stored, not acknowledged.
  expect(stored.length).toBeGreaterThanOrEqual(acknowledged.length);
  console.log(`${seen.length} reloads in ${Math.round((Date.now() - started) / 1000)} s; ${acknowledged.length} judgements acknowledged, ${stored.length} stored`);

  // The run goes on: one more round is saved after the storm.
  const roundNow = async () => Number(/round (\d+) of 1000 · running/.exec((await runStatus(page).textContent()) ?? '')?.[1] ?? NaN);
  const round = await roundNow();
  expect(round).toBeGreaterThan(0);
  await expect.poll(roundNow, { timeout: 180_000 }).toBeGreaterThan(round);

  // The newest checkpoint is the last saved round's policy; it loads and writes.
  await page.getByRole('tab', { name: /1 Language model/ }).click();
  const table = page.getByRole('table', { name: 'Stored checkpoints' });
  const newest = table.getByRole('button', { name: /^Load RL policy \(run \d+, round \d+\)$/ }).first();
  const name = (await newest.getAttribute('aria-label'))!.replace(/^Load /, '');
  expect(Number(/round (\d+)\)$/.exec(name)?.[1])).toBeGreaterThanOrEqual(round);
  await table.getByRole('button', { name: `Load ${name}`, exact: true }).click(); // by name: newer rounds keep arriving
  await expect(page.getByLabel('Model in use')).toContainText(name);
  await page.getByRole('textbox', { name: 'Prompt' }).fill('The little bear');
  await page.getByRole('spinbutton', { name: 'Max tokens' }).fill('8');
  await page.getByRole('spinbutton', { name: 'Samples' }).fill('1');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('list', { name: 'Samples' })).toHaveAttribute('aria-busy', 'false', { timeout: 120_000 });
  await expect(page.getByRole('list', { name: 'Samples' }).getByRole('listitem')).toHaveCount(1);
  await rlTab(page).click();
  await expect(runStatus(page)).toContainText(/· running/);
  await expectEachJudgementOnce(page, await acknowledgedIds());
});
