import { describe, expect, it } from 'vitest';
import type { Feedback, Judgement } from '../../src/lib/feedback/judgement';
import { comparisonCount, judgementToGroup } from '../../src/lib/feedback/judgement-group';

function judgement(feedback: Feedback, k = 4): Judgement {
  return {
    createdAt: '2025-01-01T00:00:00.000Z', labeler: 'ana', labelerKind: 'person',
    prompt: 'Once', promptIds: [50, 51],
    completions: Array.from({ length: k }, (_, i) => ({ text: `c${i}`, ids: [10 + i], source: { kind: 'import', file: 't' } })),
    feedback,
  };
}

describe('judgementToGroup', () => {
  it('turns a ranking of 4 into all 6 pairs, best first', () => {
    const g = judgementToGroup(judgement({ kind: 'ranking', ranks: [2, 1, 4, 3] }));
    expect(g.pairs).toEqual([
      { chosen: 1, rejected: 0, margin: 0 }, { chosen: 0, rejected: 2, margin: 0 }, { chosen: 0, rejected: 3, margin: 0 },
      { chosen: 1, rejected: 2, margin: 0 }, { chosen: 1, rejected: 3, margin: 0 }, { chosen: 3, rejected: 2, margin: 0 },
    ]);
    expect(g.thumbs).toEqual([]);
    expect(g.completions).toEqual([[10], [11], [12], [13]]);
    expect(g.promptIds).toEqual([50, 51]);
  });

  it('leaves ties out of a ranking', () => {
    // ranks 1,1,2,2: only the 4 pairs across the two tied groups.
    expect(comparisonCount(judgement({ kind: 'ranking', ranks: [1, 1, 2, 2] }))).toBe(4);
    // ranks 1,2,2,2: the winner over each of the other three.
    expect(comparisonCount(judgement({ kind: 'ranking', ranks: [1, 2, 2, 2] }))).toBe(3);
    expect(comparisonCount(judgement({ kind: 'ranking', ranks: [3, 3, 3, 3] }))).toBe(0);
  });

  it('gives an A/B choice one pair carrying its margin, and "same" none', () => {
    const b = judgementToGroup(judgement({ kind: 'ab', a: 0, b: 1, better: 'b', strength: 'much better', margin: 1 }, 2));
    expect(b.pairs).toEqual([{ chosen: 1, rejected: 0, margin: 1 }]);
    const a = judgementToGroup(judgement({ kind: 'ab', a: 2, b: 0, better: 'a', strength: 'slightly better', margin: 0 }, 3));
    expect(a.pairs).toEqual([{ chosen: 2, rejected: 0, margin: 0 }]);
    expect(comparisonCount(judgement({ kind: 'ab', a: 0, b: 1, better: null, strength: 'same', margin: 0 }, 2))).toBe(0);
  });

  it('prefers an edit over the completion it rewrote', () => {
    const g = judgementToGroup(judgement({ kind: 'edit', original: 0, edited: 1 }, 2));
    expect(g.pairs).toEqual([{ chosen: 1, rejected: 0, margin: 0 }]);
  });

  it('makes thumbs pointwise, and all-bad a thumbs down on every completion', () => {
    const up = judgementToGroup(judgement({ kind: 'thumbs', index: 2, up: true }));
    expect(up.pairs).toEqual([]);
    expect(up.thumbs).toEqual([{ index: 2, up: true }]);
    const bad = judgementToGroup(judgement({ kind: 'all-bad' }, 3));
    expect(bad.pairs).toEqual([]);
    expect(bad.thumbs).toEqual([{ index: 0, up: false }, { index: 1, up: false }, { index: 2, up: false }]);
  });

  it.each<[string, Feedback, RegExp]>([
    ['a ranks length that does not match', { kind: 'ranking', ranks: [1, 2, 3] }, /3 ranks for 4 completions/],
    ['a rank that is not a positive integer', { kind: 'ranking', ranks: [1, 0, 2, 3] }, /rank 1 to be a positive integer/],
    ['an A/B index out of range', { kind: 'ab', a: 0, b: 4, better: 'a', strength: 'better', margin: 0.5 }, /feedback.b is 4, not a completion index \(0 to 3\)/],
    ['an A/B of a completion with itself', { kind: 'ab', a: 1, b: 1, better: 'a', strength: 'better', margin: 0.5 }, /both completion 1/],
    ['a fractional thumbs index', { kind: 'thumbs', index: 0.5, up: true }, /feedback.index is 0.5/],
    ['an edit of itself', { kind: 'edit', original: 2, edited: 2 }, /both completion 2/],
    ['an unknown kind', { kind: 'stars' } as unknown as Feedback, /Unknown feedback kind "stars"/],
  ])('refuses %s', (_, feedback, message) => {
    expect(() => judgementToGroup(judgement(feedback))).toThrow(message);
  });
});
