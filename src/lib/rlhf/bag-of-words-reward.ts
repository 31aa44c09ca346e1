// A baseline reward model: r(text) = w · φ(text), where φ(text) marks each distinct lower-cased
// word of the text. Fitted by Bradley–Terry, which for a linear reward is logistic regression on
// φ(chosen) − φ(rejected), with an L2 penalty, by full-batch gradient descent. It is what a learner
// that starts with no knowledge of language can take from the same comparisons: the figure the
// reward model must match (`npm run experiment -- reward` reports both).
import { sigmoid } from './bradley-terry';

export interface TextPair {
  chosen: string;
  rejected: string;
}

export interface BagOfWordsSettings {
  /** The L2 penalty's coefficient λ in λ/2 · ‖w‖². */
  l2: number;
  iterations: number;
  learningRate: number;
}

export const DEFAULT_BAG_OF_WORDS: BagOfWordsSettings = { l2: 1e-3, iterations: 300, learningRate: 1 };

/** The distinct lower-cased words of a text (letters and apostrophes), sorted. */
export function wordsOf(text: string): string[] {
  return [...new Set(text.toLowerCase().match(/[a-z']+/g) ?? [])].sort();
}

export interface BagOfWordsReward {
  weights: Map<string, number>;
  score(text: string): number;
}

const rewardFrom = (weights: Map<string, number>): BagOfWordsReward => ({
  weights,
  score: (text) => wordsOf(text).reduce((r, w) => r + (weights.get(w) ?? 0), 0),
});

/**
 * The mean Bradley–Terry loss over the pairs plus λ/2 · ‖w‖², and its gradient: what the fit
 * descends (exported so a test can check the gradient against finite differences).
 */
export function bagOfWordsObjective(diffs: Array<Map<string, number>>, w: Map<string, number>, l2: number): { loss: number; grad: Map<string, number> } {
  const grad = new Map<string, number>();
  let loss = 0;
  for (const d of diffs) {
    let margin = 0;
    for (const [word, x] of d) margin += x * (w.get(word) ?? 0);
    // softplus(−margin) = −log σ(margin), computed stably.
    loss += margin > 0 ? Math.log1p(Math.exp(-margin)) : -margin + Math.log1p(Math.exp(margin));
    const g = -sigmoid(-margin) / diffs.length;
    for (const [word, x] of d) grad.set(word, (grad.get(word) ?? 0) + g * x);
  }
  loss /= diffs.length;
  for (const [word, v] of w) {
    loss += (l2 / 2) * v * v;
    grad.set(word, (grad.get(word) ?? 0) + l2 * v);
  }
  return { loss, grad };
}

/** φ(chosen) − φ(rejected), words present in both cancelling. */
function difference(p: TextPair): Map<string, number> {
  const d = new Map<string, number>();
  for (const w of wordsOf(p.chosen)) d.set(w, 1);
  for (const w of wordsOf(p.rejected)) {
    const v = (d.get(w) ?? 0) - 1;
    if (v === 0) d.delete(w); else d.set(w, v);
  }
  return d;
}

export function fitBagOfWords(pairs: TextPair[], s: BagOfWordsSettings = DEFAULT_BAG_OF_WORDS): BagOfWordsReward {
  if (!pairs.length) throw new Error('There are no comparisons to fit the bag-of-words baseline on');
  const diffs = pairs.map(difference);
  const w = new Map<string, number>();
  for (const d of diffs) for (const word of d.keys()) w.set(word, 0);
  for (let i = 0; i < s.iterations; i++) {
    const { grad } = bagOfWordsObjective(diffs, w, s.l2);
    for (const [word, g] of grad) w.set(word, (w.get(word) ?? 0) - s.learningRate * g);
  }
  return rewardFrom(w);
}
