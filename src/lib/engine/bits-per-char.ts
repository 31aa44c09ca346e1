// Bits per character of a text under a model: the figure that compares models with different
// tokenizers (a token's loss depends on how much text it covers; a character's does not).
// Each document is BOS, its tokens, EOS (EOS stands for the line break between documents); the
// model's context slides over the whole stream with a stride of half its length, so every token is
// predicted once, all but the first window's with at least half a context of history. Total
// nats of every predicted token, over the characters of the text, in bits.
import * as tf from '@tensorflow/tfjs';
import type { LanguageModel } from '../model/language-model';
import { tokenLogProbs } from '../model/logprobs';
import { tokenizeDocuments } from './corpus';

export interface BitsPerChar {
  bitsPerChar: number;
  /** Characters scored: the documents' characters plus one line break each. */
  chars: number;
  /** Tokens predicted (every token after the first BOS). */
  tokens: number;
}

/** Windows (start, first scored position) covering every token of a stream of n once. */
export function slidingWindows(n: number, T: number): Array<{ start: number; from: number }> {
  const stride = Math.max(1, Math.floor(T / 2));
  const out: Array<{ start: number; from: number }> = [];
  // A window of T + 1 ids predicts positions start+1 .. start+T; score those after what is scored.
  let scored = 0; // tokens 1..scored are done
  for (let start = 0; scored < n - 1; start += stride) {
    const end = Math.min(start + T, n - 1);
    out.push({ start, from: scored - start }); // index into the window's T predictions
    scored = end;
    if (end === n - 1) break;
  }
  return out;
}

export async function bitsPerChar(model: LanguageModel, documents: string[], batchSize = 16, onProgress?: (done: number, total: number) => void): Promise<BitsPerChar> {
  const stream = tokenizeDocuments(model.tokenizer, documents);
  const chars = documents.reduce((n, d) => n + d.length + 1, 0);
  const T = model.config.blockSize;
  const windows = slidingWindows(stream.length, T);
  let nats = 0;
  let tokens = 0;
  for (let i = 0; i < windows.length; i += batchSize) {
    const batch = windows.slice(i, i + batchSize);
    // Windows are padded to T + 1 with EOS; padded positions are never scored.
    const len = Math.min(T + 1, stream.length);
    const ids = batch.map(({ start }) => Array.from({ length: len }, (_, t) => stream[Math.min(start + t, stream.length - 1)]));
    const mask = batch.map(({ start, from }) => Array.from({ length: len - 1 }, (_, t) => (t >= from && start + t + 1 < stream.length ? 1 : 0)));
    const sum = tf.tidy(() => tokenLogProbs(model.config, model.params, tf.tensor2d(ids, undefined, 'int32')).mul(tf.tensor2d(mask)).sum().neg());
    nats += (await sum.data())[0];
    sum.dispose();
    tokens += mask.flat().reduce((a: number, b) => a + b, 0);
    onProgress?.(Math.min(i + batchSize, windows.length), windows.length);
  }
  return { bitsPerChar: nats / chars / Math.LN2, chars, tokens };
}
