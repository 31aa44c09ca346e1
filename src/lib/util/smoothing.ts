// TensorBoard's scalar smoothing: an exponential moving average, debiased so the first points are
// not pulled towards 0. It only changes the line a chart draws, never the data it was given.

/** The smoothing weight's range: 0 draws the raw line, 0.99 averages over about a hundred points. */
export const SMOOTHING_MAX = 0.99;

/**
 * last = last·w + (1 − w)·y, then last / (1 − wⁿ) after n finite values (TensorBoard's
 * vz_line_chart2). A non-finite value passes through unsmoothed and leaves the average alone; a
 * constant series is returned as it is (the debiasing would otherwise add rounding noise to it).
 */
export function emaSmooth(ys: ReadonlyArray<number>, weight: number): number[] {
  if (!(weight >= 0 && weight < 1)) throw new Error(`Expected a smoothing weight in [0, 1), but got ${weight}`);
  const constant = ys.every((y) => y === ys[0]);
  let last = 0;
  let n = 0;
  return ys.map((y) => {
    if (constant || !Number.isFinite(y)) return y;
    last = last * weight + (1 - weight) * y;
    n++;
    return last / (1 - weight ** n);
  });
}
