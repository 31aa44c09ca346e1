import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { checkPPOConfig, DEFAULT_PPO, type PPOConfig } from '../../src/lib/engine/ppo-config';
import { PPOTrainer, trainableParams } from '../../src/lib/engine/ppo-trainer';
import { collectRollout } from '../../src/lib/engine/rollout';
import type { LanguageModel } from '../../src/lib/model/language-model';
import { paramsToArrays } from '../../src/lib/model/params';
import { changed, disposePair, letterScore, PROMPTS, shortLineModels, tensorsAcrossSteps, withReference } from './rl-fixtures';

const A2C: PPOConfig = { ...DEFAULT_PPO, algorithm: 'a2c', batchSize: 4, maxTokens: 6, learningRate: 1e-3 };

let fresh: () => LanguageModel;
beforeAll(async () => { fresh = await shortLineModels(); });

/** A policy nudged away from its reference, so the KL is not 0 from the start. */
function nudged(): { policy: LanguageModel; reference: LanguageModel } {
  const policy = fresh();
  const reference = withReference(policy);
  tf.tidy(() => policy.params.lnfB.assign(tf.randomNormal([policy.config.nEmbd], 0, 0.5, 'float32', 1)));
  return { policy, reference };
}

describe('A2C (Sparrow-style) in the trainer', () => {
  it("is a known algorithm and keeps RLOO's own check", () => {
    expect(checkPPOConfig(A2C)).toBe(A2C);
    expect(() => checkPPOConfig({ ...A2C, algorithm: 'a3c' as 'a2c' })).toThrow(/'ppo', 'rloo', 'a2c' or 'grpo', but got a3c/);
  });

  it('leaves the KL out of the rewards: the score at the last token, 0 before, GAE advantages', async () => {
    const { policy, reference } = nudged();
    const r = await collectRollout(policy, reference, letterScore(policy), PROMPTS, A2C, 4, undefined, 0.5);
    expect(r.beta).toBe(0.5);
    expect(r.kl.flat().some((k) => Math.abs(k) > 1e-3)).toBe(true); // the KL is there, and logged
    r.mask.forEach((row, b) => {
      const last = row.lastIndexOf(1);
      row.forEach((_, t) => expect(r.rewards[b][t]).toBeCloseTo(t === last ? r.scores[b] : 0, 6));
    });
    // GAE (λ = 0.95) and whitening, as PPO: mean 0, and not one value per row as RLOO's.
    const real = r.advantages.flatMap((row, b) => row.filter((_, t) => r.mask[b][t]));
    expect(real.reduce((a, x) => a + x, 0) / real.length).toBeCloseTo(0, 5);
    expect(r.advantages.some((row, b) => new Set(row.filter((_, t) => r.mask[b][t]).map((a) => a.toFixed(6))).size > 1)).toBe(true);
    disposePair(policy, reference);
  });

  it('trains every trainable parameter (value head included) in one pass, no clipping, β·KL in the loss', async () => {
    const { policy, reference } = nudged();
    const before = await paramsToArrays(policy.params);
    const cfg = { ...A2C, initKl: 0.5, ppoEpochs: 4, minibatches: 2 };
    const trainer = new PPOTrainer(policy, reference, cfg);
    const applied = vi.spyOn(trainer['optimizer'], 'applyGradients');
    const stats = await trainer.step(PROMPTS, letterScore(policy), 1);
    expect(applied).toHaveBeenCalledTimes(2); // one pass of 2 minibatches; PPO would make 4 × 2
    const moved = changed(before, await paramsToArrays(policy.params));
    expect(moved.sort()).toEqual(trainableParams(policy.params, cfg).map(([n]) => n).sort());
    expect(moved).toContain('valueW');
    expect(stats['policy/clipfrac_avg']).toBe(0);
    expect(stats['loss/kl_avg']).toBeGreaterThan(1e-3);
    expect(stats['loss/value_avg']).toBeGreaterThan(0);
    expect(stats['loss/ptx_avg']).toBe(0);
    // The reward RL maximises still reads score − β·KL, though the KL sits in the loss.
    expect(stats['objective/rlhf_reward']).toBeCloseTo(stats['objective/scores'] - 0.5 * stats['objective/kl'], 5);
    trainer.dispose();
    disposePair(policy, reference);
  });

  it('holds the policy nearer the reference with a larger β (the leash works from the loss)', async () => {
    const finalKl = async (beta: number) => {
      const policy = fresh();
      const reference = withReference(policy);
      const trainer = new PPOTrainer(policy, reference, { ...A2C, batchSize: 8, initKl: beta });
      const kls: number[] = [];
      for (let i = 0; i < 30; i++) kls.push((await trainer.step(PROMPTS, letterScore(policy), i))['objective/kl']);
      trainer.dispose();
      disposePair(policy, reference);
      return kls.slice(-5).reduce((a, b) => a + b, 0) / 5;
    };
    // Seen here: 3.9 nats with β = 0, 0.22 with β = 2 (and 3.9 for both with β zeroed in the loss).
    const free = await finalKl(0);
    const held = await finalKl(2);
    expect(free).toBeGreaterThan(0.3);
    expect(held).toBeLessThan(free / 2);
  });

  it('leaks no tensors over 10 iterations', async () => {
    const { policy, reference } = nudged();
    const { before, after } = await tensorsAcrossSteps(new PPOTrainer(policy, reference, { ...A2C, entropyCoef: 0.01 }), policy, reference);
    expect(after).toBe(before);
  });
});
