// Matrix products for the model. On the wasm backend tfjs's matMul is 7-10x slower with
// transposeB and 25-36x slower with transposeA than without (npm run bench:matmul: 2048x96 @
// 96x384 takes ~7-10 ms plain, 65 ms transposeB, 240 ms transposeA), and its gradient uses both.
// So on wasm we transpose explicitly (a cheap copy) in the forward pass and in a custom gradient.
// Other backends handle the flags natively and use tf.matMul as is.
import * as tf from '@tensorflow/tfjs';

/** Swaps the last two axes. */
function swapLast(x: tf.Tensor): tf.Tensor {
  const perm = x.shape.map((_, i) => i);
  const r = perm.length;
  [perm[r - 2], perm[r - 1]] = [perm[r - 1], perm[r - 2]];
  return tf.transpose(x, perm);
}

// a @ b with no transpose flags anywhere, backward included.
// (customGrad types its function's arguments loosely, as tensors or the save function.)
type CustomGradFn = Parameters<typeof tf.customGrad>[0];
const plainMatMul = tf.customGrad(((a: tf.Tensor, b: tf.Tensor, save: tf.GradSaveFunc) => {
  save([a, b]);
  return {
    value: tf.matMul(a, b),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => [tf.matMul(dy, swapLast(saved[1])), tf.matMul(swapLast(saved[0]), dy)],
  };
}) as unknown as CustomGradFn) as unknown as (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;

/** a @ b (with optional transposes) computed without transpose flags, gradient included. */
export function explicitTransposeMatMul<T extends tf.Tensor>(a: T, b: tf.Tensor, transposeA = false, transposeB = false): T {
  return plainMatMul(transposeA ? swapLast(a) : a, transposeB ? swapLast(b) : b) as T;
}

export function matMul<T extends tf.Tensor>(a: T, b: tf.Tensor, transposeA = false, transposeB = false): T {
  if (tf.getBackend() === 'wasm') return explicitTransposeMatMul(a, b, transposeA, transposeB);
  return tf.matMul(a, b, transposeA, transposeB) as T;
}
