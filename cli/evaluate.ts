// npm run evaluate -- --checkpoint <file|starter> --text <file>
// Bits per character of any text under a checkpoint: every character counted once, the model's
// context sliding over the text (src/lib/engine/bits-per-char.ts). Prints a line of progress, then
// as its last line {"bits_per_char", "chars", "tokens"}. Texts are read as the bundled corpus is:
// one document per line, or paragraphs split by blank lines.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bitsPerChar } from '../src/lib/engine/bits-per-char';
import { useNodeBackend } from '../src/lib/engine/node-backend';
import { corpusDocuments } from '../src/lib/engine/pretraining';
import { modelFromCheckpointBytes } from '../src/lib/model/checkpoint';
import { disposeLanguageModel } from '../src/lib/model/language-model';
import { parseFlags } from './args';
import { readCheckpointFile } from './files';
import { runCli } from './run-cli';

runCli(async () => {
  const flags = parseFlags(process.argv.slice(2), { checkpoint: 'starter', text: 'public/corpus/heldout.txt' });
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
  console.log(JSON.stringify({ bits_per_char: r.bitsPerChar, chars: r.chars, tokens: r.tokens }));
  disposeLanguageModel(model);
});
