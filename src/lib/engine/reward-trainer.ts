// Training the reward model on comparison groups. A group is one judgement: a prompt, its K
// completions, the pairs the person's answer implies and any thumbs. All K completions of a group
// go through the model once, in the same batch, and every pair is formed from those K rewards
// (InstructGPT), each group's pairs weighted 1/#pairs so a ranking counts once, not K(K−1)/2 times.
import * as tf from '@tensorflow/tfjs';
import type { ComparisonGroup } from '../feedback/judgement-group';
import type { LanguageModel } from '../model/language-model';
import { namedParams } from '../model/params';
import { padBatch, rewardScores, rewardSequence, type RewardInput } from '../model/reward';
import { bradleyTerryLoss, bradleyTerryLossValue, pairwiseAccuracy, pointwiseLogisticLoss } from '../rlhf/bradley-terry';
import type { FaultRecord } from '../store/fault-record';
import { FaultGuard } from './fault-guard';
import { asNamedTensors, clipByGlobalNorm, makeAdam } from './optimizer';

export interface RewardTrainSettings {
  learningRate: number;
  gradClip: number;
  /** Weight of the thumbs term next to the pairwise term. */
  thumbsWeight: number;
}

export const DEFAULT_REWARD_TRAIN: RewardTrainSettings = { learningRate: 3e-4, gradClip: 1, thumbsWeight: 0.5 };

interface FlatBatch {
  sequences: RewardInput[];
  chosen: number[]; rejected: number[]; margin: number[]; weight: number[];
  thumbIndex: number[]; thumbLabel: number[];
}

function flatten(groups: ComparisonGroup[], blockSize: number): FlatBatch {
  const b: FlatBatch = { sequences: [], chosen: [], rejected: [], margin: [], weight: [], thumbIndex: [], thumbLabel: [] };
  for (const g of groups) {
    const base = b.sequences.length;
    for (const c of g.completions) b.sequences.push(rewardSequence(g.promptIds, c, blockSize));
    for (const p of g.pairs) {
      b.chosen.push(base + p.chosen);
      b.rejected.push(base + p.rejected);
      b.margin.push(p.margin);
      b.weight.push(1 / g.pairs.length);
    }
    for (const t of g.thumbs) {
      b.thumbIndex.push(base + t.index);
      b.thumbLabel.push(t.up ? 1 : -1);
    }
  }
  return b;
}

/** Rows of a one-hot selection matrix (rows, n): picks entries of a length-n vector by matMul. */
const selector = (indices: number[], n: number) => tf.oneHot(tf.tensor1d(indices, 'int32'), n).toFloat();

export class RewardTrainer {
  private readonly optimizer: tf.AdamOptimizer;
  private readonly vars: tf.Variable[];
  readonly guard: FaultGuard;

  constructor(readonly model: LanguageModel, readonly settings: RewardTrainSettings = DEFAULT_REWARD_TRAIN) {
    this.optimizer = makeAdam(settings.learningRate, 0.9, 0.999);
    // The trunk and the reward head learn; PPO's value head is not this model's concern.
    this.vars = namedParams(model.params).filter(([name]) => !name.startsWith('value')).map(([, v]) => v);
    this.guard = new FaultGuard(this.vars, this.optimizer);
  }

  /**
   * One update on a batch of groups; returns the loss and the batch's pairwise accuracy, and the
   * fault when the step went bad and was undone.
   */
  async step(groups: ComparisonGroup[]): Promise<{ loss: number; accuracy: number; fault?: FaultRecord }> {
    const b = flatten(groups, this.model.config.blockSize);
    if (b.chosen.length === 0 && b.thumbIndex.length === 0) throw new Error('The batch has no pairs and no thumbs to learn from');
    const { ids, ...spans } = padBatch(b.sequences);
    const n = b.sequences.length;
    let rewards: tf.Tensor1D | undefined;
    const { value, grads } = tf.variableGrads(() => {
      const r = rewardScores(this.model.config, this.model.params, tf.tensor2d(ids, undefined, 'int32'), spans);
      rewards = tf.keep(r);
      const column = r.reshape([n, 1]);
      let loss = tf.scalar(0);
      if (b.chosen.length) {
        const rc = tf.matMul(selector(b.chosen, n), column).reshape([-1]) as tf.Tensor1D;
        const rr = tf.matMul(selector(b.rejected, n), column).reshape([-1]) as tf.Tensor1D;
        loss = loss.add(bradleyTerryLoss(rc, rr, tf.tensor1d(b.margin), tf.tensor1d(b.weight)));
      }
      if (b.thumbIndex.length) {
        const rt = tf.matMul(selector(b.thumbIndex, n), column).reshape([-1]) as tf.Tensor1D;
        loss = loss.add(pointwiseLogisticLoss(rt, tf.tensor1d(b.thumbLabel)).mul(this.settings.thumbsWeight));
      }
      return loss as tf.Scalar;
    }, this.vars);
    const clipped = clipByGlobalNorm(grads, this.settings.gradClip);
    this.optimizer.applyGradients(asNamedTensors(clipped.grads));
    tf.dispose([grads, clipped.grads, clipped.norm] as unknown as tf.Tensor[]);
    try {
      const fault = await this.guard.afterStep(value);
      const [loss, r] = await Promise.all([value.data(), rewards!.data()]);
      const accuracy = pairwiseAccuracy(b.chosen.map((i) => r[i]), b.rejected.map((i) => r[i]));
      return { loss: loss[0], accuracy, ...(fault ? { fault } : {}) };
    } finally {
      tf.dispose([value, rewards!]);
    }
  }

  dispose(): void {
    this.guard.dispose();
    this.optimizer.dispose();
  }
}

/** Rewards of (prompt, completion) pairs, in batches, no gradient. */
export async function scoreCompletions(model: LanguageModel, items: Array<{ promptIds: number[]; completion: number[] }>, batchSize = 32): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < items.length; i += batchSize) {
    const seqs = items.slice(i, i + batchSize).map((it) => rewardSequence(it.promptIds, it.completion, model.config.blockSize));
    const { ids, ...spans } = padBatch(seqs);
    const r = tf.tidy(() => rewardScores(model.config, model.params, tf.tensor2d(ids, undefined, 'int32'), spans));
    out.push(...(await r.data()));
    r.dispose();
  }
  return out;
}

/** The rewards of each judged pair's two sides, and each pair's weight (1/#pairs of its group, as in training). */
async function pairRewards(model: LanguageModel, groups: ComparisonGroup[]): Promise<{ chosen: number[]; rejected: number[]; margin: number[]; weight: number[] }> {
  const items = groups.flatMap((g) => g.completions.map((c) => ({ promptIds: g.promptIds, completion: c })));
  const rewards = await scoreCompletions(model, items);
  const out = { chosen: [] as number[], rejected: [] as number[], margin: [] as number[], weight: [] as number[] };
  let base = 0;
  for (const g of groups) {
    for (const p of g.pairs) { out.chosen.push(rewards[base + p.chosen]); out.rejected.push(rewards[base + p.rejected]); out.margin.push(p.margin); out.weight.push(1 / g.pairs.length); }
    base += g.completions.length;
  }
  return out;
}

/** Pairwise accuracy of the model on groups (each pair's order judged by rewards). */
export async function groupAccuracy(model: LanguageModel, groups: ComparisonGroup[]): Promise<number> {
  const { chosen, rejected } = await pairRewards(model, groups);
  return pairwiseAccuracy(chosen, rejected);
}

/** The Bradley–Terry loss on groups as training weighs it (each group once, margins included), and the pairwise accuracy. */
export async function groupLossAndAccuracy(model: LanguageModel, groups: ComparisonGroup[]): Promise<{ loss: number; accuracy: number }> {
  const { chosen, rejected, margin, weight } = await pairRewards(model, groups);
  const total = weight.reduce((a, b) => a + b, 0);
  const loss = chosen.reduce((sum, c, i) => sum + weight[i] * bradleyTerryLossValue(c, rejected[i], margin[i]), 0) / total;
  return { loss, accuracy: pairwiseAccuracy(chosen, rejected) };
}
