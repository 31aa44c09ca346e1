// How much of a text is copied from a body of training text: the longest run of words the two
// share. Found by word-level rolling hashes at a ladder of lengths (a run of L words shared means
// some L-gram of the text is an L-gram of the training text), so 100,000 stories can be searched.
import { wordsIn } from './corpus-stats';

const P1 = 67108859; // primes below 2^26: two hashes make a 52-bit key
const P2 = 67108837;
const BASE = 1000003;

/** Word ids of each document, sharing one vocabulary. */
export function toWordIds(docs: readonly string[], vocab = new Map<string, number>()): Int32Array[] {
  return docs.map((d) => Int32Array.from(wordsIn(d), (w) => {
    let id = vocab.get(w);
    if (id === undefined) vocab.set(w, (id = vocab.size + 1));
    return id;
  }));
}

/** Each L-gram's 52-bit hash, for every document, through `visit`. */
function forEachGram(docs: readonly Int32Array[], L: number, visit: (key: number, doc: number) => void): void {
  let pow1 = 1;
  let pow2 = 1;
  for (let i = 1; i < L; i++) {
    pow1 = (pow1 * BASE) % P1;
    pow2 = (pow2 * BASE) % P2;
  }
  docs.forEach((ids, d) => {
    let h1 = 0;
    let h2 = 0;
    for (let i = 0; i < ids.length; i++) {
      if (i >= L) {
        h1 = (h1 - ((ids[i - L] * pow1) % P1) + P1) % P1;
        h2 = (h2 - ((ids[i - L] * pow2) % P2) + P2) % P2;
      }
      h1 = (h1 * BASE + ids[i]) % P1;
      h2 = (h2 * BASE + ids[i]) % P2;
      if (i >= L - 1) visit(h1 * 2 ** 26 + h2, d);
    }
  });
}

/**
 * For each text, the longest length on the ladder (in words) of a run it shares with the training
 * documents (0 when not even the shortest). Runs never cross a document boundary.
 */
export function longestSharedRun(texts: readonly string[], training: readonly string[], ladder = [4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128]): number[] {
  const vocab = new Map<string, number>();
  const trainIds = toWordIds(training, vocab);
  const textIds = toWordIds(texts, vocab);
  const best = texts.map(() => 0);
  for (const L of ladder) {
    const grams = new Set<number>();
    forEachGram(trainIds, L, (key) => grams.add(key));
    let any = false;
    forEachGram(textIds, L, (key, d) => {
      if (grams.has(key)) {
        best[d] = L;
        any = true;
      }
    });
    if (!any) break; // no text shares a run this long, so none shares a longer one
  }
  return best;
}
