import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DPO, DPOTrainer, dpoPairs, dpoSequence, type DPOSettings, type DPOStep } from '../../src/lib/engine/dpo-trainer';
import type { ComparisonGroup } from '../../src/lib/feedback/judgement-group';
import { rankingToPairs } from '../../src/lib/feedback/pairs';
import { disposeLanguageModel, type LanguageModel } from '../../src/lib/model/language-model';
import { continuationLogProbs } from '../../src/lib/model/logprobs';
import { paramsToArrays } from '../../src/lib/model/params';
import { BOS, EOS, PAD } from '../../src/lib/model/tokenizer';
import { dpoLoss, dpoMetrics, type DpoLogps, type DpoOptions } from '../../src/lib/rlhf/dpo';
import { testModel } from './helpers';
import { changed, disposePair, withReference } from './rl-fixtures';

// The 2-layer test model (context 16) and a handful of judgements in its character tokens: a plain
// pair, a ranking of three (three pairs), an A/B "much better" (margin 1) and a "better" (0.5).
let GROUPS: ComparisonGroup[];
beforeAll(() => {
  const model = testModel(1);
  const enc = (s: string) => model.tokenizer.encode(s);
  const group = (prompt: string, completions: string[], pairs: ComparisonGroup['pairs']): ComparisonGroup =>
    ({ promptIds: enc(prompt), completions: completions.map(enc), pairs, thumbs: [] });
  GROUPS = [
    group('hi', ['yes', 'no'], [{ chosen: 0, rejected: 1, margin: 0 }]),
    group('ab', ['abc', 'xyz', 'qq'], rankingToPairs([1, 2, 3])),
    group('go', ['up', 'down'], [{ chosen: 1, rejected: 0, margin: 1 }]),
    group('sky', ['blue', 'red'], [{ chosen: 0, rejected: 1, margin: 0.5 }]),
    group('tie', ['same', 'same!'], []), // "same": no pairs, skipped
  ];
  disposeLanguageModel(model);
});

const SETTINGS: DPOSettings = { ...DEFAULT_DPO, learningRate: 1e-2, batchSize: 3, epochs: 1, seed: 3 };
const models: Array<[LanguageModel, LanguageModel]> = [];
function pair(): { policy: LanguageModel; reference: LanguageModel } {
  const policy = testModel(1);
  const reference = withReference(policy);
  models.push([policy, reference]);
  return { policy, reference };
}
afterEach(() => {
  for (const [p, r] of models.splice(0)) disposePair(p, r);
});

async function collect(trainer: DPOTrainer, groups = GROUPS): Promise<DPOStep[]> {
  const out: DPOStep[] = [];
  for await (const s of trainer.train(groups)) out.push(s);
  return out;
}

/** Every training pair's four sequence log-probs, measured apart from the trainer, and its weight and lengths. */
async function measured(policy: LanguageModel, reference: LanguageModel, groups = GROUPS) {
  const { sequences, pairs } = dpoPairs(groups, policy.config.blockSize);
  const total = async (m: LanguageModel) => (await continuationLogProbs(m.config, m.params, sequences.map((s) => s.ids), sequences.map((s) => s.completionStart), PAD)).total;
  const [p, r] = [await total(policy), await total(reference)];
  const len = (i: number) => sequences[i].ids.length - sequences[i].completionStart;
  const logps: DpoLogps<number[]> = {
    policyChosen: pairs.map((x) => p[x.chosen]), policyRejected: pairs.map((x) => p[x.rejected]),
    refChosen: pairs.map((x) => r[x.chosen]), refRejected: pairs.map((x) => r[x.rejected]),
  };
  return { logps, weights: pairs.map((x) => x.weight), chosenLengths: pairs.map((x) => len(x.chosen)), rejectedLengths: pairs.map((x) => len(x.rejected)) };
}

describe('dpoSequence and dpoPairs', () => {
  it('scores BOS prompt completion EOS, the EOS a completion token, never doubled', () => {
    expect(dpoSequence([5, 6], [7, 8], 16)).toEqual({ ids: [BOS, 5, 6, 7, 8, EOS], completionStart: 3 });
    expect(dpoSequence([5, 6], [7, EOS], 16)).toEqual({ ids: [BOS, 5, 6, 7, EOS], completionStart: 3 });
    expect(dpoSequence([5, 6], [], 16)).toEqual({ ids: [BOS, 5, 6, EOS], completionStart: 3 });
  });

  it('fits the context: the prompt loses its oldest tokens, then the completion its end', () => {
    expect(dpoSequence([1, 2, 3, 4, 5].map((x) => x + 10), [7, 8], 4)).toEqual({ ids: [BOS, 15, 7, 8, EOS], completionStart: 2 });
    expect(dpoSequence([11], [3, 4, 5, 6, 7], 4)).toEqual({ ids: [BOS, 3, 4, 5, 6], completionStart: 1 });
  });

  it('makes every pair of every group a pair weighing 1 + margin, each completion once', () => {
    const { sequences, pairs } = dpoPairs(GROUPS, 16);
    expect(sequences).toHaveLength(2 + 3 + 2 + 2); // the tie group brings none
    expect(pairs.map((p) => p.weight)).toEqual([1, 1, 1, 1, 2, 1.5]);
    expect(pairs[4]).toMatchObject({ chosen: 6, rejected: 5 });
  });

  it('refuses pairs it cannot train on, naming the pair', () => {
    const g = (pairs: ComparisonGroup['pairs']): ComparisonGroup[] => [{ promptIds: [5], completions: [[6], [7]], pairs, thumbs: [] }];
    expect(() => dpoPairs(g([]), 16)).toThrow(/nothing to train on/);
    expect(() => dpoPairs(g([{ chosen: 0, rejected: 2, margin: 0 }]), 16)).toThrow(/pair 0 of group 0 to index one of its 2 completions, but got 2/);
    expect(() => dpoPairs(g([{ chosen: 1, rejected: 1, margin: 0 }]), 16)).toThrow(/compare two completions, but both are 1/);
    expect(() => dpoPairs(g([{ chosen: 0, rejected: 1, margin: -1 }]), 16)).toThrow(/margin >= 0, but got -1/);
  });
});

describe('DPOTrainer', () => {
  it('starts at loss log 2 with zero rewards (the policy is the reference)', async () => {
    const { policy, reference } = pair();
    const trainer = new DPOTrainer(policy, reference, SETTINGS);
    const steps = await collect(trainer);
    trainer.dispose();
    expect(steps.map((s) => [s.step, s.totalSteps, s.epoch])).toEqual([[1, 2, 1], [2, 2, 1]]); // 6 pairs, 3 per step
    expect(Math.abs(steps[0].loss - Math.LN2)).toBeLessThan(1e-5);
    for (const key of ['rewards/chosen', 'rewards/rejected', 'rewards/margins'] as const) expect(Math.abs(steps[0][key])).toBeLessThan(1e-5);
    expect(steps[0].fault).toBeUndefined();
  });

  describe('after a few epochs', () => {
    let before: Map<string, Float32Array>, refBefore: Map<string, Float32Array>;
    let after: Map<string, Float32Array>, refAfter: Map<string, Float32Array>;
    let steps: DPOStep[];
    let m: Awaited<ReturnType<typeof measured>>;
    beforeAll(async () => {
      const policy = testModel(1);
      const reference = withReference(policy);
      [before, refBefore] = [await paramsToArrays(policy.params), await paramsToArrays(reference.params)];
      const trainer = new DPOTrainer(policy, reference, { ...SETTINGS, epochs: 6 });
      steps = await collect(trainer);
      trainer.dispose();
      [after, refAfter] = [await paramsToArrays(policy.params), await paramsToArrays(reference.params)];
      m = await measured(policy, reference);
      disposePair(policy, reference);
    });

    it('prefers every chosen completion: margin > 0, accuracy 1, loss below log 2', () => {
      const metrics = dpoMetrics(m.logps, { beta: SETTINGS.beta });
      expect(metrics['rewards/accuracies']).toBe(1);
      expect(metrics['rewards/margins']).toBeGreaterThan(0);
      expect(dpoLoss(m.logps, { beta: SETTINGS.beta, weights: m.weights })).toBeLessThan(Math.LN2);
      expect(steps.at(-1)!.loss).toBeLessThan(Math.LN2);
      expect(steps.at(-1)!['rewards/margins']).toBeGreaterThan(0);
      expect(steps.every((s) => !s.fault)).toBe(true);
    });

    it('leaves the reference as it was and changes every policy parameter but the heads', () => {
      expect(changed(refBefore, refAfter)).toEqual([]);
      const heads = ['valueW', 'valueB', 'rewardW', 'rewardB'];
      expect(changed(before, after)).toEqual([...before.keys()].filter((name) => !heads.includes(name)));
    });
  });

  // Step 2's loss is the loss of the policy after step 1 on every pair (one batch of all 6), hand
  // checked against dpo.ts with the weights 1 + margin (margins 0, 0, 0, 0, 1, 0.5); the unweighted
  // mean must differ from it by far more than the tolerance. β = 1 spreads the pairs' losses apart.
  it.each([
    ['sigmoid', { beta: 1 }],
    ['sigmoid with label smoothing', { beta: 1, labelSmoothing: 0.2 }],
    ['ipo', { lossType: 'ipo' as const, beta: 0.5 }],
  ])('weights pairs by 1 + margin: step 2 matches dpoLoss by hand (%s)', async (_, extra) => {
    const { policy, reference } = pair();
    const settings = { ...SETTINGS, batchSize: 6, epochs: 2, ...extra };
    const trainer = new DPOTrainer(policy, reference, settings);
    const run = trainer.train(GROUPS);
    const first = (await run.next()).value as DPOStep;
    const ipo = settings.lossType === 'ipo';
    // at the start h = 0: −log σ(0) = log 2 (smoothing or not), IPO (0 − 1/2β)² = 1
    expect(first.loss).toBeCloseTo(ipo ? 1 : Math.LN2, 5);
    const m = await measured(policy, reference);
    const opts: DpoOptions = {
      beta: settings.beta, lossType: settings.lossType, labelSmoothing: settings.labelSmoothing,
      ...(ipo ? { chosenLengths: m.chosenLengths, rejectedLengths: m.rejectedLengths } : {}),
    };
    const weighted = dpoLoss(m.logps, { ...opts, weights: m.weights });
    const second = (await run.next()).value as DPOStep;
    expect((await run.next()).done).toBe(true);
    trainer.dispose();
    expect(Math.abs(second.loss - weighted)).toBeLessThan(5e-6);
    expect(Math.abs(dpoLoss(m.logps, opts) - weighted)).toBeGreaterThan(1e-4); // 20× the tolerance
    const metrics = dpoMetrics(m.logps, opts); // unweighted, as TRL
    expect(second['rewards/margins']).toBeCloseTo(metrics['rewards/margins'], 4);
    expect(second['rewards/accuracies']).toBe(metrics['rewards/accuracies']);
  });

  it('keeps tf.memory().numTensors flat across steps after the first', async () => {
    const { policy, reference } = pair();
    const trainer = new DPOTrainer(policy, reference, { ...SETTINGS, batchSize: 2, epochs: 3 });
    const counts: number[] = [];
    for await (const _ of trainer.train(GROUPS)) counts.push(tf.memory().numTensors);
    trainer.dispose();
    expect(counts).toHaveLength(9);
    expect(new Set(counts.slice(1)).size).toBe(1);
  });

  it('undoes a step that meets a NaN, yields it with the fault, and trains on', async () => {
    const { policy, reference } = pair();
    const trainer = new DPOTrainer(policy, reference, { ...SETTINGS, batchSize: 2 });
    const run = trainer.train(GROUPS);
    await run.next();
    const good = await paramsToArrays(policy.params);
    tf.tidy(() => policy.params.lnfG.assign(tf.fill(policy.params.lnfG.shape, NaN)));
    const bad = (await run.next()).value as DPOStep;
    expect(bad.fault).toMatchObject({ step: 2, what: 'loss', lrBefore: 1e-2, lrAfter: 5e-3 });
    expect(bad.loss).toBeNaN();
    expect(bad['rewards/margins']).toBeNaN();
    expect(changed(good, await paramsToArrays(policy.params))).toEqual([]);
    const next = (await run.next()).value as DPOStep;
    expect(next.fault).toBeUndefined();
    expect(Number.isFinite(next.loss)).toBe(true);
    trainer.dispose();
  });

  it('refuses a reference sharing the policy\'s weights, a mismatched one, and bad settings', () => {
    const { policy, reference } = pair();
    expect(() => new DPOTrainer(policy, policy, SETTINGS)).toThrow(/separate copy of the policy .* share the weights "wte"/);
    const mixed = { ...reference, params: { ...reference.params, lnfG: policy.params.lnfG } };
    expect(() => new DPOTrainer(policy, mixed, SETTINGS)).toThrow(/share the weights "lnfG"/);
    expect(() => new DPOTrainer(policy, { ...reference, config: { ...reference.config, blockSize: 8 } }, SETTINGS)).toThrow(/same blockSize, but got 16 and 8/);
    const bad: Array<[Partial<DPOSettings>, RegExp]> = [
      [{ beta: 0 }, /beta to be a number > 0, but got 0/],
      [{ lossType: 'hinge' as 'ipo' }, /loss type 'sigmoid' or 'ipo', but got hinge/],
      [{ labelSmoothing: 0.6 }, /label smoothing in 0..0.5, but got 0.6/],
      [{ lossType: 'ipo', labelSmoothing: 0.1 }, /label smoothing 0 with loss type 'ipo'.* got 0.1/],
      [{ learningRate: 0 }, /learning rate in \(0, 1\], but got 0/],
      [{ batchSize: 0 }, /batch size to be an integer in 1..1024, but got 0/],
      [{ epochs: 1.5 }, /epochs to be an integer in 1..1000, but got 1.5/],
      [{ maxGradNorm: NaN }, /max gradient norm to be a number > 0, but got NaN/],
    ];
    for (const [change, message] of bad) expect(() => new DPOTrainer(policy, reference, { ...SETTINGS, ...change })).toThrow(message);
  });

  it('refuses groups with no pair before it takes a step', async () => {
    const { policy, reference } = pair();
    const before = await paramsToArrays(policy.params);
    const trainer = new DPOTrainer(policy, reference, SETTINGS);
    await expect(trainer.train([GROUPS[4]]).next()).rejects.toThrow(/nothing to train on/);
    trainer.dispose();
    expect(changed(before, await paramsToArrays(policy.params))).toEqual([]);
  });
});
