// Autoregressive sampling of n continuations of one prompt, streamed a token at a time.
// With the KV cache each step feeds only the newest token (O(context) work); without it each
// step recomputes the whole window (the benchmark's baseline).
import * as tf from '@tensorflow/tfjs';
import { lmHead, trunk, type LayerKV } from './gpt';
import type { LanguageModel } from './language-model';
import { pickToken, type DecodingSettings } from './pick-token';
import { BOS, EOS } from './tokenizer';
import { makeRng } from '../util/rng';

export interface SampleSettings extends DecodingSettings {
  maxTokens: number;
  seed: number;
  /** Incremental decoding with a KV cache (default true). */
  useCache?: boolean;
  /** Stop a sample at its first EOS (default true). */
  stopAtEos?: boolean;
}

export interface SampleStep {
  /** New tokens of each sample so far (EOS included when it ended one). */
  tokens: number[][];
  /** Whether each sample has ended (EOS). */
  finished: boolean[];
  /** The model's probability (softmax at temperature 1) of each of those tokens, for the token view. */
  probs: number[][];
}

/** softmax(logits)[id]. */
export function probabilityOf(logits: ArrayLike<number>, id: number): number {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) if (logits[i] > max) max = logits[i];
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += Math.exp(logits[i] - max);
  return Math.exp(logits[id] - max) / sum;
}

export function validateSampleSettings(s: SampleSettings): void {
  const check = (ok: boolean, what: string, v: number) => {
    if (!ok) throw new Error(`Expected ${what}, but got ${v}`);
  };
  check(Number.isInteger(s.maxTokens) && s.maxTokens >= 1 && s.maxTokens <= 4096, 'maxTokens to be an integer in 1..4096', s.maxTokens);
  check(Number.isFinite(s.temperature) && s.temperature >= 0 && s.temperature <= 10, 'temperature in 0..10', s.temperature);
  check(Number.isInteger(s.topK) && s.topK >= 0, 'topK to be a non-negative integer', s.topK);
  check(Number.isFinite(s.topP) && s.topP > 0 && s.topP <= 1, 'topP in (0, 1]', s.topP);
  check(Number.isFinite(s.seed), 'a finite seed', s.seed);
}

/** The context a prompt becomes: BOS, then the prompt's tokens (documents start with BOS in training). */
export function promptContext(model: LanguageModel, prompt: string): number[] {
  return [BOS, ...model.tokenizer.encode(prompt)];
}

function disposeKV(kv: LayerKV[] | undefined): void {
  kv?.forEach(({ k, v }) => { k.dispose(); v.dispose(); });
}

/** Logits of the last position and the cache after feeding `ids` (B, T) on top of `past`. */
function step(model: LanguageModel, ids: number[][], past: LayerKV[] | undefined): { last: tf.Tensor2D; kv: LayerKV[] } {
  return tf.tidy(() => {
    const { config, params } = model;
    const out = trunk(config, params, tf.tensor2d(ids, undefined, 'int32'), past);
    const T = ids[0].length;
    const hiddenLast = out.hidden.slice([0, T - 1, 0], [-1, 1, -1]) as tf.Tensor3D;
    const last = lmHead(params, hiddenLast).squeeze([1]) as tf.Tensor2D; // (B, V)
    return { last, kv: out.kv };
  });
}

export async function* sampleStream(model: LanguageModel, context: number[], n: number, s: SampleSettings): AsyncGenerator<SampleStep> {
  validateSampleSettings(s);
  if (!Number.isInteger(n) || n < 1) throw new Error(`Expected n to be a positive integer, but got ${n}`);
  const { blockSize } = model.config;
  const useCache = s.useCache ?? true;
  const stopAtEos = s.stopAtEos ?? true;
  const rng = makeRng(s.seed);
  const sequences = Array.from({ length: n }, () => context.slice(-blockSize));
  const tokens: number[][] = Array.from({ length: n }, () => []);
  const probs: number[][] = Array.from({ length: n }, () => []);
  const finished = new Array<boolean>(n).fill(false);
  let kv: LayerKV[] | undefined;
  // With a cache, `pending` holds the tokens not fed yet; the first step feeds the whole prompt.
  let pending = sequences.map((seq) => seq.slice());
  try {
    for (let t = 0; t < s.maxTokens; t++) {
      let out: { last: tf.Tensor2D; kv: LayerKV[] };
      if (useCache) {
        if (kv && kv[0].k.shape[2] + pending[0].length > blockSize) {
          // The window is full: re-read the last half of it from scratch (learned positions
          // cannot slide), then carry on incrementally.
          disposeKV(kv);
          kv = undefined;
          pending = sequences.map((seq) => seq.slice(-Math.floor(blockSize / 2)));
        }
        out = step(model, pending, kv);
        disposeKV(kv);
        kv = out.kv;
      } else {
        out = step(model, sequences.map((seq) => seq.slice(-blockSize)), undefined);
        disposeKV(out.kv);
      }
      const logits = (await out.last.data()) as Float32Array; // async read: sync reads break webgpu
      out.last.dispose();
      const V = model.config.vocabSize;
      for (let b = 0; b < n; b++) {
        // Finished rows keep stepping (the batch stays rectangular) but their tokens are dropped.
        const row = logits.subarray(b * V, (b + 1) * V);
        const id = pickToken(row, s, rng);
        sequences[b].push(id);
        pending[b] = [id];
        if (finished[b]) continue;
        tokens[b].push(id);
        probs[b].push(probabilityOf(row, id));
        if (stopAtEos && id === EOS) finished[b] = true;
      }
      yield { tokens: tokens.map((x) => x.slice()), finished: finished.slice(), probs: probs.map((x) => x.slice()) };
      if (finished.every(Boolean)) break;
    }
  } finally {
    disposeKV(kv);
  }
}

/** All samples at once, as token ids (EOS excluded). */
export async function sample(model: LanguageModel, context: number[], n: number, s: SampleSettings): Promise<number[][]> {
  let last: SampleStep = { tokens: Array.from({ length: n }, () => []), finished: [], probs: [] };
  for await (const stepOut of sampleStream(model, context, n, s)) last = stepOut;
  return last.tokens.map((ids) => ids.filter((id) => id !== EOS));
}
