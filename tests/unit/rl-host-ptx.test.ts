// The worker's RL rounds with PPO-ptx on: the host asks for the pretraining text only when
// ptxCoef > 0, and the round's metrics log the LM loss of the mix.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RL, type RLRunSettings } from '../../src/lib/engine/rl-run';
import { getDB } from '../../src/lib/store/db';
import { testModel } from './helpers';
import { RANDOM_LABELER, RL_TEST_SIZE, makeTestRLHost } from './rl-host-harness';

const settings = (ptxCoef: number): RLRunSettings => ({
  ...DEFAULT_RL, rounds: 1, feedbackPrompts: 2, k: 2, rmEpochs: 1, ppoSteps: 1, evalPrompts: 2, seed: 3,
  ppo: { ...DEFAULT_RL.ppo, batchSize: 2, maxTokens: 6, ppoEpochs: 1, minibatches: 1, ptxCoef, ptxBatchSize: 2 },
  labeler: { kind: 'simulated', settings: RANDOM_LABELER },
  prompts: ['The cat', 'A dog', 'Once', 'The sun', 'She said'],
});

/** A host on a fresh tiny model; `asked` counts its reads of the pretraining text. */
function run() {
  const asked: number[] = [];
  const ptxText = async () => { asked.push(1); return 'Once upon a time there was a cat.\nThe dog ran home.\n'.repeat(20); };
  const { host } = makeTestRLHost(testModel(1, RL_TEST_SIZE), { ptxText });
  return { host, asked };
}

describe('RLHost with PPO-ptx', () => {
  it('mixes the pretraining text into the PPO steps and logs loss/ptx_avg; off, it never reads the text', async () => {
    const db = getDB();
    for (const ptxCoef of [1, 0]) {
      const { host, asked } = run();
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
