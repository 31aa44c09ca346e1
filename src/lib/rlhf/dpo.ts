// Direct Preference Optimization (Rafailov et al. 2023) and KTO (Ethayarajh et al. 2024), as TRL's
// DPOTrainer and KTOTrainer compute them. The inputs are sequence log-probs: the sum over a
// completion's tokens of log p(token), under the policy being trained and the frozen reference.
//   DPO  h = (π_c − ref_c) − (π_r − ref_r)
//        'sigmoid'  −log σ(β·h), or with label smoothing ε (conservative DPO, Mitchell 2023)
//                   (1 − ε)·(−log σ(β·h)) + ε·(−log σ(−β·h))
//        'ipo'      (h − 1/(2β))² (Azar et al. 2023, eq. 17; β is their τ). TRL divides each
//                   sequence log-prob by its completion's token count for IPO (policy and reference
//                   alike, in concatenated_forward), so 'ipo' here takes the token counts and does too.
//   KTO  r = π − ref per example; z0 = max(0, mean over the batch of π − ref on mismatched pairs),
//        detached; desirable w_D·(1 − σ(β(r − z0))), undesirable w_U·(1 − σ(β(z0 − r))).
// Metrics carry TRL's names; its implicit rewards are β·(π − ref), and rewards/accuracies counts a
// pair only when the chosen reward is strictly larger (a tie counts 0, unlike pairwiseAccuracy in
// bradley-terry.ts, which counts it half).
// Per-pair weights: TRL's DPO has no margin term, so the A/B slider's strength (feedback/pairs.ts
// margins 0, 0, 0.5, 1) comes in as a weight, e.g. 1 + margin; the loss is then the weighted mean
// Σ w·loss / Σ w, as in bradleyTerryLoss. (TRL's own use_weighting, WPO, multiplies and takes the
// plain mean.) Metrics are unweighted, as in TRL.
// The tensor versions are not tidied: call them inside tf.tidy or tf.variableGrads.
import * as tf from '@tensorflow/tfjs';
import { bradleyTerryLossValue, sigmoid } from './bradley-terry';

export type DpoLossType = 'sigmoid' | 'ipo';

/** The four sequence log-probs of a batch of pairs, one entry per pair. */
export interface DpoLogps<T> { policyChosen: T; policyRejected: T; refChosen: T; refRejected: T }

export interface DpoOptions {
  /** β > 0: higher keeps the policy closer to the reference (TRL's default 0.1). */
  beta: number;
  lossType?: DpoLossType;
  /** ε in [0, 0.5], 'sigmoid' only: the assumed share of flipped labels. */
  labelSmoothing?: number;
  /** Per-pair weights ≥ 0 (e.g. 1 + the A/B strength's margin), not all 0. */
  weights?: number[];
  /** Completion token counts, required by 'ipo' (and only used by it). */
  chosenLengths?: number[]; rejectedLengths?: number[];
}

export interface DpoMetrics { 'rewards/chosen': number; 'rewards/rejected': number; 'rewards/accuracies': number; 'rewards/margins': number }

/** −log σ(x), stable for large |x|. */
const negLogSigmoid = (x: number) => bradleyTerryLossValue(x, 0);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function checkBeta(beta: number): void {
  if (!(beta > 0 && Number.isFinite(beta))) throw new Error(`Expected beta to be a finite number > 0, but got ${beta}`);
}

function checkLength(name: string, length: number, n: number): void {
  if (length !== n) throw new Error(`Expected ${name} to have one entry per example (${n}), but got ${length}`);
}

function checkDpo(n: number, opts: DpoOptions): void {
  checkBeta(opts.beta);
  const type = opts.lossType ?? 'sigmoid';
  if (type !== 'sigmoid' && type !== 'ipo') throw new Error(`Expected lossType 'sigmoid' or 'ipo', but got ${String(type)}`);
  const eps = opts.labelSmoothing ?? 0;
  if (!(eps >= 0 && eps <= 0.5)) throw new Error(`Expected labelSmoothing in [0, 0.5], but got ${eps}`);
  if (eps > 0 && type !== 'sigmoid') throw new Error(`Expected labelSmoothing only with lossType 'sigmoid', but got ${eps} with '${type}'`);
  if (n === 0) throw new Error('Expected at least one pair');
  if (opts.weights) {
    checkLength('weights', opts.weights.length, n);
    opts.weights.forEach((w, i) => { if (!(w >= 0 && Number.isFinite(w))) throw new Error(`Expected weights >= 0, but got ${w} for pair ${i}`); });
    if (!opts.weights.some((w) => w > 0)) throw new Error('Expected at least one weight > 0');
  }
  for (const name of ['chosenLengths', 'rejectedLengths'] as const) {
    const lengths = opts[name];
    if (type === 'sigmoid' && lengths) throw new Error(`Expected no ${name} with lossType 'sigmoid' (it uses the sums)`);
    if (type === 'ipo') {
      if (!lengths) throw new Error(`Expected ${name} with lossType 'ipo' (TRL averages its log-probs per token)`);
      checkLength(name, lengths.length, n);
      lengths.forEach((l, i) => { if (!(Number.isInteger(l) && l >= 1)) throw new Error(`Expected ${name} to be integers >= 1, but got ${l} for pair ${i}`); });
    }
  }
}

function checkLogps(x: DpoLogps<number[]>): number {
  const n = x.policyChosen.length;
  for (const name of ['policyRejected', 'refChosen', 'refRejected'] as const) checkLength(name, x[name].length, n);
  for (const [name, v] of Object.entries(x) as [string, number[]][]) {
    v.forEach((lp, i) => { if (!Number.isFinite(lp)) throw new Error(`Expected finite log-probs, but ${name}[${i}] is ${lp}`); });
  }
  return n;
}

/** The log-probs the loss uses: the sums for 'sigmoid', the per-token means for 'ipo'. */
function effective(x: DpoLogps<number[]>, opts: DpoOptions): DpoLogps<number[]> {
  if (opts.lossType !== 'ipo') return x;
  const [c, r] = [opts.chosenLengths!, opts.rejectedLengths!];
  const per = (xs: number[], lengths: number[]) => xs.map((v, i) => v / lengths[i]);
  return { policyChosen: per(x.policyChosen, c), policyRejected: per(x.policyRejected, r), refChosen: per(x.refChosen, c), refRejected: per(x.refRejected, r) };
}

/** The loss of each pair, unweighted. */
export function dpoLosses(logps: DpoLogps<number[]>, opts: DpoOptions): number[] {
  checkDpo(checkLogps(logps), opts);
  const x = effective(logps, opts);
  const eps = opts.labelSmoothing ?? 0;
  return x.policyChosen.map((pc, i) => {
    const h = pc - x.refChosen[i] - (x.policyRejected[i] - x.refRejected[i]);
    if (opts.lossType === 'ipo') return (h - 1 / (2 * opts.beta)) ** 2;
    const z = opts.beta * h;
    return (1 - eps) * negLogSigmoid(z) + eps * negLogSigmoid(-z);
  });
}

/** The batch's loss: the mean of dpoLosses, weighted (Σ w·loss / Σ w) when weights are given. */
export function dpoLoss(logps: DpoLogps<number[]>, opts: DpoOptions): number {
  const losses = dpoLosses(logps, opts);
  const w = opts.weights ?? losses.map(() => 1);
  return losses.reduce((a, l, i) => a + w[i] * l, 0) / w.reduce((a, b) => a + b, 0);
}

/** TRL's logged rewards, from the same (per-token for 'ipo') log-probs as the loss. */
export function dpoMetrics(logps: DpoLogps<number[]>, opts: DpoOptions): DpoMetrics {
  checkDpo(checkLogps(logps), opts);
  const x = effective(logps, opts);
  const chosen = x.policyChosen.map((v, i) => opts.beta * (v - x.refChosen[i]));
  const rejected = x.policyRejected.map((v, i) => opts.beta * (v - x.refRejected[i]));
  return {
    'rewards/chosen': mean(chosen),
    'rewards/rejected': mean(rejected),
    'rewards/accuracies': mean(chosen.map((c, i) => (c > rejected[i] ? 1 : 0))),
    'rewards/margins': mean(chosen.map((c, i) => c - rejected[i])),
  };
}

/** dpoLoss as a tensor, for training: the gradient flows into the policy log-probs. */
export function dpoLossTensor(logps: DpoLogps<tf.Tensor1D>, opts: DpoOptions): tf.Scalar {
  const n = logps.policyChosen.shape[0];
  for (const name of ['policyRejected', 'refChosen', 'refRejected'] as const) checkLength(name, logps[name].shape[0], n);
  checkDpo(n, opts);
  let { policyChosen: pc, policyRejected: pr, refChosen: rc, refRejected: rr } = logps as DpoLogps<tf.Tensor>;
  if (opts.lossType === 'ipo') {
    const [cl, rl] = [tf.tensor1d(opts.chosenLengths!), tf.tensor1d(opts.rejectedLengths!)];
    [pc, pr, rc, rr] = [pc.div(cl), pr.div(rl), rc.div(cl), rr.div(rl)];
  }
  const h = pc.sub(rc).sub(pr.sub(rr));
  const [z, eps] = [h.mul(opts.beta), opts.labelSmoothing ?? 0];
  const losses = opts.lossType === 'ipo'
    ? h.sub(1 / (2 * opts.beta)).square()
    : tf.softplus(z.neg()).mul(1 - eps).add(tf.softplus(z).mul(eps));
  if (!opts.weights) return losses.mean() as tf.Scalar;
  const w = tf.tensor1d(opts.weights);
  return losses.mul(w).sum().div(w.sum()) as tf.Scalar;
}

// ---- KTO ----

/** A batch of thumbs: each example's sequence log-probs and whether it was marked desirable. */
export interface KtoBatch<T> { policyLogps: T; refLogps: T; desirable: boolean[] }

export interface KtoOptions {
  beta: number;
  /** λ_D and λ_U ≥ 0 (TRL's defaults 1 and 1; the paper keeps λ_D·n_D / (λ_U·n_U) in [1, 4/3]). */
  desirableWeight?: number; undesirableWeight?: number;
}

/** rewards/margins is rewards/chosen − rewards/rejected with an absent (NaN) side counting 0, as TRL. */
export interface KtoMetrics { 'rewards/chosen': number; 'rewards/rejected': number; 'rewards/margins': number; kl: number }

/**
 * Which completion TRL pairs with each prompt to estimate the KL: its +1 rotation within the batch,
 * prompt i with completion i − 1 (prompt 0 with the last), so the mismatched completions y' are
 * the batch's own completions, each with another prompt.
 */
export function ktoMismatchedCompletions(n: number): number[] {
  if (!Number.isInteger(n) || n < 2) throw new Error(`Expected a batch of n >= 2 examples to mismatch, but got ${n}`);
  return Array.from({ length: n }, (_, i) => (i + n - 1) % n);
}

/**
 * z0 as TRL's kto_loss computes it: the batch mean of log π(y'|x) − log ref(y'|x) over the
 * mismatched pairs (computed without gradient), clamped at 0. A plain number, so detached.
 */
export function ktoReferencePoint(klPolicyLogps: number[], klRefLogps: number[]): number {
  checkLength('klRefLogps', klRefLogps.length, klPolicyLogps.length);
  if (!klPolicyLogps.length) throw new Error('Expected at least one mismatched pair to estimate the KL');
  return Math.max(0, mean(klPolicyLogps.map((p, i) => p - klRefLogps[i])));
}

type CustomGradFn = Parameters<typeof tf.customGrad>[0];
/** The value of x with no gradient through it (torch's .detach()). */
const detach = tf.customGrad(((x: tf.Tensor) => ({ value: x.clone(), gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy) })) as unknown as CustomGradFn) as unknown as
  (x: tf.Tensor) => tf.Tensor;

/** ktoReferencePoint as a tensor, detached: no gradient reaches the mismatched log-probs. */
export function ktoReferencePointTensor(klPolicyLogps: tf.Tensor1D, klRefLogps: tf.Tensor1D): tf.Scalar {
  checkLength('klRefLogps', klRefLogps.shape[0], klPolicyLogps.shape[0]);
  return detach(klPolicyLogps.sub(klRefLogps).mean().relu()) as tf.Scalar;
}

function checkKto(n: number, z0: number | null, opts: KtoOptions): void {
  checkBeta(opts.beta);
  if (n === 0) throw new Error('Expected at least one example');
  for (const name of ['desirableWeight', 'undesirableWeight'] as const) {
    const w = opts[name] ?? 1;
    if (!(w >= 0 && Number.isFinite(w))) throw new Error(`Expected ${name} to be a finite number >= 0, but got ${w}`);
  }
  if (z0 !== null && !(z0 >= 0 && Number.isFinite(z0))) throw new Error(`Expected z0 to be a finite number >= 0 (a clamped KL), but got ${z0}`);
}

function checkKtoBatch(b: KtoBatch<number[]>): number {
  const n = b.policyLogps.length;
  checkLength('refLogps', b.refLogps.length, n);
  checkLength('desirable', b.desirable.length, n);
  [...b.policyLogps, ...b.refLogps].forEach((lp) => { if (!Number.isFinite(lp)) throw new Error(`Expected finite log-probs, but got ${lp}`); });
  return n;
}

/** The batch's KTO loss: the mean over all examples of the weighted per-example losses, as TRL. */
export function ktoLoss(batch: KtoBatch<number[]>, z0: number, opts: KtoOptions): number {
  checkKto(checkKtoBatch(batch), z0, opts);
  const [wD, wU] = [opts.desirableWeight ?? 1, opts.undesirableWeight ?? 1];
  return mean(batch.policyLogps.map((p, i) => {
    const r = p - batch.refLogps[i];
    return batch.desirable[i] ? wD * (1 - sigmoid(opts.beta * (r - z0))) : wU * (1 - sigmoid(opts.beta * (z0 - r)));
  }));
}

/** TRL's logged KTO metrics; a side with no examples reads NaN. */
export function ktoMetrics(batch: KtoBatch<number[]>, z0: number, opts: KtoOptions): KtoMetrics {
  checkKto(checkKtoBatch(batch), z0, opts);
  const side = (want: boolean) => {
    const r = batch.policyLogps.flatMap((p, i) => (batch.desirable[i] === want ? [opts.beta * (p - batch.refLogps[i])] : []));
    return r.length ? mean(r) : NaN;
  };
  const [c, r] = [side(true), side(false)];
  const zeroNaN = (x: number) => (Number.isNaN(x) ? 0 : x);
  return { 'rewards/chosen': c, 'rewards/rejected': r, 'rewards/margins': zeroNaN(c) - zeroNaN(r), kl: z0 };
}

/** ktoLoss as a tensor; z0 from ktoReferencePoint or ktoReferencePointTensor (detached either way). */
export function ktoLossTensor(batch: KtoBatch<tf.Tensor1D>, z0: number | tf.Scalar, opts: KtoOptions): tf.Scalar {
  const n = batch.policyLogps.shape[0];
  checkLength('refLogps', batch.refLogps.shape[0], n);
  checkLength('desirable', batch.desirable.length, n);
  checkKto(n, typeof z0 === 'number' ? z0 : null, opts);
  const [wD, wU] = [opts.desirableWeight ?? 1, opts.undesirableWeight ?? 1];
  const sign = tf.tensor1d(batch.desirable.map((d) => (d ? 1 : -1)));
  const w = tf.tensor1d(batch.desirable.map((d) => (d ? wD : wU)));
  const z = typeof z0 === 'number' ? tf.scalar(z0) : detach(z0);
  const r = batch.policyLogps.sub(batch.refLogps);
  return tf.sub(1, tf.sigmoid(r.sub(z).mul(sign).mul(opts.beta))).mul(w).mean() as tf.Scalar;
}
