import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { explicitTransposeMatMul } from '../../src/lib/model/matmul';

describe('explicitTransposeMatMul', () => {
  it.each([
    [false, false, [5, 3], [3, 4]],
    [false, true, [5, 3], [4, 3]],
    [true, false, [3, 5], [3, 4]],
    [true, true, [3, 5], [4, 3]],
    [false, true, [2, 3, 5, 6], [2, 3, 7, 6]], // batched, as in attention scores
  ])('matches tf.matMul in value and gradient (transposeA %s, transposeB %s)', async (ta, tb, shapeA, shapeB) => {
    const a = tf.randomNormal(shapeA, 0, 1, 'float32', 1);
    const b = tf.randomNormal(shapeB, 0, 1, 'float32', 2);
    const w = tf.randomNormal(tf.matMul(a, b, ta, tb).shape, 0, 1, 'float32', 3); // weights the output
    const loss = (f: typeof tf.matMul) => (x: tf.Tensor, y: tf.Tensor) => f(x, y, ta, tb).mul(w).sum();
    const [ga, gb] = tf.grads(loss(tf.matMul))([a, b]);
    const [ea, eb] = tf.grads(loss(explicitTransposeMatMul as typeof tf.matMul))([a, b]);
    const close = async (x: tf.Tensor, y: tf.Tensor) => (await x.sub(y).abs().max().data())[0];
    expect(await close(explicitTransposeMatMul(a, b, ta, tb), tf.matMul(a, b, ta, tb))).toBeLessThan(1e-5);
    expect(await close(ea, ga)).toBeLessThan(1e-5);
    expect(await close(eb, gb)).toBeLessThan(1e-5);
  });
});
