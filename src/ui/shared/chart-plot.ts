// uPlot's options for the app's charts: colours from the page's CSS variables, type sized for a
// projector, each run drawn twice (its raw points faint, its smoothed line bold), and the chart
// as a PNG with its title and key (uPlot's canvas holds only the axes and lines).
import type uPlot from 'uplot';

export interface ChartTheme { text: string; grid: string; background: string; palette: string[] }

const FONT = 'system-ui, "DejaVu Sans", sans-serif';
const FALLBACK_PALETTE = ['#1f5fd1', '#b35900', '#0b6b2b', '#8b2fc9', '#00707a', '#b00020'];

/** The colours in use where `el` sits: --text, --border, --panel-bg and --chart-1 … --chart-6. */
export function readTheme(el: Element): ChartTheme {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text', '#111'),
    grid: v('--border', '#c9ccd2'),
    background: v('--panel-bg', '#fff'),
    palette: FALLBACK_PALETTE.map((c, i) => v(`--chart-${i + 1}`, c)),
  };
}

export const runColour = (theme: ChartTheme, i: number) => theme.palette[i % theme.palette.length];

/** A value as the legend shows it: 3 decimals, or 3 significant digits when that would hide it. */
export function formatValue(v: number | null | undefined): string {
  if (v === null || v === undefined) return '–';
  const a = Math.abs(v);
  return a !== 0 && (a < 0.01 || a >= 1e5) ? v.toPrecision(3) : v.toFixed(3);
}

export interface PlotSetup {
  width: number;
  height: number;
  xLabel: string;
  yLabel: string;
  /** Legend names, one per run: the run in progress first. */
  names: string[];
  log: boolean;
  theme: ChartTheme;
  /** Where the legend goes: outside the role="img" element, so it stays readable. */
  legend: HTMLElement;
}

// Steps and rounds are whole numbers: no tick at 1.5.
const WHOLE_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1e3, 2e3, 2500, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6];

export function plotOptions(s: PlotSetup): uPlot.Options {
  const axis = (label: string, size: number): uPlot.Axis => ({
    label, size, labelSize: 26, stroke: s.theme.text, font: `15px ${FONT}`, labelFont: `600 15px ${FONT}`,
    grid: { stroke: s.theme.grid, width: 1 }, ticks: { stroke: s.theme.grid, width: 1 },
  });
  const runSeries = s.names.flatMap((name, i): uPlot.Series[] => {
    const stroke = runColour(s.theme, i);
    const value = (_: uPlot, v: number | null) => formatValue(v);
    return [
      { label: name, stroke, width: 1.5, alpha: 0.3, points: { show: false }, value, class: 'raw' },
      { label: `${name} (smoothed)`, stroke, width: 3, value, class: 'smoothed', points: { size: 8, fill: stroke } },
    ];
  });
  return {
    width: s.width,
    height: s.height,
    scales: { x: { time: false }, y: s.log ? { distr: 3 } : {} },
    axes: [{ ...axis(s.xLabel, 48), incrs: WHOLE_STEPS }, axis(s.yLabel, 76)],
    series: [{ label: s.xLabel, value: (_: uPlot, v: number | null) => (v === null ? '–' : String(v)) }, ...runSeries],
    cursor: { points: { size: 9 } },
    legend: {
      mount: (_: uPlot, el: HTMLElement) => s.legend.replaceChildren(el),
      // Solid swatches in the run's colour (uPlot's default is the line's colour as a hollow box).
      markers: { fill: (_: uPlot, i: number) => (i === 0 ? s.theme.text : runColour(s.theme, Math.floor((i - 1) / 2))) },
    },
  };
}

/** The chart as a PNG: its title and the runs' colours above the plot, on the panel's background. */
export function chartPng(u: uPlot, title: string, names: string[], theme: ChartTheme): Promise<Blob> {
  const plot = u.ctx.canvas;
  const r = plot.width / Math.max(1, u.width); // device pixels per CSS pixel
  const line = 26 * r;
  const out = document.createElement('canvas');
  out.width = plot.width;
  out.height = plot.height + 2 * line + 8 * r;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = theme.text;
  ctx.textBaseline = 'middle';
  ctx.font = `600 ${18 * r}px ${FONT}`;
  ctx.fillText(title, 8 * r, line / 2 + 4 * r);
  ctx.font = `${15 * r}px ${FONT}`;
  let x = 8 * r;
  names.forEach((name, i) => {
    ctx.fillStyle = runColour(theme, i);
    ctx.fillRect(x, line * 1.5 - 2 * r, 18 * r, 4 * r);
    ctx.fillStyle = theme.text;
    ctx.fillText(name, x + 24 * r, line * 1.5 + 4 * r);
    x += 24 * r + ctx.measureText(name).width + 18 * r;
  });
  ctx.drawImage(plot, 0, 2 * line + 8 * r);
  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('The browser could not make a PNG of the chart'))), 'image/png'));
}
