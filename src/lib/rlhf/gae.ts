// Generalised advantage estimation (Schulman et al. 2016), per token of each completion:
//   δ_t = r_t + γ V_{t+1} − V_t,   A_t = δ_t + γλ A_{t+1},   R_t = A_t + V_t
// run backwards over a row's real tokens, with V = 0 and A = 0 after the last one (the episode
// ends there). Masked positions are skipped and give 0; TRL then whitens A with maskedWhiten.
import { assertMask, assertSameShape } from './masks';

export interface Gae {
  advantages: number[][];
  /** The value head's regression targets, A + V. */
  returns: number[][];
}

export function gae(rewards: number[][], values: number[][], mask: number[][], gamma: number, lambda: number): Gae {
  assertSameShape('rewards', rewards, 'values', values);
  assertSameShape('rewards', rewards, 'mask', mask);
  assertMask('mask', mask);
  if (!(gamma >= 0 && gamma <= 1)) throw new Error(`Expected gamma in 0..1, but got ${gamma}`);
  if (!(lambda >= 0 && lambda <= 1)) throw new Error(`Expected lambda in 0..1, but got ${lambda}`);
  const advantages = rewards.map((row) => row.map(() => 0));
  const returns = rewards.map((row) => row.map(() => 0));
  rewards.forEach((row, i) => {
    let nextValue = 0;
    let nextAdvantage = 0;
    for (let t = row.length - 1; t >= 0; t--) {
      if (!mask[i][t]) continue;
      const delta = row[t] + gamma * nextValue - values[i][t];
      nextAdvantage = delta + gamma * lambda * nextAdvantage;
      nextValue = values[i][t];
      advantages[i][t] = nextAdvantage;
      returns[i][t] = nextAdvantage + values[i][t];
    }
  });
  return { advantages, returns };
}
