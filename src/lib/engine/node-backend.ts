// The Node side of backend choice: wasm (tfjs-node cannot install here; wasm is ~4x faster than cpu).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

export async function useNodeBackend(name: 'wasm' | 'cpu' = 'wasm'): Promise<string> {
  if (!(await tf.setBackend(name))) throw new Error(`Could not start the ${name} backend`);
  await tf.ready();
  return tf.getBackend();
}
