// The train step's faster ops (embedding.ts, logSumExpLastAxis, GELU) against the plain tfjs ops they replace.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { embed, embedOneHot } from '../../src/lib/model/embedding';

const maxDiff = async (x: tf.Tensor, y: tf.Tensor) => (await x.sub(y).abs().max().data())[0];

describe('embed (gather forward, scatter-add gradient where the backend lacks one)', () => {
  it('runs the custom gradient here: wasm has no UnsortedSegmentSum', () => {
    expect(tf.getBackend()).toBe('wasm');
    expect(tf.getKernel('UnsortedSegmentSum', 'wasm')).toBeUndefined();
  });

  it('matches one-hot @ wte in value and gradient, repeated ids included', async () => {
    const wte = tf.randomNormal([11, 6], 0, 1, 'float32', 1) as tf.Tensor2D;
    const ids = tf.tensor1d([3, 0, 3, 10, 7, 3, 0], 'int32');
    const w = tf.randomNormal([7, 6], 0, 1, 'float32', 2);
    const loss = (f: typeof embed) => (e: tf.Tensor) => f(e as tf.Tensor2D, ids).mul(w).sum();
    expect(await maxDiff(embed(wte, ids), embedOneHot(wte, ids))).toBe(0);
    const g = tf.grad(loss(embed))(wte);
    const ref = tf.grad(loss(embedOneHot))(wte);
    expect(await maxDiff(g, ref)).toBeLessThan(1e-5);
    // Row 3 is used three times: its gradient is the sum of three rows of w, not one.
    const row3 = w.gather([0, 2, 5]).sum(0);
    expect(await maxDiff(g.slice([3, 0], [1, 6]).reshape([6]), row3)).toBeLessThan(1e-5);
    // Unused rows get no gradient.
    expect(await maxDiff(g.slice([1, 0], [1, 6]), tf.zeros([1, 6]))).toBe(0);
  });

  it('uses the native gather gradient on a backend that has one (cpu) with the same result', async () => {
    await tf.setBackend('cpu');
    try {
      const wte = tf.randomNormal([5, 4], 0, 1, 'float32', 3) as tf.Tensor2D;
      const ids = tf.tensor1d([4, 4, 1], 'int32');
      const g = tf.grad((e: tf.Tensor) => embed(e as tf.Tensor2D, ids).square().sum())(wte);
      const ref = tf.grad((e: tf.Tensor) => embedOneHot(e as tf.Tensor2D, ids).square().sum())(wte);
      expect(await maxDiff(g, ref)).toBeLessThan(1e-5);
    } finally {
      await tf.setBackend('wasm');
    }
  });
});

describe('tokenLogProbs through the embedding lookup and logSumExpLastAxis', () => {
  it('equals log-softmax picked by a one-hot, in value and gradient, at temperature 1 and 0.7', async () => {
    const { createLanguageModel } = await import('../../src/lib/model/language-model');
    const { charTokenizer } = await import('../../src/lib/model/tokenizer');
    const { tokenLogProbs } = await import('../../src/lib/model/logprobs');
    const { lmHead, trunk } = await import('../../src/lib/model/gpt');
    const model = createLanguageModel({ blockSize: 8, nLayer: 1, nHead: 2, nEmbd: 8 }, charTokenizer(), 5);
    const ids = tf.tensor2d([[1, 40, 41, 42, 7, 2], [1, 9, 9, 9, 9, 9]], undefined, 'int32');
    for (const temperature of [1, 0.7]) {
      const reference = () => {
        const logits = lmHead(model.params, trunk(model.config, model.params, ids.slice([0, 0], [2, 5]) as tf.Tensor2D).hidden).div(temperature);
        return tf.logSoftmax(logits).mul(tf.oneHot(ids.slice([0, 1], [2, 5]) as tf.Tensor2D, model.config.vocabSize).toFloat()).sum(-1);
      };
      const ours = () => tokenLogProbs(model.config, model.params, ids, temperature);
      expect(await maxDiff(ours(), reference())).toBeLessThan(1e-5);
      const weights = tf.randomNormal([2, 5], 0, 1, 'float32', 9);
      const g1 = tf.variableGrads(() => ours().mul(weights).sum() as tf.Scalar, [model.params.wte, model.params.layers[0].fcW]);
      const g2 = tf.variableGrads(() => reference().mul(weights).sum() as tf.Scalar, [model.params.wte, model.params.layers[0].fcW]);
      for (const name of Object.keys(g1.grads)) expect(await maxDiff(g1.grads[name], g2.grads[name])).toBeLessThan(1e-5);
    }
  });
});

describe('the faster train-step ops against the ones they replaced (reference-ops.ts)', () => {
  it('gelu with x·x·x equals gelu with x.pow(3), value and gradient', async () => {
    const { gelu } = await import('../../src/lib/model/gpt');
    const { useReferenceOps } = await import('../../src/lib/model/reference-ops');
    const x = tf.tensor1d([-3, -1.2, -0.1, 0, 0.4, 1, 2.5]);
    const fast = gelu(x);
    const gFast = tf.grad((t: tf.Tensor) => gelu(t).sum())(x);
    useReferenceOps(true);
    try {
      expect(await maxDiff(fast, gelu(x))).toBeLessThan(1e-6);
      expect(await maxDiff(gFast, tf.grad((t: tf.Tensor) => gelu(t).sum())(x))).toBeLessThan(1e-5);
    } finally {
      useReferenceOps(false);
    }
  });

  it('a whole LM loss and its gradients agree with the reference ops on', async () => {
    const { createLanguageModel } = await import('../../src/lib/model/language-model');
    const { charTokenizer } = await import('../../src/lib/model/tokenizer');
    const { tokenLogProbs } = await import('../../src/lib/model/logprobs');
    const { namedParams } = await import('../../src/lib/model/params');
    const { useReferenceOps } = await import('../../src/lib/model/reference-ops');
    const model = createLanguageModel({ blockSize: 8, nLayer: 2, nHead: 2, nEmbd: 8 }, charTokenizer(), 6);
    const ids = tf.tensor2d([[1, 40, 41, 42, 7, 2, 50, 51], [1, 9, 9, 9, 9, 9, 3, 4]], undefined, 'int32');
    const vars = namedParams(model.params).filter(([n]) => !n.startsWith('value') && !n.startsWith('reward')).map(([, v]) => v);
    const run = () => tf.variableGrads(() => tokenLogProbs(model.config, model.params, ids).mean().neg() as tf.Scalar, vars);
    const fast = run();
    useReferenceOps(true);
    const ref = (() => { try { return run(); } finally { useReferenceOps(false); } })();
    expect(await maxDiff(fast.value, ref.value)).toBeLessThan(1e-5);
    for (const name of Object.keys(ref.grads)) expect(await maxDiff(fast.grads[name], ref.grads[name]), name).toBeLessThan(1e-5);
  });
});
