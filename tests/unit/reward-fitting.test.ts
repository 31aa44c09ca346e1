import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REWARD_FIT, fitRewardModel, informative, rewardModelFrom, validationSplit } from '../../src/lib/engine/reward-fitting';
import { MIN_GROUPS_FOR_VALIDATION, stageEpochs } from '../../src/lib/engine/reward-fit-settings';
import { makeRng } from '../../src/lib/util/rng';
import { MODEL_SIZES } from '../../src/lib/model/config';
import { groupAccuracy, groupLossAndAccuracy } from '../../src/lib/engine/reward-trainer';
import type { ComparisonGroup } from '../../src/lib/feedback/judgement-group';
import { disposeLanguageModel } from '../../src/lib/model/language-model';
import { charTokenizer } from '../../src/lib/model/tokenizer';
import { testModel } from './helpers';

const tok = charTokenizer();

// A task any reward model can learn: completions of 'a's are preferred to completions of 'z's.
function groups(n: number, seed: number): ComparisonGroup[] {
  return Array.from({ length: n }, (_, i) => {
    const len = 3 + ((i + seed) % 5);
    const good = tok.encode('a'.repeat(len));
    const bad = tok.encode('z'.repeat(len));
    const goodFirst = (i + seed) % 2 === 0;
    return {
      promptIds: tok.encode('s'),
      completions: goodFirst ? [good, bad] : [bad, good],
      pairs: [{ chosen: goodFirst ? 0 : 1, rejected: goodFirst ? 1 : 0, margin: 0 }],
      thumbs: [],
    };
  });
}

describe('reward model fitting', () => {
  it('starts from the language model with the reward head at zero, and can keep a trained head', async () => {
    const lm = testModel(3);
    const rm = rewardModelFrom(lm);
    expect(await rm.params.rewardW.data()).toEqual(new Float32Array(16));
    expect(await rm.params.wte.data()).toEqual(await lm.params.wte.data());
    rm.params.rewardB.assign(tf.scalar(0.5).reshape([1]));
    const kept = rewardModelFrom(rm, { keepHead: true });
    expect(Array.from(await kept.params.rewardB.data())).toEqual([0.5]);
    [lm, rm, kept].forEach(disposeLanguageModel);
  });

  it('learns a preference: held-out accuracy rises to 1, reported at the end of each epoch', async () => {
    const rm = rewardModelFrom(testModel(1));
    const heldout = groups(6, 1);
    expect(await groupAccuracy(rm, heldout)).toBe(0.5); // zero head: every pair tied
    const progress = [];
    for await (const p of fitRewardModel(rm, [{ phase: 'train', groups: groups(16, 0) }], heldout, { epochs: 6, minSteps: 0, batchSize: 4, learningRate: 3e-3, validationShare: 0, earlyStopOn: 'loss' as const, seed: 1 })) progress.push(p);
    expect(progress).toHaveLength(6 * 4);
    expect(progress.at(-1)!.step).toBe(24);
    expect(progress.at(-1)!.totalSteps).toBe(24);
    expect(progress.filter((p) => p.heldoutAccuracy !== undefined)).toHaveLength(6);
    expect(progress.at(-1)!.heldoutAccuracy).toBe(1);
    expect(progress.at(-1)!.loss).toBeLessThan(progress[0].loss);
    disposeLanguageModel(rm);
  });

  it('runs the pretraining stage first, and skips groups with nothing to learn', async () => {
    const rm = rewardModelFrom(testModel(1));
    const tie: ComparisonGroup = { promptIds: [5], completions: [[6], [7]], pairs: [], thumbs: [] };
    expect(informative([tie, ...groups(1, 0)])).toHaveLength(1);
    const phases = [];
    for await (const p of fitRewardModel(rm, [{ phase: 'pretrain', groups: groups(4, 0) }, { phase: 'train', groups: [tie, ...groups(2, 1)] }], [], { epochs: 1, minSteps: 0, batchSize: 2, learningRate: 1e-3, validationShare: 0, earlyStopOn: 'loss' as const, seed: 1 })) phases.push(p.phase);
    expect(phases).toEqual(['pretrain', 'pretrain', 'train']);
    disposeLanguageModel(rm);
  });

  it('fits 32 comparisons of unrelated texts, with arbitrary preferences, to 100% train accuracy at the defaults', async () => {
    // Nothing to generalise from: only a model that fits its own data gets these right.
    const rng = makeRng(11);
    const text = () => Array.from({ length: 3 + rng.int(6) }, () => 3 + rng.int(40));
    const data: ComparisonGroup[] = Array.from({ length: 32 }, () => {
      const chosen = rng.int(2);
      return { promptIds: [3 + rng.int(40)], completions: [text(), text()], pairs: [{ chosen, rejected: 1 - chosen, margin: 0 }], thumbs: [] };
    });
    // The app's small size, with 32 tokens of context.
    const fitted = async (settings: typeof DEFAULT_REWARD_FIT) => {
      const rm = rewardModelFrom(testModel(1, { ...MODEL_SIZES.small, blockSize: 32 }));
      let steps = 0;
      for await (const p of fitRewardModel(rm, [{ phase: 'train', groups: data }], [], settings)) steps = p.step;
      const accuracy = await groupAccuracy(rm, data);
      disposeLanguageModel(rm);
      return { steps, accuracy };
    };
    // 2 epochs alone are 8 steps: too few to fit even this small set.
    const short = await fitted({ ...DEFAULT_REWARD_FIT, minSteps: 0 });
    expect(short.steps).toBe(8);
    expect(short.accuracy).toBeLessThan(1);
    // The defaults' minimum gives it 24 passes.
    expect(await fitted(DEFAULT_REWARD_FIT)).toEqual({ steps: DEFAULT_REWARD_FIT.minSteps, accuracy: 1 });
  });

  it('gives a small stage more passes to reach the minimum steps, and a large one the epochs asked for', () => {
    expect(stageEpochs(32, { epochs: 2, minSteps: 48, batchSize: 8 })).toBe(12);
    expect(stageEpochs(30, { epochs: 2, minSteps: 50, batchSize: 8 })).toBe(13); // 4 steps a pass: 52 steps
    expect(stageEpochs(1000, { epochs: 2, minSteps: 48, batchSize: 8 })).toBe(2);
    expect(stageEpochs(5, { epochs: 3, minSteps: 0, batchSize: 8 })).toBe(3);
  });

  it('sets a validation share aside only from enough judgements, disjoint from what it trains on', () => {
    const few = groups(MIN_GROUPS_FOR_VALIDATION - 1, 0);
    expect(validationSplit(few, { validationShare: 0.1, seed: 1 })).toEqual({ train: few, validation: [] });
    const many = groups(120, 0);
    expect(validationSplit(many, { validationShare: 0, seed: 1 }).validation).toEqual([]);
    const { train, validation } = validationSplit(many, { validationShare: 0.1, seed: 1 });
    expect([train.length, validation.length]).toEqual([108, 12]);
    expect(validation.every((g) => !train.includes(g))).toBe(true);
  });

  it('stops early: measures the validation loss four times an epoch and keeps the weights where it was lowest', async () => {
    const rm = rewardModelFrom(testModel(4));
    // Labels flipped on every third group: noise a long fit learns, so the best weights need not be the last.
    const data = groups(120, 0).map((g, i) => (i % 3 === 0 ? { ...g, pairs: [{ chosen: g.pairs[0].rejected, rejected: g.pairs[0].chosen, margin: 0 }] } : g));
    const settings = { epochs: 3, minSteps: 0, batchSize: 12, learningRate: 1e-2, validationShare: 0.1, earlyStopOn: 'loss' as const, seed: 1 };
    const { validation } = validationSplit(data, settings);
    const before = tf.memory().numTensors;
    const progress = [];
    for await (const p of fitRewardModel(rm, [{ phase: 'train', groups: data }], [], settings)) progress.push(p);
    expect(progress).toHaveLength(3 * 9); // 108 groups in steps of 12
    const measured = progress.filter((p) => p.validationLoss !== undefined);
    expect(measured.map((p) => p.step)).toEqual([3, 6, 9, 12, 15, 18, 21, 24, 27]); // every ceil(9 / 4) steps, and the last
    const lowest = measured.reduce((a, b) => (b.validationLoss! < a.validationLoss! ? b : a));
    expect(progress.at(-1)!.keptStep).toBe(lowest.step);
    expect((await groupLossAndAccuracy(rm, validation)).loss).toBeCloseTo(lowest.validationLoss!, 5);
    expect(tf.memory().numTensors).toBe(before); // the kept copy is gone
    disposeLanguageModel(rm);
  });

  it('refuses to train on nothing', async () => {
    const rm = rewardModelFrom(testModel(1));
    const fit = fitRewardModel(rm, [{ phase: 'train', groups: [] }], [], { epochs: 1, minSteps: 0, batchSize: 2, learningRate: 1e-3, validationShare: 0, earlyStopOn: 'loss' as const, seed: 1 });
    await expect(fit.next()).rejects.toThrow(/nothing to train on/);
    disposeLanguageModel(rm);
  });

  it('leaks no tensors across 20 reward-model steps', async () => {
    const rm = rewardModelFrom(testModel(2));
    const data = groups(4, 0);
    const run = async (epochs: number) => {
      for await (const p of fitRewardModel(rm, [{ phase: 'train', groups: data }], data.slice(0, 2), { epochs, minSteps: 0, batchSize: 2, learningRate: 1e-3, validationShare: 0, earlyStopOn: 'loss' as const, seed: 1 })) void p;
    };
    await run(1); // the first run creates nothing that lives on, but warms the backend's kernels
    const start = tf.memory().numTensors;
    await run(10);
    expect(tf.memory().numTensors).toBe(start);
    disposeLanguageModel(rm);
  });
});
