// The starter model's report: held-out bits per character (every character of
// public/corpus/heldout.txt counted once) and the dictionary-word fraction of 200-character samples.
import { bitsPerChar } from '../src/lib/engine/bits-per-char';
import { dictionaryWordFraction } from '../src/lib/engine/english-score';
import { corpusDocuments } from '../src/lib/engine/pretraining';
import type { LanguageModel } from '../src/lib/model/language-model';
import { promptContext, sample } from '../src/lib/model/sample';
import { storyWorldHeldoutText } from '../src/lib/engine/story-world-windows';
import { storyOpenings } from '../src/lib/storyworld/story-openings';
import { readCorpus, readDictionary, readPrompts } from './files';

/** What a model is measured on: held-out documents and the prompts its samples start from. */
export interface EvaluationText {
  heldout: string[];
  prompts: string[];
}

/** The bundled books' held-out paragraphs and prompts (the classic starter's measure). */
export const booksEvaluation = (): EvaluationText => ({ heldout: corpusDocuments(readCorpus('heldout')), prompts: readPrompts('classic') });

/** Held-out stories of the world (500 unless told) and openings of held-out stories beside hand-written ones. */
export const storyWorldEvaluation = (worldSeed: number, stories = 500): EvaluationText => ({
  heldout: corpusDocuments(storyWorldHeldoutText(worldSeed, stories)),
  prompts: storyOpenings(worldSeed, 50),
});

export interface LMReport {
  heldout_bits_per_char: number;
  dictionary_word_fraction: number;
  words_scored: number;
  samples: number;
}

/** The first `chars` characters of a text, less a word the cut splits (it would not be a word). */
export function firstChars(text: string, chars: number): string {
  if (text.length <= chars) return text;
  const cut = text.slice(0, chars);
  return /[A-Za-z']/.test(text[chars]) ? cut.replace(/[A-Za-z']+$/, '') : cut;
}

/** nSamples completions of held-out prompts at temperature 0.8, seeded, each cut to `chars` characters. */
export async function englishSamples(model: LanguageModel, nSamples = 50, chars = 200, prompts = readPrompts('classic')): Promise<string[]> {
  const texts: string[] = [];
  // Tokens enough for `chars` characters whatever the tokenizer (a subword token is several).
  const charsPerToken = model.tokenizer.spec.kind === 'bpe' ? 2 : 1;
  for (let i = 0; i < nSamples; i += 10) {
    const prompt = prompts[i % prompts.length];
    // Samples run through EOS into a fresh paragraph: `chars` characters of text.
    const ids = await sample(model, promptContext(model, prompt), Math.min(10, nSamples - i), {
      maxTokens: Math.ceil(chars / charsPerToken), temperature: 0.8, topK: 0, topP: 1, seed: 1000 + i, stopAtEos: false,
    });
    texts.push(...ids.map((x) => firstChars(model.tokenizer.decode(x), chars)));
  }
  return texts;
}

export async function evaluateLM(model: LanguageModel, nSamples = 50, chars = 200, on: EvaluationText = booksEvaluation()): Promise<{ report: LMReport; examples: string[] }> {
  const { bitsPerChar: bpc } = await bitsPerChar(model, on.heldout);
  const texts = await englishSamples(model, nSamples, chars, on.prompts);
  const { fraction, words } = dictionaryWordFraction(texts, readDictionary());
  return {
    report: { heldout_bits_per_char: bpc, dictionary_word_fraction: fraction, words_scored: words, samples: texts.length },
    examples: texts.slice(0, 10),
  };
}
