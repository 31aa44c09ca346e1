// The RL presets (engine/rl-presets.ts, shared with the headless experiment) and the notes the
// run form shows beside them.
export { RL_PRESETS, type RLPreset, type RunForm } from '../../lib/engine/rl-presets';

/** Shown whenever β is 0, however it got there. */
export const NO_LEASH_NOTE =
  'With β = 0 nothing holds the policy near the reference, so watch objective/kl climb and the text degenerate: reward hacking.';

/**
 * Shown with an honest sentiment labeler: measured (README, Phase 2 and 3), the starter's reward
 * model does not learn VADER's sentiment from its samples, so the run barely moves; say so up front.
 */
export const SENTIMENT_NOTE =
  'Measured with the bundled starter: its reward model hardly learns this labeler\'s sentiment (held-out accuracy about 0.6), so expect little change. “Make it short” or a keyword labeler shows the loop moving the policy.';
