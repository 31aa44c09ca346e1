// Where a pretraining run's windows come from: a fixed token stream (a corpus file, pasted text)
// or a generator that writes text as training reads it (the story world). Either way a step's
// windows depend only on the rng it is handed, so a resumed run draws what it would have drawn.
import type { Rng } from '../util/rng';
import { sampleWindows } from './corpus';

export interface WindowSource {
  /** `batchSize` windows of T + 1 tokens (inputs and shifted targets). */
  windows(batchSize: number, T: number, rng: Rng): number[][];
  /** The tokens a text corpus holds, or null for a generator (for logs). */
  readonly tokenCount: number | null;
}

/** Random windows of a token stream held in memory. */
export function streamWindows(stream: Int32Array): WindowSource {
  return { windows: (batchSize, T, rng) => sampleWindows(stream, batchSize, T, rng), tokenCount: stream.length };
}

/** Each window from `a` with probability `shareA`, else from `b` (for a corpus mixed of two). */
export function mixedWindows(a: WindowSource, b: WindowSource, shareA: number): WindowSource {
  if (!(shareA >= 0 && shareA <= 1)) throw new Error(`Expected a share in 0..1, but got ${shareA}`);
  return {
    windows: (batchSize, T, rng) => Array.from({ length: batchSize }, () => (rng.next() < shareA ? a : b).windows(1, T, rng)[0]),
    tokenCount: null,
  };
}
