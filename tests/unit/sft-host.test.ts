// The worker's SFT: reads the chosen demonstrations from IndexedDB, trains the model in use in
// place, reports progress, and leaves the model's metadata saying kind 'sft'; refuses without
// demonstrations or while pretraining goes on; stops between steps.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CheckpointMeta } from '../../src/lib/model/checkpoint-format';
import { paramsToArrays } from '../../src/lib/model/params';
import { getDB } from '../../src/lib/store/db';
import { addDemonstration, listDemonstrations } from '../../src/lib/store/demonstrations';
import { Lock } from '../../src/lib/util/lock';
import type { FromWorker, ModelInfo, SFTRequest } from '../../src/lib/worker/protocol';
import { SFTHost } from '../../src/lib/worker/sft-host';
import { testModel } from './helpers';

const request: SFTRequest = { keys: null, epochs: 2, learningRate: 1e-2, batchSize: 2, seed: 1 };

function host(opts: { otherTraining?: boolean; onProgress?: (h: SFTHost) => void } = {}) {
  const model = testModel(1);
  let info: ModelInfo = { name: 'base', config: model.config, parameters: 0, tokenizer: 'test', meta: { name: 'base', createdAt: '2026-01-01T00:00:00.000Z', kind: 'pretrain', steps: 100 } };
  const posted: FromWorker[] = [];
  const h: SFTHost = new SFTHost({
    lock: new Lock(),
    post: (m) => { posted.push(m); if (m.type === 'sft/progress') opts.onProgress?.(h); },
    current: () => ({ model, info }),
    setMeta: (meta: CheckpointMeta) => { info = { ...info, meta }; },
    otherTraining: () => opts.otherTraining ?? false,
  });
  return { h, model, posted, meta: () => info.meta };
}

describe('SFTHost', () => {
  it('refuses without demonstrations, and while pretraining goes on', async () => {
    const a = host();
    await expect(a.h.start(request)).rejects.toThrow(/There are no demonstrations yet/);
    expect(a.posted.at(-1)).toMatchObject({ type: 'sft/status', status: 'stopped', message: expect.stringMatching(/no demonstrations/) });
    expect(a.h.active).toBe(false);
    await expect(host({ otherTraining: true }).h.start(request)).rejects.toThrow(/Pretraining is going/);
  });

  it('trains the model in use on the chosen demonstrations, which then is the SFT model', async () => {
    const db = getDB();
    for (const [p, r] of [['Q: cat?', ' A: meow.'], ['Q: dog?', ' A: woof.'], ['Q: cow?', ' A: moo.']]) await addDemonstration(db, { prompt: p, response: r, author: 'ana' });
    const keys = (await listDemonstrations(db)).slice(0, 2).map((d) => d.key);
    const { h, model, posted, meta } = host();
    const before = await paramsToArrays(model.params);
    await h.start({ ...request, keys });
    const progress = posted.filter((m) => m.type === 'sft/progress');
    expect(progress.map((m) => [m.step, m.totalSteps, m.epoch, m.demonstrations])).toEqual([[1, 2, 1, 2], [2, 2, 2, 2]]);
    expect(posted.map((m) => m.type).slice(-2)).toEqual(['model/changed', 'sft/status']);
    expect(posted.at(-1)).toEqual({ type: 'sft/status', status: 'finished' });
    expect(meta()).toMatchObject({ name: 'base + SFT', kind: 'sft', demonstrations: 2, sftSteps: 2, steps: 102, trainLoss: (progress.at(-1) as { loss: number }).loss });
    expect((await paramsToArrays(model.params)).get('wte')).not.toEqual(before.get('wte'));
  });

  it('stops between steps when asked', async () => {
    const { h, posted } = host({ onProgress: (self) => void self.stop() });
    await h.start({ ...request, epochs: 5 });
    expect(posted.filter((m) => m.type === 'sft/progress')).toHaveLength(1);
    expect(posted.at(-1)).toEqual({ type: 'sft/status', status: 'stopped' });
    expect(h.active).toBe(false);
  });
});
