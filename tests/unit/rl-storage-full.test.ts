// A full disk at the end of an RL round: the run pauses with the plain reason instead of losing the
// round, and Resume saves it once there is room.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RL, type RLRunSettings } from '../../src/lib/engine/rl-run';
import { getDB } from '../../src/lib/store/db';
import type { FromWorker } from '../../src/lib/worker/protocol';
import { testModel } from './helpers';
import { RANDOM_LABELER, RL_TEST_SIZE, makeTestRLHost } from './rl-host-harness';

const settings: RLRunSettings = {
  ...DEFAULT_RL, rounds: 1, feedbackPrompts: 1, k: 2, rmEpochs: 1, ppoSteps: 1, evalPrompts: 1, seed: 3,
  ppo: { ...DEFAULT_RL.ppo, batchSize: 2, maxTokens: 4, ppoEpochs: 1, minibatches: 1 },
  labeler: { kind: 'simulated', settings: RANDOM_LABELER },
  prompts: ['The cat', 'A dog', 'Once'],
};

describe('an RL round that meets a full disk', () => {
  it('pauses with the reason, keeps the round, and saves it on Resume', async () => {
    const db = getDB();
    const statuses: Array<Extract<FromWorker, { type: 'rl/status' }>> = [];
    let paused: () => void = () => {};
    const pausedOnce = new Promise<void>((r) => (paused = r));
    const { host } = makeTestRLHost(testModel(1, RL_TEST_SIZE), {
      onPost: (m) => {
        if (m.type !== 'rl/status') return;
        statuses.push(m);
        if (m.status === 'paused') paused();
      },
    });
    // The reference saves; the round's policy meets a full disk (its bytes row is refused).
    let policySaving = false;
    db.checkpoints.hook('creating', (_key, rec) => { policySaving = rec.kind === 'policy'; });
    const full = () => {
      if (policySaving) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.checkpointBytes.hook('creating', full);

    const run = host.start(settings);
    await pausedOnce;
    const pause = statuses.at(-1)!;
    expect(pause.message).toMatch(/^Not enough storage space to save the checkpoint "RL policy \(run \d+, round 1\)" \(needs [\d.]+ MB\): delete old checkpoints or runs, then Resume to save round 1$/);
    const [stored] = await db.runs.toArray();
    expect(stored.status).toBe('paused');
    expect(stored.metrics).toEqual([]); // nothing half-saved
    expect((await db.checkpoints.toArray()).map((c) => c.kind)).toEqual(['reference']);

    db.checkpointBytes.hook('creating').unsubscribe(full); // room was made
    host.resume();
    await run;
    const done = (await db.runs.get(stored.id!))!;
    expect(done.status).toBe('finished');
    expect(done.metrics.map((m) => m.round)).toEqual([1]);
    expect((await db.checkpoints.toArray()).map((c) => c.kind).sort()).toEqual(['policy', 'reference']);
  });
});
