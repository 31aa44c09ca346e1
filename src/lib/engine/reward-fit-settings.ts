// The reward-model fit's knobs and their defaults: no tfjs here, so the app's forms can read them.

export interface RewardFitSettings {
  epochs: number;
  /**
   * At least this many steps in each stage: a stage with few judgements gets more passes, since a
   * healthy reward model fits a small set (2 passes over 32 comparisons are 8 steps, far too few).
   */
  minSteps: number;
  /** Groups (judgements) per step. */
  batchSize: number;
  learningRate: number;
  /**
   * Early stopping: the share of the person's judgements (the 'train' stage) set aside to choose
   * when to stop. The fit keeps the weights with the lowest loss on them, measured four times an
   * epoch. Only with at least MIN_GROUPS_FOR_VALIDATION judgements: a small set should be fitted whole.
   */
  validationShare: number;
  /** What early stopping keeps the lowest of: the validation loss, or the validation error (1 − accuracy). */
  earlyStopOn: EarlyStopMetric;
  seed: number;
}

export const EARLY_STOP_METRICS = ['loss', 'accuracy'] as const;
export type EarlyStopMetric = (typeof EARLY_STOP_METRICS)[number];

/** Fewer judgements than this are all trained on (no early stopping). */
export const MIN_GROUPS_FOR_VALIDATION = 100;

export const DEFAULT_REWARD_FIT: RewardFitSettings = { epochs: 2, minSteps: 96, batchSize: 8, learningRate: 3e-4, validationShare: 0.1, earlyStopOn: 'loss', seed: 1 };

/** The passes a stage of n groups makes: the epochs asked for, or more to reach minSteps. */
export function stageEpochs(groups: number, s: Pick<RewardFitSettings, 'epochs' | 'minSteps' | 'batchSize'>): number {
  const perEpoch = Math.ceil(groups / s.batchSize);
  return Math.max(s.epochs, Math.ceil(s.minSteps / perEpoch));
}

export function checkRewardFitSettings(s: RewardFitSettings): void {
  const inRange = (v: number, lo: number, hi: number, what: string, int = true) => {
    if (!Number.isFinite(v) || v < lo || v > hi || (int && !Number.isInteger(v))) throw new Error(`Expected ${what} in ${lo}..${hi}, but got ${v}`);
  };
  inRange(s.epochs, 1, 100, 'epochs');
  inRange(s.minSteps, 0, 10_000, 'minimum steps');
  inRange(s.batchSize, 1, 256, 'batch size');
  inRange(s.learningRate, 1e-7, 0.1, 'learning rate', false);
  inRange(s.validationShare, 0, 0.5, 'validation share', false);
  if (!(EARLY_STOP_METRICS as readonly string[]).includes(s.earlyStopOn)) throw new Error(`Expected early stopping on ${EARLY_STOP_METRICS.join(' or ')}, but got ${s.earlyStopOn}`);
  if (!Number.isFinite(s.seed)) throw new Error(`Expected a finite seed, but got ${s.seed}`);
}
