import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPPOConfig, DEFAULT_PPO, type PPOConfig } from '../../src/lib/engine/ppo-config';
import { PPOTrainer, trainableParams } from '../../src/lib/engine/ppo-trainer';
import { collectRollout, policyOutputs } from '../../src/lib/engine/rollout';
import { disposeLanguageModel, type LanguageModel } from '../../src/lib/model/language-model';
import { tokenLogProbs } from '../../src/lib/model/logprobs';
import { namedParams, paramsToArrays } from '../../src/lib/model/params';
import { BOS, EOS, PAD } from '../../src/lib/model/tokenizer';
import { testModel } from './helpers';
import { changed, disposePair, letterScore, PROMPTS, shortLineModels, withReference } from './rl-fixtures';

// Small rollouts on the 2-layer test model (context 16): prompts of 1-5 characters, 6 new tokens.
const CFG: PPOConfig = { ...DEFAULT_PPO, batchSize: 4, maxTokens: 6, learningRate: 1e-3 };
// The short-lines model (it writes a few letters and ends with EOS, so rollouts have EOS, padding
// and a reward signal), trained once for the whole file.
let shortLineModel: () => LanguageModel;
beforeAll(async () => {
  shortLineModel = await shortLineModels();
});

describe('checkPPOConfig', () => {
  it('accepts the defaults and names a bad value', () => {
    expect(checkPPOConfig(DEFAULT_PPO)).toBe(DEFAULT_PPO);
    expect(() => checkPPOConfig({ ...DEFAULT_PPO, clipRange: 1.5 })).toThrow(/clipRange in \(0, 1\), but got 1.5/);
    expect(() => checkPPOConfig({ ...DEFAULT_PPO, temperature: 0 })).toThrow(/temperature .* but got 0/);
    expect(() => checkPPOConfig({ ...DEFAULT_PPO, minibatches: 9 })).toThrow(/minibatches at most the 8 completions.* got 9/);
    expect(() => checkPPOConfig({ ...DEFAULT_PPO, algorithm: 'rloo' })).toThrow(/samplesPerPrompt >= 2 for RLOO.* got 1/);
    expect(() => checkPPOConfig({ ...DEFAULT_PPO, klEstimator: 'k2' as 'k1' })).toThrow(/'k1' or 'k3', but got k2/);
  });

  it('refuses to freeze more layers than the model has', () => {
    const model = testModel(1);
    expect(() => trainableParams(model.params, { ...DEFAULT_PPO, freezeLayers: 3 })).toThrow(/at most the model's 2 layers, but got 3/);
    disposeLanguageModel(model);
  });
});

describe('collectRollout', () => {
  it('lays out sequences, masks and log-probs; a clone of the reference has KL 0', async () => {
    const policy = shortLineModel();
    const reference = withReference(policy);
    const scoreFn = letterScore(policy);
    const r = await collectRollout(policy, reference, scoreFn, PROMPTS, { ...CFG, samplesPerPrompt: 2, initKl: 0.1 }, 3);
    const B = PROMPTS.length * 2;
    const T = r.ids[0].length;
    expect(r.ids).toHaveLength(B);
    expect(r.endedWithEos.some(Boolean) && !r.endedWithEos.every(Boolean)).toBe(true); // both kinds present

    r.ids.forEach((row, b) => {
      const prompt = [BOS, ...policy.tokenizer.encode(PROMPTS[Math.floor(b / 2)])];
      const completion = r.completionIds[b];
      const end = prompt.length + completion.length;
      expect(r.promptLengths[b]).toBe(prompt.length);
      expect(row).toEqual([...prompt, ...completion, ...new Array(T - end).fill(PAD)]);
      expect(completion.length).toBeLessThanOrEqual(CFG.maxTokens);
      expect(completion.indexOf(EOS)).toBe(r.endedWithEos[b] ? completion.length - 1 : -1);
      expect(r.texts[b]).toBe(policy.tokenizer.decode(completion));
      // Target t is token t+1: 1 exactly on the completion's tokens (EOS included), 0 on the
      // prompt, after EOS and on padding; every masked-out entry of every array is 0.
      r.mask[b].forEach((m, t) => {
        expect(m).toBe(t + 1 >= prompt.length && t + 1 < end ? 1 : 0);
        for (const x of [r.logpOld, r.logpRef, r.values, r.rewards, r.advantages, r.returns, r.kl]) {
          if (!m) expect(Math.abs(x[b][t])).toBe(0);
        }
        if (m) expect(r.logpOld[b][t]).toBeLessThan(0);
        expect(r.logpOld[b][t]).toBeCloseTo(r.logpRef[b][t], 5);
      });
      // β·KL is 0 here, so the reward is exactly the score at the last real token, 0 before.
      const last = end - 2;
      expect(r.rewards[b][last]).toBeCloseTo(r.scores[b], 5);
      r.rewards[b].forEach((x, t) => { if (t !== last) expect(Math.abs(x)).toBeLessThan(1e-5); });
    });
    const expected = await scoreFn(r.completionIds.map((c, b) => ({ promptIds: [], completion: c.filter((id) => id !== EOS) })));
    expect(r.scores).toEqual(expected);
    expect(r.beta).toBe(0.1);
    // Whitened advantages: mean 0 over the real tokens.
    const real = r.advantages.flatMap((row, b) => row.filter((_, t) => r.mask[b][t]));
    expect(real.reduce((a, x) => a + x, 0) / real.length).toBeCloseTo(0, 5);

    const again = await collectRollout(policy, reference, scoreFn, PROMPTS, { ...CFG, samplesPerPrompt: 2, initKl: 0.1 }, 3);
    expect(again.completionIds).toEqual(r.completionIds); // same seed, same rollout
    disposePair(policy, reference);
  });

  it('adds the penalties and the KL term to the rewards', async () => {
    const policy = shortLineModel();
    const reference = withReference(policy);
    // Nudge the policy away from the reference so the KL term is not 0.
    tf.tidy(() => policy.params.lnfB.assign(tf.randomNormal([policy.config.nEmbd], 0, 0.5, 'float32', 1)));
    const penalty = (text: string) => (text.includes('b') ? 2 : 0);
    const cfg = { ...CFG, missingEosPenalty: 3, klEstimator: 'k3' as const };
    const r = await collectRollout(policy, reference, letterScore(policy), PROMPTS, cfg, 4, penalty, 0.5);
    r.mask.forEach((row, b) => {
      const last = row.lastIndexOf(1);
      const score = r.scores[b] - penalty(r.texts[b]) - (r.endedWithEos[b] ? 0 : 3);
      row.forEach((m, t) => {
        if (!m) return;
        const lr = r.logpRef[b][t] - r.logpOld[b][t];
        expect(r.kl[b][t]).toBeCloseTo(Math.expm1(lr) - lr, 5);
        expect(r.rewards[b][t]).toBeCloseTo(-0.5 * r.kl[b][t] + (t === last ? score : 0), 5);
      });
    });
    expect(r.kl.flat().some((k) => k > 1e-3)).toBe(true);
    disposePair(policy, reference);
  });

  it('gives RLOO one advantage per completion, measured against its sibling', async () => {
    const policy = shortLineModel();
    const reference = withReference(policy);
    const cfg: PPOConfig = { ...CFG, algorithm: 'rloo', samplesPerPrompt: 2, whitenAdvantages: false, initKl: 0 };
    const r = await collectRollout(policy, reference, letterScore(policy), PROMPTS, cfg, 5);
    for (let b = 0; b < r.ids.length; b += 2) {
      // k = 2: A = r_i − r_sibling, so each pair's advantages are opposite.
      const a = r.advantages[b][r.mask[b].indexOf(1)];
      expect(a).toBeCloseTo(r.scores[b] - r.scores[b + 1], 5);
      r.mask[b].forEach((m, t) => expect(r.advantages[b][t]).toBeCloseTo(m ? a : 0, 6));
      r.mask[b + 1].forEach((m, t) => expect(r.advantages[b + 1][t]).toBeCloseTo(m ? -a : 0, 6));
    }
    expect(r.values.flat().every((v) => v === 0)).toBe(true);
    disposePair(policy, reference);
  });

  it('cuts a long prompt from the left so the completion fits the context', async () => {
    const policy = shortLineModel();
    const reference = withReference(policy);
    const long = 'abcdefghijklmnopqrstuvwxyz';
    const r = await collectRollout(policy, reference, letterScore(policy), [long], CFG, 6);
    const kept = policy.config.blockSize - CFG.maxTokens; // 16 − 6
    expect(r.promptLengths).toEqual([kept]);
    expect(r.ids[0].slice(0, kept)).toEqual(policy.tokenizer.encode(long.slice(-kept)));
    await expect(collectRollout(policy, reference, letterScore(policy), ['a'], { ...CFG, maxTokens: 16 }, 6))
      .rejects.toThrow(/maxTokens below the model's context of 16, but got 16/);
    disposePair(policy, reference);
  });

  it('takes the policy log-probs from one trunk pass, equal to tokenLogProbs', async () => {
    const model = shortLineModel();
    const ids = tf.tensor2d([[BOS, 5, 6, 7, EOS, PAD], [BOS, 8, 9, 10, 11, 12]], undefined, 'int32');
    const [a, b] = tf.tidy(() => [policyOutputs(model.config, model.params, ids, 0.7).logp, tokenLogProbs(model.config, model.params, ids, 0.7)]);
    expect(await a.array()).toEqual(await b.array());
    tf.dispose([a, b, ids]);
    disposeLanguageModel(model);
  });
});

describe('PPOTrainer', () => {
  it('changes every trainable parameter in one step, and not the reference, reward head or frozen layers', async () => {
    for (const freezeLayers of [0, 1]) {
      const policy = shortLineModel();
      const reference = withReference(policy);
      const before = await paramsToArrays(policy.params);
      const refBefore = await paramsToArrays(reference.params);
      const trainer = new PPOTrainer(policy, reference, { ...CFG, freezeLayers });
      const stats = await trainer.step(PROMPTS, letterScore(policy), 1);
      const moved = changed(before, await paramsToArrays(policy.params));
      const trainable = trainableParams(policy.params, trainer.cfg).map(([name]) => name);
      expect(moved.sort()).toEqual(trainable.sort());
      expect(moved.some((n) => n.startsWith('reward'))).toBe(false);
      if (freezeLayers) expect(moved.filter((n) => n === 'wte' || n === 'wpe' || n.startsWith('h0.'))).toEqual([]);
      else expect(moved).toHaveLength(namedParams(policy.params).length - 2);
      expect(changed(refBefore, await paramsToArrays(reference.params))).toEqual([]);
      expect(stats.texts).toHaveLength(CFG.batchSize);
      for (const [key, value] of Object.entries(stats)) if (key !== 'texts') expect(Number.isFinite(value), key).toBe(true);
      trainer.dispose();
      disposePair(policy, reference);
    }
  });

  it('trains the value head in PPO mode and leaves it alone in RLOO mode', async () => {
    for (const algorithm of ['ppo', 'rloo'] as const) {
      const policy = shortLineModel();
      const reference = withReference(policy);
      const before = await paramsToArrays(policy.params);
      const trainer = new PPOTrainer(policy, reference, { ...CFG, algorithm, samplesPerPrompt: 2 });
      const stats = await trainer.step(PROMPTS, letterScore(policy), 2);
      const moved = changed(before, await paramsToArrays(policy.params));
      const valueHead = moved.filter((n) => n.startsWith('value'));
      if (algorithm === 'ppo') {
        expect(valueHead).toEqual(['valueW', 'valueB']);
        expect(stats['loss/value_avg']).toBeGreaterThan(0);
      } else {
        expect(valueHead).toEqual([]);
        expect(stats['loss/value_avg']).toBe(0);
        expect(stats['val/mean']).toBe(0);
        // RLOO still moves everything else it trains.
        expect(moved.sort()).toEqual(trainableParams(policy.params, trainer.cfg).map(([n]) => n).sort());
      }
      trainer.dispose();
      disposePair(policy, reference);
    }
  });

  it('reproduces the same statistics for the same seed', async () => {
    const run = async () => {
      const policy = shortLineModel();
      const reference = withReference(policy);
      const trainer = new PPOTrainer(policy, reference, CFG);
      const out = [await trainer.step(PROMPTS, letterScore(policy), 9), await trainer.step(PROMPTS, letterScore(policy), 10)];
      trainer.dispose();
      disposePair(policy, reference);
      return out;
    };
    expect(await run()).toEqual(await run());
  });

  it('leaks no tensors over 20 iterations', async () => {
    const policy = shortLineModel();
    const reference = withReference(policy);
    const trainer = new PPOTrainer(policy, reference, { ...CFG, adaptiveKl: true, entropyCoef: 0.01 });
    const scoreFn = letterScore(policy);
    await trainer.step(PROMPTS, scoreFn, 0); // Adam creates its moment variables on the first update
    const start = tf.memory().numTensors;
    for (let i = 1; i <= 20; i++) await trainer.step(PROMPTS, scoreFn, i);
    expect(tf.memory().numTensors).toBe(start);
    trainer.dispose();
    disposePair(policy, reference);
  });

  it('raises the score for a letter in 50 iterations at the default learning rate', async () => {
    const policy = shortLineModel();
    const reference = withReference(policy);
    const trainer = new PPOTrainer(policy, reference, { ...CFG, batchSize: 8, learningRate: DEFAULT_PPO.learningRate });
    const scoreFn = letterScore(policy);
    const scores: number[] = [];
    let kl = 0;
    for (let i = 0; i < 50; i++) {
      const stats = await trainer.step(PROMPTS, scoreFn, i);
      scores.push(stats['objective/scores']);
      kl = stats['objective/kl'];
    }
    // Seen here: about −0.2 over the first 10 rollouts, about 2 over the last 10 (5 = all 'a').
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(scores.slice(-10))).toBeGreaterThan(mean(scores.slice(0, 10)) + 1);
    expect(kl).toBeGreaterThan(0.5);
    trainer.dispose();
    disposePair(policy, reference);
  });
});
