// bench-chart.html?charts=&points=&every=&seconds=: mounts the app's chart as many times as asked
// and leaves the long-task report on window.__chartBench (bench/chart-longtasks.ts reads it).
import { mount } from 'svelte';
import '../../src/ui/app.css';
import ChartBench from './chart-bench.svelte';
import type { ChartBenchReport } from './chart-bench-report';

declare global {
  interface Window { __chartBench?: ChartBenchReport }
}

const params = new URLSearchParams(location.search);
const num = (key: string, fallback: number) => Number(params.get(key) ?? fallback);
const status = document.getElementById('status')!;
const props = { charts: num('charts', 1), points: num('points', 2000), every: num('every', 50), seconds: num('seconds', 10) };
status.textContent = `running ${JSON.stringify(props)}`;
mount(ChartBench, {
  target: document.getElementById('charts')!,
  props: { ...props, done: (r: ChartBenchReport) => { status.textContent = 'done'; window.__chartBench = r; } },
});
