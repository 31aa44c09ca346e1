// Direct preference optimisation (Rafailov et al. 2023; IPO, Azar et al. 2023) of a policy on the
// person's comparison groups, offline as TRL's DPOTrainer: no sampling and no reward model, only
// the judged completions, the policy being trained and a frozen reference (the policy's starting
// copy). Every pair of every group is one training example, scored by the sum of log p over the
// completion's tokens (rlhf/dpo.ts has the maths).
// A completion is scored as BOS prompt completion EOS, the EOS a completion token: judgements store
// ids without it (feedback/judgement.ts), and the reward model and TRL append one too; ids that
// already end in EOS keep theirs, not doubled. A sequence too long for the context loses its
// prompt's oldest tokens first, then the completion's end (as SFT's examples).
// Weights: a pair weighs 1 + its margin (1 for rankings and edits, 1 to 2 from the A/B slider),
// and a batch's loss is their weighted mean Σ w·loss / Σ w (dpo.ts); so weights only shift the
// pairs of one batch against each other, and with batchSize 1 they cancel.
import * as tf from '@tensorflow/tfjs';
import type { ComparisonGroup } from '../feedback/judgement-group';
import type { LanguageModel } from '../model/language-model';
import { continuationLogProbs, packSequences, tokenLogProbs } from '../model/logprobs';
import { namedParams } from '../model/params';
import { BOS, EOS, PAD } from '../model/tokenizer';
import { dpoLossTensor, dpoMetrics, type DpoLossType, type DpoMetrics, type DpoOptions } from '../rlhf/dpo';
import type { FaultRecord } from '../store/fault-record';
import { makeRng, shuffledIndices } from '../util/rng';
import { checkSettings } from '../util/settings-table';
import { DPO_SETTINGS, type DPOSettings } from './dpo-settings';

export { DEFAULT_DPO, DPO_SETTINGS, type DPOSettings } from './dpo-settings';
import { FaultGuard } from './fault-guard';
import { asNamedTensors, clipByGlobalNorm, makeAdam } from './optimizer';


/** One step's numbers, TRL's names; rewards/* are of the batch before the update. */
export interface DPOStep extends DpoMetrics {
  step: number;
  totalSteps: number;
  /** 1-based. */
  epoch: number;
  loss: number;
  /** The step went bad and was undone: the weights are the last good ones. */
  fault?: FaultRecord;
}

/** A completion as it is scored: ids = BOS prompt completion EOS, and the index of the completion's first id. */
export interface DpoSequence { ids: number[]; completionStart: number }

/** BOS prompt completion EOS in at most blockSize + 1 ids (the last is only a target). */
export function dpoSequence(promptIds: number[], completion: number[], blockSize: number): DpoSequence {
  const c = completion.at(-1) === EOS ? completion : [...completion, EOS];
  const keepPrompt = Math.max(0, Math.min(promptIds.length, blockSize - c.length));
  return { ids: [BOS, ...promptIds.slice(promptIds.length - keepPrompt), ...c.slice(0, blockSize - keepPrompt)], completionStart: 1 + keepPrompt };
}

/** A training pair: its two completions as indices into the sequences, and its weight (1 + margin). */
export interface DpoPair { chosen: number; rejected: number; weight: number }

/** Every pair of every group, with each group's completions as sequences (once each, however many pairs share them). */
export function dpoPairs(groups: ComparisonGroup[], blockSize: number): { sequences: DpoSequence[]; pairs: DpoPair[] } {
  const sequences: DpoSequence[] = [];
  const pairs: DpoPair[] = [];
  groups.forEach((g, gi) => {
    if (!g.pairs.length) return;
    const base = sequences.length;
    const k = g.completions.length;
    for (const c of g.completions) sequences.push(dpoSequence(g.promptIds, c, blockSize));
    g.pairs.forEach((p, pi) => {
      const where = `pair ${pi} of group ${gi}`;
      for (const i of [p.chosen, p.rejected]) if (!(Number.isInteger(i) && i >= 0 && i < k)) throw new Error(`Expected ${where} to index one of its ${k} completions, but got ${i}`);
      if (p.chosen === p.rejected) throw new Error(`Expected ${where} to compare two completions, but both are ${p.chosen}`);
      if (!(p.margin >= 0 && Number.isFinite(p.margin))) throw new Error(`Expected ${where} to have a margin >= 0, but got ${p.margin}`);
      pairs.push({ chosen: base + p.chosen, rejected: base + p.rejected, weight: 1 + p.margin });
    });
  });
  if (!pairs.length) throw new Error('There is nothing to train on: no judgement gives a comparison pair');
  return { sequences, pairs };
}

/** Sum of log p over each sequence's completion tokens, in batches, no gradient. */
export async function sequenceLogProbs(model: LanguageModel, sequences: DpoSequence[], batchSize = 32): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < sequences.length; i += batchSize) {
    const batch = sequences.slice(i, i + batchSize);
    const { total } = await continuationLogProbs(model.config, model.params, batch.map((s) => s.ids), batch.map((s) => s.completionStart), PAD);
    out.push(...total);
  }
  return out;
}

/** The frozen reference's log-probs, once a run: a non-finite one means the reference is broken, and nothing can train against it. */
export async function referenceLogProbs(reference: LanguageModel, sequences: DpoSequence[]): Promise<number[]> {
  const ref = await sequenceLogProbs(reference, sequences);
  ref.forEach((lp, i) => { if (!Number.isFinite(lp)) throw new Error(`Expected the reference's log-probs to be finite, but sequence ${i}'s is ${lp}`); });
  return ref;
}

/**
 * Checks a frozen reference against the policy (a separate copy, the same vocabulary and context)
 * and returns the variables an offline trainer (DPO, KTO) updates: everything but the heads, as it
 * trains the language model, not a value or reward readout.
 */
export function offlineTrainedVars(policy: LanguageModel, reference: LanguageModel): tf.Variable[] {
  const refVars = new Set(namedParams(reference.params).map(([, v]) => v));
  const shared = namedParams(policy.params).find(([, v]) => refVars.has(v));
  if (shared) throw new Error(`Expected the reference to be a separate copy of the policy (cloneParams), but they share the weights "${shared[0]}"`);
  for (const key of ['vocabSize', 'blockSize'] as const) {
    if (policy.config[key] !== reference.config[key]) throw new Error(`Expected policy and reference to have the same ${key}, but got ${policy.config[key]} and ${reference.config[key]}`);
  }
  return namedParams(policy.params).filter(([name]) => !name.startsWith('value') && !name.startsWith('reward')).map(([, v]) => v);
}

/** Trains the policy towards each pair's chosen completion and away from its rejected one. */
export class DPOTrainer {
  private readonly optimizer: tf.AdamOptimizer;
  private readonly vars: tf.Variable[];
  /** Undoes a step that leaves a NaN or Infinity (guard.faults lists them). */
  readonly guard: FaultGuard;

  constructor(readonly policy: LanguageModel, readonly reference: LanguageModel, readonly settings: DPOSettings) {
    checkSettings(DPO_SETTINGS, settings);
    if (settings.lossType === 'ipo' && settings.labelSmoothing > 0) throw new Error(`Expected label smoothing 0 with loss type 'ipo' (it is sigmoid's), but got ${settings.labelSmoothing}`);
    this.vars = offlineTrainedVars(policy, reference);
    this.optimizer = makeAdam(settings.learningRate, 0.9, 0.999); // TRL's AdamW betas
    this.guard = new FaultGuard(this.vars, this.optimizer);
  }

  /** settings.epochs passes over every pair of the groups in seeded shuffled batches, one step each. */
  async *train(groups: ComparisonGroup[]): AsyncGenerator<DPOStep> {
    const s = this.settings;
    // 1. the pairs and their completions as sequences
    const { sequences, pairs } = dpoPairs(groups, this.policy.config.blockSize);
    // 2. the reference's log-probs, once: it never changes
    const ref = await referenceLogProbs(this.reference, sequences);
    // 3. epochs of shuffled batches
    const perEpoch = Math.ceil(pairs.length / s.batchSize);
    const totalSteps = perEpoch * s.epochs;
    const rng = makeRng(s.seed);
    let step = 0;
    for (let epoch = 1; epoch <= s.epochs; epoch++) {
      const order = shuffledIndices(pairs.length, rng);
      for (let i = 0; i < order.length; i += s.batchSize) {
        const batch = order.slice(i, i + s.batchSize).map((j) => pairs[j]);
        const result = await this.step(batch, sequences, ref);
        yield { step: ++step, totalSteps, epoch, ...result };
      }
    }
  }

  /** One update on a batch of pairs: chosen and rejected sequences in one padded forward pass. */
  private async step(batch: DpoPair[], sequences: DpoSequence[], ref: number[]): Promise<Omit<DPOStep, 'step' | 'totalSteps' | 'epoch'>> {
    const { config, params } = this.policy;
    const n = batch.length;
    // 1. rows 0..n-1 the chosen completions, n..2n-1 the rejected
    const rows = [...batch.map((p) => sequences[p.chosen]), ...batch.map((p) => sequences[p.rejected])];
    const { ids, targetMask } = packSequences(rows.map((r) => r.ids), rows.map((r) => r.completionStart), PAD);
    const lengths = rows.map((r) => r.ids.length - r.completionStart);
    const opts = this.lossOptions(batch, lengths);
    const refChosen = batch.map((p) => ref[p.chosen]);
    const refRejected = batch.map((p) => ref[p.rejected]);
    // 2. the policy's log-probs and the loss, on the tape
    let logps: tf.Tensor1D | undefined;
    const { value, grads } = tf.variableGrads(() => {
      const lp = tokenLogProbs(config, params, tf.tensor2d(ids, undefined, 'int32')).mul(tf.tensor2d(targetMask)).sum(1) as tf.Tensor1D;
      logps = tf.keep(lp);
      return dpoLossTensor({
        policyChosen: lp.slice(0, n), policyRejected: lp.slice(n, n), refChosen: tf.tensor1d(refChosen), refRejected: tf.tensor1d(refRejected),
      }, opts);
    }, this.vars);
    // 3. clip, update, and undo the update if it left a NaN or Infinity
    const clipped = clipByGlobalNorm(grads, this.settings.maxGradNorm);
    this.optimizer.applyGradients(asNamedTensors(clipped.grads));
    tf.dispose([grads, clipped.grads, clipped.norm] as unknown as tf.Tensor[]);
    try {
      const fault = await this.guard.afterStep(value);
      const [loss, lp] = await Promise.all([value.data(), logps!.data()]);
      const policy = Array.from(lp);
      // 4. TRL's rewards, from the log-probs before the update (NaN when they were not finite)
      const metrics = policy.every(Number.isFinite)
        ? dpoMetrics({ policyChosen: policy.slice(0, n), policyRejected: policy.slice(n), refChosen, refRejected }, opts)
        : { 'rewards/chosen': NaN, 'rewards/rejected': NaN, 'rewards/accuracies': NaN, 'rewards/margins': NaN };
      return { loss: loss[0], ...metrics, ...(fault ? { fault } : {}) };
    } finally {
      tf.dispose([value, logps!]);
    }
  }

  /** dpo.ts's options for a batch: the pairs' weights, and the completion lengths IPO averages over. */
  private lossOptions(batch: DpoPair[], lengths: number[]): DpoOptions {
    const { beta, lossType, labelSmoothing } = this.settings;
    const n = batch.length;
    const perToken = lossType === 'ipo' ? { chosenLengths: lengths.slice(0, n), rejectedLengths: lengths.slice(n) } : {};
    return { beta, lossType, labelSmoothing, weights: batch.map((p) => p.weight), ...perToken };
  }

  dispose(): void {
    this.guard.dispose();
    this.optimizer.dispose();
  }
}
