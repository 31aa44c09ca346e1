// Character-level tokenizer with a UTF-8 byte fallback.
//
// Why characters: the models are tiny (a few hundred thousand parameters) and train for minutes,
// so a small vocabulary keeps the embedding and the output layer cheap, needs no tokenizer
// training, and lets one fixed tokenizer serve every checkpoint and any corpus a user pastes.
// Why the byte fallback: any text a person can type round-trips exactly; characters outside the
// alphabet (accents, emoji, curly quotes) become their UTF-8 bytes instead of an UNK token.

import { N_SPECIAL, SPECIAL_TOKEN_NAMES } from './special-tokens';
import type { Tokenizer } from './tokenizer';

const N_BYTES = 256;

/** Printable ASCII and the newline: the alphabet of the bundled corpus and of typed English. */
export const DEFAULT_ALPHABET =
  '\n' + Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

export interface CharTokenizerSpec {
  kind: 'char-bytes';
  alphabet: string;
}

export class CharTokenizer implements Tokenizer {
  readonly spec: CharTokenizerSpec;
  readonly vocabSize: number;
  private readonly charToId = new Map<string, number>();
  private readonly idToChar: string[];
  private readonly firstByteId: number;
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder('utf-8', { fatal: false });

  constructor(spec: CharTokenizerSpec = { kind: 'char-bytes', alphabet: DEFAULT_ALPHABET }) {
    if (spec.kind !== 'char-bytes') throw new Error(`Unknown tokenizer kind "${spec.kind}"`);
    const chars = Array.from(spec.alphabet);
    if (new Set(chars).size !== chars.length) throw new Error('Tokenizer alphabet has repeated characters');
    this.spec = { kind: spec.kind, alphabet: spec.alphabet };
    this.idToChar = chars;
    chars.forEach((ch, i) => this.charToId.set(ch, N_SPECIAL + i));
    this.firstByteId = N_SPECIAL + chars.length;
    this.vocabSize = this.firstByteId + N_BYTES;
  }

  encode(text: string): number[] {
    const ids: number[] = [];
    for (const ch of text) {
      const id = this.charToId.get(ch);
      if (id !== undefined) {
        ids.push(id);
      } else {
        for (const byte of this.encoder.encode(ch)) ids.push(this.firstByteId + byte);
      }
    }
    return ids;
  }

  /** Text of the ids; special tokens are dropped, byte runs are decoded as UTF-8. */
  decode(ids: ArrayLike<number>): string {
    let out = '';
    let bytes: number[] = [];
    const flush = () => {
      if (bytes.length) out += this.decoder.decode(new Uint8Array(bytes));
      bytes = [];
    };
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (id >= this.firstByteId && id < this.vocabSize) {
        bytes.push(id - this.firstByteId);
        continue;
      }
      flush();
      if (id >= N_SPECIAL && id < this.firstByteId) out += this.idToChar[id - N_SPECIAL];
    }
    flush();
    return out;
  }

  tokenText(id: number): string {
    if (id < N_SPECIAL) return SPECIAL_TOKEN_NAMES[id] ?? '';
    if (id < this.firstByteId) return this.idToChar[id - N_SPECIAL];
    return `<0x${(id - this.firstByteId).toString(16).toUpperCase().padStart(2, '0')}>`;
  }
}
