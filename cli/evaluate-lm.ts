// Held-out bits per character and the dictionary-word fraction of samples: the starter model's report.
import { dictionaryWordFraction } from '../src/lib/engine/english-score';
import { Pretraining } from '../src/lib/engine/pretraining';
import type { LanguageModel } from '../src/lib/model/language-model';
import { promptContext, sample } from '../src/lib/model/sample';
import { readCorpus, readDictionary, readPrompts } from './files';

export interface LMReport {
  heldout_bits_per_char: number;
  dictionary_word_fraction: number;
  words_scored: number;
  samples: number;
}

export async function evaluateLM(model: LanguageModel, pretraining: Pretraining, nSamples = 50, chars = 200): Promise<{ report: LMReport; examples: string[] }> {
  const nats = await pretraining.heldoutLoss(readCorpus('heldout'), 512);
  const prompts = readPrompts();
  const texts: string[] = [];
  for (let i = 0; i < nSamples; i += 10) {
    const prompt = prompts[i % prompts.length];
    // Samples run through EOS into a fresh paragraph: 200 characters of text, as the issue asks.
    const ids = await sample(model, promptContext(model, prompt), Math.min(10, nSamples - i), {
      maxTokens: chars, temperature: 0.8, topK: 0, topP: 1, seed: 1000 + i, stopAtEos: false,
    });
    texts.push(...ids.map((x) => model.tokenizer.decode(x)));
  }
  const { fraction, words } = dictionaryWordFraction(texts, readDictionary());
  return {
    report: { heldout_bits_per_char: nats / Math.LN2, dictionary_word_fraction: fraction, words_scored: words, samples: texts.length },
    examples: texts.slice(0, 5),
  };
}
