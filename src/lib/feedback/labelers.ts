// Simulated labelers: scripted stand-ins for a person, for demos, benchmarks and tests.
// Each has a scorer (what it likes), a mode (honest, inverted, or random, the "troll"), and a noise
// rate: the chance that any one answer is flipped.
import vader from 'vader-sentiment';
import type { Rng } from '../util/rng';

export interface Scorer {
  name: string;
  /** Higher is preferred. */
  score(text: string): number;
}

export type LabelerMode = 'honest' | 'inverted' | 'random';

export interface SimulatedLabeler {
  name: string;
  scorer: Scorer;
  mode: LabelerMode;
  /** Probability of flipping each answer, 0..0.5. */
  noise: number;
}

/** VADER's compound sentiment in [-1, 1] (handles negation and intensifiers). */
export const sentimentScorer: Scorer = {
  name: 'sentiment',
  score: (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound,
};

export function lengthScorer(prefer: 'shorter' | 'longer'): Scorer {
  return { name: `${prefer}`, score: (text) => (prefer === 'longer' ? 1 : -1) * text.trim().length };
}

/** Counts whole-word occurrences of the words; 'avoid' prefers fewer. */
export function keywordScorer(words: string[], mode: 'include' | 'avoid'): Scorer {
  const cleaned = words.map((w) => w.trim().toLowerCase()).filter(Boolean);
  if (!cleaned.length) throw new Error('A keyword labeler needs at least one word');
  const re = new RegExp(`\\b(${cleaned.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'gi');
  return { name: `${mode} ${cleaned.join(', ')}`, score: (text) => (mode === 'include' ? 1 : -1) * (text.match(re)?.length ?? 0) };
}

export function makeLabeler(scorer: Scorer, noise = 0, mode: LabelerMode = 'honest', name?: string): SimulatedLabeler {
  if (!(noise >= 0 && noise <= 0.5)) throw new Error(`Expected noise in 0..0.5, but got ${noise}`);
  return { name: name ?? `${mode === 'honest' ? '' : mode + ' '}${scorer.name} labeler${noise ? ` (${Math.round(noise * 100)}% noise)` : ''}`, scorer, mode, noise };
}

/** Which of two texts the labeler prefers (0 or 1), or null for "same". */
export function preferOf(l: SimulatedLabeler, a: string, b: string, rng: Rng, tie = 1e-9): 0 | 1 | null {
  if (l.mode === 'random') return rng.next() < 0.5 ? 0 : 1;
  const sa = l.scorer.score(a);
  const sb = l.scorer.score(b);
  if (Math.abs(sa - sb) <= tie) return null;
  let better: 0 | 1 = sa > sb ? 0 : 1;
  if (l.mode === 'inverted') better = (1 - better) as 0 | 1;
  if (rng.next() < l.noise) better = (1 - better) as 0 | 1;
  return better;
}

/**
 * Ranks of K texts (1 = best, equal scores share a rank). Noise swaps each neighbouring pair of
 * the order with probability `noise`.
 */
export function rankOf(l: SimulatedLabeler, texts: string[], rng: Rng): number[] {
  const sign = l.mode === 'inverted' ? -1 : 1;
  const scores = texts.map((t) => (l.mode === 'random' ? rng.next() : sign * l.scorer.score(t)));
  const order = texts.map((_, i) => i).sort((i, j) => scores[j] - scores[i]);
  for (let k = 0; k + 1 < order.length; k++) {
    if (rng.next() < l.noise) [order[k], order[k + 1]] = [order[k + 1], order[k]];
  }
  const ranks = new Array<number>(texts.length);
  order.forEach((idx, place) => {
    const prev = order[place - 1];
    const tied = place > 0 && l.mode !== 'random' && Math.abs(scores[idx] - scores[prev]) <= 1e-9;
    ranks[idx] = tied ? ranks[prev] : place + 1;
  });
  return ranks;
}
