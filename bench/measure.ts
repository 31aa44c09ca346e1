// The measurements themselves, shared by Node and the browser worker: no DOM, no Node APIs (the
// caller brings the corpus text and has already started the tfjs backend).
import * as tf from '@tensorflow/tfjs';
import { MODEL_SIZES } from '../src/lib/model/config';
import { createLanguageModel, disposeLanguageModel, type LanguageModel } from '../src/lib/model/language-model';
import { promptContext, sampleStream } from '../src/lib/model/sample';
import { Tokenizer } from '../src/lib/model/tokenizer';
import { DEFAULT_PRETRAIN, Pretraining } from '../src/lib/engine/pretraining';
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
  return [
    { metric: 'sample_tokens_per_s_kv', value: rates.kv, unit: 'tokens/s' },
    { metric: 'sample_tokens_per_s_recompute', value: rates.recompute, unit: 'tokens/s' },
    { metric: 'kv_speedup', value: rates.kv / rates.recompute, unit: 'x' },
    { metric: 'train_tokens_per_s', value: train.rate, unit: 'tokens/s' },
  ];
}

/** Runs every measurement on the current tfjs backend with a fresh starter-size model. */
export async function measure(corpusText: string, plan: BenchPlan, log: Log = () => {}): Promise<MeasureOutput> {
  const tensorsBefore = tf.memory().numTensors;
  const model = createLanguageModel(MODEL_SIZES.starter, new Tokenizer(), 1);
  const info: Record<string, InfoValue> = { tfjs: tf.version.tfjs, ran: tf.getBackend(), config: JSON.stringify(model.config) };
  let measurements: Measurement[];
  try {
    measurements = await measureModel(model, corpusText, plan, info, log);
  } finally {
    disposeLanguageModel(model);
  }
  // Everything above should be gone again: a leak here would also be a leak in the app.
  info.tensors_leaked = tf.memory().numTensors - tensorsBefore;
  return { measurements, info };
}
