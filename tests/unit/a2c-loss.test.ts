import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { a2cLoss, a2cLossTensor, a2cPolicyLoss, exactKl, valueMse } from '../../src/lib/rlhf/a2c-loss';

const ln = Math.log;

// Two rows, the last token of the second is padding.
const PG = {
  logp: [[ln(0.5), ln(0.25)], [ln(0.8), 0]],
  adv: [[1, -2], [0.5, 9]],
  mask: [[1, 1], [1, 0]],
};

// One row of two positions over a vocabulary of 2: the policy is uniform at both; the reference
// is (0.25, 0.75) at the first and uniform at the second.
const HALF = [ln(0.5), ln(0.5)];
const FULL = {
  logp: [[ln(0.5), ln(0.5)]],
  logpAll: [[HALF, HALF]],
  logpRefAll: [[[ln(0.25), ln(0.75)], HALF]],
  adv: [[2, 1]],
  values: [[1, 2]],
  returns: [[0, 4]],
  mask: [[1, 1]],
  beta: 0.5,
  vfCoef: 0.1,
};

describe('A2C loss (numbers)', () => {
  it('policy term is the masked mean of −A·log π', () => {
    // −1·ln 0.5 = 0.6931472; −(−2)·ln 0.25 = −2.7725887; −0.5·ln 0.8 = 0.1115718; padding ignored
    // (0.6931472 − 2.7725887 + 0.1115718) / 3 = −0.6559566
    expect(a2cPolicyLoss(PG.logp, PG.adv, PG.mask)).toBeCloseTo(-0.6559566, 6);
  });

  it('exact KL over the vocabulary, 0 for equal distributions, not symmetric', () => {
    // KL((.5,.5) ‖ (.25,.75)) = .5 ln 2 + .5 ln(2/3) = .5·0.6931472 − .5·0.4054651 = 0.1438410
    expect(exactKl(HALF, [ln(0.25), ln(0.75)])).toBeCloseTo(0.143841, 6);
    // KL((.25,.75) ‖ (.5,.5)) = .25 ln .5 + .75 ln 1.5 = −0.1732868 + 0.3040988 = 0.1308121
    expect(exactKl([ln(0.25), ln(0.75)], HALF)).toBeCloseTo(0.1308121, 6);
    expect(exactKl(HALF, HALF)).toBe(0);
    expect(() => exactKl(HALF, [0])).toThrow(/same vocabulary, but got 2 and 1/);
  });

  it('value term is ½ mean (V − R)²', () => {
    // ½·((1 − 0)² + (2 − 4)²)/2 = 1.25
    expect(valueMse(FULL.values, FULL.returns, FULL.mask)).toBeCloseTo(1.25, 12);
  });

  it('adds β·KL and vfCoef·value to the policy term', () => {
    // policy (−2·ln .5 − 1·ln .5)/2 = 1.0397208; KL (0.1438410 + 0)/2 = 0.0719205; value 1.25
    // loss = 1.0397208 + 0.5·0.0719205 + 0.1·1.25 = 1.2006811
    const s = a2cLoss(FULL);
    expect(s.policy).toBeCloseTo(1.0397208, 6);
    expect(s.kl).toBeCloseTo(0.0719205, 6);
    expect(s.value).toBeCloseTo(1.25, 12);
    expect(s.loss).toBeCloseTo(1.2006811, 6);
    // Only the first position real: 1.3862944 + 0.5·0.1438410 + 0.1·0.5 = 1.5082149
    expect(a2cLoss({ ...FULL, mask: [[1, 0]] }).loss).toBeCloseTo(1.5082149, 6);
    expect(() => a2cLoss({ ...FULL, beta: -1 })).toThrow(/beta .* but got -1/);
  });
});

describe('A2C loss (tensors)', () => {
  const asTensors = (x: typeof FULL) => ({
    ...x,
    logp: tf.tensor2d(x.logp), logpAll: tf.tensor3d(x.logpAll), logpRefAll: tf.tensor3d(x.logpRefAll),
    adv: tf.tensor2d(x.adv), values: tf.tensor2d(x.values), returns: tf.tensor2d(x.returns), mask: tf.tensor2d(x.mask),
  });

  it('equals the numbers version', async () => {
    for (const mask of [[[1, 1]], [[1, 0]]]) {
      const want = a2cLoss({ ...FULL, mask });
      const parts = tf.tidy(() => {
        const s = a2cLossTensor(asTensors({ ...FULL, mask }));
        return [s.loss, s.policy, s.kl, s.value];
      });
      const got = await Promise.all(parts.map(async (t) => (await t.data())[0]));
      expect(got[0]).toBeCloseTo(want.loss, 5);
      expect(got[1]).toBeCloseTo(want.policy, 5);
      expect(got[2]).toBeCloseTo(want.kl, 5);
      expect(got[3]).toBeCloseTo(want.value, 5);
      tf.dispose(parts);
    }
  });

  it('policy gradient is −A/n at real tokens and 0 at padding: no ratio, no clip', async () => {
    const g = tf.tidy(() => tf.grad((logp: tf.Tensor) => a2cLossTensor({
      logp: logp as tf.Tensor2D, logpAll: tf.zeros([2, 2, 1]), logpRefAll: tf.zeros([2, 2, 1]), adv: tf.tensor2d(PG.adv),
      values: tf.zeros([2, 2]), returns: tf.zeros([2, 2]), mask: tf.tensor2d(PG.mask), beta: 0, vfCoef: 0,
    }).loss)(tf.tensor2d(PG.logp)));
    const got = (await g.array()) as number[][];
    [[-1 / 3, 2 / 3], [-1 / 6, 0]].forEach((row, i) => row.forEach((x, t) => expect(got[i][t]).toBeCloseTo(x, 6)));
    g.dispose();
  });

  it("KL gradient w.r.t. the policy's logits is p_i (log p_i − log q_i − KL)", async () => {
    // z = (0, 0): p = (.5, .5), q = (.25, .75), KL = 0.1438410
    // 0.5·(0.6931472 − 0.1438410) = 0.2746531; 0.5·(−0.4054651 − 0.1438410) = −0.2746531
    const g = tf.tidy(() => tf.grad((z: tf.Tensor) => a2cLossTensor({
      logp: tf.zeros([1, 1]), logpAll: tf.logSoftmax(z) as tf.Tensor3D, logpRefAll: tf.tensor3d([[[ln(0.25), ln(0.75)]]]),
      adv: tf.zeros([1, 1]), values: tf.zeros([1, 1]), returns: tf.zeros([1, 1]), mask: tf.ones([1, 1]), beta: 1, vfCoef: 0,
    }).loss)(tf.zeros([1, 1, 2])));
    const [[[a, b]]] = (await g.array()) as number[][][];
    expect(a).toBeCloseTo(0.2746531, 6);
    expect(b).toBeCloseTo(-0.2746531, 6);
    g.dispose();
  });
});
