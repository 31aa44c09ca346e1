import { describe, expect, it } from 'vitest';
import { makeRng, shuffledIndices, shuffleInPlace, type Rng } from '../../src/lib/util/rng';

/** An rng whose int() answers from a script, to work a shuffle by hand. */
const scripted = (ints: number[]): Rng => ({ next: () => 0, normal: () => 0, int: (n) => { const v = ints.shift()!; expect(v).toBeLessThan(n); return v; } });

describe('seeded shuffles', () => {
  it('swap from the end with the drawn index (Fisher–Yates), worked by hand', () => {
    // i = 3 draws j = 0: [d, b, c, a]; i = 2 draws 2: unchanged; i = 1 draws 0: [b, d, c, a]
    expect(shuffleInPlace(['a', 'b', 'c', 'd'], scripted([0, 2, 0]))).toEqual(['b', 'd', 'c', 'a']);
  });

  it('gives a permutation, the same one for the same seed, another for another seed', () => {
    const a = shuffledIndices(50, makeRng(7));
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(shuffledIndices(50, makeRng(7))).toEqual(a);
    expect(shuffledIndices(50, makeRng(8))).not.toEqual(a);
  });
});
