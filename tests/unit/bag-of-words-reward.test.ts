import { describe, expect, it } from 'vitest';
import { bagOfWordsObjective, fitBagOfWords, wordsOf } from '../../src/lib/rlhf/bag-of-words-reward';
import { makeRng } from '../../src/lib/util/rng';

describe('the bag-of-words baseline reward', () => {
  it('reads each distinct lower-cased word once', () => {
    expect(wordsOf("The cat, the CAT's hat!")).toEqual(["cat's", 'cat', 'hat', 'the'].sort());
    expect(wordsOf('  12 ... ')).toEqual([]);
  });

  it('descends the Bradley–Terry loss with its true gradient (finite differences)', () => {
    const rng = makeRng(4);
    const vocab = ['a', 'b', 'c', 'd', 'e'];
    const diffs = Array.from({ length: 6 }, () => new Map(vocab.filter(() => rng.next() < 0.6).map((w) => [w, rng.next() < 0.5 ? 1 : -1] as [string, number])));
    const w = new Map(vocab.map((v) => [v, rng.next() * 2 - 1] as [string, number]));
    const { grad } = bagOfWordsObjective(diffs, w, 0.3);
    const h = 1e-6;
    for (const v of vocab) {
      const plus = new Map(w).set(v, w.get(v)! + h);
      const minus = new Map(w).set(v, w.get(v)! - h);
      const numeric = (bagOfWordsObjective(diffs, plus, 0.3).loss - bagOfWordsObjective(diffs, minus, 0.3).loss) / (2 * h);
      expect(grad.get(v) ?? 0).toBeCloseTo(numeric, 6);
    }
  });

  it('reaches the closed-form optimum of one pair: σ(−2a) = λa, with w(good) = a = −w(bad)', () => {
    const l2 = 0.1;
    const fit = fitBagOfWords([{ chosen: 'a good day', rejected: 'a bad day' }], { l2, iterations: 3000, learningRate: 1 });
    // Solved independently by bisection: f(a) = σ(−2a) − λa falls from 0.5 at a = 0.
    let [lo, hi] = [0, 10];
    for (let i = 0; i < 100; i++) {
      const mid = (lo + hi) / 2;
      if (1 / (1 + Math.exp(2 * mid)) - l2 * mid > 0) lo = mid; else hi = mid;
    }
    expect(fit.weights.get('good')).toBeCloseTo(lo, 5);
    expect(fit.weights.get('bad')).toBeCloseTo(-lo, 5);
    expect(fit.weights.get('day') ?? 0).toBe(0); // in both texts: it cancels, and never moves
    expect(fit.score('good')).toBeGreaterThan(fit.score('bad'));
  });

  it('learns a preference for a word from comparisons, and refuses to fit on none', () => {
    const rng = makeRng(9);
    const filler = ['the', 'dog', 'ran', 'home', 'fast', 'slow', 'red'];
    const text = (extra: string) => [...filler.filter(() => rng.next() < 0.5), extra].join(' ');
    const pairs = Array.from({ length: 40 }, () => ({ chosen: text('happy'), rejected: text('sad') }));
    const fit = fitBagOfWords(pairs);
    expect(fit.score('a happy dog')).toBeGreaterThan(fit.score('a sad dog'));
    expect(() => fitBagOfWords([])).toThrow(/no comparisons/);
  });
});
