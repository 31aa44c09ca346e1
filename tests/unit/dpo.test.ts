import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  dpoLoss, dpoLosses, dpoLossTensor, dpoMetrics, ktoLoss, ktoLossTensor, ktoMetrics, ktoMismatchedCompletions,
  ktoReferencePoint, ktoReferencePointTensor, type DpoLogps, type DpoOptions, type KtoBatch,
} from '../../src/lib/rlhf/dpo';

// Pair a: h = (−10 + 12) − (−15 + 14) = 2 + 1 = 3; β = 0.1: βh = 0.3, −log σ(0.3) = 0.5543552.
//   rewards: chosen 0.1·2 = 0.2, rejected 0.1·(−1) = −0.1.
// Pair b: everything equal, h = 0: −log σ(0) = ln 2; rewards 0 and 0 (a tie).
const HAND: DpoLogps<number[]> = { policyChosen: [-10, -5], refChosen: [-12, -5], policyRejected: [-15, -6], refRejected: [-14, -6] };
const B = { beta: 0.1 };
const LOSS_A = 0.5543552;

const scalar = async (t: tf.Tensor) => (await t.data())[0];
const tensors = (x: DpoLogps<number[]>): DpoLogps<tf.Tensor1D> => ({
  policyChosen: tf.tensor1d(x.policyChosen), policyRejected: tf.tensor1d(x.policyRejected),
  refChosen: tf.tensor1d(x.refChosen), refRejected: tf.tensor1d(x.refRejected),
});

describe('DPO sigmoid loss (numbers)', () => {
  it('is −log σ(β·h) per pair at hand-worked values', () => {
    const [a, b] = dpoLosses(HAND, B);
    expect(a).toBeCloseTo(LOSS_A, 7);
    expect(b).toBeCloseTo(Math.LN2, 12);
    expect(dpoLoss(HAND, B)).toBeCloseTo((LOSS_A + Math.LN2) / 2, 7);
  });

  it('with label smoothing ε is softplus(−z) + ε·z: 0.5543552 + 0.1·0.3 at z = 0.3', () => {
    // (1 − ε)·softplus(−z) + ε·softplus(z), and softplus(z) = softplus(−z) + z
    expect(dpoLosses(HAND, { ...B, labelSmoothing: 0.1 })[0]).toBeCloseTo(LOSS_A + 0.03, 7);
  });

  it('weights pairs: w = [1, 3] gives (0.5543552 + 3 ln 2)/4; weight 0 drops a pair', () => {
    expect(dpoLoss(HAND, { ...B, weights: [1, 3] })).toBeCloseTo((LOSS_A + 3 * Math.LN2) / 4, 7);
    expect(dpoLoss(HAND, { ...B, weights: [0, 2] })).toBeCloseTo(Math.LN2, 12);
  });

  it('stays finite for huge log-ratio differences', () => {
    const far = { policyChosen: [0], refChosen: [0], policyRejected: [5000], refRejected: [0] };
    expect(dpoLoss(far, { beta: 1 })).toBeCloseTo(5000, 6);
  });

  it('logs TRL\'s reward metrics; a tie is not an accurate pair', () => {
    const m = dpoMetrics(HAND, B);
    expect(m['rewards/chosen']).toBeCloseTo(0.1, 12); // (0.2 + 0)/2
    expect(m['rewards/rejected']).toBeCloseTo(-0.05, 12); // (−0.1 + 0)/2
    expect(m['rewards/accuracies']).toBe(0.5); // a: 0.2 > −0.1; b: 0 > 0 is false
    expect(m['rewards/margins']).toBeCloseTo(0.15, 12); // (0.3 + 0)/2
  });
});

// IPO, β = 0.5: target 1/(2β) = 1; log-probs divided by token counts, as TRL does for IPO.
// Pair 1: chosen −6/3 = −2 vs ref −9/3 = −3; rejected −8/4 vs −8/4: h = 1 − 0 = 1 → loss 0.
// Pair 2: chosen −2/2 = −1 vs ref −8/2 = −4; rejected −3/1 vs −3/1: h = 3 → (3 − 1)² = 4.
//   (On the sums h would be 6 and the loss 25.)
const IPO_X: DpoLogps<number[]> = { policyChosen: [-6, -2], refChosen: [-9, -8], policyRejected: [-8, -3], refRejected: [-8, -3] };
const IPO: DpoOptions = { beta: 0.5, lossType: 'ipo', chosenLengths: [3, 2], rejectedLengths: [4, 1] };

describe('IPO loss (numbers)', () => {
  it('is (h − 1/(2β))² on per-token log-probs', () => {
    const [a, b] = dpoLosses(IPO_X, IPO);
    expect(a).toBeCloseTo(0, 12);
    expect(b).toBeCloseTo(4, 12);
    expect(dpoLoss(IPO_X, IPO)).toBeCloseTo(2, 12);
  });

  it('reports rewards from the per-token log-probs too', () => {
    // chosen rewards 0.5·(−2 + 3) = 0.5 and 0.5·(−1 + 4) = 1.5; rejected 0 and 0
    const m = dpoMetrics(IPO_X, IPO);
    expect(m['rewards/chosen']).toBeCloseTo(1, 12);
    expect(m['rewards/margins']).toBeCloseTo(1, 12);
    expect(m['rewards/accuracies']).toBe(1);
  });

  it('refuses IPO without token counts, and counts or smoothing with the other loss', () => {
    expect(() => dpoLoss(IPO_X, { beta: 0.5, lossType: 'ipo' })).toThrow(/chosenLengths with lossType 'ipo'/);
    expect(() => dpoLoss(IPO_X, { ...IPO, rejectedLengths: [4, 0] })).toThrow(/rejectedLengths to be integers >= 1, but got 0/);
    expect(() => dpoLoss(HAND, { ...B, chosenLengths: [1, 1] })).toThrow(/no chosenLengths with lossType 'sigmoid'/);
    expect(() => dpoLoss(IPO_X, { ...IPO, labelSmoothing: 0.1 })).toThrow(/labelSmoothing only with lossType 'sigmoid', but got 0.1/);
  });
});

describe('DPO refusals', () => {
  it('names the bad value', () => {
    expect(() => dpoLoss(HAND, { beta: 0 })).toThrow(/beta .* > 0, but got 0/);
    expect(() => dpoLoss(HAND, { beta: 0.1, labelSmoothing: 0.6 })).toThrow(/labelSmoothing in \[0, 0.5\], but got 0.6/);
    expect(() => dpoLoss({ ...HAND, refRejected: [0] }, B)).toThrow(/refRejected .* \(2\), but got 1/);
    expect(() => dpoLoss(HAND, { ...B, weights: [1, -1] })).toThrow(/weights >= 0, but got -1 for pair 1/);
    expect(() => dpoLoss(HAND, { ...B, weights: [0, 0] })).toThrow(/at least one weight > 0/);
    expect(() => dpoLoss({ ...HAND, policyChosen: [NaN, 0] }, B)).toThrow(/finite log-probs, but policyChosen\[0\] is NaN/);
    expect(() => dpoLoss(HAND, { beta: 0.1, lossType: 'hinge' as never })).toThrow(/lossType 'sigmoid' or 'ipo', but got hinge/);
  });
});

function rand(n: number, seed: number, scale: number, shift: number): number[] {
  let s = seed;
  return Array.from({ length: n }, () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648 * 2 - 1) * scale + shift);
}

describe('DPO tensor loss', () => {
  const X: DpoLogps<number[]> = {
    policyChosen: rand(6, 1, 5, -20), policyRejected: rand(6, 2, 5, -20), refChosen: rand(6, 3, 5, -20), refRejected: rand(6, 4, 5, -20),
  };
  const cases: [string, DpoOptions][] = [
    ['sigmoid', { beta: 0.2 }],
    ['sigmoid, smoothed and weighted', { beta: 0.2, labelSmoothing: 0.15, weights: [1, 2, 0, 1.5, 1, 1] }],
    ['ipo', { beta: 0.3, lossType: 'ipo', chosenLengths: [3, 5, 2, 7, 4, 1], rejectedLengths: [2, 6, 3, 1, 8, 2] }],
  ];
  for (const [name, opts] of cases) {
    it(`equals the number version on a random batch (${name})`, async () => {
      expect(await scalar(dpoLossTensor(tensors(X), opts))).toBeCloseTo(dpoLoss(X, opts), 4);
    });
  }

  it('raises the chosen log-prob and lowers the rejected one: −β(1 − σ(βh))/N and its negative', async () => {
    const t = tensors(HAND);
    const f = (pc: tf.Tensor, pr: tf.Tensor) => dpoLossTensor({ ...t, policyChosen: pc as tf.Tensor1D, policyRejected: pr as tf.Tensor1D }, B);
    const [gc, gr] = tf.grads(f)([t.policyChosen, t.policyRejected]);
    // a: −0.1·(1 − σ(0.3))/2 = −0.1·0.4255575/2 = −0.0212779; b: −0.1·0.5/2 = −0.025
    const want = [-0.0212779, -0.025];
    Array.from(await gc.data()).forEach((g, i) => expect(g).toBeCloseTo(want[i], 6));
    Array.from(await gr.data()).forEach((g, i) => expect(g).toBeCloseTo(-want[i], 6));
  });

  it('with label smoothing the push fades where σ(βh) > 1 − ε', async () => {
    // chosen gradient β(ε − (1 − σ(z)))/N; ε = 0.45 at z = 0.3: 0.1·(0.45 − 0.4255575) = +0.0024443 (pushes down)
    const t = tensors({ policyChosen: [-10], refChosen: [-12], policyRejected: [-15], refRejected: [-14] });
    const g = tf.grad((pc: tf.Tensor) => dpoLossTensor({ ...t, policyChosen: pc as tf.Tensor1D }, { ...B, labelSmoothing: 0.45 }))(t.policyChosen);
    expect(await scalar(g)).toBeCloseTo(0.0024443, 6);
  });

  it('IPO pulls h back to its target instead of pushing it up without end', async () => {
    const t = tensors(IPO_X);
    const g = tf.grad((pc: tf.Tensor) => dpoLossTensor({ ...t, policyChosen: pc as tf.Tensor1D }, IPO))(t.policyChosen);
    // pair 1 sits at the target: 0; pair 2: 2·(3 − 1)·(1/2 token)/2 pairs = +1 (lowers the chosen log-prob)
    const got = Array.from(await g.data());
    expect(got[0]).toBeCloseTo(0, 6);
    expect(got[1]).toBeCloseTo(1, 5);
  });

  it('refuses tensors of different lengths, naming them', () => {
    expect(() => dpoLossTensor({ ...tensors(HAND), refChosen: tf.zeros([3]) as tf.Tensor1D }, B)).toThrow(/refChosen .* \(2\), but got 3/);
  });
});

// KTO, β = 0.5, z0 = 1; log-ratios r = [3, 3, −1], thumbs [up, down, down]:
//   up r = 3:     1 − σ(0.5·(3 − 1)) = 1 − σ(1) = 0.2689414
//   down r = 3:   1 − σ(0.5·(1 − 3)) = 1 − σ(−1) = 0.7310586
//   down r = −1:  1 − σ(0.5·(1 + 1)) = 0.2689414
const KTO: KtoBatch<number[]> = { policyLogps: [-3, -3, -10], refLogps: [-6, -6, -9], desirable: [true, false, false] };
const KB = { beta: 0.5 };

describe('KTO', () => {
  it('estimates z0 as TRL: the mean log-ratio of mismatched pairs, clamped at 0', () => {
    expect(ktoReferencePoint([-4, -2], [-6, -2])).toBe(1); // (2 + 0)/2
    expect(ktoReferencePoint([-4, -2], [-3, -2])).toBe(0); // (−1 + 0)/2 clamped
    expect(ktoMismatchedCompletions(3)).toEqual([2, 0, 1]); // prompt i with completion i − 1
    expect(() => ktoMismatchedCompletions(1)).toThrow(/n >= 2 .* got 1/);
  });

  it('averages the weighted per-example losses over the whole batch', () => {
    expect(ktoLoss(KTO, 1, KB)).toBeCloseTo((0.2689414 + 0.7310586 + 0.2689414) / 3, 7);
    // undesirable weight 2: (0.2689414 + 2·(0.7310586 + 0.2689414))/3 = 2.2689414/3
    expect(ktoLoss(KTO, 1, { ...KB, undesirableWeight: 2 })).toBeCloseTo(2.2689414 / 3, 7);
  });

  it('logs rewards per side, margins with an absent side as 0, and the KL', () => {
    // chosen 0.5·3 = 1.5; rejected 0.5·(3 − 1)/2 = 0.5
    expect(ktoMetrics(KTO, 1, KB)).toEqual({ 'rewards/chosen': 1.5, 'rewards/rejected': 0.5, 'rewards/margins': 1, kl: 1 });
    const upOnly = ktoMetrics({ ...KTO, desirable: [true, true, true] }, 0, KB);
    expect(upOnly['rewards/rejected']).toBeNaN();
    expect(upOnly['rewards/margins']).toBeCloseTo(upOnly['rewards/chosen'], 12);
  });

  it('refuses bad input, naming it', () => {
    expect(() => ktoLoss(KTO, -0.1, KB)).toThrow(/z0 .* >= 0 .* got -0.1/);
    expect(() => ktoLoss({ ...KTO, desirable: [true] }, 0, KB)).toThrow(/desirable .* \(3\), but got 1/);
    expect(() => ktoLoss(KTO, 0, { ...KB, desirableWeight: -1 })).toThrow(/desirableWeight .* got -1/);
    expect(() => ktoLoss(KTO, 0, { beta: -1 })).toThrow(/beta .* got -1/);
    expect(() => ktoReferencePoint([1, 2], [1])).toThrow(/klRefLogps .* \(2\), but got 1/);
  });

  it('the tensor loss equals the number loss, with z0 a number or a tensor', async () => {
    const batch = { policyLogps: tf.tensor1d(KTO.policyLogps), refLogps: tf.tensor1d(KTO.refLogps), desirable: KTO.desirable };
    const opts = { ...KB, desirableWeight: 1.3, undesirableWeight: 0.7 };
    expect(await scalar(ktoLossTensor(batch, 1, opts))).toBeCloseTo(ktoLoss(KTO, 1, opts), 6);
    const z0 = ktoReferencePointTensor(tf.tensor1d([-4, -2]), tf.tensor1d([-6, -2]));
    expect(await scalar(z0)).toBeCloseTo(1, 6);
    expect(await scalar(ktoLossTensor(batch, z0, opts))).toBeCloseTo(ktoLoss(KTO, 1, opts), 6);
  });

  it('raises desirable log-probs, lowers undesirable ones, and passes no gradient into z0', async () => {
    const ref = tf.tensor1d(KTO.refLogps);
    const klRef = tf.tensor1d([-6, -2]);
    const f = (p: tf.Tensor, klp: tf.Tensor) => ktoLossTensor(
      { policyLogps: p as tf.Tensor1D, refLogps: ref, desirable: KTO.desirable }, ktoReferencePointTensor(klp as tf.Tensor1D, klRef), KB,
    );
    const [gp, gkl] = tf.grads(f)([tf.tensor1d(KTO.policyLogps), tf.tensor1d([-4, -2])]);
    // −w·β·s·σ(u)(1 − σ(u))/N with σ(1)(1 − σ(1)) = 0.1966119: ∓0.5·0.1966119/3 = ∓0.0327687
    const want = [-0.0327687, 0.0327687, 0.0327687];
    Array.from(await gp.data()).forEach((g, i) => expect(g).toBeCloseTo(want[i], 6));
    expect(Array.from(await gkl.data())).toEqual([0, 0]);
  });
});
