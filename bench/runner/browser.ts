// The browser backends: one headless Chromium, one fresh context per backend (its own worker and
// GPU state), bench.html?backend=... in it, and the report read from window.__bench.
import { chromium, type Browser } from '@playwright/test';
import { findChromium } from '../../scripts/find-chromium.mjs';
import { browserRun, type BackendReport, type BenchBackend, type BenchPlan, type InfoValue } from '../types';
import { progress } from './progress';
import { BASE_URL } from './server';

// --enable-unsafe-webgpu gives headless Chromium its (software) WebGPU adapter (shared notes).
const ARGS = ['--enable-unsafe-webgpu', '--no-first-run', '--disable-quic'];

export interface BrowserSession {
  browser: Browser;
  executablePath: string;
}

export async function launchBrowser(): Promise<BrowserSession> {
  const executablePath = await findChromium();
  if (!executablePath) throw new Error('no Chromium found (install it with "apt-get install -y chromium" or set CHROMIUM_PATH)');
  return { browser: await chromium.launch({ executablePath, args: ARGS }), executablePath };
}

type BenchWindow = { __bench?: BackendReport; __benchStarted?: Record<string, InfoValue> };

export async function runBrowserBackend(browser: Browser, backend: BenchBackend, plan: BenchPlan, timeoutS: number): Promise<BackendReport> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    page.on('console', (msg) => {
      if (msg.text().startsWith('[bench] ')) progress(backend, msg.text().slice(8));
    });
    page.on('pageerror', (err) => progress(backend, `page error: ${err.message}`));
    // A crashed renderer never sets __bench: fail at once instead of at the time limit.
    const crashed = new Promise<never>((_, reject) => page.on('crash', () => reject(new Error('the page crashed'))));
    const run = browserRun(backend);
    const query = new URLSearchParams({ ...(run.threads ? { threads: String(run.threads) } : {}), backend: run.backend, samples: String(plan.samples), tokens: String(plan.tokens), steps: String(plan.steps), batch: String(plan.batchSize) });
    await page.goto(`${BASE_URL}/bench.html?${query}`);
    const done = page.waitForFunction(() => (window as BenchWindow).__bench !== undefined, undefined, { timeout: timeoutS * 1000, polling: 1000 });
    await Promise.race([done, crashed]);
    return await page.evaluate(() => (window as BenchWindow).__bench!);
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    const info = await page.evaluate(() => (window as BenchWindow).__benchStarted).catch(() => undefined);
    return { backend, plan, measurements: [], info: info ?? {}, error: /Timeout/i.test(message) ? `timed out after ${timeoutS} s` : message };
  } finally {
    await context.close(); // also ends the page's worker, even mid-measurement
  }
}
