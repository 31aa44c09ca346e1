// One RLHF loop: the app's RL host (worker/rl-host.ts, with IndexedDB and the main thread's
// simulated labeler) and the headless experiment's run (engine/simulated-rlhf-run.ts) both call
// engine/rlhf-round.ts, so the same settings and seed give the same round metrics, number for number.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RL, type RLRunSettings } from '../../src/lib/engine/rl-run';
import { SimulatedRLHFRun } from '../../src/lib/engine/simulated-rlhf-run';
import { DEFAULT_SIMULATED_LABELER, type SimulatedLabelerSettings } from '../../src/lib/feedback/simulated-judgement';
import { disposeLanguageModel } from '../../src/lib/model/language-model';
import { getDB } from '../../src/lib/store/db';
import type { FromWorker } from '../../src/lib/worker/protocol';
import { testModel } from './helpers';
import { labelRound, makeTestRLHost, RL_TEST_SIZE } from './rl-host-harness';

// An honest labeler with noise, so both the answers and the noise's random stream must agree.
const LABELER: SimulatedLabelerSettings = { ...DEFAULT_SIMULATED_LABELER, scorer: 'shorter', noise: 0.2 };
const PROMPTS = ['The cat', 'A dog', 'Once', 'The sun', 'She said', 'Then'];

const settings = (rmStart: 'base' | 'last'): RLRunSettings => ({
  ...DEFAULT_RL, rounds: 2, feedbackPrompts: 3, k: 3, rmEpochs: 2, rmStart, ppoSteps: 2, evalPrompts: 2, seed: 5,
  ppo: { ...DEFAULT_RL.ppo, batchSize: 2, maxTokens: 6, ppoEpochs: 1, minibatches: 1 },
  labeler: { kind: 'simulated', settings: LABELER },
  prompts: PROMPTS,
});

async function appMetrics(s: RLRunSettings): Promise<Array<Record<string, number>>> {
  const rounds: Array<Record<string, number>> = [];
  const model = testModel(1, RL_TEST_SIZE);
  const { host } = makeTestRLHost(model, {
    onRequest: (h, m) => void labelRound(h, m, LABELER),
    onPost: (m: FromWorker) => { if (m.type === 'rl/round') rounds.push(m.metrics); },
  });
  await host.start(s);
  disposeLanguageModel(model);
  return rounds;
}

async function headlessMetrics(s: RLRunSettings): Promise<Array<Record<string, number>>> {
  const model = testModel(1, RL_TEST_SIZE);
  const run = new SimulatedRLHFRun(model, s, LABELER, s.prompts);
  const rounds: Array<Record<string, number>> = [];
  for await (const r of run.run()) rounds.push(r.metrics);
  run.dispose();
  disposeLanguageModel(model);
  return rounds;
}

describe('one RLHF loop for the app and the experiments', () => {
  // Each test's run starts from an empty store, as a fresh tab does.
  afterEach(() => Promise.all(getDB().tables.map((t) => t.clear())));

  for (const rmStart of ['base', 'last'] as const) {
    it(`gives the same round metrics in the app's host and headless (reward model from ${rmStart})`, async () => {
      const s = settings(rmStart);
      const app = await appMetrics(s);
      const headless = await headlessMetrics(s);
      expect(app).toHaveLength(2);
      expect(app[1]['rm/judgements']).toBe(6);
      for (const key of ['objective/scores', 'objective/kl', 'rm/heldout_accuracy', 'rm/train_accuracy', 'eval/labeler_score', 'eval/kl']) {
        expect(Number.isFinite(app[1][key]), key).toBe(true);
      }
      expect(headless).toEqual(app);
    });
  }
});
