// Adam's state as plain arrays, so it can be stored beside a checkpoint and a resumed run goes on
// with the same moments and step count instead of restarting Adam cold (a fresh Adam's first steps
// are full-size, bias-corrected jumps). tfjs keeps the moments by position in the gradient list,
// which is the fixed order of the trained variables, so they are restored by position, shapes checked.
import * as tf from '@tensorflow/tfjs';

export interface AdamState {
  iterations: number;
  /** First moments then second moments, one per trained variable, in the order they are trained. */
  moments: Array<{ shape: number[]; values: Float32Array }>;
}

/** Reads the optimizer's state (it has none until its first step: then null). */
export async function readAdamState(optimizer: tf.AdamOptimizer): Promise<AdamState | null> {
  const [iter, ...rest] = await optimizer.getWeights();
  const iterations = (await iter.tensor.data())[0];
  iter.tensor.dispose(); // a fresh scalar; the moments are the optimizer's own variables
  if (!rest.length) return null;
  const moments = await Promise.all(rest.map(async ({ tensor }) => ({ shape: tensor.shape, values: (await tensor.data()) as Float32Array })));
  return { iterations, moments };
}

/** Puts a stored state into a fresh optimizer that trains `vars`; throws if it does not fit them. */
export async function restoreAdamState(optimizer: tf.AdamOptimizer, vars: tf.Variable[], s: AdamState): Promise<void> {
  if (s.moments.length !== 2 * vars.length) throw new Error(`Expected optimizer state for ${vars.length} variables, but got ${s.moments.length / 2}`);
  s.moments.forEach((m, i) => {
    const want = vars[i % vars.length].shape;
    if (m.shape.join('x') !== want.join('x')) throw new Error(`Expected optimizer state of shape ${want.join('x')}, but got ${m.shape.join('x')}`);
  });
  const weights = [
    { name: 'iter', tensor: tf.scalar(s.iterations, 'int32') },
    ...s.moments.map((m, i) => ({ name: `${vars[i % vars.length].name}/${i < vars.length ? 'm' : 'v'}`, tensor: tf.tensor(m.values, m.shape) })),
  ];
  await optimizer.setWeights(weights);
  tf.dispose(weights.map((w) => w.tensor)); // setWeights copied them into variables of its own
}
