// Is RL needed? Several methods on the same judgements, side by side (the Compare screen and
// `npm run experiment -- compare` both run this). Every method shares:
//   - the judgements (a person's, or a simulated labeler's),
//   - one reward model fitted on them (the proxy, proxy-reward.ts),
//   - one sampling budget: COMPLETIONS_PER_STEP completions per RL step, the same steps for each.
// Each is measured on the same held-out prompts: gold (a simulated labeler's noiseless score,
// when there is one), proxy, and KL to the reference in nats per completion; best-of-n's KL is
// its formula log n − (n−1)/n, shown beside it.
import type { ComparisonGroup } from '../feedback/judgement-group';
import type { Scorer } from '../feedback/labelers';
import { disposeLanguageModel, type LanguageModel } from '../model/language-model';
import { cloneParams } from '../model/params';
import { promptContext, sampleStream } from '../model/sample';
import { EOS } from '../model/tokenizer';
import { bestOfNIndex, bestOfNKl } from '../rlhf/best-of-n';
import type { ComparisonResult } from '../store/comparison-runs';
import { yieldToEventLoop } from '../util/yield-to-event-loop';
import { COMPLETIONS_PER_STEP, checkCompareSettings, type CompareMethod, type CompareSettings } from './compare-settings';
import { completionKl } from './completion-kl';
import { DEFAULT_DPO, DPOTrainer } from './dpo-trainer';
import { DEFAULT_KTO, KTOTrainer } from './kto-trainer';
import { checkPPOConfig, type RLAlgorithm } from './ppo-config';
import { PPOTrainer } from './ppo-trainer';
import { runDirectly, type Item, type ProxyReward, type StepRunner } from './proxy-reward';
import { DEFAULT_RL } from './rl-run';

/** Every method samples at this temperature, and its KL is measured at it. */
export const COMPARE_TEMPERATURE = 0.7;

/** One method's measures and its completions (store/comparison-runs.ts keeps them as they are). */
export interface MethodResult extends Omit<ComparisonResult, 'method'> {
  method: CompareMethod;
}

export interface ComparisonInputs {
  reference: LanguageModel;
  groups: ComparisonGroup[];
  proxy: ProxyReward;
  /** Prompts the RL methods roll out on, and the held-out prompts every method is measured on. */
  train: string[];
  heldout: string[];
  gold?: Scorer;
}

export interface ComparisonIO {
  run?: StepRunner;
  progress?: (method: CompareMethod, step: number, total: number) => void;
  /** Checked between steps: true ends the comparison after the step in flight. */
  stopped?: () => boolean;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** n completions of each prompt at COMPARE_TEMPERATURE, one seed per prompt, a step of work at a time. */
export async function completionsOf(model: LanguageModel, prompts: string[], n: number, maxTokens: number, seed: number, run: StepRunner = runDirectly): Promise<Item[][]> {
  const out: Item[][] = [];
  for (const [i, prompt] of prompts.entries()) {
    const context = promptContext(model, prompt);
    const stream = sampleStream(model, context, n, { maxTokens, temperature: COMPARE_TEMPERATURE, topK: 0, topP: 1, seed: seed * 7 + i, stopAtEos: true });
    let tokens: number[][] = [];
    for (;;) {
      await yieldToEventLoop();
      const next = await run(() => stream.next());
      if (next.done) break;
      tokens = next.value.tokens;
    }
    out.push(tokens.map((c) => ({ promptIds: context.slice(1), completion: c.filter((id) => id !== EOS) })));
  }
  return out;
}

/**
 * A policy's completions measured as every method is: the gold judge's mean score (null without
 * one), the proxy's, the mean KL to the reference at COMPARE_TEMPERATURE (0 for the reference
 * itself), and the completions' texts.
 */
export async function measureCompletions(
  { reference, proxy, gold }: Pick<ComparisonInputs, 'reference' | 'proxy' | 'gold'>, model: LanguageModel, items: Item[], run: StepRunner = runDirectly,
) {
  const text = (it: Item) => reference.tokenizer.decode(it.completion);
  return {
    gold_score: gold ? mean(items.map((it) => gold.score(reference.tokenizer.decode(it.promptIds) + text(it)))) : null,
    proxy_score: mean(await run(() => proxy.scores(items))),
    kl: model === reference ? 0 : mean(await run(() => completionKl(model, reference, items, COMPARE_TEMPERATURE))),
    completions: items.map(text),
  };
}

/** The RL config each algorithm gets: the same completions per step (grouped ones: 2 prompts × 4). */
export function compareRLConfig(algorithm: RLAlgorithm, s: CompareSettings) {
  const grouped = algorithm === 'grpo' || algorithm === 'rloo';
  return checkPPOConfig({
    ...DEFAULT_RL.ppo, algorithm, maxTokens: s.maxTokens, initKl: s.beta, adaptiveKl: false,
    batchSize: grouped ? COMPLETIONS_PER_STEP / 4 : COMPLETIONS_PER_STEP, samplesPerPrompt: grouped ? 4 : 1, minibatches: 1,
  });
}

/**
 * Runs the methods in order, yielding each one's result as it finishes, with its trained policy
 * (policy methods only), which is disposed when the caller asks for the next result.
 */
export async function* compareMethods(
  inputs: ComparisonInputs, methods: readonly CompareMethod[], s: CompareSettings, io: ComparisonIO = {},
): AsyncGenerator<{ result: MethodResult; policy?: LanguageModel }> {
  checkCompareSettings(s, methods);
  const { reference, proxy, heldout, train, gold } = inputs;
  const run = io.run ?? runDirectly;
  const stopped = io.stopped ?? (() => false);
  const measure = (model: LanguageModel, items: Item[]) => measureCompletions({ reference, proxy, gold }, model, items, run);
  const heldoutOf = async (model: LanguageModel) => (await completionsOf(model, heldout, 1, s.maxTokens, s.seed, run)).flat();

  for (const method of methods) {
    if (stopped()) return;
    const t0 = performance.now();
    const seconds = () => Math.round((performance.now() - t0) / 100) / 10;
    const bon = /^best-of-(\d+)$/.exec(method);
    io.progress?.(method, 0, 1);
    if (method === 'reference') {
      const items = await heldoutOf(reference);
      yield { result: { method, ...(await measure(reference, items)), seconds: seconds(), samples: items.length } };
    } else if (bon) {
      // 1. Best-of-n: n samples of the reference per prompt; the proxy keeps the best. The kept
      // samples are the reference's own, so the KL reported is the formula (an upper bound for a
      // discrete policy, Beirami et al. 2024).
      const n = Number(bon[1]);
      const groups = await completionsOf(reference, heldout, n, s.maxTokens, s.seed, run);
      const kept: Item[] = [];
      for (const g of groups) kept.push(g[bestOfNIndex(await run(() => proxy.scores(g)))]);
      const m = await measure(reference, kept);
      yield { result: { method, ...m, kl: bestOfNKl(n), kl_formula: bestOfNKl(n), seconds: seconds(), samples: n * heldout.length } };
    } else {
      const policy: LanguageModel = { ...reference, params: cloneParams(reference.config, reference.params) };
      try {
        let trained: number;
        if (method === 'dpo' || method === 'ipo' || method === 'kto') {
          // 2. DPO / IPO / KTO: no reward model and no sampling while it trains: the judgements,
          // offline (KTO: each thumb, and each pair taken apart into a desirable and an undesirable).
          const trainer = method === 'kto'
            ? new KTOTrainer(policy, reference, { ...DEFAULT_KTO, seed: s.seed })
            : new DPOTrainer(policy, reference, { ...DEFAULT_DPO, lossType: method === 'ipo' ? 'ipo' : 'sigmoid', seed: s.seed });
          try {
            const steps: AsyncGenerator<{ step: number; totalSteps: number }> = trainer.train(inputs.groups);
            for (;;) {
              if (stopped()) return;
              const next = await run(() => steps.next());
              if (next.done) break;
              io.progress?.(method, next.value.step, next.value.totalSteps);
            }
          } finally {
            trainer.dispose();
          }
          trained = 0;
        } else {
          // 3. RL against the proxy: the same steps and completions per step for each algorithm.
          const trainer = new PPOTrainer(policy, reference, compareRLConfig(method as RLAlgorithm, s));
          try {
            for (let i = 0; i < s.steps; i++) {
              if (stopped()) return;
              // The step holds the lock throughout, so the proxy it calls must not take it again.
              await run(() => trainer.step(train, (items) => proxy.scores(items), s.seed * 1000 + i));
              io.progress?.(method, i + 1, s.steps);
              await yieldToEventLoop();
            }
          } finally {
            trainer.dispose();
          }
          trained = s.steps * COMPLETIONS_PER_STEP;
        }
        const items = await heldoutOf(policy);
        yield { result: { method, ...(await measure(policy, items)), seconds: seconds(), samples: trained + items.length }, policy };
      } finally {
        disposeLanguageModel(policy);
      }
    }
  }
}
