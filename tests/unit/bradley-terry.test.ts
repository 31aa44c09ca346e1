import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  bradleyTerryGradChosen, bradleyTerryLoss, bradleyTerryLossValue, pairwiseAccuracy, pointwiseLogisticLoss, sigmoid,
} from '../../src/lib/rlhf/bradley-terry';
import { abToPairs, rankingToPairs, strengthToMargin } from '../../src/lib/feedback/pairs';

describe('Bradley–Terry loss', () => {
  // Hand-worked: d = 2 - 1 = 1; σ(1) = 0.7310586; −log σ(1) = 0.3132617.
  it('is −log σ(r_c − r_r) at hand-worked values', () => {
    expect(bradleyTerryLossValue(2, 1)).toBeCloseTo(0.3132617, 6);
    expect(bradleyTerryLossValue(0, 0)).toBeCloseTo(Math.LN2, 6); // σ(0) = 1/2
    expect(bradleyTerryLossValue(1, 2)).toBeCloseTo(1.3132617, 6); // −log σ(−1) = 1 + (−log σ(1))
  });

  it('subtracts the margin: a pair at d = margin costs log 2', () => {
    expect(bradleyTerryLossValue(1.5, 1, 0.5)).toBeCloseTo(Math.LN2, 6);
  });

  it('stays finite for huge differences', () => {
    expect(bradleyTerryLossValue(0, 1000)).toBeCloseTo(1000, 6);
    expect(bradleyTerryLossValue(1000, 0)).toBeCloseTo(0, 12);
  });

  it('has gradient −(1 − σ(d)) for the chosen reward: −0.2689414 at d = 1', () => {
    expect(bradleyTerryGradChosen(2, 1)).toBeCloseTo(-(1 - 0.7310586), 6);
  });

  it('the tensor loss and its autodiff gradient agree with the hand values', async () => {
    const chosen = tf.tensor1d([2, 0, 1.5]);
    const rejected = tf.tensor1d([1, 0, 1]);
    const margin = tf.tensor1d([0, 0, 0.5]);
    const loss = bradleyTerryLoss(chosen, rejected, margin);
    expect((await loss.data())[0]).toBeCloseTo((0.3132617 + Math.LN2 + Math.LN2) / 3, 5);
    const [gc, gr] = tf.grads((c: tf.Tensor, r: tf.Tensor) => bradleyTerryLoss(c as tf.Tensor1D, r as tf.Tensor1D, margin))([chosen, rejected]);
    const expected = [-(1 - sigmoid(1)) / 3, -0.5 / 3, -0.5 / 3];
    Array.from(await gc.data()).forEach((g, i) => expect(g).toBeCloseTo(expected[i], 5));
    Array.from(await gr.data()).forEach((g, i) => expect(g).toBeCloseTo(-expected[i], 5));
  });
});

describe('weighted and pointwise terms', () => {
  it('weights pairs: w = [1, 3] on losses [0.3132617, log 2]', async () => {
    const loss = bradleyTerryLoss(tf.tensor1d([2, 0]), tf.tensor1d([1, 0]), undefined, tf.tensor1d([1, 3]));
    expect((await loss.data())[0]).toBeCloseTo((0.3132617 + 3 * Math.LN2) / 4, 5);
  });

  it('scores a thumbs-up r = 1 as −log σ(1) and a thumbs-down r = 1 as −log σ(−1)', async () => {
    const loss = pointwiseLogisticLoss(tf.tensor1d([1, 1]), tf.tensor1d([1, -1]));
    expect((await loss.data())[0]).toBeCloseTo((0.3132617 + 1.3132617) / 2, 5);
  });
});

describe('pairwise accuracy', () => {
  it('counts pairs ordered right, a tie as half', () => {
    expect(pairwiseAccuracy([1, 2, 3, 0], [0, 3, 3, -1])).toBe((1 + 0 + 0.5 + 1) / 4);
  });
  it('is NaN with no pairs', () => {
    expect(pairwiseAccuracy([], [])).toBeNaN();
  });
});

describe('ranking to pairs', () => {
  it('gives K(K−1)/2 pairs for K = 4 with no ties, best first', () => {
    const pairs = rankingToPairs([2, 1, 4, 3]);
    expect(pairs).toHaveLength(6);
    expect(pairs).toContainEqual({ chosen: 1, rejected: 0, margin: 0 });
    expect(pairs).toContainEqual({ chosen: 3, rejected: 2, margin: 0 });
    pairs.forEach((p) => expect([2, 1, 4, 3][p.chosen]).toBeLessThan([2, 1, 4, 3][p.rejected]));
  });

  it('leaves tied completions out: ranks [1, 1, 2] give 2 pairs', () => {
    expect(rankingToPairs([1, 1, 2])).toEqual([{ chosen: 0, rejected: 2, margin: 0 }, { chosen: 1, rejected: 2, margin: 0 }]);
  });

  it('gives no pairs when all are tied', () => {
    expect(rankingToPairs([3, 3, 3])).toEqual([]);
  });

  it('refuses a rank that is not a positive integer', () => {
    expect(() => rankingToPairs([1, 0])).toThrow(/rank 1 .* got 0/);
  });
});

describe('A/B strength', () => {
  it('maps the slider to margins 0, 0, 0.5, 1', () => {
    expect(['same', 'slightly better', 'better', 'much better'].map((s) => strengthToMargin(s as never))).toEqual([0, 0, 0.5, 1]);
  });

  it('makes one pair, or none for "same"', () => {
    expect(abToPairs(1, 'much better')).toEqual([{ chosen: 1, rejected: 0, margin: 1 }]);
    expect(abToPairs(null, 'same')).toEqual([]);
  });
});
