import { expect, test } from '@playwright/test';
import { pretrainPanel, saveFromPretrainPanel, startMicroPretraining } from './pretrain-form';

// A reload mid-pretraining costs at most the training since the last autosave (every ~15 s): the
// Pretrain panel offers the run back, Resume goes on from that step with its loss chart, a
// finished but unsaved model is offered back too, and Discard removes the offer for good.
// About 55 micro steps fit in the first 15 s on the 2-core machine: 300 leaves the run going well past it.
const STEPS = 300;

test('a reload mid-pretraining offers to resume from the last autosave, and the run goes on to its end', async ({ page }) => {
  test.setTimeout(420_000);
  await page.goto('/?backend=webgpu');
  await expect(page.getByRole('status', { name: 'Compute backend: webgpu' })).toBeVisible();
  const panel = pretrainPanel(page);
  const offer = panel.getByRole('group', { name: 'Unsaved pretraining' });
  const progress = page.getByRole('progressbar', { name: 'Pretraining progress' });
  const modelInUse = page.getByLabel('Model in use');
  await expect(modelInUse).toContainText('Starter model');
  await expect(offer).toBeHidden(); // a fresh browser has nothing to offer

  await startMicroPretraining(page, { steps: STEPS, batchSize: 4, learningRate: 0.01, sampleEvery: 0 });
  await expect(modelInUse).toContainText('New micro model');
  // The first timed autosave, while the run still trains.
  const autosaved = panel.getByRole('status', { name: 'Pretraining autosave' });
  await expect(autosaved).toContainText(/Autosaved at step \d+/, { timeout: 120_000 });
  const savedStep = Number(/step (\d+)/.exec((await autosaved.textContent())!)![1]);
  expect(savedStep).toBeGreaterThan(0);
  expect(savedStep).toBeLessThan(STEPS);
  await expect(panel.getByText('running', { exact: true })).toBeVisible();

  await page.reload();
  await expect(modelInUse).toContainText('Starter model');
  await expect(offer).toBeVisible();
  // A later autosave may land between reading the status and the reload: the offer is that one or newer.
  const offered = Number(/step (\d+) of (\d+)/.exec((await offer.textContent())!)![1]);
  expect(offered).toBeGreaterThanOrEqual(savedStep);
  expect(offered).toBeLessThan(STEPS);
  await expect(offer).toContainText(`Unsaved pretraining from`);
  await expect(offer).toContainText(`step ${offered} of ${STEPS}`);
  await expect(offer.getByRole('button', { name: 'Restore the model' })).toHaveCount(0);

  await offer.getByRole('button', { name: 'Resume pretraining', exact: true }).click();
  await expect(offer).toBeHidden();
  await expect(modelInUse).toContainText('New micro model');
  await expect(panel.getByText('running', { exact: true })).toBeVisible();
  await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(offered);
  await expect(progress).toHaveAttribute('value', String(STEPS), { timeout: 300_000 });
  await expect(panel.getByText('finished', { exact: true })).toBeVisible();
  // One point a step, the ones from before the reload included (the resumed run drew STEPS - offered).
  await expect(page.getByRole('img', { name: new RegExp(`^Training loss: ${STEPS} points, last loss [\\d.]+ at step ${STEPS}$`) })).toBeVisible();
  await expect(autosaved).toContainText(`Autosaved at step ${STEPS}`);

  // Finished but never saved: after a reload the model is offered back, to restore rather than resume.
  await page.reload();
  await expect(offer).toContainText(`step ${STEPS} of ${STEPS}`);
  await expect(offer.getByRole('button', { name: 'Resume pretraining' })).toHaveCount(0);
  await offer.getByRole('button', { name: 'Restore the model', exact: true }).click();
  await expect(modelInUse).toContainText('New micro model');
  await expect(progress).toHaveAttribute('value', String(STEPS));
  await expect(page.getByRole('img', { name: new RegExp(`^Training loss: ${STEPS} points`) })).toBeVisible();

  // Discard: the offer goes, and stays gone after a reload (the engine tells of it before it is ready).
  await page.reload();
  await offer.getByRole('button', { name: 'Discard', exact: true }).click();
  await expect(offer).toBeHidden();
  await page.reload();
  await expect(modelInUse).toContainText('Starter model');
  await expect(offer).toBeHidden();
});

test('a run autosaves as it finishes, and saving the model as a checkpoint removes the offer', async ({ page }) => {
  await page.goto('/?backend=webgpu');
  await expect(page.getByRole('status', { name: 'Compute backend: webgpu' })).toBeVisible();
  const panel = pretrainPanel(page);
  const offer = panel.getByRole('group', { name: 'Unsaved pretraining' });
  await startMicroPretraining(page, { steps: 3, batchSize: 2, sampleEvery: 0 });
  await expect(panel.getByText('finished', { exact: true })).toBeVisible();
  await expect(panel.getByRole('status', { name: 'Pretraining autosave' })).toContainText('Autosaved at step 3');
  await saveFromPretrainPanel(page, 'Saved micro');

  await page.reload();
  await expect(page.getByLabel('Model in use')).toContainText('Starter model');
  await expect(page.getByRole('table', { name: 'Stored checkpoints' }).getByRole('row', { name: /Saved micro/ })).toBeVisible();
  await expect(offer).toBeHidden();
});
