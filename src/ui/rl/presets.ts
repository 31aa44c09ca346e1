// The RL presets (engine/rl-presets.ts, shared with the headless experiment) and the notes the
// run form shows beside them.
export { RL_PRESETS, type RLPreset, type RunForm } from '../../lib/engine/rl-presets';

/** Shown whenever β is 0, however it got there. */
export const NO_LEASH_NOTE =
  'With β = 0 nothing holds the policy near the reference, so watch objective/kl climb and the text degenerate: reward hacking.';

/**
 * Shown with an honest sentiment labeler: what was measured headless (README, "Make it positive"),
 * so a person knows the reward model needs the review set first and what to expect.
 */
export const SENTIMENT_NOTE =
  'Measured with the classic-books starter (the story starter is not measured yet): sentiment is hard to learn from its samples (held-out reward-model accuracy about 0.6). Train a reward model on the bundled review set first (Reward model tab: Import the bundled review set, then Train); from it, the “Make it positive” settings lifted the labeler\'s score by about one standard deviation of the starter\'s in 12 rounds, KL under 10 nats. Without it the policy learnt to stop early instead.';
