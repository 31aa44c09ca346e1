import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { grpoAdvantages, grpoLoss, grpoLossTensor, type GrpoLossOptions, type GrpoLossType } from '../../src/lib/rlhf/grpo';

const close = (got: number[], want: number[], digits = 12) => {
  expect(got.length).toBe(want.length);
  got.forEach((x, i) => expect(x).toBeCloseTo(want[i], digits));
};

describe('GRPO advantages', () => {
  it('group [1, 2, 3]: mean 2, sample std 1 (TRL uses torch .std(), unbiased)', () => {
    // deviations −1, 0, 1; Σ² = 2; /(3 − 1) = 1; std 1 (the population std would be √(2/3) = 0.8165)
    // A = ±1/(1 + 1e-4) = ±0.99990001, 0
    const { advantages, fracRewardZeroStd, rewardStd } = grpoAdvantages([1, 2, 3], 3);
    close(advantages, [-0.9999000099990001, 0, 0.9999000099990001]);
    expect(fracRewardZeroStd).toBe(0);
    expect(rewardStd).toBeCloseTo(1, 12);
  });

  it('a group of equal rewards gets advantages 0 and counts in frac_reward_zero_std', () => {
    // groups [1, 2, 3] (std 1) and [5, 5, 5] (std 0): advantages of the second are 0/(0 + 1e-4) = 0
    // frac_reward_zero_std = 1 of 2 groups = 0.5; reward_std = (1 + 0)/2 = 0.5
    const g = grpoAdvantages([1, 2, 3, 5, 5, 5], 3, 'group');
    close(g.advantages, [-0.9999000099990001, 0, 0.9999000099990001, 0, 0, 0]);
    expect(g.fracRewardZeroStd).toBe(0.5);
    expect(g.rewardStd).toBeCloseTo(0.5, 12);
  });

  it('treats a std that is only rounding noise as zero, as torch.isclose does', () => {
    // [0.1, 0.1, 0.1]: the float mean is 0.10000000000000002, so the std is 1.7e-17, not 0
    const g = grpoAdvantages([0.1, 0.1, 0.1], 3);
    expect(g.fracRewardZeroStd).toBe(1);
    g.advantages.forEach((a) => expect(a).toBeCloseTo(0, 9));
  });

  it("'batch': subtracts the group mean, divides by the std of the whole batch", () => {
    // batch [1, 2, 3, 5, 5, 5]: mean 3.5; deviations −2.5, −1.5, −0.5, 1.5, 1.5, 1.5
    // Σ² = 6.25 + 2.25 + 0.25 + 3·2.25 = 15.5; /5 = 3.1; std = √3.1 = 1.7606817
    // A = (r − group mean)/(1.7606817 + 1e-4): ±1/1.7607817 = ±0.5679296, zeros for the equal group
    const g = grpoAdvantages([1, 2, 3, 5, 5, 5], 3, 'batch');
    close(g.advantages, [-0.5679296, 0, 0.5679296, 0, 0, 0], 7);
    // TRL logs the std it scaled by: the batch's. Not every reward is equal, so no zero std at all.
    expect(g.rewardStd).toBeCloseTo(1.7606817, 7);
    expect(g.fracRewardZeroStd).toBe(0);
    expect(grpoAdvantages([4, 4, 4, 4], 2, 'batch').fracRewardZeroStd).toBe(1);
  });

  it("'none': only the group mean is subtracted; the groups' std is still logged", () => {
    // Dr. GRPO: A = r − group mean = −1, 0, 1 | 0, 0, 0; reward_std (1 + 0)/2, one zero-std group of 2
    const g = grpoAdvantages([1, 2, 3, 5, 5, 5], 3, 'none');
    expect(g.advantages).toEqual([-1, 0, 1, 0, 0, 0]);
    expect(g.rewardStd).toBeCloseTo(0.5, 12);
    expect(g.fracRewardZeroStd).toBe(0.5);
  });

  it('refuses a group size that does not divide the batch, G < 2, NaN rewards and an unknown scaling', () => {
    expect(() => grpoAdvantages([1, 2, 3, 4], 3)).toThrow(/\(4\) to be a positive multiple of groupSize = 3/);
    expect(() => grpoAdvantages([], 2)).toThrow(/\(0\) to be a positive multiple/);
    expect(() => grpoAdvantages([1, 2], 1)).toThrow(/groupSize to be an integer >= 2 .* got 1/);
    expect(() => grpoAdvantages([1, NaN], 2)).toThrow(/finite rewards, but got NaN at 1/);
    expect(() => grpoAdvantages([1, 2], 2, 'global' as never)).toThrow(/scaleRewards .* got global/);
  });
});

// Two sequences, three token slots; ρ = exp(logp − logpOld) is set per token.
// row 0, A = 1:  ρ 1.1 (inside)                 → −min(1.1, 1.1) = −1.1
//                ρ 1.5 (above, A > 0: clipped)  → −min(1.5, 1.2) = −1.2   high clip, no gradient
//                ρ 0.5 (below, A > 0: kept)     → −min(0.5, 0.8) = −0.5   unclipped is pessimistic
// row 1, A = −2: ρ 0.5 (below, A < 0: clipped)  → −min(−1, −1.6) = 1.6    low clip, no gradient
//                ρ 1.5 (above, A < 0: kept)     → −min(−3, −2.4) = 3
//                ρ 3 at padding: ignored
// sums: row 0 −2.8 over 3 tokens, row 1 4.6 over 2 tokens; 5 real tokens in all.
const RATIOS = [[1.1, 1.5, 0.5], [0.5, 1.5, 3]];
const OLD = [[-1, -1, -1], [-2, -2, -2]];
const LOGP = OLD.map((row, i) => row.map((o, t) => o + Math.log(RATIOS[i][t])));
// ref − logp: −1 at [0][0] (k3 = e⁻¹ + 1 − 1 = 0.3678794), +1 at [1][1] (k3 = e − 2 = 0.7182818), 0 elsewhere
const REF = LOGP.map((row, i) => row.map((lp, t) => lp + [[-1, 0, 0], [0, 1, 5]][i][t]));
const ADV = [1, -2];
const MASK = [[1, 1, 1], [1, 1, 0]];
const HAND = { logp: LOGP, logpOld: OLD, advantages: ADV, mask: MASK };
const EPS = { epsilonLow: 0.2 };

describe('GRPO loss (numbers)', () => {
  it("'grpo': mean over each sequence's tokens, then over sequences", () => {
    // (−2.8/3 + 4.6/2)/2 = (−0.9333333 + 2.3)/2 = 0.6833333
    expect(grpoLoss(HAND, { lossType: 'grpo', ...EPS }).loss).toBeCloseTo(0.6833333333, 9);
  });

  it("'dapo': sum over all tokens / all completion tokens", () => {
    // (−2.8 + 4.6)/5 = 0.36; over an accumulated batch of 10 tokens: 1.8/10 = 0.18
    expect(grpoLoss(HAND, { lossType: 'dapo', ...EPS }).loss).toBeCloseTo(0.36, 12);
    expect(grpoLoss(HAND, { lossType: 'dapo', ...EPS, tokensInBatch: 10 }).loss).toBeCloseTo(0.18, 12);
  });

  it("'dr_grpo': sum over all tokens / (sequences × max completion length)", () => {
    // 1.8/(2·3) = 0.3 with the width as the cap; 1.8/(2·4) = 0.225 with max_completion_length 4
    expect(grpoLoss(HAND, { lossType: 'dr_grpo', ...EPS }).loss).toBeCloseTo(0.3, 12);
    expect(grpoLoss(HAND, { lossType: 'dr_grpo', ...EPS, maxCompletionLength: 4 }).loss).toBeCloseTo(0.225, 12);
  });

  it('counts clipped tokens per side over real tokens', () => {
    // high: [0][1]; low: [1][0]; the padding's ρ = 3 with A < 0 would not count anyway. 1/5, 1/5, 2/5
    const s = grpoLoss(HAND, { lossType: 'dapo', ...EPS });
    expect([s.clipRatioLow, s.clipRatioHigh, s.clipRatioRegion]).toEqual([0.2, 0.2, 0.4]);
    expect(s.kl).toBeUndefined();
  });

  it('clips above at 1 + ε_high when ε_high ≠ ε_low', () => {
    // ε_high 0.6: ρ 1.5 at [0][1] is inside [0.8, 1.6], so −1.5 instead of −1.2; [1][0] still clipped low
    // sum −3.1 + 4.6 = 1.5; dapo 1.5/5 = 0.3; low 1/5, high 0, region 1/5
    const s = grpoLoss(HAND, { lossType: 'dapo', epsilonLow: 0.2, epsilonHigh: 0.6 });
    expect(s.loss).toBeCloseTo(0.3, 12);
    expect([s.clipRatioLow, s.clipRatioHigh, s.clipRatioRegion]).toEqual([0.2, 0, 0.2]);
  });

  it('adds β·k3 only when β > 0, and reports the mean k3 either way', () => {
    const withRef = { ...HAND, logpRef: REF };
    // kl = (0.3678794 + 0.7182818)/5 = 0.2172323
    const off = grpoLoss(withRef, { lossType: 'dapo', ...EPS, beta: 0 });
    expect(off.loss).toBeCloseTo(0.36, 12);
    expect(off.kl).toBeCloseTo(0.2172323, 7);
    // dapo: 0.36 + 0.1·1.0861613/5 = 0.3817232
    expect(grpoLoss(withRef, { lossType: 'dapo', ...EPS, beta: 0.1 }).loss).toBeCloseTo(0.3817232, 7);
    // grpo: ((−2.8 + 0.0367879)/3 + (4.6 + 0.0718282)/2)/2 = (−0.9210707 + 2.3359141)/2 = 0.7074217
    expect(grpoLoss(withRef, { lossType: 'grpo', ...EPS, beta: 0.1 }).loss).toBeCloseTo(0.7074217, 7);
  });

  it('keeps a sequence with no real tokens in the grpo mean, as TRL clamps its count to 1', () => {
    // rows −2.8/3 and 0/1: (−0.9333333 + 0)/2 = −0.4666667; dapo −2.8/3
    const mask = [[1, 1, 1], [0, 0, 0]];
    expect(grpoLoss({ ...HAND, mask }, { lossType: 'grpo', ...EPS }).loss).toBeCloseTo(-1.4 / 3, 12);
    expect(grpoLoss({ ...HAND, mask }, { lossType: 'dapo', ...EPS }).loss).toBeCloseTo(-2.8 / 3, 12);
  });

  it('refuses mismatched shapes, bad ε, β and lengths, naming them', () => {
    const dapo = { lossType: 'dapo' as const, ...EPS };
    expect(() => grpoLoss({ ...HAND, mask: [[1, 1, 1]] }, dapo)).toThrow(/logp and mask .* 2 and 1/);
    expect(() => grpoLoss({ ...HAND, logpRef: [[0, 0], [0, 0]] }, dapo)).toThrow(/logp and logpRef rows .* 3 and 2/);
    expect(() => grpoLoss({ ...HAND, advantages: [1] }, dapo)).toThrow(/one advantage per row \(2\), but got 1/);
    expect(() => grpoLoss({ ...HAND, advantages: [1, NaN] }, dapo)).toThrow(/finite advantages, but got NaN for row 1/);
    expect(() => grpoLoss({ ...HAND, mask: [[1, 1, 2], [1, 1, 0]] }, dapo)).toThrow(/mask .* 2 at \[0\]\[2\]/);
    expect(() => grpoLoss(HAND, { lossType: 'dapo', epsilonLow: -0.1 })).toThrow(/epsilonLow .* \[0, 1\), but got -0.1/);
    expect(() => grpoLoss(HAND, { lossType: 'dapo', epsilonLow: 1 })).toThrow(/epsilonLow .* got 1/);
    expect(() => grpoLoss(HAND, { lossType: 'dapo', epsilonLow: 0.2, epsilonHigh: -1 })).toThrow(/epsilonHigh .* got -1/);
    expect(() => grpoLoss(HAND, { ...dapo, beta: -0.5 })).toThrow(/beta .* got -0.5/);
    expect(() => grpoLoss(HAND, { ...dapo, beta: 0.1 })).toThrow(/logpRef with beta = 0.1/);
    expect(() => grpoLoss(HAND, { ...dapo, lossType: 'dr_grpo', maxCompletionLength: 0 })).toThrow(/maxCompletionLength to be a positive integer, but got 0/);
    expect(() => grpoLoss(HAND, { ...dapo, tokensInBatch: 0 })).toThrow(/tokensInBatch > 0, but got 0/);
    expect(() => grpoLoss(HAND, { ...dapo, lossType: 'bnpo' as GrpoLossType })).toThrow(/lossType .* got bnpo/);
  });
});

const t2 = (x: number[][]) => tf.tensor2d(x);
const scalar = async (t: tf.Tensor) => (await t.data())[0];

function rand(rows: number, cols: number, seed: number, scale = 1): number[][] {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => (next() * 2 - 1) * scale));
}

async function expectAgree(input: { logp: number[][]; logpOld: number[][]; logpRef?: number[][]; advantages: number[]; mask: number[][] }, o: GrpoLossOptions) {
  const want = grpoLoss(input, o);
  const got = grpoLossTensor({
    logp: t2(input.logp), logpOld: t2(input.logpOld), logpRef: input.logpRef && t2(input.logpRef),
    advantages: tf.tensor1d(input.advantages), mask: t2(input.mask),
  }, o);
  expect(await scalar(got.loss)).toBeCloseTo(want.loss, 5);
  expect(await scalar(got.clipRatioLow)).toBeCloseTo(want.clipRatioLow, 6);
  expect(await scalar(got.clipRatioHigh)).toBeCloseTo(want.clipRatioHigh, 6);
  expect(await scalar(got.clipRatioRegion)).toBeCloseTo(want.clipRatioRegion, 6);
  if (want.kl === undefined) expect(got.kl).toBeUndefined();
  else expect(await scalar(got.kl!)).toBeCloseTo(want.kl, 5);
  return want;
}

const TYPES: GrpoLossType[] = ['grpo', 'dapo', 'dr_grpo'];

describe('GRPO loss (tensors)', () => {
  it('equals the number version on the hand batch, for every loss type, ε_high and β', async () => {
    for (const lossType of TYPES) {
      await expectAgree(HAND, { lossType, ...EPS });
      await expectAgree({ ...HAND, logpRef: REF }, { lossType, epsilonLow: 0.2, epsilonHigh: 0.6, beta: 0.1, maxCompletionLength: 4 });
    }
  });

  it('equals the number version on random batches', async () => {
    const [B, T] = [6, 7];
    const mask = rand(B, T, 9).map((row, i) => row.map((_, t) => (t < 2 + i ? 1 : 0)));
    const logpOld = rand(B, T, 2, 0.4).map((row) => row.map((x) => x - 2));
    const logp = rand(B, T, 1, 0.4).map((row, i) => row.map((x, t) => logpOld[i][t] + x));
    const logpRef = rand(B, T, 4, 0.5).map((row, i) => row.map((x, t) => logpOld[i][t] + x));
    const { advantages } = grpoAdvantages(rand(1, B, 3, 2)[0], 3);
    for (const lossType of TYPES) {
      const want = await expectAgree({ logp, logpOld, logpRef, advantages, mask }, { lossType, epsilonLow: 0.2, epsilonHigh: 0.28, beta: 0.04 });
      expect(want.clipRatioLow).toBeGreaterThan(0); // the batch exercises both clips
      expect(want.clipRatioHigh).toBeGreaterThan(0);
    }
  });

  it('passes no surrogate gradient to tokens clipped on the stopping side, and the ρ·A gradient elsewhere', async () => {
    const [o, m] = [OLD, MASK].map((x) => t2(x));
    const adv = tf.tensor1d(ADV);
    const loss = (lp: tf.Tensor) => grpoLossTensor({ logp: lp as tf.Tensor2D, logpOld: o, advantages: adv, mask: m }, { lossType: 'dapo', ...EPS }).loss;
    const g = tf.grad(loss)(t2(LOGP));
    // d/dlogp of −ρ·A/5 = −ρ·A/5: [0][0] −1.1/5 = −0.22; [0][2] −0.5/5 = −0.1 (below range but the
    // unclipped term wins, so it still pushes); [1][1] −1.5·(−2)/5 = 0.6.
    // 0 at [0][1] (high clip, A > 0), [1][0] (low clip, A < 0) and the padding [1][2].
    close(Array.from(await g.data()), [-0.22, 0, -0.1, 0, 0.6, 0], 5);
  });

  it('adds the k3 gradient β(1 − e^(ref − logp))/N when β > 0', async () => {
    const [o, r, m] = [OLD, REF, MASK].map((x) => t2(x));
    const adv = tf.tensor1d(ADV);
    const loss = (lp: tf.Tensor) => grpoLossTensor({ logp: lp as tf.Tensor2D, logpOld: o, logpRef: r, advantages: adv, mask: m }, { lossType: 'dapo', ...EPS, beta: 0.1 }).loss;
    const g = tf.grad(loss)(t2(LOGP));
    // [0][0]: −0.22 + 0.1·(1 − e⁻¹)/5 = −0.22 + 0.0126424 = −0.2073576
    // [1][1]: 0.6 + 0.1·(1 − e)/5 = 0.6 − 0.0343656 = 0.5656344; ref = logp elsewhere adds 0
    close(Array.from(await g.data()), [-0.2073576, 0, -0.1, 0, 0.5656344, 0], 5);
  });

  it('refuses tensors of different shapes, naming them', () => {
    const z = tf.zeros([2, 3]) as tf.Tensor2D;
    const adv = tf.tensor1d([1, 2]);
    expect(() => grpoLossTensor({ logp: z, logpOld: z, advantages: adv, mask: tf.zeros([3, 2]) }, { lossType: 'dapo', ...EPS }))
      .toThrow(/logp and mask .* \[2,3\] and \[3,2\]/);
    expect(() => grpoLossTensor({ logp: z, logpOld: z, advantages: tf.tensor1d([1]), mask: z }, { lossType: 'dapo', ...EPS }))
      .toThrow(/advantages of shape \[2\] .* got \[1\]/);
    expect(() => grpoLossTensor({ logp: z, logpOld: z, advantages: adv, mask: z }, { lossType: 'dapo', epsilonLow: 1.5 }))
      .toThrow(/epsilonLow .* got 1.5/);
  });
});
