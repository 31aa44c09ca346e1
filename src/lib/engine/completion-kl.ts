// The KL of given completions from the reference, as the RL screens and the headless loop report it,
// and its per-token pieces, as the RL screen's token view colours them.
import type { LanguageModel } from '../model/language-model';
import { continuationLogProbs } from '../model/logprobs';
import { BOS, PAD } from '../model/tokenizer';

type Item = { promptIds: number[]; completion: number[] };

/**
 * log π(a_t) and log π_ref(a_t) of each completion token (at the sampling temperature), aligned with
 * the completion; NaN for tokens cut from the left to fit the context (not measured). kl: Σ_t of
 * their difference per completion (k1, in nats), exactly as completionKl reports it.
 */
export async function completionTokenLogProbs(
  policy: LanguageModel, reference: LanguageModel, items: Item[], temperature: number,
): Promise<{ policy: number[][]; reference: number[][]; kl: number[] }> {
  const sequences = items.map((it) => [BOS, ...it.promptIds, ...it.completion].slice(-policy.config.blockSize));
  const promptLengths = items.map((it, i) => Math.max(1, sequences[i].length - it.completion.length));
  const [p, r] = await Promise.all([policy, reference].map((m) => continuationLogProbs(m.config, m.params, sequences, promptLengths, PAD, temperature)));
  // Completion token j is the target at position promptLength - 1 + j - cut, where `cut` of its
  // first tokens did not fit the context.
  const aligned = (perToken: number[][]) => items.map((it, b) => {
    const cut = it.completion.length - (sequences[b].length - promptLengths[b]);
    return it.completion.map((_, j) => (j < cut ? NaN : perToken[b][promptLengths[b] - 1 + j - cut]));
  });
  return { policy: aligned(p.perToken), reference: aligned(r.perToken), kl: p.total.map((lp, i) => lp - r.total[i]) };
}

/** Σ_t log π(a_t) − log π_ref(a_t) of each completion (k1, at the sampling temperature), in nats. */
export async function completionKl(policy: LanguageModel, reference: LanguageModel, items: Item[], temperature: number): Promise<number[]> {
  return (await completionTokenLogProbs(policy, reference, items, temperature)).kl;
}
