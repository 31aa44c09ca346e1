import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const jsonl = (...records: object[]) => Buffer.from(records.map((r) => JSON.stringify(r)).join('\n') + '\n');

const good = jsonl(
  { prompt: 'Once upon a time', chosen: ' a bear smiled at the sun.', rejected: ' a wolf howled.' },
  { prompt: 'The little hen', chosen: ' found a grain of wheat.', rejected: ' sat.', margin: 0.5 },
  { prompt: 'The little hen', completion: ' was kind to everyone.', label: true },
);

async function openRewardScreen(page: Page) {
  await page.goto('/?backend=webgpu#reward');
  await expect(page.getByRole('tab', { name: '2 Reward model', exact: true })).toHaveAttribute('aria-selected', 'true');
}

const counter = (page: Page) => page.getByRole('status', { name: 'Feedback collected' });
const importInput = (page: Page) => page.getByLabel('Import a preference file (JSONL)');

test('a bad preference file is refused naming its line, and nothing of it is stored', async ({ page }) => {
  await openRewardScreen(page);
  await expect(counter(page)).toContainText('0 comparisons collected');

  await importInput(page).setInputFiles({ name: 'good.jsonl', mimeType: 'application/jsonl', buffer: good });
  await expect(page.getByRole('status').filter({ hasText: 'Imported 3 judgements (2 comparisons) from "good.jsonl"' })).toBeVisible();
  await expect(counter(page)).toContainText('2 comparisons collected');
  const rows = page.getByRole('table', { name: 'Newest judgements' }).getByRole('row');
  await expect(rows).toHaveCount(1 + 3);

  // Line 1 is fine, line 2 lacks "rejected": the whole file is refused.
  const bad = jsonl({ prompt: 'p', chosen: 'c', rejected: 'r' }, { prompt: 'Once', chosen: ' upon a time' }, { prompt: 'q', chosen: 'c', rejected: 'r' });
  await importInput(page).setInputFiles({ name: 'bad.jsonl', mimeType: 'application/jsonl', buffer: bad });
  await expect(page.getByRole('alert')).toContainText('Could not import "bad.jsonl": Line 2: missing field "rejected"');
  await expect(counter(page)).toContainText('2 comparisons collected');
  await expect(rows).toHaveCount(1 + 3);

  await importInput(page).setInputFiles({ name: 'broken.jsonl', mimeType: 'application/jsonl', buffer: Buffer.concat([good, Buffer.from('{"prompt": "a", "chosen": "b"')]) });
  await expect(page.getByRole('alert')).toContainText('Could not import "broken.jsonl": Line 4: not valid JSON');
  await page.reload();
  await expect(counter(page)).toContainText('2 comparisons collected');
});

test('imported text is shown as text, preferences export as TRL and HH-RLHF JSONL, and a project file opens in a fresh browser', async ({ page, browser }) => {
  await openRewardScreen(page);
  const markup = '<img src="x" onerror="window.pwned = 1"><b>bold</b>';
  await importInput(page).setInputFiles({
    name: 'markup.jsonl', mimeType: 'application/jsonl',
    buffer: Buffer.concat([good, jsonl({ prompt: markup, chosen: ' fine.', rejected: ' bad.', labeler: 'ada' })]),
  });
  await expect(counter(page)).toContainText('3 comparisons collected');
  const table = page.getByRole('table', { name: 'Newest judgements' });
  await expect(table.getByRole('cell', { name: markup, exact: true })).toBeVisible();
  await expect(table.locator('img, b')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();

  // TRL preference: one line per pair, thumbs as unpaired lines.
  await page.getByRole('combobox', { name: 'Format' }).selectOption('trl-preference');
  const exporting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export preferences' }).click();
  const exported = await exporting;
  expect(exported.suggestedFilename()).toMatch(/^preferences-trl-preference-.*\.jsonl$/);
  const lines = readFileSync((await exported.path())!, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  expect(lines).toHaveLength(4);
  expect(lines).toContainEqual(expect.objectContaining({ prompt: 'The little hen', chosen: ' found a grain of wheat.', rejected: ' sat.', margin: 0.5 }));
  expect(lines).toContainEqual(expect.objectContaining({ prompt: 'The little hen', completion: ' was kind to everyone.', label: true }));
  expect(lines).toContainEqual(expect.objectContaining({ prompt: markup, labeler: 'ada' }));

  // HH-RLHF: pairs as Human/Assistant transcripts; thumbs still go out as unpaired lines.
  await page.getByRole('combobox', { name: 'Format' }).selectOption('hh-rlhf');
  const exportingHH = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export preferences' }).click();
  const hh = readFileSync((await (await exportingHH).path())!, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  expect(hh).toContainEqual(expect.objectContaining({ chosen: '\n\nHuman: The little hen\n\nAssistant:  found a grain of wheat.', rejected: '\n\nHuman: The little hen\n\nAssistant:  sat.' }));
  expect(hh).toContainEqual(expect.objectContaining({ prompt: 'The little hen', completion: ' was kind to everyone.', label: true }));

  const saving = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download project' }).click();
  const project = await saving;
  expect(project.suggestedFilename()).toMatch(/^rlhf-project-.*\.rlhfproj$/);
  const projectFile = { name: project.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync((await project.path())!) };

  // A new browser profile has nothing stored; the project brings the judgements back.
  const fresh = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const other = await fresh.newPage();
  await openRewardScreen(other);
  await expect(counter(other)).toContainText('0 comparisons collected');
  await other.getByLabel('Open a project file').setInputFiles(projectFile);
  await expect(other.getByRole('status').filter({ hasText: /Opened "rlhf-project-.*\.rlhfproj": added 4 judgements/ })).toBeVisible();
  await expect(counter(other)).toContainText('3 comparisons collected');
  await expect(other.getByRole('table', { name: 'Newest judgements' }).getByRole('row')).toHaveCount(1 + 4);

  await other.getByLabel('Open a project file').setInputFiles({ name: 'notes.rlhfproj', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await expect(other.getByRole('alert')).toContainText('Could not open "notes.rlhfproj": Not a project file');
  await expect(counter(other)).toContainText('3 comparisons collected');
  await fresh.close();
});
