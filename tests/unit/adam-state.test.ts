// Adam's state read from one optimizer and put into a fresh one: the next step is the same as if
// training had never stopped (a cold Adam's step differs), and a state for other shapes is refused.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { readAdamState, restoreAdamState } from '../../src/lib/engine/adam-state';
import { makeAdam } from '../../src/lib/engine/optimizer';

const W0 = [[1, -2, 0.5], [3, 0.25, -1]];
const B0 = [0.1, -0.3];
/** A gradient that depends on the weights, so the moments carry history. */
const step = (opt: tf.AdamOptimizer, vars: tf.Variable[], k: number) =>
  opt.applyGradients(vars.map((v) => ({ name: v.name, tensor: tf.tidy(() => v.mul(k).sin().add(k)) })));

describe('Adam state', () => {
  it('a fresh optimizer given the stored state takes the same next step as the original', async () => {
    const a = [tf.variable(tf.tensor2d(W0)), tf.variable(tf.tensor1d(B0))];
    const optA = makeAdam(0.05);
    expect(await readAdamState(optA)).toBeNull(); // no step yet, no moments
    for (const k of [1, 2, 3]) step(optA, a, k);
    const state = (await readAdamState(optA))!;
    expect(state.iterations).toBe(3);
    expect(state.moments.map((m) => m.shape)).toEqual([[2, 3], [2], [2, 3], [2]]);

    const b = a.map((v) => tf.variable(v.clone()));
    const optB = makeAdam(0.05);
    await restoreAdamState(optB, b, state);
    const cold = a.map((v) => tf.variable(v.clone()));
    const optCold = makeAdam(0.05);
    step(optA, a, 4);
    step(optB, b, 4);
    step(optCold, cold, 4);
    for (let i = 0; i < a.length; i++) {
      const [want, got, coldGot] = [await a[i].data(), await b[i].data(), await cold[i].data()];
      got.forEach((x, j) => expect(x).toBeCloseTo(want[j], 6));
      expect([...coldGot].some((x, j) => Math.abs(x - want[j]) > 1e-4)).toBe(true);
    }
    expect((await readAdamState(optB))!.iterations).toBe(4);
    [optA, optB, optCold].forEach((o) => o.dispose());
  });

  it('refuses a state that does not fit the variables', async () => {
    const v = [tf.variable(tf.tensor2d(W0))];
    const opt = makeAdam(0.05);
    step(opt, v, 1);
    const state = (await readAdamState(opt))!;
    await expect(restoreAdamState(makeAdam(0.05), [tf.variable(tf.zeros([3, 2]))], state)).rejects.toThrow('Expected optimizer state of shape 3x2, but got 2x3');
    await expect(restoreAdamState(makeAdam(0.05), [...v, tf.variable(tf.zeros([2]))], state)).rejects.toThrow('Expected optimizer state for 2 variables, but got 1');
  });
});
