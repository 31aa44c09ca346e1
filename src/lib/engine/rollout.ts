// One rollout of RL fine-tuning: sample completions from the policy, score them, and turn the
// scores into what the PPO update trains on (TRL's PPOTrainer, steps 1-6 of its loop): log-probs
// under the policy and the frozen reference, values, per-token rewards with the KL leash, GAE
// advantages and returns. Tensors live only inside tf.tidy; everything returned is plain arrays.
//
// Every (B, T-1) array is aligned with tokenLogProbs' targets: index t is about token t+1 of the
// row, predicted from the hidden state at t.
import * as tf from '@tensorflow/tfjs';
import type { GPTConfig } from '../model/config';
import { lmHead, trunk, valueHead } from '../model/gpt';
import type { LanguageModel } from '../model/language-model';
import { packSequences, targetLogProbs, tokenLogProbs } from '../model/logprobs';
import type { GPTParams } from '../model/params';
import { promptContext, sampleStream, type SampleStep } from '../model/sample';
import { BOS, EOS, PAD } from '../model/tokenizer';
import { gae } from '../rlhf/gae';
import { perTokenRewards } from '../rlhf/kl';
import { maskedWhiten } from '../rlhf/masks';
import { grpoAdvantages } from '../rlhf/grpo';
import { rlooAdvantages } from '../rlhf/rloo';
import { makeRng } from '../util/rng';
import type { PPOConfig } from './ppo-config';

/** Scores (prompt without BOS, completion without EOS) pairs: normalised reward-model scores. */
export type ScoreFn = (items: Array<{ promptIds: number[]; completion: number[] }>) => Promise<number[]>;

export interface Rollout {
  /** BOS + prompt + completion (EOS included when produced), PAD after: (B, T). */
  ids: number[][];
  /** Tokens before the completion in each row (BOS + prompt). */
  promptLengths: number[];
  /** 1 at the completion's real tokens up to and including EOS, (B, T-1). */
  mask: number[][];
  /** log p(token) under the policy that sampled it, at the rollout temperature, 0 where masked. */
  logpOld: number[][];
  /** The same under the frozen reference model. */
  logpRef: number[][];
  /** Value head's estimate before each completion token (0 in RLOO mode). */
  values: number[][];
  /** −β·KL per token plus the (penalised) score at the last real token (A2C: the score only, its KL is in the loss). */
  rewards: number[][];
  advantages: number[][];
  returns: number[][];
  /** Normalised reward-model score of each completion, as scoreFn gave it. */
  scores: number[];
  /** Per-token KL estimate (cfg.klEstimator), 0 where masked. */
  kl: number[][];
  /** Decoded completions. */
  texts: string[];
  /** Completion tokens, EOS included when the sample ended. */
  completionIds: number[][];
  endedWithEos: boolean[];
  /** The KL coefficient of this rollout: in its rewards, or in the A2C and GRPO losses. */
  beta: number;
  /** GRPO: each completion's advantage against its group, and TRL's group metrics. */
  group?: { advantages: number[]; rewardStd: number; fracRewardZeroStd: number };
}

export interface PolicyOutputs {
  /** Logits / temperature, (B, T-1, V). */
  logits: tf.Tensor3D;
  /** log p(ids[:, t+1]) at that temperature, (B, T-1): the same numbers as tokenLogProbs. */
  logp: tf.Tensor2D;
  /** Value head at each input position, (B, T-1). */
  values: tf.Tensor2D;
}

/**
 * The policy's log-probs, logits and values from one pass of the trunk (tokenLogProbs plus the
 * value head would run it twice, and PPO needs both at every minibatch). Not tidied.
 */
export function policyOutputs(c: GPTConfig, p: GPTParams, ids: tf.Tensor2D, temperature: number): PolicyOutputs {
  const [B, T] = ids.shape;
  const hidden = trunk(c, p, ids.slice([0, 0], [B, T - 1])).hidden; // the last token is only a target
  let logits = lmHead(p, hidden);
  if (temperature !== 1) logits = logits.div(temperature);
  const logp = targetLogProbs(c, p, hidden, logits as tf.Tensor3D, ids.slice([0, 1], [B, T - 1]) as tf.Tensor2D, temperature);
  return { logits, logp, values: valueHead(p, hidden) };
}

/** The prompt's context cut from the left so that maxTokens more tokens fit the model's window. */
function fitContext(model: LanguageModel, prompt: string, maxTokens: number): number[] {
  const { blockSize } = model.config;
  if (maxTokens >= blockSize) throw new Error(`Expected maxTokens below the model's context of ${blockSize}, but got ${maxTokens}`);
  return promptContext(model, prompt).slice(-(blockSize - maxTokens));
}

const sumRow = (row: number[]) => row.reduce((a, b) => a + b, 0);
const countReal = (mask: number[][]) => mask.reduce((n, row) => n + sumRow(row), 0);

export async function collectRollout(
  policy: LanguageModel,
  reference: LanguageModel,
  scoreFn: ScoreFn,
  prompts: string[],
  cfg: PPOConfig,
  seed: number,
  extraPenalty?: (text: string) => number,
  beta = cfg.initKl,
): Promise<Rollout> {
  if (!prompts.length) throw new Error('Expected at least one prompt to roll out');
  const k = cfg.samplesPerPrompt;
  const rng = makeRng(seed);

  // 1. sample k completions per prompt (EOS kept: it is a token the policy chose and is trained on)
  const contexts: number[][] = [];
  const completionIds: number[][] = [];
  for (const prompt of prompts) {
    const context = fitContext(policy, prompt, cfg.maxTokens);
    const settings = { maxTokens: cfg.maxTokens, temperature: cfg.temperature, topK: 0, topP: 1, seed: rng.int(2 ** 31), stopAtEos: true };
    let last: SampleStep | undefined;
    for await (const s of sampleStream(policy, context, k, settings)) last = s;
    for (let j = 0; j < k; j++) {
      contexts.push(context);
      completionIds.push(last!.tokens[j]);
    }
  }
  const endedWithEos = completionIds.map((ids) => ids[ids.length - 1] === EOS);
  const completions = completionIds.map((ids) => ids.filter((id) => id !== EOS));
  const texts = completions.map((ids) => policy.tokenizer.decode(ids));

  // 2. pack BOS + prompt + completion, right-padded; mask the completion's tokens as targets
  const promptLengths = contexts.map((c) => c.length);
  // The mask comes from the known lengths, not from looking for PAD: a policy can sample the PAD
  // token itself (an untrained one does), and a row cut at it would have nothing left to score.
  const { ids, targetMask: mask } = packSequences(contexts.map((c, b) => [...c, ...completionIds[b]]), promptLengths, PAD);

  // 3. log-probs under policy and reference, values: no gradient, one batch
  const out = tf.tidy(() => {
    const idsT = tf.tensor2d(ids, undefined, 'int32');
    const maskT = tf.tensor2d(mask);
    const pol = policyOutputs(policy.config, policy.params, idsT, cfg.temperature);
    const ref = tokenLogProbs(reference.config, reference.params, idsT, cfg.temperature);
    return [pol.logp.mul(maskT), ref.mul(maskT), pol.values.mul(maskT)];
  });
  const [logpOld, logpRef, values] = (await Promise.all(out.map((t) => t.array()))) as number[][][];
  tf.dispose(out);

  // 4. score, then per-token rewards: −β·KL everywhere, the penalised score at the last token
  //    (A2C and GRPO put β·KL in their losses instead, so their rewards are built with β = 0)
  const promptIds = contexts.map((c) => (c[0] === BOS ? c.slice(1) : c));
  const scores = await scoreFn(completions.map((completion, b) => ({ promptIds: promptIds[b], completion })));
  if (scores.length !== ids.length || !scores.every(Number.isFinite)) {
    throw new Error(`Expected ${ids.length} finite scores from scoreFn, but got [${scores.join(', ')}]`);
  }
  const { rewards, kl } = perTokenRewards({
    logp: logpOld, logpRef, mask, score: scores, beta: cfg.algorithm === 'a2c' || cfg.algorithm === 'grpo' ? 0 : beta, estimator: cfg.klEstimator,
    missingEosPenalty: cfg.missingEosPenalty, endedWithEos, rulePenalty: extraPenalty ? texts.map(extraPenalty) : undefined,
  });

  // 5. advantages and returns
  let advantages: number[][];
  let returns: number[][];
  let group: Rollout['group'];
  if (cfg.algorithm === 'grpo') {
    // GRPO: each completion's reward (score less penalties) against its group of k, the same
    // advantage at every token; no critic, and no whitening (the group scaling is its own).
    values.forEach((row) => row.fill(0));
    const g = grpoAdvantages(rewards.map(sumRow), k, cfg.scaleRewards);
    group = { advantages: g.advantages, rewardStd: g.rewardStd, fracRewardZeroStd: g.fracRewardZeroStd };
    advantages = mask.map((row, b) => row.map((m) => (m ? g.advantages[b] : 0)));
    returns = gae(rewards, values, mask, cfg.gamma, 1).returns;
  } else if (cfg.algorithm !== 'rloo') {
    ({ advantages, returns } = gae(rewards, values, mask, cfg.gamma, cfg.lambda));
    // 6. whiten advantages (needs two real tokens for a variance)
    if (cfg.whitenAdvantages && countReal(mask) >= 2) advantages = maskedWhiten(advantages, mask);
  } else {
    // RLOO: each completion's whole reward (score − β·KL) against the mean of its siblings',
    // the same advantage at every token; no critic, so values are 0 and returns the reward-to-go.
    values.forEach((row) => row.fill(0));
    let seqAdv = rlooAdvantages(rewards.map(sumRow), k);
    if (cfg.whitenAdvantages) seqAdv = maskedWhiten(seqAdv.map((a) => [a]), seqAdv.map(() => [1])).map((r) => r[0]);
    advantages = mask.map((row, b) => row.map((m) => (m ? seqAdv[b] : 0)));
    returns = gae(rewards, values, mask, cfg.gamma, 1).returns;
  }

  return {
    ids, promptLengths, mask, logpOld, logpRef, values, rewards, advantages, returns, scores, kl,
    texts, completionIds, endedWithEos, beta, ...(group ? { group } : {}),
  };
}
