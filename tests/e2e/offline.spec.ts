import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { pretrainPanel, startMicroPretraining } from './pretrain-form';

// After one visit the service worker holds the whole app: it starts and works with the network off.
test.setTimeout(240_000);

const controlled = (page: Page) => page.evaluate(() => navigator.serviceWorker.controller !== null);

test('after one visit the app starts, generates, pretrains on the bundled books and imports the bundled set with the network off', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByRole('status', { name: 'Compute backend: wasm' })).toBeVisible();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined)); // installed: every file is in its cache
  await expect.poll(() => controlled(page)).toBe(true);

  await context.setOffline(true);
  // The network is really off: a file of the build that the app does not need (not precached) fails.
  const tryBench = () => fetch('/bench.html').then(() => 'loaded', () => 'failed');
  expect(await page.evaluate(tryBench)).toBe('failed');
  expect(await context.serviceWorkers()[0].evaluate(tryBench)).toBe('failed'); // nor could the service worker fall back on it
  const served: Array<{ url: string; fromServiceWorker: boolean }> = [];
  // blob: URLs (wasm's thread workers, made by the engine worker) are in memory, not fetched.
  page.on('response', (r) => { if (!r.url().startsWith('blob:')) served.push({ url: r.url(), fromServiceWorker: r.fromServiceWorker() }); });
  await page.reload();

  expect(await controlled(page)).toBe(true);
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true); // the cached page keeps wasm's threads
  await expect(page.getByRole('status', { name: 'Compute backend: wasm' })).toBeVisible(); // the wasm binaries came from the cache
  await expect(page.getByLabel('Model in use')).toContainText('Starter model'); // so did the starter checkpoint
  const bundled = page.getByRole('combobox', { name: 'Bundled prompt' });
  await expect(bundled.getByRole('option')).not.toHaveCount(1); // prompts.json: more than the placeholder

  await page.getByRole('textbox', { name: 'Prompt' }).fill('The little bear');
  await page.getByRole('spinbutton', { name: 'Max tokens' }).fill('24');
  await page.getByRole('spinbutton', { name: 'Samples' }).fill('1');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByText(/\d+ tokens · [\d.]+ tokens\/s/)).toBeVisible(); // shown once it is done
  const samples = page.getByRole('list', { name: 'Samples' });
  await expect(samples).toHaveAttribute('aria-busy', 'false');
  const text = await samples.getByRole('listitem').first().textContent();
  expect(text!.startsWith('The little bear')).toBe(true);
  expect(text!.length).toBeGreaterThan('The little bear'.length);

  // The classic books: corpus/train.txt must come from the cache (the story world needs no file).
  await startMicroPretraining(page, { steps: 2, batchSize: 2, sampleEvery: 0, corpus: 'Classic books' });
  await expect(page.getByRole('progressbar', { name: 'Pretraining progress' })).toHaveAttribute('value', '2', { timeout: 120_000 });
  await expect(pretrainPanel(page).getByText('finished', { exact: true })).toBeVisible();

  await page.getByRole('tab', { name: '2 Reward model', exact: true }).click();
  await page.getByRole('button', { name: 'Import the bundled review set' }).click();
  await expect(page.getByRole('status', { name: 'Feedback collected' })).toContainText(/\d{4} comparisons collected/);

  expect(served.length).toBeGreaterThan(5);
  expect(served.filter((r) => !r.fromServiceWorker)).toEqual([]);
  expect(served.map((r) => new URL(r.url).pathname)).toEqual(expect.arrayContaining([
    '/', '/models/starter.ckpt', '/corpus/train.txt', '/corpus/prompts.json', '/preferences/uci-sentiment.jsonl',
  ]));
  expect(served.some((r) => r.url.endsWith('.wasm'))).toBe(true);
  await context.setOffline(false);
});

test('the web app manifest is valid and linked, its icons are PNGs of the sizes it names, and Chromium finds the app installable', async ({ playwright }) => {
  // A profile on disk: Chromium never offers to install from an incognito (in-memory) context.
  const { launchOptions, baseURL } = test.info().project.use;
  const profile = mkdtempSync(join(tmpdir(), 'rlhf-pwa-'));
  const context = await playwright.chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    const res = await page.request.get(href!);
    expect(res.ok()).toBe(true);
    const manifest = (await res.json()) as {
      name: string; short_name: string; start_url: string; scope: string; display: string; theme_color: string; background_color: string;
      icons: Array<{ src: string; sizes: string; type: string; purpose?: string }>;
    };
    expect(manifest).toMatchObject({ name: 'RLHF Playground', short_name: 'RLHF', start_url: './', scope: './', display: 'standalone' });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) {
      const png = await (await page.request.get(new URL(icon.src, res.url()).href)).body();
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes); // IHDR width and height
      expect(icon.type).toBe('image/png');
    }

    // Chromium's own verdict, with a service worker in control.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expect.poll(() => controlled(page)).toBe(true);
    const cdp = await context.newCDPSession(page);
    const parsed = (await cdp.send('Page.getAppManifest')) as { errors: Array<{ message: string }>; url: string };
    expect(parsed.errors).toEqual([]);
    expect(parsed.url).toMatch(/\/manifest\.webmanifest$/);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: Array<{ errorId: string }> };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
