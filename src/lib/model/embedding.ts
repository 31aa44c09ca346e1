// Token embedding lookup. The textbook way, tf.gather, trains only where the backend has the
// kernel of its gradient (UnsortedSegmentSum): wasm has none (shared notes). The old way round it,
// one-hot(ids) @ wte, costs 2·N·V·C FLOPs forward and twice that backward, which at a subword
// vocabulary is as much as the rest of the model. So: gather forward everywhere, and where
// UnsortedSegmentSum is missing, a custom gradient that scatter-adds the rows of dy into a (V, C)
// zero matrix with ScatterNd (which wasm has; repeated ids add up). O(N·C) both ways.
import * as tf from '@tensorflow/tfjs';

type CustomGradFn = Parameters<typeof tf.customGrad>[0];

const gatherScatterGrad = tf.customGrad(((wte: tf.Tensor2D, ids: tf.Tensor1D, save: tf.GradSaveFunc) => {
  save([ids]);
  return {
    value: tf.gather(wte, ids),
    gradFunc: (dy: tf.Tensor2D, saved: tf.Tensor[]) => {
      const idx = saved[0].reshape([-1, 1]);
      return [tf.scatterND(idx, dy, wte.shape), tf.zerosLike(saved[0])];
    },
  };
}) as unknown as CustomGradFn) as unknown as (wte: tf.Tensor2D, ids: tf.Tensor1D) => tf.Tensor2D;

/** Rows of wte (V, C) for int32 ids (N): (N, C), differentiable in wte on every backend. */
export function embed(wte: tf.Tensor2D, ids: tf.Tensor1D): tf.Tensor2D {
  if (tf.getKernel('UnsortedSegmentSum', tf.getBackend())) return tf.gather(wte, ids);
  return gatherScatterGrad(wte, ids);
}

/** The one-hot product it replaces: the reference the tests compare with. */
export function embedOneHot(wte: tf.Tensor2D, ids: tf.Tensor1D): tf.Tensor2D {
  return tf.matMul(tf.oneHot(ids, wte.shape[0]).toFloat(), wte);
}
