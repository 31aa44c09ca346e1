// npm run bench [-- --backends node-wasm,webgpu,... --samples N --steps N --tokens N --batch N
//   --timeout S --skip-build --json]
// Sampling (KV cache vs recompute) and pretraining speed of the starter-size model on every tfjs
// backend: Node's wasm and cpu in child processes, the browser's webgpu, wasm, webgl and cpu in
// headless Chromium against the built app. --samples/--steps/--timeout override every backend's
// defaults (bench/plans.ts); a failing backend is reported and the others still run.
import { cpus } from 'node:os';
import { parseFlags } from '../cli/args';
import { runCli } from '../cli/run-cli';
import { planFor } from './plans';
import { launchBrowser, runBrowserBackend, type BrowserSession } from './runner/browser';
import { runNodeBackend } from './runner/node';
import { progress } from './runner/progress';
import { printReport, type Environment } from './runner/report';
import { buildApp, startPreview, type Server } from './runner/server';
import { BENCH_BACKENDS, isBenchBackend, type BackendReport, type BenchBackend } from './types';

runCli(async () => {
  const flags = parseFlags(process.argv.slice(2), {
    backends: BENCH_BACKENDS.join(','), samples: 0, steps: 0, tokens: 0, batch: 0, timeout: 0, skipBuild: false, json: false,
  });
  const backends = flags.backends.split(',').map((b) => b.trim()).filter(Boolean);
  const unknown = backends.filter((b) => !isBenchBackend(b));
  if (unknown.length) throw new Error(`Unknown backend(s) ${unknown.join(', ')}; known: ${BENCH_BACKENDS.join(', ')}`);
  for (const key of ['samples', 'steps', 'tokens', 'batch', 'timeout'] as const) {
    if (!Number.isInteger(flags[key]) || flags[key] < 0) throw new Error(`Expected --${key} to be a positive integer (0 or left out: each backend's default), but got ${flags[key]}`);
  }

  const started = performance.now();
  const env: Environment = { node: process.version, cpus: `${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}`, backends: {} };
  const reports: BackendReport[] = [];
  const record = (report: BackendReport, seconds: number) => {
    reports.push(report);
    // The same for every backend: said once.
    const { tfjs, config, ...info } = report.info;
    if (tfjs !== undefined) env.tfjs = tfjs;
    if (config !== undefined) env.model = config;
    env.backends[report.backend] = { ...info, samples: report.plan.samples, tokens: report.plan.tokens, steps: report.plan.steps, batch: report.plan.batchSize, wall_s: Math.round(seconds) };
    progress(report.backend, report.error ? `failed: ${report.error}` : `done in ${Math.round(seconds)} s`);
  };
  const timed = async (backend: BenchBackend, run: () => Promise<BackendReport>) => {
    const t0 = performance.now();
    record(await run(), (performance.now() - t0) / 1000);
  };

  for (const backend of backends.filter((b): b is BenchBackend => b === 'node-wasm' || b === 'node-cpu')) {
    const { plan, timeoutS } = planFor(backend, flags);
    progress(backend, `plan ${JSON.stringify(plan)}, limit ${timeoutS} s`);
    await timed(backend, () => runNodeBackend(backend, plan, timeoutS));
  }

  const browserBackends = backends.filter((b): b is BenchBackend => isBenchBackend(b) && !b.startsWith('node-'));
  if (browserBackends.length) {
    let server: Server | undefined;
    let session: BrowserSession | undefined;
    try {
      if (!flags.skipBuild) {
        progress('bench', 'vite build');
        await buildApp();
      }
      server = await startPreview();
      session = await launchBrowser();
      env.chromium = `${session.browser.version()} (${session.executablePath})`;
      for (const backend of browserBackends) {
        const { plan, timeoutS } = planFor(backend, flags);
        progress(backend, `plan ${JSON.stringify(plan)}, limit ${timeoutS} s`);
        await timed(backend, () => runBrowserBackend(session!.browser, backend, plan, timeoutS));
      }
    } catch (err) {
      // The build, the server or the browser failed: every browser backend not measured yet says why.
      const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
      for (const backend of browserBackends.filter((b) => !reports.some((r) => r.backend === b))) {
        record({ backend, plan: planFor(backend, flags).plan, measurements: [], info: {}, error: why }, 0);
      }
    } finally {
      await session?.browser.close();
      server?.stop();
    }
  }

  progress('bench', `total ${Math.round((performance.now() - started) / 1000)} s`);
  printReport(reports, env, flags.json);
});
