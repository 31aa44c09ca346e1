// npm run experiment -- compare --labeler shorter --seed 1 [--comparisons 200] [--steps 24] [--words W] [--topic dog]
//   [--methods reference,best-of-4,best-of-16,ppo,grpo,dpo] [--eval-prompts 32] [--max-tokens 32] [--noise 0.1] [--beta 0.05]
// Is RL needed? The Compare screen's comparison (engine/method-comparison.ts) without the app:
// every method gets the same judgements of a simulated labeler and the same reward model fitted
// on them, and the RL methods the same sampling budget; DPO, IPO and KTO train on the judgements alone.
// One JSON line per method {method, gold_score, proxy_score, kl, seconds, samples}, then one line
// with all of them.
import { DEFAULT_COMPARE, isCompareMethod, type CompareMethod } from '../../src/lib/engine/compare-settings';
import { compareMethods } from '../../src/lib/engine/method-comparison';
import { DEFAULT_SIMULATED_LABELER } from '../../src/lib/feedback/simulated-judgement';
import { parseFlags } from '../args';
import { proxySetup } from './proxy-setup';

export async function compareExperiment(argv: string[]): Promise<void> {
  const f = parseFlags(argv, {
    labeler: 'shorter', words: 'happy,good', topic: DEFAULT_SIMULATED_LABELER.topic, noise: 0.1, seed: DEFAULT_COMPARE.seed, comparisons: DEFAULT_COMPARE.comparisons, steps: DEFAULT_COMPARE.steps,
    evalPrompts: 32, maxTokens: DEFAULT_COMPARE.maxTokens, beta: DEFAULT_COMPARE.beta,
    methods: 'reference,best-of-4,best-of-16,ppo,grpo,dpo', checkpoint: 'starter',
  });
  const methods = f.methods.split(',');
  const unknown = methods.find((m) => !isCompareMethod(m));
  if (unknown) throw new Error(`Expected --methods from reference, best-of-4, best-of-16, ppo, grpo, rloo, a2c, dpo, ipo, kto, but got "${unknown}"`);
  const t0 = performance.now();
  // 1. The judgements every method shares, and the reward model fitted on them (the proxy).
  const setup = await proxySetup(f);
  const { reference, heldout, train, groups, proxy, scorer } = setup;
  console.log(`${groups.length} judgements (${f.comparisons} comparisons) by ${f.labeler}, reward model fitted, in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const settings = { ...DEFAULT_COMPARE, steps: f.steps, beta: f.beta, evalPrompts: heldout.length, maxTokens: f.maxTokens, comparisons: f.comparisons, seed: f.seed };
  const results = [];
  // 2. Each method in turn (engine/method-comparison.ts), measured on the held-out prompts.
  for await (const { result } of compareMethods({ reference, groups, proxy, train, heldout, gold: scorer }, methods as CompareMethod[], settings)) {
    const { completions: _shown, ...row } = result;
    results.push(row);
    console.log(JSON.stringify(row));
  }
  console.log(JSON.stringify({ labeler: f.labeler, comparisons: f.comparisons, steps: f.steps, eval_prompts: heldout.length, methods: results, seconds: Math.round((performance.now() - t0) / 1000) }));
  setup.dispose();
}
