import { expect, test, type Locator, type Page } from '@playwright/test';

// WebGPU here is SwiftShader: a few tokens a second. Keep K = 4, completions short, runs tiny.
test.setTimeout(300_000);
// Tall enough for the labeling form, the ranking bar and four cards at once: a drag that has to
// scroll the page on the way drops nothing (the story starter's lines are longer than the books').
test.use({ viewport: { width: 1280, height: 1600 } });

const counter = (page: Page) => page.getByRole('status', { name: 'Feedback collected' });

async function openLabeling(page: Page, prompt: string): Promise<Locator> {
  await page.goto('/?backend=webgpu#reward');
  await expect(page.getByRole('status', { name: 'Compute backend: webgpu' })).toBeVisible();
  const label = page.getByRole('region', { name: 'Label completions' });
  await label.getByRole('textbox', { name: 'Prompt', exact: true }).fill(prompt);
  await label.getByRole('spinbutton', { name: 'Max tokens', exact: true }).fill('16');
  await label.getByRole('checkbox', { name: /move on to a random prompt/ }).uncheck();
  return label;
}

/** Asks for completions and waits until all K are on screen and can be judged. */
async function getCompletions(label: Locator, k = 4): Promise<void> {
  await label.getByRole('button', { name: 'Get completions' }).click();
  await expectBatchReady(label, k);
}

async function expectBatchReady(label: Locator, k = 4): Promise<void> {
  await expect(label.getByRole('article')).toHaveCount(k);
  await expect(label.getByRole('button', { name: 'Rank next — completion 1' })).toBeEnabled();
}

test('a person ranks 4 completions with the number keys; the judgement survives a reload; the reward model trains on webgpu', async ({ page }) => {
  const label = await openLabeling(page, 'The little bear');
  const name = label.getByRole('textbox', { name: 'Your labeler name' });
  await name.fill('ada');
  await name.press('Tab');
  await expect(label.getByRole('status').filter({ hasText: 'Labeling as "ada"' })).toBeVisible();
  await expect(counter(page)).toContainText('0 comparisons collected');

  await getCompletions(label);
  const ranking = label.getByRole('toolbar', { name: 'Ranking' });
  await expect(ranking).toBeFocused(); // ready for keys at once
  for (const key of ['2', '1', '4', '3']) await page.keyboard.press(key);
  await expect(ranking).toContainText('Your ranking: 2 > 1 > 4 > 3');
  await expect(label.getByRole('article', { name: 'Completion 2' })).toContainText('#1');
  await page.keyboard.press('Enter');
  // Acknowledged only after the store committed it.
  await expect(label.getByRole('status').filter({ hasText: 'Saved ranking — 6 comparisons; 6 collected' })).toBeVisible();
  await expect(counter(page)).toContainText('6 comparisons collected');

  await page.reload();
  await expect(counter(page)).toContainText('6 comparisons collected');
  await expect(label.getByRole('textbox', { name: 'Your labeler name' })).toHaveValue('ada');
  const stored = page.getByRole('table', { name: 'Newest judgements' }).getByRole('row').filter({ hasText: 'ada' });
  await expect(stored).toHaveCount(1);
  await expect(stored).toContainText('The little bear');
  await expect(stored).toContainText('ranking 2 > 1 > 4 > 3');

  // A few more judgements so some can be held out: an imported file of A/B pairs.
  const pairs = ['happy', 'kind', 'glad', 'good'].map((w) => JSON.stringify({ prompt: 'The little bear', chosen: ` was ${w}.`, rejected: ' was sad.' })).join('\n');
  await page.getByLabel('Import a preference file (JSONL)').setInputFiles({ name: 'pairs.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(pairs) });
  await expect(counter(page)).toContainText('10 comparisons collected');

  const train = page.getByRole('region', { name: 'Train the reward model' });
  await train.getByRole('spinbutton', { name: 'Epochs', exact: true }).fill('1');
  await train.getByRole('spinbutton', { name: 'Minimum steps', exact: true }).fill('0'); // SwiftShader: as few steps as the epochs give
  await train.getByRole('spinbutton', { name: 'Batch size', exact: true }).fill('2');
  await train.getByRole('spinbutton', { name: 'Held-out fraction' }).fill('0.4');
  await train.getByRole('button', { name: 'Train reward model' }).click();
  await expect(train.getByRole('progressbar', { name: 'Reward model training progress' })).toBeVisible();
  await expect(train.getByRole('img', { name: /^Held-out accuracy: [1-9]\d* points?, last accuracy [\d.]+ at step \d+/ })).toBeVisible({ timeout: 200_000 });
  await expect(train.getByRole('img', { name: /^Reward model loss: [1-9]\d* points?/ })).toBeVisible();
  await expect(train.getByText('finished', { exact: true })).toBeVisible();
  const info = train.getByRole('group', { name: 'Reward model in use' });
  await expect(info).toContainText('trained on 5 judgements');
  await expect(info).toContainText(/mean -?[\d.]+ and std [\d.]+/);

  // The probe scores any text; a stored ranking is shown sorted by reward beside the person's.
  const probe = page.getByRole('region', { name: 'Probe the reward model' });
  await probe.getByRole('textbox', { name: 'Probe completion' }).fill(' was happy.');
  await probe.getByRole('button', { name: 'Score' }).click();
  await expect(probe.getByRole('status', { name: 'Probe reward' })).toContainText(/^Reward -?\d+\.\d\d \(raw -?[\d.]+\) for “Once upon a time was happy.”$/);
  const check = page.getByRole('region', { name: /A ranking, by the person/ });
  await check.getByRole('button', { name: 'Compare with the reward model' }).click();
  await expect(check.getByRole('table', { name: 'Completions sorted by reward' }).getByRole('row')).toHaveCount(1 + 4);
  await expect(check.getByRole('status', { name: 'Agreement with the person' })).toContainText(/agrees on [0-6] of 6 pairs/);

  // The reward model is kept: after a reload it is still the one in use.
  await page.reload();
  await expect(page.getByRole('group', { name: 'Reward model in use' })).toContainText('trained on 5 judgements');
});

test('every other kind of feedback from the keyboard: thumbs, A/B with strength, edit, all bad, skip, and undo', async ({ page }) => {
  const label = await openLabeling(page, 'Once upon a time');
  // A small tournament: the model in use at two temperatures, taking turns.
  await label.getByRole('checkbox', { name: /Tournament of models/ }).check();
  await label.getByRole('spinbutton', { name: 'Source 1 temperature' }).fill('0.5');
  await label.getByRole('spinbutton', { name: 'Source 2 temperature' }).fill('1.2');
  await getCompletions(label);
  await expect(label.getByRole('article', { name: 'Completion 1' })).toContainText('temperature 0.5');
  await expect(label.getByRole('article', { name: 'Completion 2' })).toContainText('temperature 1.2');
  const ack = label.locator('.ack');

  // Mouse people drag cards into the ranking; the keyboard takes a pick back.
  const ranking = label.getByRole('toolbar', { name: 'Ranking' });
  await label.getByRole('article', { name: 'Completion 3' }).dragTo(label.getByRole('list', { name: 'Your ranking, best first' }));
  await expect(ranking).toContainText('Your ranking: 3');
  await ranking.focus();
  await page.keyboard.press('Backspace');
  await expect(ranking).not.toContainText('Your ranking');

  // Thumbs act on the card in focus, and keep the batch on screen.
  await label.getByRole('button', { name: 'Rank next — completion 1' }).focus();
  await page.keyboard.press('u');
  await expect(ack).toHaveText('Saved thumbs — 0 comparisons; 0 collected');
  await label.getByRole('button', { name: 'Rank next — completion 2' }).focus();
  await page.keyboard.press('d');
  await expect(label.getByRole('article', { name: 'Completion 2' })).toContainText('down, saved');

  // A/B: "b" picks B, the arrow makes it "much better", Enter submits; the next batch follows.
  const slider = label.getByRole('slider', { name: 'Which is better' });
  await slider.focus();
  await page.keyboard.press('b');
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', 'B much better');
  await page.keyboard.press('Enter');
  await expect(ack).toHaveText('Saved A/B choice — 1 comparison; 1 collected');
  await expectBatchReady(label);
  // The A/B was a game of the tournament: B (temperature 1.2) beat A (0.5), and the ladder says so.
  const ladder = page.getByRole('table', { name: 'Tournament ladder' });
  await expect(ladder.getByRole('row')).toHaveCount(1 + 2);
  const cells = (row: number) => ladder.getByRole('row').nth(row).getByRole('cell');
  await expect(cells(1)).toHaveText(['1', / @ 1\.2$/, /^\d+$/, /^-?\d+ to \d+$/, '1']);
  await expect(cells(2)).toHaveText(['2', / @ 0\.5$/, /^-\d+$/, /^-\d+ to \d+$/, '1']);

  // Edit in place: the rewrite is preferred over the original.
  await label.getByRole('button', { name: 'Rank next — completion 3' }).focus();
  await page.keyboard.press('e');
  const editor = label.getByRole('textbox', { name: /Edit completion 3/ });
  await expect(editor).toBeFocused();
  await editor.fill(' there was a happy bear.');
  await page.keyboard.press('Control+Enter');
  await expect(ack).toHaveText('Saved edit — 1 comparison; 2 collected');
  await expectBatchReady(label);

  await ranking.focus();
  await page.keyboard.press('x');
  await expect(ack).toHaveText('Saved all bad — 0 comparisons; 2 collected');
  await expectBatchReady(label);
  await page.keyboard.press('s');
  await expect(ack).toHaveText('Skipped: nothing stored');
  await expectBatchReady(label);

  await page.keyboard.press('Control+z');
  await expect(ack).toHaveText('Undid all bad of “Once upon a time” — 2 collected');
  await page.keyboard.press('Control+z');
  await expect(ack).toHaveText('Undid edit of “Once upon a time” — 1 collected');
  await expect(counter(page)).toContainText('1 comparison collected');
  await expect(page.getByRole('table', { name: 'Newest judgements' }).getByRole('row')).toHaveCount(1 + 3);
});

test('a simulated labeler labels batches by itself and the screen shows each', async ({ page }) => {
  await page.goto('/?backend=webgpu#reward');
  const sim = page.getByRole('region', { name: 'Simulated labeler' });
  await sim.getByRole('combobox', { name: 'Prefers' }).selectOption('shorter');
  await sim.getByRole('spinbutton', { name: 'Noise' }).fill('0');
  await expect(sim).toContainText('stored as “simulated: shorter”');
  await sim.getByRole('spinbutton', { name: 'Batches' }).fill('2');
  await sim.getByRole('spinbutton', { name: 'Max tokens per completion' }).fill('16');
  await sim.getByRole('button', { name: 'Start labeling' }).click();
  await expect(sim.getByRole('progressbar', { name: 'Simulated labeling progress' })).toHaveAttribute('value', '2', { timeout: 200_000 });
  await expect(sim.getByRole('status')).toContainText('Batch 2 of 2 · done');
  const shown = sim.getByRole('list', { name: 'Last simulated ranking, best first' }).getByRole('listitem');
  await expect(shown).toHaveCount(4);
  // The shorter-preferring labeler put them shortest first (it reads prompt + completion, trimmed).
  const lengths = (await shown.locator('.completion').allTextContents()).map((t) => t.trimEnd().length);
  expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
  const rows = page.getByRole('table', { name: 'Newest judgements' }).getByRole('row').filter({ hasText: 'simulated: shorter' });
  await expect(rows).toHaveCount(2);
});

test('troll detection flags the labeler who disagrees with everyone else', async ({ page }) => {
  await page.goto('/?backend=webgpu#reward');
  // Three labelers prefer the kind story, one always the cruel one.
  const lines = ['ada', 'bob', 'cy', 'troll'].flatMap((labeler) => ['happy', 'kind'].map((w) => {
    const [chosen, rejected] = [` was ${w}.`, ' was sad and cruel.'];
    return JSON.stringify(labeler === 'troll' ? { prompt: 'The little bear', chosen: rejected, rejected: chosen, labeler } : { prompt: 'The little bear', chosen, rejected, labeler });
  }));
  await page.getByLabel('Import a preference file (JSONL)').setInputFiles({ name: 'crowd.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(lines.join('\n')) });
  await expect(counter(page)).toContainText('8 comparisons collected');

  const troll = page.getByRole('region', { name: 'Troll detection' });
  await troll.getByRole('button', { name: 'Check labelers' }).click();
  // One reward model per labeler takes a while: the panel says whose and how far along.
  await expect(troll.getByRole('status')).toHaveText(/^Labeler [1-4] of 4: a reward model on everyone but “(ada|bob|cy|troll)”, step \d+ of \d+$/, { timeout: 60_000 });
  await expect(troll.getByRole('progressbar', { name: 'Troll check progress' })).toBeVisible();
  const rows = troll.getByRole('table', { name: 'Labeler agreement' }).getByRole('row');
  await expect(rows).toHaveCount(1 + 4, { timeout: 200_000 });
  await expect(rows.filter({ hasText: 'troll' })).toContainText('flagged');
  await expect(rows.filter({ hasText: 'flagged' })).toHaveCount(1);
});
