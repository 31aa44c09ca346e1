// Faults on demand, for the browser tests only: the worker accepts these messages only when the
// page was opened with ?test-hooks=1 (never in normal use).
import * as tf from '@tensorflow/tfjs';
import type { GPTParams } from '../model/params';

/** Sets the first value of the token embedding to NaN: the next training step must fault. */
export async function poisonOneWeight(params: GPTParams): Promise<void> {
  const data = (await params.wte.data()).slice() as Float32Array;
  data[0] = NaN;
  tf.tidy(() => params.wte.assign(tf.tensor(data, params.wte.shape)));
}
