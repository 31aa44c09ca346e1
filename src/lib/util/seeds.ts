// Seeds derived from a run's seed: one named function per random stream, so a reader sees what
// each stream is for and two streams do not share a seed by accident. The formulas are the ones
// the code used before they were named (stored runs and the README's numbers depend on them).
export const seeds = {
  /** Which training prompts round r asks feedback on. */
  roundPrompts: (seed: number, round: number) => seed * 1000 + round,
  /** The K completions of round r's feedback prompt i. */
  feedbackSamples: (seed: number, round: number, i: number) => seed * 100_003 + round * 101 + i,
  /** Held-out prompt i's completion, the same for the reference and the policy. */
  evalSamples: (seed: number, i: number) => seed * 31 + 100_003 + i,
  /** The reference's completions of training prompt i that the rewards are normalised on. */
  normalizationSamples: (seed: number, i: number) => seed * 53 + 200_003 + i,
  /** Policy step i of round r: its prompts, rollouts and minibatch order. */
  policyStep: (seed: number, round: number, i: number) => seed * 7 + round * 1000 + i,
  /** The order of round r's reward-model fit. */
  rewardFit: (seed: number, round: number) => seed + round,
  /** A simulated labeler's noise over round r's batches. */
  roundLabeler: (round: number, batches: number) => round * 7919 + batches,
  /** Labeling's K completions sampled from source s (a checkpoint or a temperature of a tournament). */
  labelSource: (seed: number, s: number) => seed * 7919 + s,
  /** A simulated labeler's batch b in the Reward model tab: each batch samples with the next seed. */
  labelingBatch: (seed: number, b: number) => seed + b,
  /** The reward experiment's comparisons: the completions of prompt i. */
  comparisonSamples: (seed: number, i: number) => seed * 1_000_003 + i,
  /** The reward experiment's held-out comparisons, apart from the training ones. */
  heldoutComparisons: (seed: number) => seed + 7919,
  /** The headless experiment's last measure: held-out prompt i's completions. */
  finalMeasure: (seed: number, i: number) => seed * 17 + 500_009 + i,
} as const;
