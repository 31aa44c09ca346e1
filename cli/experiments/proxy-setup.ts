// What the compare and over-optimisation experiments share: the starter as the reference, the
// judgements of a noisy simulated labeler on pairs of its samples, the reward model fitted on
// them (engine/proxy-reward.ts, as the Compare screen fits it), held-out prompts, and the three
// measures of a policy's completions: the labeler's noiseless score (gold), the proxy, and the
// KL to the reference in nats per completion.
import { makeLabeler, type Scorer } from '../../src/lib/feedback/labelers';
import type { ComparisonGroup } from '../../src/lib/feedback/judgement-group';
import { modelFromCheckpointBytes } from '../../src/lib/model/checkpoint';
import { disposeLanguageModel, type LanguageModel } from '../../src/lib/model/language-model';
import { COMPARE_TEMPERATURE, measureCompletions } from '../../src/lib/engine/method-comparison';
import { fitProxyReward, type Item, type ProxyReward } from '../../src/lib/engine/proxy-reward';
import { collectComparisons } from '../../src/lib/engine/simulated-comparisons';
import { readCheckpointFile, readPrompts } from '../files';
import { scorerFor } from './reward';

export interface Measure { gold_score: number; proxy_score: number; kl: number }


export interface ProxySetup {
  reference: LanguageModel;
  scorer: Scorer;
  groups: ComparisonGroup[];
  train: string[];
  heldout: string[];
  /** The fitted reward model, its scores normalised. */
  proxy: ProxyReward;
  measure(model: LanguageModel, items: Item[]): Promise<Measure>;
  dispose(): void;
}

export async function proxySetup(f: { checkpoint: string; labeler: string; words: string; topic: string; noise: number; comparisons: number; evalPrompts: number; maxTokens: number; seed: number }): Promise<ProxySetup> {
  const scorer = scorerFor(f.labeler, f.words, f.topic);
  const { model: reference } = modelFromCheckpointBytes(readCheckpointFile(f.checkpoint));
  const prompts = readPrompts();
  const heldout = prompts.filter((_, i) => i % 5 === 0).slice(0, f.evalPrompts);
  const train = prompts.filter((_, i) => i % 5 !== 0);
  const judged = await collectComparisons(reference, train, makeLabeler(scorer, f.noise), { k: 2, maxTokens: f.maxTokens, temperature: COMPARE_TEMPERATURE, comparisons: f.comparisons, seed: f.seed });
  const proxy = await fitProxyReward(reference, judged.groups, f.seed);
  return {
    reference, scorer, groups: judged.groups, train, heldout, proxy,
    measure: async (model, items) => {
      const m = await measureCompletions({ reference, proxy, gold: scorer }, model, items);
      return { gold_score: m.gold_score!, proxy_score: m.proxy_score, kl: m.kl };
    },
    dispose: () => { proxy.dispose(); disposeLanguageModel(reference); },
  };
}
