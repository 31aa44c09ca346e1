// Best-of-n (rejection sampling): draw n completions from the base policy, keep the one the reward
// model scores highest. Its KL to the base policy has the analytic form (Stiennon et al. 2020;
// Gao et al. 2022, "Scaling Laws for Reward Model Overoptimization"):
//   KL_bon = log n − (n − 1)/n
// derived as if no completion could be drawn twice; for a discrete policy Beirami et al. 2024 show
// it bounds the true KL from above. Gao et al. fit the gold reward against d = √KL with
//   best-of-n  R(d) = d·(α − β·d)
//   RL         R(d) = d·(α − β·log d)
// Both are linear in (α, β): R = α·x1 + β·x2 with x1 = d and x2 = −d² (best-of-n) or −d·log d (RL),
// so the least-squares fit solves the 2×2 normal equations
//   [Σx1²  Σx1x2] [α]   [Σx1·R]
//   [Σx1x2 Σx2² ] [β] = [Σx2·R]
// by Cramer's rule. (Gao et al. also fix R(0) = 0, which both forms do by construction.)

/** Index of the highest reward; ties go to the first. */
export function bestOfNIndex(rewards: number[]): number {
  if (!rewards.length) throw new Error('Expected at least one reward to choose from');
  let best = 0;
  rewards.forEach((r, i) => {
    if (Number.isNaN(r)) throw new Error(`Expected rewards that are numbers, but got NaN at ${i}`);
    if (r > rewards[best]) best = i;
  });
  return best;
}

function checkN(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new Error(`Expected n to be an integer >= 1, but got ${n}`);
}

/** KL(best-of-n ‖ base) = log n − (n − 1)/n, in nats: 0 for n = 1, log 2 − 1/2 for n = 2. */
export function bestOfNKl(n: number): number {
  checkN(n);
  return Math.log(n) - (n - 1) / n;
}

/** d = √KL, the x-axis of Gao et al.'s fits. */
export function gaoDistance(kl: number): number {
  if (!(kl >= 0)) throw new Error(`Expected the KL to be >= 0, but got ${kl}`);
  return Math.sqrt(kl);
}

export interface GaoCoefficients {
  alpha: number;
  beta: number;
}

export interface GaoPoint {
  /** d = √KL ≥ 0. */
  d: number;
  /** Gold reward, measured from the base policy's (so R(0) = 0). */
  r: number;
}

function checkD(d: number): void {
  if (!(d >= 0) || !Number.isFinite(d)) throw new Error(`Expected d = √KL to be a finite number >= 0, but got ${d}`);
}

/** Best-of-n's gold reward R(d) = d·(α − β·d). */
export function gaoBestOfNReward(d: number, { alpha, beta }: GaoCoefficients): number {
  checkD(d);
  return d * (alpha - beta * d);
}

/** −d·log d, taken as 0 at d = 0 (its limit). */
const dLogD = (d: number) => (d === 0 ? 0 : d * Math.log(d));

/** RL's gold reward R(d) = d·(α − β·log d); R(0) = 0. */
export function gaoRlReward(d: number, { alpha, beta }: GaoCoefficients): number {
  checkD(d);
  return alpha * d - beta * dLogD(d);
}

function fit(points: GaoPoint[], x2: (d: number) => number): GaoCoefficients {
  if (points.length < 2) throw new Error(`Expected at least 2 points to fit α and β, but got ${points.length}`);
  let [s11, s12, s22, s1r, s2r] = [0, 0, 0, 0, 0];
  points.forEach(({ d, r }, i) => {
    checkD(d);
    if (!Number.isFinite(r)) throw new Error(`Expected a finite reward, but got ${r} at point ${i}`);
    const [a, b] = [d, x2(d)];
    s11 += a * a;
    s12 += a * b;
    s22 += b * b;
    s1r += a * r;
    s2r += b * r;
  });
  const det = s11 * s22 - s12 * s12;
  // x2/x1 is −d or −log d, different at each d > 0 (and d = 0 adds a zero row), so the system is
  // singular exactly when the points hold fewer than two distinct d > 0.
  if (!(Math.abs(det) > 1e-12 * s11 * s22)) {
    throw new Error('Expected points at two or more distinct d > 0 to determine α and β, but the normal equations are singular');
  }
  return { alpha: (s1r * s22 - s12 * s2r) / det, beta: (s11 * s2r - s12 * s1r) / det };
}

/** Least-squares α, β of R(d) = d·(α − β·d) (the 2×2 normal equations). */
export function fitGaoBestOfN(points: GaoPoint[]): GaoCoefficients {
  return fit(points, (d) => -d * d);
}

/** Least-squares α, β of R(d) = d·(α − β·log d) (the 2×2 normal equations). */
export function fitGaoRl(points: GaoPoint[]): GaoCoefficients {
  return fit(points, (d) => -dLogD(d));
}
