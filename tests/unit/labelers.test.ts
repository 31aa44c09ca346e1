import { describe, expect, it } from 'vitest';
import { keywordScorer, lengthScorer, makeLabeler, preferOf, rankOf, sentimentScorer } from '../../src/lib/feedback/labelers';
import { rankingToPairs } from '../../src/lib/feedback/pairs';
import { makeRng } from '../../src/lib/util/rng';

const happy = 'The little bear was very happy and kind.';
const sad = 'She was sad and the wolf was cruel.';
const plain = 'The door opened.';

describe('scorers', () => {
  it('sentiment: VADER compound, negation included', () => {
    expect(sentimentScorer.score(happy)).toBeGreaterThan(0.5);
    expect(sentimentScorer.score(sad)).toBeLessThan(-0.5);
    expect(sentimentScorer.score(plain)).toBe(0);
    expect(sentimentScorer.score('It was not bad at all.')).toBeGreaterThan(0);
  });

  it('length and keywords', () => {
    expect(lengthScorer('shorter').score('abc')).toBeGreaterThan(lengthScorer('shorter').score('abcdef'));
    expect(keywordScorer(['bear', 'kind'], 'include').score(happy)).toBe(2);
    expect(keywordScorer(['bear'], 'avoid').score('Bear, bear! bearing')).toBe(-2); // whole words only
  });
});

describe('simulated labelers', () => {
  it('an honest noiseless labeler always prefers the higher score, and calls equal scores a tie', () => {
    const l = makeLabeler(sentimentScorer);
    const rng = makeRng(1);
    for (let i = 0; i < 20; i++) {
      expect(preferOf(l, happy, sad, rng)).toBe(0);
      expect(preferOf(l, sad, happy, rng)).toBe(1);
    }
    expect(preferOf(l, plain, 'A cat sat.', rng)).toBeNull();
  });

  it('flips about the noise rate of its answers', () => {
    const l = makeLabeler(sentimentScorer, 0.2);
    const rng = makeRng(2);
    let flipped = 0;
    for (let i = 0; i < 5000; i++) flipped += preferOf(l, happy, sad, rng) === 1 ? 1 : 0;
    expect(flipped / 5000).toBeGreaterThan(0.18);
    expect(flipped / 5000).toBeLessThan(0.22);
  });

  it('the inverted troll always prefers the worse, the random troll half and half', () => {
    const rng = makeRng(3);
    expect(preferOf(makeLabeler(sentimentScorer, 0, 'inverted'), happy, sad, rng)).toBe(1);
    const random = makeLabeler(sentimentScorer, 0, 'random');
    let first = 0;
    for (let i = 0; i < 4000; i++) first += preferOf(random, happy, sad, rng) === 0 ? 1 : 0;
    expect(Math.abs(first / 4000 - 0.5)).toBeLessThan(0.03);
  });

  it('ranks K texts best first, ties sharing a rank', () => {
    const ranks = rankOf(makeLabeler(sentimentScorer), [plain, happy, sad, 'A cat sat.'], makeRng(4));
    expect(ranks).toEqual([2, 1, 4, 2]); // competition ranking: 1, 2, 2, 4
    expect(rankingToPairs(ranks)).toHaveLength(5); // 6 pairs less the one tie
  });

  it('refuses noise outside 0..0.5', () => {
    expect(() => makeLabeler(sentimentScorer, 0.7)).toThrow(/noise in 0..0.5, but got 0.7/);
  });
});
