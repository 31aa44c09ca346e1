// npm run bench:charts [-- --points 2000 --every 50 --seconds 10 --charts 1,12 --no-build]
// Does a chart freeze the page while training feeds it? bench-chart.html mounts the app's chart
// (uPlot) with --points points and adds one every --every ms for --seconds s, while the browser's
// long-task observer counts main-thread tasks over 50 ms. Once per --charts count: 1 (the loss
// chart) and 12 (about the RL metrics panel, every chart getting each point). Headless Chromium;
// prints a table and a JSON line. Not part of CI.
import { chromium } from '@playwright/test';
import { parseFlags } from '../cli/args';
import { findChromium } from '../scripts/find-chromium.mjs';
import type { ChartBenchReport } from './browser/chart-bench-report';
import { BASE_URL, buildApp, startPreview } from './runner/server';

async function main(): Promise<void> {
  const f = parseFlags(process.argv.slice(2), { points: 2000, every: 50, seconds: 10, charts: '1,12', noBuild: false });
  if (!f.noBuild) {
    console.log('building the app ...');
    await buildApp();
  }
  const server = await startPreview();
  const browser = await chromium.launch({ executablePath: (await findChromium()) ?? undefined, args: ['--no-first-run'] });
  const reports: ChartBenchReport[] = [];
  try {
    for (const charts of f.charts.split(',').map(Number)) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on('pageerror', (err) => console.error(`page error: ${err.message}`));
      await page.goto(`${BASE_URL}/bench-chart.html?charts=${charts}&points=${f.points}&every=${f.every}&seconds=${f.seconds}`);
      await page.waitForFunction(() => window.__chartBench !== undefined, undefined, { timeout: (f.seconds + 60) * 1000, polling: 500 });
      reports.push(await page.evaluate(() => window.__chartBench!));
      await page.close();
    }
  } finally {
    await browser.close();
    server.stop();
  }
  console.log(`\n| charts | points (start -> end) | updates (every ${f.every} ms) | long tasks > 50 ms | longest, ms | blocking, ms |`);
  console.log('|---|---|---|---|---|---|');
  for (const r of reports) {
    console.log(`| ${r.charts} | ${r.startPoints} -> ${r.endPoints} | ${r.updates} in ${r.seconds.toFixed(1)} s | ${r.longTasks} | ${r.maxLongTaskMs.toFixed(0)} | ${r.blockingMs.toFixed(0)} |`);
  }
  console.log(JSON.stringify({ results: reports }));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
