// Pretraining resumed after a reload: the trainer's state saved and loaded into a fresh trainer on
// a copy of the weights goes on exactly as if it had never stopped (same losses and weights, bit
// for bit), and the autosave row round-trips, replaces the last one and explains a full disk.
import { freshDatabases } from './fresh-db'; // first: installs fake-indexeddb before Dexie loads
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import { LMTrainer, type LMTrainSettings } from '../../src/lib/engine/lm-trainer';
import { Pretraining } from '../../src/lib/engine/pretraining';
import { modelFromCheckpointBytes, modelToCheckpointBytes } from '../../src/lib/model/checkpoint';
import { disposeLanguageModel, type LanguageModel } from '../../src/lib/model/language-model';
import { paramsToArrays } from '../../src/lib/model/params';
import { StorageFullError } from '../../src/lib/store/storage-errors';
import { deleteAutosave, readAutosave, saveAutosave, type PretrainAutosave } from '../../src/lib/worker/pretrain-autosave';
import { PRETRAIN_AUTOSAVE_KEY } from '../../src/lib/store/setting-keys';
import type { PretrainRequest } from '../../src/lib/worker/protocol';
import { randomIds, testModel } from './helpers';

const freshDB = freshDatabases('pretrain-autosave');
// Warm-up and decay short enough that the learning rate differs at every step: a trainer that
// forgot its step count would take a different step.
const settings: LMTrainSettings = { learningRate: 1e-2, warmupSteps: 3, totalSteps: 8, gradClip: 1 };
const batches = Array.from({ length: 6 }, (_, i) => randomIds(4, 17, 100 + i));

/** A copy of a model's weights through checkpoint bytes, as the autosave stores them. */
async function copyOf(m: LanguageModel): Promise<LanguageModel> {
  return modelFromCheckpointBytes(await modelToCheckpointBytes(m, { name: 'copy', createdAt: '2025-01-01T00:00:00Z', kind: 'pretrain' })).model;
}

async function expectSameWeights(a: LanguageModel, b: LanguageModel, same: boolean): Promise<void> {
  const [wa, wb] = [await paramsToArrays(a.params), await paramsToArrays(b.params)];
  const identical = [...wa].every(([name, xs]) => xs.every((x, i) => Object.is(x, wb.get(name)![i])));
  expect(identical).toBe(same);
}

describe('LMTrainer state', () => {
  it('a fresh trainer given the saved state on a copy of the weights goes on bit for bit like the original', async () => {
    const model = testModel(3);
    const original = new LMTrainer(model, settings);
    for (const b of batches.slice(0, 3)) await original.step(b);
    const state = await original.saveState();
    expect(state.steps).toBe(3);
    expect(state.adam!.iterations).toBe(3);

    const resumedModel = await copyOf(model);
    const resumed = new LMTrainer(resumedModel, settings);
    await resumed.loadState(state);
    expect(resumed.steps).toBe(3);
    // Without the state: Adam cold and the schedule back at step 0.
    const coldModel = await copyOf(model);
    const cold = new LMTrainer(coldModel, settings);

    for (const b of batches.slice(3)) {
      const [want, got, coldGot] = [await original.step(b), await resumed.step(b), await cold.step(b)];
      expect(got.loss).toBe(want.loss);
      expect(got.learningRate).toBe(want.learningRate);
      expect(coldGot.learningRate).not.toBe(want.learningRate);
    }
    await expectSameWeights(resumedModel, model, true);
    await expectSameWeights(coldModel, model, false);
    expect(resumed.steps).toBe(6);
    for (const t of [original, resumed, cold]) t.dispose();
    for (const m of [model, resumedModel, coldModel]) disposeLanguageModel(m);
  });

  it('saving and loading leave no tensors behind', async () => {
    const model = testModel(4);
    const trainer = new LMTrainer(model, settings);
    await trainer.step(batches[0]);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) await trainer.saveState();
    expect(tf.memory().numTensors).toBe(before);

    const state = await trainer.saveState();
    const copy = await copyOf(model);
    const start = tf.memory().numTensors;
    const other = new LMTrainer(copy, settings);
    await other.loadState(state);
    await other.step(batches[1]);
    other.dispose();
    expect(tf.memory().numTensors).toBe(start);
    trainer.dispose();
    disposeLanguageModel(model);
    disposeLanguageModel(copy);
  });

  it('refuses a state for another model', async () => {
    const model = testModel(5);
    const trainer = new LMTrainer(model, settings);
    await trainer.step(batches[0]);
    const state = await trainer.saveState();
    const wider = testModel(5, { blockSize: 16, nLayer: 2, nHead: 2, nEmbd: 32 });
    const other = new LMTrainer(wider, settings);
    await expect(other.loadState(state)).rejects.toThrow(/Expected optimizer state of shape/);
    await expect(other.loadState({ adam: null, steps: -1 })).rejects.toThrow('Expected a step count of 0 or more, but got -1');
    for (const t of [trainer, other]) t.dispose();
    for (const m of [model, wider]) disposeLanguageModel(m);
  });
});

describe('Pretraining resumed', () => {
  const corpus = Array.from({ length: 30 }, (_, i) => `Tom had ${i % 5} red apples and gave one to Sam.`).join('\n');
  const ps = { ...settings, batchSize: 2, seed: 7 };

  it('draws the same batches from the same resume point, with the tokens seen carried on', async () => {
    const model = testModel(6);
    const run = new Pretraining(model, corpus, ps);
    for (let i = 0; i < 2; i++) await run.step();
    const state = await run.trainer.saveState();
    const copies = [await copyOf(model), await copyOf(model)];
    const losses: number[][] = [];
    for (const m of copies) {
      const resumed = new Pretraining(m, corpus, ps);
      await resumed.restore(state, run.tokensSeen);
      const steps = [await resumed.step(), await resumed.step()];
      expect(steps.map((s) => s.step)).toEqual([3, 4]);
      expect(steps[1].tokensSeen).toBe(4 * ps.batchSize * model.config.blockSize);
      losses.push(steps.map((s) => s.loss));
      resumed.dispose();
    }
    expect(losses[1]).toEqual(losses[0]);
    await expectSameWeights(copies[0], copies[1], true);
    run.dispose();
    for (const m of [model, ...copies]) disposeLanguageModel(m);
  });
});

describe('the pretraining autosave', () => {
  const request: PretrainRequest = {
    from: { kind: 'scratch', size: 'micro', seed: 1, tokenizer: { kind: 'keep' } }, corpus: { kind: 'bundled' }, steps: 20, batchSize: 4, learningRate: 0.01, sampleEvery: 0, seed: 1,
  };
  async function autosaveAt(step: number): Promise<PretrainAutosave> {
    const model = testModel(8);
    const trainer = new LMTrainer(model, settings);
    await trainer.step(batches[0]);
    const meta = { name: `New micro model`, createdAt: '2025-01-01T00:00:00Z', kind: 'pretrain' as const, steps: step };
    const bytes = await modelToCheckpointBytes(model, meta);
    const a: PretrainAutosave = {
      savedAt: new Date(Date.UTC(2025, 0, 1, 12, step)).toISOString(), request, step, tokensSeen: step * 128, elapsedMs: step * 1000,
      baseMeta: { ...meta, steps: 0 }, meta, trainer: await trainer.saveState(), losses: [{ x: 1, y: 4.5 }, { x: step, y: 4 }],
      checkpoint: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    };
    trainer.dispose();
    disposeLanguageModel(model);
    return a;
  }

  it('round-trips, replaces the previous one, and is deleted', async () => {
    const db = freshDB();
    expect(await readAutosave(db)).toBeUndefined();
    const first = await autosaveAt(5);
    await saveAutosave(db, first);
    const read = (await readAutosave(db))!;
    expect(read.step).toBe(5);
    expect(new Uint8Array(read.checkpoint)).toEqual(new Uint8Array(first.checkpoint));
    expect(read.trainer.adam!.moments.map((m) => [...m.values])).toEqual(first.trainer.adam!.moments.map((m) => [...m.values]));
    expect(read.request).toEqual(request);
    // The weights come back as a model.
    const back = modelFromCheckpointBytes(new Uint8Array(read.checkpoint));
    expect(back.meta.steps).toBe(5);
    disposeLanguageModel(back.model);

    await saveAutosave(db, await autosaveAt(9));
    expect(await db.settings.where('key').startsWith('autosave/').count()).toBe(1);
    expect((await readAutosave(db))!.step).toBe(9);

    await deleteAutosave(db);
    expect(await readAutosave(db)).toBeUndefined();
  });

  it('a full disk is a StorageFullError with the plain message, and the last autosave stays', async () => {
    const db = freshDB();
    await saveAutosave(db, await autosaveAt(3));
    const full = await autosaveAt(6);
    const put = vi.spyOn(db.settings, 'put').mockRejectedValueOnce(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const err = await saveAutosave(db, full, async () => ({ usage: 1_000_000, quota: 1_200_000 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFullError);
    expect((err as Error).message).toMatch(/^Not enough storage space to save the pretraining autosave \(needs [\d.]+ MB, 0\.2 MB free\)/);
    expect(put).toHaveBeenCalledTimes(1);
    put.mockRestore();
    expect((await readAutosave(db))!.step).toBe(3);
  });

  it('anything else under its key is no autosave', async () => {
    const db = freshDB();
    await db.settings.put({ key: PRETRAIN_AUTOSAVE_KEY, value: { step: 'three' } });
    expect(await readAutosave(db)).toBeUndefined();
  });
});
