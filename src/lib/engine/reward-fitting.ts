// Fitting a reward model on comparison groups, in stages (an optional preference-model
// pretraining set first, as Anthropic does, then the person's own judgements), with held-out
// pairwise accuracy after every epoch. A generator: the worker and the CLI drive it a step at a
// time, so the worker can stop between steps and post progress.
import * as tf from '@tensorflow/tfjs';
import type { LanguageModel } from '../model/language-model';
import { cloneParams } from '../model/params';
import { makeRng, shuffleInPlace } from '../util/rng';
import type { FaultRecord } from './fault-guard';
import { groupAccuracy, RewardTrainer, scoreCompletions, type ComparisonGroup } from './reward-trainer';
import { rewardNormalization, type RewardNormalization } from '../rlhf/reward-normalization';

export interface RewardFitSettings {
  epochs: number;
  /** Groups (judgements) per step. */
  batchSize: number;
  learningRate: number;
  seed: number;
}

export const DEFAULT_REWARD_FIT: RewardFitSettings = { epochs: 2, batchSize: 8, learningRate: 3e-4, seed: 1 };

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

export function checkRewardFitSettings(s: RewardFitSettings): void {
  const inRange = (v: number, lo: number, hi: number, what: string, int = true) => {
    if (!Number.isFinite(v) || v < lo || v > hi || (int && !Number.isInteger(v))) throw new Error(`Expected ${what} in ${lo}..${hi}, but got ${v}`);
  };
  inRange(s.epochs, 1, 100, 'epochs');
  inRange(s.batchSize, 1, 256, 'batch size');
  inRange(s.learningRate, 1e-7, 0.1, 'learning rate', false);
  if (!Number.isFinite(s.seed)) throw new Error(`Expected a finite seed, but got ${s.seed}`);
}

/** Groups that teach something: at least one pair or one thumbs (a "same" teaches nothing). */
export const informative = (groups: ComparisonGroup[]) => groups.filter((g) => g.pairs.length + g.thumbs.length > 0);

/**
 * A reward model that starts as a copy of a language model: same trunk, reward head at zero
 * (or, continuing a reward model, its head kept).
 */
export function rewardModelFrom(lm: LanguageModel, { keepHead = false } = {}): LanguageModel {
  const params = cloneParams(lm.config, lm.params);
  if (!keepHead) tf.tidy(() => {
    params.rewardW.assign(tf.zerosLike(params.rewardW));
    params.rewardB.assign(tf.zerosLike(params.rewardB));
  });
  return { ...lm, params };
}

export async function* fitRewardModel(
  model: LanguageModel, stages: RewardFitStage[], heldout: ComparisonGroup[], s: RewardFitSettings,
): AsyncGenerator<RewardFitProgress> {
  checkRewardFitSettings(s);
  const plan = stages.map((st) => ({ ...st, groups: informative(st.groups) })).filter((st) => st.groups.length);
  if (!plan.length) throw new Error('There is nothing to train on: no judgement gives a comparison or a thumbs');
  const held = informative(heldout).filter((g) => g.pairs.length);
  const totalSteps = plan.reduce((n, st) => n + s.epochs * Math.ceil(st.groups.length / s.batchSize), 0);
  const rng = makeRng(s.seed);
  const trainer = new RewardTrainer(model, { learningRate: s.learningRate, gradClip: 1, thumbsWeight: 0.5 });
  let step = 0;
  try {
    for (const stage of plan) {
      const order = stage.groups.slice();
      for (let epoch = 1; epoch <= s.epochs; epoch++) {
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
