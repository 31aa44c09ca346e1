// Per-token log-probabilities of given continuations: what PPO needs from the policy and from the
// frozen reference, and what the LM loss is made of.
import * as tf from '@tensorflow/tfjs';
import type { GPTConfig } from './config';
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
  let logits = lmHead(p, trunk(c, p, inputs).hidden);
  if (temperature !== 1) logits = logits.div(temperature);
  const logp = tf.logSoftmax(logits); // (B, T-1, V)
  const targets = tf.oneHot(ids.slice([0, 1], [B, T - 1]) as tf.Tensor2D, c.vocabSize).toFloat();
  return logp.mul(targets).sum(-1) as tf.Tensor2D;
}

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
