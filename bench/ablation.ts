// npm run bench:ablation [-- --steps N --json]
// Where the train step's speed-up came from (Node, wasm, one process, one run): the old starter's
// size with its character tokenizer, then the new starter's size and BPE vocabulary with the old ops
// (one-hot embedding product, x.pow(3) GELU, log-softmax picked by a one-hot: reference-ops.ts), then
// the same with the new ops. Each: one warm-up step, then N timed steps of 16 x 128 tokens. Matmul
// FLOPs are counted as src/lib/model/flops.ts does (the one-hot products are not useful work and are
// not counted), so GFLOP/s compares what each setting achieves on the same work.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFlags } from '../cli/args';
import { ROOT } from '../cli/files';
import { runCli } from '../cli/run-cli';
import { useNodeBackend } from '../src/lib/engine/node-backend';
import { corpusDocuments, DEFAULT_PRETRAIN, Pretraining } from '../src/lib/engine/pretraining';
import { trainBPE } from '../src/lib/model/bpe-training';
import { DEFAULT_VOCAB, MODEL_SIZES, type GPTConfig } from '../src/lib/model/config';
import { trainStepFlops } from '../src/lib/model/flops';
import { createLanguageModel, disposeLanguageModel } from '../src/lib/model/language-model';
import { useReferenceOps } from '../src/lib/model/reference-ops';
import { charTokenizer, createTokenizer, type Tokenizer } from '../src/lib/model/tokenizer';
import { peakMatmulGflops } from './measure';

const OLD_STARTER = { blockSize: 128, nLayer: 3, nHead: 4, nEmbd: 96 };

runCli(async () => {
  const flags = parseFlags(process.argv.slice(2), { steps: 3, json: false });
  await useNodeBackend('wasm');
  const corpus = readFileSync(join(ROOT, 'public/corpus/train.txt'), 'utf8');
  const bpe = createTokenizer(trainBPE(corpusDocuments(corpus), DEFAULT_VOCAB.starter));
  const settings: Array<{ name: string; size: Omit<GPTConfig, 'vocabSize'>; tokenizer: Tokenizer; reference: boolean }> = [
    { name: 'old starter (3 x 96, 355 characters), old ops', size: OLD_STARTER, tokenizer: charTokenizer(), reference: true },
    { name: 'old starter (3 x 96, 355 characters), new ops', size: OLD_STARTER, tokenizer: charTokenizer(), reference: false },
    { name: `new starter (4 x 128, ${bpe.vocabSize} BPE), old ops`, size: MODEL_SIZES.starter, tokenizer: bpe, reference: true },
    { name: `new starter (4 x 128, ${bpe.vocabSize} BPE), new ops`, size: MODEL_SIZES.starter, tokenizer: bpe, reference: false },
  ];
  const rows: Array<{ setting: string; ms_per_step: number; tokens_per_s: number; gflops: number }> = [];
  for (const s of settings) {
    useReferenceOps(s.reference);
    const model = createLanguageModel(s.size, s.tokenizer, 1);
    const pretraining = new Pretraining(model, corpus, { ...DEFAULT_PRETRAIN, batchSize: 16, seed: 1 });
    try {
      await pretraining.step();
      const t0 = performance.now();
      for (let i = 0; i < flags.steps; i++) await pretraining.step();
      const ms = (performance.now() - t0) / flags.steps;
      const tokens = 16 * model.config.blockSize;
      rows.push({ setting: s.name, ms_per_step: ms, tokens_per_s: tokens / (ms / 1000), gflops: trainStepFlops(model.config, 16) / (ms / 1000) / 1e9 });
      console.error(`${s.name}: ${ms.toFixed(0)} ms a step`);
    } finally {
      useReferenceOps(false);
      pretraining.dispose();
      disposeLanguageModel(model);
    }
  }
  const peak = await peakMatmulGflops();
  const width = Math.max(...rows.map((r) => r.setting.length));
  console.log(`${'setting'.padEnd(width)} | ms/step | tokens/s | GFLOP/s | of peak (${peak.toFixed(1)} GFLOP/s)`);
  for (const r of rows) console.log(`${r.setting.padEnd(width)} | ${r.ms_per_step.toFixed(0).padStart(7)} | ${r.tokens_per_s.toFixed(0).padStart(8)} | ${r.gflops.toFixed(2).padStart(7)} | ${(r.gflops / peak * 100).toFixed(1)}%`);
  if (flags.json) console.log(JSON.stringify({ rows, peak_matmul_gflops: peak }));
});
