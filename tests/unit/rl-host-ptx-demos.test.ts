// PPO-ptx on the person's demonstrations (ptxSource 'demonstrations'): the host mixes in the
// stored demonstrations (edits on the labeling screen included) instead of the corpus, refuses
// to start without any (storing no run), and a run stored before the knob existed takes the
// corpus when it resumes.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RL, type RLRunSettings } from '../../src/lib/engine/rl-run';
import type { Judgement } from '../../src/lib/feedback/judgement';
import type { PPOConfig } from '../../src/lib/engine/ppo-config';
import { getDB } from '../../src/lib/store/db';
import { addDemonstration, listDemonstrations } from '../../src/lib/store/demonstrations';
import { addJudgement } from '../../src/lib/store/judgements';
import type { RLHost } from '../../src/lib/worker/rl-host';
import { testModel } from './helpers';
import { RANDOM_LABELER, RL_TEST_SIZE, makeTestRLHost } from './rl-host-harness';

const settings = (ptxSource: PPOConfig['ptxSource'], rounds = 1): RLRunSettings => ({
  ...DEFAULT_RL, rounds, feedbackPrompts: 2, k: 2, rmEpochs: 1, ppoSteps: 1, evalPrompts: 2, seed: 3,
  ppo: { ...DEFAULT_RL.ppo, batchSize: 2, maxTokens: 6, ppoEpochs: 1, minibatches: 1, ptxCoef: 1, ptxBatchSize: 2, ptxSource },
  labeler: { kind: 'simulated', settings: RANDOM_LABELER },
  prompts: ['The cat', 'A dog', 'Once', 'The sun', 'She said'],
});

/** A host on a fresh tiny model; `asked` counts its reads of the corpus, onRound sees each round shown. */
function host(onRound?: (round: number, h: RLHost) => void) {
  const asked: number[] = [];
  const { host: h } = makeTestRLHost(testModel(1, RL_TEST_SIZE), {
    onPost: (m, self) => { if (m.type === 'rl/round') onRound?.(m.round, self); },
    ptxText: async () => { asked.push(1); return 'Once upon a time there was a cat.\nThe dog ran home.\n'.repeat(20); },
  });
  return { h, asked };
}

const edit: Judgement = {
  createdAt: '2026-01-02T00:00:00.000Z', labeler: 'ana', labelerKind: 'person', prompt: 'The cat', promptIds: [],
  completions: [
    { text: ' sat.', ids: [], source: { kind: 'sample', model: 'test', temperature: 1, topK: 0, topP: 1, maxTokens: 8, seed: 1 } },
    { text: ' sat on the warm mat.', ids: [], source: { kind: 'edit', from: 0 } },
  ],
  feedback: { kind: 'edit', original: 0, edited: 1 },
};

describe('RLHost with PPO-ptx on demonstrations', () => {
  it('refuses to start without demonstrations, naming why, and stores no run', async () => {
    const db = getDB();
    const runs = await db.runs.count();
    const { h, asked } = host();
    await expect(h.start(settings('demonstrations'))).rejects.toThrow(/PPO-ptx is set to train on demonstrations, but there are none yet/);
    expect(await db.runs.count()).toBe(runs);
    expect(asked).toHaveLength(0);
  });

  it('mixes in the stored demonstrations and an edit judgement, never reading the corpus', async () => {
    const db = getDB();
    await addDemonstration(db, { prompt: 'Q: What does a cat say?', response: ' A: A cat says meow.', author: 'ana' });
    await addJudgement(db, edit);
    expect(new Set((await listDemonstrations(db)).map((d) => d.source))).toEqual(new Set(['typed', 'edit']));
    const { h, asked } = host();
    await h.start(settings('demonstrations'));
    const last = (await db.runs.toArray()).at(-1)!;
    expect(last.status).toBe('finished');
    expect(asked).toHaveLength(0);
    expect(last.metrics[0]['loss/ptx_avg']).toBeGreaterThan(1); // nats per token of an untrained model
  });

  it('resumes a run stored before ptxSource existed on the corpus', async () => {
    const db = getDB();
    const { h, asked } = host((round, self) => { if (round === 1) void self.interrupt(); });
    await h.start(settings('corpus', 2));
    const run = (await db.runs.toArray()).at(-1)!;
    expect(run.status).toBe('paused');
    expect(asked).toHaveLength(1);
    const old = structuredClone(run.settings) as RLRunSettings;
    delete (old.ppo as Partial<PPOConfig>).ptxSource;
    await db.runs.update(run.id!, { settings: old });
    const again = host();
    await again.h.resumeRun(run.id!);
    const resumed = (await db.runs.get(run.id!))!;
    expect(resumed.status).toBe('finished');
    expect(resumed.metrics.map((m) => m.round)).toEqual([1, 2]);
    expect(again.asked).toHaveLength(1);
  });
});
