// What a scatter chart draws, as pure functions: labelled points and fitted curves merged on one
// ascending x axis (uPlot's aligned columns), the axes' ranges, a fitted curve sampled on a grid,
// where the points' labels go (stacked when they collide), and the points as CSV.
import { alignSeries, type XY } from './chart-data';

/** A point on a scatter, with the label drawn beside it (if any). */
export interface ScatterPoint extends XY { label?: string }

/** One legend entry: points (drawn alone, no line) or a curve (a line, dashed unless told). */
export interface ScatterSeries {
  name: string;
  points: ReadonlyArray<ScatterPoint>;
  kind: 'points' | 'curve';
  /** Its colour: --chart-(colour + 1), the series' position by default. */
  colour?: number;
  dashed?: boolean;
}

export interface Bounds { x0: number; x1: number; y0: number; y1: number }

/**
 * uPlot's data: the union of every series' x, ascending, then a column per series, null where the
 * series has no value at that x. Values uPlot cannot draw (NaN, Infinity) become gaps; points with a
 * non-finite x are left out.
 */
export function scatterColumns(series: ReadonlyArray<ScatterSeries>): [number[], ...Array<Array<number | null>>] {
  const { xs, columns } = alignSeries(series.map((s) => s.points.filter((p) => Number.isFinite(p.x))));
  return [xs, ...columns.map((c) => c.map((y) => (y !== null && Number.isFinite(y) ? y : null)))];
}

/**
 * The axes' ranges from the points series (curves are clipped to them, not widening them): x from
 * min(0, x) to max(1, x) plus 5 %, y from the lowest to the highest value (0 too when asked) plus
 * 10 % each side, a unit wide around a single value.
 */
export function scatterBounds(series: ReadonlyArray<ScatterSeries>, opts: { yZero?: boolean } = {}): Bounds {
  const pts = series.filter((s) => s.kind === 'points').flatMap((s) => s.points).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const xs = pts.map((p) => p.x);
  const ys = [...(opts.yZero ? [0] : []), ...pts.map((p) => p.y)];
  let [y0, y1] = ys.length ? [Math.min(...ys), Math.max(...ys)] : [0, 1];
  if (y1 - y0 < 1e-9) [y0, y1] = [y0 - 0.5, y1 + 0.5];
  const pad = (y1 - y0) * 0.1;
  return { x0: Math.min(0, ...xs), x1: Math.max(1, ...xs) * 1.05, y0: y0 - pad, y1: y1 + pad };
}

/** f sampled at n + 1 evenly spaced x from x0 to x1; x where f is not finite are left out. */
export function curvePoints(f: (x: number) => number, x0: number, x1: number, n = 40): XY[] {
  return Array.from({ length: n + 1 }, (_, i) => x0 + (i / n) * (x1 - x0))
    .map((x) => ({ x, y: f(x) }))
    .filter((p) => Number.isFinite(p.y));
}

export interface LabelSpot { x: number; y: number; align: 'left' | 'right' }

/**
 * Where each point's label goes, in the points' own pixels: just above and right of its point, or
 * left of it (right-aligned) when the point is within `edge` of the plot's right side; a label that
 * would land on one already placed is moved down a line until it is clear. `scale` is the device
 * pixels per CSS pixel the positions are in (gaps and the edge are in CSS pixels).
 */
export function placeLabels(points: ReadonlyArray<{ x: number; y: number }>, right: number, scale = 1, edge = 110): LabelSpot[] {
  const placed: Array<{ x: number; y: number }> = [];
  const [gap, line, wide] = [8 * scale, 14 * scale, 90 * scale];
  return points.map((p) => {
    const atEdge = p.x > right - edge * scale;
    let y = p.y - 6 * scale;
    while (placed.some((q) => Math.abs(q.x - p.x) < wide && Math.abs(q.y - y) < line)) y += line;
    placed.push({ x: p.x, y });
    return { x: atEdge ? p.x - gap : p.x + gap, y, align: atEdge ? 'right' : 'left' };
  });
}

/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/**
 * The points (not the fitted curves) as CSV: series, point label, x, y, a row per point in the order
 * given, numbers in full (JavaScript's shortest round-tripping form).
 */
export function scatterCsv(xLabel: string, yLabel: string, series: ReadonlyArray<ScatterSeries>): string {
  const lines = [['series', 'point', xLabel, yLabel].map(field).join(',')];
  for (const s of series) {
    if (s.kind !== 'points') continue;
    for (const p of s.points) lines.push([field(s.name), field(p.label ?? ''), String(p.x), String(p.y)].join(','));
  }
  return lines.join('\n') + '\n';
}
