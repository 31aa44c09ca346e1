// How well could any reward model do on these comparisons without knowing sentiment beforehand?
// A learner only meets the lexicon words that occur in its training texts. Scoring the held-out
// pairs with VADER restricted to the sentiment words seen at least N times in training (unseen
// ones blanked out) gives an upper bound on held-out accuracy for a learner that perfectly learns
// every word it saw N or more times, and nothing else.
import vader from 'vader-sentiment';
import { pairwiseAccuracy } from '../../src/lib/rlhf/bradley-terry';
import type { LabeledGroup } from '../../src/lib/engine/simulated-comparisons';

const compound = (text: string) => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
const words = (text: string) => text.toLowerCase().match(/[a-z']+/g) ?? [];

export function seenWordCeiling(train: LabeledGroup[], heldout: LabeledGroup[], minCounts = [1, 2, 3]): Record<string, number> {
  const inLexicon = new Map<string, boolean>();
  const isSentimentWord = (w: string) => inLexicon.get(w) ?? (inLexicon.set(w, compound(w) !== 0), inLexicon.get(w)!);
  const counts = new Map<string, number>();
  for (const g of train) for (const t of g.texts) for (const w of words(t)) if (isSentimentWord(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const out: Record<string, number> = {};
  for (const n of minCounts) {
    const known = (w: string) => (counts.get(w) ?? 0) >= n;
    const restricted = (text: string) => compound(text.replace(/[A-Za-z']+/g, (w) => (isSentimentWord(w.toLowerCase()) && !known(w.toLowerCase()) ? 'zz' : w)));
    const chosen: number[] = [];
    const rejected: number[] = [];
    for (const g of heldout) {
      for (const p of g.pairs) { chosen.push(restricted(g.prompt + g.texts[p.chosen])); rejected.push(restricted(g.prompt + g.texts[p.rejected])); }
    }
    out[`words_seen_${n}x`] = pairwiseAccuracy(chosen, rejected);
  }
  return out;
}
