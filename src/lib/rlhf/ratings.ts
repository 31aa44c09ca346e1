// A tournament's ratings: the Bradley–Terry model P(i beats j) = σ(θ_i − θ_j) fitted to pairwise
// results by maximum likelihood (Newton's method on the concave log-likelihood; Hunter 2004, "MM
// algorithms for generalized Bradley–Terry models", gives the MM alternative and the existence
// condition used below). A tie counts half a win to each side.
// Reported on the Elo scale, 400·log10 units: elo = (400 / ln 10)·θ, so a 3:1 record between two
// players is 400·log10 3 ≈ 190.85 apart. Anchor: the mean rating of the players is 0.
// Prior: a player who won (or lost) every game has an unbounded MLE. By default each player gets
// one virtual tie against an average opponent of fixed strength θ = 0: a log-prior term
// ½ log σ(θ_i) + ½ log σ(−θ_i) per player, a proper prior that pulls towards the middle and also
// ties together groups that never met. The maximum is then unique; the ratings are shifted
// afterwards so their mean is 0 (the shift is 0 when the records are symmetric). priorTies sets
// the number of virtual ties (0: the plain MLE, refused where it does not exist).
// Interval: elo ± 1.96·se, se² the variance of θ_i − mean θ under the inverse of the observed
// information (the negative Hessian of the log-posterior at its maximum): the Wald / Laplace normal
// approximation, symmetric on the Elo scale, good when every player has played many games.
import { bradleyTerryLossValue, sigmoid } from './bradley-terry-values';

export interface GameResult {
  a: number;
  b: number;
  /** a's score: 1 a won, 0.5 a tie, 0 b won. */
  scoreA: 1 | 0.5 | 0;
}

export interface Rating {
  player: number;
  /** 400·log10 units, the mean over players 0. */
  elo: number;
  /** Standard error of elo (same units). */
  se: number;
  /** elo ∓ z·se, z = 1.96 by default (about 95%). */
  low: number;
  high: number;
  games: number;
}

export interface RatingOptions {
  /** Virtual ties per player against an average opponent (θ = 0); default 1, 0 for the plain MLE. */
  priorTies?: number;
  z?: number;
}

export const ELO_PER_NAT = 400 / Math.LN10;

const logSigmoid = (x: number) => -bradleyTerryLossValue(x, 0);

/** Inverse of a small symmetric positive-definite matrix (Gauss–Jordan with partial pivoting). */
function invert(m: number[][]): number[][] {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    [a[c], a[p]] = [a[p], a[c]];
    const d = a[c][c];
    if (!(Math.abs(d) > 1e-300)) throw new Error('Expected an invertible information matrix, but it is singular');
    for (let j = 0; j < 2 * n; j++) a[c][j] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c || a[r][c] === 0) continue;
      const f = a[r][c];
      for (let j = 0; j < 2 * n; j++) a[r][j] -= f * a[c][j];
    }
  }
  return a.map((row) => row.slice(n));
}

/** Throws unless every player can be reached from every other by "scored against" steps (Hunter's condition). */
function checkMleExists(n: number, score: number[][]): void {
  const reach = (forward: boolean) => {
    const seen = new Array<boolean>(n).fill(false);
    const stack = [0];
    seen[0] = true;
    while (stack.length) {
      const i = stack.pop()!;
      for (let j = 0; j < n; j++) {
        if (!seen[j] && (forward ? score[i][j] : score[j][i]) > 0) {
          seen[j] = true;
          stack.push(j);
        }
      }
    }
    return seen;
  };
  const [down, up] = [reach(true), reach(false)];
  const k = down.findIndex((s, i) => !s || !up[i]);
  if (k >= 0) {
    throw new Error(`Expected the plain MLE (priorTies 0) to exist, but player ${k} cannot be ranked against player 0 `
      + '(someone in every group must have scored against the rest and conceded to it); use priorTies > 0');
  }
}

export function fitRatings(players: number, games: GameResult[], opts: RatingOptions = {}): Rating[] {
  const { priorTies = 1, z = 1.96 } = opts;
  if (!Number.isInteger(players) || players < 1) throw new Error(`Expected players to be an integer >= 1, but got ${players}`);
  if (!(priorTies >= 0 && Number.isFinite(priorTies))) throw new Error(`Expected priorTies to be a finite number >= 0, but got ${priorTies}`);
  if (!(z > 0)) throw new Error(`Expected z > 0, but got ${z}`);
  const n = players;
  const count = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const score = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  games.forEach(({ a, b, scoreA }, g) => {
    for (const [name, p] of [['a', a], ['b', b]] as const) {
      if (!Number.isInteger(p) || p < 0 || p >= n) throw new Error(`Expected ${name} of game ${g} to be a player 0..${n - 1}, but got ${p}`);
    }
    if (a === b) throw new Error(`Expected two different players in game ${g}, but got ${a} twice`);
    if (scoreA !== 1 && scoreA !== 0.5 && scoreA !== 0) throw new Error(`Expected scoreA of game ${g} to be 1, 0.5 or 0, but got ${scoreA}`);
    count[a][b]++;
    count[b][a]++;
    score[a][b] += scoreA;
    score[b][a] += 1 - scoreA;
  });
  if (priorTies === 0 && n > 1) checkMleExists(n, score);

  // Without a prior the likelihood only sees differences: pin θ_0 = 0 and solve for the rest.
  const free = Array.from({ length: n }, (_, i) => i).filter((i) => priorTies > 0 || i > 0);
  const theta = new Array<number>(n).fill(0);
  const logPost = (t: number[]) => {
    let l = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) if (count[i][j]) l += score[i][j] * logSigmoid(t[i] - t[j]) + score[j][i] * logSigmoid(t[j] - t[i]);
      l += priorTies * 0.5 * (logSigmoid(t[i]) + logSigmoid(-t[i]));
    }
    return l;
  };
  const information = (t: number[]) => {
    const grad = new Array<number>(n).fill(0);
    const info = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (j === i || !count[i][j]) continue;
        const p = sigmoid(t[i] - t[j]);
        grad[i] += score[i][j] - count[i][j] * p;
        info[i][i] += count[i][j] * p * (1 - p);
        info[i][j] -= count[i][j] * p * (1 - p);
      }
      const q = sigmoid(t[i]);
      grad[i] += priorTies * (0.5 - q);
      info[i][i] += priorTies * q * (1 - q);
    }
    return { grad, info: free.map((i) => free.map((j) => info[i][j])) };
  };

  let cov: number[][] = [];
  for (let iter = 0; iter < 200; iter++) {
    const { grad, info } = information(theta);
    cov = invert(info);
    const step = free.map((_, a) => free.reduce((s, j, b) => s + cov[a][b] * grad[j], 0));
    if (Math.max(0, ...step.map(Math.abs)) < 1e-12) break;
    // Newton step, halved until the log-posterior does not fall (it is concave, so it rarely is).
    const before = logPost(theta);
    let t = 1;
    let next = theta;
    for (let k = 0; k < 60; k++, t /= 2) {
      next = theta.slice();
      free.forEach((i, a) => (next[i] += t * step[a]));
      if (logPost(next) >= before) break;
    }
    theta.splice(0, n, ...next);
  }
  cov = invert(information(theta).info);

  // Var(θ_i − mean θ) = Σ_ii − (2/n) Σ_j Σ_ij + (1/n²) Σ_jk Σ_jk, with Σ 0 on a pinned player.
  const full = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  free.forEach((i, a) => free.forEach((j, b) => (full[i][j] = cov[a][b])));
  const rowSums = full.map((row) => row.reduce((s, v) => s + v, 0));
  const total = rowSums.reduce((s, v) => s + v, 0);
  const mean = theta.reduce((s, v) => s + v, 0) / n;
  return theta.map((th, i) => {
    const variance = Math.max(0, full[i][i] - (2 / n) * rowSums[i] + total / (n * n));
    const elo = ELO_PER_NAT * (th - mean);
    const se = ELO_PER_NAT * Math.sqrt(variance);
    return { player: i, elo, se, low: elo - z * se, high: elo + z * se, games: count[i].reduce((s, c) => s + c, 0) };
  });
}
