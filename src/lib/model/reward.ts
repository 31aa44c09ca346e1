// The reward model's forward pass: the LM trunk with the scalar reward head read at each
// sequence's last real token (its EOS), as in InstructGPT.
import * as tf from '@tensorflow/tfjs';
import type { GPTConfig } from './config';
import { rewardHead, trunk } from './gpt';
import type { GPTParams } from './params';
import { BOS, EOS, PAD } from './tokenizer';

/** BOS, prompt, completion, EOS; cut from the left to fit the context (the end is what is scored). */
export function rewardSequence(promptIds: number[], completionIds: number[], blockSize: number): number[] {
  return [BOS, ...promptIds, ...completionIds, EOS].slice(-blockSize);
}

/** Right-pads sequences with PAD; returns ids (B, T) and each row's last real index. */
export function padBatch(sequences: number[][]): { ids: number[][]; last: number[] } {
  const T = Math.max(...sequences.map((s) => s.length));
  return {
    ids: sequences.map((s) => [...s, ...new Array(T - s.length).fill(PAD)]),
    last: sequences.map((s) => s.length - 1),
  };
}

/** Rewards (B) of right-padded sequences at their last real tokens. Not tidied (use in tidy/grads). */
export function rewardScores(c: GPTConfig, p: GPTParams, ids: tf.Tensor2D, last: number[]): tf.Tensor1D {
  const [, T] = ids.shape;
  const perToken = rewardHead(p, trunk(c, p, ids).hidden); // (B, T)
  // Select position last[b] with a one-hot mask: gather's gradient is missing on wasm.
  const pick = tf.oneHot(tf.tensor1d(last, 'int32'), T).toFloat();
  return perToken.mul(pick).sum(1) as tf.Tensor1D;
}
