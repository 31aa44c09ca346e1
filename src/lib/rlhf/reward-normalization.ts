// Reward normalisation: RL sees (r − mean) / std, with mean and std measured on samples of the
// reference policy, so a KL coefficient β means the same thing whatever scale the reward model
// happened to learn (Ziegler et al. 2019; InstructGPT).

export interface RewardNormalization {
  mean: number;
  std: number;
  /** How many rewards the statistics came from. */
  samples: number;
}

/** Mean and (population) standard deviation of raw rewards; std is floored so division stays finite. */
export function rewardNormalization(raw: number[], minStd = 1e-6): RewardNormalization {
  if (!raw.length) throw new Error('Expected at least one reward to normalise on');
  if (!raw.every(Number.isFinite)) throw new Error('Expected finite rewards to normalise on');
  const mean = raw.reduce((a, b) => a + b, 0) / raw.length;
  const variance = raw.reduce((a, r) => a + (r - mean) ** 2, 0) / raw.length;
  return { mean, std: Math.max(Math.sqrt(variance), minStd), samples: raw.length };
}

export const IDENTITY_NORMALIZATION: RewardNormalization = { mean: 0, std: 1, samples: 0 };

export function normalizeReward(raw: number, n: RewardNormalization): number {
  return (raw - n.mean) / n.std;
}
