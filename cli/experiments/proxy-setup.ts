// What the compare and over-optimisation experiments share: the starter as the reference, the
// judgements of a noisy simulated labeler on pairs of its samples, the reward model fitted on
// them (the proxy, normalised as the RL loop normalises it), held-out prompts, and the three
// measures of a policy's completions: the labeler's noiseless score (gold), the proxy, and the
// KL to the reference in nats per completion.
import { makeLabeler, type Scorer } from '../../src/lib/feedback/labelers';
import type { ComparisonGroup } from '../../src/lib/feedback/judgement-group';
import { modelFromCheckpointBytes } from '../../src/lib/model/checkpoint';
import { disposeLanguageModel, type LanguageModel } from '../../src/lib/model/language-model';
import { promptContext, sample } from '../../src/lib/model/sample';
import { EOS } from '../../src/lib/model/tokenizer';
import { completionKl } from '../../src/lib/engine/completion-kl';
import { DEFAULT_REWARD_FIT, fitRewardModel, normalizationFromSamples, rewardModelFrom } from '../../src/lib/engine/reward-fitting';
import { scoreCompletions } from '../../src/lib/engine/reward-trainer';
import { collectComparisons } from '../../src/lib/engine/simulated-comparisons';
import { normalizeReward, type RewardNormalization } from '../../src/lib/rlhf/reward-normalization';
import { readCheckpointFile, readPrompts } from '../files';
import { scorerFor } from './reward';

export type Item = { promptIds: number[]; completion: number[] };
export interface Measure { gold_score: number; proxy_score: number; kl: number }

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export interface ProxySetup {
  reference: LanguageModel;
  scorer: Scorer;
  groups: ComparisonGroup[];
  train: string[];
  heldout: string[];
  /** The fitted reward model's normalised scores. */
  proxyScores(items: Item[]): Promise<number[]>;
  measure(model: LanguageModel, items: Item[]): Promise<Measure>;
  dispose(): void;
}

/** n completions of each prompt from a model, at temperature 0.7 and a seed per prompt. */
export async function completions(model: LanguageModel, prompts: string[], n: number, maxTokens: number, seed: number): Promise<Item[][]> {
  const out: Item[][] = [];
  for (const [i, prompt] of prompts.entries()) {
    const context = promptContext(model, prompt);
    const ids = await sample(model, context, n, { maxTokens, temperature: 0.7, topK: 0, topP: 1, seed: seed * 7 + i, stopAtEos: true });
    out.push(ids.map((c) => ({ promptIds: context.slice(1), completion: c.filter((id) => id !== EOS) })));
  }
  return out;
}

export async function proxySetup(f: { checkpoint: string; labeler: string; words: string; noise: number; comparisons: number; evalPrompts: number; maxTokens: number; seed: number }): Promise<ProxySetup> {
  const scorer = scorerFor(f.labeler, f.words);
  const { model: reference } = modelFromCheckpointBytes(readCheckpointFile(f.checkpoint));
  const prompts = readPrompts();
  const heldout = prompts.filter((_, i) => i % 5 === 0).slice(0, f.evalPrompts);
  const train = prompts.filter((_, i) => i % 5 !== 0);
  const judged = await collectComparisons(reference, train, makeLabeler(scorer, f.noise), { k: 2, maxTokens: f.maxTokens, temperature: 0.7, comparisons: f.comparisons, seed: f.seed });
  const rm = rewardModelFrom(reference);
  for await (const p of fitRewardModel(rm, [{ phase: 'train', groups: judged.groups }], [], { ...DEFAULT_REWARD_FIT, validationShare: 0, seed: f.seed })) void p;
  const judgedItems = judged.groups.flatMap((g) => g.completions.map((completion) => ({ promptIds: g.promptIds, completion })));
  const normalization: RewardNormalization = await normalizationFromSamples(rm, judgedItems);
  const proxyScores = async (items: Item[]) => (await scoreCompletions(rm, items)).map((r) => normalizeReward(r, normalization));
  const text = (it: Item) => reference.tokenizer.decode(it.promptIds) + reference.tokenizer.decode(it.completion);
  return {
    reference, scorer, groups: judged.groups, train, heldout, proxyScores,
    measure: async (model, items) => ({
      gold_score: mean(items.map((it) => scorer.score(text(it)))),
      proxy_score: mean(await proxyScores(items)),
      kl: mean(await completionKl(model, reference, items, 0.7)),
    }),
    dispose: () => { disposeLanguageModel(rm); disposeLanguageModel(reference); },
  };
}
