// How much feedback the reward model needed, measured on the classic-books starter's samples (the
// story starter's curve is not measured yet), before its
// held-out accuracy beat chance (above 0.57, the 95% bound of a coin on 200 pairs): the smallest
// size of `npm run experiment -- reward --curve ...` that did, per kind of preference (README,
// "How much feedback before the reward model beats chance"). Shown under the feedback counter.

export interface FeedbackNeeded {
  preference: string;
  /** Comparisons (pairs) at the smallest measured size that beat chance. */
  comparisons: number;
  /** Held-out accuracy there. */
  accuracy: number;
}

export const FEEDBACK_NEEDED: readonly FeedbackNeeded[] = [
  { preference: 'shorter completions', comparisons: 10, accuracy: 0.70 },
  { preference: 'a keyword ("the")', comparisons: 30, accuracy: 0.665 },
  { preference: 'positive sentiment', comparisons: 100, accuracy: 0.61 },
];

/** One sentence for the labeling screen. */
export function feedbackNeededNote(needed: readonly FeedbackNeeded[] = FEEDBACK_NEEDED): string {
  const parts = needed.map((n) => `${n.comparisons} for ${n.preference} (${n.accuracy.toFixed(2)})`);
  return `How many are enough: measured on the classic-books starter's samples, the reward model beat chance on held-out pairs after about ${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}; sentiment stays near 0.6 even with 1,000.`;
}
