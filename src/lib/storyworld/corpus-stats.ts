// How varied a body of text is, measured the same way for the story world and for real books:
// distinct documents, sentences and words, distinct 4-grams per 1,000 words, mean lengths.

export interface CorpusStats {
  documents: number;
  distinctDocuments: number;
  sentences: number;
  distinctSentences: number;
  words: number;
  distinctWords: number;
  /** Distinct word 4-grams (within a document) per 1,000 words: repetition lowers it. */
  distinct4gramsPer1000Words: number;
  meanWordsPerDocument: number;
  meanSentencesPerDocument: number;
  characters: number;
}

/** Sentences of a text: split after . ! or ? (and a closing quote) where a capital or a quote follows. */
export const sentencesOf = (text: string): string[] => text.split(/(?<=[.!?]"?)\s+(?=[A-Z"])/).filter((s) => s.length > 0);

/** Lower-cased words (letters with inner apostrophes). */
export const wordsIn = (text: string): string[] => (text.match(/[A-Za-z]+(?:'[A-Za-z]+)*/g) ?? []).map((w) => w.toLowerCase());

export function corpusStats(documents: readonly string[]): CorpusStats {
  const distinctSentences = new Set<string>();
  const distinctWords = new Set<string>();
  const grams = new Set<string>();
  let sentences = 0;
  let words = 0;
  let characters = 0;
  for (const doc of documents) {
    characters += doc.length;
    for (const s of sentencesOf(doc)) {
      sentences++;
      distinctSentences.add(s);
    }
    const ws = wordsIn(doc);
    words += ws.length;
    for (const w of ws) distinctWords.add(w);
    for (let i = 0; i + 4 <= ws.length; i++) grams.add(`${ws[i]} ${ws[i + 1]} ${ws[i + 2]} ${ws[i + 3]}`);
  }
  const n = documents.length || 1;
  return {
    documents: documents.length,
    distinctDocuments: new Set(documents).size,
    sentences,
    distinctSentences: distinctSentences.size,
    words,
    distinctWords: distinctWords.size,
    distinct4gramsPer1000Words: words ? (1000 * grams.size) / words : 0,
    meanWordsPerDocument: words / n,
    meanSentencesPerDocument: sentences / n,
    characters,
  };
}

/** The first documents of a list holding at least `words` words (to compare corpora at one size). */
export function firstWords(documents: readonly string[], words: number): string[] {
  const out: string[] = [];
  let total = 0;
  for (const d of documents) {
    if (total >= words) break;
    out.push(d);
    total += wordsIn(d).length;
  }
  return out;
}
