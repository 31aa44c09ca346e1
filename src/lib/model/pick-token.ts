// Choosing the next token from logits, in plain JS with a seeded generator: tf.multinomial is
// broken on webgpu and correlated on cpu here (shared notes), and a seed must reproduce text.
import type { Rng } from '../util/rng';

export interface DecodingSettings {
  /** 0 means greedy (argmax). */
  temperature: number;
  /** Keep only the k most likely tokens; 0 keeps all. */
  topK: number;
  /** Keep the smallest set of tokens whose probability reaches p; 1 keeps all. */
  topP: number;
}

/** Probabilities after temperature, top-k and top-p (zeros for removed tokens). */
export function decodingProbabilities(logits: ArrayLike<number>, s: DecodingSettings): Float64Array {
  const V = logits.length;
  const probs = new Float64Array(V);
  if (s.temperature <= 0) {
    let best = 0;
    for (let i = 1; i < V; i++) if (logits[i] > logits[best]) best = i;
    probs[best] = 1;
    return probs;
  }
  let max = -Infinity;
  for (let i = 0; i < V; i++) max = Math.max(max, logits[i]);
  let sum = 0;
  for (let i = 0; i < V; i++) sum += probs[i] = Math.exp((logits[i] - max) / s.temperature);
  for (let i = 0; i < V; i++) probs[i] /= sum;
  if ((s.topK > 0 && s.topK < V) || s.topP < 1) {
    const order = Array.from({ length: V }, (_, i) => i).sort((a, b) => probs[b] - probs[a]);
    const keep = s.topK > 0 ? Math.min(s.topK, V) : V;
    let cumulative = 0;
    let kept = 0;
    for (; kept < keep; kept++) {
      if (kept > 0 && cumulative >= s.topP) break;
      cumulative += probs[order[kept]];
    }
    for (let r = kept; r < V; r++) probs[order[r]] = 0;
    for (let r = 0; r < kept; r++) probs[order[r]] /= cumulative;
  }
  return probs;
}

export function pickToken(logits: ArrayLike<number>, s: DecodingSettings, rng: Rng): number {
  const probs = decodingProbabilities(logits, s);
  const u = rng.next();
  let cumulative = 0;
  let last = 0;
  for (let i = 0; i < probs.length; i++) {
    if (probs[i] === 0) continue;
    cumulative += probs[i];
    last = i;
    if (u < cumulative) return i;
  }
  return last; // rounding left u above the total
}
