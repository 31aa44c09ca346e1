// The reward model's score after every prefix of a completion: what the reward probe draws as a
// strip under the text, so one sees which tokens moved the score. Each prefix is scored as a
// completion of its own (its EOS appended, read as the model's readout says), in scoreCompletions'
// batches.
import type { LanguageModel } from '../model/language-model';
import { scoreCompletions } from './reward-trainer';

/** The most completion tokens the probe scores prefix by prefix (one completion each). */
export const MAX_PREFIX_TOKENS = 128;

/**
 * Raw rewards of the completion's prefixes: base for the prompt alone (an empty completion), then
 * rewards[i] after its first i + 1 tokens; the last is the whole completion's score.
 */
export async function prefixRewards(model: LanguageModel, promptIds: number[], completion: number[]): Promise<{ base: number; rewards: number[] }> {
  if (completion.length > MAX_PREFIX_TOKENS) {
    throw new Error(`Expected a completion of at most ${MAX_PREFIX_TOKENS} tokens to score prefix by prefix, but got ${completion.length}`);
  }
  const items = Array.from({ length: completion.length + 1 }, (_, n) => ({ promptIds, completion: completion.slice(0, n) }));
  const [base, ...rewards] = await scoreCompletions(model, items);
  return { base, rewards };
}
