// `npm run experiment -- compare` on a tiny checkpoint: one JSON line per method with gold, proxy,
// KL, seconds and samples, best-of-n's KL its formula, the same budget for the policy methods, and
// a last line listing them all; an unknown method is refused before anything loads.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { compareExperiment } from '../../cli/experiments/compare';
import { modelToCheckpointBytes } from '../../src/lib/model/checkpoint';
import { disposeLanguageModel } from '../../src/lib/model/language-model';
import { testModel } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'compare-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run experiment -- compare', () => {
  it('refuses an unknown method before it loads anything', async () => {
    await expect(compareExperiment(['--methods', 'ppo,dqn'])).rejects.toThrow('Expected --methods from reference, best-of-N, ppo, grpo, rloo, a2c, dpo, but got "dqn"');
  });

  it('prints a line per method and a summary, on the same judgements and budget', async () => {
    const model = testModel(3, { blockSize: 32, nLayer: 1, nHead: 2, nEmbd: 16 });
    const checkpoint = join(dir, 'tiny.rlhfckpt');
    writeFileSync(checkpoint, await modelToCheckpointBytes(model, { name: 'Tiny', createdAt: '2026-01-01T00:00:00.000Z', kind: 'pretrain' }));
    disposeLanguageModel(model);
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => { lines.push(line); });
    try {
      await compareExperiment(['--checkpoint', checkpoint, '--comparisons', '4', '--steps', '1', '--eval-prompts', '2', '--max-tokens', '6', '--methods', 'reference,best-of-4,ppo,grpo,dpo']);
    } finally {
      log.mockRestore();
    }
    const rows = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    const [reference, bon, ppo, grpo, dpo, summary] = rows;
    expect(rows.slice(0, 5).map((r) => r.method)).toEqual(['reference', 'best-of-4', 'ppo', 'grpo', 'dpo']);
    for (const r of rows.slice(0, 5)) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['method', 'gold_score', 'proxy_score', 'kl', 'seconds', 'samples']));
      expect([r.gold_score, r.proxy_score, r.kl].every(Number.isFinite)).toBe(true);
    }
    expect(reference.kl).toBe(0);
    expect(bon.kl).toBeCloseTo(Math.log(4) - 3 / 4, 12);
    expect(bon.samples).toBe(4 * 2);
    expect(ppo.samples).toBe(grpo.samples); // the same budget: 8 completions a step
    expect(dpo.samples).toBe(2); // only the measure's: DPO samples nothing while it trains
    expect(summary.methods).toEqual(rows.slice(0, 5));
  });
});
