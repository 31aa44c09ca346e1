// Fitting a reward model on comparison groups, in stages (an optional preference-model
// pretraining set first, as Anthropic does, then the person's own judgements), with held-out
// pairwise accuracy after every epoch. A generator: the worker and the CLI drive it a step at a
// time, so the worker can stop between steps and post progress.
import * as tf from '@tensorflow/tfjs';
import type { RewardReadout } from '../model/config';
import type { LanguageModel } from '../model/language-model';
import { cloneParams, disposeParams, namedParams, type GPTParams } from '../model/params';
import { makeRng, shuffleInPlace } from '../util/rng';
import type { FaultRecord } from '../store/fault-record';
import type { ComparisonGroup } from '../feedback/judgement-group';
import { groupAccuracy, groupLossAndAccuracy, RewardTrainer, scoreCompletions } from './reward-trainer';
import { heldoutSplit } from './heldout-split';
import { rewardNormalization, type RewardNormalization } from '../rlhf/reward-normalization';
import { checkRewardFitSettings, MIN_GROUPS_FOR_VALIDATION, stageEpochs, type RewardFitSettings } from './reward-fit-settings';

export { checkRewardFitSettings, DEFAULT_REWARD_FIT, type RewardFitSettings } from './reward-fit-settings';

export interface RewardFitStage {
  phase: 'pretrain' | 'train';
  groups: ComparisonGroup[];
}

export interface RewardFitProgress {
  phase: 'pretrain' | 'train';
  epoch: number;
  /** Steps done over all stages, and in all. */
  step: number;
  totalSteps: number;
  loss: number;
  batchAccuracy: number;
  /** Pairwise accuracy on the held-out groups, at the end of each epoch (when there are any). */
  heldoutAccuracy?: number;
  /** With early stopping: the loss on the validation share, when it was measured at this step. */
  validationLoss?: number;
  validationAccuracy?: number;
  /** With early stopping, on the last step: the step whose weights the fit kept (lowest validation loss or error, per earlyStopOn; the first such). */
  keptStep?: number;
  /** The step went bad and was undone: the weights are the last good ones (loss is then NaN). */
  fault?: FaultRecord;
}

/** Groups that teach something: at least one pair or one thumbs (a "same" teaches nothing). */
export const informative = (groups: ComparisonGroup[]) => groups.filter((g) => g.pairs.length + g.thumbs.length > 0);

/**
 * How a new reward model reads its head: EOS plus the mean over the completion. Measured against
 * EOS alone and the mean alone on the sentiment, length and keyword curves (README, "What the
 * reward model learns"): the best or within noise of it on each.
 */
export const DEFAULT_REWARD_READOUT: RewardReadout = 'eos+mean';

/**
 * A reward model that starts as a copy of a language model: same trunk, reward head at zero and
 * read as `readout` says (or, continuing a reward model, its head and its readout kept).
 */
export function rewardModelFrom(lm: LanguageModel, { keepHead = false, readout = DEFAULT_REWARD_READOUT }: { keepHead?: boolean; readout?: RewardReadout } = {}): LanguageModel {
  const params = cloneParams(lm.config, lm.params);
  if (keepHead) return { ...lm, params };
  tf.tidy(() => {
    params.rewardW.assign(tf.zerosLike(params.rewardW));
    params.rewardB.assign(tf.zerosLike(params.rewardB));
  });
  return { ...lm, config: { ...lm.config, rewardReadout: readout }, params };
}

/**
 * The 'train' stage's judgements, less a validation share when there are enough of them (and
 * settings ask for one): what early stopping measures on.
 */
export function validationSplit(groups: ComparisonGroup[], s: Pick<RewardFitSettings, 'validationShare' | 'seed'>): { train: ComparisonGroup[]; validation: ComparisonGroup[] } {
  if (s.validationShare <= 0 || groups.length < MIN_GROUPS_FOR_VALIDATION) return { train: groups, validation: [] };
  const split = heldoutSplit(groups, s.validationShare, s.seed);
  return { train: split.train, validation: split.heldout.filter((g) => g.pairs.length) };
}

/** The weights with the lowest validation loss (or error) so far: a copy, written over at each new best. */
class BestWeights {
  private copy: GPTParams | undefined;
  loss = Infinity;
  step = 0;

  keepIfBest(model: LanguageModel, loss: number, step: number): void {
    if (!(loss < this.loss)) return;
    this.loss = loss;
    this.step = step;
    if (!this.copy) { this.copy = cloneParams(model.config, model.params, false); return; }
    const from = namedParams(model.params);
    namedParams(this.copy).forEach(([, v], i) => v.assign(from[i][1]));
  }

  restoreInto(model: LanguageModel): void {
    if (!this.copy) return;
    const from = namedParams(this.copy);
    namedParams(model.params).forEach(([, v], i) => v.assign(from[i][1]));
  }

  dispose(): void {
    if (this.copy) disposeParams(this.copy);
  }
}

export async function* fitRewardModel(
  model: LanguageModel, stages: RewardFitStage[], heldout: ComparisonGroup[], s: RewardFitSettings,
): AsyncGenerator<RewardFitProgress> {
  checkRewardFitSettings(s);
  const plan = stages.map((st) => {
    const groups = informative(st.groups);
    const { train, validation } = st.phase === 'train' ? validationSplit(groups, s) : { train: groups, validation: [] };
    return { ...st, groups: train, validation };
  }).filter((st) => st.groups.length);
  if (!plan.length) throw new Error('There is nothing to train on: no judgement gives a comparison or a thumbs');
  const held = informative(heldout).filter((g) => g.pairs.length);
  const totalSteps = plan.reduce((n, st) => n + stageEpochs(st.groups.length, s) * Math.ceil(st.groups.length / s.batchSize), 0);
  const rng = makeRng(s.seed);
  const trainer = new RewardTrainer(model, { learningRate: s.learningRate, gradClip: 1, thumbsWeight: 0.5 });
  let step = 0;
  try {
    for (const stage of plan) {
      const order = stage.groups.slice();
      const epochs = stageEpochs(order.length, s);
      const perEpoch = Math.ceil(order.length / s.batchSize);
      // Measured four times an epoch: an epoch is too coarse a grain to stop at (the best fits
      // measured stop within the first two).
      const measureEvery = Math.max(1, Math.ceil(perEpoch / 4));
      const best = stage.validation.length ? new BestWeights() : undefined;
      try {
        for (let epoch = 1; epoch <= epochs; epoch++) {
          shuffleInPlace(order, rng);
          for (let i = 0; i < order.length; i += s.batchSize) {
            const { loss, accuracy, fault } = await trainer.step(order.slice(i, i + s.batchSize));
            step++;
            const stageStep = (epoch - 1) * perEpoch + i / s.batchSize + 1;
            const endOfEpoch = i + s.batchSize >= order.length;
            const lastOfStage = endOfEpoch && epoch === epochs;
            const progress: RewardFitProgress = { phase: stage.phase, epoch, step, totalSteps, loss, batchAccuracy: accuracy, ...(fault ? { fault } : {}) };
            if (best && (stageStep % measureEvery === 0 || lastOfStage)) {
              const v = await groupLossAndAccuracy(model, stage.validation);
              progress.validationLoss = v.loss;
              progress.validationAccuracy = v.accuracy;
              best.keepIfBest(model, s.earlyStopOn === 'loss' ? v.loss : 1 - v.accuracy, step);
            }
            if (best && lastOfStage) {
              best.restoreInto(model);
              progress.keptStep = best.step;
            }
            if (endOfEpoch && held.length) progress.heldoutAccuracy = await groupAccuracy(model, held);
            yield progress;
          }
        }
      } finally {
        best?.dispose();
      }
    }
  } finally {
    trainer.dispose();
  }
}

/**
 * Normalisation statistics from rewards of policy samples. The judged completions that the policy
 * sampled are such samples (the model in use is the RL reference), so no new sampling is needed.
 */
export async function normalizationFromSamples(model: LanguageModel, items: Array<{ promptIds: number[]; completion: number[] }>): Promise<RewardNormalization> {
  if (!items.length) throw new Error('No samples to normalise the rewards on');
  return rewardNormalization(await scoreCompletions(model, items));
}
