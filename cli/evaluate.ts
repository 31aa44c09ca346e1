// npm run evaluate -- --checkpoint <file|starter> --text <file> [--samples N]
// Bits per character of any text under a checkpoint: every character counted once, the model's
// context sliding over the text (src/lib/engine/bits-per-char.ts). Prints a line of progress, then
// as its last line {"bits_per_char", "chars", "tokens"}. Texts are read as the bundled corpus is:
// one document per line, or paragraphs split by blank lines. --samples N also prints N unedited
// samples of 200 characters (temperature 0.8, seed 1), one on each of N bundled held-out prompts
// spread over the list, and their dictionary-word fraction (the README's side-by-side samples).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bitsPerChar } from '../src/lib/engine/bits-per-char';
import { useNodeBackend } from '../src/lib/engine/node-backend';
import { corpusDocuments } from '../src/lib/engine/pretraining';
import { modelFromCheckpointBytes } from '../src/lib/model/checkpoint';
import { disposeLanguageModel } from '../src/lib/model/language-model';
import { parseFlags } from './args';
import { dictionaryWordFraction } from '../src/lib/engine/english-score';
import { promptContext, sample } from '../src/lib/model/sample';
import { firstChars } from './evaluate-lm';
import { readCheckpointFile, readDictionary, readPrompts } from './files';
import { runCli } from './run-cli';

runCli(async () => {
  const flags = parseFlags(process.argv.slice(2), { checkpoint: 'starter', text: 'public/corpus/heldout.txt', samples: 0 });
  await useNodeBackend('wasm');
  let text: string;
  try {
    text = readFileSync(resolve(flags.text), 'utf8');
  } catch {
    throw new Error(`No text file at ${resolve(flags.text)}`);
  }
  const { model, meta } = modelFromCheckpointBytes(readCheckpointFile(flags.checkpoint));
  const docs = corpusDocuments(text);
  if (!docs.length) throw new Error(`${flags.text} has no text`);
  const t0 = performance.now();
  const r = await bitsPerChar(model, docs);
  console.log(`${meta.name} (${model.tokenizer.spec.kind}, ${model.config.vocabSize} tokens, context ${model.config.blockSize}) on ${flags.text}: ${r.bitsPerChar.toFixed(3)} bits/char over ${r.chars} characters, ${r.tokens} tokens, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  let extra = {};
  if (flags.samples > 0) {
    const prompts = readPrompts();
    const texts: string[] = [];
    for (let i = 0; i < flags.samples; i++) {
      const prompt = prompts[Math.floor((i * prompts.length) / flags.samples)];
      const [ids] = await sample(model, promptContext(model, prompt), 1, { maxTokens: model.tokenizer.spec.kind === 'bpe' ? 100 : 200, temperature: 0.8, topK: 0, topP: 1, seed: 1, stopAtEos: false });
      const text = firstChars(model.tokenizer.decode(ids), 200);
      texts.push(text);
      console.log(`${i + 1}. ${JSON.stringify(prompt + text)}`);
    }
    const { fraction, words } = dictionaryWordFraction(texts, readDictionary());
    console.log(`dictionary words: ${(fraction * 100).toFixed(1)}% of ${words}`);
    extra = { samples: texts.length, dictionary_word_fraction: fraction };
  }
  console.log(JSON.stringify({ bits_per_char: r.bitsPerChar, chars: r.chars, tokens: r.tokens, ...extra }));
  disposeLanguageModel(model);
});
