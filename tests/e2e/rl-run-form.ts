// The RL specs' shared steps: a micro model to fine-tune (WebGPU here is SwiftShader: slow), the
// RL form filled for a tiny run, the status lines they wait on, and the judgements as stored.
import { expect, type Page } from '@playwright/test';
import { pretrainPanel, startMicroPretraining } from './pretrain-form';

export const judgementCounter = (page: Page) => page.getByRole('status', { name: 'Feedback collected' });
export const runStatus = (page: Page) => page.getByRole('status', { name: 'RL run status' });
export const rlTab = (page: Page) => page.getByRole('tab', { name: '3 RL fine-tuning', exact: true });

/** Pretrains a micro model for 5 steps (it becomes the model in use), then opens the RL tab. */
export async function trainMicroModel(page: Page, backend: 'webgpu' | 'wasm' = 'webgpu', query = ''): Promise<void> {
  await page.goto(`/?backend=${backend}${query}`);
  await expect(page.getByRole('status', { name: `Compute backend: ${backend}` })).toBeVisible();
  await startMicroPretraining(page, { steps: 5, batchSize: 2, learningRate: 0.01, sampleEvery: 0 });
  await expect(page.getByRole('progressbar', { name: 'Pretraining progress' })).toHaveAttribute('value', '5', { timeout: 120_000 });
  await expect(pretrainPanel(page).getByText('finished', { exact: true })).toBeVisible();
  await rlTab(page).click();
  await expect(runStatus(page)).toHaveText('Not started');
}

export interface TinyRun { rounds: number; feedbackPrompts: number; ppoSteps: number; heldout: number; maxTokens: number; keepLast?: number }

/** K = 2, one reward-model epoch (no minimum steps), PPO on 2 prompts with one epoch of one minibatch. */
export async function fillTinyRun(page: Page, run: Partial<TinyRun> = {}): Promise<void> {
  const r: TinyRun = { rounds: 2, feedbackPrompts: 2, ppoSteps: 2, heldout: 2, maxTokens: 8, ...run };
  const form = page.getByRole('region', { name: 'Run RL fine-tuning' });
  const fill = (name: string, value: number) => form.getByRole('spinbutton', { name, exact: true }).fill(String(value));
  await fill('Rounds', r.rounds);
  await fill('Feedback prompts per round', r.feedbackPrompts);
  await fill('Completions per prompt (K)', 2);
  await fill('Reward-model epochs', 1);
  await fill('Reward-model minimum steps', 0);
  await fill('PPO steps per round', r.ppoSteps);
  await fill('Held-out prompts', r.heldout);
  if (r.keepLast !== undefined) await fill('Round checkpoints kept', r.keepLast);
  await form.getByText('PPO settings', { exact: true }).click();
  await fill('Prompts per rollout', 2);
  await fill('Max tokens', r.maxTokens);
  await fill('PPO epochs', 1);
  await fill('Minibatches', 1);
}

/** A simulated labeler that ranks strictly every time (no ties to skip): the troll. */
export async function chooseSimulatedTroll(page: Page): Promise<void> {
  await page.getByRole('radio', { name: 'A simulated labeler' }).check();
  await page.getByRole('radio', { name: 'Troll: random' }).check();
}

export interface StoredJudgement { id: number; labeler: string; batch: string }

/** Every stored judgement, read straight from IndexedDB in the page (not through the app). */
export function storedJudgements(page: Page): Promise<StoredJudgement[]> {
  return page.evaluate(() => new Promise<StoredJudgement[]>((resolve, reject) => {
    const open = indexedDB.open('rlhf-playground');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const all = open.result.transaction('judgements').objectStore('judgements').getAll();
      all.onerror = () => reject(all.error);
      all.onsuccess = () => {
        open.result.close();
        type Row = { id: number; labeler: string; prompt: string; completions: Array<{ text: string }> };
        resolve((all.result as Row[]).map((j) => ({ id: j.id, labeler: j.labeler, batch: JSON.stringify([j.prompt, ...j.completions.map((c) => c.text)]) })));
      };
    };
  }));
}

export interface StoredCheckpoint { id: number; kind: string; runId?: number; round?: number; hasBytes: boolean }

/**
 * Every stored checkpoint record, whether its bytes row is there, and how many bytes rows have no
 * record: read straight from IndexedDB in the page (not through the app).
 */
export function storedCheckpoints(page: Page): Promise<{ records: StoredCheckpoint[]; orphanBytes: number }> {
  return page.evaluate(() => new Promise<{ records: StoredCheckpoint[]; orphanBytes: number }>((resolve, reject) => {
    const open = indexedDB.open('rlhf-playground');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(['checkpoints', 'checkpointBytes']);
      const records = tx.objectStore('checkpoints').getAll();
      const bytes = tx.objectStore('checkpointBytes').getAllKeys();
      tx.onerror = () => reject(tx.error);
      tx.oncomplete = () => {
        open.result.close();
        const withBytes = new Set(bytes.result as number[]);
        type Row = { id: number; kind: string; meta: { runId?: number; round?: number } };
        const rows = records.result as Row[];
        const ids = new Set(rows.map((c) => c.id));
        resolve({
          records: rows.map((c) => ({ id: c.id, kind: c.kind, runId: c.meta.runId, round: c.meta.round, hasBytes: withBytes.has(c.id) })),
          orphanBytes: [...withBytes].filter((id) => !ids.has(id)).length,
        });
      };
    };
  }));
}

/**
 * Ids of the judgements the app acknowledged, from its one console line per acknowledgement: as
 * the console events arrive, and as the page itself noted them in sessionStorage (it survives
 * reloads; a console event sent just as the page goes can be lost on the way). Call before goto.
 */
export async function collectAcknowledged(page: Page): Promise<() => Promise<number[]>> {
  const seen = new Set<number>();
  page.on('console', (m) => {
    const id = /^RL judgement (\d+) saved/.exec(m.text())?.[1];
    if (id) seen.add(Number(id));
  });
  await page.addInitScript(() => {
    const info = console.info.bind(console);
    console.info = (...args: unknown[]) => {
      const id = /^RL judgement (\d+) saved/.exec(String(args[0]))?.[1];
      if (id) sessionStorage.setItem('acknowledged', `${sessionStorage.getItem('acknowledged') ?? ''} ${id}`);
      info(...args);
    };
  });
  return async () => {
    const noted = page.isClosed() ? '' : await page.evaluate(() => sessionStorage.getItem('acknowledged') ?? '');
    noted.split(' ').filter(Boolean).forEach((id) => seen.add(Number(id)));
    return [...seen].sort((a, b) => a - b);
  };
}

/** Asserts the store holds every acknowledged judgement, and no batch twice. */
export async function expectEachJudgementOnce(page: Page, acknowledged: number[]): Promise<StoredJudgement[]> {
  const stored = await storedJudgements(page);
  const ids = stored.map((j) => j.id);
  for (const id of acknowledged) expect(ids.filter((x) => x === id), `judgement ${id}`).toHaveLength(1);
  const batches = stored.map((j) => j.batch);
  expect(new Set(batches).size, 'no batch stored twice').toBe(batches.length);
  return stored;
}
