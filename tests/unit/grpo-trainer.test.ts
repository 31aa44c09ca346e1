// GRPO in the trainer (rlhf/grpo.ts's maths on real rollouts): group-relative advantages from the
// bare score, no value head, β·k3 in the loss, TRL's GRPO metrics, learning a letter, no leaks.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPPOConfig, DEFAULT_PPO, type PPOConfig } from '../../src/lib/engine/ppo-config';
import { PPOTrainer, trainableParams } from '../../src/lib/engine/ppo-trainer';
import { collectRollout } from '../../src/lib/engine/rollout';
import type { LanguageModel } from '../../src/lib/model/language-model';
import { paramsToArrays } from '../../src/lib/model/params';
import { grpoAdvantages } from '../../src/lib/rlhf/grpo';
import { changed, disposePair, letterScore, PROMPTS, shortLineModels, tensorsAcrossSteps, withReference } from './rl-fixtures';

const GRPO: PPOConfig = { ...DEFAULT_PPO, algorithm: 'grpo', batchSize: 2, samplesPerPrompt: 4, maxTokens: 6, learningRate: 1e-3 };

let fresh: () => LanguageModel;
beforeAll(async () => { fresh = await shortLineModels(); });

describe('GRPO in the trainer', () => {
  it('needs a group of at least 2 samples per prompt', () => {
    expect(checkPPOConfig(GRPO)).toBe(GRPO);
    expect(() => checkPPOConfig({ ...GRPO, samplesPerPrompt: 1 })).toThrow(/samplesPerPrompt >= 2 for GRPO.* got 1/);
    expect(() => checkPPOConfig({ ...GRPO, grpoLossType: 'bnpo' as 'dapo' })).toThrow(/grpoLossType 'grpo', 'dapo' or 'dr_grpo', but got bnpo/);
  });

  it('rolls out groups: the bare score at the last token, each completion against its group, no values', async () => {
    const policy = fresh();
    const reference = withReference(policy);
    tf.tidy(() => policy.params.lnfB.assign(tf.randomNormal([policy.config.nEmbd], 0, 0.5, 'float32', 1)));
    const r = await collectRollout(policy, reference, letterScore(policy), PROMPTS.slice(0, 2), GRPO, 3, undefined, 0.5);
    expect(r.scores).toHaveLength(8);
    expect(r.kl.flat().some((k) => Math.abs(k) > 1e-3)).toBe(true); // logged, but not in the rewards
    r.mask.forEach((row, b) => {
      const last = row.lastIndexOf(1);
      row.forEach((_, t) => expect(r.rewards[b][t]).toBeCloseTo(t === last ? r.scores[b] : 0, 6));
      expect(r.values[b].every((v) => v === 0)).toBe(true);
      row.forEach((m, t) => expect(r.advantages[b][t]).toBe(m ? r.group!.advantages[b] : 0));
    });
    const expected = grpoAdvantages(r.scores, 4, 'group');
    expect(r.group!.advantages).toEqual(expected.advantages);
    expect(r.group!.rewardStd).toBe(expected.rewardStd);
    disposePair(policy, reference);
  });

  it('trains every parameter but the value and reward heads, with β·k3 in the loss and TRL\'s GRPO metrics', async () => {
    const policy = fresh();
    const reference = withReference(policy);
    tf.tidy(() => policy.params.lnfB.assign(tf.randomNormal([policy.config.nEmbd], 0, 0.5, 'float32', 1)));
    const before = await paramsToArrays(policy.params);
    const cfg = { ...GRPO, initKl: 0.5 };
    const trainer = new PPOTrainer(policy, reference, cfg);
    const stats = await trainer.step(PROMPTS, letterScore(policy), 1);
    const moved = changed(before, await paramsToArrays(policy.params));
    expect(moved.sort()).toEqual(trainableParams(policy.params, cfg).map(([n]) => n).sort());
    expect(moved.some((n) => n.startsWith('value'))).toBe(false);
    expect(stats['loss/value_avg']).toBe(0);
    expect(stats['loss/kl_avg']).toBeGreaterThan(1e-4); // the mean k3 the loss adds β times
    expect(stats['objective/rlhf_reward']).toBeCloseTo(stats['objective/scores'] - 0.5 * stats['objective/kl'], 5);
    expect(stats.frac_reward_zero_std).toBeGreaterThanOrEqual(0);
    expect(stats.frac_reward_zero_std).toBeLessThanOrEqual(1);
    expect(stats.reward_std).toBeGreaterThanOrEqual(0);
    expect(stats['clip_ratio/region_mean']).toBe(stats['policy/clipfrac_avg']);
    expect(stats['completions/mean_length']).toBeGreaterThan(0);
    expect(stats['completions/mean_length']).toBeLessThanOrEqual(6);
    trainer.dispose();
    disposePair(policy, reference);
  });

  it('raises the score for a letter', async () => {
    const policy = fresh();
    const reference = withReference(policy);
    const trainer = new PPOTrainer(policy, reference, { ...GRPO, initKl: 0.01 });
    const scoreFn = letterScore(policy);
    const scores: number[] = [];
    for (let i = 0; i < 30; i++) scores.push((await trainer.step(PROMPTS, scoreFn, i))['objective/scores']);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(scores.slice(-8))).toBeGreaterThan(mean(scores.slice(0, 8)) + 0.5);
    trainer.dispose();
    disposePair(policy, reference);
  });

  it('leaks no tensors over 10 iterations', async () => {
    const policy = fresh();
    const reference = withReference(policy);
    const { before, after } = await tensorsAcrossSteps(new PPOTrainer(policy, reference, { ...GRPO, initKl: 0.1 }), policy, reference);
    expect(after).toBe(before);
  });
});
