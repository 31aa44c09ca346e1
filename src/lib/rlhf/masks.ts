// Masks over completions and the masked statistics PPO is built from (TRL's masked_mean /
// masked_var / masked_whiten). Every 2-D array is (rows, tokens); a mask is 1 at a real token and
// 0 at padding or after the end of sequence. Plain numbers, no tensors: the tensor twins live in
// ppo-loss.ts.

/** Throws unless `a` and `b` have the same rows of the same lengths; the message names both. */
export function assertSameShape(aName: string, a: number[][], bName: string, b: number[][]): void {
  if (a.length !== b.length) throw new Error(`Expected ${aName} and ${bName} to have as many rows, but got ${a.length} and ${b.length}`);
  a.forEach((row, i) => {
    if (row.length !== b[i].length) {
      throw new Error(`Expected ${aName} and ${bName} rows to match, but row ${i} has ${row.length} and ${b[i].length} tokens`);
    }
  });
}

/** Throws unless every entry of `mask` is 0 or 1. */
export function assertMask(name: string, mask: number[][]): void {
  mask.forEach((row, i) => row.forEach((m, t) => {
    if (m !== 0 && m !== 1) throw new Error(`Expected ${name} to hold only 0 and 1, but got ${m} at [${i}][${t}]`);
  }));
}

function checked(x: number[][], mask: number[][]): number {
  assertSameShape('x', x, 'mask', mask);
  assertMask('mask', mask);
  return mask.reduce((n, row) => n + row.reduce((a, m) => a + m, 0), 0);
}

function sumReal(x: number[][], mask: number[][]): number {
  let s = 0;
  x.forEach((row, i) => row.forEach((v, t) => {
    if (mask[i][t]) s += v;
  }));
  return s;
}

/** Σ x over real tokens. */
export function maskedSum(x: number[][], mask: number[][]): number {
  checked(x, mask);
  return sumReal(x, mask);
}

/** Mean of x over real tokens (all rows together, as TRL's masked_mean with no axis). */
export function maskedMean(x: number[][], mask: number[][]): number {
  const n = checked(x, mask);
  if (n === 0) throw new Error('Expected at least one real token (mask is all 0) to take a masked mean');
  return sumReal(x, mask) / n;
}

/** Variance of x over real tokens; unbiased (× n/(n−1), Bessel) by default, as TRL's masked_var. */
export function maskedVariance(x: number[][], mask: number[][], unbiased = true): number {
  const n = checked(x, mask);
  if (n === 0) throw new Error('Expected at least one real token (mask is all 0) to take a masked variance');
  if (unbiased && n < 2) throw new Error(`Expected at least 2 real tokens for an unbiased variance, but got ${n}`);
  const mean = sumReal(x, mask) / n;
  const variance = sumReal(x.map((row) => row.map((v) => (v - mean) ** 2)), mask) / n;
  return unbiased ? (variance * n) / (n - 1) : variance;
}

/**
 * (x − mean) / sqrt(var + 1e-8) over real tokens (unbiased var, as TRL's masked_whiten); with
 * `shiftMean` false the mean is added back, so only the scale changes (TRL whitens rewards that
 * way). 0 at masked positions.
 */
export function maskedWhiten(x: number[][], mask: number[][], shiftMean = true): number[][] {
  const mean = maskedMean(x, mask);
  const scale = 1 / Math.sqrt(maskedVariance(x, mask) + 1e-8);
  return x.map((row, i) => row.map((v, t) => (mask[i][t] ? (v - mean) * scale + (shiftMean ? 0 : mean) : 0)));
}
