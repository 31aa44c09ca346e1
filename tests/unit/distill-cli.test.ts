// `npm run experiment -- distill` on a tiny checkpoint: a JSON line per step with its KL, then a
// summary with the KL at the start and the end, the sentiment of the student without the prefix
// before and after and of the teacher with it; bad flags are refused before anything loads.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { distillExperiment } from '../../cli/experiments/distill';
import { tinyCheckpointRunner } from './cli-runs';

const runTiny = tinyCheckpointRunner('distill-cli-');
const runOnTiny = (argv: string[]) => runTiny(distillExperiment, argv);

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
