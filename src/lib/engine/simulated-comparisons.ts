// Collecting comparisons without a person: the policy writes K completions per prompt and a
// simulated labeler ranks them (K = 2 is an A/B choice). Ties ("same") give no pair.
import { rankingToPairs } from '../feedback/pairs';
import { rankOf, type SimulatedLabeler } from '../feedback/labelers';
import type { LanguageModel } from '../model/language-model';
import { promptContext, sample } from '../model/sample';
import { makeRng } from '../util/rng';
import type { ComparisonGroup } from '../feedback/judgement-group';
import { seeds } from '../util/seeds';

export interface CollectSettings {
  /** Comparisons (pairs) to collect. */
  comparisons: number;
  /** Completions per prompt. */
  k: number;
  maxTokens: number;
  temperature: number;
  seed: number;
  /**
   * Give up after this many prompts and return what was collected (a policy that writes the same
   * thing every time leaves a labeler little to compare). Without it, too many ties are an error.
   */
  maxPrompts?: number;
}

export interface LabeledGroup extends ComparisonGroup {
  prompt: string;
  texts: string[];
  ranks: number[];
}

export async function collectComparisons(
  model: LanguageModel, prompts: string[], labeler: SimulatedLabeler, s: CollectSettings,
  onProgress?: (collected: number) => void,
): Promise<{ groups: LabeledGroup[]; tiedPrompts: number }> {
  if (!prompts.length) throw new Error('No prompts to collect comparisons on');
  const rng = makeRng(s.seed);
  const groups: LabeledGroup[] = [];
  let collected = 0;
  let tiedPrompts = 0;
  for (let i = 0; collected < s.comparisons; i++) {
    if (s.maxPrompts !== undefined && i >= s.maxPrompts) break;
    if (i > s.comparisons * 20) throw new Error(`Only ${collected} of ${s.comparisons} comparisons after ${i} prompts: the labeler calls nearly everything a tie`);
    const prompt = prompts[i % prompts.length];
    const completions = await sample(model, promptContext(model, prompt), s.k, {
      maxTokens: s.maxTokens, temperature: s.temperature, topK: 0, topP: 1, seed: seeds.comparisonSamples(s.seed, i),
    });
    const texts = completions.map((ids) => model.tokenizer.decode(ids));
    const ranks = rankOf(labeler, texts.map((t) => prompt + t), rng);
    const pairs = rankingToPairs(ranks).slice(0, s.comparisons - collected);
    if (!pairs.length) { tiedPrompts++; continue; }
    groups.push({ prompt, texts, ranks, promptIds: model.tokenizer.encode(prompt), completions, pairs, thumbs: [] });
    collected += pairs.length;
    onProgress?.(collected);
  }
  return { groups, tiedPrompts };
}
