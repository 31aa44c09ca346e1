// Over-optimisation (Gao et al. 2022) read off an RL run's round metrics: per round, d = √KL of
// the held-out samples, the gold gain (the simulated labeler's score of the policy's samples minus
// its score of the reference's, on the same prompts and seeds) and the proxy gain (the reward
// model's score of the policy's samples minus the reference's, in standard deviations of the
// reference's: the online loop refits the reward model every round, so its raw scale moves from
// round to round, and only a gain in its own units compares across rounds). The RL form
// R(d) = d(α − β·log d) is fitted to each. No tfjs: the RL screen draws it, the CLI prints it.
import { fitGaoRl, gaoDistance, type GaoCoefficients } from '../rlhf/best-of-n';

export interface OveroptimisationPoint { round: number; d: number; gold: number; proxy: number }

/** The rounds measured by a simulated labeler, in order; rounds without its score are left out. */
export function overoptimisationPoints(metrics: ReadonlyArray<Record<string, number>>): OveroptimisationPoint[] {
  return metrics.flatMap((m) => {
    const [gold, refGold, proxy, refProxy, refStd, kl] = [
      m['eval/labeler_score'], m['eval/reference_labeler_score'], m['eval/rm_score'], m['eval/reference_rm_score'], m['eval/reference_rm_std'], m['eval/kl'],
    ];
    if (![gold, refGold, proxy, refProxy, refStd, kl].every(Number.isFinite) || !(refStd > 0)) return [];
    return [{ round: m.round, d: gaoDistance(Math.max(kl, 0)), gold: gold - refGold, proxy: (proxy - refProxy) / refStd }];
  });
}

/** The RL form fitted to gold and to proxy, where the points determine it (two distinct d > 0). */
export function overoptimisationFits(points: OveroptimisationPoint[]): { gold?: GaoCoefficients; proxy?: GaoCoefficients } {
  const fitTo = (key: 'gold' | 'proxy') => {
    try {
      return fitGaoRl(points.filter((p) => p.d > 0).map((p) => ({ d: p.d, r: p[key] })));
    } catch {
      return undefined;
    }
  };
  return { gold: fitTo('gold'), proxy: fitTo('proxy') };
}

/** Where gold peaked, and whether it then fell while proxy rose on (the preset's claim). */
export function overoptimisationSummary(points: OveroptimisationPoint[]) {
  if (!points.length) return undefined;
  const peak = points.reduce((best, p) => (p.gold > best.gold ? p : best));
  const end = points.at(-1)!;
  return {
    gold_peak: peak.gold, gold_peak_round: peak.round, gold_end: end.gold,
    proxy_at_gold_peak: peak.proxy, proxy_end: end.proxy,
    overoptimised: peak !== end && end.gold < peak.gold && end.proxy > peak.proxy,
  };
}
