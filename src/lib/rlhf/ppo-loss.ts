// PPO's losses for a language model, per token (Schulman et al. 2017; TRL's PPOTrainer):
//   policy   max(−A·ρ, −A·clip(ρ, 1−ε, 1+ε)),  ρ = exp(log π_new − log π_old), masked mean
//   value    ½ max((V − R)², (clip(V, V_old−c, V_old+c) − R)²), masked mean
//   entropy  −Σ p log p of softmax(logits), masked mean
// Each comes twice: in plain numbers (the reference the tests work by hand) and as tensors for
// training. Clip fractions follow TRL: the share of real tokens where the clipped term is strictly
// the larger. The tensor versions are not tidied: call them inside tf.tidy or tf.variableGrads
// (and tf.keep the statistics you want to read after).
import * as tf from '@tensorflow/tfjs';
import { assertMask, assertSameShape, maskedMean } from './masks';

export interface PolicyLossStats<T> {
  loss: T;
  /** Share of real tokens where the clipped term won (TRL's policy/clipfrac). */
  clipFrac: T;
  /** ½ mean (log π_new − log π_old)² over real tokens (TRL's policy/approxkl, masked). */
  approxKl: T;
}

export interface ValueLossStats<T> {
  loss: T;
  /** Share of real tokens where the clipped value's error won (TRL's val/clipfrac). */
  clipFrac: T;
}

function clip(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function checkRange(name: string, x: number): void {
  if (!(x >= 0)) throw new Error(`Expected ${name} to be >= 0, but got ${x}`);
}

export function policyLoss(logpNew: number[][], logpOld: number[][], adv: number[][], mask: number[][], clipEps: number): PolicyLossStats<number> {
  assertSameShape('logpNew', logpNew, 'logpOld', logpOld);
  assertSameShape('logpNew', logpNew, 'adv', adv);
  assertSameShape('logpNew', logpNew, 'mask', mask);
  assertMask('mask', mask);
  checkRange('clipEps', clipEps);
  const losses: number[][] = [];
  const clipped: number[][] = [];
  const kl: number[][] = [];
  logpNew.forEach((row, i) => {
    losses.push([]);
    clipped.push([]);
    kl.push([]);
    row.forEach((lp, t) => {
      const diff = lp - logpOld[i][t];
      const ratio = Math.exp(diff);
      const a = adv[i][t];
      const unclippedLoss = -a * ratio;
      const clippedLoss = -a * clip(ratio, 1 - clipEps, 1 + clipEps);
      losses[i].push(Math.max(unclippedLoss, clippedLoss));
      clipped[i].push(clippedLoss > unclippedLoss ? 1 : 0);
      kl[i].push(0.5 * diff * diff);
    });
  });
  return { loss: maskedMean(losses, mask), clipFrac: maskedMean(clipped, mask), approxKl: maskedMean(kl, mask) };
}

export function valueLoss(vNew: number[][], vOld: number[][], returns: number[][], mask: number[][], clipRange: number): ValueLossStats<number> {
  assertSameShape('vNew', vNew, 'vOld', vOld);
  assertSameShape('vNew', vNew, 'returns', returns);
  assertSameShape('vNew', vNew, 'mask', mask);
  assertMask('mask', mask);
  checkRange('clipRange', clipRange);
  const losses = vNew.map((row, i) => row.map((v, t) => {
    const vClipped = clip(v, vOld[i][t] - clipRange, vOld[i][t] + clipRange);
    return Math.max((v - returns[i][t]) ** 2, (vClipped - returns[i][t]) ** 2);
  }));
  const clipped = vNew.map((row, i) => row.map((v, t) => {
    const vClipped = clip(v, vOld[i][t] - clipRange, vOld[i][t] + clipRange);
    return (vClipped - returns[i][t]) ** 2 > (v - returns[i][t]) ** 2 ? 1 : 0;
  }));
  return { loss: 0.5 * maskedMean(losses, mask), clipFrac: maskedMean(clipped, mask) };
}

function assertSameTensorShape(aName: string, a: tf.Tensor, bName: string, b: tf.Tensor): void {
  if (a.shape.length !== b.shape.length || a.shape.some((d, i) => d !== b.shape[i])) {
    throw new Error(`Expected ${aName} and ${bName} to have the same shape, but got [${a.shape}] and [${b.shape}]`);
  }
}

/** Mean of x over the positions where mask is 1; NaN when the mask is all 0. */
export function maskedMeanTensor(x: tf.Tensor, mask: tf.Tensor): tf.Scalar {
  assertSameTensorShape('x', x, 'mask', mask);
  return x.mul(mask).sum().div(mask.sum()) as tf.Scalar;
}

/**
 * The clipped surrogate as tensors, (B, T) each. The unclipped term is tf.maximum's first argument,
 * so where both terms are equal (ρ inside the clip range) the gradient flows through it; where the
 * clipped term wins, clipByValue passes no gradient and the token stops pushing.
 */
export function policyLossTensor(
  logpNew: tf.Tensor2D, logpOld: tf.Tensor2D, adv: tf.Tensor2D, mask: tf.Tensor2D, clipEps: number,
): PolicyLossStats<tf.Scalar> {
  assertSameTensorShape('logpNew', logpNew, 'logpOld', logpOld);
  assertSameTensorShape('logpNew', logpNew, 'adv', adv);
  assertSameTensorShape('logpNew', logpNew, 'mask', mask);
  checkRange('clipEps', clipEps);
  const diff = logpNew.sub(logpOld);
  const ratio = diff.exp();
  const unclippedLoss = adv.neg().mul(ratio);
  const clippedLoss = adv.neg().mul(ratio.clipByValue(1 - clipEps, 1 + clipEps));
  return {
    loss: maskedMeanTensor(tf.maximum(unclippedLoss, clippedLoss), mask),
    clipFrac: maskedMeanTensor(tf.greater(clippedLoss, unclippedLoss).toFloat(), mask),
    approxKl: maskedMeanTensor(diff.square(), mask).mul(0.5) as tf.Scalar,
  };
}

export function valueLossTensor(
  vNew: tf.Tensor2D, vOld: tf.Tensor2D, returns: tf.Tensor2D, mask: tf.Tensor2D, clipRange: number,
): ValueLossStats<tf.Scalar> {
  assertSameTensorShape('vNew', vNew, 'vOld', vOld);
  assertSameTensorShape('vNew', vNew, 'returns', returns);
  assertSameTensorShape('vNew', vNew, 'mask', mask);
  checkRange('clipRange', clipRange);
  // clip(V, V_old − c, V_old + c) with tensor bounds; exactly V inside them, so no spurious clips.
  const vClipped = tf.minimum(tf.maximum(vNew, vOld.sub(clipRange)), vOld.add(clipRange));
  const unclippedLoss = vNew.sub(returns).square();
  const clippedLoss = vClipped.sub(returns).square();
  return {
    loss: maskedMeanTensor(tf.maximum(unclippedLoss, clippedLoss), mask).mul(0.5) as tf.Scalar,
    clipFrac: maskedMeanTensor(tf.greater(clippedLoss, unclippedLoss).toFloat(), mask),
  };
}

/** Entropy of softmax(logits) at each position, (B, T, V) → (B, T), averaged over the mask's 1s. */
export function entropyFromLogits(logits: tf.Tensor3D, mask: tf.Tensor2D): tf.Scalar {
  const [B, T] = logits.shape;
  if (mask.shape[0] !== B || mask.shape[1] !== T) {
    throw new Error(`Expected mask of shape [${B},${T}] for logits of shape [${logits.shape}], but got [${mask.shape}]`);
  }
  // −Σ p log p from log-softmax: TRL's logsumexp(z) − Σ p·z loses float32 digits to cancellation
  // when logits are large (1000.69 − 1000), this does not.
  const logp = tf.logSoftmax(logits);
  const entropy = logp.exp().mul(logp).sum(-1).neg();
  return maskedMeanTensor(entropy, mask);
}
