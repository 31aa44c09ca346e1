// The Bradley–Terry preference model: P(a preferred to b) = σ(r_a − r_b). The reward model is
// trained to minimise −log σ(r_chosen − r_rejected − margin) (InstructGPT; the margin as in Llama 2,
// from how strongly the person preferred one).
import * as tf from '@tensorflow/tfjs';

/**
 * Bradley–Terry loss over pairs, a tensor for training: softplus(−d) = −log σ(d), computed stably.
 * With weights, the weighted mean Σ w·loss / Σ w (e.g. 1/#pairs of a ranking, so that each
 * ranking counts once however many pairs it gives).
 */
export function bradleyTerryLoss(chosen: tf.Tensor1D, rejected: tf.Tensor1D, margin?: tf.Tensor1D, weights?: tf.Tensor1D): tf.Scalar {
  let d = chosen.sub(rejected);
  if (margin) d = d.sub(margin);
  const losses = tf.softplus(d.neg());
  if (!weights) return losses.mean() as tf.Scalar;
  return losses.mul(weights).sum().div(weights.sum()) as tf.Scalar;
}

/** Pointwise logistic loss for thumbs: −log σ(r) for up, −log σ(−r) for down; labels ±1. */
export function pointwiseLogisticLoss(rewards: tf.Tensor1D, labels: tf.Tensor1D): tf.Scalar {
  return tf.softplus(rewards.mul(labels).neg()).mean() as tf.Scalar;
}

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** −log σ(r_c − r_r − m) for one pair, in plain numbers. */
export function bradleyTerryLossValue(rChosen: number, rRejected: number, margin = 0): number {
  const d = rChosen - rRejected - margin;
  return d > 0 ? Math.log1p(Math.exp(-d)) : -d + Math.log1p(Math.exp(d));
}

/** d/dr_chosen of the loss; d/dr_rejected is its negative. */
export function bradleyTerryGradChosen(rChosen: number, rRejected: number, margin = 0): number {
  return -(1 - sigmoid(rChosen - rRejected - margin));
}

/** Fraction of pairs the rewards order as the labels do; an exact tie counts as half right. */
export function pairwiseAccuracy(chosenRewards: number[], rejectedRewards: number[]): number {
  if (chosenRewards.length !== rejectedRewards.length) throw new Error('Expected as many chosen as rejected rewards');
  if (chosenRewards.length === 0) return NaN;
  let right = 0;
  chosenRewards.forEach((c, i) => {
    right += c > rejectedRewards[i] ? 1 : c === rejectedRewards[i] ? 0.5 : 0;
  });
  return right / chosenRewards.length;
}
