// What the compare and over-optimisation experiments share: the starter as the reference, the
// judgements of a noisy simulated labeler on pairs of its samples, the reward model fitted on
// them (engine/proxy-reward.ts, as the Compare screen fits it), held-out prompts, and the three
// measures of a policy's completions: the labeler's noiseless score (gold), the proxy, and the
// KL to the reference in nats per completion.
import { makeLabeler, type Scorer } from '../../src/lib/feedback/labelers';
import type { ComparisonGroup } from '../../src/lib/feedback/judgement-group';
import { modelFromCheckpointBytes } from '../../src/lib/model/checkpoint';
import { disposeLanguageModel, type LanguageModel } from '../../src/lib/model/language-model';
import { completionKl } from '../../src/lib/engine/completion-kl';
import { COMPARE_TEMPERATURE, completionsOf } from '../../src/lib/engine/method-comparison';
import { fitProxyReward, type Item, type ProxyReward } from '../../src/lib/engine/proxy-reward';
import { collectComparisons } from '../../src/lib/engine/simulated-comparisons';
import { readCheckpointFile, readPrompts } from '../files';
import { scorerFor } from './reward';

export type { Item };
export interface Measure { gold_score: number; proxy_score: number; kl: number }

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export interface ProxySetup {
  reference: LanguageModel;
  scorer: Scorer;
  groups: ComparisonGroup[];
  train: string[];
  heldout: string[];
  proxy: ProxyReward;
  /** The fitted reward model's normalised scores. */
  proxyScores(items: Item[]): Promise<number[]>;
  measure(model: LanguageModel, items: Item[]): Promise<Measure>;
  dispose(): void;
}

/** n completions of each prompt from a model, at temperature 0.7 and a seed per prompt. */
export const completions = (model: LanguageModel, prompts: string[], n: number, maxTokens: number, seed: number) => completionsOf(model, prompts, n, maxTokens, seed);

export async function proxySetup(f: { checkpoint: string; labeler: string; words: string; noise: number; comparisons: number; evalPrompts: number; maxTokens: number; seed: number }): Promise<ProxySetup> {
  const scorer = scorerFor(f.labeler, f.words);
  const { model: reference } = modelFromCheckpointBytes(readCheckpointFile(f.checkpoint));
  const prompts = readPrompts();
  const heldout = prompts.filter((_, i) => i % 5 === 0).slice(0, f.evalPrompts);
  const train = prompts.filter((_, i) => i % 5 !== 0);
  const judged = await collectComparisons(reference, train, makeLabeler(scorer, f.noise), { k: 2, maxTokens: f.maxTokens, temperature: COMPARE_TEMPERATURE, comparisons: f.comparisons, seed: f.seed });
  const proxy = await fitProxyReward(reference, judged.groups, f.seed);
  const text = (it: Item) => reference.tokenizer.decode(it.promptIds) + reference.tokenizer.decode(it.completion);
  return {
    reference, scorer, groups: judged.groups, train, heldout, proxy, proxyScores: (items) => proxy.scores(items),
    measure: async (model, items) => ({
      gold_score: mean(items.map((it) => scorer.score(text(it)))),
      proxy_score: mean(await proxy.scores(items)),
      kl: mean(await completionKl(model, reference, items, COMPARE_TEMPERATURE)),
    }),
    dispose: () => { proxy.dispose(); disposeLanguageModel(reference); },
  };
}
