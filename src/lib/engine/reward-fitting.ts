// Fitting a reward model on comparison groups, in stages (an optional preference-model
// pretraining set first, as Anthropic does, then the person's own judgements), with held-out
// pairwise accuracy after every epoch. A generator: the worker and the CLI drive it a step at a
// time, so the worker can stop between steps and post progress.
import * as tf from '@tensorflow/tfjs';
import type { RewardReadout } from '../model/config';
import type { LanguageModel } from '../model/language-model';
import { cloneParams } from '../model/params';
import { makeRng, shuffleInPlace } from '../util/rng';
import type { FaultRecord } from '../store/fault-record';
import type { ComparisonGroup } from '../feedback/judgement-group';
import { groupAccuracy, RewardTrainer, scoreCompletions } from './reward-trainer';
import { rewardNormalization, type RewardNormalization } from '../rlhf/reward-normalization';
import { checkRewardFitSettings, stageEpochs, type RewardFitSettings } from './reward-fit-settings';

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

export async function* fitRewardModel(
  model: LanguageModel, stages: RewardFitStage[], heldout: ComparisonGroup[], s: RewardFitSettings,
): AsyncGenerator<RewardFitProgress> {
  checkRewardFitSettings(s);
  const plan = stages.map((st) => ({ ...st, groups: informative(st.groups) })).filter((st) => st.groups.length);
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
      for (let epoch = 1; epoch <= epochs; epoch++) {
        shuffleInPlace(order, rng);
        for (let i = 0; i < order.length; i += s.batchSize) {
          const { loss, accuracy, fault } = await trainer.step(order.slice(i, i + s.batchSize));
          step++;
          const endOfEpoch = i + s.batchSize >= order.length;
          const progress: RewardFitProgress = { phase: stage.phase, epoch, step, totalSteps, loss, batchAccuracy: accuracy, ...(fault ? { fault } : {}) };
          if (endOfEpoch && held.length) progress.heldoutAccuracy = await groupAccuracy(model, held);
          yield progress;
        }
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
