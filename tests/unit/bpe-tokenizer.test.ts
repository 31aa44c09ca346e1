import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BYTE_TO_CHAR, tokenStringToBytes } from '../../src/lib/model/byte-unicode';
import { BPETokenizer, FIRST_BYTE_ID } from '../../src/lib/model/bpe-tokenizer';
import { trainBPE } from '../../src/lib/model/bpe-training';
import { BOS, EOS, PAD, createTokenizer } from '../../src/lib/model/tokenizer';

const corpus = readFileSync('public/corpus/heldout.txt', 'utf8').split('\n').filter(Boolean);

describe("GPT-2's byte-to-unicode map", () => {
  it('is a bijection onto 256 printable characters that keeps printable ASCII as itself', () => {
    expect(new Set(BYTE_TO_CHAR).size).toBe(256);
    expect(BYTE_TO_CHAR['A'.charCodeAt(0)]).toBe('A');
    expect(BYTE_TO_CHAR[32]).toBe('Ġ'); // GPT-2's space
    expect(BYTE_TO_CHAR[10]).toBe('Ċ'); // GPT-2's newline
    expect(tokenStringToBytes('ĠtheĊ')).toEqual([32, 116, 104, 101, 10]);
    expect(tokenStringToBytes('Ġ😀')).toBeNull();
  });
});

describe('trainBPE', () => {
  it('merges the most frequent pair first, by hand on a tiny corpus', () => {
    // Words: "aaab" x1 -> pairs (a,a) x2, (a,b) x1; "ab" x3 -> (a,b) x3. So (a,b) (4) wins, then nothing twice but (a,a)... once per word.
    const spec = trainBPE(['aaab ab ab ab'], 3 + 256 + 1);
    // " ab" is its own pre-token (GPT-2 keeps the leading space): pairs (Ġ,a) x3, (a,b) x4 in all.
    expect(spec.merges).toEqual(['a b']);
    expect(spec.vocab['ab']).toBe(259);
    const tok = new BPETokenizer(spec);
    expect(tok.encode('ab')).toEqual([259]);
    expect(tok.encode('aab')).toEqual([FIRST_BYTE_ID + 97, 259]);
  });

  it('is deterministic and gives the standard shape: specials, 256 bytes, one id per merge', () => {
    const a = trainBPE(corpus, 600);
    const b = trainBPE(corpus, 600);
    expect(a).toEqual(b);
    expect(Object.keys(a.vocab)).toHaveLength(600);
    expect(a.merges).toHaveLength(600 - 259);
    expect(a.vocab['<|pad|>']).toBe(PAD);
    expect(a.vocab['<|bos|>']).toBe(BOS);
    expect(a.vocab['<|endoftext|>']).toBe(EOS);
    expect(a.vocab['Ġthe']).toBeGreaterThan(258); // the commonest word of English is a token
  });

  it('reports its progress, ending at the last merge', () => {
    const seen: number[] = [];
    trainBPE(corpus, 400, (p) => { seen.push(p.merges); expect(p.totalMerges).toBe(141); });
    expect(seen[0]).toBe(1);
    expect(seen.at(-1)).toBe(141);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('stops early on a corpus with no repeated pair', () => {
    expect(trainBPE(['xyz'], 400).merges).toHaveLength(0);
  });
});

describe('BPETokenizer', () => {
  const tok = createTokenizer(trainBPE(corpus, 1024));

  it.each([
    ['plain prose', 'Once there was a little yellow Tulip.'],
    ['newlines, tabs and runs of spaces', 'line one\nline two\tafter a tab   and  spaces '],
    ['accents and curly quotes', 'Café “déjà vu” — naïve'],
    ['emoji and CJK', 'I 💙 RLHF 强化学习'],
    ['empty', ''],
    ['control characters', '\u0000\u0007\u001b[0m'],
    ['contractions and numbers', "It's 42, isn't it? We'll see 3.14."],
  ])('round-trips %s exactly, with no unknown token', (_, text) => {
    const ids = tok.encode(text);
    expect(ids.every((id) => id >= FIRST_BYTE_ID && id < tok.vocabSize)).toBe(true);
    expect(tok.decode(ids)).toBe(text);
  });

  it('round-trips the whole held-out text and compresses it well below one token per character', () => {
    const text = corpus.join('\n');
    const ids = tok.encode(text);
    expect(tok.decode(ids)).toBe(text);
    expect(text.length / ids.length).toBeGreaterThan(2.5);
  });

  it('drops special tokens when decoding and names them in the token view', () => {
    expect(tok.decode([BOS, ...tok.encode('hi'), EOS, PAD])).toBe('hi');
    expect(tok.tokenText(EOS)).toBe('<|endoftext|>');
    expect(tok.encode(' the').map((id) => tok.tokenText(id))).toEqual([' the']);
  });

  it('token texts concatenate to the text for ASCII', () => {
    const text = 'The little bear went home.';
    expect(tok.encode(text).map((id) => tok.tokenText(id)).join('')).toBe(text);
  });
});
