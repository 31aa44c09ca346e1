// The worker's RL rounds, driven in Node: a simulated labeler answers each feedback request
// through the store, two rounds log TRL's metrics and save a policy each, and a run cut short
// mid-round resumes from its last saved round without asking again for what was judged.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RL, type RLRunSettings } from '../../src/lib/engine/rl-run';
import { DEFAULT_SIMULATED_LABELER, labelerFromSettings, simulatedJudgement } from '../../src/lib/feedback/simulated-judgement';
import { getDB } from '../../src/lib/store/db';
import { addJudgement, listJudgements } from '../../src/lib/store/judgements';
import { Lock } from '../../src/lib/util/lock';
import { makeRng } from '../../src/lib/util/rng';
import type { FromWorker } from '../../src/lib/worker/protocol';
import { RLHost } from '../../src/lib/worker/rl-host';
import { testModel } from './helpers';

const labelerSettings = { ...DEFAULT_SIMULATED_LABELER, mode: 'random' as const, noise: 0 };
const settings: RLRunSettings = {
  ...DEFAULT_RL, rounds: 2, feedbackPrompts: 2, k: 2, rmEpochs: 1, ppoSteps: 1, evalPrompts: 2, seed: 3,
  ppo: { ...DEFAULT_RL.ppo, batchSize: 2, maxTokens: 6, ppoEpochs: 1, minibatches: 1 },
  labeler: { kind: 'simulated', settings: labelerSettings },
  prompts: ['The cat', 'A dog', 'Once', 'The sun', 'She said'],
};

function makeHost(onRequest: (host: RLHost, m: Extract<FromWorker, { type: 'rl/feedback-request' }>) => void) {
  const model = testModel(1, { blockSize: 32, nLayer: 1, nHead: 2, nEmbd: 16 });
  const messages: FromWorker[] = [];
  const host: RLHost = new RLHost({
    lock: new Lock(),
    post: (m) => {
      messages.push(m);
      if (m.type === 'rl/feedback-request') onRequest(host, m);
    },
    policy: () => ({ model, info: { name: 'test', config: model.config, parameters: 0, meta: { name: 'test', createdAt: '2025-01-01T00:00:00.000Z', kind: 'pretrain' } } }),
    rewardModel: () => undefined,
  });
  return { host, messages };
}

/** Stores the labeler's ranking of every batch, as the main thread does. */
async function label(m: Extract<FromWorker, { type: 'rl/feedback-request' }>): Promise<void> {
  const labeler = labelerFromSettings(labelerSettings);
  const rng = makeRng(m.round);
  for (const b of m.batches) await addJudgement(getDB(), simulatedJudgement(labeler, b, rng));
}

describe('RLHost', () => {
  it('runs two rounds, saves a policy and metrics each round, and resumes a cut-short round without asking again', async () => {
    const db = getDB();
    // The first session is cut short once round 2's judgements are stored (as a reload would).
    const first = makeHost((host, m) => {
      void label(m).then(() => (m.round === 1 ? host.feedbackDone(1) : host.stop()));
    });
    await first.host.start(settings);
    const [run] = await db.runs.toArray();
    expect(run.kind).toBe('rl');
    expect(run.status).toBe('stopped');
    expect(run.metrics.map((m) => m.round)).toEqual([1]);
    for (const key of ['objective/kl', 'objective/scores', 'policy/entropy_avg', 'policy/clipfrac_avg', 'loss/policy_avg', 'loss/value_avg', 'eval/labeler_score', 'eval/kl']) {
      expect(Number.isFinite(run.metrics[0][key]), key).toBe(true);
    }
    expect((await db.checkpoints.get(run.checkpointId!))?.meta).toMatchObject({ kind: 'policy', runId: run.id, round: 1 });
    expect(await listJudgements(db)).toHaveLength(4);

    await db.runs.update(run.id!, { status: 'running' });
    const second = makeHost(() => { throw new Error('round 2 was judged already'); });
    await second.host.resumeRun(run.id!);
    const done = (await db.runs.get(run.id!))!;
    expect(done.status).toBe('finished');
    expect(done.metrics.map((m) => m.round)).toEqual([1, 2]);
    expect(await listJudgements(db)).toHaveLength(4);
    expect(second.messages.filter((m) => m.type === 'rl/feedback-request')).toHaveLength(0);
    const rows = second.messages.find((m) => m.type === 'rl/before-after');
    expect(rows?.type === 'rl/before-after' && rows.rows.map((r) => r.prompt)).toEqual(['The cat', 'A dog']);
    expect(second.messages.at(-1)).toMatchObject({ type: 'rl/status', status: 'finished', round: 2, rounds: 2 });
    const policies = (await db.checkpoints.toArray()).filter((c) => c.kind === 'policy');
    expect(policies.map((c) => c.meta.round)).toEqual([1, 2]);
  });
});
