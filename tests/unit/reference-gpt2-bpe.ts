// GPT-2's BPE encoder as OpenAI's encoder.py writes it (bytes_to_unicode, get_pairs, bpe), in
// plain JS over a folder's vocab.json and merges.txt: an independent check of the ids our
// tokenizer gives, written without the app's tokenizer code.

function bytesToUnicode(): string[] {
  const bs: number[] = [];
  for (let b = '!'.charCodeAt(0); b <= '~'.charCodeAt(0); b++) bs.push(b);
  for (let b = 0xa1; b <= 0xac; b++) bs.push(b);
  for (let b = 0xae; b <= 0xff; b++) bs.push(b);
  const cs = bs.slice();
  let n = 0;
  for (let b = 0; b < 256; b++) {
    if (!bs.includes(b)) {
      bs.push(b);
      cs.push(256 + n++);
    }
  }
  const out: string[] = new Array(256);
  bs.forEach((b, i) => { out[b] = String.fromCharCode(cs[i]); });
  return out;
}

/** GPT-2's byte -> character table, in the order GPT-2 numbers its 256 byte tokens. */
export const GPT2_BYTE_ORDER: number[] = (() => {
  const chars = bytesToUnicode();
  return Array.from({ length: 256 }, (_, b) => b).sort((a, b) => chars[a].charCodeAt(0) - chars[b].charCodeAt(0));
})();

const PATTERN = /'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;

export function referenceBpeEncoder(vocabJson: string, mergesTxt: string): (text: string) => number[] {
  const encoder: Record<string, number> = JSON.parse(vocabJson);
  const lines = mergesTxt.split('\n').slice(1, -1); // as encoder.py: drop the version line and the last
  const ranks = new Map(lines.map((l, i) => [l, i]));
  const byteEncoder = bytesToUnicode();

  const bpe = (token: string): string[] => {
    let word = [...token];
    while (word.length > 1) {
      let best: string | undefined;
      let bestRank = Infinity;
      for (let i = 0; i + 1 < word.length; i++) {
        const r = ranks.get(`${word[i]} ${word[i + 1]}`);
        if (r !== undefined && r < bestRank) { bestRank = r; best = `${word[i]} ${word[i + 1]}`; }
      }
      if (best === undefined) break;
      const [first, second] = best.split(' ');
      const next: string[] = [];
      for (let i = 0; i < word.length; i++) {
        if (i + 1 < word.length && word[i] === first && word[i + 1] === second) { next.push(first + second); i++; } else next.push(word[i]);
      }
      word = next;
    }
    return word;
  };

  return (text) => {
    const ids: number[] = [];
    for (const m of text.matchAll(PATTERN)) {
      const token = Array.from(new TextEncoder().encode(m[0]), (b) => byteEncoder[b]).join('');
      for (const piece of bpe(token)) {
        const id = encoder[piece];
        if (id === undefined) throw new Error(`reference BPE: "${piece}" is not in vocab.json`);
        ids.push(id);
      }
    }
    return ids;
  };
}
