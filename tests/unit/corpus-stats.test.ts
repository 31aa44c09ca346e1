// Corpus statistics on texts small enough to count by hand.
import { describe, expect, it } from 'vitest';
import { corpusStats, firstWords, sentencesOf, wordsIn } from '../../src/lib/storyworld/corpus-stats';

describe('corpus statistics', () => {
  it('splits sentences after end marks and closing quotes', () => {
    expect(sentencesOf('Tom ran. "Stop!" said Mia. Was it fun? Yes')).toEqual(['Tom ran.', '"Stop!" said Mia.', 'Was it fun?', 'Yes']);
    expect(wordsIn("Tom's dog can't run.")).toEqual(["tom's", 'dog', "can't", 'run']);
  });

  it('counts documents, sentences, words and 4-grams as worked by hand', () => {
    // Doc 1: "the cat sat down. the cat sat down." -> 8 words, 5 4-grams of which 4 distinct
    // ("the cat sat down", "cat sat down the", "sat down the cat", "down the cat sat").
    // Doc 2 repeats doc 1. Doc 3: "a dog ran." -> 3 words, no 4-gram.
    const s = corpusStats(['The cat sat down. The cat sat down.', 'The cat sat down. The cat sat down.', 'A dog ran.']);
    expect(s).toMatchObject({ documents: 3, distinctDocuments: 2, sentences: 5, distinctSentences: 2, words: 19, distinctWords: 7 });
    expect(s.distinct4gramsPer1000Words).toBeCloseTo((1000 * 4) / 19, 10);
    expect(s.meanWordsPerDocument).toBeCloseTo(19 / 3, 10);
  });

  it('takes the first documents up to a word count', () => {
    expect(firstWords(['a b c', 'd e', 'f'], 4)).toEqual(['a b c', 'd e']);
  });
});
