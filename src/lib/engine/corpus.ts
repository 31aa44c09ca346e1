// Text -> documents -> one token stream -> random training windows.
import { BOS, EOS, type Tokenizer } from '../model/tokenizer';
import type { Rng } from '../util/rng';

/**
 * Splits prose into paragraphs: blank lines separate paragraphs, single line breaks inside a
 * paragraph are hard wraps and become spaces, runs of whitespace collapse. Empty results dropped.
 */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r/g, '')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
}

/** Each document as BOS, its tokens, EOS, all concatenated: the model learns where texts start and end. */
export function tokenizeDocuments(tokenizer: Tokenizer, docs: string[]): Int32Array {
  const ids: number[] = [];
  for (const doc of docs) ids.push(BOS, ...tokenizer.encode(doc), EOS);
  return Int32Array.from(ids);
}

/** Random windows of T + 1 tokens (inputs and shifted targets) from a token stream. */
export function sampleWindows(stream: Int32Array, batchSize: number, T: number, rng: Rng): number[][] {
  if (stream.length < T + 1) {
    throw new Error(`The corpus has ${stream.length} tokens, fewer than one training window of ${T + 1}`);
  }
  return Array.from({ length: batchSize }, () => {
    const start = rng.int(stream.length - T);
    return Array.from(stream.subarray(start, start + T + 1));
  });
}

/** Consecutive, non-overlapping windows covering the stream once (for held-out evaluation). */
export function evaluationWindows(stream: Int32Array, T: number, maxWindows = Infinity): number[][] {
  const out: number[][] = [];
  for (let start = 0; start + T + 1 <= stream.length && out.length < maxWindows; start += T) {
    out.push(Array.from(stream.subarray(start, start + T + 1)));
  }
  return out;
}
