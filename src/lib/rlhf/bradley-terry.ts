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

// The same model in plain numbers, apart so that the page can use it without tfjs.
export { bradleyTerryGradChosen, bradleyTerryLossValue, pairwiseAccuracy, sigmoid } from './bradley-terry-values';
