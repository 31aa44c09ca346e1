// The KL leash: per-token estimates of KL(policy ‖ reference) from the log-probs of the sampled
// tokens, and the per-token rewards PPO maximises, −β·KL at every token plus the scalar score at
// the last (Ziegler et al. 2019; InstructGPT; TRL). Estimators from Schulman, "Approximating KL
// divergence" (2020), with x ~ policy and log r = log p_ref(x) − log p(x):
//   k1 = −log r            unbiased, can be negative for one token
//   k2 = ½ (log r)²        biased, low variance, ≥ 0 (not offered: TRL's PPO offers k1 and k3)
//   k3 = (r − 1) − log r   unbiased, low variance, ≥ 0
// Where the rest of the KL penalty lives: the controller that moves β is rlhf/adaptive-kl.ts; the
// log-probs it reads come from engine/rollout.ts; engine/ppo-trainer.ts adds −β·KL to the rewards
// (A2C puts the exact KL in its loss, rlhf/a2c-loss.ts); engine/completion-kl.ts measures the KL of
// held-out samples for the charts.
// The score goes on the completion's last real token (its EOS, or its last token when it did not
// end), the token whose action the reward model judged. TRL's current PPO code puts it one slot
// later, after the last real token (its issue #1893 is open on it); we keep the token the score
// belongs to, so no reward lands on padding and GAE's last step is a real one.
import { assertMask, assertSameShape } from './masks';

export type KlEstimator = 'k1' | 'k3';

export function klK1(logp: number, logpRef: number): number {
  return logp - logpRef;
}

/** (r − 1) − log r with log r = logpRef − logp; expm1 keeps it exact (and ≥ 0) when r ≈ 1. */
export function klK3(logp: number, logpRef: number): number {
  const logr = logpRef - logp;
  return Math.expm1(logr) - logr;
}

export interface PerTokenRewardsInput {
  /** log p(token) under the policy that sampled it, (rows, tokens). */
  logp: number[][];
  /** log p(token) under the frozen reference model, (rows, tokens). */
  logpRef: number[][];
  /** 1 at the completion's real tokens, 0 at padding / after EOS. */
  mask: number[][];
  /** The reward model's scalar per row (normalised), added at the row's last real token. */
  score: number[];
  /** KL coefficient β ≥ 0. */
  beta: number;
  estimator: KlEstimator;
  /** Subtracted from the score of a row that did not end with EOS (TRL's missing_eos_penalty); ≥ 0. */
  missingEosPenalty?: number;
  /** Whether each row ended with EOS; needed with missingEosPenalty. */
  endedWithEos?: boolean[];
  /** Subtracted from each row's score (e.g. a rule that was broken); each ≥ 0. */
  rulePenalty?: number[];
}

export interface PerTokenRewards {
  /** −β·KL_t at real tokens, plus the penalised score at each row's last real token; 0 elsewhere. */
  rewards: number[][];
  /** The per-token KL estimate at real tokens, 0 elsewhere. */
  kl: number[][];
}

export function perTokenRewards(input: PerTokenRewardsInput): PerTokenRewards {
  const { logp, logpRef, mask, score, beta, estimator, missingEosPenalty = 0, endedWithEos, rulePenalty } = input;
  assertSameShape('logp', logp, 'logpRef', logpRef);
  assertSameShape('logp', logp, 'mask', mask);
  assertMask('mask', mask);
  const rows = logp.length;
  if (score.length !== rows) throw new Error(`Expected one score per row (${rows}), but got ${score.length}`);
  if (!(beta >= 0)) throw new Error(`Expected beta to be a number >= 0, but got ${beta}`);
  if (estimator !== 'k1' && estimator !== 'k3') throw new Error(`Expected estimator 'k1' or 'k3', but got ${String(estimator)}`);
  if (!(missingEosPenalty >= 0)) throw new Error(`Expected missingEosPenalty >= 0 (it is subtracted), but got ${missingEosPenalty}`);
  if (missingEosPenalty > 0 && endedWithEos?.length !== rows) {
    throw new Error(`Expected endedWithEos for each of ${rows} rows with a missingEosPenalty, but got ${endedWithEos?.length ?? 'none'}`);
  }
  if (rulePenalty) {
    if (rulePenalty.length !== rows) throw new Error(`Expected one rulePenalty per row (${rows}), but got ${rulePenalty.length}`);
    rulePenalty.forEach((p, i) => {
      if (!(p >= 0)) throw new Error(`Expected rulePenalty >= 0 (it is subtracted), but got ${p} for row ${i}`);
    });
  }
  const estimate = estimator === 'k1' ? klK1 : klK3;
  const kl = logp.map((row, i) => row.map((lp, t) => (mask[i][t] ? estimate(lp, logpRef[i][t]) : 0)));
  const rewards = kl.map((row, i) => row.map((k, t) => (mask[i][t] ? -beta * k : 0)));
  rewards.forEach((row, i) => {
    const last = mask[i].lastIndexOf(1);
    if (last < 0) throw new Error(`Expected every row to have a real token to score, but row ${i} has none`);
    let s = score[i] - (rulePenalty ? rulePenalty[i] : 0);
    if (missingEosPenalty > 0 && !endedWithEos![i]) s -= missingEosPenalty;
    row[last] += s;
  });
  return { rewards, kl };
}

/** Σ_t KL_t of each row over its real tokens: the sequence-level KL the controller and charts use. */
export function sequenceKl(kl: number[][], mask: number[][]): number[] {
  assertSameShape('kl', kl, 'mask', mask);
  return kl.map((row, i) => row.reduce((a, k, t) => a + (mask[i][t] ? k : 0), 0));
}

/** Mean over rows of the sequence KL (TRL's objective/kl; what AdaptiveKLController.update takes). */
export function meanSequenceKl(kl: number[][], mask: number[][]): number {
  if (!kl.length) throw new Error('Expected at least one row to average the sequence KL over');
  const totals = sequenceKl(kl, mask);
  return totals.reduce((a, b) => a + b, 0) / totals.length;
}
