// Trains a byte-level BPE vocabulary on a corpus (Sennrich et al. 2016; GPT-2's byte-level form):
// count the corpus's words (GPT-2's pre-tokenizer), start every word as its bytes, and repeatedly
// merge the most frequent adjacent pair, counted over all words weighted by how often each occurs.
// Pair counts are updated only for the words a merge touches, so a merge costs what it changes.
import { BYTE_TO_CHAR } from './byte-unicode';
import { FIRST_BYTE_ID, GPT2_SPLIT, N_BYTES, pairKey, pairOf, type BPETokenizerSpec } from './bpe-tokenizer';
import { N_SPECIAL, SPECIAL_TOKEN_NAMES } from './special-tokens';

export interface BPETrainingProgress {
  merges: number;
  totalMerges: number;
}

/** The sizes a user can ask for: at least one merge; at most what a tab's model can afford. */
export const MIN_BPE_VOCAB = N_SPECIAL + N_BYTES + 1;
export const MAX_BPE_VOCAB = 16_384;

/**
 * A vocabulary of `vocabSize` tokens (3 special + 256 bytes + merges) learnt from `documents`.
 * Deterministic: ties between equally frequent pairs go to the smaller pair of ids. Stops early
 * when no pair occurs twice (a tiny corpus), so the vocabulary may be smaller than asked.
 */
export function trainBPE(documents: Iterable<string>, vocabSize: number, onProgress?: (p: BPETrainingProgress) => void): BPETokenizerSpec {
  const base = N_SPECIAL + N_BYTES;
  if (!Number.isInteger(vocabSize) || vocabSize < base) throw new Error(`A BPE vocabulary needs at least ${base} tokens, but ${vocabSize} were asked for`);
  const totalMerges = vocabSize - base;

  const wordCounts = new Map<string, number>();
  for (const doc of documents) {
    for (const m of doc.matchAll(GPT2_SPLIT)) wordCounts.set(m[0], (wordCounts.get(m[0]) ?? 0) + 1);
  }
  const encoder = new TextEncoder();
  const words: number[][] = [];
  const counts: number[] = [];
  for (const [w, c] of wordCounts) {
    words.push(Array.from(encoder.encode(w), (b) => FIRST_BYTE_ID + b));
    counts.push(c);
  }

  const pairCount = new Map<number, number>();
  const pairWords = new Map<number, Set<number>>();
  const addPairs = (wi: number, sign: 1 | -1) => {
    const w = words[wi];
    for (let i = 0; i + 1 < w.length; i++) {
      const k = pairKey(w[i], w[i + 1]);
      const c = (pairCount.get(k) ?? 0) + sign * counts[wi];
      if (c > 0) pairCount.set(k, c); else pairCount.delete(k);
      if (sign > 0) {
        let s = pairWords.get(k);
        if (!s) pairWords.set(k, (s = new Set()));
        s.add(wi);
      }
    }
  };
  words.forEach((_, wi) => addPairs(wi, 1));

  const tokenStrings: string[] = [...SPECIAL_TOKEN_NAMES, ...BYTE_TO_CHAR];
  const known = new Set(tokenStrings);
  // Pairs whose joined bytes are a token already (made by another pair): GPT-2's files give each
  // token string one id, so such a pair is never merged.
  const banned = new Set<number>();
  const merges: string[] = [];
  for (let m = 0; m < totalMerges; m++) {
    let bestKey = -1;
    let bestCount = 1; // a pair seen once compresses nothing worth a token
    for (const [k, c] of pairCount) {
      if (banned.has(k)) continue;
      if (c > bestCount || (c === bestCount && bestKey >= 0 && k < bestKey)) { bestKey = k; bestCount = c; }
    }
    if (bestKey < 0) break;
    const [a, b] = pairOf(bestKey);
    const id = base + m;
    const joined = tokenStrings[a] + tokenStrings[b];
    if (known.has(joined)) { banned.add(bestKey); m--; continue; }
    known.add(joined);
    tokenStrings.push(joined);
    merges.push(`${tokenStrings[a]} ${tokenStrings[b]}`);
    for (const wi of pairWords.get(bestKey) ?? []) {
      const w = words[wi];
      let has = false;
      for (let i = 0; i + 1 < w.length; i++) if (w[i] === a && w[i + 1] === b) { has = true; break; }
      if (!has) continue;
      addPairs(wi, -1);
      const next: number[] = [];
      for (let i = 0; i < w.length; i++) {
        if (i + 1 < w.length && w[i] === a && w[i + 1] === b) { next.push(id); i++; } else next.push(w[i]);
      }
      words[wi] = next;
      addPairs(wi, 1);
    }
    pairCount.delete(bestKey);
    pairWords.delete(bestKey);
    if (onProgress && (m % 64 === 0 || m === totalMerges - 1)) onProgress({ merges: m + 1, totalMerges });
  }
  const vocab: Record<string, number> = {};
  tokenStrings.forEach((t, id) => { vocab[t] = id; });
  return { kind: 'bpe', vocab, merges };
}
