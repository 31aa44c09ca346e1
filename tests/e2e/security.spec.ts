import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { decodeCheckpoint, encodeCheckpoint } from '../../src/lib/model/checkpoint-format';
import { startMicroPretraining } from './pretrain-form';

// Nothing leaves the machine, and nothing a file or a model says runs as code.
test.setTimeout(300_000);

interface Violation { directive: string; blocked: string; where: string }

/**
 * Records every request of the context (pages and their workers) and every CSP violation: the
 * page's securitypolicyviolation events, each worker's, and the console lines Chromium writes
 * for a refused load.
 */
async function watch(context: BrowserContext, page: Page) {
  const requests: string[] = [];
  const consoleViolations: string[] = [];
  const workers: Worker[] = [];
  context.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    const seen: Violation[] = ((window as unknown as { __csp: Violation[] }).__csp = []);
    addEventListener('securitypolicyviolation', (e) => {
      const v = e as SecurityPolicyViolationEvent;
      seen.push({ directive: v.effectiveDirective, blocked: v.blockedURI, where: 'page' });
    });
  });
  const onConsole = (text: string) => {
    if (/Content.Security.Policy/i.test(text)) consoleViolations.push(text);
  };
  page.on('console', (m) => onConsole(m.text()));
  page.on('worker', async (w) => {
    workers.push(w);
    w.on('console', (m) => onConsole(m.text()));
    await w.evaluate(() => {
      const seen: Violation[] = ((self as unknown as { __csp: Violation[] }).__csp = []);
      self.addEventListener('securitypolicyviolation', (e) => {
        const v = e as SecurityPolicyViolationEvent;
        seen.push({ directive: v.effectiveDirective, blocked: v.blockedURI, where: 'worker' });
      });
    }).catch(() => {}); // a worker that has already ended has nothing left to report
  });
  return {
    requests,
    workers,
    async violations(): Promise<string[]> {
      const read = () => (globalThis as unknown as { __csp: Violation[] }).__csp ?? [];
      const all = [...(await page.evaluate(read))];
      for (const w of workers) all.push(...(await w.evaluate(read).catch(() => [])));
      return [...all.map((v) => `${v.where}: ${v.directive} refused ${v.blocked}`), ...consoleViolations];
    },
  };
}

const origin = (url: string) => new URL(url).origin; // a blob: URL's origin is its creator's
const appOrigin = () => origin(test.info().project.use.baseURL!);

test('the policy is in force in the page and in the engine worker: a request elsewhere is refused', async ({ page, context }) => {
  const seen = await watch(context, page);
  await page.goto('/');
  await expect(page.getByRole('status', { name: /^Compute backend: (wasm|webgpu|webgl|cpu)$/ })).toBeVisible();
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("default-src 'self'");

  const outside = 'http://198.51.100.7/leak'; // TEST-NET-2: never a real host
  const tryFetch = (url: string) => fetch(url).then(() => 'sent', () => 'refused');
  expect(await page.evaluate(tryFetch, outside)).toBe('refused');
  const engine = seen.workers.find((w) => w.url().includes('/assets/worker-'));
  expect(engine, 'the engine worker is running').toBeTruthy();
  expect(await engine!.evaluate(tryFetch, outside)).toBe('refused');
  // An inline script would not run either (no 'unsafe-inline').
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.append(s);
  });
  expect(await page.evaluate(() => (window as { __inline?: number }).__inline)).toBeUndefined();

  await expect.poll(() => seen.violations()).toEqual(expect.arrayContaining([
    `page: connect-src refused ${outside}`,
    `worker: connect-src refused ${outside}`,
    'page: script-src-elem refused inline',
  ]));
  expect(seen.requests.filter((u) => u.startsWith(outside))).toEqual([]);
});

const judgements = (page: Page) => page.getByRole('status', { name: 'Feedback collected' });

/** The page's first generation: done when the speed is shown (on wasm it may never be seen busy). */
async function generateOnce(page: Page, prompt: string, maxTokens: number): Promise<void> {
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('spinbutton', { name: 'Max tokens' }).fill(String(maxTokens));
  await page.getByRole('spinbutton', { name: 'Samples' }).fill('1');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByText(/\d+ tokens · [\d.]+ tokens\/s/)).toBeVisible();
  const samples = page.getByRole('list', { name: 'Samples' });
  await expect(samples).toHaveAttribute('aria-busy', 'false');
  await expect(samples.getByRole('listitem').first()).toContainText(prompt);
}

async function labelOnce(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '2 Reward model', exact: true }).click();
  const label = page.getByRole('region', { name: 'Label completions' });
  await label.getByRole('textbox', { name: 'Prompt', exact: true }).fill('The little bear');
  await label.getByRole('spinbutton', { name: 'Max tokens', exact: true }).fill('12');
  await label.getByRole('button', { name: 'Get completions' }).click();
  await expect(label.getByRole('article')).toHaveCount(4);
  await expect(label.getByRole('button', { name: 'Rank next — completion 1' })).toBeEnabled();
  await expect(label.getByRole('toolbar', { name: 'Ranking' })).toBeFocused();
  for (const key of ['2', '1', '4', '3', 'Enter']) await page.keyboard.press(key);
  await expect(judgements(page)).toContainText('6 comparisons collected');
}

async function tinyRLRound(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '3 RL fine-tuning', exact: true }).click();
  const run = page.getByRole('region', { name: 'Run RL fine-tuning' });
  const fill = (name: string, value: number) => run.getByRole('spinbutton', { name, exact: true }).fill(String(value));
  await fill('Rounds', 1);
  await fill('Feedback prompts per round', 1);
  await fill('Completions per prompt (K)', 2);
  await fill('Reward-model epochs', 1);
  await fill('Reward-model minimum steps', 0);
  await fill('PPO steps per round', 1);
  await fill('Held-out prompts', 1);
  await run.getByText('PPO settings', { exact: true }).click();
  await fill('Prompts per rollout', 2);
  await fill('Max tokens', 8);
  await fill('PPO epochs', 1);
  await fill('Minibatches', 1);
  await page.getByRole('radio', { name: 'A simulated labeler' }).check();
  await page.getByRole('radio', { name: 'Troll: random' }).check();
  await page.getByRole('button', { name: 'Start RL run' }).click();
  await expect(page.getByRole('status', { name: 'RL run status' })).toContainText('round 1 of 1 · finished', { timeout: 200_000 });
}

test('a tour of the app on wasm (generate, label, pretrain, an RL round) asks nothing of any other origin and breaks no policy', async ({ page, context }) => {
  const seen = await watch(context, page);
  await page.goto('/');
  await expect(page.getByRole('status', { name: 'Compute backend: wasm' })).toBeVisible();
  await expect(page.getByLabel('Model in use')).toContainText('Starter model');
  await generateOnce(page, 'Once upon a time', 24);
  await labelOnce(page);
  await page.getByRole('button', { name: 'Import the bundled review set' }).click();
  await expect(judgements(page)).toContainText(/\d{4} comparisons collected/); // its pairs, besides the ranking's 6

  await page.getByRole('tab', { name: /1 Language model/ }).click();
  await startMicroPretraining(page, { steps: 3, batchSize: 2, sampleEvery: 0 }); // reads the bundled corpus
  await expect(page.getByRole('progressbar', { name: 'Pretraining progress' })).toHaveAttribute('value', '3', { timeout: 120_000 });
  await tinyRLRound(page);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

  expect(seen.requests.length).toBeGreaterThan(5);
  expect(seen.requests.some((u) => u.endsWith('/corpus/heldout.txt')), "the service worker's precaching was watched too").toBe(true);
  expect(seen.requests.some((u) => u.endsWith('.wasm')), 'the wasm binaries were fetched and watched').toBe(true);
  expect(seen.requests.filter((u) => origin(u) !== appOrigin())).toEqual([]);
  expect(await seen.violations()).toEqual([]);
});

test('on webgpu too: generating and pretraining ask nothing of any other origin and break no policy', async ({ page, context }) => {
  const seen = await watch(context, page);
  await page.goto('/?backend=webgpu');
  await expect(page.getByRole('status', { name: 'Compute backend: webgpu' })).toBeVisible();
  await expect(page.getByLabel('Model in use')).toContainText('Starter model');
  await generateOnce(page, 'The little bear', 8);
  await startMicroPretraining(page, { steps: 2, batchSize: 2, sampleEvery: 0 });
  await expect(page.getByRole('progressbar', { name: 'Pretraining progress' })).toHaveAttribute('value', '2', { timeout: 120_000 });

  expect(seen.requests.some((u) => u.endsWith('/models/starter.ckpt'))).toBe(true);
  expect(seen.requests.filter((u) => origin(u) !== appOrigin())).toEqual([]);
  expect(await seen.violations()).toEqual([]);
});

// Each payload tries to set window.__pwned (or open a dialog) if it were ever parsed as markup.
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '<svg onload="window.__pwned=3"><circle r="9"/></svg>',
  '<a href="javascript:window.__pwned=4">click me</a>',
  '"><img src=y onerror=alert(5)>',
  '<iframe srcdoc="<script>parent.__pwned=6</script>"></iframe>',
];
const tagged = (where: string) => PAYLOADS.map((p, i) => `${where} ${i} ${p}`);
const jsonl = (records: object[]) => Buffer.from(records.map((r) => JSON.stringify(r)).join('\n') + '\n');

/** Nothing of the payloads became an element, a handler or a script, and nothing ran. */
async function expectInert(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  const planted = 'img[src="x"], img[src="y"], script:not([src]), svg[onload], iframe, a[href^="javascript:"], [onerror], [onload]';
  await expect(page.locator(planted)).toHaveCount(0);
}

/** The starter checkpoint renamed, with markup in its metadata too. */
function hostileCheckpoint(name: string): Buffer {
  const ck = decodeCheckpoint(new Uint8Array(readFileSync('public/models/starter.ckpt')));
  ck.meta = { ...ck.meta, name, corpus: PAYLOADS[0], parent: PAYLOADS[2], kind: 'pretrain' };
  return Buffer.from(encodeCheckpoint(ck));
}

test('markup in imported files, checkpoint names and typed prompts is shown as text and never runs', async ({ page, context, browser }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const seen = await watch(context, page);
  await page.goto('/#reward');
  await expect(page.getByRole('status', { name: 'Compute backend: wasm' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Newest judgements' });

  // A TRL preference file: markup in the prompt, the chosen and rejected texts and the labeler.
  const trl = tagged('trl').map((p, i) => ({ prompt: p, chosen: ` chosen ${p}`, rejected: ` rejected ${p}`, labeler: `labeler ${i} ${p}` }));
  await page.getByLabel('Import a preference file (JSONL)').setInputFiles({ name: 'trl.jsonl', mimeType: 'application/jsonl', buffer: jsonl(trl) });
  await expect(judgements(page)).toContainText(`${PAYLOADS.length} comparisons collected`);
  for (const [i, p] of tagged('trl').entries()) {
    await expect(table.getByRole('cell', { name: p, exact: true })).toBeVisible();
    await expect(table.getByRole('cell', { name: `labeler ${i} ${p}`, exact: true })).toBeVisible();
  }

  // An HH-RLHF file: markup inside the Human / Assistant transcripts.
  const hh = tagged('hh').map((p) => ({ chosen: `\n\nHuman: ${p}\n\nAssistant: yes ${p}`, rejected: `\n\nHuman: ${p}\n\nAssistant: no ${p}` }));
  await page.getByLabel('Import a preference file (JSONL)').setInputFiles({ name: 'hh.jsonl', mimeType: 'application/jsonl', buffer: jsonl(hh) });
  await expect(judgements(page)).toContainText(`${2 * PAYLOADS.length} comparisons collected`);
  for (const p of tagged('hh')) await expect(table.getByRole('cell', { name: p, exact: true })).toBeVisible();
  await expectInert(page);

  // A checkpoint file whose name and metadata are markup, uploaded, listed and loaded.
  const ckptName = `ckpt ${PAYLOADS[0]} ${PAYLOADS[1]}`;
  await page.getByRole('tab', { name: /1 Language model/ }).click();
  await page.getByLabel('Upload a checkpoint file').setInputFiles({ name: `${PAYLOADS[2]}.rlhfckpt`, mimeType: 'application/octet-stream', buffer: hostileCheckpoint(ckptName) });
  const checkpoints = page.getByRole('table', { name: 'Stored checkpoints' });
  await expect(checkpoints.getByRole('cell', { name: ckptName, exact: true })).toBeVisible();
  await checkpoints.getByRole('button', { name: `Load ${ckptName}`, exact: true }).click();
  await expect(page.getByLabel('Model in use')).toContainText(ckptName);

  // A prompt typed into Generate: the model continues the text, shown as text.
  await generateOnce(page, PAYLOADS[4], 8);
  await expectInert(page);

  // A project file: the judgements above with markup as their labeler, the checkpoint, a run named with markup.
  await page.getByRole('tab', { name: '2 Reward model', exact: true }).click();
  const saving = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download project' }).click();
  const project = JSON.parse(readFileSync((await (await saving).path())!, 'utf8')) as {
    judgements: Array<{ labeler: string }>; runs: object[];
  };
  const projectText = `project ${PAYLOADS[3]}`;
  project.judgements.forEach((j) => (j.labeler = projectText));
  project.runs.push({ kind: 'rl', name: projectText, createdAt: new Date().toISOString(), settings: null, metrics: [], status: 'stopped' });

  const fresh = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const other = await fresh.newPage();
  const otherDialogs: string[] = [];
  other.on('dialog', (d) => {
    otherDialogs.push(d.message());
    void d.dismiss();
  });
  await other.goto('/#reward');
  await other.getByLabel('Open a project file').setInputFiles({ name: `${PAYLOADS[5]}.rlhfproj`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(project)) });
  await expect(other.getByRole('status').filter({ hasText: /added \d+ judgements, 1 checkpoints, 1 runs/ })).toBeVisible();
  await expect(other.getByRole('table', { name: 'Newest judgements' }).getByText(projectText).first()).toBeVisible();
  await expect(other.getByRole('status').filter({ hasText: `Opened "${PAYLOADS[5]}.rlhfproj"` })).toBeVisible();
  await other.getByRole('tab', { name: /1 Language model/ }).click();
  await expect(other.getByRole('table', { name: 'Stored checkpoints' }).getByRole('cell', { name: ckptName, exact: true })).toBeVisible();
  await other.getByRole('tab', { name: '3 RL fine-tuning', exact: true }).click();
  await expect(other.getByRole('region', { name: 'Run RL fine-tuning' })).toBeVisible();
  await expectInert(other);
  expect(otherDialogs).toEqual([]);
  await fresh.close();

  await expectInert(page);
  expect(dialogs).toEqual([]);
  expect(await seen.violations()).toEqual([]); // with CSP any planted handler would also show here
});
