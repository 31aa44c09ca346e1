import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { LMTrainer } from '../../src/lib/engine/lm-trainer';
import { clipByGlobalNorm, learningRateAt } from '../../src/lib/engine/optimizer';
import { Pretraining } from '../../src/lib/engine/pretraining';
import { disposeLanguageModel } from '../../src/lib/model/language-model';
import { cloneParams, disposeParams, paramsFromArrays, paramsToArrays } from '../../src/lib/model/params';
import { promptContext, sample } from '../../src/lib/model/sample';
import { testModel } from './helpers';

const CORPUS = Array.from({ length: 40 }, (_, i) => `The little red hen found ${i % 7} grains of wheat and planted them.`).join('\n');
const settings = { learningRate: 1e-2, warmupSteps: 2, totalSteps: 50, gradClip: 1, batchSize: 4, seed: 1 };

describe('LM training', () => {
  it('changes every LM parameter and leaves the value and reward heads alone', async () => {
    const model = testModel(2);
    const before = await paramsToArrays(model.params);
    const run = new Pretraining(model, CORPUS, settings);
    for (let i = 0; i < 3; i++) await run.step();
    const after = await paramsToArrays(model.params);
    for (const [name, data] of before) {
      const changed = data.some((x, i) => x !== after.get(name)![i]);
      expect(changed, name).toBe(!name.startsWith('value') && !name.startsWith('reward'));
    }
    run.dispose();
    disposeLanguageModel(model);
  });

  it('lowers the loss on a repetitive corpus', async () => {
    const model = testModel(2);
    const run = new Pretraining(model, CORPUS, settings);
    const first = await run.heldoutLoss(CORPUS);
    for (let i = 0; i < 40; i++) await run.step();
    expect(await run.heldoutLoss(CORPUS)).toBeLessThan(first - 1);
    run.dispose();
    disposeLanguageModel(model);
  });

  it('reproduces the same losses for the same seed', async () => {
    const losses = async () => {
      const model = testModel(4);
      const run = new Pretraining(model, CORPUS, settings);
      const out = [];
      for (let i = 0; i < 3; i++) out.push((await run.step()).loss);
      run.dispose();
      disposeLanguageModel(model);
      return out;
    };
    expect(await losses()).toEqual(await losses());
  });

  it('leaks no tensors over 50 training steps and 50 generations', async () => {
    const model = testModel(6);
    const run = new Pretraining(model, CORPUS, settings);
    await run.step(); // Adam creates its moment variables on the first step
    const start = tf.memory().numTensors;
    for (let i = 0; i < 50; i++) await run.step();
    expect(tf.memory().numTensors).toBe(start);
    const context = promptContext(model, 'The');
    for (let i = 0; i < 50; i++) await sample(model, context, 2, { maxTokens: 6, temperature: 1, topK: 5, topP: 0.9, seed: i });
    expect(tf.memory().numTensors).toBe(start);
    run.dispose();
    disposeLanguageModel(model);
  });
});

describe('model lifetime', () => {
  it('frees every tensor of a model when it is disposed (created, cloned or loaded)', async () => {
    const start = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      const model = testModel(i);
      const copy = cloneParams(model.config, model.params);
      const loaded = paramsFromArrays(model.config, await paramsToArrays(model.params));
      disposeParams(copy);
      disposeParams(loaded);
      disposeLanguageModel(model);
    }
    expect(tf.memory().numTensors).toBe(start);
  });
});

describe('optimizer helpers', () => {
  it('clips by global norm: [3, 4] with max 1 becomes [0.6, 0.8], norm 5', async () => {
    const { grads, norm } = clipByGlobalNorm({ a: tf.tensor1d([3]), b: tf.tensor1d([4]) }, 1);
    expect((await norm.data())[0]).toBeCloseTo(5, 5);
    expect((await grads.a.data())[0]).toBeCloseTo(0.6, 5);
    expect((await grads.b.data())[0]).toBeCloseTo(0.8, 5);
  });

  it('sums the norms of many gradients (more than AddN handles on some WebGPU adapters)', async () => {
    const grads: tf.NamedTensorMap = {};
    for (let i = 0; i < 40; i++) grads[`g${i}`] = tf.tensor1d([1, 1, 1, 1]); // norm² 4 each, 160 in all
    const { norm } = clipByGlobalNorm(grads, 1000);
    expect((await norm.data())[0]).toBeCloseTo(Math.sqrt(160), 4);
  });

  it('leaves gradients under the limit unchanged', async () => {
    const { grads } = clipByGlobalNorm({ a: tf.tensor1d([0.3, 0.4]) }, 1);
    expect(Array.from(await grads.a.data()).map((x) => +x.toFixed(6))).toEqual([0.3, 0.4]);
  });

  it('warms up linearly, then decays by a cosine to 10% of the peak', () => {
    expect(learningRateAt(0, 1, 10, 110)).toBeCloseTo(0.1);
    expect(learningRateAt(9, 1, 10, 110)).toBeCloseTo(1);
    expect(learningRateAt(60, 1, 10, 110)).toBeCloseTo(0.1 + 0.9 * 0.5); // half way: cos = 0
    expect(learningRateAt(110, 1, 10, 110)).toBeCloseTo(0.1);
    expect(learningRateAt(500, 1, 10, 110)).toBeCloseTo(0.1);
  });
});

describe('LMTrainer.evaluate', () => {
  it('returns ln(V) for a model that predicts uniformly', async () => {
    const model = testModel(8);
    model.params.wte.assign(tf.zerosLike(model.params.wte)); // all logits 0
    const trainer = new LMTrainer(model);
    const loss = await trainer.evaluate([[5, 6, 7, 8, 9], [9, 8, 7, 6, 5]]);
    expect(loss).toBeCloseTo(Math.log(model.config.vocabSize), 5);
    trainer.dispose();
    disposeLanguageModel(model);
  });
});
