// What a chart draws and what its CSV holds, as pure functions: several runs' points merged on one
// x axis (uPlot's aligned columns), each run's line smoothed apart from its raw points, and the CSV.
import { emaSmooth } from '../../lib/util/smoothing';

export interface XY { x: number; y: number }

/** One run on a chart: its legend name and its points, in the order they were logged. */
export interface ChartSeries { name: string; points: ReadonlyArray<XY> }

/** A shared x column and one column per series, null where a series has no point at that x. */
export interface Aligned { xs: number[]; columns: Array<Array<number | null>> }

/** In x order, points at the same x in the order logged (training logs in order: no copy then). */
function byX(points: ReadonlyArray<XY>): ReadonlyArray<XY> {
  let sorted = true;
  for (let i = 1; i < points.length && sorted; i++) sorted = points[i - 1].x <= points[i].x;
  return sorted ? points : points.map((p, i) => ({ p, i })).sort((a, b) => a.p.x - b.p.x || a.i - b.i).map(({ p }) => p);
}

const strictlyIncreasing = (points: ReadonlyArray<XY>) => points.every((p, i) => i === 0 || points[i - 1].x < p.x);

/**
 * Merges series on the union of their x values, ascending. Every point is kept: an x that a series
 * logged twice gets two rows (its k-th point at that x in the k-th row), never one value overwriting
 * another. Values are copied as they are, NaN and Infinity included.
 */
export function alignSeries(series: ReadonlyArray<ReadonlyArray<XY>>): Aligned {
  // The common case, one run logged step by step, without the maps: it runs on every new point.
  if (series.length === 1 && strictlyIncreasing(series[0])) return { xs: series[0].map((p) => p.x), columns: [series[0].map((p) => p.y)] };
  const sorted = series.map(byX);
  const rowsAt = new Map<number, number>(); // x -> most points any series has there
  for (const points of sorted) {
    const here = new Map<number, number>();
    for (const { x } of points) here.set(x, (here.get(x) ?? 0) + 1);
    for (const [x, n] of here) rowsAt.set(x, Math.max(rowsAt.get(x) ?? 0, n));
  }
  const xs = [...rowsAt.keys()].sort((a, b) => a - b).flatMap((x) => Array<number>(rowsAt.get(x)!).fill(x));
  const firstRow = new Map<number, number>();
  xs.forEach((x, row) => { if (!firstRow.has(x)) firstRow.set(x, row); });
  const columns = sorted.map((points) => {
    const column = Array<number | null>(xs.length).fill(null);
    const used = new Map<number, number>();
    for (const { x, y } of points) {
      const k = used.get(x) ?? 0;
      used.set(x, k + 1);
      column[firstRow.get(x)! + k] = y;
    }
    return column;
  });
  return { xs, columns };
}

/** Each series' points with y replaced by its smoothed value (in x order), x unchanged. */
export function smoothSeries(points: ReadonlyArray<XY>, weight: number): XY[] {
  const sorted = byX(points);
  const ys = emaSmooth(sorted.map((p) => p.y), weight);
  return sorted.map((p, i) => ({ x: p.x, y: ys[i] }));
}

/** A log axis only makes sense when every finite value drawn is above 0 (and there is one). */
export function canUseLogScale(series: ReadonlyArray<ChartSeries>): boolean {
  const ys = series.flatMap((s) => s.points.map((p) => p.y)).filter(Number.isFinite);
  return ys.length > 0 && ys.every((y) => y > 0);
}

/**
 * uPlot's data: x, then per series its raw column and its smoothed column. Values uPlot cannot draw
 * (NaN, Infinity) become gaps; the data the chart was given is not touched.
 */
export function plotColumns(series: ReadonlyArray<ChartSeries>, weight: number): [number[], ...Array<Array<number | null>>] {
  const raw = alignSeries(series.map((s) => s.points));
  const smooth = alignSeries(series.map((s) => smoothSeries(s.points, weight)));
  const drawable = (c: Array<number | null>) => c.map((y) => (y !== null && Number.isFinite(y) ? y : null));
  return [raw.xs, ...series.flatMap((_, i) => [drawable(raw.columns[i]), drawable(smooth.columns[i])])];
}

/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/**
 * The chart's data as CSV: a header of the x label and each series' name, then a row per x with each
 * series' raw value (empty where it has none). Numbers are written in full (JavaScript's shortest
 * round-tripping form), so the file reads back to exactly the values logged.
 */
export function chartCsv(xLabel: string, series: ReadonlyArray<ChartSeries>): string {
  const { xs, columns } = alignSeries(series.map((s) => s.points));
  const lines = [[xLabel, ...series.map((s) => s.name)].map(field).join(',')];
  xs.forEach((x, row) => lines.push([String(x), ...columns.map((c) => (c[row] === null ? '' : String(c[row])))].join(',')));
  return lines.join('\n') + '\n';
}
