// npm run bench:soak:browser [-- --rounds 200 --every 20]
// The soak of bench/soak.ts, in the real app: headless Chromium (wasm backend), the real worker
// and the real IndexedDB. A micro model is pretrained through the UI, then one RL run of --rounds
// rounds with a simulated labeler. Every --every rounds (as the chart shows them) we read
// tf.memory() in the worker as the last round ended (noted by the worker under ?test-hooks=1,
// read with a test message: a fixed point of the loop, as bench/soak.ts reads it), the JS
// heap of the page after a GC (DevTools protocol) and of the worker where Chromium reports it, and
// IndexedDB: bytes per table (structured size, as db-size.ts counts) and the browser's own usage
// figure. Prints a table, a verdict and a JSON line. Not part of CI.
import { chromium, expect, type Page } from '@playwright/test';
import { parseFlags } from '../cli/args';
import { findChromium } from '../scripts/find-chromium.mjs';
import { startMicroPretraining } from '../tests/e2e/pretrain-form';
import { chooseSimulatedTroll, fillTinyRun, rlTab, runStatus } from '../tests/e2e/rl-run-form';
import { BASE_URL, buildApp, startPreview } from './runner/server';

interface Reading {
  round: number;
  tensors: number;
  pageHeapMB: number;
  workerHeapMB: number | null;
  tables: Record<string, { records: number; bytes: number }>;
  usageMB: number;
  seconds: number;
}

type Hooks = { memory(): Promise<{ numTensors: number; heapBytes: number | null; roundEnd: { round: number; numTensors: number } | null }> };

/**
 * Bytes and records of every store of the app's database, read in the page. A string, not a
 * function: tsx would wrap a function's inner helpers in a __name() the page does not have.
 */
const TABLE_SIZES = `new Promise((resolve, reject) => {
  const utf8 = new TextEncoder();
  function size(v) {
    if (v === null || v === undefined) return 0;
    if (typeof v === 'number') return 8;
    if (typeof v === 'boolean') return 1;
    if (typeof v === 'string') return utf8.encode(v).length;
    if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) return v.byteLength;
    if (Array.isArray(v)) return v.reduce((n, x) => n + size(x), 0);
    if (typeof v === 'object') return Object.entries(v).reduce((n, [k, x]) => n + utf8.encode(k).length + size(x), 0);
    return 0;
  }
  const open = indexedDB.open('rlhf-playground');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names);
    const out = {};
    for (const name of names) {
      out[name] = { records: 0, bytes: 0 };
      tx.objectStore(name).openCursor().onsuccess = (e) => {
        const cursor = e.target.result;
        if (!cursor) return;
        out[name].records++;
        out[name].bytes += size(cursor.value);
        cursor.continue();
      };
    }
    tx.oncomplete = () => { db.close(); resolve(out); };
    tx.onerror = () => reject(tx.error);
  };
})`;

const tableSizes = (page: Page) => page.evaluate(TABLE_SIZES) as Promise<Record<string, { records: number; bytes: number }>>;

async function main(): Promise<void> {
  const f = parseFlags(process.argv.slice(2), { rounds: 200, every: 20, feedbackPrompts: 4, ppoSteps: 4, maxTokens: 16 });
  console.log('building the app ...');
  await buildApp();
  const server = await startPreview();
  const browser = await chromium.launch({ executablePath: (await findChromium()) ?? undefined, args: ['--no-first-run'] });
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`${BASE_URL}/?backend=wasm&test-hooks=1`);
    await startMicroPretraining(page, { steps: 5, batchSize: 2, learningRate: 0.01, sampleEvery: 0 });
    await expect(page.getByText('finished', { exact: true })).toBeVisible({ timeout: 120_000 });
    await rlTab(page).click();
    await fillTinyRun(page, { rounds: f.rounds, feedbackPrompts: f.feedbackPrompts, ppoSteps: f.ppoSteps, heldout: 2, maxTokens: f.maxTokens });
    await chooseSimulatedTroll(page); // strict rankings: every judgement trains the reward model
    const t0 = performance.now();
    await page.getByRole('button', { name: 'Start RL run' }).click();

    const readings: Reading[] = [];
    console.log(` round  tensors  page MB  worker MB ${['judgem. KB', 'ckpt KB', 'runs KB', 'settings KB'].map((h) => h.padStart(11)).join(' ')}  usage MB  seconds`);
    const targets = [1, ...Array.from({ length: Math.floor(f.rounds / f.every) }, (_, i) => (i + 1) * f.every)].filter((r, i, a) => a.indexOf(r) === i);
    for (const round of targets) {
      // Once the chart has this many rounds (the run goes on: each reading is taken wherever it is,
      // tensors excepted, which the worker noted as the last round ended).
      const chart = page.getByRole('img', { name: /^objective\/scores: \d+ points/ });
      const charted = async () => Number(/: (\d+) points/.exec((await chart.getAttribute('aria-label')) ?? '')?.[1] ?? 0);
      await expect.poll(charted, { timeout: 1_800_000, intervals: [1000] }).toBeGreaterThanOrEqual(round);
      const memory = await page.evaluate('rlhfTestHooks.memory()') as Awaited<ReturnType<Hooks['memory']>>;
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const tables = await tableSizes(page);
      const usage = await page.evaluate('navigator.storage.estimate()') as { usage?: number; usageDetails?: Record<string, number> };
      const r: Reading = {
        // Tensors as the last round ended (the worker notes them then, as bench/soak.ts reads them):
        // a fixed point of the loop; mid-round, a reward model or a rollout may be alive.
        round: memory.roundEnd?.round ?? round, tensors: memory.roundEnd?.numTensors ?? NaN, pageHeapMB: usedSize / 2 ** 20, workerHeapMB: memory.heapBytes === null ? null : memory.heapBytes / 2 ** 20,
        tables, usageMB: (usage.usageDetails?.indexedDB ?? usage.usage ?? 0) / 2 ** 20, seconds: (performance.now() - t0) / 1000,
      };
      readings.push(r);
      const kb = (name: string, extra = '') => (((tables[name]?.bytes ?? 0) + (extra ? tables[extra]?.bytes ?? 0 : 0)) / 1024).toFixed(1).padStart(11);
      console.log(`${String(r.round).padStart(6)} ${String(r.tensors).padStart(8)} ${r.pageHeapMB.toFixed(1).padStart(8)} ${(r.workerHeapMB?.toFixed(1) ?? 'n/a').padStart(10)} ${kb('judgements')} ${kb('checkpoints', 'checkpointBytes')} ${kb('runs')} ${kb('settings')} ${r.usageMB.toFixed(1).padStart(9)} ${r.seconds.toFixed(0).padStart(8)}`);
    }

    const first = readings[0];
    const last = readings[readings.length - 1];
    const span = Math.max(1, last.round - first.round);
    const tensorsFlat = readings.every((r) => r.tensors === first.tensors);
    const perRound = (name: string) => ((last.tables[name]?.bytes ?? 0) - (first.tables[name]?.bytes ?? 0)) / span / 1024;
    const steady = readings.length > 2 ? readings.slice(1) : readings;
    const heapPerRoundKB = ((steady[steady.length - 1].pageHeapMB - steady[0].pageHeapMB) * 1024) / Math.max(1, steady[steady.length - 1].round - steady[0].round);
    console.log(`tensors in the worker: ${tensorsFlat ? `flat at ${first.tensors} (exact)` : `NOT flat: ${readings.map((r) => r.tensors).join(' -> ')}`}`);
    console.log(`page heap after GC: ${heapPerRoundKB.toFixed(1)} KB per round from round ${steady[0].round} to ${last.round}` +
      (last.workerHeapMB === null ? '; the worker reports no heap figure here' : `; worker heap ${first.workerHeapMB!.toFixed(1)} -> ${last.workerHeapMB.toFixed(1)} MB`));
    console.log(`IndexedDB per round: judgements +${perRound('judgements').toFixed(1)} KB, checkpoints +${(perRound('checkpoints') + perRound('checkpointBytes')).toFixed(1)} KB, runs +${perRound('runs').toFixed(2)} KB, settings ${perRound('settings') >= 0 ? '+' : ''}${perRound('settings').toFixed(2)} KB; the browser's usage figure ${first.usageMB.toFixed(1)} -> ${last.usageMB.toFixed(1)} MB`);
    console.log(JSON.stringify({ rounds: f.rounds, every: f.every, backend: 'wasm', tensors_flat: tensorsFlat, readings }));
    if (!tensorsFlat) process.exitCode = 1;
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
