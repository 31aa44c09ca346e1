import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  entropyFromLogits, maskedMeanTensor, policyLoss, policyLossTensor, valueLoss, valueLossTensor,
} from '../../src/lib/rlhf/ppo-loss';

const EPS = 0.2;
const one = (lp: number, a: number) => policyLoss([[lp]], [[0]], [[a]], [[1]], EPS);

describe('clipped policy surrogate (numbers)', () => {
  it('inside the clip range is −A·ρ and not clipped', () => {
    // ρ = 1.1, A = 2: −A·ρ = −2.2 = −A·clip(ρ) (clip leaves 1.1 alone)
    expect(one(Math.log(1.1), 2).loss).toBeCloseTo(-2.2, 12);
    expect(one(Math.log(1.1), 2).clipFrac).toBe(0);
  });

  it('with A > 0 stops at 1 + ε', () => {
    // ρ = 1.5, A = 2: unclipped −3, clipped −2·1.2 = −2.4; max = −2.4, the clipped term
    expect(one(Math.log(1.5), 2).loss).toBeCloseTo(-2.4, 12);
    expect(one(Math.log(1.5), 2).clipFrac).toBe(1);
  });

  it('with A < 0 stops at 1 − ε', () => {
    // ρ = 0.5, A = −1: unclipped 0.5, clipped 1·0.8 = 0.8; max = 0.8, the clipped term
    expect(one(Math.log(0.5), -1).loss).toBeCloseTo(0.8, 12);
    expect(one(Math.log(0.5), -1).clipFrac).toBe(1);
  });

  it('keeps the unclipped term outside the range when that is the pessimistic one', () => {
    // ρ = 1.5, A = −1: unclipped 1.5, clipped 1.2; max = 1.5, no clip
    expect(one(Math.log(1.5), -1).loss).toBeCloseTo(1.5, 12);
    expect(one(Math.log(1.5), -1).clipFrac).toBe(0);
    // ρ = 0.5, A = 2: unclipped −1, clipped −1.6; max = −1, no clip
    expect(one(Math.log(0.5), 2).loss).toBeCloseTo(-1, 12);
    expect(one(Math.log(0.5), 2).clipFrac).toBe(0);
  });

  it('averages over real tokens only, with clip fraction and approx KL', () => {
    // real tokens: (ρ 1.1, A 2) → −2.2 kept; (ρ 1.5, A 2) → −2.4 clipped; (ρ 0.5, A −1) → 0.8 clipped
    // loss = (−2.2 − 2.4 + 0.8)/3 = −1.2666667; clipFrac = 2/3
    // approxKl = ½·(ln²1.1 + ln²1.5 + ln²0.5)/3 = ½·(0.0090840 + 0.1644020 + 0.4804530)/3 = 0.1089898
    const s = policyLoss(HAND.logpNew, HAND.logpOld, HAND.adv, HAND.mask, EPS);
    expect(s.loss).toBeCloseTo(-3.8 / 3, 12);
    expect(s.clipFrac).toBeCloseTo(2 / 3, 12);
    expect(s.approxKl).toBeCloseTo(0.1089898, 7);
  });

  it('refuses mismatched shapes and a negative ε', () => {
    expect(() => policyLoss([[0, 0]], [[0]], [[0, 0]], [[1, 1]], EPS)).toThrow(/logpNew and logpOld rows .* 2 and 1/);
    expect(() => policyLoss([[0]], [[0]], [[0]], [[1]], -0.1)).toThrow(/clipEps .* -0.1/);
  });
});

// Two rows: in range with A > 0, clipped above with A > 0 | clipped below with A < 0, padding.
const HAND = {
  logpNew: [[Math.log(1.1), Math.log(1.5)], [Math.log(0.5), Math.log(3)]],
  logpOld: [[0, 0], [0, 0]],
  adv: [[2, 2], [-1, 5]],
  mask: [[1, 1], [1, 0]],
};

// Value cases, clip range 0.2 (v, v_old, R):
// a (1.0, 0.5,  2): clip → 0.7; (1−2)² = 1,   (0.7−2)² = 1.69 → 1.69 clipped (moved up too far)
// b (1.0, 0.5,  0): clip → 0.7; (1−0)² = 1,   0.7² = 0.49      → 1
// c (0.0, 0.5,  1): clip → 0.3; (0−1)² = 1,   (0.3−1)² = 0.49  → 1
// d (0.0, 0.5, −1): clip → 0.3; (0+1)² = 1,   (0.3+1)² = 1.69  → 1.69 clipped (moved down too far)
// e (0.6, 0.5,  1): inside;     0.16 both                       → 0.16
// masked (5, 0, 0) ignored. loss = ½·(1.69 + 1 + 1 + 1.69 + 0.16)/5 = ½·5.54/5 = 0.554; clipFrac 2/5.
const VALUE = {
  vNew: [[1, 1, 0], [0, 0.6, 5]],
  vOld: [[0.5, 0.5, 0.5], [0.5, 0.5, 0]],
  returns: [[2, 0, 1], [-1, 1, 0]],
  mask: [[1, 1, 1], [1, 1, 0]],
};

describe('clipped value loss (numbers)', () => {
  it('clips value moves both ways, keeping the larger error', () => {
    const s = valueLoss(VALUE.vNew, VALUE.vOld, VALUE.returns, VALUE.mask, 0.2);
    expect(s.loss).toBeCloseTo(0.554, 12);
    expect(s.clipFrac).toBeCloseTo(2 / 5, 12);
  });

  it('is ½ (v − R)² inside the range', () => {
    expect(valueLoss([[0.6]], [[0.5]], [[1]], [[1]], 0.2)).toEqual({ loss: expect.closeTo(0.08, 12), clipFrac: 0 });
  });

  it('refuses mismatched shapes', () => {
    expect(() => valueLoss([[0]], [[0]], [[0], [1]], [[1]], 0.2)).toThrow(/vNew and returns .* 1 and 2/);
  });
});

function rand(rows: number, cols: number, seed: number, scale = 1): number[][] {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => (next() * 2 - 1) * scale));
}

const scalar = async (t: tf.Tensor) => (await t.data())[0];

describe('tensor versions', () => {
  it('equal the number versions on the hand cases', async () => {
    const [n, o, a, m] = [HAND.logpNew, HAND.logpOld, HAND.adv, HAND.mask].map((x) => tf.tensor2d(x));
    const p = policyLossTensor(n as tf.Tensor2D, o as tf.Tensor2D, a as tf.Tensor2D, m as tf.Tensor2D, EPS);
    expect(await scalar(p.loss)).toBeCloseTo(-3.8 / 3, 5);
    expect(await scalar(p.clipFrac)).toBeCloseTo(2 / 3, 6);
    expect(await scalar(p.approxKl)).toBeCloseTo(0.1089898, 6);
    const [v, vo, r, vm] = [VALUE.vNew, VALUE.vOld, VALUE.returns, VALUE.mask].map((x) => tf.tensor2d(x) as tf.Tensor2D);
    const vs = valueLossTensor(v, vo, r, vm, 0.2);
    expect(await scalar(vs.loss)).toBeCloseTo(0.554, 5);
    expect(await scalar(vs.clipFrac)).toBeCloseTo(2 / 5, 6);
  });

  it('equal the number versions on random batches', async () => {
    const [B, T] = [4, 7];
    const mask = rand(B, T, 9).map((row, i) => row.map((_, t) => (t < 3 + i ? 1 : 0)));
    const logpNew = rand(B, T, 1, 0.4).map((row) => row.map((x) => x - 2));
    const logpOld = rand(B, T, 2, 0.4).map((row) => row.map((x) => x - 2));
    const adv = rand(B, T, 3, 2);
    const t2 = (x: number[][]) => tf.tensor2d(x);
    const want = policyLoss(logpNew, logpOld, adv, mask, EPS);
    const got = policyLossTensor(t2(logpNew), t2(logpOld), t2(adv), t2(mask), EPS);
    expect(want.clipFrac).toBeGreaterThan(0); // the batch exercises the clip
    expect(await scalar(got.loss)).toBeCloseTo(want.loss, 5);
    expect(await scalar(got.clipFrac)).toBeCloseTo(want.clipFrac, 6);
    expect(await scalar(got.approxKl)).toBeCloseTo(want.approxKl, 6);
    const vNew = rand(B, T, 4);
    const vOld = rand(B, T, 5);
    const ret = rand(B, T, 6, 2);
    const wantV = valueLoss(vNew, vOld, ret, mask, 0.2);
    const gotV = valueLossTensor(t2(vNew), t2(vOld), t2(ret), t2(mask), 0.2);
    expect(wantV.clipFrac).toBeGreaterThan(0);
    expect(await scalar(gotV.loss)).toBeCloseTo(wantV.loss, 5);
    expect(await scalar(gotV.clipFrac)).toBeCloseTo(wantV.clipFrac, 6);
  });

  it('pass no policy gradient where the clipped term is active', async () => {
    const [o, a, m] = [HAND.logpOld, HAND.adv, HAND.mask].map((x) => tf.tensor2d(x) as tf.Tensor2D);
    const g = tf.grad((n: tf.Tensor) => policyLossTensor(n as tf.Tensor2D, o, a, m, EPS).loss)(tf.tensor2d(HAND.logpNew));
    // d/dlog π of −A·ρ/3 is −A·ρ/3: −2·1.1/3 = −0.7333333 at the in-range token; 0 where clipped; 0 at padding
    const want = [-2.2 / 3, 0, 0, 0];
    Array.from(await g.data()).forEach((x, i) => expect(x).toBeCloseTo(want[i], 5));
  });

  it('let the unclipped term carry the gradient where it is the pessimistic one', async () => {
    // ρ = 1.5, A = −1: loss = −A·ρ = 1.5 (one token), gradient −A·ρ = 1.5
    const g = tf.grad((n: tf.Tensor) => policyLossTensor(n as tf.Tensor2D, tf.zeros([1, 1]), tf.fill([1, 1], -1), tf.ones([1, 1]), EPS).loss);
    expect(await scalar(g(tf.tensor2d([[Math.log(1.5)]])))).toBeCloseTo(1.5, 5);
  });

  it('pass no value gradient where the clipped error is active', async () => {
    const [vo, r, m] = [VALUE.vOld, VALUE.returns, VALUE.mask].map((x) => tf.tensor2d(x) as tf.Tensor2D);
    const g = tf.grad((v: tf.Tensor) => valueLossTensor(v as tf.Tensor2D, vo, r, m, 0.2).loss)(tf.tensor2d(VALUE.vNew));
    // d/dv of ½(v − R)²/5 = (v − R)/5: b (1 − 0)/5 = 0.2, c (0 − 1)/5 = −0.2, e (0.6 − 1)/5 = −0.08; a, d clipped: 0
    const want = [0, 0.2, -0.2, 0, -0.08, 0];
    Array.from(await g.data()).forEach((x, i) => expect(x).toBeCloseTo(want[i], 5));
  });

  it('refuse tensors of different shapes, naming them', () => {
    expect(() => policyLossTensor(tf.zeros([2, 3]), tf.zeros([2, 3]), tf.zeros([2, 3]), tf.zeros([3, 2]), EPS))
      .toThrow(/logpNew and mask .* \[2,3\] and \[3,2\]/);
    expect(() => maskedMeanTensor(tf.zeros([2]), tf.zeros([3]))).toThrow(/x and mask/);
  });
});

describe('entropy from logits', () => {
  it('is the masked mean of −Σ p log p per position', async () => {
    // position 0: logits (0, 0), uniform: ln 2 = 0.6931472
    // position 1: logits (0, ln 3), p = (1/4, 3/4): −(¼ ln ¼ + ¾ ln ¾) = 0.3465736 + 0.2157616 = 0.5623351
    // position 2: masked. mean = (0.6931472 + 0.5623351)/2 = 0.6277412
    const logits = tf.tensor3d([[[0, 0], [0, Math.log(3)], [100, -100]]]);
    expect(await scalar(entropyFromLogits(logits, tf.tensor2d([[1, 1, 0]])))).toBeCloseTo(0.6277412, 5);
  });

  it('stays finite for huge logits', async () => {
    // (1000, 1000) is uniform (ln 2); (1000, 0) is certain (0)
    const logits = tf.tensor3d([[[1000, 1000], [1000, 0]]]);
    expect(await scalar(entropyFromLogits(logits, tf.tensor2d([[1, 0]])))).toBeCloseTo(Math.LN2, 5);
    expect(await scalar(entropyFromLogits(logits, tf.tensor2d([[0, 1]])))).toBeCloseTo(0, 5);
  });

  it('refuses a mask that does not match the logits', () => {
    expect(() => entropyFromLogits(tf.zeros([1, 3, 2]), tf.zeros([1, 2]))).toThrow(/mask of shape \[1,3\] .* \[1,3,2\], but got \[1,2\]/);
  });
});
