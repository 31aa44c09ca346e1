// Group Relative Policy Optimization (Shao et al. 2024, DeepSeekMath), as TRL's GRPOTrainer does it
// (trl/trainer/grpo_trainer.py, with its scale_rewards 'group' | 'batch' | 'none' and loss types
// 'grpo' | 'dapo' | 'dr_grpo'). No value head: G completions per prompt, each judged against its group.
//   advantage  A_i = (r_i − mean of i's group) / (std + 1e-4); the std is torch's Tensor.std(),
//              the SAMPLE std (Bessel, n − 1): within the group ('group'), over the whole batch
//              ('batch', LitePPO: group mean, batch std), or no division at all ('none').
//   per token  −min(ρ·A, clip(ρ, 1 − ε_low, 1 + ε_high)·A) + β·k3,  ρ = exp(logp − logp_old),
//              k3 = exp(ref − logp) − (ref − logp) − 1 (rlhf/kl.ts's klK3), added only when β > 0.
// The per-token losses are then summed over real tokens (mask 1) and divided as TRL divides them:
//   'grpo'     each sequence by its own token count (at least 1), then the mean over sequences;
//   'dapo'     by the completion tokens of the whole batch (TRL's num_items_in_batch: every process
//              and every gradient-accumulation micro-batch of one generation batch; pass
//              `tokensInBatch` when this call sees only part of it);
//   'dr_grpo'  by (sequences × max_completion_length), a constant: TRL's configured cap, not the
//              padded width (which is the default here).
// TRL also divides 'grpo' and 'dr_grpo' by the gradient-accumulation steps; that is the trainer's job.
// Not covered: TRL's sequence-level importance sampling (GSPO), delta two-sided clipping, entropy masks.
// Number versions are the reference the tests work by hand; the tensor version is for training and
// is not tidied (call it inside tf.tidy or tf.variableGrads).
import * as tf from '@tensorflow/tfjs';
import { klK3 } from './kl';
import { assertMask, assertSameShape } from './masks';

export type ScaleRewards = 'group' | 'batch' | 'none';
export type GrpoLossType = 'grpo' | 'dapo' | 'dr_grpo';

/** TRL's torch.isclose(std, 0): |std| ≤ 1e-8 counts as zero. */
const ZERO_STD = 1e-8;

export interface GroupAdvantages {
  /** One per completion, in the order of the rewards. */
  advantages: number[];
  /**
   * TRL's frac_reward_zero_std: the share of std values that are 0, over the std TRL computed. For
   * 'group' and 'none' that is the share of groups whose rewards are all equal; for 'batch' TRL only
   * has the batch std, so it is 1 when the whole batch is equal and 0 otherwise.
   */
  fracRewardZeroStd: number;
  /** TRL's reward_std: the mean of the per-group stds ('group', 'none'), the batch std ('batch'). */
  rewardStd: number;
}

function sampleStd(xs: number[]): number {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
}

/** Advantages for rewards laid out in consecutive blocks of G (the G completions of one prompt). */
export function grpoAdvantages(rewards: number[], groupSize: number, scaleRewards: ScaleRewards = 'group'): GroupAdvantages {
  const G = groupSize;
  if (!Number.isInteger(G) || G < 2) throw new Error(`Expected groupSize to be an integer >= 2 (a sample std needs two), but got ${G}`);
  if (rewards.length === 0 || rewards.length % G !== 0) {
    throw new Error(`Expected the number of rewards (${rewards.length}) to be a positive multiple of groupSize = ${G}`);
  }
  rewards.forEach((r, i) => {
    if (!Number.isFinite(r)) throw new Error(`Expected finite rewards, but got ${r} at ${i}`);
  });
  if (scaleRewards !== 'group' && scaleRewards !== 'batch' && scaleRewards !== 'none') {
    throw new Error(`Expected scaleRewards 'group', 'batch' or 'none', but got ${String(scaleRewards)}`);
  }
  const groups = Array.from({ length: rewards.length / G }, (_, g) => rewards.slice(g * G, (g + 1) * G));
  const means = groups.map((xs) => xs.reduce((a, b) => a + b, 0) / G);
  const groupStds = groups.map(sampleStd);
  const stds = scaleRewards === 'batch' ? [sampleStd(rewards)] : groupStds;
  const advantages = rewards.map((r, i) => {
    const g = Math.floor(i / G);
    const centred = r - means[g];
    if (scaleRewards === 'none') return centred;
    return centred / ((scaleRewards === 'batch' ? stds[0] : stds[g]) + 1e-4);
  });
  return {
    advantages,
    fracRewardZeroStd: stds.filter((s) => s <= ZERO_STD).length / stds.length,
    rewardStd: stds.reduce((a, b) => a + b, 0) / stds.length,
  };
}

export interface GrpoLossOptions {
  lossType: GrpoLossType;
  /** ε_low: ρ is clipped below at 1 − ε_low; in [0, 1). */
  epsilonLow: number;
  /** ε_high: ρ is clipped above at 1 + ε_high; ≥ 0, defaults to ε_low (DAPO uses 0.28). */
  epsilonHigh?: number;
  /** KL coefficient β ≥ 0; defaults to 0 (TRL's default), and β > 0 needs logpRef. */
  beta?: number;
  /** 'dr_grpo' only: TRL's max_completion_length (the configured cap); defaults to the mask's width. */
  maxCompletionLength?: number;
  /** 'dapo' only: completion tokens in the whole accumulated batch; defaults to this batch's. */
  tokensInBatch?: number;
}

export interface GrpoLossInput<M, V> {
  /** log π(token) under the policy being trained, (B, T). */
  logp: M;
  /** log π_old(token) under the policy that sampled it, (B, T); equal to logp gives ρ = 1. */
  logpOld: M;
  /** log π_ref(token) under the frozen reference, (B, T); needed when β > 0 and for the kl metric. */
  logpRef?: M;
  /** One advantage per sequence, (B). */
  advantages: V;
  /** 1 at real completion tokens, 0 at padding, (B, T). */
  mask: M;
}

export interface GrpoLossStats<T> {
  loss: T;
  /** TRL's clip_ratio/low_mean: share of real tokens with ρ < 1 − ε_low and A < 0. */
  clipRatioLow: T;
  /** TRL's clip_ratio/high_mean: share of real tokens with ρ > 1 + ε_high and A > 0. */
  clipRatioHigh: T;
  /** TRL's clip_ratio/region_mean: share clipped on either side (the tokens that pass no gradient). */
  clipRatioRegion: T;
  /** TRL's kl: mean k3 over real tokens; present whenever logpRef is given. */
  kl?: T;
}

interface Resolved { lossType: GrpoLossType; lo: number; hi: number; beta: number; maxLen: number; tokens?: number }

function resolve(o: GrpoLossOptions, width: number, hasRef: boolean): Resolved {
  const { lossType, epsilonLow: lo, epsilonHigh: hi = o.epsilonLow, beta = 0, maxCompletionLength: maxLen = width } = o;
  if (lossType !== 'grpo' && lossType !== 'dapo' && lossType !== 'dr_grpo') {
    throw new Error(`Expected lossType 'grpo', 'dapo' or 'dr_grpo', but got ${String(lossType)}`);
  }
  if (!(lo >= 0 && lo < 1)) throw new Error(`Expected epsilonLow to be in [0, 1), but got ${lo}`);
  if (!(hi >= 0 && Number.isFinite(hi))) throw new Error(`Expected epsilonHigh to be a finite number >= 0, but got ${hi}`);
  if (!(beta >= 0 && Number.isFinite(beta))) throw new Error(`Expected beta to be a finite number >= 0, but got ${beta}`);
  if (beta > 0 && !hasRef) throw new Error(`Expected logpRef with beta = ${beta} > 0 (the KL term needs the reference)`);
  // Not checked against the width: a trainer's mask can span the prompt too (rollout.ts's rows do),
  // and then the width is not the completion's; the configured cap is what TRL divides by.
  if (!(Number.isInteger(maxLen) && maxLen >= 1)) throw new Error(`Expected maxCompletionLength to be a positive integer, but got ${maxLen}`);
  const tokens = o.tokensInBatch;
  if (tokens !== undefined && !(tokens > 0 && Number.isFinite(tokens))) throw new Error(`Expected tokensInBatch > 0, but got ${tokens}`);
  return { lossType, lo, hi, beta, maxLen, tokens };
}

export function grpoLoss(input: GrpoLossInput<number[][], number[]>, options: GrpoLossOptions): GrpoLossStats<number> {
  const { logp, logpOld, logpRef, advantages, mask } = input;
  assertSameShape('logp', logp, 'logpOld', logpOld);
  assertSameShape('logp', logp, 'mask', mask);
  if (logpRef) assertSameShape('logp', logp, 'logpRef', logpRef);
  assertMask('mask', mask);
  if (advantages.length !== logp.length) throw new Error(`Expected one advantage per row (${logp.length}), but got ${advantages.length}`);
  advantages.forEach((a, i) => {
    if (!Number.isFinite(a)) throw new Error(`Expected finite advantages, but got ${a} for row ${i}`);
  });
  const o = resolve(options, Math.max(0, ...logp.map((row) => row.length)), logpRef !== undefined);
  let total = 0, count = 0, low = 0, high = 0, kl = 0, rowMeans = 0;
  logp.forEach((row, i) => {
    const a = advantages[i];
    let rowSum = 0, rowCount = 0;
    row.forEach((lp, t) => {
      if (!mask[i][t]) return;
      const ratio = Math.exp(lp - logpOld[i][t]);
      const clipped = Math.min(1 + o.hi, Math.max(1 - o.lo, ratio));
      const k3 = logpRef ? klK3(lp, logpRef[i][t]) : 0;
      rowSum += Math.max(-ratio * a, -clipped * a) + (o.beta > 0 ? o.beta * k3 : 0);
      rowCount += 1;
      kl += k3;
      if (ratio < 1 - o.lo && a < 0) low += 1;
      if (ratio > 1 + o.hi && a > 0) high += 1;
    });
    total += rowSum;
    count += rowCount;
    rowMeans += rowSum / Math.max(rowCount, 1);
  });
  const n = Math.max(count, 1);
  const loss = o.lossType === 'grpo' ? rowMeans / Math.max(logp.length, 1)
    : o.lossType === 'dapo' ? total / (o.tokens ?? n)
      : total / (logp.length * o.maxLen);
  const stats: GrpoLossStats<number> = { loss, clipRatioLow: low / n, clipRatioHigh: high / n, clipRatioRegion: (low + high) / n };
  if (logpRef) stats.kl = kl / n;
  return stats;
}

function assertSameTensorShape(aName: string, a: tf.Tensor, bName: string, b: tf.Tensor): void {
  if (a.shape.length !== b.shape.length || a.shape.some((d, i) => d !== b.shape[i])) {
    throw new Error(`Expected ${aName} and ${bName} to have the same shape, but got [${a.shape}] and [${b.shape}]`);
  }
}

/**
 * The same loss as tensors. The unclipped term is tf.maximum's first argument, so inside the clip
 * range (both terms equal) the gradient flows through ρ; where the clipped term wins (the tokens
 * counted in clipRatioRegion) clipByValue passes no gradient to logp from the surrogate.
 */
export function grpoLossTensor(input: GrpoLossInput<tf.Tensor2D, tf.Tensor1D>, options: GrpoLossOptions): GrpoLossStats<tf.Scalar> {
  const { logp, logpOld, logpRef, advantages, mask } = input;
  assertSameTensorShape('logp', logp, 'logpOld', logpOld);
  assertSameTensorShape('logp', logp, 'mask', mask);
  if (logpRef) assertSameTensorShape('logp', logp, 'logpRef', logpRef);
  const [B, T] = logp.shape;
  if (advantages.shape.length !== 1 || advantages.shape[0] !== B) {
    throw new Error(`Expected advantages of shape [${B}] (one per row), but got [${advantages.shape}]`);
  }
  const o = resolve(options, T, logpRef !== undefined);
  const adv = advantages.reshape([B, 1]);
  const ratio = logp.sub(logpOld).exp();
  const unclippedLoss = ratio.mul(adv).neg();
  const clippedLoss = ratio.clipByValue(1 - o.lo, 1 + o.hi).mul(adv).neg();
  let perToken: tf.Tensor = tf.maximum(unclippedLoss, clippedLoss);
  let k3: tf.Tensor | undefined;
  if (logpRef) {
    const d = logpRef.sub(logp);
    k3 = tf.expm1(d).sub(d);
  }
  if (k3 && o.beta > 0) perToken = perToken.add(k3.mul(o.beta));
  const masked = perToken.mul(mask);
  const n = mask.sum().maximum(1);
  const loss = o.lossType === 'grpo' ? masked.sum(1).div(mask.sum(1).maximum(1)).mean()
    : o.lossType === 'dapo' ? masked.sum().div(o.tokens ?? n)
      : masked.sum().div(B * o.maxLen);
  const share = (x: tf.Tensor) => x.toFloat().mul(mask).sum().div(n) as tf.Scalar;
  const isLow = tf.logicalAnd(ratio.less(1 - o.lo), adv.less(0));
  const isHigh = tf.logicalAnd(ratio.greater(1 + o.hi), adv.greater(0));
  const stats: GrpoLossStats<tf.Scalar> = {
    loss: loss as tf.Scalar,
    clipRatioLow: share(isLow),
    clipRatioHigh: share(isHigh),
    clipRatioRegion: share(tf.logicalOr(isLow, isHigh)),
  };
  if (k3) stats.kl = share(k3);
  return stats;
}
