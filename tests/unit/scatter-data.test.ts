// A scatter's columns, ranges, curves, label places and CSV, worked by hand: points and a curve's
// grid merged on one ascending x axis (uPlot needs it), null where a series has no value there.
import { describe, expect, it } from 'vitest';
import { curvePoints, placeLabels, scatterBounds, scatterColumns, scatterCsv, type ScatterSeries } from '../../src/ui/shared/scatter-data';

const points = (name: string, ...xy: Array<[number, number, string?]>): ScatterSeries => ({ name, kind: 'points', points: xy.map(([x, y, label]) => ({ x, y, label })) });
const curve = (name: string, ...xy: Array<[number, number]>): ScatterSeries => ({ name, kind: 'curve', points: xy.map(([x, y]) => ({ x, y })) });

describe('scatterColumns', () => {
  it('merges unsorted points and a curve on one ascending x, null where a series has no value', () => {
    expect(scatterColumns([points('m', [2, 5], [0.5, 1]), curve('fit', [0, 0], [1, 2], [2, 4])])).toEqual([
      [0, 0.5, 1, 2],
      [null, 1, null, 5],
      [0, null, 2, 4],
    ]);
  });

  it('keeps two points at the same x as two rows', () => {
    expect(scatterColumns([points('m', [0, 1], [0, 2]), points('r', [0, 3])])).toEqual([[0, 0], [1, 2], [3, null]]);
  });

  it('turns values uPlot cannot draw into gaps and leaves out points without a finite x', () => {
    expect(scatterColumns([points('m', [1, Number.NaN], [2, Infinity], [Number.NaN, 3], [3, 3])])).toEqual([[1, 2, 3], [null, null, 3]]);
  });

  it('gives an empty x column with no points', () => {
    expect(scatterColumns([points('m')])).toEqual([[], []]);
  });
});

describe('scatterBounds', () => {
  it('spans 0 to the furthest x plus 5 % and the values plus 10 % each side, ignoring curves', () => {
    const b = scatterBounds([points('m', [0, 1], [4, 3]), curve('fit', [0, -100], [10, 100])]);
    expect(b.x0).toBe(0);
    expect(b.x1).toBeCloseTo(4.2);
    expect(b.y0).toBeCloseTo(0.8);
    expect(b.y1).toBeCloseTo(3.2);
  });

  it('takes a negative x, at least 1 on x, 0 on y when asked, and a unit around one value', () => {
    expect(scatterBounds([points('m', [-0.2, 2])])).toEqual({ x0: -0.2, x1: 1.05, y0: 1.4, y1: 2.6 });
    const b = scatterBounds([points('m', [0.5, 2], [0.6, 3])], { yZero: true });
    expect(b.y0).toBeCloseTo(-0.3);
    expect(b.y1).toBeCloseTo(3.3);
    expect(scatterBounds([])).toEqual({ x0: 0, x1: 1.05, y0: -0.1, y1: 1.1 });
  });
});

describe('curvePoints', () => {
  it('samples evenly from x0 to x1 and leaves out x where the curve is not finite', () => {
    expect(curvePoints((x) => 2 * x, 0, 1, 4)).toEqual([{ x: 0, y: 0 }, { x: 0.25, y: 0.5 }, { x: 0.5, y: 1 }, { x: 0.75, y: 1.5 }, { x: 1, y: 2 }]);
    expect(curvePoints((x) => x * Math.log(x), 0, 2, 2).map((p) => p.x)).toEqual([1, 2]);
  });
});

describe('placeLabels', () => {
  it('puts a label above right of its point, and left of it near the right edge', () => {
    expect(placeLabels([{ x: 100, y: 50 }, { x: 450, y: 80 }], 500)).toEqual([
      { x: 108, y: 44, align: 'left' },
      { x: 442, y: 74, align: 'right' },
    ]);
  });

  it('stacks labels that would land on each other, a line down at a time', () => {
    const spots = placeLabels([{ x: 100, y: 50 }, { x: 110, y: 50 }, { x: 105, y: 50 }, { x: 300, y: 50 }], 1000);
    expect(spots.map((s) => s.y)).toEqual([44, 58, 72, 44]);
  });

  it('scales its gaps by the device pixel ratio', () => {
    expect(placeLabels([{ x: 200, y: 100 }, { x: 200, y: 100 }], 2000, 2)).toEqual([
      { x: 216, y: 88, align: 'left' },
      { x: 216, y: 116, align: 'left' },
    ]);
  });
});

describe('scatterCsv', () => {
  it('writes a row per point, with its series and label, numbers in full, curves left out', () => {
    const csv = scatterCsv('KL, nats', 'gold score', [points('methods', [0.1, 1 / 3, 'PPO "clip"']), points('reference', [0, -0.5]), curve('fit', [0, 0])]);
    expect(csv).toBe('series,point,"KL, nats",gold score\nmethods,"PPO ""clip""",0.1,0.3333333333333333\nreference,,0,-0.5\n');
  });
});
