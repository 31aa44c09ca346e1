// The KL of given completions from the reference, as the RL screens and the headless loop report it.
import type { LanguageModel } from '../model/language-model';
import { continuationLogProbs } from '../model/logprobs';
import { BOS, PAD } from '../model/tokenizer';

/** Σ_t log π(a_t) − log π_ref(a_t) of each completion (k1, at the sampling temperature), in nats. */
export async function completionKl(
  policy: LanguageModel, reference: LanguageModel, items: Array<{ promptIds: number[]; completion: number[] }>, temperature: number,
): Promise<number[]> {
  const sequences = items.map((it) => [BOS, ...it.promptIds, ...it.completion].slice(-policy.config.blockSize));
  const promptLengths = items.map((it, i) => Math.max(1, sequences[i].length - it.completion.length));
  const [p, r] = await Promise.all([policy, reference].map((m) => continuationLogProbs(m.config, m.params, sequences, promptLengths, PAD, temperature)));
  return p.total.map((lp, i) => lp - r.total[i]);
}
