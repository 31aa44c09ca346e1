// Supervised fine-tuning on demonstrations (InstructGPT's step 1): next-token cross-entropy on
//   BOS prompt response EOS
// with the loss masked to the response tokens and the EOS, so the model learns to answer the
// prompt, not to write prompts. A batch of demonstrations of different lengths is right-padded
// with PAD, masked out too (attention is causal, so padding after a row never changes its logits).
// The optimizer, the learning-rate schedule, gradient clipping and the NaN fault guard are the LM
// trainer's, exactly as pretraining uses them. No DOM: the worker and Node run the same code.
import * as tf from '@tensorflow/tfjs';
import type { CheckpointMeta } from '../model/checkpoint-format';
import type { GPTConfig } from '../model/config';
import { lmHead, trunk } from '../model/gpt';
import type { LanguageModel } from '../model/language-model';
import type { GPTParams } from '../model/params';
import { BOS, EOS, PAD, type Tokenizer } from '../model/tokenizer';
import { makeRng, shuffledIndices, type Rng } from '../util/rng';
import { LMTrainer, type LMStepResult } from './lm-trainer';
import { checkSFTSettings, type SFTSettings } from './sft-settings';

/** One demonstration as tokens: ids = BOS prompt response EOS (at most blockSize + 1), and where the response starts. */
export interface SFTExample {
  ids: number[];
  /** Index in ids of the first response token: targets from here on count. */
  responseStart: number;
}

/** A padded batch: inputs and targets (B, T) with targets[t] = ids[t + 1], and the loss mask (B, T). */
export interface SFTBatch {
  inputs: number[][];
  targets: number[][];
  mask: number[][];
}

/**
 * A demonstration as an example that fits the context (blockSize + 1 tokens, as a training
 * window): a long prompt loses its oldest tokens first (the response needs the prompt's end), and
 * a response longer than the context keeps its start (and then has no EOS).
 */
export function sftExample(tokenizer: Tokenizer, prompt: string, response: string, blockSize: number): SFTExample {
  const p = tokenizer.encode(prompt);
  const r = [...tokenizer.encode(response), EOS];
  if (r.length < 2) throw new Error('Expected a response of at least one token, but got an empty one');
  const room = blockSize; // blockSize + 1 tokens in all, one of them BOS
  const keepPrompt = Math.max(0, Math.min(p.length, room - r.length));
  const ids = [BOS, ...p.slice(p.length - keepPrompt), ...r.slice(0, room - keepPrompt)];
  return { ids, responseStart: 1 + keepPrompt };
}

/** Examples padded to the longest, with the loss mask on response targets (EOS included) only. */
export function sftBatch(examples: SFTExample[]): SFTBatch {
  if (!examples.length) throw new Error('Expected at least one example in an SFT batch');
  const T = Math.max(...examples.map((e) => e.ids.length)) - 1;
  const at = (ids: number[], i: number) => (i < ids.length ? ids[i] : PAD);
  return {
    inputs: examples.map((e) => Array.from({ length: T }, (_, t) => at(e.ids, t))),
    targets: examples.map((e) => Array.from({ length: T }, (_, t) => at(e.ids, t + 1))),
    mask: examples.map((e) => Array.from({ length: T }, (_, t) => (t + 1 >= e.responseStart && t + 1 < e.ids.length ? 1 : 0))),
  };
}

/**
 * Masked mean of −log p(target) over the positions where mask is 1 (nats per response token).
 * Not tidied: call inside tf.tidy or a gradient function.
 */
export function sftLossTensor(c: GPTConfig, p: GPTParams, inputs: tf.Tensor2D, targets: tf.Tensor2D, mask: tf.Tensor2D): tf.Scalar {
  const logp = tf.logSoftmax(lmHead(p, trunk(c, p, inputs).hidden)); // (B, T, V)
  const picked = logp.mul(tf.oneHot(targets, c.vocabSize).toFloat()).sum(-1); // (B, T)
  return picked.mul(mask).sum().neg().div(mask.sum().maximum(1)) as tf.Scalar;
}

/** The loss of one batch as tensors, for a gradient or an evaluation. */
function batchLoss(model: LanguageModel, b: SFTBatch): tf.Scalar {
  return sftLossTensor(model.config, model.params,
    tf.tensor2d(b.inputs, undefined, 'int32'), tf.tensor2d(b.targets, undefined, 'int32'), tf.tensor2d(b.mask));
}


export interface SFTStep extends LMStepResult {
  /** Steps taken so far (1-based), of totalSteps. */
  step: number;
  totalSteps: number;
  /** The epoch this step belonged to (1-based). */
  epoch: number;
}

/** SFT of a model on demonstrations, a step at a time (the worker pauses and stops between steps). */
export class SFTSession {
  readonly trainer: LMTrainer;
  readonly examples: SFTExample[];
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
  private readonly rng: Rng;
  private order: number[] = [];
  private taken = 0;

  constructor(readonly model: LanguageModel, demonstrations: Array<{ prompt: string; response: string }>, readonly settings: SFTSettings) {
    checkSFTSettings(settings);
    if (!demonstrations.length) throw new Error('Expected at least one demonstration to fine-tune on');
    this.examples = demonstrations.map((d) => sftExample(model.tokenizer, d.prompt, d.response, model.config.blockSize));
    this.stepsPerEpoch = Math.ceil(this.examples.length / settings.batchSize);
    this.totalSteps = this.stepsPerEpoch * settings.epochs;
    this.trainer = new LMTrainer(model, {
      learningRate: settings.learningRate, warmupSteps: Math.min(10, Math.ceil(this.totalSteps / 10)),
      totalSteps: this.totalSteps, gradClip: settings.gradClip,
    });
    this.rng = makeRng(settings.seed);
  }

  get done(): boolean {
    return this.taken >= this.totalSteps;
  }

  /** One update on the next batch; a new epoch visits the demonstrations in a new seeded order. */
  async step(): Promise<SFTStep> {
    if (this.done) throw new Error(`SFT has taken all its ${this.totalSteps} steps`);
    const inEpoch = this.taken % this.stepsPerEpoch;
    if (inEpoch === 0) this.order = shuffledIndices(this.examples.length, this.rng);
    const size = this.settings.batchSize;
    const batch = sftBatch(this.order.slice(inEpoch * size, (inEpoch + 1) * size).map((i) => this.examples[i]));
    const result = await this.trainer.stepOn(() => batchLoss(this.model, batch));
    const epoch = Math.floor(this.taken / this.stepsPerEpoch) + 1;
    this.taken++;
    return { ...result, step: this.taken, totalSteps: this.totalSteps, epoch };
  }

  /** Mean loss per response token over all the demonstrations, no update. */
  evaluate(batchSize = 16): Promise<number> {
    return sftLoss(this.model, this.examples, batchSize);
  }

  dispose(): void {
    this.trainer.dispose();
  }
}

/** Mean −log p per response token (EOS included) of examples under a model, in batches. */
export async function sftLoss(model: LanguageModel, examples: SFTExample[], batchSize = 16): Promise<number> {
  let total = 0;
  let count = 0;
  for (let i = 0; i < examples.length; i += batchSize) {
    const b = sftBatch(examples.slice(i, i + batchSize));
    const tokens = b.mask.reduce((n, row) => n + row.reduce((a, x) => a + x, 0), 0);
    const loss = tf.tidy(() => batchLoss(model, b).mul(tokens));
    total += (await loss.data())[0];
    loss.dispose();
    count += tokens;
  }
  return total / Math.max(count, 1);
}

/** The model's metadata after SFT on `demonstrations` for `step` steps, on top of what it had. */
export function sftMeta(base: CheckpointMeta, demonstrations: number, last: { step: number; loss: number }): CheckpointMeta {
  // Named for what it now is (the header and the checkpoint list say so); a second SFT run keeps one suffix.
  const name = base.kind === 'sft' ? base.name : `${base.name} + SFT`;
  return {
    ...base, name, kind: 'sft',
    steps: (Number(base.steps) || 0) + last.step,
    sftSteps: last.step,
    demonstrations,
    trainLoss: last.loss,
  };
}
