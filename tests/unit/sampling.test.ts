import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { disposeLanguageModel } from '../../src/lib/model/language-model';
import { decodingProbabilities, pickToken } from '../../src/lib/model/pick-token';
import { promptContext, sample, sampleStream } from '../../src/lib/model/sample';
import { EOS } from '../../src/lib/model/tokenizer';
import { makeRng } from '../../src/lib/util/rng';
import { maxAbsDiff, testModel } from './helpers';

describe('decodingProbabilities', () => {
  const logits = [Math.log(0.5), Math.log(0.3), Math.log(0.15), Math.log(0.05)];
  const base = { temperature: 1, topK: 0, topP: 1 };

  it('is the softmax at temperature 1', () => {
    expect(maxAbsDiff(Array.from(decodingProbabilities(logits, base)), [0.5, 0.3, 0.15, 0.05])).toBeLessThan(1e-12);
  });

  it('sharpens with temperature: p_i^(1/T) renormalised', () => {
    const p = Array.from(decodingProbabilities(logits, { ...base, temperature: 0.5 }));
    const z = 0.25 + 0.09 + 0.0225 + 0.0025;
    expect(maxAbsDiff(p, [0.25 / z, 0.09 / z, 0.0225 / z, 0.0025 / z])).toBeLessThan(1e-12);
  });

  it('keeps the k most likely with top-k', () => {
    const p = Array.from(decodingProbabilities(logits, { ...base, topK: 2 }));
    expect(maxAbsDiff(p, [0.5 / 0.8, 0.3 / 0.8, 0, 0])).toBeLessThan(1e-12);
  });

  it('keeps the smallest set reaching p with top-p', () => {
    // 0.5 < 0.7, 0.5 + 0.3 >= 0.7: two tokens survive.
    const p = Array.from(decodingProbabilities(logits, { ...base, topP: 0.7 }));
    expect(maxAbsDiff(p, [0.5 / 0.8, 0.3 / 0.8, 0, 0])).toBeLessThan(1e-12);
  });

  it('is one-hot at the argmax for temperature 0', () => {
    expect(Array.from(decodingProbabilities([0.1, 2, -1], { ...base, temperature: 0 }))).toEqual([0, 1, 0]);
  });

  it('draws tokens at their probabilities', () => {
    const rng = makeRng(3);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 20000; i++) counts[pickToken(logits, base, rng)]++;
    expect(maxAbsDiff(counts.map((n) => n / 20000), [0.5, 0.3, 0.15, 0.05])).toBeLessThan(0.015);
  });
});

describe('sampling', () => {
  const model = testModel(3);
  afterAll(() => disposeLanguageModel(model));
  const context = promptContext(model, 'Once');
  const settings = { maxTokens: 12, temperature: 1, topK: 0, topP: 1, seed: 42, stopAtEos: false };

  it('gives the same text for the same seed and different text for another seed', async () => {
    const a = await sample(model, context, 3, settings);
    const b = await sample(model, context, 3, settings);
    const c = await sample(model, context, 3, { ...settings, seed: 43 });
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });

  it('is deterministic at temperature 0 whatever the seed', async () => {
    const a = await sample(model, context, 2, { ...settings, temperature: 0, seed: 1 });
    const b = await sample(model, context, 2, { ...settings, temperature: 0, seed: 2 });
    expect(a).toEqual(b);
    expect(a[0]).toEqual(a[1]);
  });

  it('respects maxTokens, also past the context window (the cache is re-primed)', async () => {
    const long = await sample(model, context, 2, { ...settings, maxTokens: model.config.blockSize * 2 + 3 });
    long.forEach((ids) => expect(ids).toHaveLength(model.config.blockSize * 2 + 3));
  });

  it('samples the same tokens with and without the KV cache inside the context', async () => {
    const n = model.config.blockSize - context.length;
    const cached = await sample(model, context, 2, { ...settings, maxTokens: n, useCache: true });
    const recomputed = await sample(model, context, 2, { ...settings, maxTokens: n, useCache: false });
    expect(cached).toEqual(recomputed);
  });

  it('streams one more token per step', async () => {
    const lengths: number[] = [];
    for await (const step of sampleStream(model, context, 1, { ...settings, maxTokens: 5 })) lengths.push(step.tokens[0].length);
    expect(lengths).toEqual([1, 2, 3, 4, 5]);
  });

  it('stops at EOS, leaves EOS out of the result and ends the stream', async () => {
    // Make EOS certain: a zero final LayerNorm gain makes every hidden state the bias vector,
    // and an EOS embedding along that vector gives EOS a logit far above the rest.
    const eosModel = testModel(3);
    const C = eosModel.config.nEmbd;
    const { params } = eosModel;
    params.lnfG.assign(tf.zeros([C]));
    params.lnfB.assign(tf.ones([C]));
    params.wte.assign(tf.tidy(() => params.wte.add(tf.oneHot([EOS], eosModel.config.vocabSize).toFloat().transpose().mul(tf.fill([1, C], 5)))));
    const steps = [];
    for await (const step of sampleStream(eosModel, context, 3, { ...settings, maxTokens: 50, stopAtEos: true })) steps.push(step);
    expect(steps).toHaveLength(1);
    expect(steps[0].finished).toEqual([true, true, true]);
    expect(await sample(eosModel, context, 3, { ...settings, stopAtEos: true })).toEqual([[], [], []]);
    disposeLanguageModel(eosModel);
  });

  it('refuses out-of-range settings with a message naming the value', async () => {
    await expect(sample(model, context, 1, { ...settings, maxTokens: 0 })).rejects.toThrow(/maxTokens.*got 0/);
    await expect(sample(model, context, 1, { ...settings, topP: 0 })).rejects.toThrow(/topP.*got 0/);
  });
});
