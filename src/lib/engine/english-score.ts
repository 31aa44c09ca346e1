// How English a model's samples are: the fraction of generated words found in a word list.
// The list is passed in (the CLI reads it from the word-list package), so this stays pure.

/** Words of a text: runs of letters (with inner apostrophes), lower-cased. */
export function wordsOf(text: string): string[] {
  return (text.match(/[A-Za-z]+(?:'[A-Za-z]+)*/g) ?? []).map((w) => w.toLowerCase());
}

export function dictionaryWordFraction(texts: string[], dictionary: Set<string>): { fraction: number; words: number } {
  let words = 0;
  let known = 0;
  for (const text of texts) {
    for (const w of wordsOf(text)) {
      words++;
      // Possessives and contractions: "bear's" counts when "bear" is a word.
      if (dictionary.has(w) || dictionary.has(w.replace(/'[a-z]+$/, ''))) known++;
    }
  }
  return { fraction: words ? known / words : 0, words };
}
