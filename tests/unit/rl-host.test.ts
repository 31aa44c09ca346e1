// The worker's RL rounds, driven in Node: a simulated labeler answers each feedback request
// through the store, two rounds log TRL's metrics and save a policy each, and a run cut short
// mid-round resumes from its last saved round without asking again for what was judged, with
// Adam's state carried over. While another tab holds the training lock nothing starts.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RL, type RLRunSettings } from '../../src/lib/engine/rl-run';
import { DEFAULT_REWARD_READOUT } from '../../src/lib/engine/reward-fitting';
import { getDB } from '../../src/lib/store/db';
import { listJudgements } from '../../src/lib/store/judgements';
import type { AdamState } from '../../src/lib/engine/adam-state';
import type { RunLocks } from '../../src/lib/worker/run-lock';
import { testModel } from './helpers';
import { RANDOM_LABELER, RL_TEST_SIZE, makeTestRLHost, storeJudgements, type TestRLHostOptions } from './rl-host-harness';

const settings: RLRunSettings = {
  ...DEFAULT_RL, rounds: 2, feedbackPrompts: 2, k: 2, rmEpochs: 1, ppoSteps: 1, evalPrompts: 2, seed: 3,
  ppo: { ...DEFAULT_RL.ppo, batchSize: 2, maxTokens: 6, ppoEpochs: 1, minibatches: 1 },
  labeler: { kind: 'simulated', settings: RANDOM_LABELER },
  prompts: ['The cat', 'A dog', 'Once', 'The sun', 'She said'],
};

/** A host on a fresh copy of the tiny model; by default it labels every round. */
const makeHost = (options?: TestRLHostOptions) => makeTestRLHost(testModel(1, RL_TEST_SIZE), options);

describe('RLHost', () => {
  it('runs two rounds, saves a policy and metrics each round, and resumes a cut-short round without asking again', async () => {
    const db = getDB();
    // The first session is abandoned once round 2's judgements are stored, as by a reload: it
    // waits for a feedback-done that never comes, and writes nothing more.
    let cut!: () => void;
    const round2Judged = new Promise<void>((r) => (cut = r));
    const first = makeHost({
      onRequest: (host, m) => void storeJudgements(m).then(() => (m.round === 1 ? host.feedbackDone(1) : cut())),
    });
    void first.host.start(settings);
    await round2Judged;
    const [run] = await db.runs.toArray();
    expect(run.kind).toBe('rl');
    expect(run.status).toBe('running');
    expect(run.metrics.map((m) => m.round)).toEqual([1]);
    for (const key of ['objective/kl', 'objective/scores', 'policy/entropy_avg', 'policy/clipfrac_avg', 'loss/policy_avg', 'loss/value_avg', 'eval/labeler_score', 'eval/kl']) {
      expect(Number.isFinite(run.metrics[0][key]), key).toBe(true);
    }
    expect((await db.checkpoints.get(run.checkpointId!))?.meta).toMatchObject({ kind: 'policy', runId: run.id, round: 1 });
    expect(await listJudgements(db)).toHaveLength(4);
    const adamAfter = async (round: number) => {
      const kept = (await db.settings.get(`rl-trainer/${run.id}`))?.value as { round: number; state: { adam: AdamState } };
      expect(kept.round).toBe(round);
      return kept.state.adam;
    };
    const adam1 = await adamAfter(1);
    expect(adam1.iterations).toBe(1); // one PPO step of one epoch of one minibatch
    expect(adam1.moments.some((m) => m.values.some((v) => v !== 0))).toBe(true);

    let adam2: Promise<unknown> | undefined;
    const second = makeHost({
      onRequest: () => { throw new Error('round 2 was judged already'); },
      onPost: (m) => {
        // Read as round 2 is shown, before the finished session drops the state.
        if (m.type === 'rl/round' && m.round === 2) adam2 = adamAfter(2);
      },
    });
    await second.host.resumeRun(run.id!);
    const done = (await db.runs.get(run.id!))!;
    expect(done.status).toBe('finished');
    expect(done.metrics.map((m) => m.round)).toEqual([1, 2]);
    expect(await listJudgements(db)).toHaveLength(4);
    expect(second.messages.filter((m) => m.type === 'rl/feedback-request')).toHaveLength(0);
    // Round 2's batches were kept from the first session: not sampled again.
    expect(second.messages.filter((m) => m.type === 'rl/progress' && m.phase === 'sample')).toHaveLength(0);
    const rows = second.messages.find((m) => m.type === 'rl/before-after');
    expect(rows?.type === 'rl/before-after' && rows.rows.map((r) => r.prompt)).toEqual(['The cat', 'A dog']);
    // The policy's tokens carry log π and log π_ref: their ratios sum, per completion, to what eval/kl averages.
    const shown = rows?.type === 'rl/before-after' ? rows.rows : [];
    const kls = shown.map((r) => r.policy.tokens!.reduce((sum, t) => sum + t.logPolicy - t.logReference, 0));
    const round2 = second.messages.find((m) => m.type === 'rl/round' && m.round === 2);
    expect(kls.reduce((a, b) => a + b, 0) / kls.length).toBeCloseTo(round2?.type === 'rl/round' ? round2.metrics['eval/kl'] : NaN, 4);
    expect(shown.map((r) => r.policy.readout)).toEqual([DEFAULT_REWARD_READOUT, DEFAULT_REWARD_READOUT]);
    expect(second.messages.at(-1)).toMatchObject({ type: 'rl/status', status: 'finished', round: 2, rounds: 2 });
    const policies = (await db.checkpoints.toArray()).filter((c) => c.kind === 'policy');
    expect(policies.map((c) => c.meta.round)).toEqual([1, 2]);
    expect(second.messages.find((m) => m.type === 'rl/status')).toMatchObject({ status: 'running', round: 2, message: `Resumed run ${run.id} at round 2` });
    // Adam went on from round 1's state: a cold start would count 1 iteration again.
    expect(((await adam2) as AdamState).iterations).toBe(2);
    // The session ended (finished): its kept batches and trainer state are dropped.
    expect(await db.settings.get(`rl-round/${run.id}`)).toBeUndefined();
    expect(await db.settings.get(`rl-trainer/${run.id}`)).toBeUndefined();
  });

  it('an interrupted run (a lost GPU) stays resumable: stored as paused with its kept batches, and goes on from there', async () => {
    const db = getDB();
    let interrupted!: Promise<void>;
    const first = makeHost({
      onRequest: (host, m) => {
        // Round 2's batches are out for feedback when the engine has to stop.
        if (m.round === 1) void storeJudgements(m).then(() => host.feedbackDone(1));
        else interrupted = host.interrupt();
      },
    });
    // Seeds of their own: a batch judged in an earlier test (same model, same seed) is not asked again.
    await first.host.start({ ...settings, seed: 11 });
    await interrupted;
    const run = (await db.runs.orderBy('id').last())!;
    expect(run.status).toBe('paused');
    expect(run.metrics.map((m) => m.round)).toEqual([1]);
    expect(await db.settings.get(`rl-round/${run.id}`)).toBeDefined();
    expect(first.messages.at(-1)).toMatchObject({ type: 'rl/status', status: 'stopped', message: 'Interrupted at round 2: resume it from its last saved round' });

    const second = makeHost();
    await second.host.resumeRun(run.id!);
    expect((await db.runs.get(run.id!))!.status).toBe('finished');
    // Round 2 goes on with the batches drawn before the interruption: none sampled again.
    expect(second.messages.filter((m) => m.type === 'rl/progress' && m.phase === 'sample')).toHaveLength(0);
    expect(second.messages.filter((m) => m.type === 'rl/feedback-request')).toHaveLength(1);
  });

  it('a run the person stops is not resumable', async () => {
    const db = getDB();
    const { host } = makeHost({ onRequest: (h) => void h.stop() });
    await host.start({ ...settings, seed: 12 });
    const run = (await db.runs.orderBy('id').last())!;
    expect(run.status).toBe('stopped');
    expect(await db.settings.get(`rl-round/${run.id}`)).toBeUndefined();
  });

  it('starts and resumes nothing while another tab holds the training lock, and says which run it trains', async () => {
    const db = getDB();
    const runsBefore = await db.runs.count();
    const elsewhere: RunLocks = { tryHold: async () => undefined, heldRun: async () => 7, whenFree: async () => {} };
    const { host, messages } = makeHost({ onRequest: () => { throw new Error('nothing should be sampled'); }, locks: elsewhere });
    await host.start(settings);
    await host.resumeRun(1);
    expect(messages).toEqual([{ type: 'rl/locked', runId: 7 }, { type: 'rl/locked', runId: 7 }]);
    expect(await db.runs.count()).toBe(runsBefore);
  });
});
