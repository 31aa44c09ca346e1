// The worker's context distillation, driven in Node: it reports the KL of each step, trains the
// model in use in place and leaves its metadata saying kind 'distilled'; it pauses, resumes and
// stops between steps, tells an undone step apart from a charted one, refuses while something else
// trains, and leaves no tensor behind (the frozen teacher goes with the run).
import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckpointMeta } from '../../src/lib/model/checkpoint-format';
import { disposeLanguageModel, type LanguageModel } from '../../src/lib/model/language-model';
import { paramsToArrays } from '../../src/lib/model/params';
import { defaultsOf } from '../../src/lib/util/settings-table';
import { CONTEXT_DISTILLATION_SETTINGS } from '../../src/lib/engine/context-distillation-settings';
import { Lock } from '../../src/lib/util/lock';
import { checkDistillRequest, DistillHost, distilledMeta } from '../../src/lib/worker/distill-host';
import type { DistillRequest, FromWorker, ModelInfo } from '../../src/lib/worker/protocol';
import { testModel } from './helpers';

const request: DistillRequest = {
  prefix: 'b', steps: 3, prompts: ['a', 'b c', ' '],
  settings: { ...defaultsOf(CONTEXT_DISTILLATION_SETTINGS), maxTokens: 4, batchSize: 2, learningRate: 1e-2 },
};

const ofType = <T extends FromWorker['type']>(posted: FromWorker[], type: T) =>
  posted.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);

const models: LanguageModel[] = [];
afterEach(() => models.splice(0).forEach(disposeLanguageModel));

/** A host on a tiny model in use; `onPost` sees each message as it is posted. */
function host(opts: { otherTraining?: string; onPost?: (h: DistillHost, m: FromWorker, model: LanguageModel) => void } = {}) {
  const model = testModel(1);
  models.push(model);
  let info: ModelInfo = { name: 'base', config: model.config, parameters: 0, tokenizer: 'test', meta: { name: 'base', createdAt: '2026-01-01T00:00:00.000Z', kind: 'pretrain', steps: 100 } };
  const posted: FromWorker[] = [];
  const h: DistillHost = new DistillHost({
    lock: new Lock(),
    post: (m) => { posted.push(m); opts.onPost?.(h, m, model); },
    current: () => ({ model, info }),
    setMeta: (meta: CheckpointMeta) => { info = { ...info, name: meta.name, meta }; },
    otherTraining: () => opts.otherTraining,
  });
  return { h, model, posted, meta: () => info.meta };
}

describe('checkDistillRequest', () => {
  it('refuses steps out of range and an empty prompt set, naming them', () => {
    expect(() => checkDistillRequest(request)).not.toThrow();
    expect(() => checkDistillRequest({ ...request, steps: 0 })).toThrow('Expected steps to be an integer in 1..10000, but got 0');
    expect(() => checkDistillRequest({ ...request, steps: 1.5 })).toThrow(/steps .*got 1\.5/);
    expect(() => checkDistillRequest({ ...request, prompts: [] })).toThrow('Expected at least one prompt to distil on, but got none');
  });
});

describe('distilledMeta', () => {
  it('names the model for its distillation once, and counts the steps on top of what it had', () => {
    const base: CheckpointMeta = { name: 'base', createdAt: 'x', kind: 'pretrain', steps: 100 };
    const once = distilledMeta(base, 'b', { step: 3, kl: 0.5 });
    expect(once).toMatchObject({ name: 'base + distilled', kind: 'distilled', steps: 103, distillSteps: 3, prefix: 'b', distillKl: 0.5 });
    expect(distilledMeta(once, 'c', { step: 2, kl: 0.1 })).toMatchObject({ name: 'base + distilled', steps: 105, distillSteps: 2, prefix: 'c' });
  });
});

describe('DistillHost', () => {
  it('posts the KL of each step, trains the model in use, which then is kind distilled, and leaks nothing', async () => {
    const { h, model, posted, meta } = host();
    const before = await paramsToArrays(model.params);
    const tensors = tf.memory().numTensors;
    await h.start(request);
    expect(tf.memory().numTensors).toBe(tensors); // the teacher, the optimizer and the guard's copies are gone
    const progress = ofType(posted, 'distill/progress');
    expect(progress.map((m) => [m.step, m.totalSteps])).toEqual([[1, 3], [2, 3], [3, 3]]);
    for (const m of progress) {
      expect(m.kl).toBeGreaterThanOrEqual(0);
      expect(m.elapsedMs).toBeGreaterThanOrEqual(0);
    }
    expect(progress[0].kl).toBeGreaterThan(0); // the prefix changes what the copy says
    expect(posted.map((m) => m.type).slice(-2)).toEqual(['model/changed', 'distill/status']);
    expect(posted.at(-1)).toEqual({ type: 'distill/status', status: 'finished' });
    expect(meta()).toMatchObject({ name: 'base + distilled', kind: 'distilled', prefix: 'b', steps: 103, distillSteps: 3, distillKl: progress[2].kl });
    expect((await paramsToArrays(model.params)).get('wte')).not.toEqual(before.get('wte'));
    expect(h.active).toBe(false);
  });

  it('pauses and resumes between steps, and stops when asked', async () => {
    const paused = host({
      onPost: (self, m) => {
        if (m.type === 'distill/progress' && m.step === 1) self.pause();
        if (m.type === 'distill/status' && m.status === 'paused') self.resume();
      },
    });
    await paused.h.start(request);
    expect(ofType(paused.posted, 'distill/status').map((m) => m.status)).toEqual(['running', 'paused', 'running', 'finished']);
    expect(ofType(paused.posted, 'distill/progress')).toHaveLength(3);

    const stopped = host({ onPost: (self, m) => { if (m.type === 'distill/progress') void self.stop(); } });
    const tensors = tf.memory().numTensors;
    await stopped.h.start({ ...request, steps: 50 });
    expect(ofType(stopped.posted, 'distill/progress')).toHaveLength(1);
    expect(stopped.posted.at(-1)).toEqual({ type: 'distill/status', status: 'stopped' });
    expect(stopped.meta()).toMatchObject({ kind: 'distilled', distillSteps: 1 });
    expect(stopped.h.active).toBe(false);
    expect(tf.memory().numTensors).toBe(tensors);
  });

  it('undoes a step that goes NaN: told as a fault, not charted, and the run goes on', async () => {
    // Poisoned after the teacher is copied and the guard took its last good weights.
    let poisoned = false;
    const { h, posted, meta } = host({
      onPost: (_, m, model) => {
        if (m.type === 'distill/status' && m.status === 'running' && !poisoned) {
          poisoned = true;
          tf.tidy(() => model.params.wte.assign(tf.fill(model.params.wte.shape, NaN)));
        }
      },
    });
    await h.start(request);
    const faults = ofType(posted, 'training/fault');
    expect(faults).toHaveLength(1);
    expect(faults[0]).toMatchObject({ context: 'distill', fault: { step: 1, what: 'loss' } });
    expect(ofType(posted, 'distill/progress').map((m) => m.step)).toEqual([2, 3]);
    expect(meta()).toMatchObject({ kind: 'distilled', distillSteps: 3, faults: 1 });
    expect(posted.at(-1)).toEqual({ type: 'distill/status', status: 'finished' });
  });

  it('refuses while something else trains the model in use, a second run, and an empty prefix', async () => {
    await expect(host({ otherTraining: 'Pretraining' }).h.start(request)).rejects.toThrow('Pretraining is going; stop it before distilling');
    let again: Promise<string> | undefined;
    const second = host({ onPost: (self, m) => {
      if (m.type === 'distill/progress' && m.step === 1) again = self.start(request).then(() => 'started', (e: Error) => e.message);
    } });
    await second.h.start(request);
    expect(await again).toBe('Context distillation is already going; stop it first');
    const empty = host();
    const tensors = tf.memory().numTensors;
    await expect(empty.h.start({ ...request, prefix: '' })).rejects.toThrow(/non-empty prefix/);
    expect(empty.posted.at(-1)).toMatchObject({ type: 'distill/status', status: 'stopped', message: expect.stringMatching(/non-empty prefix/) });
    expect(empty.h.active).toBe(false);
    expect(tf.memory().numTensors).toBe(tensors); // its teacher copy went with it
  });
});
