// REINFORCE Leave-One-Out (Ahmadian et al. 2024): k completions per prompt, each judged against the
// mean reward of the other k − 1, so no value head is needed:
//   A_i = r_i − (1/(k−1)) Σ_{j≠i} r_j = (k/(k−1)) (r_i − mean_j r_j)

/** Advantages for rewards grouped in consecutive blocks of k (the k samples of one prompt). */
export function rlooAdvantages(rewards: number[], k: number): number[] {
  if (!Number.isInteger(k) || k < 2) throw new Error(`Expected k to be an integer >= 2 (one sample has no others to compare with), but got ${k}`);
  if (rewards.length % k !== 0) throw new Error(`Expected the number of rewards (${rewards.length}) to be a multiple of k = ${k}`);
  if (!rewards.every(Number.isFinite)) throw new Error('Expected finite rewards');
  const out = new Array<number>(rewards.length);
  for (let g = 0; g < rewards.length; g += k) {
    let sum = 0;
    for (let j = g; j < g + k; j++) sum += rewards[j];
    for (let i = g; i < g + k; i++) out[i] = rewards[i] - (sum - rewards[i]) / (k - 1);
  }
  return out;
}
