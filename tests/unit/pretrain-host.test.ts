// The worker's pretraining, driven in Node on a real ModelSlot: a run on the model in use reports
// each step, names the model for its training and changes its weights; it refuses while SFT goes on
// or another run is going, stops between steps, leaves an autosave that restores the model, and
// leaks no tensors from one run to the next.
import { freshDatabases } from './fresh-db'; // first: installs fake-indexeddb before Dexie loads
import * as tf from '@tensorflow/tfjs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { trainedFurtherName } from '../../src/lib/engine/pretraining';
import { MAX_BPE_VOCAB, MIN_BPE_VOCAB } from '../../src/lib/model/bpe-training';
import type { CheckpointMeta } from '../../src/lib/model/checkpoint-format';
import { paramsToArrays } from '../../src/lib/model/params';
import type { PlaygroundDB } from '../../src/lib/store/db';
import { Lock } from '../../src/lib/util/lock';
import { ModelSlot } from '../../src/lib/worker/model-slot';
import { readAutosave } from '../../src/lib/worker/pretrain-autosave';
import { checkPretrainRequest, PretrainHost } from '../../src/lib/worker/pretrain-host';
import type { FromWorker, PretrainRequest } from '../../src/lib/worker/protocol';
import { testModel } from './helpers';

// The hosts read the database through getDB(): each test gets its own, deleted after it.
const freshDB = freshDatabases('pretrain-host');
let db: PlaygroundDB;
vi.mock('../../src/lib/store/db', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/lib/store/db')>()),
  getDB: () => db,
}));
beforeEach(() => {
  db = freshDB();
});

const corpus = Array.from({ length: 20 }, (_, i) => `Tom had ${i % 5} red apples and gave one to Sam.`).join('\n');
const request: PretrainRequest = {
  from: { kind: 'current' }, corpus: { kind: 'text', text: corpus }, steps: 3, batchSize: 2, learningRate: 1e-2, sampleEvery: 0, seed: 1,
};
const starterMeta: CheckpointMeta = { name: 'starter', createdAt: '2026-01-01T00:00:00.000Z', kind: 'pretrain', steps: 100, tokensSeen: 3200 };

type Progress = Extract<FromWorker, { type: 'pretrain/progress' }>;

/** A host on a real ModelSlot holding the tiny starter; `onPost` sees each message as it is posted. */
async function host(opts: { otherTraining?: () => boolean; onPost?: (h: PretrainHost, m: FromWorker) => void } = {}) {
  const posted: FromWorker[] = [];
  const lock = new Lock();
  const post = (m: FromWorker) => { posted.push(m); opts.onPost?.(h, m); };
  const slot = new ModelSlot({
    lock, post, stopGeneration: async () => {},
    loadBundled: async () => ({ model: testModel(1), meta: { ...starterMeta } }),
  });
  slot.init(await slot.read('starter'));
  const h: PretrainHost = new PretrainHost({
    lock, post, slot, corpusText: async () => corpus, otherTraining: opts.otherTraining ?? (() => false),
  });
  return { h, slot, posted };
}

const ofType = <T extends FromWorker['type']>(posted: FromWorker[], type: T) =>
  posted.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);

describe('checkPretrainRequest', () => {
  it('takes a request in range and refuses each field out of range, naming it', () => {
    expect(() => checkPretrainRequest(request)).not.toThrow();
    const scratch = (vocabSize: number): PretrainRequest => ({ ...request, from: { kind: 'scratch', size: 'micro', seed: 1, tokenizer: { kind: 'train-bpe', vocabSize } } });
    expect(() => checkPretrainRequest(scratch(MIN_BPE_VOCAB))).not.toThrow();
    const refused: Array<[PretrainRequest, RegExp]> = [
      [{ ...request, steps: 0 }, /^Expected steps .*1\.\.100000, but got 0$/],
      [{ ...request, steps: 2.5 }, /steps .*got 2\.5/],
      [{ ...request, steps: 100_001 }, /steps .*got 100001/],
      [{ ...request, batchSize: 0 }, /batch size .*got 0/],
      [{ ...request, batchSize: 257 }, /batch size .*got 257/],
      [{ ...request, learningRate: 0 }, /learning rate .*got 0/],
      [{ ...request, learningRate: Number.NaN }, /learning rate .*got NaN/],
      [{ ...request, learningRate: 2 }, /learning rate .*got 2/],
      [{ ...request, sampleEvery: -1 }, /sample every .*got -1/],
      [{ ...request, from: { kind: 'scratch', size: 'huge' as 'micro', seed: 1, tokenizer: { kind: 'keep' } } }, /Unknown model size "huge"/],
      [scratch(MIN_BPE_VOCAB - 1), new RegExp(`vocabulary size in ${MIN_BPE_VOCAB}\\.\\.${MAX_BPE_VOCAB}, but got ${MIN_BPE_VOCAB - 1}`)],
      [scratch(MAX_BPE_VOCAB + 1), new RegExp(`vocabulary size .*got ${MAX_BPE_VOCAB + 1}`)],
    ];
    for (const [r, message] of refused) expect(() => checkPretrainRequest(r), message.source).toThrow(message);
  });

  it('a request out of range is refused by start() before anything runs', async () => {
    const { h, slot, posted } = await host();
    await expect(h.start({ ...request, batchSize: 0 })).rejects.toThrow(/batch size/);
    expect(h.active).toBe(false);
    expect(posted).toEqual([]);
    expect(slot.current().info.meta).toEqual(starterMeta);
  });
});

describe('PretrainHost', () => {
  it('trains the model in use on pasted text: a progress per step, finished, named and counted for it, weights changed', async () => {
    const { h, slot, posted } = await host();
    const model = slot.current().model;
    const before = await paramsToArrays(model.params);
    await h.start(request);
    expect(h.active).toBe(false);

    const progress = ofType(posted, 'pretrain/progress');
    expect(progress.map((m) => [m.step, m.totalSteps])).toEqual([[1, 3], [2, 3], [3, 3]]);
    for (const m of progress) expect(Number.isFinite(m.loss) && m.loss > 0, `loss ${m.loss}`).toBe(true);
    const blockSize = model.config.blockSize;
    expect(progress.map((m) => m.tokensSeen)).toEqual([1, 2, 3].map((s) => s * request.batchSize * blockSize));
    expect(ofType(posted, 'pretrain/status').map((m) => m.status)).toEqual(['running', 'finished']);
    expect(posted.at(-1)).toEqual({ type: 'pretrain/status', status: 'finished' });

    // The same model, trained in place, named for its training, its steps and tokens added on.
    expect(slot.current().model).toBe(model);
    const last = progress.at(-1)!;
    expect(slot.current().info.name).toBe(trainedFurtherName(starterMeta.name));
    expect(slot.current().info.meta).toMatchObject({
      name: 'starter + pretraining', kind: 'pretrain', steps: 103, tokensSeen: 3200 + last.tokensSeen, trainLoss: last.loss, corpus: 'pasted text',
    });
    const changedTo = ofType(posted, 'model/changed').at(-1)!;
    expect(changedTo.model.meta).toEqual(slot.current().info.meta);
    const after = await paramsToArrays(model.params);
    expect([...before.keys()].filter((k) => before.get(k)!.some((x, i) => x !== after.get(k)![i]))).toContain('wte');
  });

  it('refuses while fine-tuning goes on, and refuses a second run while one is going', async () => {
    let sft = true;
    const { h, slot, posted } = await host({ otherTraining: () => sft });
    await expect(h.start(request)).rejects.toThrow(/Fine-tuning on demonstrations is going/);
    expect(h.active).toBe(false);
    expect(posted).toEqual([]);
    expect(slot.current().info.meta).toEqual(starterMeta);

    sft = false;
    const first = h.start(request);
    expect(h.active).toBe(true);
    await expect(h.start(request)).rejects.toThrow(/already going/);
    await first;
    // The refused start changed nothing of the first run: its steps, once each, and one ending.
    expect(ofType(posted, 'pretrain/progress').map((m) => m.step)).toEqual([1, 2, 3]);
    expect(ofType(posted, 'pretrain/status').map((m) => m.status)).toEqual(['running', 'finished']);
    expect(slot.current().info.meta.steps).toBe(103);
    expect(h.active).toBe(false);
  });

  it('stops between steps when stop() comes with the first progress', async () => {
    let stopped: Promise<FromWorker | undefined> | undefined;
    const { h, slot, posted } = await host({
      onPost: (self, m) => {
        // stop() settles once the run has ended: by then it has told its status.
        if (m.type === 'pretrain/progress') stopped ??= self.stop().then(() => posted.at(-1));
      },
    });
    await h.start({ ...request, steps: 5 });
    expect(ofType(posted, 'pretrain/progress')).toHaveLength(1);
    expect(posted.at(-1)).toEqual({ type: 'pretrain/status', status: 'stopped' });
    expect(await stopped).toEqual({ type: 'pretrain/status', status: 'stopped' });
    expect(h.active).toBe(false);
    expect(slot.current().info.meta.steps).toBe(101);
    // The stopped run's autosave has the one step it took.
    expect((await readAutosave(db))?.step).toBe(1);
  });

  it('a pause between steps autosaves and says paused; resume goes on to the last step', async () => {
    let autosavedStep: Promise<number | undefined> | undefined;
    const { h, posted } = await host({
      onPost: (self, m) => {
        if (m.type === 'pretrain/progress' && m.step === 1) self.pause();
        if (m.type === 'pretrain/status' && m.status === 'paused') {
          autosavedStep = readAutosave(db).then((a) => a?.step);
          void autosavedStep.then(() => self.resume());
        }
      },
    });
    await h.start(request);
    expect(await autosavedStep).toBe(1);
    expect(ofType(posted, 'pretrain/status').map((m) => m.status)).toEqual(['running', 'paused', 'running', 'finished']);
    expect(ofType(posted, 'pretrain/autosaved').map((m) => m.step)).toEqual([1, 3]);
    expect(ofType(posted, 'pretrain/progress').map((m) => m.step)).toEqual([1, 2, 3]);
  });

  it('stop() while paused ends the run with no further step and without saying running again', async () => {
    let stopped: Promise<void> | undefined;
    const { h, slot, posted } = await host({
      onPost: (self, m) => {
        if (m.type === 'pretrain/progress' && m.step === 1) self.pause();
        // Once the pause is told, the person presses Stop.
        if (m.type === 'pretrain/status' && m.status === 'paused') stopped = readAutosave(db).then(() => self.stop());
      },
    });
    await h.start(request);
    await stopped;
    expect(ofType(posted, 'pretrain/progress').map((m) => m.step)).toEqual([1]);
    expect(ofType(posted, 'pretrain/status').map((m) => m.status)).toEqual(['running', 'paused', 'stopped']);
    expect(slot.current().info.meta.steps).toBe(101);
    expect(h.active).toBe(false);
  });

  it('leaves an autosave that restoreAutosave(false) makes the model in use again, and dropAutosave() removes', async () => {
    const { h, slot, posted } = await host();
    await h.start(request);
    const trained = await paramsToArrays(slot.current().model.params);
    const saved = (await readAutosave(db))!;
    expect(saved).toBeDefined();
    expect(saved.step).toBe(request.steps);
    expect(saved.request).toEqual(request);
    expect(saved.meta).toEqual(slot.current().info.meta);
    expect(saved.baseMeta).toEqual(starterMeta);
    expect(saved.losses.map((p) => p.y)).toEqual(ofType(posted, 'pretrain/progress').map((m) => m.loss));

    // Another model takes its place (the starter again), then the autosave comes back.
    await slot.load('starter');
    expect(slot.current().info.name).toBe('starter');
    posted.length = 0;
    await h.restoreAutosave(false);
    expect(slot.current().info.name).toBe(saved.meta.name);
    expect(slot.current().info.meta).toEqual(saved.meta);
    const restored = await paramsToArrays(slot.current().model.params);
    for (const [name, xs] of trained) expect(restored.get(name), name).toEqual(xs);
    expect(ofType(posted, 'pretrain/restored')).toMatchObject([{ step: request.steps, totalSteps: request.steps, tokensSeen: saved.tokensSeen }]);
    // Not resumed: no training.
    expect(ofType(posted, 'pretrain/progress')).toEqual([]);
    // Still the unsaved model: the autosave stays until dropped.
    expect((await readAutosave(db))?.step).toBe(request.steps);

    await h.dropAutosave();
    expect(await readAutosave(db)).toBeUndefined();
    expect(posted.at(-1)).toEqual({ type: 'pretrain/autosave-offer', offer: null });
    await expect(h.restoreAutosave(false)).rejects.toThrow(/no unsaved pretraining to restore/);
    expect(slot.current().info.meta).toEqual(saved.meta);
  });

  it('leaves no tensors behind from one run to the next', async () => {
    const { h, posted } = await host();
    const run = { ...request, steps: 2, sampleEvery: 2 };
    await h.start(run); // warm-up: kernels and anything made once
    const before = tf.memory().numTensors;
    await h.start(run);
    expect(tf.memory().numTensors).toBe(before);
    // Both runs trained and sampled (what the count covers).
    expect(ofType(posted, 'pretrain/progress')).toHaveLength(4);
    expect(ofType(posted, 'pretrain/sample')).toHaveLength(2);
    expect(ofType(posted, 'pretrain/status').map((m) => m.status)).toEqual(['running', 'finished', 'running', 'finished']);
  });
});
