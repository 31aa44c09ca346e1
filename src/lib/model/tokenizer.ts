// What the model code needs of a tokenizer, and the two kinds a checkpoint can hold:
// - 'bpe': byte-level BPE as GPT-2 does it (bpe-tokenizer.ts), trained on the corpus; the starter's.
// - 'char-bytes': one token per printable ASCII character with a UTF-8 byte fallback
//   (char-tokenizer.ts); the starter's until format version 2, and still loaded.
// Both reserve ids 0, 1, 2 for PAD, BOS and EOS, so the model code never asks which kind it has.
import { BPETokenizer, type BPETokenizerSpec } from './bpe-tokenizer';
import { CharTokenizer, type CharTokenizerSpec } from './char-tokenizer';

export { BOS, EOS, N_SPECIAL, PAD, SPECIAL_TOKEN_NAMES } from './special-tokens';

export type TokenizerSpec = CharTokenizerSpec | BPETokenizerSpec;

export interface Tokenizer {
  readonly spec: TokenizerSpec;
  readonly vocabSize: number;
  encode(text: string): number[];
  /** Text of the ids; special tokens are dropped, byte runs decoded as UTF-8. */
  decode(ids: ArrayLike<number>): string;
  /** How one token reads on its own (special tokens by name), for the token view. */
  tokenText(id: number): string;
}

/** The tokenizer a spec describes; throws an Error naming the problem when the spec is corrupt. */
export function createTokenizer(spec: TokenizerSpec): Tokenizer {
  if (spec?.kind === 'char-bytes') return new CharTokenizer(spec);
  if (spec?.kind === 'bpe') return new BPETokenizer(spec);
  throw new Error(`Unknown tokenizer kind "${(spec as { kind?: unknown })?.kind}"`);
}

/** The character tokenizer with the default alphabet: for tests, micro models and old defaults. */
export function charTokenizer(): Tokenizer {
  return new CharTokenizer();
}

/** A tokenizer in words, for the UI. */
export function describeTokenizer(t: Tokenizer): string {
  return `${t.spec.kind === 'bpe' ? 'byte-level BPE' : 'characters + bytes'}, ${t.vocabSize.toLocaleString('en')} tokens`;
}
