// npm run experiment -- compare --labeler shorter --seed 1 [--comparisons 200] [--steps 24]
//   [--methods reference,best-of-4,best-of-16,ppo,grpo,dpo] [--eval-prompts 32] [--max-tokens 32] [--noise 0.1]
// Is RL needed? Every method gets the same judgements and the same reward model fitted on them
// (proxy-setup.ts), and the policy methods the same sampling budget (completions per step x
// steps); DPO trains on the judgements alone. Each is measured on held-out prompts: gold, proxy,
// and the KL to the starter (best-of-n: its formula log n − (n−1)/n). One JSON line per method
// {method, gold_score, proxy_score, kl, seconds, samples}, then one line with all of them.
import { type LanguageModel, disposeLanguageModel } from '../../src/lib/model/language-model';
import { cloneParams } from '../../src/lib/model/params';
import { checkPPOConfig, type RLAlgorithm } from '../../src/lib/engine/ppo-config';
import { PPOTrainer } from '../../src/lib/engine/ppo-trainer';
import { DEFAULT_DPO, DPOTrainer } from '../../src/lib/engine/dpo-trainer';
import { DEFAULT_RL } from '../../src/lib/engine/rl-run';
import { bestOfNIndex, bestOfNKl } from '../../src/lib/rlhf/best-of-n';
import { parseFlags } from '../args';
import { completions, proxySetup, type Item } from './proxy-setup';

interface Result { method: string; gold_score: number; proxy_score: number; kl: number; seconds: number; samples: number; kl_formula?: number }

/** A trainable copy of the reference: where each policy method starts. */
const copyOf = (m: LanguageModel): LanguageModel => ({ ...m, params: cloneParams(m.config, m.params) });

export async function compareExperiment(argv: string[]): Promise<void> {
  const f = parseFlags(argv, {
    labeler: 'shorter', words: 'happy,good', noise: 0.1, seed: 1, comparisons: 200, steps: 24, evalPrompts: 32, maxTokens: 32,
    methods: 'reference,best-of-4,best-of-16,ppo,grpo,dpo', checkpoint: 'starter',
  });
  const methods = f.methods.split(',');
  const known = /^(reference|ppo|grpo|rloo|a2c|dpo|best-of-\d+)$/;
  const unknown = methods.find((m) => !known.test(m));
  if (unknown) throw new Error(`Expected --methods from reference, best-of-N, ppo, grpo, rloo, a2c, dpo, but got "${unknown}"`);
  const t0 = performance.now();
  // 1. The judgements every method shares, and the reward model fitted on them (the proxy).
  const setup = await proxySetup(f);
  const { reference, heldout, train, proxyScores, measure } = setup;
  console.log(`${setup.groups.length} judgements (${f.comparisons} comparisons) by ${f.labeler}, reward model fitted, in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const results: Result[] = [];
  const report = (r: Result) => { results.push(r); console.log(JSON.stringify(r)); };
  // The policy methods' budget: completions sampled per step (8) times steps.
  const perStep = 8;

  for (const method of methods) {
    const t1 = performance.now();
    const seconds = () => Math.round((performance.now() - t1) / 1000);
    const bon = /^best-of-(\d+)$/.exec(method);
    if (method === 'reference') {
      const items = (await completions(reference, heldout, 1, f.maxTokens, f.seed)).flat();
      report({ method, ...(await measure(reference, items)), seconds: seconds(), samples: items.length });
    } else if (bon) {
      // 2. Best-of-n: n samples of the starter per prompt, the reward model keeps the best.
      const n = Number(bon[1]);
      const groups = await completions(reference, heldout, n, f.maxTokens, f.seed);
      const kept = [];
      for (const g of groups) kept.push(g[bestOfNIndex(await proxyScores(g))]);
      // The kept samples are the starter's own, so their log-ratio to it is 0: the KL of the
      // best-of-n policy is its formula (an upper bound for a discrete policy, Beirami et al. 2024).
      const { gold_score, proxy_score } = await measure(reference, kept);
      report({ method, gold_score, proxy_score, kl: bestOfNKl(n), kl_formula: bestOfNKl(n), seconds: seconds(), samples: n * heldout.length });
    } else if (method === 'dpo') {
      // 4. DPO: no reward model and no sampling while it trains; the judgements themselves, offline.
      const policy = copyOf(reference);
      const trainer = new DPOTrainer(policy, reference, { ...DEFAULT_DPO, seed: f.seed });
      for await (const step of trainer.train(setup.groups)) void step;
      trainer.dispose();
      const items = (await completions(policy, heldout, 1, f.maxTokens, f.seed)).flat();
      report({ method, ...(await measure(policy, items)), seconds: seconds(), samples: items.length });
      disposeLanguageModel(policy);
    } else {
      // 3. RL against the proxy: the same steps and completions per step for each algorithm.
      const algorithm = method as RLAlgorithm;
      const grouped = algorithm === 'grpo' || algorithm === 'rloo';
      const cfg = checkPPOConfig({
        ...DEFAULT_RL.ppo, algorithm, maxTokens: f.maxTokens, initKl: 0.05,
        batchSize: grouped ? perStep / 4 : perStep, samplesPerPrompt: grouped ? 4 : 1, minibatches: 1,
      });
      const policy = copyOf(reference);
      const trainer = new PPOTrainer(policy, reference, cfg);
      const score = async (items: Item[]) => proxyScores(items);
      for (let i = 0; i < f.steps; i++) await trainer.step(train, score, f.seed * 1000 + i);
      trainer.dispose();
      const items = (await completions(policy, heldout, 1, f.maxTokens, f.seed)).flat();
      report({ method, ...(await measure(policy, items)), seconds: seconds(), samples: f.steps * perStep + items.length });
      disposeLanguageModel(policy);
    }
  }
  console.log(JSON.stringify({ labeler: f.labeler, comparisons: f.comparisons, steps: f.steps, eval_prompts: heldout.length, methods: results, seconds: Math.round((performance.now() - t0) / 1000) }));
  setup.dispose();
}
