// The reward model's forward pass: the LM trunk with a scalar reward head on every position, read
// at each sequence's last real token (its EOS, as in InstructGPT), as the mean over the
// completion's tokens and its EOS, or as the sum of the two. The readout is part of the model's
// config (GPTConfig rewardReadout), so a reward checkpoint is always scored the way it was trained.
import * as tf from '@tensorflow/tfjs';
import { rewardReadoutOf, type GPTConfig, type RewardReadout } from './config';
import { rewardHead, trunk } from './gpt';
import type { GPTParams } from './params';
import { BOS, EOS, PAD } from './tokenizer';

/** A sequence to score and where its completion starts in it. */
export interface RewardInput { ids: number[]; first: number }

/** BOS, prompt, completion, EOS; cut from the left to fit the context (the end is what is scored). */
export function rewardSequence(promptIds: number[], completionIds: number[], blockSize: number): RewardInput {
  const full = [BOS, ...promptIds, ...completionIds, EOS];
  const cut = Math.max(0, full.length - blockSize);
  return { ids: full.slice(cut), first: Math.max(0, 1 + promptIds.length - cut) };
}

/** Each row's scored span: its completion's first token and its last real token (EOS). */
export interface ScoredSpans { first: number[]; last: number[] }

/** Right-pads sequences with PAD; returns ids (B, T) and each row's scored span. */
export function padBatch(sequences: RewardInput[]): { ids: number[][] } & ScoredSpans {
  const T = Math.max(...sequences.map((s) => s.ids.length));
  return {
    ids: sequences.map((s) => [...s.ids, ...new Array(T - s.ids.length).fill(PAD)]),
    first: sequences.map((s) => s.first),
    last: sequences.map((s) => s.ids.length - 1),
  };
}

/**
 * Weights (B·T, row-major) that turn per-token rewards into one reward per row: a one at EOS
 * ('eos'), 1/n on each of the completion's n positions up to and including EOS ('mean'), or both
 * added ('eos+mean'). Built on the CPU and applied as a product: gather's gradient is missing on wasm.
 */
export function readoutWeights(readout: RewardReadout, spans: ScoredSpans, T: number): Float32Array {
  const w = new Float32Array(spans.last.length * T);
  spans.last.forEach((last, b) => {
    if (readout !== 'eos') {
      const first = Math.min(spans.first[b], last);
      for (let t = first; t <= last; t++) w[b * T + t] = 1 / (last - first + 1);
    }
    if (readout !== 'mean') w[b * T + last] += 1;
  });
  return w;
}

/** Rewards (B) of right-padded sequences, read as the config says. Not tidied (use in tidy/grads). */
export function rewardScores(c: GPTConfig, p: GPTParams, ids: tf.Tensor2D, spans: ScoredSpans): tf.Tensor1D {
  const [B, T] = ids.shape;
  const perToken = rewardHead(p, trunk(c, p, ids).hidden); // (B, T)
  const weights = tf.tensor2d(readoutWeights(rewardReadoutOf(c), spans, T), [B, T]);
  return perToken.mul(weights).sum(1) as tf.Tensor1D;
}
