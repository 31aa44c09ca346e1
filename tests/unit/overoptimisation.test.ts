// Over-optimisation read off round metrics: d = √KL, gold as a gain over the reference's score,
// rounds without a simulated labeler left out, the RL form recovered from points drawn on it, and
// the summary that says whether gold fell while proxy rose on.
import { describe, expect, it } from 'vitest';
import { overoptimisationFits, overoptimisationPoints, overoptimisationSummary } from '../../src/lib/engine/overoptimisation';
import { gaoRlReward } from '../../src/lib/rlhf/best-of-n';

/** A round whose reference scores 1 under the reward model with std 0.5: proxy gain = (proxy − 1) / 0.5. */
const round = (r: number, kl: number, gold: number, refGold: number, proxyGain: number) => ({
  round: r, 'eval/kl': kl, 'eval/labeler_score': gold, 'eval/reference_labeler_score': refGold,
  'eval/rm_score': 1 + 0.5 * proxyGain, 'eval/reference_rm_score': 1, 'eval/reference_rm_std': 0.5,
});

describe('overoptimisationPoints', () => {
  it('takes d = √KL, gold minus the reference gold, and the proxy gain over the reference in its std', () => {
    const points = overoptimisationPoints([round(1, 4, 0.5, 0.2, 0.1), round(2, 9, 0.3, 0.1, 0.7)]);
    expect(points.map((p) => p.d)).toEqual([2, 3]);
    expect(points[0].gold).toBeCloseTo(0.3, 12);
    expect(points[1].gold).toBeCloseTo(0.2, 12);
    expect(points[0].proxy).toBeCloseTo(0.1, 12);
    expect(points[1].proxy).toBeCloseTo(0.7, 12);
    // Worked by hand: the policy's 2.3 against the reference's 1.5 with std 0.4 is a gain of 2 std.
    const [p] = overoptimisationPoints([{ round: 3, 'eval/kl': 1, 'eval/labeler_score': 0, 'eval/reference_labeler_score': 0, 'eval/rm_score': 2.3, 'eval/reference_rm_score': 1.5, 'eval/reference_rm_std': 0.4 }]);
    expect(p.proxy).toBeCloseTo(2, 12);
  });

  it('leaves out rounds a person judged (no labeler score) or with no spread to measure in, and clamps a slightly negative KL estimate to d = 0', () => {
    const person = { round: 1, 'eval/kl': 1, 'eval/rm_score': 0.2, 'eval/reference_rm_score': 0, 'eval/reference_rm_std': 1 };
    expect(overoptimisationPoints([{ ...round(4, 1, 0, 0, 0), 'eval/reference_rm_std': 0 }])).toEqual([]);
    expect(overoptimisationPoints([person, round(2, -0.01, 0, 0, 0)])).toEqual([{ round: 2, d: 0, gold: 0, proxy: 0 }]);
  });
});

describe('overoptimisationFits', () => {
  it('recovers α and β of the RL form from points on it', () => {
    const gold = { alpha: 0.4, beta: 0.3 };
    const proxy = { alpha: 0.2, beta: -0.05 };
    const metrics = [0.25, 1, 2.25, 4, 9].map((kl, i) => {
      const d = Math.sqrt(kl);
      return round(i + 1, kl, gaoRlReward(d, gold) + 0.1, 0.1, gaoRlReward(d, proxy));
    });
    const fits = overoptimisationFits(overoptimisationPoints(metrics));
    expect(fits.gold!.alpha).toBeCloseTo(0.4, 10);
    expect(fits.gold!.beta).toBeCloseTo(0.3, 10);
    expect(fits.proxy!.alpha).toBeCloseTo(0.2, 10);
    expect(fits.proxy!.beta).toBeCloseTo(-0.05, 10);
  });

  it('fits nothing until two distinct d > 0 are measured', () => {
    expect(overoptimisationFits(overoptimisationPoints([round(1, 0, 0, 0, 0), round(2, 1, 0.1, 0, 0.2)]))).toEqual({ gold: undefined, proxy: undefined });
  });
});

describe('overoptimisationSummary', () => {
  it('finds the gold peak and says over-optimised when gold then fell while proxy rose', () => {
    const s = overoptimisationSummary(overoptimisationPoints([round(1, 1, 0.1, 0, 0.1), round(2, 2, 0.3, 0, 0.2), round(3, 4, 0.05, 0, 0.6)]));
    expect(s).toMatchObject({ gold_peak: 0.3, gold_peak_round: 2, gold_end: 0.05, overoptimised: true });
    expect(s!.proxy_at_gold_peak).toBeCloseTo(0.2, 12);
    expect(s!.proxy_end).toBeCloseTo(0.6, 12);
  });

  it('is not over-optimised when gold peaks at the end, or when proxy fell with it', () => {
    expect(overoptimisationSummary(overoptimisationPoints([round(1, 1, 0.1, 0, 0.1), round(2, 2, 0.3, 0, 0.2)]))!.overoptimised).toBe(false);
    expect(overoptimisationSummary(overoptimisationPoints([round(1, 1, 0.3, 0, 0.5), round(2, 2, 0.1, 0, 0.2)]))!.overoptimised).toBe(false);
    expect(overoptimisationSummary([])).toBeUndefined();
  });
});
