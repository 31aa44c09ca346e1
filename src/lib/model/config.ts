// The shape of a tiny GPT: every size the model code needs, checked once here.

export interface GPTConfig {
  /** Number of token ids the model reads and predicts. */
  vocabSize: number;
  /** Longest context, in tokens (learned positions exist for this many). */
  blockSize: number;
  /** Transformer blocks. */
  nLayer: number;
  /** Attention heads per block; nEmbd must divide by it. */
  nHead: number;
  /** Width of the residual stream. */
  nEmbd: number;
  /**
   * Reward models only: where the reward head is read: at EOS, as the mean over the completion, or
   * the sum of the two (model/reward.ts). Absent means 'eos', which every reward checkpoint before
   * this field used.
   */
  rewardReadout?: RewardReadout;
}

/** The config's sizes (every key but the readout). */
export type GPTSizeKey = Exclude<keyof GPTConfig, 'rewardReadout'>;

export const REWARD_READOUTS = ['eos', 'mean', 'eos+mean'] as const;
export type RewardReadout = (typeof REWARD_READOUTS)[number];

export const rewardReadoutOf = (c: GPTConfig): RewardReadout => c.rewardReadout ?? 'eos';

/** Model sizes a user can pick when pretraining from scratch (vocabSize comes from the tokenizer). */
export const MODEL_SIZES = {
  micro: { blockSize: 32, nLayer: 1, nHead: 2, nEmbd: 16 },
  small: { blockSize: 64, nLayer: 2, nHead: 4, nEmbd: 64 },
  // The starter: a context of 256 tokens holds a whole story of the story world (p90 215 tokens).
  starter: { blockSize: 256, nLayer: 4, nHead: 4, nEmbd: 128 },
} as const satisfies Record<string, Omit<GPTConfig, 'vocabSize'>>;

export type ModelSize = keyof typeof MODEL_SIZES;

/** The BPE vocabulary a fresh model of each size trains by default (README: "Choosing the vocabulary"). */
export const DEFAULT_VOCAB: Readonly<Record<ModelSize, number>> = { micro: 512, small: 1024, starter: 2048 };

export function validateConfig(c: GPTConfig): GPTConfig {
  for (const key of ['vocabSize', 'blockSize', 'nLayer', 'nHead', 'nEmbd'] as const) {
    const v = c[key];
    if (!Number.isInteger(v) || v <= 0) {
      throw new Error(`Expected config.${key} to be a positive integer, but got ${v}`);
    }
  }
  if (c.rewardReadout !== undefined && !(REWARD_READOUTS as readonly string[]).includes(c.rewardReadout)) {
    throw new Error(`Expected config.rewardReadout to be one of ${REWARD_READOUTS.join(', ')}, but got ${String(c.rewardReadout)}`);
  }
  if (c.nEmbd % c.nHead !== 0) {
    throw new Error(`Expected nEmbd (${c.nEmbd}) to be divisible by nHead (${c.nHead})`);
  }
  return c;
}

/** Parameter count, for display (matches the tensors created in params.ts). */
export function countParameters(c: GPTConfig): number {
  const C = c.nEmbd;
  const perLayer = 2 * C + (C * 3 * C + 3 * C) + (C * C + C) + 2 * C + (C * 4 * C + 4 * C) + (4 * C * C + C);
  return c.vocabSize * C + c.blockSize * C + c.nLayer * perLayer + 2 * C + 2 * (C + 1);
}
