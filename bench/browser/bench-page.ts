// The benchmark page (bench.html?backend=...&samples=&tokens=&steps=&batch=[&threads=]): starts the bench
// worker, shows its progress, and leaves the finished BackendReport on window.__bench for the
// runner (bench/runner/browser.ts) to pick up. The page itself runs no tfjs op, like the app.
import { isBackendName } from '../../src/lib/worker/protocol';
import type { BackendReport, BenchPlan, InfoValue } from '../types';
import type { FromBenchWorker, ToBenchWorker } from './messages';

declare global {
  interface Window {
    __bench?: BackendReport;
    /** What started, before any measurement: the runner reads it when a backend times out. */
    __benchStarted?: Record<string, InfoValue>;
  }
}

const out = document.getElementById('bench')!;
const params = new URLSearchParams(location.search);
const backend = params.get('backend') ?? '';
const num = (key: string, fallback: number) => Number(params.get(key) ?? fallback);
const threads = params.has('threads') ? num('threads', 1) : undefined;
const plan: BenchPlan = { samples: num('samples', 4), tokens: num('tokens', 128), steps: num('steps', 3), batchSize: num('batch', 16) };

function finish(report: BackendReport): void {
  out.textContent += `\n${report.error ? `error: ${report.error}` : 'done'}`;
  window.__bench = report;
}

function log(line: string): void {
  out.textContent += `\n${line}`;
  console.log(`[bench] ${line}`); // the runner forwards these as progress
}

if (!isBackendName(backend)) {
  finish({ backend: 'webgpu', plan, measurements: [], info: {}, error: `Expected ?backend= one of webgpu, wasm, webgl, cpu, but got "${backend}"` });
} else {
  out.textContent = `backend ${backend}, plan ${JSON.stringify(plan)}`;
  const worker = new Worker(new URL('./bench-worker.ts', import.meta.url), { type: 'module', name: 'bench' });
  worker.onmessage = (e: MessageEvent<FromBenchWorker>) => {
    if (e.data.type === 'started') window.__benchStarted = e.data.info;
    else if (e.data.type === 'log') log(e.data.line);
    else finish(e.data.report);
  };
  worker.onerror = (e) => finish({ backend, plan, measurements: [], info: {}, error: e.message || 'The bench worker failed to start' });
  worker.postMessage({ type: 'run', backend, plan, threads } satisfies ToBenchWorker);
}
