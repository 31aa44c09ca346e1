// The worker's RL rounds with PPO-ptx on: the host asks for the pretraining text only when
// ptxCoef > 0, and the round's metrics log the LM loss of the mix.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RL, type RLRunSettings } from '../../src/lib/engine/rl-run';
import { DEFAULT_SIMULATED_LABELER, labelerFromSettings, simulatedJudgement } from '../../src/lib/feedback/simulated-judgement';
import { getDB } from '../../src/lib/store/db';
import { addJudgement } from '../../src/lib/store/judgements';
import { Lock } from '../../src/lib/util/lock';
import { makeRng } from '../../src/lib/util/rng';
import type { FromWorker } from '../../src/lib/worker/protocol';
import { RLHost } from '../../src/lib/worker/rl-host';
import { testModel } from './helpers';

const labelerSettings = { ...DEFAULT_SIMULATED_LABELER, mode: 'random' as const, noise: 0 };
const settings = (ptxCoef: number): RLRunSettings => ({
  ...DEFAULT_RL, rounds: 1, feedbackPrompts: 2, k: 2, rmEpochs: 1, ppoSteps: 1, evalPrompts: 2, seed: 3,
  ppo: { ...DEFAULT_RL.ppo, batchSize: 2, maxTokens: 6, ppoEpochs: 1, minibatches: 1, ptxCoef, ptxBatchSize: 2 },
  labeler: { kind: 'simulated', settings: labelerSettings },
  prompts: ['The cat', 'A dog', 'Once', 'The sun', 'She said'],
});

function run(s: RLRunSettings) {
  const model = testModel(1, { blockSize: 32, nLayer: 1, nHead: 2, nEmbd: 16 });
  const asked: number[] = [];
  const host: RLHost = new RLHost({
    lock: new Lock(),
    post: (m: FromWorker) => {
      if (m.type !== 'rl/feedback-request') return;
      const labeler = labelerFromSettings(labelerSettings);
      const rng = makeRng(m.round);
      void (async () => {
        for (const b of m.batches) await addJudgement(getDB(), simulatedJudgement(labeler, b, rng));
        host.feedbackDone(m.round);
      })();
    },
    policy: () => ({ model, info: { name: 'test', config: model.config, parameters: 0, meta: { name: 'test', createdAt: '2025-01-01T00:00:00.000Z', kind: 'pretrain' } } }),
    rewardModel: () => undefined,
    ptxText: async () => { asked.push(1); return 'Once upon a time there was a cat.\nThe dog ran home.\n'.repeat(20); },
  });
  return { host, asked };
}

describe('RLHost with PPO-ptx', () => {
  it('mixes the pretraining text into the PPO steps and logs loss/ptx_avg; off, it never reads the text', async () => {
    const db = getDB();
    for (const ptxCoef of [1, 0]) {
      const { host, asked } = run(settings(ptxCoef));
      await host.start(settings(ptxCoef));
      const last = (await db.runs.toArray()).at(-1)!;
      expect(last.status).toBe('finished');
      expect(asked).toHaveLength(ptxCoef ? 1 : 0);
      const ptx = last.metrics[0]['loss/ptx_avg'];
      if (ptxCoef) expect(ptx).toBeGreaterThan(1); // nats per token of an untrained model on new text
      else expect(ptx).toBe(0);
    }
  });
});
