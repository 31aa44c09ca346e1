// Advantage actor-critic for a language model, the way Sparrow trains (Glaese et al. 2022, after
// Mnih et al. 2016): the KL leash is a term of the loss, not a penalty in the reward. Per token:
//   policy  −A_t · log π(a_t)                                   one on-policy pass: no ratio, no clip
//   KL      Σ_v π(v | s_t) (log π(v | s_t) − log π_ref(v | s_t))   exact, over the whole vocabulary
//   value   ½ (V_t − R_t)²
//   loss  = policy + β·KL + vfCoef·value, each a mean over the real tokens (entropy is the trainer's).
// Why the exact KL and not the k1 / k3 estimate of the sampled token: the gradient of
// log π(a) − log π_ref(a) is ∇log π(a), whose expectation under π is 0, so as a loss term the
// sampled k1 pulls only through noise; the exact KL has the true gradient, and 355 tokens are cheap.
// Numbers for the hand-worked tests, tensors for training (not tidied: call inside tf.tidy or
// tf.variableGrads).
import * as tf from '@tensorflow/tfjs';
import { assertMask, assertSameShape, maskedMean } from './masks';
import { maskedMeanTensor } from './ppo-loss';

export interface A2CLossParts<T> {
  /** policy + β·kl + vfCoef·value. */
  loss: T;
  /** Masked mean of −A·log π(a). */
  policy: T;
  /** Masked mean of the exact per-token KL(π ‖ π_ref), before β. */
  kl: T;
  /** ½ masked mean of (V − R)², before vfCoef. */
  value: T;
}

/** Masked mean of −A_t · log π(a_t): REINFORCE with a baseline folded into A. */
export function a2cPolicyLoss(logp: number[][], adv: number[][], mask: number[][]): number {
  assertSameShape('logp', logp, 'adv', adv);
  assertSameShape('logp', logp, 'mask', mask);
  assertMask('mask', mask);
  return maskedMean(logp.map((row, i) => row.map((lp, t) => -adv[i][t] * lp)), mask);
}

/** KL(p ‖ q) = Σ_v p_v (log p_v − log q_v) of two distributions given as log-probabilities. */
export function exactKl(logp: number[], logq: number[]): number {
  if (logp.length !== logq.length) throw new Error(`Expected two distributions over the same vocabulary, but got ${logp.length} and ${logq.length} entries`);
  return logp.reduce((a, lp, v) => a + Math.exp(lp) * (lp - logq[v]), 0);
}

/** ½ masked mean of (V − R)²: the unclipped critic loss. */
export function valueMse(v: number[][], returns: number[][], mask: number[][]): number {
  assertSameShape('v', v, 'returns', returns);
  assertSameShape('v', v, 'mask', mask);
  assertMask('mask', mask);
  return 0.5 * maskedMean(v.map((row, i) => row.map((x, t) => (x - returns[i][t]) ** 2)), mask);
}

export interface A2CLossInput<T2, T3> {
  /** log π(a_t) of the sampled tokens under the current policy, (B, T). */
  logp: T2;
  /** Full log-distributions of policy and reference at each position, (B, T, V). */
  logpAll: T3;
  logpRefAll: T3;
  adv: T2;
  values: T2;
  returns: T2;
  mask: T2;
  beta: number;
  vfCoef: number;
}

function checkCoefs(beta: number, vfCoef: number): void {
  if (!(beta >= 0)) throw new Error(`Expected beta to be a number >= 0, but got ${beta}`);
  if (!(vfCoef >= 0)) throw new Error(`Expected vfCoef to be a number >= 0, but got ${vfCoef}`);
}

export function a2cLoss(x: A2CLossInput<number[][], number[][][]>): A2CLossParts<number> {
  checkCoefs(x.beta, x.vfCoef);
  const klPerToken = x.logpAll.map((row, i) => row.map((lp, t) => exactKl(lp, x.logpRefAll[i][t])));
  const policy = a2cPolicyLoss(x.logp, x.adv, x.mask);
  const kl = maskedMean(klPerToken, x.mask);
  const value = valueMse(x.values, x.returns, x.mask);
  return { loss: policy + x.beta * kl + x.vfCoef * value, policy, kl, value };
}

/**
 * The same as tensors. logpAll / logpRefAll are log-softmaxed (B, T, V); the reference's should
 * carry no gradient (computed outside the tape). adv, returns and mask are constants.
 */
export function a2cLossTensor(x: A2CLossInput<tf.Tensor2D, tf.Tensor3D>): A2CLossParts<tf.Scalar> {
  checkCoefs(x.beta, x.vfCoef);
  if (x.logpAll.shape.some((d, i) => d !== x.logpRefAll.shape[i])) {
    throw new Error(`Expected policy and reference distributions of the same shape, but got [${x.logpAll.shape}] and [${x.logpRefAll.shape}]`);
  }
  const policy = maskedMeanTensor(x.adv.neg().mul(x.logp), x.mask);
  const klPerToken = x.logpAll.exp().mul(x.logpAll.sub(x.logpRefAll)).sum(-1);
  const kl = maskedMeanTensor(klPerToken, x.mask);
  const value = maskedMeanTensor(x.values.sub(x.returns).square(), x.mask).mul(0.5) as tf.Scalar;
  const loss = policy.add(kl.mul(x.beta)).add(value.mul(x.vfCoef)) as tf.Scalar;
  return { loss, policy, kl, value };
}
