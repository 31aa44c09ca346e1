// npm run experiment -- overoptimise --labeler sentiment --seed 1 [--comparisons 40] [--steps 60] [--words W] [--topic dog]
//   [--every 6] [--beta 0.005] [--algorithm ppo] [--eval-prompts 32] [--max-tokens 32]
// Over-optimisation (Gao et al. 2022): a reward model fitted on few judgements, a long run against
// it with a small β. Every --every steps the policy is measured on held-out prompts: gold (the
// labeler's own score), proxy (the reward model's) and KL, with d = √KL. One JSON line per point,
// then the fits of the paper's RL form R(d) = d(α − β·log d) to gold and to proxy (each measured
// from the starter's value), where gold peaked, and whether it then fell while proxy rose on.
import type { LanguageModel } from '../../src/lib/model/language-model';
import { cloneParams } from '../../src/lib/model/params';
import { disposeLanguageModel } from '../../src/lib/model/language-model';
import { checkPPOConfig, type RLAlgorithm } from '../../src/lib/engine/ppo-config';
import { PPOTrainer } from '../../src/lib/engine/ppo-trainer';
import { DEFAULT_RL } from '../../src/lib/engine/rl-run';
import { fitGaoRl, gaoDistance, type GaoCoefficients } from '../../src/lib/rlhf/best-of-n';
import { DEFAULT_SIMULATED_LABELER } from '../../src/lib/feedback/simulated-judgement';
import { parseFlags } from '../args';
import { completionsOf } from '../../src/lib/engine/method-comparison';
import { proxySetup, type Measure } from './proxy-setup';

type Point = Measure & { step: number; d: number };

/** The RL form fitted to one measure against d, from the starter's value; undefined with too few distinct d. */
function gaoFit(points: Point[], key: 'gold_score' | 'proxy_score'): GaoCoefficients | undefined {
  const base = points[0][key];
  const usable = points.filter((p) => p.d > 0).map((p) => ({ d: p.d, r: p[key] - base }));
  try {
    return fitGaoRl(usable);
  } catch {
    return undefined;
  }
}

export async function overoptimiseExperiment(argv: string[]): Promise<void> {
  const f = parseFlags(argv, {
    labeler: 'sentiment', words: 'happy,good', topic: DEFAULT_SIMULATED_LABELER.topic, noise: 0.1, seed: 1, comparisons: 40, steps: 60, every: 6, beta: 0.005,
    algorithm: 'ppo', evalPrompts: 32, maxTokens: 32, checkpoint: 'starter',
  });
  if (!(Number.isInteger(f.every) && f.every >= 1)) throw new Error(`Expected --every to be a positive whole number, but got ${f.every}`);
  const t0 = performance.now();
  const setup = await proxySetup(f);
  const { reference, heldout, train, proxy, measure } = setup;
  const grouped = f.algorithm === 'grpo' || f.algorithm === 'rloo';
  const cfg = checkPPOConfig({
    ...DEFAULT_RL.ppo, algorithm: f.algorithm as RLAlgorithm, maxTokens: f.maxTokens, initKl: f.beta,
    batchSize: grouped ? 2 : 8, samplesPerPrompt: grouped ? 4 : 1, minibatches: 1,
  });
  const policy: LanguageModel = { ...reference, params: cloneParams(reference.config, reference.params) };
  const trainer = new PPOTrainer(policy, reference, cfg);
  const points: Point[] = [];
  const measureAt = async (step: number) => {
    const items = (await completionsOf(policy, heldout, 1, f.maxTokens, f.seed)).flat();
    const m = await measure(policy, items);
    const point = { step, ...m, d: gaoDistance(Math.max(m.kl, 0)) };
    points.push(point);
    console.log(JSON.stringify(point));
  };
  await measureAt(0);
  for (let i = 1; i <= f.steps; i++) {
    await trainer.step(train, (items) => proxy.scores(items), f.seed * 1000 + i);
    if (i % f.every === 0 || i === f.steps) await measureAt(i);
  }
  trainer.dispose();
  disposeLanguageModel(policy);
  const peak = points.reduce((best, p) => (p.gold_score > best.gold_score ? p : best));
  const end = points.at(-1)!;
  console.log(JSON.stringify({
    labeler: f.labeler, comparisons: f.comparisons, beta: f.beta, algorithm: f.algorithm, steps: f.steps,
    gold_start: points[0].gold_score, gold_peak: peak.gold_score, gold_peak_step: peak.step, gold_end: end.gold_score,
    proxy_at_gold_peak: peak.proxy_score, proxy_end: end.proxy_score, kl_end: end.kl,
    overoptimised: peak.step < end.step && end.gold_score < peak.gold_score && end.proxy_score > peak.proxy_score,
    gao_gold: gaoFit(points, 'gold_score') ?? null, gao_proxy: gaoFit(points, 'proxy_score') ?? null,
    seconds: Math.round((performance.now() - t0) / 1000),
  }));
  setup.dispose();
}
