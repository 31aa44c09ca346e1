// npm run generate -- --checkpoint <file|starter> --prompt "<text>" --n N --max-tokens T --seed S [--temperature X]
// Samples from a checkpoint (the same file format the app downloads and uploads) on Node's wasm
// backend; prints each sample, then a last line {"samples": [...]}.
import { readFileSync } from 'node:fs';
import { modelFromCheckpointBytes } from '../src/lib/model/checkpoint';
import { disposeLanguageModel } from '../src/lib/model/language-model';
import { promptContext, sample } from '../src/lib/model/sample';
import { useNodeBackend } from '../src/lib/engine/node-backend';
import { parseFlags } from './args';
import { runCli } from './run-cli';
import { resolveCheckpoint } from './files';

runCli(async () => {
  const flags = parseFlags(process.argv.slice(2), {
    checkpoint: 'starter', prompt: '', n: 1, maxTokens: 120, seed: 1, temperature: 0.8, topK: 0, topP: 1, stopAtEos: false,
  });

  await useNodeBackend('wasm');
  const path = resolveCheckpoint(flags.checkpoint);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new Error(`No checkpoint file at ${path}`);
  }
  const { model, meta } = modelFromCheckpointBytes(bytes);
  const ids = await sample(model, promptContext(model, flags.prompt), flags.n, {
    maxTokens: flags.maxTokens, temperature: flags.temperature, topK: flags.topK, topP: flags.topP, seed: flags.seed, stopAtEos: flags.stopAtEos,
  });
  const samples = ids.map((x) => flags.prompt + model.tokenizer.decode(x));
  console.error(`# ${meta.name} (${path})`);
  samples.forEach((s, i) => console.log(`--- sample ${i + 1}\n${s}`));
  console.log(JSON.stringify({ samples }));
  disposeLanguageModel(model);
});
