// Context distillation (Askell et al. 2021, "A General Language Assistant as a Laboratory for
// Alignment"): the student is fine-tuned to behave, WITHOUT a prefix such as "Be kind and
// cheerful.", as the frozen teacher (the student's starting weights) behaves WITH it, so the prompt
// no longer pays for the prefix in context. Anthropic's later RLHF runs (Bai et al. 2022) started
// from such a context-distilled model as the initial policy.
//
// KL direction: forward KL(teacher ‖ student) = Σ_v p_t(v) (log p_t(v) − log p_s(v)), on
// continuations the TEACHER samples. That is the distillation (cross-entropy to soft targets) loss:
// the student must cover everything the prefixed teacher would say, mass-covering rather than
// mode-seeking, and the samples come from the teacher, so no policy gradient through sampling is
// needed; the full vocabulary sum makes the per-token term exact rather than a sampled estimate.
// Both distributions are at temperature 1 (the models' own); settings.temperature is only the
// sampling temperature.
//
// Alignment of positions: the teacher reads BOS + prefix + prompt + c, the student BOS + prompt + c
// (each context cut from the left so maxTokens more tokens fit the window). Continuation token c_j
// sits at position s + j of a row whose context has s tokens, so it is predicted from the hidden
// state at s − 1 + j: gathered per row at its own s, giving both models' (B, L, V) distributions at
// the same continuation tokens. The continuation keeps the EOS the teacher ended with (stopping is
// part of the behaviour). Tensors stay inside tidy/variableGrads; reads are async.
import * as tf from '@tensorflow/tfjs';
import { embed } from '../model/embedding';
import { lmHead, trunk } from '../model/gpt';
import type { LanguageModel } from '../model/language-model';
import { packSequences } from '../model/logprobs';
import { namedParams } from '../model/params';
import { promptContext, sampleStream, type SampleStep } from '../model/sample';
import { PAD } from '../model/tokenizer';
import { drawCycling, makeRng } from '../util/rng';
import { checkSettings } from '../util/settings-table';
import { CONTEXT_DISTILLATION_SETTINGS, type ContextDistillationSettings } from './context-distillation-settings';
import { FaultGuard } from './fault-guard';
import { asNamedTensors, clipByGlobalNorm, makeAdam } from './optimizer';

export { CONTEXT_DISTILLATION_SETTINGS, type ContextDistillationSettings } from './context-distillation-settings';

export interface ContextDistillationStep {
  /** Mean over the real continuation tokens of KL(teacher ‖ student), before this step's update. */
  kl: number;
  /** The loss minimised: the same mean KL (the loss is the KL alone). */
  loss: number;
}

/** KL(p ‖ q) = Σ_v p(v) (log p(v) − log q(v)) from two log-probability vectors over one vocabulary. */
export function tokenKl(logp: ArrayLike<number>, logq: ArrayLike<number>): number {
  if (logp.length !== logq.length) throw new Error(`Expected two distributions over one vocabulary, but got ${logp.length} and ${logq.length} entries`);
  let kl = 0;
  for (let v = 0; v < logp.length; v++) {
    const p = Math.exp(logp[v]);
    if (p > 0) kl += p * (logp[v] - logq[v]);
  }
  return kl;
}

/** The table's ranges, then what a range cannot say: a prefix to distil, and room in the context. */
function checkDistillationSettings(s: ContextDistillationSettings, blockSize: number): void {
  if (typeof s.prefix !== 'string' || s.prefix.length === 0) throw new Error(`Expected a non-empty prefix, but got ${JSON.stringify(s.prefix)}`);
  checkSettings(CONTEXT_DISTILLATION_SETTINGS, s);
  if (s.maxTokens >= blockSize) throw new Error(`Expected maxTokens below the context of ${blockSize}, but got ${s.maxTokens}`);
}

/**
 * log-softmax (B, L, V) at each continuation token: row b's context has starts[b] tokens, so token
 * j is predicted from position starts[b] − 1 + j (clamped in the padding, which the mask drops). Not tidied.
 */
export function continuationLogSoftmax(model: LanguageModel, ids: number[][], starts: number[], L: number): tf.Tensor3D {
  const { config, params } = model;
  const B = ids.length;
  const T = ids[0].length;
  const idsT = tf.tensor2d(ids, undefined, 'int32').slice([0, 0], [B, T - 1]) as tf.Tensor2D; // the last token is only a target
  const hidden = trunk(config, params, idsT).hidden.reshape([B * (T - 1), config.nEmbd]);
  const rows = starts.flatMap((s, b) => Array.from({ length: L }, (_, j) => b * (T - 1) + Math.min(s - 1 + j, T - 2)));
  // embed: a gather whose gradient works on every backend (wasm has no UnsortedSegmentSum)
  const picked = embed(hidden as tf.Tensor2D, tf.tensor1d(rows, 'int32')).reshape([B, L, config.nEmbd]) as tf.Tensor3D;
  return tf.logSoftmax(lmHead(params, picked)) as tf.Tensor3D;
}

export class ContextDistillation {
  private readonly optimizer: tf.AdamOptimizer;
  private readonly vars: tf.Variable[];
  /** Undoes an update that leaves a NaN or Infinity (guard.faults lists them). */
  readonly guard: FaultGuard;
  /** The last step's prompts and the teacher's continuations (EOS kept when it ended one). */
  lastBatch: { prompts: string[]; continuations: number[][] } | undefined;

  constructor(readonly student: LanguageModel, readonly teacher: LanguageModel, readonly settings: ContextDistillationSettings) {
    checkDistillationSettings(settings, student.config.blockSize);
    const teacherVars = new Set(namedParams(teacher.params).map(([, v]) => v));
    if (student.params === teacher.params || namedParams(student.params).some(([, v]) => teacherVars.has(v))) {
      throw new Error('Expected the teacher to be a separate frozen copy of the student (cloneParams), not the same weights');
    }
    if (student.config.vocabSize !== teacher.config.vocabSize || student.config.blockSize !== teacher.config.blockSize) {
      throw new Error(`Expected student and teacher to share a vocabulary and a context, but got ${student.config.vocabSize}/${student.config.blockSize} and ${teacher.config.vocabSize}/${teacher.config.blockSize}`);
    }
    this.vars = namedParams(student.params).filter(([name]) => !name.startsWith('value') && !name.startsWith('reward')).map(([, v]) => v);
    this.optimizer = makeAdam(settings.learningRate, 0.9, 0.999);
    this.guard = new FaultGuard(this.vars, this.optimizer);
  }

  /** A context cut from the left so that maxTokens more tokens fit the window (rollout's fitContext). */
  private fit(model: LanguageModel, text: string): number[] {
    return promptContext(model, text).slice(-(model.config.blockSize - this.settings.maxTokens));
  }

  /** One distillation step on batchSize prompts drawn from `prompts`. */
  async step(prompts: string[], seed: number): Promise<ContextDistillationStep> {
    const s = this.settings;
    const rng = makeRng(seed + s.seed * 1_000_003);
    const drawn = drawCycling(prompts, s.batchSize, rng);

    // 1. the teacher, prefixed, writes one continuation per prompt
    const teacherCtx = drawn.map((p) => this.fit(this.teacher, s.prefix + p));
    const studentCtx = drawn.map((p) => this.fit(this.student, p));
    const continuations: number[][] = [];
    for (const context of teacherCtx) {
      const settings = { maxTokens: s.maxTokens, temperature: s.temperature, topK: 0, topP: 1, seed: rng.int(2 ** 31), stopAtEos: true };
      let last: SampleStep | undefined;
      for await (const out of sampleStream(this.teacher, context, 1, settings)) last = out;
      continuations.push(last!.tokens[0]);
    }
    this.lastBatch = { prompts: drawn, continuations };

    // Mask (B, L) of real continuation tokens; packSequences pads and masks each model's rows.
    const L = Math.max(...continuations.map((c) => c.length));
    const mask = continuations.map((c) => Array.from({ length: L }, (_, j) => (j < c.length ? 1 : 0)));
    const pack = (ctx: number[][]) => packSequences(ctx.map((c, b) => [...c, ...continuations[b]]), ctx.map((c) => c.length), PAD).ids;
    const teacherIds = pack(teacherCtx);
    const studentIds = pack(studentCtx);

    // 2. the teacher's distributions: no gradient, off the tape
    const teacherLogp = tf.tidy(() => continuationLogSoftmax(this.teacher, teacherIds, teacherCtx.map((c) => c.length), L));

    // 3. the student's, unprefixed, and the mean per-token KL(teacher ‖ student)
    const { value, grads } = tf.variableGrads(() => {
      const studentLogp = continuationLogSoftmax(this.student, studentIds, studentCtx.map((c) => c.length), L);
      const perToken = tf.exp(teacherLogp).mul(teacherLogp.sub(studentLogp)).sum(-1); // (B, L)
      const maskT = tf.tensor2d(mask);
      return perToken.mul(maskT).sum().div(maskT.sum()) as tf.Scalar;
    }, this.vars);
    teacherLogp.dispose();

    // 4. clip, step, and undo the step if it left a NaN or Infinity
    const clipped = clipByGlobalNorm(grads, s.maxGradNorm);
    this.optimizer.applyGradients(asNamedTensors(clipped.grads));
    tf.dispose(grads);
    tf.dispose(clipped.grads);
    clipped.norm.dispose();
    try {
      await this.guard.afterStep(value);
      const kl = (await value.data())[0];
      return { kl, loss: kl };
    } finally {
      value.dispose();
    }
  }

  dispose(): void {
    this.guard.dispose();
    this.optimizer.dispose();
  }
}
