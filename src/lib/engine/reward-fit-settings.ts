// The reward-model fit's knobs and their defaults: no tfjs here, so the app's forms can read them.
import { checkSettings, defaultsOf, type NumberKnob, type SettingsTable } from '../util/settings-table';

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

export const REWARD_FIT_SETTINGS: SettingsTable<RewardFitSettings> = [
  { key: 'epochs', kind: 'int', default: 2, min: 1, max: 100, label: 'Epochs', help: 'Passes over the training judgements' },
  { key: 'minSteps', kind: 'int', default: 96, min: 0, max: 10_000, name: 'minimum steps', label: 'Minimum steps', help: 'Each stage takes at least this many steps, so a small set gets more passes (a reward model should fit what it is shown)' },
  { key: 'batchSize', kind: 'int', default: 8, min: 1, max: 256, name: 'batch size', label: 'Batch size', help: 'Judgements per step' },
  { key: 'learningRate', kind: 'number', default: 3e-4, min: 1e-7, max: 0.1, form: { min: 1e-6 }, step: 1e-5, name: 'learning rate', label: 'Learning rate', help: 'Adam learning rate' },
  // Off by default: measured on sentiment at 300 and 1,000 comparisons it stopped too early and
  // never beat fitting everything (README, "Early stopping, measured").
  { key: 'validationShare', kind: 'number', default: 0, min: 0, max: 0.5, step: 0.05, name: 'validation share', label: 'Early-stopping share',
    help: `Share of the judgements set aside to choose when to stop (the weights with the lowest loss on them are kept); 0: no early stopping; under ${MIN_GROUPS_FOR_VALIDATION} judgements all are trained on` },
  { key: 'earlyStopOn', kind: 'choice', default: 'loss', name: 'early stopping on', label: 'Stop early on', options: [{ value: 'loss', label: 'validation loss' }, { value: 'accuracy', label: 'validation accuracy' }],
    help: 'What early stopping keeps the best of: the loss on the set-aside judgements, or their pairwise accuracy' },
  { key: 'seed', kind: 'number', default: 1, min: -Infinity, max: Infinity, form: { min: 0, max: 2147483647 }, step: 1, label: 'Training seed', help: 'Seeds the reward head, the split and the batches' },
];

export const DEFAULT_REWARD_FIT: RewardFitSettings = defaultsOf(REWARD_FIT_SETTINGS);

/** The Reward model tab's held-out share: judgements kept out of every stage, to measure accuracy on. */
export const HELDOUT_FRACTION: NumberKnob<'heldoutFraction'> = {
  key: 'heldoutFraction', kind: 'number', default: 0.2, min: 0, max: 0.5, step: 0.05, name: 'held-out fraction', label: 'Held-out fraction', help: 'Share of judgements kept aside to measure accuracy',
};

/** The passes a stage of n groups makes: the epochs asked for, or more to reach minSteps. */
export function stageEpochs(groups: number, s: Pick<RewardFitSettings, 'epochs' | 'minSteps' | 'batchSize'>): number {
  const perEpoch = Math.ceil(groups / s.batchSize);
  return Math.max(s.epochs, Math.ceil(s.minSteps / perEpoch));
}

export function checkRewardFitSettings(s: RewardFitSettings): RewardFitSettings {
  return checkSettings(REWARD_FIT_SETTINGS, s);
}
