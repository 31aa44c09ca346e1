// KTOTrainer on the 2-layer test model: examples from thumbs and from pairs taken apart (TRL's
// maybe_unpair_preference_dataset), a step's loss and metrics equal to rlhf/dpo.ts's ktoLoss and
// ktoMetrics measured apart from the trainer (z0 from the mismatched sequences of the same batch),
// training that moves desirable completions up and undesirable ones down against the reference,
// no tensor left behind, a NaN step undone, and refusals by name.
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dpoSequence } from '../../src/lib/engine/dpo-trainer';
import { DEFAULT_KTO, KTOTrainer, ktoBatches, ktoExamples, type KTOSettings, type KTOStep } from '../../src/lib/engine/kto-trainer';
import type { ComparisonGroup } from '../../src/lib/feedback/judgement-group';
import { rankingToPairs } from '../../src/lib/feedback/pairs';
import { disposeLanguageModel, type LanguageModel } from '../../src/lib/model/language-model';
import { continuationLogProbs } from '../../src/lib/model/logprobs';
import { paramsToArrays } from '../../src/lib/model/params';
import { PAD } from '../../src/lib/model/tokenizer';
import { ktoLoss, ktoMetrics, ktoMismatchedCompletions, ktoReferencePoint, type KtoOptions } from '../../src/lib/rlhf/dpo';
import { makeRng, shuffledIndices } from '../../src/lib/util/rng';
import { testModel } from './helpers';
import { changed, disposePair, withReference } from './rl-fixtures';

// Judgements in the test model's character tokens: a thumbs-up, an "all bad" of three (three
// thumbs down), an A/B pair with a margin (dropped: KTO has none), a ranking of three (three
// pairs) and a "same" (nothing). Hand count: desirable 1 + 0 + 1 + 3 = 5, undesirable
// 0 + 3 + 1 + 3 = 7, 12 examples on 1 + 3 + 2 + 3 = 9 completions.
let GROUPS: ComparisonGroup[];
beforeAll(() => {
  const model = testModel(1);
  const enc = (s: string) => model.tokenizer.encode(s);
  const group = (prompt: string, completions: string[], pairs: ComparisonGroup['pairs'], thumbs: ComparisonGroup['thumbs'] = []): ComparisonGroup =>
    ({ promptIds: enc(prompt), completions: completions.map(enc), pairs, thumbs });
  GROUPS = [
    group('hi', ['yes', 'no'], [], [{ index: 0, up: true }]),
    group('ab', ['abc', 'xyz', 'qq'], [], [0, 1, 2].map((index) => ({ index, up: false }))),
    group('sky', ['blue', 'red'], [{ chosen: 1, rejected: 0, margin: 0.5 }]),
    group('go', ['up', 'down', 'left'], rankingToPairs([1, 2, 3])), // (0 > 1), (0 > 2), (1 > 2)
    group('tie', ['same', 'same!'], []),
  ];
  disposeLanguageModel(model);
});

const SETTINGS: KTOSettings = { ...DEFAULT_KTO, learningRate: 1e-2, batchSize: 5, epochs: 1, seed: 3 };
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

async function collect(trainer: KTOTrainer, groups = GROUPS): Promise<KTOStep[]> {
  const out: KTOStep[] = [];
  for await (const s of trainer.train(groups)) out.push(s);
  return out;
}

/** Sum of the completion's log-probs of each sequence under a model, measured apart from the trainer. */
async function totals(m: LanguageModel, seqs: Array<{ ids: number[]; completionStart: number }>): Promise<number[]> {
  return (await continuationLogProbs(m.config, m.params, seqs.map((s) => s.ids), seqs.map((s) => s.completionStart), PAD)).total;
}

describe('ktoExamples and ktoBatches', () => {
  it('makes each thumb one example and each pair a desirable chosen and an undesirable rejected', () => {
    const { items, examples } = ktoExamples(GROUPS, 16);
    expect(items).toHaveLength(9); // the thumbs-up group's unused "no" and the tie group bring none
    expect(examples.filter((e) => e.desirable)).toHaveLength(5);
    expect(examples.filter((e) => !e.desirable)).toHaveLength(7);
    // items: 0 yes | 1 abc, 2 xyz, 3 qq | 4 red, 5 blue | 6 up, 7 down, 8 left
    expect(examples.map((e) => [e.item, e.desirable ? 'D' : 'U'])).toEqual([
      [0, 'D'], [1, 'U'], [2, 'U'], [3, 'U'], [4, 'D'], [5, 'U'],
      [6, 'D'], [7, 'U'], [6, 'D'], [8, 'U'], [7, 'D'], [8, 'U'], // the ranking: "down" lands on both sides
    ]);
    expect(items[4]).toEqual({ promptIds: GROUPS[2].promptIds, completion: GROUPS[2].completions[1], sequence: dpoSequence(GROUPS[2].promptIds, GROUPS[2].completions[1], 16) });
  });

  it('refuses groups it cannot train on, naming the thumb or pair', () => {
    const g = (pairs: ComparisonGroup['pairs'], thumbs: ComparisonGroup['thumbs'] = []): ComparisonGroup[] => [{ promptIds: [5], completions: [[6], [7]], pairs, thumbs }];
    expect(() => ktoExamples(g([]), 16)).toThrow(/nothing to train on/);
    expect(() => ktoExamples(g([], [{ index: 0, up: true }]), 16)).toThrow(/at least 2 examples .* but got 1/);
    expect(() => ktoExamples(g([], [{ index: 2, up: true }]), 16)).toThrow(/thumb 0 of group 0 to index one of its 2 completions, but got 2/);
    expect(() => ktoExamples(g([{ chosen: 0, rejected: 2, margin: 0 }]), 16)).toThrow(/pair 0 of group 0 to index one of its 2 completions, but got 2/);
    expect(() => ktoExamples(g([{ chosen: 1, rejected: 1, margin: 0 }]), 16)).toThrow(/compare two completions, but both are 1/);
  });

  it('batches in order, a last batch of 1 joining the one before it', () => {
    const upTo = (n: number) => Array.from({ length: n }, (_, i) => i);
    expect(ktoBatches(upTo(7), 3)).toEqual([[0, 1, 2], [3, 4, 5, 6]]);
    expect(ktoBatches(upTo(5), 2)).toEqual([[0, 1], [2, 3, 4]]);
    expect(ktoBatches(upTo(8), 3)).toEqual([[0, 1, 2], [3, 4, 5], [6, 7]]);
    expect(ktoBatches(upTo(3), 8)).toEqual([[0, 1, 2]]);
    expect(() => ktoBatches(upTo(4), 1)).toThrow(/batch size >= 2/);
  });
});

describe('KTOTrainer', () => {
  it('starts at loss w/2 per example with zero rewards and KL (the policy is the reference)', async () => {
    const { policy, reference } = pair();
    const settings = { ...SETTINGS, desirableWeight: 1.5, undesirableWeight: 0.5 };
    const trainer = new KTOTrainer(policy, reference, settings);
    const run = trainer.train(GROUPS);
    const first = (await run.next()).value as KTOStep;
    const rest = [];
    for await (const s of run) rest.push(s);
    trainer.dispose();
    expect([first, ...rest].map((s) => [s.step, s.totalSteps, s.epoch])).toEqual([[1, 3, 1], [2, 3, 1], [3, 3, 1]]); // 12 examples: 5, 5, 2
    // r = z0 = 0: each example loses w·(1 − σ(0)) = w/2, 0.75 if desirable and 0.25 if not
    const { examples } = ktoExamples(GROUPS, 16);
    const firstBatch = shuffledIndices(12, makeRng(settings.seed)).slice(0, 5).map((j) => examples[j]);
    const expected = firstBatch.reduce((a, e) => a + (e.desirable ? 0.75 : 0.25), 0) / 5;
    expect(first.loss).toBeCloseTo(expected, 6);
    for (const key of ['rewards/margins', 'kl'] as const) expect(Math.abs(first[key])).toBeLessThan(1e-6);
    for (const key of ['rewards/chosen', 'rewards/rejected'] as const) expect(Math.abs(first[key]) < 1e-6 || Number.isNaN(first[key])).toBe(true);
    expect(first.fault).toBeUndefined();
  });

  // Step 2 is one batch of all 12 examples, in the order the seeded shuffle gives epoch 2; its loss
  // and metrics are recomputed here from log-probs measured apart from the trainer: the examples,
  // and the mismatched (prompt i, completion i − 1) sequences for z0. β = 1 spreads the losses.
  it('matches ktoLoss and ktoMetrics on the same batch, z0 from its mismatched sequences', async () => {
    const { policy, reference } = pair();
    const settings: KTOSettings = { ...SETTINGS, beta: 1, desirableWeight: 1.5, undesirableWeight: 0.5, batchSize: 12, epochs: 2, seed: 5 };
    const trainer = new KTOTrainer(policy, reference, settings);
    const run = trainer.train(GROUPS);
    const first = (await run.next()).value as KTOStep;
    expect(first.loss).toBeCloseTo((5 * 1.5 + 7 * 0.5) / 2 / 12, 5); // all 12 at once: Σ w/2 over 12
    const { items, examples } = ktoExamples(GROUPS, policy.config.blockSize);
    const rng = makeRng(settings.seed);
    shuffledIndices(12, rng); // epoch 1's order
    const batch = shuffledIndices(12, rng).map((j) => examples[j]);
    const seqs = batch.map((e) => items[e.item].sequence);
    const mismatched = ktoMismatchedCompletions(12).map((j, i) => dpoSequence(items[batch[i].item].promptIds, items[batch[j].item].completion, 16));
    const [p, r, kp, kr] = [await totals(policy, seqs), await totals(reference, seqs), await totals(policy, mismatched), await totals(reference, mismatched)];
    const z0 = ktoReferencePoint(kp, kr);
    const opts: KtoOptions = { beta: 1, desirableWeight: 1.5, undesirableWeight: 0.5 };
    const x = { policyLogps: p, refLogps: r, desirable: batch.map((e) => e.desirable) };
    const second = (await run.next()).value as KTOStep;
    expect((await run.next()).done).toBe(true);
    trainer.dispose();
    expect(z0).toBeGreaterThan(1e-3); // the reference point is in play, not clamped away
    expect(Math.abs(second.loss - ktoLoss(x, z0, opts))).toBeLessThan(5e-6);
    expect(Math.abs(ktoLoss(x, 0, opts) - ktoLoss(x, z0, opts))).toBeGreaterThan(1e-4); // 20× the tolerance
    const metrics = ktoMetrics(x, z0, opts);
    expect(second.kl).toBeCloseTo(metrics.kl, 4);
    for (const key of ['rewards/chosen', 'rewards/rejected', 'rewards/margins'] as const) expect(second[key]).toBeCloseTo(metrics[key], 4);
  });

  describe('after a few epochs', () => {
    let before: Map<string, Float32Array>, refBefore: Map<string, Float32Array>;
    let after: Map<string, Float32Array>, refAfter: Map<string, Float32Array>;
    let steps: KTOStep[];
    let rewards: number[];
    beforeAll(async () => {
      const policy = testModel(1);
      const reference = withReference(policy);
      [before, refBefore] = [await paramsToArrays(policy.params), await paramsToArrays(reference.params)];
      const trainer = new KTOTrainer(policy, reference, { ...SETTINGS, epochs: 6 });
      steps = await collect(trainer);
      trainer.dispose();
      [after, refAfter] = [await paramsToArrays(policy.params), await paramsToArrays(reference.params)];
      const seqs = ktoExamples(GROUPS, 16).items.map((it) => it.sequence);
      const [p, r] = [await totals(policy, seqs), await totals(reference, seqs)];
      rewards = p.map((lp, i) => lp - r[i]);
      disposePair(policy, reference);
    });

    it('raises the desirable completions against the reference and lowers the undesirable ones', () => {
      // items 0 yes, 4 red, 6 up are only ever desirable; 1, 2, 3, 5, 8 only undesirable; 7 "down" both
      for (const i of [0, 4, 6]) expect(rewards[i]).toBeGreaterThan(0);
      for (const i of [1, 2, 3, 5, 8]) expect(rewards[i]).toBeLessThan(0);
      expect(steps.at(-1)!['rewards/margins']).toBeGreaterThan(0);
      expect(steps.every((s) => !s.fault)).toBe(true);
    });

    it('leaves the reference as it was and changes every policy parameter but the heads', () => {
      expect(changed(refBefore, refAfter)).toEqual([]);
      const heads = ['valueW', 'valueB', 'rewardW', 'rewardB'];
      expect(changed(before, after)).toEqual([...before.keys()].filter((name) => !heads.includes(name)));
    });
  });

  it('keeps tf.memory().numTensors flat across steps after the first', async () => {
    const { policy, reference } = pair();
    const trainer = new KTOTrainer(policy, reference, { ...SETTINGS, batchSize: 3, epochs: 2 });
    const counts: number[] = [];
    for await (const _ of trainer.train(GROUPS)) counts.push(tf.memory().numTensors);
    trainer.dispose();
    expect(counts).toHaveLength(8);
    expect(new Set(counts.slice(1)).size).toBe(1);
  });

  it('undoes a step that meets a NaN, yields it with the fault, and trains on', async () => {
    const { policy, reference } = pair();
    const trainer = new KTOTrainer(policy, reference, { ...SETTINGS, batchSize: 2 });
    const run = trainer.train(GROUPS);
    await run.next();
    const good = await paramsToArrays(policy.params);
    tf.tidy(() => policy.params.lnfG.assign(tf.fill(policy.params.lnfG.shape, NaN)));
    const bad = (await run.next()).value as KTOStep;
    expect(bad.fault).toMatchObject({ step: 2, what: 'loss', lrBefore: 1e-2, lrAfter: 5e-3 });
    expect(bad.loss).toBeNaN();
    expect(bad.kl).toBeNaN();
    expect(changed(good, await paramsToArrays(policy.params))).toEqual([]);
    const next = (await run.next()).value as KTOStep;
    expect(next.fault).toBeUndefined();
    expect(Number.isFinite(next.loss)).toBe(true);
    trainer.dispose();
  });

  it('refuses a reference sharing the policy\'s weights, batch size 1, and bad settings', () => {
    const { policy, reference } = pair();
    expect(() => new KTOTrainer(policy, policy, SETTINGS)).toThrow(/separate copy of the policy .* share the weights "wte"/);
    expect(() => new KTOTrainer(policy, { ...reference, config: { ...reference.config, blockSize: 8 } }, SETTINGS)).toThrow(/same blockSize, but got 16 and 8/);
    const bad: Array<[Partial<KTOSettings>, RegExp]> = [
      [{ batchSize: 1 }, /batch size to be an integer in 2..1024, but got 1/],
      [{ beta: 0 }, /beta to be a number > 0, but got 0/],
      [{ desirableWeight: -1 }, /desirable weight to be a number >= 0, but got -1/],
      [{ undesirableWeight: NaN }, /undesirable weight to be a number >= 0, but got NaN/],
      [{ learningRate: 0 }, /learning rate in \(0, 1\], but got 0/],
      [{ epochs: 0 }, /epochs to be an integer in 1..1000, but got 0/],
    ];
    for (const [change, message] of bad) expect(() => new KTOTrainer(policy, reference, { ...SETTINGS, ...change })).toThrow(message);
  });

  it('refuses groups with no thumb or pair before it takes a step', async () => {
    const { policy, reference } = pair();
    const before = await paramsToArrays(policy.params);
    const trainer = new KTOTrainer(policy, reference, SETTINGS);
    await expect(trainer.train([GROUPS[4]]).next()).rejects.toThrow(/nothing to train on/);
    trainer.dispose();
    expect(changed(before, await paramsToArrays(policy.params))).toEqual([]);
  });
});
