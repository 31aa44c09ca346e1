import { describe, expect, it } from 'vitest';
import { klK1, klK3, meanSequenceKl, perTokenRewards, sequenceKl } from '../../src/lib/rlhf/kl';

describe('per-token KL estimators', () => {
  it('k1 = logp − logpRef', () => {
    expect(klK1(-1, -2)).toBe(1);
    expect(klK1(-2, -1)).toBe(-1); // one token's k1 can be negative
  });

  it('k3 = (r − 1) − log r at hand-worked points', () => {
    // logp −1, logpRef −2: log r = −1, r = e^−1 = 0.3678794; (r − 1) − log r = −0.6321206 + 1 = 0.3678794
    expect(klK3(-1, -2)).toBeCloseTo(0.3678794, 7);
    // logp −2, logpRef −1: log r = 1, r = e = 2.7182818; (r − 1) − 1 = 0.7182818
    expect(klK3(-2, -1)).toBeCloseTo(0.7182818, 7);
    expect(klK3(-3, -3)).toBe(0);
  });

  it('k3 is never negative, even for log r near 0 (≈ ½ (log r)²)', () => {
    for (const d of [-5, -1, -1e-3, -1e-9, 1e-9, 1e-3, 1, 5]) expect(klK3(0, d)).toBeGreaterThanOrEqual(0);
    expect(klK3(0, 1e-4)).toBeCloseTo(0.5e-8, 12);
  });

  it('k1 and k3 average to the exact KL under the sampling policy', () => {
    // p = (0.5, 0.3, 0.2), q = (0.2, 0.3, 0.5): KL(p‖q) = 0.5 ln 2.5 + 0 + 0.2 ln 0.4 = 0.3 ln 2.5 = 0.2748872.
    const p = [0.5, 0.3, 0.2];
    const q = [0.2, 0.3, 0.5];
    const expect1 = p.reduce((a, pi, i) => a + pi * klK1(Math.log(pi), Math.log(q[i])), 0);
    const expect3 = p.reduce((a, pi, i) => a + pi * klK3(Math.log(pi), Math.log(q[i])), 0);
    expect(expect1).toBeCloseTo(0.2748872, 7);
    expect(expect3).toBeCloseTo(0.2748872, 7); // E_p[r − 1] = Σq − Σp = 0, the rest is E_p[−log r]
  });
});

describe('per-token rewards', () => {
  const logp = [[-1, -2, -0.5], [-1, -1, -3]];
  const logpRef = [[-2, -1, -0.5], [-1.5, -9, -9]];
  const mask = [[1, 1, 1], [1, 0, 0]];
  const score = [2, -1];

  it('with k1: −β KL at every real token, the score added at the last one', () => {
    const { rewards, kl } = perTokenRewards({ logp, logpRef, mask, score, beta: 0.1, estimator: 'k1' });
    // k1 row 0: −1 − (−2) = 1, −2 − (−1) = −1, 0; row 1: −1 − (−1.5) = 0.5, then masked.
    expect(kl).toEqual([[1, -1, 0], [0.5, 0, 0]]);
    // row 0: −0.1·1, −0.1·(−1), 0 + 2; row 1: −0.1·0.5 − 1 = −1.05 at its only real token.
    const expected = [[-0.1, 0.1, 2], [-1.05, 0, 0]];
    rewards.flat().forEach((r, i) => expect(r).toBeCloseTo(expected.flat()[i], 12));
  });

  it('with k3: the KL terms are the k3 values', () => {
    const { rewards, kl } = perTokenRewards({ logp, logpRef, mask, score, beta: 0.1, estimator: 'k3' });
    // row 0: log r = −1 → 0.3678794; log r = 1 → 0.7182818; 0. row 1: log r = −0.5 → 0.6065307 − 1 + 0.5 = 0.1065307
    const klExpected = [0.3678794, 0.7182818, 0, 0.1065307, 0, 0];
    kl.flat().forEach((k, i) => expect(k).toBeCloseTo(klExpected[i], 7));
    const expected = [-0.03678794, -0.07182818, 2, -1.01065307, 0, 0];
    rewards.flat().forEach((r, i) => expect(r).toBeCloseTo(expected[i], 7));
  });

  it('subtracts the rule penalty and, for a row without EOS, the missing-EOS penalty', () => {
    const { rewards } = perTokenRewards({
      logp, logpRef, mask, score, beta: 0.1, estimator: 'k1',
      missingEosPenalty: 1, endedWithEos: [true, false], rulePenalty: [0.5, 0],
    });
    // row 0 ended with EOS: 2 − 0.5 = 1.5 (its last KL is 0); row 1: −1 − 1 − 0.05 = −2.05
    expect(rewards[0][2]).toBeCloseTo(1.5, 12);
    expect(rewards[1][0]).toBeCloseTo(-2.05, 12);
    expect(rewards[0].slice(0, 2)).toEqual([-0.1, 0.1]);
  });

  it('puts the score at the last real token of a mask that starts late', () => {
    const { rewards } = perTokenRewards({ logp: [[0, 0, 0, 0]], logpRef: [[0, 0, 0, 0]], mask: [[0, 1, 1, 0]], score: [3], beta: 1, estimator: 'k1' });
    [0, 0, 3, 0].forEach((r, t) => expect(rewards[0][t]).toBeCloseTo(r, 12));
  });

  it('sums KL per row over real tokens, and averages rows', () => {
    const { kl } = perTokenRewards({ logp, logpRef, mask, score, beta: 0.1, estimator: 'k3' });
    expect(sequenceKl(kl, mask)[0]).toBeCloseTo(0.36787944 + 0.71828183, 7); // 1.08616127
    expect(sequenceKl(kl, mask)[1]).toBeCloseTo(0.1065307, 7);
    expect(meanSequenceKl(kl, mask)).toBeCloseTo((1.08616127 + 0.10653066) / 2, 7);
  });

  it('refuses bad arguments, naming them', () => {
    const base = { logp, logpRef, mask, score, beta: 0.1, estimator: 'k1' as const };
    expect(() => perTokenRewards({ ...base, score: [1] })).toThrow(/one score per row \(2\), but got 1/);
    expect(() => perTokenRewards({ ...base, beta: -1 })).toThrow(/beta .* got -1/);
    expect(() => perTokenRewards({ ...base, missingEosPenalty: 1 })).toThrow(/endedWithEos .* 2 rows .* none/);
    expect(() => perTokenRewards({ ...base, missingEosPenalty: -1, endedWithEos: [true, true] })).toThrow(/missingEosPenalty >= 0 .* -1/);
    expect(() => perTokenRewards({ ...base, rulePenalty: [0, -2] })).toThrow(/rulePenalty >= 0 .* -2 for row 1/);
    expect(() => perTokenRewards({ ...base, mask: [[1, 1, 1], [0, 0, 0]] })).toThrow(/row 1 has none/);
    expect(() => perTokenRewards({ ...base, logpRef: [[0, 0], [0, 0]] })).toThrow(/logp and logpRef rows .* row 0 has 3 and 2/);
  });
});
