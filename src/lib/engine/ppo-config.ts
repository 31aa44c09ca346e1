// Every knob of RL fine-tuning, with its default and a one-line help (the app's tooltips). Defaults
// follow TRL's PPOConfig / lm-human-preferences, scaled to a model of a few hundred thousand
// parameters that writes a few dozen characters at a time.
import type { GrpoLossType, ScaleRewards } from '../rlhf/grpo';
import type { KlEstimator } from '../rlhf/kl';
import { checkSettings, defaultsOf, type SettingsTable } from '../util/settings-table';

export type RLAlgorithm = 'ppo' | 'rloo' | 'a2c' | 'grpo';

/** What PPO-ptx trains on: the bundled corpus, or the person's demonstrations (prompt + response). */
export type PtxTextSource = 'corpus' | 'demonstrations';

// Each field's meaning, default and range is its row of PPO_SETTINGS below (written once).
export interface PPOConfig {
  batchSize: number;
  samplesPerPrompt: number;
  maxTokens: number;
  temperature: number;
  initKl: number;
  klEstimator: KlEstimator;
  adaptiveKl: boolean;
  targetKl: number;
  horizon: number;
  gamma: number;
  lambda: number;
  clipRange: number;
  clipRangeValue: number;
  vfCoef: number;
  entropyCoef: number;
  ppoEpochs: number;
  minibatches: number;
  learningRate: number;
  maxGradNorm: number;
  whitenAdvantages: boolean;
  missingEosPenalty: number;
  freezeLayers: number;
  algorithm: RLAlgorithm;
  ptxCoef: number;
  ptxBatchSize: number;
  ptxSource: PtxTextSource;
  clipRangeHigh: number;
  grpoLossType: GrpoLossType;
  scaleRewards: ScaleRewards;
}

/** Every knob of RL fine-tuning: the form's fields, checkPPOConfig's ranges and the README's table. */
export const PPO_SETTINGS: SettingsTable<PPOConfig> = [
  { key: 'algorithm', kind: 'choice', default: 'ppo', label: 'Algorithm', options: [{ value: 'ppo', label: 'PPO' }, { value: 'rloo', label: 'RLOO' }, { value: 'a2c', label: 'A2C' }, { value: 'grpo', label: 'GRPO' }],
    help: 'ppo: clipped surrogate with a value head and GAE; rloo: leave-one-out baseline, no value head; a2c: one unclipped pass, β·KL in the loss (Sparrow); grpo: each completion against its group of samples, β·k3 KL in the loss (DeepSeekMath)' },
  { key: 'batchSize', kind: 'int', default: 8, min: 1, max: 1024, form: { max: 64 }, label: 'Prompts per rollout', help: 'Prompts per rollout: each PPO step draws this many from the pool' },
  { key: 'samplesPerPrompt', kind: 'int', default: 1, min: 1, max: 64, form: { max: 16 }, label: 'Samples per prompt', help: 'Completions sampled per prompt (RLOO compares them, so it needs >= 2)' },
  { key: 'maxTokens', kind: 'int', default: 48, min: 1, max: 4096, form: { max: 256 }, label: 'Max tokens', help: 'Longest completion, in tokens' },
  { key: 'temperature', kind: 'number', default: 0.7, min: 0, max: 10, minOpen: true, form: { min: 0.05, max: 2 }, step: 0.05, label: 'Temperature', help: 'Sampling temperature of rollouts; log-probs are taken at the same temperature' },
  { key: 'initKl', kind: 'number', default: 0.05, min: 0, max: Infinity, form: { max: 10 }, step: 0.01, label: 'KL coefficient β', help: 'Initial KL coefficient β: how hard the policy is held to the reference model (A2C: in the loss, not the reward)' },
  { key: 'klEstimator', kind: 'choice', default: 'k1', label: 'KL estimator', options: [{ value: 'k1', label: 'k1' }, { value: 'k3', label: 'k3' }],
    help: 'Per-token KL estimate in the reward: k1 = log p − log p_ref (unbiased), k3 = (r − 1) − log r (≥ 0); A2C only logs it (its loss takes the exact KL)' },
  { key: 'adaptiveKl', kind: 'bool', default: false, label: 'Adaptive KL', help: 'Steer β towards the target KL (Ziegler et al. 2019) instead of keeping it fixed' },
  { key: 'targetKl', kind: 'number', default: 6, min: 0, max: Infinity, minOpen: true, form: { min: 0.01, max: 100 }, step: 0.1, label: 'Target KL', help: 'Sequence KL (nats) the adaptive controller aims for' },
  { key: 'horizon', kind: 'number', default: 10000, min: 0, max: Infinity, minOpen: true, form: { min: 1, max: 1_000_000 }, step: 1, label: 'KL horizon', help: 'Episodes over which the adaptive controller moves β by at most 20%' },
  { key: 'gamma', kind: 'number', default: 1, min: 0, max: 1, step: 0.01, label: 'Discount γ', help: 'Discount of later rewards (1: the whole completion counts)' },
  { key: 'lambda', kind: 'number', default: 0.95, min: 0, max: 1, step: 0.01, label: 'GAE λ', help: 'GAE λ: 1 = Monte Carlo returns, 0 = one-step TD (more bias, less variance)' },
  { key: 'clipRange', kind: 'number', default: 0.2, min: 0, max: 1, minOpen: true, maxOpen: true, form: { min: 0.01, max: 0.99 }, step: 0.01, label: 'Clip range ε', help: "PPO's ε: how far one update may move the probability ratio from 1" },
  { key: 'clipRangeValue', kind: 'number', default: 0.2, min: 0, max: Infinity, minOpen: true, form: { min: 0.01, max: 10 }, step: 0.01, label: 'Value clip range', help: 'How far one update may move the value estimate from its rollout value' },
  { key: 'vfCoef', kind: 'number', default: 0.1, min: 0, max: Infinity, form: { max: 10 }, step: 0.01, label: 'Value loss weight', help: 'Weight of the value loss next to the policy loss' },
  { key: 'entropyCoef', kind: 'number', default: 0, min: 0, max: Infinity, form: { max: 1 }, step: 0.001, label: 'Entropy bonus', help: 'Weight of an entropy bonus (keeps the policy from collapsing); 0 = none' },
  { key: 'ppoEpochs', kind: 'int', default: 4, min: 1, max: 100, form: { max: 20 }, label: 'PPO epochs', help: 'Passes over each rollout' },
  { key: 'minibatches', kind: 'int', default: 2, min: 1, max: Infinity, form: { max: 64 }, label: 'Minibatches', help: 'Minibatches per pass (each one optimizer step); at most prompts × samples' },
  { key: 'learningRate', kind: 'number', default: 1e-4, min: 0, max: 1, minOpen: true, form: { min: 1e-7, max: 0.1 }, step: 1e-5, label: 'Learning rate', help: 'Adam step size' },
  { key: 'maxGradNorm', kind: 'number', default: 1, min: 0, max: Infinity, minOpen: true, form: { min: 0.01, max: 100 }, step: 0.01, label: 'Max gradient norm', help: 'Clip the global gradient norm to this' },
  { key: 'whitenAdvantages', kind: 'bool', default: true, label: 'Whiten advantages', help: "Normalise advantages to mean 0, std 1 over the batch's real tokens" },
  { key: 'missingEosPenalty', kind: 'number', default: 0, min: 0, max: Infinity, form: { max: 10 }, step: 0.1, label: 'Missing-end penalty', help: 'Subtracted from the score of a completion that did not end (no EOS within max tokens)' },
  // InstructGPT used γ = 27.8 against their loss scale; ours is a per-token mean, so γ ≈ 1 weighs
  // the LM loss like the policy loss. Off by default: it costs a forward and backward pass more.
  { key: 'ptxCoef', kind: 'number', default: 0, min: 0, max: Infinity, form: { max: 100 }, step: 0.1, label: 'Pretraining mix γ (ptx)', help: 'PPO-ptx (InstructGPT): weight γ of the next-token loss on pretraining text added to every minibatch; 0 = off' },
  { key: 'ptxBatchSize', kind: 'int', default: 4, min: 1, max: 256, form: { max: 64 }, label: 'Pretraining rows', help: 'Rows of pretraining text (each a full context window) per minibatch when γ > 0' },
  { key: 'ptxSource', kind: 'choice', default: 'corpus', label: 'Pretraining mix text (ptx)', options: [{ value: 'corpus', label: 'Bundled corpus' }, { value: 'demonstrations', label: 'My demonstrations (SFT)' }],
    help: 'PPO-ptx text: the bundled corpus (pretraining, as InstructGPT), or the demonstrations written for SFT' },
  { key: 'clipRangeHigh', kind: 'number', default: 0, min: 0, max: 1, maxOpen: true, form: { max: 0.99 }, step: 0.01, label: 'Upper clip ε_high (GRPO)', help: 'GRPO: the ratio may rise to 1 + ε_high (DAPO\'s clip-higher); 0: the same as the clip range ε' },
  { key: 'grpoLossType', kind: 'choice', default: 'grpo', label: 'GRPO loss normalisation', options: [{ value: 'grpo', label: 'grpo: per sequence' }, { value: 'dapo', label: 'dapo: per token' }, { value: 'dr_grpo', label: 'dr_grpo: constant' }],
    help: "GRPO: grpo averages each completion's tokens then the completions (the paper's); dapo divides by the batch's tokens; dr_grpo by completions × max tokens (no length bias)" },
  { key: 'scaleRewards', kind: 'choice', default: 'group', label: 'GRPO reward scaling', options: [{ value: 'group', label: 'by the group std' }, { value: 'batch', label: 'by the batch std' }, { value: 'none', label: 'none' }],
    help: "GRPO: advantages are the reward less its group's mean, divided by the group's std (the paper's), the batch's, or nothing (Dr. GRPO)" },
  { key: 'freezeLayers', kind: 'int', default: 0, min: 0, max: Infinity, form: { max: 12 }, label: 'Frozen layers', help: 'Freeze the embeddings and the bottom N transformer blocks (0: train everything)' },
];

export const DEFAULT_PPO: PPOConfig = defaultsOf(PPO_SETTINGS);

/** Throws on the first setting out of range, naming it and its value; returns c. */
export function checkPPOConfig(c: PPOConfig): PPOConfig {
  checkSettings(PPO_SETTINGS, c);
  // What one knob's range cannot say: limits that depend on another knob.
  const need = (ok: boolean, what: string, v: unknown) => {
    if (!ok) throw new Error(`Expected ${what}, but got ${String(v)}`);
  };
  need(c.minibatches <= c.batchSize * c.samplesPerPrompt,
    `minibatches at most the ${c.batchSize * c.samplesPerPrompt} completions of a rollout (batchSize x samplesPerPrompt)`, c.minibatches);
  need(c.algorithm !== 'rloo' || c.samplesPerPrompt >= 2, 'samplesPerPrompt >= 2 for RLOO (each sample is judged against the others)', c.samplesPerPrompt);
  need(c.algorithm !== 'grpo' || c.samplesPerPrompt >= 2, 'samplesPerPrompt >= 2 for GRPO (each sample is judged against its group)', c.samplesPerPrompt);
  return c;
}
