// Kahneman–Tversky optimisation (Ethayarajh et al. 2024) of a policy on the person's judgements,
// offline as TRL's KTOTrainer: no sampling and no reward model, only single completions marked
// desirable or undesirable, the policy being trained and a frozen reference (its starting copy).
// rlhf/dpo.ts has the maths; sequences are scored as DPO's (dpo-trainer.ts: BOS prompt completion
// EOS, the sum of log p over the completion's tokens, the EOS included).
// The examples, one row each as TRL's unpaired dataset {prompt, completion, label}:
//   - a thumbs-up is desirable, a thumbs-down (and each completion of an "all bad") undesirable;
//   - a comparison pair is taken apart as TRL's maybe_unpair_preference_dataset does: its chosen
//     completion one desirable row, its rejected one undesirable row. So a completion in several
//     pairs is one row per pair side it lands on: the top of a ranking of three is desirable twice,
//     the middle desirable once and undesirable once, the bottom undesirable twice. KTO has no
//     margin: the A/B slider's strength is dropped, as unpairing drops everything but the label.
// Within a group, its thumbs come first, then its pairs in order; the batches are seeded shuffles.
// The reference point z0 of a batch: the mean of log π(y'|x) − log ref(y'|x) over mismatched
// (prompt i, completion of example i − 1) sequences of the batch (ktoMismatchedCompletions),
// clamped at 0, computed without gradient for the policy too (TRL: torch.no_grad). TRL builds these
// pairs once, in each batch of the unshuffled dataset, and shuffles rows with their partners; here
// the rotation is within each shuffled training batch, so the partners change every epoch. It needs
// two examples: a batch is at least 2, and a last batch of 1 joins the one before it.
import * as tf from '@tensorflow/tfjs';
import type { ComparisonGroup } from '../feedback/judgement-group';
import type { LanguageModel } from '../model/language-model';
import { packSequences, tokenLogProbs } from '../model/logprobs';
import { PAD } from '../model/tokenizer';
import { ktoLossTensor, ktoMetrics, ktoMismatchedCompletions, ktoReferencePoint, ktoReferencePointTensor, type KtoMetrics, type KtoOptions } from '../rlhf/dpo';
import type { FaultRecord } from '../store/fault-record';
import { makeRng, shuffledIndices } from '../util/rng';
import { checkSettings } from '../util/settings-table';
import { dpoSequence, offlineTrainedVars, referenceLogProbs, sequenceLogProbs, type DpoSequence } from './dpo-trainer';
import { FaultGuard } from './fault-guard';
import { KTO_SETTINGS, type KTOSettings } from './kto-settings';
import { asNamedTensors, clipByGlobalNorm, makeAdam } from './optimizer';

export { DEFAULT_KTO, KTO_SETTINGS, type KTOSettings } from './kto-settings';

/** One step's numbers, TRL's names; rewards/* and kl are of the batch before the update. */
export interface KTOStep extends KtoMetrics {
  step: number;
  totalSteps: number;
  /** 1-based. */
  epoch: number;
  loss: number;
  /** The step went bad and was undone: the weights are the last good ones. */
  fault?: FaultRecord;
}

/** A completion of a group as it is scored, with its prompt and completion ids (for the mismatched pairs). */
export interface KtoItem { promptIds: number[]; completion: number[]; sequence: DpoSequence }

/** A training example: a completion (an index into the items) and whether it is desirable. */
export interface KtoExample { item: number; desirable: boolean }

/** Every thumb and both sides of every pair as examples; each completion used becomes one item, however many examples share it. */
export function ktoExamples(groups: ComparisonGroup[], blockSize: number): { items: KtoItem[]; examples: KtoExample[] } {
  const items: KtoItem[] = [];
  const examples: KtoExample[] = [];
  groups.forEach((g, gi) => {
    const k = g.completions.length;
    const at = new Map<number, number>();
    const item = (i: number, where: string): number => {
      if (!(Number.isInteger(i) && i >= 0 && i < k)) throw new Error(`Expected ${where} to index one of its ${k} completions, but got ${i}`);
      if (!at.has(i)) {
        at.set(i, items.length);
        items.push({ promptIds: g.promptIds, completion: g.completions[i], sequence: dpoSequence(g.promptIds, g.completions[i], blockSize) });
      }
      return at.get(i)!;
    };
    g.thumbs.forEach((t, ti) => {
      const where = `thumb ${ti} of group ${gi}`;
      if (typeof t.up !== 'boolean') throw new Error(`Expected ${where} to be up (true) or down (false), but got ${String(t.up)}`);
      examples.push({ item: item(t.index, where), desirable: t.up });
    });
    g.pairs.forEach((p, pi) => {
      const where = `pair ${pi} of group ${gi}`;
      const [chosen, rejected] = [item(p.chosen, where), item(p.rejected, where)];
      if (p.chosen === p.rejected) throw new Error(`Expected ${where} to compare two completions, but both are ${p.chosen}`);
      examples.push({ item: chosen, desirable: true }, { item: rejected, desirable: false });
    });
  });
  if (!examples.length) throw new Error('There is nothing to train on: no judgement gives a thumb or a comparison pair');
  if (examples.length < 2) throw new Error('Expected at least 2 examples (the KL estimate pairs each prompt with another example\'s completion), but got 1');
  return { items, examples };
}

/** order in consecutive batches of batchSize (>= 2); a last batch of 1 joins the one before it. */
export function ktoBatches(order: number[], batchSize: number): number[][] {
  if (!(Number.isInteger(batchSize) && batchSize >= 2)) throw new Error(`Expected a batch size >= 2, but got ${batchSize}`);
  if (order.length < 2) throw new Error(`Expected at least 2 examples to batch, but got ${order.length}`);
  const batches: number[][] = [];
  for (let i = 0; i < order.length; i += batchSize) batches.push(order.slice(i, i + batchSize));
  if (batches.at(-1)!.length === 1) batches.at(-2)!.push(...batches.pop()!);
  return batches;
}

/** Trains the policy towards its desirable examples and away from its undesirable ones, against a KL reference point. */
export class KTOTrainer {
  private readonly optimizer: tf.AdamOptimizer;
  private readonly vars: tf.Variable[];
  /** Undoes a step that leaves a NaN or Infinity (guard.faults lists them). */
  readonly guard: FaultGuard;

  constructor(readonly policy: LanguageModel, readonly reference: LanguageModel, readonly settings: KTOSettings) {
    checkSettings(KTO_SETTINGS, settings);
    this.vars = offlineTrainedVars(policy, reference);
    this.optimizer = makeAdam(settings.learningRate, 0.9, 0.999); // TRL's AdamW betas
    this.guard = new FaultGuard(this.vars, this.optimizer);
  }

  /** settings.epochs passes over every example of the groups in seeded shuffled batches, one step each. */
  async *train(groups: ComparisonGroup[]): AsyncGenerator<KTOStep> {
    const s = this.settings;
    // 1. the examples and their completions as sequences
    const { items, examples } = ktoExamples(groups, this.policy.config.blockSize);
    // 2. the reference's log-probs of the examples, once: it never changes
    const ref = await referenceLogProbs(this.reference, items.map((it) => it.sequence));
    // 3. epochs of shuffled batches
    const perEpoch = ktoBatches(examples.map((_, i) => i), s.batchSize).length;
    const totalSteps = perEpoch * s.epochs;
    const rng = makeRng(s.seed);
    let step = 0;
    for (let epoch = 1; epoch <= s.epochs; epoch++) {
      for (const b of ktoBatches(shuffledIndices(examples.length, rng), s.batchSize)) {
        const result = await this.step(b.map((j) => examples[j]), items, ref);
        yield { step: ++step, totalSteps, epoch, ...result };
      }
    }
  }

  /** One update on a batch of examples: the mismatched pairs' log-probs first, then the examples on the tape. */
  private async step(batch: KtoExample[], items: KtoItem[], ref: number[]): Promise<Omit<KTOStep, 'step' | 'totalSteps' | 'epoch'>> {
    const { config, params } = this.policy;
    const { beta, desirableWeight, undesirableWeight } = this.settings;
    const opts: KtoOptions = { beta, desirableWeight, undesirableWeight };
    // 1. z0's sequences: prompt i with the completion of example i − 1, both models, no gradient
    const mismatched = ktoMismatchedCompletions(batch.length)
      .map((j, i) => dpoSequence(items[batch[i].item].promptIds, items[batch[j].item].completion, config.blockSize));
    const klPolicy = await sequenceLogProbs(this.policy, mismatched);
    const klRef = await sequenceLogProbs(this.reference, mismatched);
    // 2. the policy's log-probs of the examples and the loss, on the tape
    const rows = batch.map((e) => items[e.item].sequence);
    const { ids, targetMask } = packSequences(rows.map((r) => r.ids), rows.map((r) => r.completionStart), PAD);
    const refLogps = batch.map((e) => ref[e.item]);
    const desirable = batch.map((e) => e.desirable);
    let logps: tf.Tensor1D | undefined;
    const { value, grads } = tf.variableGrads(() => {
      const lp = tokenLogProbs(config, params, tf.tensor2d(ids, undefined, 'int32')).mul(tf.tensor2d(targetMask)).sum(1) as tf.Tensor1D;
      logps = tf.keep(lp);
      const z0 = ktoReferencePointTensor(tf.tensor1d(klPolicy), tf.tensor1d(klRef));
      return ktoLossTensor({ policyLogps: lp, refLogps: tf.tensor1d(refLogps), desirable }, z0, opts);
    }, this.vars);
    // 3. clip, update, and undo the update if it left a NaN or Infinity
    const clipped = clipByGlobalNorm(grads, this.settings.maxGradNorm);
    this.optimizer.applyGradients(asNamedTensors(clipped.grads));
    tf.dispose([grads, clipped.grads, clipped.norm] as unknown as tf.Tensor[]);
    try {
      const fault = await this.guard.afterStep(value);
      const [loss, lp] = await Promise.all([value.data(), logps!.data()]);
      const policy = Array.from(lp);
      // 4. TRL's rewards and kl, from the log-probs before the update (NaN when they were not finite)
      const metrics = [...policy, ...klPolicy, ...klRef].every(Number.isFinite)
        ? ktoMetrics({ policyLogps: policy, refLogps, desirable }, ktoReferencePoint(klPolicy, klRef), opts)
        : { 'rewards/chosen': NaN, 'rewards/rejected': NaN, 'rewards/margins': NaN, kl: NaN };
      return { loss: loss[0], ...metrics, ...(fault ? { fault } : {}) };
    } finally {
      tf.dispose([value, logps!]);
    }
  }

  dispose(): void {
    this.guard.dispose();
    this.optimizer.dispose();
  }
}
