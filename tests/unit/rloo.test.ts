import { describe, expect, it } from 'vitest';
import { rlooAdvantages } from '../../src/lib/rlhf/rloo';

describe('RLOO advantages', () => {
  it('subtracts the mean of the other k − 1 rewards', () => {
    // 1 − (2+3+6)/3 = −8/3;  2 − (1+3+6)/3 = −4/3;  3 − (1+2+6)/3 = 0;  6 − (1+2+3)/3 = 4
    const a = rlooAdvantages([1, 2, 3, 6], 4);
    [-8 / 3, -4 / 3, 0, 4].forEach((v, i) => expect(a[i]).toBeCloseTo(v, 12));
  });

  it('equals k/(k−1)·(r − group mean): 4/3·(r − 3)', () => {
    const a = rlooAdvantages([1, 2, 3, 6], 4);
    [1, 2, 3, 6].forEach((r, i) => expect(a[i]).toBeCloseTo((4 / 3) * (r - 3), 12));
  });

  it('keeps consecutive groups apart', () => {
    // group [1, 3]: 1 − 3 = −2, 3 − 1 = 2; group [5, 5]: 0, 0
    expect(rlooAdvantages([1, 3, 5, 5], 2)).toEqual([-2, 2, 0, 0]);
  });

  it('refuses k < 2, a count that is not a multiple of k, and non-finite rewards', () => {
    expect(() => rlooAdvantages([1, 2], 1)).toThrow(/k to be an integer >= 2 .* got 1/);
    expect(() => rlooAdvantages([1, 2, 3], 2)).toThrow(/\(3\) to be a multiple of k = 2/);
    expect(() => rlooAdvantages([1, NaN], 2)).toThrow(/finite/);
  });
});
