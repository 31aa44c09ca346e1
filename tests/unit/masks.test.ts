import { describe, expect, it } from 'vitest';
import { maskedMean, maskedSum, maskedVariance, maskedWhiten } from '../../src/lib/rlhf/masks';

const EOS = 2;
const PAD = 0;

describe('masked statistics', () => {
  const x = [[1, 2, 3], [4, 5, 6]];
  const mask = [[1, 1, 0], [1, 0, 0]];
  // Real values 1, 2, 4: sum 7, mean 7/3; deviations −4/3, −1/3, 5/3; squares 16/9, 1/9, 25/9 sum to
  // 42/9 = 14/3; population variance 14/9, unbiased (n − 1 = 2) 7/3.

  it('sums and averages only the real tokens', () => {
    expect(maskedSum(x, mask)).toBe(7);
    expect(maskedMean(x, mask)).toBeCloseTo(7 / 3, 12);
  });

  it('gives the unbiased variance by default and the population one on request', () => {
    expect(maskedVariance(x, mask)).toBeCloseTo(7 / 3, 12);
    expect(maskedVariance(x, mask, false)).toBeCloseTo(14 / 9, 12);
  });

  it('whitens real tokens to (x − 7/3) / sqrt(7/3 + 1e-8) and zeroes the rest', () => {
    const w = maskedWhiten(x, mask);
    // (1 − 7/3) / 1.5275252 = −0.8728716; (2 − 7/3) / 1.5275252 = −0.2182179; (4 − 7/3) / 1.5275252 = 1.0910894
    [-0.8728716, -0.2182179, 0, 1.0910894, 0, 0].forEach((v, i) => expect(w.flat()[i]).toBeCloseTo(v, 6));
    expect(maskedMean(w, mask)).toBeCloseTo(0, 12);
    expect(maskedVariance(w, mask)).toBeCloseTo(1, 6);
  });

  it('adds the mean back with shiftMean false: only the scale changes', () => {
    const w = maskedWhiten(x, mask, false);
    // −0.8728716 + 7/3 = 1.4604618; −0.2182179 + 7/3 = 2.1151154; 1.0910894 + 7/3 = 3.4244228
    [1.4604618, 2.1151154, 0, 3.4244228, 0, 0].forEach((v, i) => expect(w.flat()[i]).toBeCloseTo(v, 6));
  });

  it('refuses mismatched shapes, a mask that is not 0/1, and too few real tokens', () => {
    expect(() => maskedMean(x, [[1, 1, 0]])).toThrow(/x and mask .* 2 and 1/);
    expect(() => maskedMean(x, [[1, 1], [1, 0]])).toThrow(/row 0 has 3 and 2/);
    expect(() => maskedMean(x, [[1, 0.5, 0], [1, 0, 0]])).toThrow(/0 and 1, but got 0.5 at \[0\]\[1\]/);
    expect(() => maskedMean(x, [[0, 0, 0], [0, 0, 0]])).toThrow(/all 0/);
    expect(() => maskedVariance(x, [[1, 0, 0], [0, 0, 0]])).toThrow(/at least 2 .* got 1/);
    expect(maskedVariance(x, [[1, 0, 0], [0, 0, 0]], false)).toBe(0);
  });
});
