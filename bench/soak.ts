// npm run bench:soak [-- --rounds 200 --every 10 --seed 1]
// A long online-RLHF run through the app's own worker code (RLHost, as tests/unit/rl-host.test.ts
// drives it) on a micro model, Node wasm, IndexedDB from fake-indexeddb: a simulated labeler
// stores its rankings as the main thread would, and every N rounds we read tf.memory().numTensors,
// the JS heap (after a GC when node runs with --expose-gc) and the database's size per table.
// Prints a table, a verdict (tensors flat, heap slope, DB growth per round and what it is made
// of), and a last JSON line. Not part of CI: 200 rounds take a while.
import 'fake-indexeddb/auto';
import { getHeapSpaceStatistics } from 'node:v8';
import * as tf from '@tensorflow/tfjs';
import { parseFlags } from '../cli/args';
import { readPrompts } from '../cli/files';
import { useNodeBackend } from '../src/lib/engine/node-backend';
import { DEFAULT_RL, type RLRunSettings } from '../src/lib/engine/rl-run';
import { DEFAULT_SIMULATED_LABELER, labelerFromSettings, simulatedJudgement } from '../src/lib/feedback/simulated-judgement';
import { createLanguageModel } from '../src/lib/model/language-model';
import { MODEL_SIZES } from '../src/lib/model/config';
import { charTokenizer } from '../src/lib/model/tokenizer';
import { getDB } from '../src/lib/store/db';
import { addJudgement } from '../src/lib/store/judgements';
import { Lock } from '../src/lib/util/lock';
import { makeRng } from '../src/lib/util/rng';
import type { FromWorker } from '../src/lib/worker/protocol';
import { RLHost } from '../src/lib/worker/rl-host';
import { tableSizes } from './db-size';

interface Row {
  round: number;
  tensors: number;
  heapMB: number;
  /** ArrayBuffers outside the heap (checkpoint bytes fake-indexeddb holds, wasm memory is apart). */
  arrayBuffersMB: number;
  /** Used KB per V8 heap space (old objects, code, large objects, ...): where heap growth lives. */
  spacesKB: Record<string, number>;
  seconds: number;
  db?: Record<string, { records: number; bytes: number }>;
}

const gc = (globalThis as { gc?: () => void }).gc;
const heapMB = () => { gc?.(); return process.memoryUsage().heapUsed / 2 ** 20; };

const heapSpacesKB = () => Object.fromEntries(getHeapSpaceStatistics().map((sp) => [sp.space_name, Math.round(sp.space_used_size / 1024)]));

/** Least-squares slope of y over x. */
function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  return sxx ? xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0) / sxx : 0;
}

async function main(): Promise<void> {
  const f = parseFlags(process.argv.slice(2), { rounds: 200, every: 10, seed: 1, feedbackPrompts: 4, k: 4, ppoSteps: 4, maxTokens: 16 });
  await useNodeBackend('wasm');
  const db = getDB();
  // A random labeler ranks without ties, so every judgement is informative and the reward model
  // refits on all of them each round: the load grows as the app's does.
  const labelerSettings = { ...DEFAULT_SIMULATED_LABELER, mode: 'random' as const, noise: 0 };
  const labeler = labelerFromSettings(labelerSettings);
  const settings: RLRunSettings = {
    ...DEFAULT_RL, rounds: f.rounds, feedbackPrompts: f.feedbackPrompts, k: f.k, ppoSteps: f.ppoSteps, seed: f.seed,
    ppo: { ...DEFAULT_RL.ppo, maxTokens: f.maxTokens },
    labeler: { kind: 'simulated', settings: labelerSettings },
    prompts: readPrompts(),
  };
  const model = createLanguageModel(MODEL_SIZES.micro, charTokenizer(), f.seed);
  const info = { name: 'micro', config: model.config, parameters: 0, tokenizer: 'characters', meta: { name: 'micro (soak)', createdAt: new Date(0).toISOString(), kind: 'pretrain' } };

  const t0 = performance.now();
  const rows: Row[] = [];
  const fillDb = async () => {
    for (const r of rows) r.db ??= await tableSizes(db);
  };
  const show = (r: Row) => {
    const kb = (name: string) => ((r.db?.[name]?.bytes ?? 0) / 1024).toFixed(1).padStart(10);
    console.log(`${String(r.round).padStart(6)} ${String(r.tensors).padStart(8)} ${r.heapMB.toFixed(1).padStart(8)} ${kb('judgements')} ${kb('checkpoints')} ${kb('checkpointBytes')} ${kb('runs')} ${kb('settings')} ${r.seconds.toFixed(0).padStart(7)}`);
  };
  console.log(` round  tensors  heap MB ${['judgem. KB', 'ckpt meta', 'ckpt bytes', 'runs KB', 'settings'].map((h) => h.padStart(10)).join(' ')} seconds`);
  let shown = 0;
  const refused: string[] = [];
  let failed: string | undefined;
  const tensorsBefore = tf.memory().numTensors;

  const host: RLHost = new RLHost({
    lock: new Lock(),
    policy: () => ({ model, info }),
    rewardModel: () => undefined,
    post: (m: FromWorker) => {
      // At the end of a round (its checkpoint and metrics are saved): tensors and heap, now.
      if (m.type === 'rl/round' && (m.round % f.every === 0 || m.round === f.rounds || m.round === 1)) {
        rows.push({ round: m.round, tensors: tf.memory().numTensors, heapMB: heapMB(), arrayBuffersMB: process.memoryUsage().arrayBuffers / 2 ** 20, spacesKB: heapSpacesKB(), seconds: (performance.now() - t0) / 1000 });
      }
      if (m.type === 'rl/status' && m.status === 'failed') failed = `round ${m.round}: ${m.message}`;
      if (m.type !== 'rl/feedback-request') return;
      // The host waits for this round's feedback: a quiet moment to read the database.
      void (async () => {
        await fillDb();
        while (shown < rows.length) show(rows[shown++]);
        const rng = makeRng(f.seed * 1000 + m.round);
        for (const b of m.batches) {
          // A judgement the store refuses is counted, not fatal: the soak goes on as the app would.
          await addJudgement(db, simulatedJudgement(labeler, b, rng)).catch((e: unknown) => refused.push(`round ${m.round}: ${(e as Error).message}`));
        }
        host.feedbackDone(m.round);
      })();
    },
  });
  await host.start(settings);
  await fillDb();
  while (shown < rows.length) show(rows[shown++]);

  // Verdict. Round 1 creates Adam's moments and the run's reward model, so flatness counts from it.
  const inRun = rows.filter((r) => r.round >= 1);
  const tensorsFlat = inRun.every((r) => r.tensors === inRun[0].tensors);
  const tensorsAfter = tf.memory().numTensors;
  const steady = inRun.length > 2 ? inRun.slice(1) : inRun; // the first reading still has warm-up garbage
  const heapSlopeKB = slope(steady.map((r) => r.round), steady.map((r) => r.heapMB * 1024));
  const first = inRun[0];
  const last = inRun[inRun.length - 1];
  const span = Math.max(1, last.round - first.round);
  const growth = Object.fromEntries(Object.keys(last.db!).map((t) => [t, {
    bytesPerRound: (last.db![t].bytes - first.db![t].bytes) / span,
    recordsPerRound: (last.db![t].records - first.db![t].records) / span,
  }]));
  const metricsPerRound = span ? ((await db.runs.toArray())[0]?.metrics.length ?? 0) / f.rounds : 0;
  const meant = ['judgements', 'checkpoints', 'checkpointBytes', 'runs'];
  // settings may shrink: the first reading holds the next round's pending batches, the last none.
  const unexplained = Object.entries(growth).filter(([t, g]) => !meant.includes(t) && g.bytesPerRound > 1);
  if (failed) console.log(`RUN FAILED in ${failed}`);
  console.log(`tensors: ${tensorsFlat ? `flat at ${first.tensors} from round ${first.round} to ${last.round} (exact)` : `NOT flat: ${inRun.map((r) => r.tensors).join(' -> ')}`}; ${tensorsBefore} before the run, ${tensorsAfter} after it`);
  // fake-indexeddb keeps the whole database in this process's heap, so the heap grows with it.
  const dbHeapKB = (['judgements', 'runs', 'checkpoints'] as const).reduce((a, t) => a + growth[t].bytesPerRound, 0) / 1024;
  console.log(`heap: ${heapSlopeKB.toFixed(1)} KB per round (least squares over rounds ${steady[0].round}..${last.round}${gc ? ', after a GC each reading' : ', no --expose-gc: noisy'}); ` +
    `the in-memory database's non-binary records grow ${dbHeapKB.toFixed(1)} KB/round of content, more as JS objects`);
  const spaceGrowth = Object.fromEntries(Object.keys(last.spacesKB).map((k) => [k, last.spacesKB[k] - steady[0].spacesKB[k]]));
  console.log(`heap growth by V8 space, rounds ${steady[0].round}..${last.round} (KB): ${Object.entries(spaceGrowth).filter(([, v]) => v).map(([k, v]) => `${k} ${v > 0 ? '+' : ''}${v}`).join(', ')}`);
  console.log(`database: +${((last.db!.judgements.bytes - first.db!.judgements.bytes) / span / 1024).toFixed(1)} KB/round of judgements (${growth.judgements.recordsPerRound.toFixed(2)} a round; ${f.feedbackPrompts} asked), ` +
    `+${((growth.checkpoints.bytesPerRound + growth.checkpointBytes.bytesPerRound) / 1024).toFixed(1)} KB/round of checkpoints (${growth.checkpoints.recordsPerRound.toFixed(2)} kept a round: the last 3 rounds and every 10th), ` +
    `+${(growth.runs.bytesPerRound / 1024).toFixed(2)} KB/round of run metrics (${metricsPerRound.toFixed(2)} rows a round); ` +
    (unexplained.length ? `UNEXPECTED growth in ${unexplained.map(([t, g]) => `${t} (${g.bytesPerRound.toFixed(0)} B/round)`).join(', ')}` : 'nothing else grows'));
  if (refused.length) console.log(`judgements refused by the store: ${refused.length} (${refused.slice(0, 3).join('; ')})`);
  console.log(JSON.stringify({
    rounds: f.rounds, every: f.every, model: 'micro', seconds: Math.round((performance.now() - t0) / 1000),
    tensors_flat: tensorsFlat, tensors: inRun.map((r) => r.tensors), tensors_before: tensorsBefore, tensors_after: tensorsAfter,
    heap_mb: inRun.map((r) => Number(r.heapMB.toFixed(2))), array_buffers_mb: inRun.map((r) => Number(r.arrayBuffersMB.toFixed(2))), heap_slope_kb_per_round: Number(heapSlopeKB.toFixed(2)), gc: Boolean(gc),
    heap_space_growth_kb: spaceGrowth, failed: failed ?? null,
    db_growth_per_round: growth, db_last: last.db, unexpected_growth: unexplained.map(([t]) => t), refused_judgements: refused.length,
  }));
  if (failed || !tensorsFlat) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
