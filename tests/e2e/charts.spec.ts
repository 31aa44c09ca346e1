// The charts (uPlot): a point per step in the description, values on hover, smoothing that redraws
// the line and leaves the data alone, CSV and PNG downloads, a log axis, and stored RL runs overlaid
// on the RL metrics, each its own legend entry and colour; the axe audit on the chart controls.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { pretrainPanel, startMicroPretraining } from './pretrain-form';
import { rlTab } from './rl-run-form';

const STEPS = 6;

async function downloaded(page: Page, button: Locator): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return readFile((await file.path())!);
}

const violations = async (page: Page) => (await new AxeBuilder({ page }).include('figure.chart').include('details').analyze()).violations
  .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

/** Two finished RL runs written straight into the app's IndexedDB (not through the app). */
const addStoredRuns = (page: Page) => page.evaluate(() => new Promise<void>((resolve, reject) => {
  const open = indexedDB.open('rlhf-playground');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const tx = open.result.transaction('runs', 'readwrite');
    for (const [name, kl] of [['Overlay A', 0.1], ['Overlay B', 0.3]] as const) {
      const metrics = [1, 2, 3].map((round) => ({ round, 'objective/kl': kl * round, 'objective/scores': -round }));
      tx.objectStore('runs').add({ kind: 'rl', name, createdAt: new Date().toISOString(), settings: {}, metrics, status: 'finished' });
    }
    tx.oncomplete = () => { open.result.close(); resolve(); };
    tx.onerror = () => reject(tx.error);
  };
}));

test('a loss chart shows each step, its values on hover, smoothing and downloads; stored RL runs overlay', async ({ page }) => {
  await page.goto('/?backend=wasm');
  await expect(page.getByRole('status', { name: 'Compute backend: wasm' })).toBeVisible();
  await startMicroPretraining(page, { steps: STEPS, batchSize: 2, learningRate: 0.01, sampleEvery: 0 });
  const panel = pretrainPanel(page);
  await expect(page.getByRole('progressbar', { name: 'Pretraining progress' })).toHaveAttribute('value', String(STEPS), { timeout: 120_000 });
  await expect(panel.getByText('finished', { exact: true })).toBeVisible();

  // A point per step, told in the description and the caption.
  const chart = panel.getByRole('img', { name: new RegExp(`^Training loss: ${STEPS} points, last loss [\\d.]+ at step ${STEPS}$`) });
  await expect(chart).toBeVisible();
  const description = (await chart.getAttribute('aria-label'))!;
  await expect(panel.locator('figcaption')).toHaveText(description);
  const lastLoss = /last loss ([\d.]+)/.exec(description)![1];
  await expect(panel.getByText(`Step ${STEPS} / ${STEPS} · loss ${lastLoss}`)).toBeVisible();

  // The CSV: a row per step with the loss logged, the last as the progress line shows it.
  const csvButton = panel.getByRole('button', { name: 'Download CSV of Training loss' });
  const csv = (await downloaded(page, csvButton)).toString('utf8');
  const [header, ...rows] = csv.trim().split('\n');
  expect(header).toBe('step,Training loss');
  const points = rows.map((r) => r.split(',').map(Number));
  expect(points.map(([x]) => x)).toEqual(Array.from({ length: STEPS }, (_, i) => i + 1));
  expect(points.at(-1)![1].toFixed(3)).toBe(lastLoss);

  // Values on hover: the legend reads the point under the mouse, first and last step.
  const legend = panel.getByRole('table', { name: 'Training loss: values at the cursor' });
  const value = (name: string) => legend.locator('tr', { hasText: name }).first().locator('td');
  const over = chart.locator('.u-over');
  const box = (await over.boundingBox())!;
  await page.mouse.move(box.x + 1, box.y + box.height / 2);
  await expect(value('step')).toHaveText('1');
  await expect(value('Training loss')).toHaveText(points[0][1].toFixed(3));
  await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2);
  await expect(value('step')).toHaveText(String(STEPS));
  await expect(value('Training loss')).toHaveText(lastLoss);
  await page.mouse.move(0, 0);
  // And by keyboard: the chart takes focus, Home and End move the cursor to the first and last step.
  await chart.focus();
  await page.keyboard.press('Home');
  await expect(value('step')).toHaveText('1');
  await page.keyboard.press('End');
  await expect(value('Training loss')).toHaveText(lastLoss);
  await expect(panel.getByText(`step ${STEPS}: Training loss ${lastLoss}`)).toBeAttached();
  await chart.blur();

  // Smoothing redraws the line; the data (description, CSV) stays as logged.
  const canvas = chart.locator('canvas');
  const drawn = () => canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL());
  const before = await drawn();
  const slider = panel.getByRole('slider', { name: 'Smoothing for Training loss' });
  await expect(slider).toHaveValue('0.6');
  await slider.fill('0');
  await expect.poll(drawn).not.toBe(before);
  await slider.fill('0.6');
  await expect.poll(drawn).toBe(before);
  await slider.fill('0.95');
  await expect.poll(drawn).not.toBe(before);
  await expect(chart).toHaveAttribute('aria-label', description);
  expect((await downloaded(page, csvButton)).toString('utf8')).toBe(csv);

  // A log axis (every loss is above 0), then the PNG.
  const atSmoothing = await drawn();
  await panel.getByRole('checkbox', { name: 'Log scale for Training loss' }).check();
  await expect.poll(drawn).not.toBe(atSmoothing);
  const png = await downloaded(page, panel.getByRole('button', { name: 'Download PNG of Training loss' }));
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(await violations(page)).toEqual([]);

  // Two stored RL runs, picked on the RL tab, overlay the (empty) run in progress.
  await addStoredRuns(page);
  await rlTab(page).click();
  await page.getByText('Compare with stored runs').click();
  await page.getByRole('checkbox', { name: /^Overlay A #\d+ · 3 rounds/ }).check();
  await page.getByRole('checkbox', { name: /^Overlay B #\d+ · 3 rounds/ }).check();
  const kl = page.locator('figure', { has: page.getByRole('img', { name: /^objective\/kl: 0 points/ }) });
  const klLegend = kl.getByRole('table', { name: 'objective/kl: values at the cursor' });
  await expect(klLegend.locator('tr:visible')).toHaveText([/^round/, /^this run/, /^Overlay A #\d+/, /^Overlay B #\d+/]);
  const colours = await klLegend.locator('tr:visible .u-marker').evaluateAll((ms) => ms.map((m) => getComputedStyle(m).borderColor));
  expect(new Set(colours.slice(-3)).size).toBe(3);
  const klCsv = (await downloaded(page, kl.getByRole('button', { name: 'Download CSV of objective/kl' }))).toString('utf8');
  expect(klCsv).toMatch(/^round,this run,Overlay A #\d+,Overlay B #\d+\n1,,0\.1,0\.3\n2,,0\.2,0\.6\n3,,0\.30000000000000004,0\.8999999999999999\n$/);
  expect(await violations(page)).toEqual([]);
});
