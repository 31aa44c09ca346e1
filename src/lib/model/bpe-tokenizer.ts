// Byte-level BPE, as GPT-2 does it: text is split into words by GPT-2's pattern, each word's UTF-8
// bytes start as one token each, and the merge list, in order of rank, joins adjacent pairs. Any
// text round-trips exactly (every byte is a token), so there is no unknown token.
//
// The spec is GPT-2's two files in one object: `vocab` is vocab.json (token string -> id, bytes
// written through GPT-2's byte-to-unicode map) and `merges` is merges.txt (one "left right" line per
// merge, in rank order). Ids 0-2 are PAD, BOS and EOS (special-tokens.ts), 3-258 the 256 bytes, and
// each merge adds the next id. Training lives in bpe-training.ts.
import { bytesToTokenString, tokenStringToBytes } from './byte-unicode';
import { N_SPECIAL, SPECIAL_TOKEN_NAMES } from './special-tokens';
import type { Tokenizer } from './tokenizer';

export interface BPETokenizerSpec {
  kind: 'bpe';
  /** vocab.json: token string -> id. */
  vocab: Record<string, number>;
  /** merges.txt: "left right" per merge, highest priority first. */
  merges: string[];
}

/** GPT-2's pre-tokenizer: contractions, words with their leading space, numbers, punctuation runs, spaces. */
export const GPT2_SPLIT = /'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;

export const FIRST_BYTE_ID = N_SPECIAL;
export const N_BYTES = 256;
/** Pairs are keyed by one number: ids stay below 2^20 (the checkpoint caps vocabularies at 65,536). */
const PAIR_BASE = 1_048_576;
export const pairKey = (a: number, b: number) => a * PAIR_BASE + b;
/** The two ids of a pair key. */
export const pairOf = (key: number): [number, number] => [Math.floor(key / PAIR_BASE), key % PAIR_BASE];

export class BPETokenizer implements Tokenizer {
  readonly spec: BPETokenizerSpec;
  readonly vocabSize: number;
  /** Bytes of each id (empty for the special ids). */
  private readonly idBytes: Uint8Array[];
  /** pair key -> [rank, merged id]. */
  private readonly ranks = new Map<number, [number, number]>();
  private readonly cache = new Map<string, number[]>();
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder('utf-8', { fatal: false });

  /** Checks the spec whole; throws an Error naming the first problem. */
  constructor(spec: BPETokenizerSpec) {
    if (spec?.kind !== 'bpe') throw new Error('Not a BPE tokenizer spec');
    if (typeof spec.vocab !== 'object' || spec.vocab === null || Array.isArray(spec.vocab)) throw new Error('The BPE vocabulary is not an object of token -> id');
    if (!Array.isArray(spec.merges)) throw new Error('The BPE merge list is not a list');
    const entries = Object.entries(spec.vocab);
    const n = entries.length;
    const byId: string[] = new Array(n);
    for (const [token, id] of entries) {
      if (!Number.isInteger(id) || id < 0 || id >= n) throw new Error(`The BPE vocabulary gives "${token}" the id ${id}, outside 0..${n - 1}`);
      if (byId[id] !== undefined) throw new Error(`The BPE vocabulary gives the id ${id} twice ("${byId[id]}" and "${token}")`);
      byId[id] = token;
    }
    SPECIAL_TOKEN_NAMES.forEach((name, id) => {
      if (byId[id] !== name) throw new Error(`The BPE vocabulary must give id ${id} to ${name}`);
    });
    this.idBytes = new Array(n);
    for (let id = 0; id < N_SPECIAL; id++) this.idBytes[id] = new Uint8Array(0);
    for (let b = 0; b < N_BYTES; b++) {
      const token = bytesToTokenString([b]);
      if (spec.vocab[token] !== FIRST_BYTE_ID + b) throw new Error(`The BPE vocabulary must give byte ${b} ("${token}") the id ${FIRST_BYTE_ID + b}`);
      this.idBytes[FIRST_BYTE_ID + b] = Uint8Array.of(b);
    }
    const expected = N_SPECIAL + N_BYTES + spec.merges.length;
    if (n !== expected) throw new Error(`The BPE vocabulary has ${n} tokens, but ${spec.merges.length} merges make ${expected}`);
    spec.merges.forEach((line, rank) => {
      const parts = typeof line === 'string' ? line.split(' ') : [];
      if (parts.length !== 2 || !parts[0] || !parts[1]) throw new Error(`BPE merge ${rank + 1} is not "left right": ${JSON.stringify(line)}`);
      const [left, right] = parts;
      const a = spec.vocab[left];
      const b = spec.vocab[right];
      if (a === undefined || a < N_SPECIAL || !Object.hasOwn(spec.vocab, left)) throw new Error(`BPE merge ${rank + 1} names the unknown token "${left}"`);
      if (b === undefined || b < N_SPECIAL || !Object.hasOwn(spec.vocab, right)) throw new Error(`BPE merge ${rank + 1} names the unknown token "${right}"`);
      const merged = left + right;
      const id = spec.vocab[merged];
      if (!Object.hasOwn(spec.vocab, merged)) throw new Error(`BPE merge ${rank + 1} makes "${merged}", which is not in the vocabulary`);
      if (id !== N_SPECIAL + N_BYTES + rank) throw new Error(`BPE merge ${rank + 1} makes "${merged}" with id ${id}; expected ${N_SPECIAL + N_BYTES + rank}`);
      const key = pairKey(a, b);
      if (this.ranks.has(key)) throw new Error(`BPE merge ${rank + 1} repeats "${line}"`);
      this.ranks.set(key, [rank, id]);
      const bytes = tokenStringToBytes(merged);
      if (!bytes) throw new Error(`BPE token "${merged}" has a character that stands for no byte`);
      this.idBytes[id] = Uint8Array.from(bytes);
    });
    this.spec = { kind: 'bpe', vocab: spec.vocab, merges: spec.merges };
    this.vocabSize = n;
  }

  encode(text: string): number[] {
    const out: number[] = [];
    for (const match of text.matchAll(GPT2_SPLIT)) {
      const word = match[0];
      let ids = this.cache.get(word);
      if (!ids) {
        ids = this.encodeWord(word);
        if (this.cache.size < 200_000) this.cache.set(word, ids);
      }
      for (const id of ids) out.push(id);
    }
    return out;
  }

  /** One pre-token: its bytes, then the lowest-ranked adjacent pair merged until none is left. */
  private encodeWord(word: string): number[] {
    const bytes = this.encoder.encode(word);
    let ids = Array.from(bytes, (b) => FIRST_BYTE_ID + b);
    while (ids.length > 1) {
      let best = Infinity;
      let bestId = -1;
      for (let i = 0; i + 1 < ids.length; i++) {
        const r = this.ranks.get(pairKey(ids[i], ids[i + 1]));
        if (r && r[0] < best) { best = r[0]; bestId = r[1]; }
      }
      if (bestId < 0) break;
      const next: number[] = [];
      for (let i = 0; i < ids.length; i++) {
        const r = i + 1 < ids.length ? this.ranks.get(pairKey(ids[i], ids[i + 1])) : undefined;
        if (r && r[1] === bestId) { next.push(bestId); i++; } else next.push(ids[i]);
      }
      ids = next;
    }
    return ids;
  }

  decode(ids: ArrayLike<number>): string {
    let total = 0;
    for (let i = 0; i < ids.length; i++) total += this.idBytes[ids[i]]?.length ?? 0;
    const bytes = new Uint8Array(total);
    let at = 0;
    for (let i = 0; i < ids.length; i++) {
      const b = this.idBytes[ids[i]];
      if (b) { bytes.set(b, at); at += b.length; }
    }
    return this.decoder.decode(bytes);
  }

  tokenText(id: number): string {
    if (id >= 0 && id < N_SPECIAL) return SPECIAL_TOKEN_NAMES[id];
    return this.idBytes[id] ? this.decoder.decode(this.idBytes[id]) : '';
  }
}
