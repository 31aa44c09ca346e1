// TensorBoard's debiased EMA, worked by hand: each value is a weighted mean of the values so far,
// weights w^k from the newest back, which is what last·w + (1 − w)·y divided by 1 − wⁿ comes to.
import { describe, expect, it } from 'vitest';
import { emaSmooth } from '../../src/lib/util/smoothing';

describe('emaSmooth', () => {
  it('debiases the average: [1, 2, 3] at w = 0.5 is 1, 5/3, 17/7', () => {
    // n=1: last = 0.5·1 = 0.5, / (1 − 0.5) = 1
    // n=2: last = 0.5·0.5 + 0.5·2 = 1.25, / (1 − 0.25) = 5/3
    // n=3: last = 0.5·1.25 + 0.5·3 = 2.125, / (1 − 0.125) = 17/7 = (3 + 2·0.5 + 1·0.25) / 1.75
    const out = emaSmooth([1, 2, 3], 0.5);
    expect(out[0]).toBeCloseTo(1, 12);
    expect(out[1]).toBeCloseTo(5 / 3, 12);
    expect(out[2]).toBeCloseTo(17 / 7, 12);
  });

  it('at w = 0.9 keeps the first value and weighs the second as (2 + 0.9·0) / (1 + 0.9)', () => {
    // n=1: 0; n=2: last = 0.9·0 + 0.1·2 = 0.2, / (1 − 0.81) = 0.2 / 0.19 = 20/19
    expect(emaSmooth([0, 2], 0.9)).toEqual([0, expect.closeTo(20 / 19, 12)]);
  });

  it('is the identity at w = 0', () => {
    expect(emaSmooth([3, -1, 4, 1.5], 0)).toEqual([3, -1, 4, 1.5]);
  });

  it('passes NaN and Infinity through and leaves the average alone', () => {
    // [1, NaN, 3] at 0.5: 1; NaN; last = 0.5·0.5 + 0.5·3 = 1.75, / (1 − 0.25) = 7/3
    const out = emaSmooth([1, NaN, 3, Infinity], 0.5);
    expect(out[0]).toBeCloseTo(1, 12);
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeCloseTo(7 / 3, 12);
    expect(out[3]).toBe(Infinity);
  });

  it('returns a constant series exactly and an empty one empty', () => {
    expect(emaSmooth([0.1, 0.1, 0.1, 0.1], 0.99)).toEqual([0.1, 0.1, 0.1, 0.1]);
    expect(emaSmooth([], 0.6)).toEqual([]);
  });

  it('never changes the values it is given', () => {
    const ys = [5, 1, 4];
    emaSmooth(ys, 0.6);
    expect(ys).toEqual([5, 1, 4]);
  });

  it('refuses a weight outside [0, 1)', () => {
    for (const w of [-0.1, 1, 1.5, NaN]) expect(() => emaSmooth([1], w)).toThrow(`but got ${w}`);
  });
});
