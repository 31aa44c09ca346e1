// `npm run experiment -- distill` on a tiny checkpoint: a JSON line per step with its KL, then a
// summary with the KL at the start and the end, the sentiment of the student without the prefix
// before and after and of the teacher with it; bad flags are refused before anything loads.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { distillExperiment } from '../../cli/experiments/distill';
import { modelToCheckpointBytes } from '../../src/lib/model/checkpoint';
import { disposeLanguageModel } from '../../src/lib/model/language-model';
import { testModel } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'distill-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A tiny checkpoint file, and the JSON lines the experiment prints on it. */
async function runOnTiny(argv: string[]): Promise<Array<Record<string, any>>> {
  const model = testModel(3, { blockSize: 32, nLayer: 1, nHead: 2, nEmbd: 16 });
  const checkpoint = join(dir, 'tiny.rlhfckpt');
  writeFileSync(checkpoint, await modelToCheckpointBytes(model, { name: 'Tiny', createdAt: '2026-01-01T00:00:00.000Z', kind: 'pretrain' }));
  disposeLanguageModel(model);
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => { lines.push(line); });
  try {
    await distillExperiment(['--checkpoint', checkpoint, ...argv]);
  } finally {
    log.mockRestore();
  }
  return lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
}

describe('npm run experiment -- distill', () => {
  it('prints the KL of each step, then the KL and the sentiment before and after', async () => {
    const tensors = tf.memory().numTensors;
    const rows = await runOnTiny(['--prefix', 'Be kind. ', '--steps', '3', '--batch-size', '2', '--max-tokens', '6', '--lr', '0.01', '--eval-prompts', '2', '--eval-samples', '2']);
    const steps = rows.slice(0, -1);
    const summary = rows.at(-1)!;
    expect(steps.map((r) => r.step)).toEqual([1, 2, 3]);
    for (const r of steps) {
      expect(Object.keys(r)).toEqual(['step', 'kl']);
      expect(r.kl).toBeGreaterThanOrEqual(0); // a KL, over the whole vocabulary
    }
    expect(summary).toMatchObject({ checkpoint: 'Tiny', prefix: 'Be kind. ', steps: 3, eval_prompts: 2, eval_samples: 4, faults: 0 });
    expect(summary.kl_start).toBeCloseTo(steps.reduce((a, r) => a + r.kl, 0) / 3, 3); // three steps: both ends are all of them
    for (const k of ['sentiment_student_start', 'sentiment_teacher_with_prefix', 'sentiment_student_end']) {
      expect(summary[k]).toBeGreaterThanOrEqual(-1);
      expect(summary[k]).toBeLessThanOrEqual(1);
    }
    expect(Object.keys(summary.examples)).toEqual(['student_start', 'teacher_with_prefix', 'student_end']);
    expect(tf.memory().numTensors).toBe(tensors); // student, teacher and trainer all disposed
  });

  it('refuses bad flags before it loads anything', async () => {
    await expect(distillExperiment(['--steps', '0'])).rejects.toThrow('Expected --steps to be a positive whole number, but got 0');
    await expect(distillExperiment(['--eval-samples', '1.5'])).rejects.toThrow('Expected --eval-samples to be a positive whole number, but got 1.5');
    await expect(distillExperiment(['--temp', '1'])).rejects.toThrow(/Unknown flag --temp/);
  });

  it('refuses an empty prefix', async () => {
    await expect(runOnTiny(['--prefix', '', '--steps', '1'])).rejects.toThrow(/non-empty prefix/);
  });
});
