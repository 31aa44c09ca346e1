// The measurements themselves, shared by Node and the browser worker: no DOM, no Node APIs (the
// caller brings the corpus text and has already started the tfjs backend).
import * as tf from '@tensorflow/tfjs';
import { DEFAULT_VOCAB, MODEL_SIZES } from '../src/lib/model/config';
import { modelFromCheckpointBytes } from '../src/lib/model/checkpoint';
import { createLanguageModel, disposeLanguageModel, type LanguageModel } from '../src/lib/model/language-model';
import { trainBPE } from '../src/lib/model/bpe-training';
import { trainStepFlops } from '../src/lib/model/flops';
import { promptContext, sampleStream } from '../src/lib/model/sample';
import { createTokenizer, type Tokenizer } from '../src/lib/model/tokenizer';
import { corpusDocuments, DEFAULT_PRETRAIN, Pretraining } from '../src/lib/engine/pretraining';
import { writingSpeed } from '../src/lib/storyworld/story-world';
import type { BenchPlan, InfoValue, Measurement } from './types';

const PROMPT = 'Once upon a time';
// Untimed tokens per sampling mode first: kernel set-up and the first shader compiles are a
// one-off cost, not generation speed. Shapes seen only later (longer contexts) still compile
// inside the timed run on webgl/webgpu, as they would for a user.
const WARMUP_TOKENS = 4;

export type Log = (line: string) => void;

export interface MeasureOutput {
  measurements: Measurement[];
  info: Record<string, InfoValue>;
}

/** Generates plan.samples x tokens new tokens; returns tokens per second. */
async function sampleRate(model: LanguageModel, context: number[], plan: BenchPlan, useCache: boolean, maxTokens: number): Promise<number> {
  const settings = { temperature: 1, topK: 0, topP: 1, maxTokens, seed: 1, useCache, stopAtEos: false };
  const t0 = performance.now();
  let generated = 0;
  for await (const step of sampleStream(model, context, plan.samples, settings)) {
    generated = step.tokens.reduce((sum, row) => sum + row.length, 0);
  }
  const seconds = (performance.now() - t0) / 1000;
  if (generated !== plan.samples * maxTokens) throw new Error(`Expected ${plan.samples * maxTokens} tokens, but sampling gave ${generated}`);
  return generated / seconds;
}

/**
 * Pretraining steps on the corpus after one warm-up step; returns tokens per second and the
 * losses of the first and last steps (same seed, same batches: they should agree across backends).
 */
async function trainRate(model: LanguageModel, corpusText: string, plan: BenchPlan): Promise<{ rate: number; firstLoss: number; loss: number }> {
  const pretraining = new Pretraining(model, corpusText, { ...DEFAULT_PRETRAIN, batchSize: plan.batchSize, seed: 1 });
  try {
    const firstLoss = (await pretraining.step()).loss;
    const t0 = performance.now();
    let loss = NaN;
    for (let i = 0; i < plan.steps; i++) loss = (await pretraining.step()).loss;
    const seconds = (performance.now() - t0) / 1000;
    return { rate: (plan.batchSize * model.config.blockSize * plan.steps) / seconds, firstLoss, loss };
  } finally {
    pretraining.dispose();
  }
}

/**
 * The backend's matMul peak as we can reach it: a 1024 x 1024 x 1024 product (2.1 GFLOP), one
 * warm-up, then the best of three timed runs (read back asynchronously, as webgpu needs).
 */
export async function peakMatmulGflops(n = 1024): Promise<number> {
  const a = tf.randomNormal([n, n], 0, 1, 'float32', 1);
  const b = tf.randomNormal([n, n], 0, 1, 'float32', 2);
  try {
    let best = Infinity;
    for (let i = 0; i < 4; i++) {
      const t0 = performance.now();
      const c = tf.matMul(a, b);
      await c.data();
      c.dispose();
      if (i > 0) best = Math.min(best, performance.now() - t0);
    }
    return (2 * n * n * n) / (best / 1000) / 1e9;
  } finally {
    tf.dispose([a, b]);
  }
}

/** Characters per second a fresh tokenizer (no word cache yet) encodes, on the first `chars` of the corpus. */
export function encodeRate(tokenizer: Tokenizer, text: string): number {
  const fresh = createTokenizer(tokenizer.spec);
  const t0 = performance.now();
  fresh.encode(text);
  return text.length / ((performance.now() - t0) / 1000);
}

/**
 * A trained checkpoint's sampling speed in characters per second (KV cache): what a person
 * waits on, comparable across tokenizers (a subword token is several characters).
 */
export async function checkpointSampleRate(bytes: Uint8Array, plan: BenchPlan): Promise<{ charsPerS: number; tokensPerS: number }> {
  const { model } = modelFromCheckpointBytes(bytes);
  try {
    const context = promptContext(model, PROMPT);
    const settings = { temperature: 0.8, topK: 0, topP: 1, maxTokens: plan.tokens, seed: 1, useCache: true, stopAtEos: false };
    for await (const _ of sampleStream(model, context, plan.samples, { ...settings, maxTokens: WARMUP_TOKENS })) { /* warm-up */ }
    const t0 = performance.now();
    let tokens: number[][] = [];
    for await (const step of sampleStream(model, context, plan.samples, settings)) tokens = step.tokens;
    const seconds = (performance.now() - t0) / 1000;
    const chars = tokens.reduce((n, ids) => n + model.tokenizer.decode(ids).length, 0);
    return { charsPerS: chars / seconds, tokensPerS: tokens.reduce((n, ids) => n + ids.length, 0) / seconds };
  } finally {
    disposeLanguageModel(model);
  }
}

/** Sampling with and without the KV cache, then training; the model is changed by the training. */
async function measureModel(model: LanguageModel, corpusText: string, plan: BenchPlan, info: Record<string, InfoValue>, log: Log): Promise<Measurement[]> {
  const context = promptContext(model, PROMPT);
  const rates: Record<string, number> = {};
  for (const useCache of [true, false]) {
    const mode = useCache ? 'kv' : 'recompute';
    await sampleRate(model, context, plan, useCache, WARMUP_TOKENS);
    log(`sampling ${plan.samples} x ${plan.tokens} tokens, ${mode}`);
    rates[mode] = await sampleRate(model, context, plan, useCache, plan.tokens);
    log(`  ${rates[mode].toFixed(1)} tokens/s`);
  }
  log(`training: 1 warm-up + ${plan.steps} steps of ${plan.batchSize} x ${model.config.blockSize} tokens`);
  const train = await trainRate(model, corpusText, plan);
  log(`  ${train.rate.toFixed(0)} tokens/s (loss ${train.firstLoss.toFixed(4)} at step 1, ${train.loss.toFixed(4)} at step ${plan.steps + 1})`);
  info.train_loss_first = Number(train.firstLoss.toFixed(4));
  info.train_loss_last = Number(train.loss.toFixed(4));
  const flopsPerToken = trainStepFlops(model.config, plan.batchSize) / (plan.batchSize * model.config.blockSize);
  const trainGflops = (train.rate * flopsPerToken) / 1e9;
  log('peak: 1024^3 matMul');
  const peak = await peakMatmulGflops();
  log(`  train step ${trainGflops.toFixed(2)} GFLOP/s of a ${peak.toFixed(1)} GFLOP/s matMul peak`);
  return [
    { metric: 'train_gflops', value: trainGflops, unit: 'GFLOP/s' },
    { metric: 'peak_matmul_gflops', value: peak, unit: 'GFLOP/s' },
    { metric: 'train_fraction_of_peak', value: trainGflops / peak, unit: 'x' },
    { metric: 'sample_tokens_per_s_kv', value: rates.kv, unit: 'tokens/s' },
    { metric: 'sample_tokens_per_s_recompute', value: rates.recompute, unit: 'tokens/s' },
    { metric: 'kv_speedup', value: rates.kv / rates.recompute, unit: 'x' },
    { metric: 'train_tokens_per_s', value: train.rate, unit: 'tokens/s' },
  ];
}

/**
 * Runs every measurement on the current tfjs backend with a fresh starter-size model (and the
 * starter's kind of tokenizer, trained on the corpus), and, for each checkpoint given, its
 * sampling speed in characters per second.
 */
export async function measure(corpusText: string, plan: BenchPlan, log: Log = () => {}, checkpoints: Array<{ label: string; bytes: Uint8Array }> = []): Promise<MeasureOutput> {
  const tensorsBefore = tf.memory().numTensors;
  log(`training a ${DEFAULT_VOCAB.starter}-token BPE tokenizer on the corpus`);
  const tokenizer = createTokenizer(trainBPE(corpusDocuments(corpusText), DEFAULT_VOCAB.starter));
  const model = createLanguageModel(MODEL_SIZES.starter, tokenizer, 1);
  const info: Record<string, InfoValue> = { tfjs: tf.version.tfjs, ran: tf.getBackend(), config: JSON.stringify(model.config) };
  const measurements: Measurement[] = [];
  const oneMB = corpusText.slice(0, 1_000_000);
  measurements.push({ metric: 'bpe_encode_chars_per_s', value: encodeRate(tokenizer, oneMB), unit: 'chars/s' });
  // Written as training reads it, so it must outpace training by far: in Node and in the worker.
  measurements.push({ metric: 'story_world_mb_per_s', value: writingSpeed(1).mbPerS, unit: 'MB/s' });
  try {
    measurements.push(...(await measureModel(model, corpusText, plan, info, log)));
  } finally {
    disposeLanguageModel(model);
  }
  for (const { label, bytes } of checkpoints) {
    log(`sampling ${plan.samples} x ${plan.tokens} tokens from the ${label} checkpoint`);
    const r = await checkpointSampleRate(bytes, plan);
    log(`  ${r.charsPerS.toFixed(1)} characters/s (${r.tokensPerS.toFixed(1)} tokens/s)`);
    measurements.push({ metric: `${label}_sample_chars_per_s_kv`, value: r.charsPerS, unit: 'chars/s' });
  }
  // Everything above should be gone again: a leak here would also be a leak in the app.
  info.tensors_leaked = tf.memory().numTensors - tensorsBefore;
  return { measurements, info };
}
