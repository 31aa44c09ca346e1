import { describe, expect, it } from 'vitest';
import { evaluationWindows, sampleWindows, splitParagraphs, tokenizeDocuments } from '../../src/lib/engine/corpus';
import { dictionaryWordFraction, wordsOf } from '../../src/lib/engine/english-score';
import { corpusDocuments, trainedFurtherName } from '../../src/lib/engine/pretraining';
import { BOS, EOS, charTokenizer } from '../../src/lib/model/tokenizer';
import { makeRng } from '../../src/lib/util/rng';

describe('corpus', () => {
  it('joins hard-wrapped lines and splits on blank lines', () => {
    expect(splitParagraphs('One two\nthree.\r\n\r\n  Four\n\n\n five  six ')).toEqual(['One two three.', 'Four', 'five six']);
  });

  it('reads one document per line when there are no blank lines', () => {
    expect(corpusDocuments('first line\nsecond line\n')).toEqual(['first line', 'second line']);
    expect(corpusDocuments('a wrapped\nparagraph\n\nnext')).toEqual(['a wrapped paragraph', 'next']);
  });

  it('wraps each document in BOS ... EOS', () => {
    const tok = charTokenizer();
    expect(Array.from(tokenizeDocuments(tok, ['ab', 'c']))).toEqual([BOS, ...tok.encode('ab'), EOS, BOS, ...tok.encode('c'), EOS]);
  });

  it('samples windows of T + 1 consecutive tokens', () => {
    const stream = Int32Array.from({ length: 100 }, (_, i) => i);
    for (const w of sampleWindows(stream, 8, 10, makeRng(1))) {
      expect(w).toHaveLength(11);
      w.forEach((x, i) => i > 0 && expect(x).toBe(w[i - 1] + 1));
    }
  });

  it('explains when the corpus is shorter than one window', () => {
    expect(() => sampleWindows(Int32Array.from([1, 2, 3]), 1, 10, makeRng(1))).toThrow(/3 tokens, fewer than one training window of 11/);
  });

  it('covers the stream with non-overlapping evaluation windows', () => {
    const windows = evaluationWindows(Int32Array.from({ length: 25 }, (_, i) => i), 8);
    expect(windows.map((w) => w[0])).toEqual([0, 8, 16]);
  });
});

describe('english score', () => {
  it('splits words and keeps inner apostrophes', () => {
    expect(wordsOf("The bear's den -- isn't it?")).toEqual(['the', "bear's", 'den', "isn't", 'it']);
  });

  it('counts dictionary words, possessives included', () => {
    const dict = new Set(['the', 'bear', 'den']);
    expect(dictionaryWordFraction(["The bear's den zzq"], dict)).toEqual({ fraction: 0.75, words: 4 });
  });
});

describe('a model pretrained further', () => {
  it('is named for it, the suffix once however often it is continued', () => {
    expect(trainedFurtherName('Starter model')).toBe('Starter model + pretraining');
    expect(trainedFurtherName(trainedFurtherName('Starter model'))).toBe('Starter model + pretraining');
    expect(trainedFurtherName('Starter model + SFT')).toBe('Starter model + SFT + pretraining');
  });
});
