// `npm run experiment -- compare` on a tiny checkpoint: one JSON line per method with gold, proxy,
// KL, seconds and samples, best-of-n's KL its formula, the same budget for the policy methods, and
// a last line listing them all; an unknown method is refused before anything loads.
import { describe, expect, it } from 'vitest';
import { compareExperiment } from '../../cli/experiments/compare';
import { overoptimiseExperiment } from '../../cli/experiments/overoptimise';
import { tinyCheckpointRunner } from './cli-runs';

const runOnTiny = tinyCheckpointRunner('compare-cli-');

describe('npm run experiment -- compare', () => {
  it('refuses an unknown method before it loads anything', async () => {
    await expect(compareExperiment(['--methods', 'ppo,dqn'])).rejects.toThrow('Expected --methods from reference, best-of-4, best-of-16, ppo, grpo, rloo, a2c, dpo, ipo, kto, but got "dqn"');
  });

  it('prints a line per method and a summary, on the same judgements and budget', async () => {
    const rows = await runOnTiny(compareExperiment, ['--comparisons', '4', '--steps', '1', '--eval-prompts', '2', '--max-tokens', '6', '--methods', 'reference,best-of-4,ppo,grpo,dpo']);
    const [reference, bon, ppo, grpo, dpo, summary] = rows;
    expect(rows.slice(0, 5).map((r) => r.method)).toEqual(['reference', 'best-of-4', 'ppo', 'grpo', 'dpo']);
    for (const r of rows.slice(0, 5)) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['method', 'gold_score', 'proxy_score', 'kl', 'seconds', 'samples']));
      expect([r.gold_score, r.proxy_score, r.kl].every(Number.isFinite)).toBe(true);
    }
    expect(reference.kl).toBe(0);
    expect(bon.kl).toBeCloseTo(Math.log(4) - 3 / 4, 12);
    expect(bon.samples).toBe(4 * 2);
    expect(ppo.samples).toBe(grpo.samples); // the same budget: 8 completions a step
    expect(dpo.samples).toBe(2); // only the measure's: DPO samples nothing while it trains
    expect(summary.methods).toEqual(rows.slice(0, 5));
  });
});

describe('npm run experiment -- overoptimise', () => {
  it('measures gold, proxy and d = √KL at the start and every few steps, and says where gold peaked', async () => {
    const rows = await runOnTiny(overoptimiseExperiment, ['--labeler', 'shorter', '--comparisons', '4', '--steps', '4', '--every', '2', '--eval-prompts', '2', '--max-tokens', '6']);
    const points = rows.slice(0, -1);
    const summary = rows.at(-1)!;
    expect(points.map((p) => p.step)).toEqual([0, 2, 4]);
    expect(points[0]).toMatchObject({ kl: 0, d: 0 });
    for (const p of points) expect(p.d).toBeCloseTo(Math.sqrt(Math.max(p.kl, 0)), 12);
    const peak = points.reduce((a, b) => (b.gold_score > a.gold_score ? b : a));
    expect(summary).toMatchObject({ gold_start: points[0].gold_score, gold_peak: peak.gold_score, gold_peak_step: peak.step, gold_end: points[2].gold_score, proxy_end: points[2].proxy_score });
    expect(summary.overoptimised).toBe(peak.step < 4 && points[2].gold_score < peak.gold_score && points[2].proxy_score > peak.proxy_score);
  });

  it('refuses --every that is not a positive whole number', async () => {
    await expect(overoptimiseExperiment(['--every', '0'])).rejects.toThrow('Expected --every to be a positive whole number, but got 0');
  });
});
