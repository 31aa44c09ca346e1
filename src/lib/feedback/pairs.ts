// Turning what a person said into comparison pairs for the reward model.

export interface PairIndex {
  /** Index of the preferred completion. */
  chosen: number;
  rejected: number;
  /** How much more it was preferred (0: just preferred). */
  margin: number;
}

/**
 * A ranking of K completions (ranks[i] = place of completion i, 1 = best; equal ranks are ties)
 * gives every pair with different ranks: K·(K−1)/2 when nothing is tied (InstructGPT).
 * Ties say neither is better and are left out of the pairwise loss.
 */
export function rankingToPairs(ranks: number[]): PairIndex[] {
  ranks.forEach((r, i) => {
    if (!Number.isInteger(r) || r < 1) throw new Error(`Expected rank ${i} to be a positive integer, but got ${r}`);
  });
  const pairs: PairIndex[] = [];
  for (let i = 0; i < ranks.length; i++) {
    for (let j = i + 1; j < ranks.length; j++) {
      if (ranks[i] === ranks[j]) continue;
      pairs.push(ranks[i] < ranks[j] ? { chosen: i, rejected: j, margin: 0 } : { chosen: j, rejected: i, margin: 0 });
    }
  }
  return pairs;
}

/** The A/B slider's stops, from "same" to "much better". */
export const AB_STRENGTHS = ['same', 'slightly better', 'better', 'much better'] as const;
export type ABStrength = (typeof AB_STRENGTHS)[number];

/** Margin added to the Bradley–Terry difference for each strength (in reward units). */
export function strengthToMargin(strength: ABStrength, maxMargin = 1): number {
  const step = AB_STRENGTHS.indexOf(strength);
  if (step < 0) throw new Error(`Unknown strength "${strength}"`);
  return step === 0 ? 0 : (maxMargin * (step - 1)) / (AB_STRENGTHS.length - 2);
}

/** An A/B judgement: `better` is 0 or 1, or null with strength "same" (a tie: no pair). */
export function abToPairs(better: 0 | 1 | null, strength: ABStrength, maxMargin = 1): PairIndex[] {
  if (better === null || strength === 'same') return [];
  return [{ chosen: better, rejected: 1 - better, margin: strengthToMargin(strength, maxMargin) }];
}
