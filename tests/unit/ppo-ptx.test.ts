import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPPOConfig, DEFAULT_PPO, type PPOConfig } from '../../src/lib/engine/ppo-config';
import { PPOTrainer } from '../../src/lib/engine/ppo-trainer';
import { lmLossTensor, PtxBatches } from '../../src/lib/engine/ptx';
import { disposeLanguageModel, type LanguageModel } from '../../src/lib/model/language-model';
import { BOS, EOS, charTokenizer } from '../../src/lib/model/tokenizer';
import { makeRng } from '../../src/lib/util/rng';
import { disposePair, letterScore, PROMPTS, shortLineModels, tensorsAcrossSteps, withReference } from './rl-fixtures';

const CFG: PPOConfig = { ...DEFAULT_PPO, batchSize: 4, maxTokens: 6, learningRate: 1e-3 };

// Pretraining text the short-lines model has never seen: words of x, y and z. The reward wants 'a'.
const rng = makeRng(11);
const XYZ = Array.from({ length: 200 }, () => Array.from({ length: 2 + rng.int(5) }, () => 'xyz'[rng.int(3)]).join('')).join(' ');

let fresh: () => LanguageModel;
beforeAll(async () => { fresh = await shortLineModels(); });

async function lmLoss(model: LanguageModel, windows: number[][]): Promise<number> {
  const t = tf.tidy(() => lmLossTensor(model.config, model.params, tf.tensor2d(windows, undefined, 'int32')));
  const loss = (await t.data())[0];
  t.dispose();
  return loss;
}

describe('PtxBatches', () => {
  it('draws seeded windows of the context + 1 tokens from BOS ... EOS documents', () => {
    const model = fresh();
    const a = new PtxBatches(model.tokenizer, ['ab', 'cd'], 16, 1);
    // Stream BOS a b EOS BOS c d EOS: 8 tokens, so the window shrinks to 7 + 1.
    expect(a.windowTokens).toBe(7);
    const rows = a.next(3);
    expect(rows).toHaveLength(3);
    rows.forEach((r) => expect(r).toEqual([BOS, ...model.tokenizer.encode('ab'), EOS, BOS, ...model.tokenizer.encode('cd'), EOS]));
    const long = () => new PtxBatches(model.tokenizer, [XYZ], 16, 4).next(2);
    expect(long()).toEqual(long()); // same seed, same rows
    expect(long()[0]).toHaveLength(17);
    expect(() => new PtxBatches(model.tokenizer, [''], 16, 1)).toThrow(/PPO-ptx/);
    disposeLanguageModel(model);
  });
});

describe('PPO-ptx in the trainer', () => {
  it('needs a text source when ptxCoef > 0, and checks its knobs', () => {
    const policy = fresh();
    const reference = withReference(policy);
    expect(() => new PPOTrainer(policy, reference, { ...CFG, ptxCoef: 1 })).toThrow(/pretraining text .* ptxCoef 1/);
    expect(() => checkPPOConfig({ ...CFG, ptxCoef: -1 })).toThrow(/ptxCoef to be a number >= 0, but got -1/);
    expect(() => checkPPOConfig({ ...CFG, ptxBatchSize: 0 })).toThrow(/ptxBatchSize .* but got 0/);
    disposePair(policy, reference);
  });

  it('lowers the LM loss on the pretraining text compared with ptxCoef = 0 from the same seed', async () => {
    const heldWindows = new PtxBatches(charTokenizer(), [XYZ], 16, 99).next(16);
    const run = async (ptxCoef: number) => {
      const policy = fresh();
      const reference = withReference(policy);
      const trainer = new PPOTrainer(policy, reference, { ...CFG, ptxCoef }, new PtxBatches(policy.tokenizer, [XYZ], policy.config.blockSize, 3));
      const before = await lmLoss(policy, heldWindows);
      const ptx: number[] = [];
      for (let i = 0; i < 15; i++) ptx.push((await trainer.step(PROMPTS, letterScore(policy), i))['loss/ptx_avg']);
      const after = await lmLoss(policy, heldWindows);
      trainer.dispose();
      disposePair(policy, reference);
      return { before, after, ptx };
    };
    const off = await run(0);
    const on = await run(1);
    expect(on.before).toBeCloseTo(off.before, 6); // the same starting model
    expect(off.ptx.every((x) => x === 0)).toBe(true);
    expect(on.ptx[0]).toBeCloseTo(on.before, 0); // the logged loss is the LM loss on such text
    // Seen here: 5.92 nats before, 5.91 after 15 PPO steps, 1.87 after 15 PPO-ptx steps.
    expect(on.after).toBeLessThan(off.after - 0.5);
    expect(on.ptx.at(-1)!).toBeLessThan(on.ptx[0]);
  });

  it('leaks no tensors over 10 iterations (with A2C too)', async () => {
    for (const algorithm of ['ppo', 'a2c'] as const) {
      const policy = fresh();
      const reference = withReference(policy);
      const { before, after } = await tensorsAcrossSteps(new PPOTrainer(policy, reference, { ...CFG, algorithm, ptxCoef: 0.5 }, new PtxBatches(policy.tokenizer, [XYZ], 16, 3)), policy, reference);
      expect(after).toBe(before);
    }
  });
});
