// Adam with an explicit epsilon (webgl's default is 1e-4, the others 1e-7: shared notes) and
// global-norm gradient clipping.
import * as tf from '@tensorflow/tfjs';

export function makeAdam(learningRate: number, beta1 = 0.9, beta2 = 0.95): tf.AdamOptimizer {
  return tf.train.adam(learningRate, beta1, beta2, 1e-8);
}

/** Scales all gradients so their global L2 norm is at most maxNorm; returns them and the norm before clipping. */
export function clipByGlobalNorm(grads: tf.NamedTensorMap, maxNorm: number): { grads: tf.NamedTensorMap; norm: tf.Scalar } {
  return tf.tidy(() => {
    // A pairwise sum, not tf.addN: on WebGPU adapters with 8 storage buffers per shader (SwiftShader),
    // tfjs 4.22's AddN of 8+ inputs silently returns a stale value.
    const norm = tf.sqrt(Object.values(grads).map((g) => g.square().sum()).reduce((a, b) => a.add(b))) as tf.Scalar;
    const scale = tf.scalar(maxNorm).div(tf.maximum(norm, maxNorm));
    const clipped: tf.NamedTensorMap = {};
    for (const [name, g] of Object.entries(grads)) clipped[name] = g.mul(scale);
    return { grads: clipped, norm };
  });
}

/** Linear warm-up, then cosine decay to 10% of the peak. */
export function learningRateAt(step: number, peak: number, warmup: number, total: number): number {
  if (step < warmup) return (peak * (step + 1)) / warmup;
  const progress = Math.min(1, (step - warmup) / Math.max(1, total - warmup));
  return peak * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * progress)));
}

/** tfjs keeps an optimizer's learning rate in a protected field, read at every update. */
export function setLearningRate(optimizer: tf.Optimizer, lr: number): void {
  (optimizer as unknown as { learningRate: number }).learningRate = lr;
}

export function asNamedTensors(grads: tf.NamedTensorMap): Array<{ name: string; tensor: tf.Tensor }> {
  return Object.entries(grads).map(([name, tensor]) => ({ name, tensor }));
}
