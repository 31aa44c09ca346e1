import { describe, expect, it } from 'vitest';
import { heldoutSplit } from '../../src/lib/engine/heldout-split';
import { flagLowAgreement } from '../../src/lib/rlhf/labeler-agreement';
import { normalizeReward, rewardNormalization } from '../../src/lib/rlhf/reward-normalization';

describe('reward normalisation', () => {
  // Hand-worked: [1, 2, 3, 6] has mean 3; squared deviations 4, 1, 0, 9 sum to 14; variance 3.5.
  it('is the mean and population std of the raw rewards', () => {
    const n = rewardNormalization([1, 2, 3, 6]);
    expect(n.mean).toBeCloseTo(3, 12);
    expect(n.std).toBeCloseTo(Math.sqrt(3.5), 12);
    expect(n.samples).toBe(4);
    expect(normalizeReward(6, n)).toBeCloseTo(3 / Math.sqrt(3.5), 12);
  });

  it('gives normalised rewards of mean 0 and std 1', () => {
    const raw = [0.3, -1.2, 4.5, 2.2, 0.9];
    const n = rewardNormalization(raw);
    const z = raw.map((r) => normalizeReward(r, n));
    const mean = z.reduce((a, b) => a + b, 0) / z.length;
    const variance = z.reduce((a, b) => a + (b - mean) ** 2, 0) / z.length;
    expect(mean).toBeCloseTo(0, 12);
    expect(variance).toBeCloseTo(1, 12);
  });

  it('floors the std of identical rewards and refuses empty or non-finite input', () => {
    expect(rewardNormalization([2, 2, 2]).std).toBe(1e-6);
    expect(() => rewardNormalization([])).toThrow(/at least one/);
    expect(() => rewardNormalization([1, NaN])).toThrow(/finite/);
  });
});

describe('held-out split', () => {
  const items = Array.from({ length: 10 }, (_, i) => i);

  it('holds out the asked share, disjoint from training, the same for the same seed', () => {
    const a = heldoutSplit(items, 0.2, 3);
    expect(a.heldout).toHaveLength(2);
    expect(a.train).toHaveLength(8);
    expect([...a.train, ...a.heldout].sort((x, y) => x - y)).toEqual(items);
    expect(heldoutSplit(items, 0.2, 3)).toEqual(a);
  });

  it('holds out one of two items, and nothing with a share of 0', () => {
    expect(heldoutSplit([1, 2], 0.2, 1).heldout).toHaveLength(1);
    expect(heldoutSplit([1, 2], 0.2, 1).train).toHaveLength(1);
    expect(heldoutSplit(items, 0, 1).heldout).toHaveLength(0);
    expect(heldoutSplit([7], 0.5, 1)).toEqual({ train: [7], heldout: [] });
  });

  it('refuses a share outside 0..0.5', () => {
    expect(() => heldoutSplit(items, 0.8, 1)).toThrow(/0\.\.0\.5/);
  });
});

describe('troll flags', () => {
  const s = (labeler: string, agreement: number, comparisons = 10) => ({ labeler, agreement, comparisons });

  it('flags an inverted labeler (below chance) and a random one far below the median of the rest', () => {
    expect(flagLowAgreement([s('ann', 0.82), s('bob', 0.78), s('inverted', 0.2), s('random', 0.52)])).toEqual([false, false, true, true]);
  });

  it('does not flag labelers close to the others, or one with no comparisons', () => {
    // median of others for carl: (0.8 + 0.75) / 2 = 0.775; 0.6 is within 0.2 of it.
    expect(flagLowAgreement([s('ann', 0.8), s('bob', 0.75), s('carl', 0.6), s('dee', NaN, 0)])).toEqual([false, false, false, false]);
  });
});
