// The PPO settings as the form shows them: each numeric knob of PPOConfig with its range and the
// help line ppo-config.ts gives it (the field's tooltip). The ranges are checkPPOConfig's, capped
// where a browser run would never finish.
import type { PPOConfig } from '../../lib/engine/ppo-config';

type NumericKey = { [K in keyof PPOConfig]: PPOConfig[K] extends number ? K : never }[keyof PPOConfig];

export interface PPOField { key: NumericKey; label: string; min: number; max: number; step: number; help: string }

export const PPO_FIELDS: PPOField[] = [
  { key: 'batchSize', label: 'Prompts per rollout', min: 1, max: 64, step: 1, help: 'Prompts per rollout: each PPO step draws this many from the pool' },
  { key: 'samplesPerPrompt', label: 'Samples per prompt', min: 1, max: 16, step: 1, help: 'Completions sampled per prompt (RLOO compares them, so it needs >= 2)' },
  { key: 'maxTokens', label: 'Max tokens', min: 1, max: 256, step: 1, help: 'Longest completion, in tokens' },
  { key: 'temperature', label: 'Temperature', min: 0.05, max: 2, step: 0.05, help: 'Sampling temperature of rollouts; log-probs are taken at the same temperature' },
  { key: 'initKl', label: 'KL coefficient β', min: 0, max: 10, step: 0.01, help: 'Initial KL coefficient β: how hard the policy is held to the reference model' },
  { key: 'targetKl', label: 'Target KL', min: 0.01, max: 100, step: 0.1, help: 'Sequence KL (nats) the adaptive controller aims for' },
  { key: 'horizon', label: 'KL horizon', min: 1, max: 1_000_000, step: 1, help: 'Episodes over which the adaptive controller moves β by at most 20%' },
  { key: 'gamma', label: 'Discount γ', min: 0, max: 1, step: 0.01, help: 'Discount of later rewards (1: the whole completion counts)' },
  { key: 'lambda', label: 'GAE λ', min: 0, max: 1, step: 0.01, help: 'GAE λ: 1 = Monte Carlo returns, 0 = one-step TD (more bias, less variance)' },
  { key: 'clipRange', label: 'Clip range ε', min: 0.01, max: 0.99, step: 0.01, help: "PPO's ε: how far one update may move the probability ratio from 1" },
  { key: 'clipRangeValue', label: 'Value clip range', min: 0.01, max: 10, step: 0.01, help: 'How far one update may move the value estimate from its rollout value' },
  { key: 'vfCoef', label: 'Value loss weight', min: 0, max: 10, step: 0.01, help: 'Weight of the value loss next to the policy loss' },
  { key: 'entropyCoef', label: 'Entropy bonus', min: 0, max: 1, step: 0.001, help: 'Weight of an entropy bonus (keeps the policy from collapsing); 0 = none' },
  { key: 'ppoEpochs', label: 'PPO epochs', min: 1, max: 20, step: 1, help: 'Passes over each rollout' },
  { key: 'minibatches', label: 'Minibatches', min: 1, max: 64, step: 1, help: 'Minibatches per pass (each one optimizer step); at most prompts × samples' },
  { key: 'learningRate', label: 'Learning rate', min: 1e-7, max: 0.1, step: 1e-5, help: 'Adam step size' },
  { key: 'maxGradNorm', label: 'Max gradient norm', min: 0.01, max: 100, step: 0.01, help: 'Clip the global gradient norm to this' },
  { key: 'missingEosPenalty', label: 'Missing-end penalty', min: 0, max: 10, step: 0.1, help: 'Subtracted from the score of a completion that did not end (no EOS within max tokens)' },
  { key: 'ptxCoef', label: 'Pretraining mix γ (ptx)', min: 0, max: 100, step: 0.1, help: 'PPO-ptx (InstructGPT): weight γ of the next-token loss on pretraining text added to every minibatch; 0 = off' },
  { key: 'ptxBatchSize', label: 'Pretraining rows', min: 1, max: 64, step: 1, help: 'Rows of pretraining text (each a full context window) per minibatch when γ > 0' },
  { key: 'freezeLayers', label: 'Frozen layers', min: 0, max: 12, step: 1, help: 'Freeze the embeddings and the bottom N transformer blocks (0: train everything)' },
];

type ChoiceKey = { [K in keyof PPOConfig]: PPOConfig[K] extends string ? K : never }[keyof PPOConfig];

/** A knob that is one of a few values: a select, its help line the tooltip. */
export interface PPOChoice { key: ChoiceKey; label: string; options: Array<{ value: string; label: string }>; help: string }

export const PPO_CHOICES: PPOChoice[] = [
  {
    key: 'ptxSource', label: 'Pretraining mix text (ptx)',
    options: [{ value: 'corpus', label: 'Bundled corpus' }, { value: 'demonstrations', label: 'My demonstrations (SFT)' }],
    help: 'PPO-ptx text: the bundled corpus (pretraining, as InstructGPT), or the demonstrations written for SFT',
  },
];
