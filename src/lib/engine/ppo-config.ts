// Every knob of RL fine-tuning, with its default and a one-line help (the app's tooltips). Defaults
// follow TRL's PPOConfig / lm-human-preferences, scaled to a model of a few hundred thousand
// parameters that writes a few dozen characters at a time.
import type { KlEstimator } from '../rlhf/kl';

export type RLAlgorithm = 'ppo' | 'rloo' | 'a2c';

/** What PPO-ptx trains on: the bundled corpus, or the person's demonstrations (prompt + response). */
export type PtxTextSource = 'corpus' | 'demonstrations';

export interface PPOConfig {
  /** Prompts per rollout: step() draws this many from the pool it is given. */
  batchSize: number;
  /** Completions sampled per prompt (RLOO compares them, so it needs >= 2). */
  samplesPerPrompt: number;
  /** Longest completion, in tokens. */
  maxTokens: number;
  /** Sampling temperature of rollouts; log-probs are taken at the same temperature. */
  temperature: number;
  /** Initial KL coefficient β: how hard the policy is held to the reference model (A2C: in the loss, not the reward). */
  initKl: number;
  /** Per-token KL estimate in the reward: k1 = log p − log p_ref (unbiased), k3 = (r − 1) − log r (≥ 0); A2C only logs it (its loss takes the exact KL). */
  klEstimator: KlEstimator;
  /** Steer β towards targetKl (Ziegler et al. 2019) instead of keeping it fixed. */
  adaptiveKl: boolean;
  /** Sequence KL (nats) the adaptive controller aims for. */
  targetKl: number;
  /** Episodes over which the adaptive controller moves β by at most 20%. */
  horizon: number;
  /** Discount of later rewards (1: the whole completion counts). */
  gamma: number;
  /** GAE λ: 1 = Monte Carlo returns, 0 = one-step TD (more bias, less variance). */
  lambda: number;
  /** PPO's ε: how far one update may move the probability ratio from 1. */
  clipRange: number;
  /** How far one update may move the value estimate from its rollout value. */
  clipRangeValue: number;
  /** Weight of the value loss next to the policy loss. */
  vfCoef: number;
  /** Weight of an entropy bonus (keeps the policy from collapsing); 0 = none. */
  entropyCoef: number;
  /** Passes over each rollout. */
  ppoEpochs: number;
  /** Minibatches per pass (each one optimizer step). */
  minibatches: number;
  /** Adam step size. */
  learningRate: number;
  /** Clip the global gradient norm to this. */
  maxGradNorm: number;
  /** Normalise advantages to mean 0, std 1 over the batch's real tokens. */
  whitenAdvantages: boolean;
  /** Subtracted from the score of a completion that did not end (no EOS within maxTokens). */
  missingEosPenalty: number;
  /** Freeze the embeddings and the bottom N transformer blocks (0: train everything). */
  freezeLayers: number;
  /** ppo: clipped surrogate with a value head and GAE; rloo: leave-one-out baseline, no value head; a2c: one unclipped pass, β·KL in the loss (Sparrow). */
  algorithm: RLAlgorithm;
  /** PPO-ptx (InstructGPT): weight γ of the next-token loss on pretraining text added to every minibatch; 0 = off. */
  ptxCoef: number;
  /** Rows of pretraining text (each a full context window) per minibatch when ptxCoef > 0. */
  ptxBatchSize: number;
  /** PPO-ptx text: the bundled corpus (pretraining, as InstructGPT), or the demonstrations written for SFT. */
  ptxSource: PtxTextSource;
}

export const DEFAULT_PPO: PPOConfig = {
  batchSize: 8,
  samplesPerPrompt: 1,
  maxTokens: 48,
  temperature: 0.7,
  initKl: 0.05,
  klEstimator: 'k1',
  adaptiveKl: false,
  targetKl: 6,
  horizon: 10000,
  gamma: 1,
  lambda: 0.95,
  clipRange: 0.2,
  clipRangeValue: 0.2,
  vfCoef: 0.1,
  entropyCoef: 0,
  ppoEpochs: 4,
  minibatches: 2,
  learningRate: 1e-4,
  maxGradNorm: 1,
  whitenAdvantages: true,
  missingEosPenalty: 0,
  freezeLayers: 0,
  algorithm: 'ppo',
  // InstructGPT used γ = 27.8 against their loss scale; ours is a per-token mean, so γ ≈ 1 weighs
  // the LM loss like the policy loss. Off by default: it costs a forward and backward pass more.
  ptxCoef: 0,
  ptxBatchSize: 4,
  ptxSource: 'corpus',
};

/** Throws on the first setting out of range, naming it and its value; returns c. */
export function checkPPOConfig(c: PPOConfig): PPOConfig {
  const need = (ok: boolean, what: string, v: unknown) => {
    if (!ok) throw new Error(`Expected ${what}, but got ${String(v)}`);
  };
  const int = (v: number, lo: number, hi = Infinity) => Number.isInteger(v) && v >= lo && v <= hi;
  const num = (v: number, lo: number, hi = Infinity) => Number.isFinite(v) && v >= lo && v <= hi;
  need(int(c.batchSize, 1, 1024), 'batchSize to be an integer in 1..1024', c.batchSize);
  need(int(c.samplesPerPrompt, 1, 64), 'samplesPerPrompt to be an integer in 1..64', c.samplesPerPrompt);
  need(int(c.maxTokens, 1, 4096), 'maxTokens to be an integer in 1..4096', c.maxTokens);
  need(num(c.temperature, 0) && c.temperature > 0 && c.temperature <= 10, 'temperature in (0, 10] (log-probs divide by it)', c.temperature);
  need(num(c.initKl, 0), 'initKl to be a number >= 0', c.initKl);
  need(c.klEstimator === 'k1' || c.klEstimator === 'k3', "klEstimator 'k1' or 'k3'", c.klEstimator);
  need(typeof c.adaptiveKl === 'boolean', 'adaptiveKl to be true or false', c.adaptiveKl);
  need(num(c.targetKl, 0) && c.targetKl > 0, 'targetKl to be a number > 0', c.targetKl);
  need(num(c.horizon, 0) && c.horizon > 0, 'horizon to be a number > 0', c.horizon);
  need(num(c.gamma, 0, 1), 'gamma in 0..1', c.gamma);
  need(num(c.lambda, 0, 1), 'lambda in 0..1', c.lambda);
  need(num(c.clipRange, 0) && c.clipRange > 0 && c.clipRange < 1, 'clipRange in (0, 1)', c.clipRange);
  need(num(c.clipRangeValue, 0) && c.clipRangeValue > 0, 'clipRangeValue to be a number > 0', c.clipRangeValue);
  need(num(c.vfCoef, 0), 'vfCoef to be a number >= 0', c.vfCoef);
  need(num(c.entropyCoef, 0), 'entropyCoef to be a number >= 0', c.entropyCoef);
  need(int(c.ppoEpochs, 1, 100), 'ppoEpochs to be an integer in 1..100', c.ppoEpochs);
  need(int(c.minibatches, 1), 'minibatches to be a positive integer', c.minibatches);
  need(c.minibatches <= c.batchSize * c.samplesPerPrompt,
    `minibatches at most the ${c.batchSize * c.samplesPerPrompt} completions of a rollout (batchSize x samplesPerPrompt)`, c.minibatches);
  need(num(c.learningRate, 0) && c.learningRate > 0 && c.learningRate <= 1, 'learningRate in (0, 1]', c.learningRate);
  need(num(c.maxGradNorm, 0) && c.maxGradNorm > 0, 'maxGradNorm to be a number > 0', c.maxGradNorm);
  need(typeof c.whitenAdvantages === 'boolean', 'whitenAdvantages to be true or false', c.whitenAdvantages);
  need(num(c.missingEosPenalty, 0), 'missingEosPenalty to be a number >= 0 (it is subtracted)', c.missingEosPenalty);
  need(int(c.freezeLayers, 0), 'freezeLayers to be a non-negative integer', c.freezeLayers);
  need(c.algorithm === 'ppo' || c.algorithm === 'rloo' || c.algorithm === 'a2c', "algorithm 'ppo', 'rloo' or 'a2c'", c.algorithm);
  need(c.algorithm !== 'rloo' || c.samplesPerPrompt >= 2, 'samplesPerPrompt >= 2 for RLOO (each sample is judged against the others)', c.samplesPerPrompt);
  need(num(c.ptxCoef, 0), 'ptxCoef to be a number >= 0', c.ptxCoef);
  need(int(c.ptxBatchSize, 1, 256), 'ptxBatchSize to be an integer in 1..256', c.ptxBatchSize);
  need(c.ptxSource === 'corpus' || c.ptxSource === 'demonstrations', "ptxSource 'corpus' or 'demonstrations'", c.ptxSource);
  return c;
}
