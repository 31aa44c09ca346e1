import { describe, expect, it } from 'vitest';
import { numberProblem } from '../../src/ui/shared/number-range';

describe('numeric settings', () => {
  it.each<[number | null, number, number, number, string]>([
    [null, 0, 10, 1, 'needs a number'],
    [NaN, 0, 10, 1, 'needs a number'],
    [Infinity, 0, 10, 1, 'needs a number'],
    [-1, 0, 10, 1, 'must be between 0 and 10'],
    [11, 0, 10, 1, 'must be between 0 and 10'],
    [2.5, 0, 10, 1, 'must be a whole number'],
    [0.15, 0, 0.5, 0.05, ''],
    [0, 0, 10, 1, ''],
    [10, 0, 10, 1, ''],
    [1e-6, 1e-6, 0.1, 1e-5, ''],
  ])('%s in [%s, %s] step %s: "%s"', (value, min, max, step, problem) => {
    expect(numberProblem(value, min, max, step)).toBe(problem);
  });
});
