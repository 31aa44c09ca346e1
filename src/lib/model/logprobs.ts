// Per-token log-probabilities of given continuations: what PPO needs from the policy and from the
// frozen reference, and what the LM loss is made of.
import * as tf from '@tensorflow/tfjs';
import type { GPTConfig } from './config';
import { embed } from './embedding';
import { referenceOps } from './reference-ops';
import { lmHead, trunk } from './gpt';
import type { GPTParams } from './params';

/**
 * log p(ids[:, t+1] | ids[:, ..t]) for t = 0..T-2, shape (B, T-1), at the given sampling
 * temperature (logits / temperature, as the rollout sampled). Not tidied: use inside tf.tidy or a
 * gradient function.
 */
export function tokenLogProbs(c: GPTConfig, p: GPTParams, ids: tf.Tensor2D, temperature = 1): tf.Tensor2D {
  const [B, T] = ids.shape;
  const inputs = ids.slice([0, 0], [B, T - 1]); // the last token is only a target
  const hidden = trunk(c, p, inputs).hidden;
  let logits = lmHead(p, hidden);
  if (temperature !== 1) logits = logits.div(temperature);
  return targetLogProbs(c, p, hidden, logits, ids.slice([0, 1], [B, T - 1]) as tf.Tensor2D, temperature);
}

/**
 * log p(target) at each position, (B, T), from the trunk's hidden states and the logits already
 * divided by the temperature. Shared by tokenLogProbs and PPO's one-pass policyOutputs, so both
 * give the same numbers.
 */
export function targetLogProbs(c: GPTConfig, p: GPTParams, hidden: tf.Tensor3D, logits: tf.Tensor3D, targets: tf.Tensor2D, temperature: number): tf.Tensor2D {
  const [B, T] = targets.shape;
  if (referenceOps()) return tf.logSoftmax(logits).mul(tf.oneHot(targets, c.vocabSize).toFloat()).sum(-1) as tf.Tensor2D;
  // log p(target) = logit(target) - logsumexp(logits). The target's logit is hidden · wte[target]
  // (the tied head), read by an embedding lookup: no (B, T, V) one-hot product forward or backward.
  let targetLogit = hidden.reshape([-1, c.nEmbd]).mul(embed(p.wte as tf.Tensor2D, targets.reshape([-1]) as tf.Tensor1D)).sum(-1);
  if (temperature !== 1) targetLogit = targetLogit.div(temperature);
  return targetLogit.reshape([B, T]).sub(logSumExpLastAxis(logits)) as tf.Tensor2D;
}

type CustomGradFn = Parameters<typeof tf.customGrad>[0];
/** logsumexp over the last axis, with the gradient written out (softmax · dy): tf.logSumExp's own
 *  gradient goes through its max as well, two more (B, T, V) passes for terms that cancel. */
export const logSumExpLastAxis = tf.customGrad(((x: tf.Tensor, save: tf.GradSaveFunc) => {
  const lse = tf.logSumExp(x, -1);
  save([x, lse]);
  return {
    value: lse,
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.exp(saved[0].sub(saved[1].expandDims(-1))).mul(dy.expandDims(-1)),
  };
}) as unknown as CustomGradFn) as unknown as (x: tf.Tensor) => tf.Tensor;

/**
 * Batched, padded sequences as tensors: ids (B, T) right-padded with `pad`, and a mask (B, T-1)
 * that is 1 where the target token at t+1 is real and not part of the prompt.
 */
export function packSequences(sequences: number[][], promptLengths: number[], pad: number): { ids: number[][]; targetMask: number[][] } {
  const T = Math.max(...sequences.map((s) => s.length));
  const ids = sequences.map((s) => [...s, ...new Array(T - s.length).fill(pad)]);
  const targetMask = sequences.map((s, b) =>
    Array.from({ length: T - 1 }, (_, t) => (t + 1 >= promptLengths[b] && t + 1 < s.length ? 1 : 0)),
  );
  return { ids, targetMask };
}

/** Sum of log-probs of each sequence's continuation (after its prompt), for B padded sequences. */
export async function continuationLogProbs(
  c: GPTConfig, p: GPTParams, sequences: number[][], promptLengths: number[], pad: number, temperature = 1,
): Promise<{ perToken: number[][]; total: number[] }> {
  const { ids, targetMask } = packSequences(sequences, promptLengths, pad);
  const masked = tf.tidy(() => tokenLogProbs(c, p, tf.tensor2d(ids, undefined, 'int32'), temperature).mul(tf.tensor2d(targetMask)));
  const perToken = (await masked.array()) as number[][];
  masked.dispose();
  return { perToken, total: perToken.map((row) => row.reduce((a, b) => a + b, 0)) };
}
