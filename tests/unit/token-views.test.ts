// The numbers behind the token-level views: the RL screen's per-token log π − log π_ref, which sum
// to each completion's KL as the round reports it, and the reward probe's reward after every
// prefix, whose last is the whole text's score.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { completionKl, completionTokenLogProbs } from '../../src/lib/engine/completion-kl';
import { MAX_PREFIX_TOKENS, prefixRewards } from '../../src/lib/engine/prefix-rewards';
import { rewardModelFrom } from '../../src/lib/engine/reward-fitting';
import { scoreCompletions } from '../../src/lib/engine/reward-trainer';
import { REWARD_READOUTS } from '../../src/lib/model/config';
import { continuationLogProbs } from '../../src/lib/model/logprobs';
import { BOS, PAD } from '../../src/lib/model/tokenizer';
import { randomIds, testModel } from './helpers';

const [promptA, promptB, long] = randomIds(3, 20, 7);
// blockSize is 16: the third completion does not fit, its first tokens are cut from the context.
const items = [
  { promptIds: promptA.slice(0, 3), completion: promptA.slice(3, 9) },
  { promptIds: promptB.slice(0, 5), completion: promptB.slice(5, 6) },
  { promptIds: [5], completion: long },
  { promptIds: promptB.slice(0, 2), completion: [] },
];

describe('per-token KL', () => {
  it('sums, token by token, to completionKl of the same items, at the sampling temperature', async () => {
    const policy = testModel(1);
    const reference = testModel(2);
    for (const temperature of [0.7, 1]) {
      const kl = await completionKl(policy, reference, items, temperature);
      const per = await completionTokenLogProbs(policy, reference, items, temperature);
      items.forEach((it, i) => {
        expect(per.policy[i]).toHaveLength(it.completion.length);
        const ratios = per.policy[i].map((lp, j) => lp - per.reference[i][j]).filter(Number.isFinite);
        expect(ratios.reduce((a, b) => a + b, 0)).toBeCloseTo(kl[i], 4);
        expect(per.kl[i]).toBe(kl[i]);
      });
      expect(kl.slice(0, 3).every((x) => x !== 0)).toBe(true);
    }
  });

  it('puts each log-prob on its own token, and marks the ones cut from the context unmeasured', async () => {
    const policy = testModel(1);
    const per = await completionTokenLogProbs(policy, testModel(2), items, 1);
    // The first item alone, unpadded: its completion's log-probs are the last six targets.
    const seq = [BOS, ...items[0].promptIds, ...items[0].completion];
    const alone = await continuationLogProbs(policy.config, policy.params, [seq], [1 + items[0].promptIds.length], PAD);
    per.policy[0].forEach((lp, j) => expect(lp).toBeCloseTo(alone.perToken[0][seq.length - 7 + j], 5));
    // 20 completion tokens after BOS and a prompt token, in 16: the context keeps the last 15.
    expect(per.policy[2].filter(Number.isNaN)).toHaveLength(5);
    expect(per.policy[2].slice(0, 5).every(Number.isNaN)).toBe(true);
    expect(per.policy[2].slice(5).every(Number.isFinite)).toBe(true);
    expect(per.policy[3]).toEqual([]);
  });
});

describe('reward after every prefix', () => {
  it("ends at the whole text's score, starts at the prompt's, and each prefix is scored as a completion of its own", async () => {
    for (const readout of REWARD_READOUTS) {
      const rm = rewardModelFrom(testModel(3), { readout });
      tf.tidy(() => rm.params.rewardW.assign(tf.randomNormal(rm.params.rewardW.shape, 0, 1, 'float32', 5)));
      // 40 tokens: 41 prefixes over two batches of 32, the longer ones cut from the left.
      const completion = randomIds(1, 40, 9)[0];
      const promptIds = [4, 5, 6];
      const { base, rewards } = await prefixRewards(rm, promptIds, completion);
      expect(rewards).toHaveLength(40);
      const [whole, prompt, third] = await scoreCompletions(rm, [
        { promptIds, completion }, { promptIds, completion: [] }, { promptIds, completion: completion.slice(0, 3) },
      ]);
      expect(rewards.at(-1)).toBeCloseTo(whole, 5);
      expect(base).toBeCloseTo(prompt, 5);
      expect(rewards[2]).toBeCloseTo(third, 5);
      expect(new Set(rewards.map((r) => r.toFixed(4))).size).toBeGreaterThan(1);
    }
  });

  it(`refuses more than ${MAX_PREFIX_TOKENS} tokens`, async () => {
    await expect(prefixRewards(testModel(3), [4], new Array(MAX_PREFIX_TOKENS + 1).fill(7))).rejects.toThrow(/at most 128 tokens.*but got 129/);
  });
});
