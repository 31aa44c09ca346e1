// Found by the soak bench (bench/soak.ts, round 141 of a micro model): a policy may sample the PAD
// token itself. The rollout's mask must follow each completion's length, not stop at the first PAD,
// or a completion that starts with PAD has no real token and the PPO step throws.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PPO } from '../../src/lib/engine/ppo-config';
import { PPOTrainer } from '../../src/lib/engine/ppo-trainer';
import { collectRollout } from '../../src/lib/engine/rollout';
import type { LanguageModel } from '../../src/lib/model/language-model';
import { PAD } from '../../src/lib/model/tokenizer';
import { testModel } from './helpers';
import { disposePair, withReference } from './rl-fixtures';

/** A model that writes PAD at every step: the final layer norm outputs PAD's (enlarged) embedding. */
async function padWriter(): Promise<LanguageModel> {
  const model = testModel(3);
  const w = (await model.params.wte.array()) as number[][];
  w[PAD] = w[PAD].map((x) => x * 10);
  tf.tidy(() => {
    const { wte, lnfG, lnfB } = model.params;
    wte.assign(tf.tensor2d(w));
    lnfG.assign(tf.zerosLike(lnfG));
    lnfB.assign(tf.tensor1d(w[PAD]));
  });
  return model;
}

describe('rollout mask', () => {
  it('counts sampled PAD tokens as the completion they are', async () => {
    const policy = await padWriter();
    const reference = withReference(policy);
    const cfg = { ...DEFAULT_PPO, batchSize: 2, maxTokens: 3, temperature: 0.05 };
    const score = async (items: unknown[]) => items.map((_, i) => i);
    const r = await collectRollout(policy, reference, score, ['a', 'bc'], cfg, 1);
    expect(r.completionIds).toEqual([[PAD, PAD, PAD], [PAD, PAD, PAD]]);
    // BOS + prompt, then the 3 sampled tokens as targets at t = promptLength − 1 ..
    expect(r.mask).toEqual([[0, 1, 1, 1, 0], [0, 0, 1, 1, 1]]);
    const trainer = new PPOTrainer(policy, reference, cfg);
    const stats = await trainer.step(['a', 'bc'], score, 2);
    expect(Number.isFinite(stats['loss/policy_avg'])).toBe(true);
    trainer.dispose();
    disposePair(policy, reference);
  });
});
