import { describe, expect, it } from 'vitest';
import { BOS, EOS, PAD, charTokenizer, createTokenizer } from '../../src/lib/model/tokenizer';

describe('Tokenizer', () => {
  const tok = charTokenizer();

  it('has 3 specials, 96 characters and 256 bytes', () => {
    expect(tok.vocabSize).toBe(3 + 96 + 256);
  });

  it.each([
    ['plain prose', 'Once there was a little yellow Tulip.'],
    ['newlines and tabs', 'line one\nline two\tafter a tab'],
    ['accents and curly quotes', 'Café “déjà vu” — naïve'],
    ['emoji and CJK', 'I 💙 RLHF 强化学习'],
    ['empty', ''],
    ['control characters', '\u0000\u0007\u001b[0m'],
  ])('round-trips %s exactly', (_, text) => {
    expect(tok.decode(tok.encode(text))).toBe(text);
  });

  it('maps an ASCII character to one token and a non-ASCII one to its UTF-8 bytes', () => {
    expect(tok.encode('a')).toHaveLength(1);
    expect(tok.encode('é')).toHaveLength(2);
    expect(tok.encode('💙')).toHaveLength(4);
  });

  it('drops special tokens when decoding', () => {
    expect(tok.decode([BOS, ...tok.encode('hi'), EOS, PAD])).toBe('hi');
  });

  it('decodes a broken byte sequence to a replacement character instead of throwing', () => {
    const [firstByte] = tok.encode('é');
    expect(tok.decode([firstByte, ...tok.encode('x')])).toBe('\uFFFDx');
  });

  it('refuses an alphabet with repeated characters', () => {
    expect(() => createTokenizer({ kind: 'char-bytes', alphabet: 'aab' })).toThrow(/repeated/);
  });
});
