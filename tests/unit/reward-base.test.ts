// The reward model an RL run refits each round comes from what the run recorded at its start, not
// from whatever reward model is loaded when it resumes.
import 'fake-indexeddb/auto';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { modelToCheckpointBytes } from '../../src/lib/model/checkpoint';
import type { LanguageModel } from '../../src/lib/model/language-model';
import { saveCheckpoint } from '../../src/lib/store/checkpoints';
import { getDB } from '../../src/lib/store/db';
import { Lock } from '../../src/lib/util/lock';
import { rewardBase } from '../../src/lib/worker/reward-base';
import { testModel } from './helpers';

const reference = testModel(1);
/** A model whose reward head reads `w` everywhere, so each is told apart by its head. */
function rewardModel(seed: number, w: number): LanguageModel {
  const m = testModel(seed);
  tf.tidy(() => { m.params.rewardW.assign(tf.fill(m.params.rewardW.shape, w)); m.params.rewardB.assign(tf.fill(m.params.rewardB.shape, w)); });
  return m;
}
const started = rewardModel(2, 0.25);
const startedNorm = { mean: 2, std: 3, samples: 10 };
const loadedNow = rewardModel(3, -0.5);
const loadedNorm = { mean: -1, std: 0.5, samples: 4 };

const head = async (m: LanguageModel) => [...(await m.params.rewardW.data())][0];
const trunkEqual = async (a: LanguageModel, b: LanguageModel) => [...(await a.params.wte.data())].every((x, i) => x === b.params.wte.dataSync()[i]);

async function storeStarted(): Promise<number> {
  const meta = { name: 'Reward model', createdAt: '2026-01-01T00:00:00.000Z', kind: 'reward', rewardModel: { normalization: startedNorm } };
  return saveCheckpoint(getDB(), await modelToCheckpointBytes(started, meta));
}
const ctx = (rm?: { model: LanguageModel; normalization: typeof loadedNorm; checkpointId?: number }) => ({ lock: new Lock(), rewardModel: () => rm });

describe('the reward model an RL run refits from', () => {
  it('a run that started without one gets a fresh head on the reference trunk, even with one loaded now', async () => {
    const base = await rewardBase({ rewardBase: 'reference' }, reference, ctx({ model: loadedNow, normalization: loadedNorm, checkpointId: 7 }));
    expect(base.keepHead).toBe(false);
    expect(await head(base.model)).toBe(0);
    expect(await trunkEqual(base.model, reference)).toBe(true);
    expect(base.normalization).toMatchObject({ mean: 0, std: 1 });
  });

  it('a run that started from a stored reward model gets that one back, not the one loaded now', async () => {
    const id = await storeStarted();
    const base = await rewardBase({ rewardBase: { checkpointId: id } }, reference, ctx({ model: loadedNow, normalization: loadedNorm, checkpointId: id + 1 }));
    expect(base.keepHead).toBe(true);
    expect(await head(base.model)).toBe(0.25);
    expect(await trunkEqual(base.model, started)).toBe(true);
    expect(base.normalization).toEqual(startedNorm);
  });

  it('when that one is still the one in use, a copy of it (not read again, not shared)', async () => {
    const base = await rewardBase({ rewardBase: { checkpointId: 42 } }, reference, ctx({ model: started, normalization: startedNorm, checkpointId: 42 }));
    expect(await head(base.model)).toBe(0.25);
    expect(base.model.params.rewardW).not.toBe(started.params.rewardW);
    expect(base.normalization).toEqual(startedNorm);
  });

  it('a run stored before this was recorded, or whose reward model is deleted, takes the one in use', async () => {
    for (const s of [{}, { rewardBase: { checkpointId: 987654 } }]) {
      const base = await rewardBase(s, reference, ctx({ model: loadedNow, normalization: loadedNorm, checkpointId: 5 }));
      expect(await head(base.model)).toBe(-0.5);
      expect(base.normalization).toEqual(loadedNorm);
    }
    const none = await rewardBase({}, reference, ctx(undefined));
    expect(none.keepHead).toBe(false);
    expect(await head(none.model)).toBe(0);
  });
});
