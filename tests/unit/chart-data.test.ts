// A chart's columns and CSV, worked by hand: runs merged on one x axis with every point kept, the
// smoothed line beside the raw one, values uPlot cannot draw left as gaps, and the CSV of raw values.
import { describe, expect, it } from 'vitest';
import { alignSeries, canUseLogScale, chartCsv, plotColumns, smoothSeries } from '../../src/ui/shared/chart-data';

const pts = (...xy: Array<[number, number]>) => xy.map(([x, y]) => ({ x, y }));

describe('alignSeries', () => {
  it('merges runs on the union of their x, null where a run has no point', () => {
    expect(alignSeries([pts([1, 10], [2, 20], [3, 30]), pts([2, 0.5], [4, 0.25])])).toEqual({
      xs: [1, 2, 3, 4],
      columns: [[10, 20, 30, null], [null, 0.5, null, 0.25]],
    });
  });

  it('sorts by x and keeps a repeated x as two rows, in the order logged', () => {
    expect(alignSeries([pts([2, 7], [1, 5], [2, 8])])).toEqual({ xs: [1, 2, 2], columns: [[5, 7, 8]] });
    expect(alignSeries([pts([1, 1], [1, 2]), pts([1, 9])])).toEqual({ xs: [1, 1], columns: [[1, 2], [9, null]] });
  });

  it('has no rows for no points', () => {
    expect(alignSeries([[], []])).toEqual({ xs: [], columns: [[], []] });
  });
});

describe('plotColumns', () => {
  it('puts each run raw then smoothed, and turns values it cannot draw into gaps', () => {
    const a = { name: 'a', points: pts([1, 1], [2, 2], [3, 3]) };
    const b = { name: 'b', points: pts([2, NaN], [3, 4]) };
    // a at w = 0.5: 1, 5/3, 17/7 (smoothing.test.ts); b: NaN passes through (a gap), then 4 alone.
    const [xs, aRaw, aSmooth, bRaw, bSmooth] = plotColumns([a, b], 0.5);
    expect(xs).toEqual([1, 2, 3]);
    expect(aRaw).toEqual([1, 2, 3]);
    expect(aSmooth.map((y) => y && +y.toFixed(6))).toEqual([1, +(5 / 3).toFixed(6), +(17 / 7).toFixed(6)]);
    expect(bRaw).toEqual([null, null, 4]);
    expect(bSmooth).toEqual([null, null, 4]);
    expect(b.points[0].y).toBeNaN(); // the data itself untouched
  });

  it('smooths in x order whatever order the points came in', () => {
    expect(smoothSeries(pts([3, 3], [1, 1], [2, 2]), 0).map((p) => p.x)).toEqual([1, 2, 3]);
  });
});

describe('canUseLogScale', () => {
  it('offers a log axis only when every finite value is above 0', () => {
    expect(canUseLogScale([{ name: 'a', points: pts([1, 4.2], [2, 0.01], [3, NaN]) }])).toBe(true);
    expect(canUseLogScale([{ name: 'a', points: pts([1, 4.2]) }, { name: 'b', points: pts([1, 0]) }])).toBe(false);
    expect(canUseLogScale([{ name: 'a', points: [] }])).toBe(false);
  });
});

describe('chartCsv', () => {
  it('writes the x label and run names, then each x with each run\'s raw value', () => {
    const csv = chartCsv('round', [
      { name: 'this run', points: pts([1, 0.1], [2, 0.30000000000000004]) },
      { name: 'RL from "starter", #3', points: pts([2, -1e-7], [3, NaN]) },
    ]);
    expect(csv).toBe([
      'round,this run,"RL from ""starter"", #3"',
      '1,0.1,',
      '2,0.30000000000000004,-1e-7',
      '3,,NaN',
      '',
    ].join('\n'));
  });

  it('reads back to exactly the values logged', () => {
    const ys = [Math.PI, 1 / 3, 2.5e-12, 12345.678901234];
    const csv = chartCsv('step', [{ name: 'loss', points: ys.map((y, i) => ({ x: i + 1, y })) }]);
    expect(csv.trim().split('\n').slice(1).map((line) => Number(line.split(',')[1]))).toEqual(ys);
  });

  it('is a header alone for no points', () => {
    expect(chartCsv('step', [{ name: 'Training loss', points: [] }])).toBe('step,Training loss\n');
  });
});
