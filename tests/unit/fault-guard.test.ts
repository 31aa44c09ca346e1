import { freshDatabases } from './fresh-db'; // first: installs fake-indexeddb before Dexie loads
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { allFiniteTensor, TrainingFaultError } from '../../src/lib/engine/fault-guard';
import { describeFault } from '../../src/lib/store/fault-record';
import { learningRateAt } from '../../src/lib/engine/optimizer';
import { DEFAULT_PPO, type PPOConfig } from '../../src/lib/engine/ppo-config';
import { PPOTrainer } from '../../src/lib/engine/ppo-trainer';
import { Pretraining } from '../../src/lib/engine/pretraining';
import { rewardModelFrom } from '../../src/lib/engine/reward-fitting';
import { RewardTrainer } from '../../src/lib/engine/reward-trainer';
import type { ComparisonGroup } from '../../src/lib/feedback/judgement-group';
import type { ScoreFn } from '../../src/lib/engine/rollout';
import { modelToCheckpointBytes } from '../../src/lib/model/checkpoint';
import { CheckpointFormatError, decodeCheckpoint, NonFiniteWeightsError } from '../../src/lib/model/checkpoint-format';
import { disposeLanguageModel, type LanguageModel } from '../../src/lib/model/language-model';
import { cloneParams, disposeParams, paramsToArrays } from '../../src/lib/model/params';
import { charTokenizer } from '../../src/lib/model/tokenizer';
import { listCheckpoints, saveCheckpoint } from '../../src/lib/store/checkpoints';
import type { FromWorker } from '../../src/lib/worker/protocol';
import { reportFaults } from '../../src/lib/worker/fault-report';
import { testModel } from './helpers';

const freshDB = freshDatabases('fault-guard');
const CORPUS = Array.from({ length: 40 }, (_, i) => `The little red hen found ${i % 7} grains of wheat.`).join('\n');
const LM = { learningRate: 1e-2, warmupSteps: 2, totalSteps: 50, gradClip: 1, batchSize: 4, seed: 1 };
const meta = { name: 'poisoned', createdAt: '2026-01-01T00:00:00.000Z', kind: 'pretrain' };

/** Sets one value of a weight to NaN: what a bad step, a bad kernel or a bad input can leave. */
async function poison(v: tf.Variable): Promise<void> {
  const data = (await v.data()).slice() as Float32Array;
  data[0] = NaN;
  tf.tidy(() => v.assign(tf.tensor(data, v.shape)));
}

describe('the loss and weights check', () => {
  it('is 1 only when every value is finite', async () => {
    const read = async (ts: tf.Tensor[]) => { const s = allFiniteTensor(ts); const v = (await s.data())[0]; s.dispose(); tf.dispose(ts); return v; };
    expect(await read([tf.tensor([1, -2, 3e38]), tf.scalar(0)])).toBe(1);
    expect(await read([tf.tensor([1, NaN])])).toBe(0);
    expect(await read([tf.scalar(1), tf.tensor([Infinity])])).toBe(0);
    expect(await read([tf.tensor([[-Infinity, 0]])])).toBe(0);
  });
});

describe('a NaN in LM training', () => {
  it('undoes the step: the last good weights, bit for bit, and half the learning rate', async () => {
    const model = testModel(2);
    const run = new Pretraining(model, CORPUS, LM);
    await run.step();
    await run.step();
    const good = await paramsToArrays(model.params);
    await poison(model.params.wte);
    const bad = await run.step();
    expect(bad.fault).toEqual({ step: 3, what: 'loss', lrBefore: bad.learningRate, lrAfter: bad.learningRate / 2 });
    expect(Number.isNaN(bad.loss)).toBe(true);
    expect(await paramsToArrays(model.params)).toEqual(good);
    expect(run.trainer.guard.faults).toEqual([bad.fault]);
    expect(describeFault(bad.fault!)).toMatch(/^Step 3: NaN or Infinity in the loss\. The last good weights were restored and the learning rate halved/);
    // Later steps follow the schedule at half the rate, and train again.
    const next = await run.step();
    expect(next.fault).toBeUndefined();
    expect(next.learningRate).toBe(learningRateAt(3, LM.learningRate, LM.warmupSteps, LM.totalSteps) / 2);
    expect(Number.isFinite(next.loss)).toBe(true);
    run.dispose();
    disposeLanguageModel(model);
  });

  it('undoes a step whose loss was fine but whose update overflowed the weights (learning rate 1e39)', async () => {
    const model = testModel(2);
    const initial = await paramsToArrays(model.params);
    const run = new Pretraining(model, CORPUS, { ...LM, learningRate: 1e39, warmupSteps: 1 });
    const bad = await run.step();
    expect(Number.isFinite(bad.loss)).toBe(true);
    expect(bad.fault).toEqual({ step: 1, what: 'weights', lrBefore: 1e39, lrAfter: 5e38 });
    expect(await paramsToArrays(model.params)).toEqual(initial);
    run.dispose();
    disposeLanguageModel(model);
  });

  it('stops after three faults in a row, leaving the last good weights', async () => {
    const model = testModel(2);
    const run = new Pretraining(model, CORPUS, LM);
    await run.step();
    const good = await paramsToArrays(model.params);
    await poison(model.params.wte);
    expect((await run.step()).fault?.lrAfter).toBe(LM.learningRate / 2); // step 2 is at the peak rate
    await poison(model.params.wte);
    expect((await run.step()).fault?.lrAfter).toBe(learningRateAt(2, LM.learningRate, LM.warmupSteps, LM.totalSteps) / 4);
    await poison(model.params.layers[0].fcW);
    const third = await run.step().catch((e: unknown) => e);
    expect(third).toBeInstanceOf(TrainingFaultError);
    expect((third as Error).message).toMatch(/^Training stopped after 3 faults in a row/);
    expect(await paramsToArrays(model.params)).toEqual(good);
    run.dispose();
    disposeLanguageModel(model);
  });

  it('leaks no tensors across 20 guarded steps, faults included', async () => {
    const model = testModel(2);
    const run = new Pretraining(model, CORPUS, LM);
    await run.step(); // creates Adam's moments, which live on
    const start = tf.memory().numTensors;
    let faults = 0;
    for (let i = 0; i < 20; i++) {
      if (i % 5 === 4) await poison(model.params.wte);
      if ((await run.step()).fault) faults++;
    }
    expect(faults).toBe(4);
    expect(tf.memory().numTensors).toBe(start);
    run.dispose();
    disposeLanguageModel(model);
  });
});

const tok = charTokenizer();
const groups: ComparisonGroup[] = Array.from({ length: 4 }, (_, i) => ({
  promptIds: tok.encode('s'), completions: [tok.encode('a'.repeat(3 + i)), tok.encode('z'.repeat(3 + i))],
  pairs: [{ chosen: 0, rejected: 1, margin: 0 }], thumbs: [],
}));

describe('a NaN in reward-model training', () => {
  it('undoes the step and halves the learning rate; 20 guarded steps leak nothing', async () => {
    const rm = rewardModelFrom(testModel(3));
    const trainer = new RewardTrainer(rm, { learningRate: 1e-3, gradClip: 1, thumbsWeight: 0.5 });
    await trainer.step(groups);
    const good = await paramsToArrays(rm.params);
    await poison(rm.params.rewardW);
    const bad = await trainer.step(groups);
    expect(bad.fault).toEqual({ step: 2, what: 'loss', lrBefore: 1e-3, lrAfter: 5e-4 });
    expect(await paramsToArrays(rm.params)).toEqual(good);

    const start = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      if (i % 5 === 0) await poison(rm.params.layers[1].attnW);
      await trainer.step(groups);
    }
    expect(trainer.guard.faults).toHaveLength(5);
    expect(trainer.guard.faults.at(-1)!.lrAfter).toBeCloseTo(1e-3 / 32, 12); // halved at each of the 5;
    expect(tf.memory().numTensors).toBe(start);
    trainer.dispose();
    disposeLanguageModel(rm);
  });
});

describe('a NaN in a PPO update', () => {
  const CFG: PPOConfig = { ...DEFAULT_PPO, batchSize: 2, maxTokens: 4, learningRate: 1e-3, ppoEpochs: 1, minibatches: 1 };
  const score: ScoreFn = async (items) => items.map((it) => it.completion.length / 4);

  function pair(): { policy: LanguageModel; reference: LanguageModel } {
    const policy = testModel(6);
    return { policy, reference: { ...policy, params: cloneParams(policy.config, policy.params, false) } };
  }

  it('undoes the update (the value head went NaN) and halves the learning rate; 20 guarded steps leak nothing', async () => {
    const { policy, reference } = pair();
    const trainer = new PPOTrainer(policy, reference, CFG);
    const prompts = ['a', 'the'];
    await trainer.step(prompts, score, 1);
    const good = await paramsToArrays(policy.params);
    // The value head does not change what is sampled, only the advantages: the loss goes NaN.
    await poison(policy.params.valueW);
    const stats = await trainer.step(prompts, score, 2);
    expect(trainer.guard.faults).toEqual([{ step: 2, what: 'loss', lrBefore: 1e-3, lrAfter: 5e-4 }]);
    expect(Number.isNaN(stats['loss/policy_avg'])).toBe(true); // no update of this step counted
    expect(await paramsToArrays(policy.params)).toEqual(good);

    const start = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      if (i % 5 === 0) await poison(policy.params.valueW);
      await trainer.step(prompts, score, 10 + i);
    }
    expect(trainer.guard.faults).toHaveLength(5);
    expect(tf.memory().numTensors).toBe(start);
    trainer.dispose();
    disposeLanguageModel(policy);
    disposeParams(reference.params);
  });

  it('after a resume, a fault on the first step goes back to the restored Adam state, not a cold one', async () => {
    const { policy, reference } = pair();
    const first = new PPOTrainer(policy, reference, CFG);
    await first.step(['a', 'the'], score, 1);
    const saved = await first.saveState();
    first.dispose();

    const resumed = new PPOTrainer(policy, reference, CFG);
    await resumed.loadState(saved);
    await poison(policy.params.valueW);
    await resumed.step(['a', 'the'], score, 2);
    expect(resumed.guard.faults).toHaveLength(1);
    const after = await resumed.saveState();
    expect(after.adam!.iterations).toBe(saved.adam!.iterations);
    after.adam!.moments.forEach((m, i) => expect(m.values).toEqual(saved.adam!.moments[i].values));
    expect(after.adam!.moments.some((m) => m.values.some((x) => x !== 0))).toBe(true);
    resumed.dispose();
    disposeLanguageModel(policy);
    disposeParams(reference.params);
  });
});

describe('reporting faults', () => {
  it('tells each one and appends them to the run record', async () => {
    const db = freshDB();
    const runId = await db.runs.add({ kind: 'rl', name: 'r', createdAt: meta.createdAt, settings: {}, metrics: [], status: 'running' });
    const posted: FromWorker[] = [];
    const a = { step: 3, what: 'loss' as const, lrBefore: 1e-3, lrAfter: 5e-4 };
    const b = { step: 9, what: 'weights' as const, lrBefore: 5e-4, lrAfter: 2.5e-4 };
    await reportFaults((m) => posted.push(m), 'rl', [a], { db, runId });
    await reportFaults((m) => posted.push(m), 'rl', [b], { db, runId });
    expect((await db.runs.get(runId))!.faults).toEqual([a, b]);
    expect(posted).toEqual([
      { type: 'training/fault', context: 'rl', fault: a, message: describeFault(a) },
      { type: 'training/fault', context: 'rl', fault: b, message: describeFault(b) },
    ]);
    expect(describeFault(b)).toBe('Step 9: NaN or Infinity in the weights. The last good weights were restored and the learning rate halved (0.00050 → 0.00025).');
  });
});

describe('a checkpoint of NaN weights', () => {
  it('is refused when encoding and when saving, and nothing is stored', async () => {
    const model = testModel(4);
    const db = freshDB();
    const goodBytes = await modelToCheckpointBytes(model, { ...meta, name: 'good' });
    await poison(model.params.lnfB);
    await expect(modelToCheckpointBytes(model, meta)).rejects.toThrow(NonFiniteWeightsError);
    await expect(modelToCheckpointBytes(model, meta)).rejects.toThrow('Refusing to save "poisoned": tensor "lnfB" contains NaN or Infinity');
    // Bytes that carry a NaN anyway (a writer that did not check) are refused by the store.
    const bad = goodBytes.slice();
    const floats = new Float32Array(bad.buffer, bad.byteLength - 4, 1);
    floats[0] = NaN;
    expect(() => decodeCheckpoint(bad)).toThrow(CheckpointFormatError);
    await expect(saveCheckpoint(db, bad)).rejects.toThrow(/contains NaN or Infinity/);
    expect(await listCheckpoints(db)).toEqual([]);
    disposeLanguageModel(model);
  });
});
