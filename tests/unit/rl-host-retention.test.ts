// Checkpoint retention of the worker's RL rounds, driven in Node as rl-host.test.ts does: each
// round's save deletes the round checkpoints its policy lets go (record and bytes together), never
// the reference, a renamed round, the model in use or another run's checkpoint, and an interrupted run resumes from
// its newest round. A run stored before the setting existed takes the default.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION } from '../../src/lib/engine/checkpoint-retention';
import { DEFAULT_RL, type RLRunSettings } from '../../src/lib/engine/rl-run';
import { roundCheckpointName } from '../../src/lib/store/checkpoint-names';
import { modelToCheckpointBytes } from '../../src/lib/model/checkpoint';
import { readCheckpointBytes, saveCheckpoint } from '../../src/lib/store/checkpoints';
import { getDB } from '../../src/lib/store/db';
import { testModel } from './helpers';
import { RANDOM_LABELER, RL_TEST_SIZE, labelRound, makeTestRLHost, type TestRLHostOptions } from './rl-host-harness';

const settings: RLRunSettings = {
  ...DEFAULT_RL, rounds: 5, feedbackPrompts: 1, k: 2, rmEpochs: 1, ppoSteps: 1, evalPrompts: 1, seed: 5,
  ppo: { ...DEFAULT_RL.ppo, batchSize: 2, maxTokens: 4, ppoEpochs: 1, minibatches: 1 },
  retention: { keepLast: 2, keepEvery: 0 },
  labeler: { kind: 'simulated', settings: RANDOM_LABELER },
  prompts: ['The cat', 'A dog', 'Once', 'The sun'],
};

const model = testModel(1, RL_TEST_SIZE);
/** The checkpoint the model in use was loaded from, as the worker's info says. */
let inUseId: number | undefined;

/** A host on the shared model whose info names inUseId; by default it labels every round. */
const makeHost = (onRequest?: TestRLHostOptions['onRequest']) => makeTestRLHost(model, { onRequest, inUseCheckpointId: () => inUseId });

/** Every stored checkpoint as [id, name, meta.round], and the ids of the bytes rows. */
async function stored() {
  const db = getDB();
  const records = await db.checkpoints.orderBy('id').toArray();
  return { records, bytesIds: (await db.checkpointBytes.toCollection().primaryKeys()).sort((a, b) => a - b) };
}

/** This run's checkpoints that still carry the name their round saved them with, as their rounds. */
const roundsOf = (records: Awaited<ReturnType<typeof stored>>['records'], runId: number) =>
  records.filter((c) => c.kind === 'policy' && c.meta.runId === runId && c.name === roundCheckpointName(runId, c.meta.round as number)).map((c) => c.meta.round);

describe('RL checkpoint retention', () => {
  it('keeps the last 2 rounds (and the reference, a renamed round, the model in use, another run\'s) and resumes from the newest after an interruption', async () => {
    const db = getDB();
    let runId = 0;
    let renamedId = 0;
    let otherRunId = 0;
    let round2Id = 0;
    let interrupted!: Promise<void>;
    const first = makeHost((host, m) => {
      if (m.round === 4) { interrupted = host.interrupt(); return; } // a lost GPU as round 4 waits for feedback
      void (async () => {
        if (m.round === 2) {
          // While round 2 waits for feedback: the person renames round 1, and a checkpoint that says
          // it belongs to another run is stored, after this run's reference.
          runId = (await db.runs.orderBy('id').last())!.id!;
          const round1 = (await db.checkpoints.toArray()).find((c) => c.meta.runId === runId && c.meta.round === 1)!;
          renamedId = round1.id!;
          await db.checkpoints.update(renamedId, { name: 'My favourite policy' });
          const meta = { name: roundCheckpointName(runId + 100, 1), createdAt: new Date().toISOString(), kind: 'policy', runId: runId + 100, round: 1 };
          otherRunId = await saveCheckpoint(db, await modelToCheckpointBytes(model, meta));
        }
        if (m.round === 3) {
          // The person loads round 2 as the model in use: it stays, though it is past the last 2.
          round2Id = (await db.checkpoints.toArray()).find((c) => c.meta.runId === runId && c.meta.round === 2)!.id!;
          inUseId = round2Id;
        }
        await labelRound(host, m);
      })();
    });
    await first.host.start(settings);
    await interrupted;
    const run = (await db.runs.get(runId))!;
    expect(run.status).toBe('paused');
    expect(run.metrics.map((m) => m.round)).toEqual([1, 2, 3]);
    let { records, bytesIds } = await stored();
    // Round 1 went when round 3 was saved, had it not been renamed; only 2 and 3 stay under their own names.
    expect(roundsOf(records, runId)).toEqual([2, 3]);
    expect(records.map((c) => c.id)).toEqual(bytesIds);
    const newest = records.find((c) => c.id === run.checkpointId)!;
    expect(newest.meta).toMatchObject({ runId, round: 3 });

    const second = makeHost();
    await second.host.resumeRun(runId);
    expect(second.messages.find((m) => m.type === 'rl/status')).toMatchObject({ status: 'running', round: 4, message: `Resumed run ${runId} at round 4` });
    const done = (await db.runs.get(runId))!;
    expect(done.status).toBe('finished');
    expect(done.metrics.map((m) => m.round)).toEqual([1, 2, 3, 4, 5]);

    ({ records, bytesIds } = await stored());
    expect(roundsOf(records, runId)).toEqual([2, 4, 5]); // round 3 went; 2 is the model in use
    inUseId = undefined;
    expect(records.find((c) => c.id === done.checkpointId)?.meta.round).toBe(5);
    const referenceId = (done.settings as RLRunSettings).referenceCheckpointId;
    const reference = records.find((c) => c.id === referenceId);
    expect(reference).toMatchObject({ kind: 'reference', meta: { runId } });
    expect(await readCheckpointBytes(db, reference!.id!)).toBeInstanceOf(Uint8Array);
    // Exactly: the reference, the renamed round 1, round 2 (in use), the other run's checkpoint, rounds 4 and 5; each with its bytes.
    const ids = (round: number) => records.filter((c) => c.meta.runId === runId && c.meta.round === round && c.id !== renamedId).map((c) => c.id);
    expect(records.map((c) => c.id)).toEqual([reference!.id, renamedId, round2Id, otherRunId, ...ids(4), ...ids(5)].sort((a, b) => a! - b!));
    expect(bytesIds).toEqual(records.map((c) => c.id));
  });

  it('a run stored before retention existed takes the default (the last 3 rounds)', async () => {
    const db = getDB();
    let runId = 0;
    let interrupted!: Promise<void>;
    const first = makeHost((host, m) => {
      if (m.round === 2) { interrupted = host.interrupt(); return; }
      void labelRound(host, m);
    });
    await first.host.start({ ...settings, seed: 6, retention: { keepLast: 1, keepEvery: 0 } });
    await interrupted;
    const run = (await db.runs.orderBy('id').last())!;
    runId = run.id!;
    // As stored by a version without the setting: no retention in the run's settings.
    const { retention: _, ...legacy } = run.settings as RLRunSettings;
    await db.runs.update(runId, { settings: legacy });

    const second = makeHost();
    await second.host.resumeRun(runId);
    expect((await db.runs.get(runId))!.status).toBe('finished');
    const { records, bytesIds } = await stored();
    // keepLast 1 would leave only round 5; the default keeps 3, 4 and 5 (no 10th round yet).
    expect(DEFAULT_RETENTION).toMatchObject({ keepLast: 3 });
    expect(roundsOf(records, runId)).toEqual([3, 4, 5]);
    expect(bytesIds).toEqual(records.map((c) => c.id));
  });
});

describe('RL checkpoint retention in a run that is never interrupted', () => {
  it('deletes as the rounds are saved: keepLast 1 over 3 rounds leaves round 3 and the reference', async () => {
    const db = getDB();
    const host = makeHost().host;
    await host.start({ ...settings, rounds: 3, seed: 7, retention: { keepLast: 1, keepEvery: 0 } });
    const run = (await db.runs.orderBy('id').last())!;
    expect(run.status).toBe('finished');
    // No phase-2 reward model was loaded: the run recorded that it refits from the reference's trunk.
    expect(run.settings).toMatchObject({ rewardBase: 'reference' });
    const { records, bytesIds } = await stored();
    expect(roundsOf(records, run.id!)).toEqual([3]);
    expect(records.filter((c) => c.meta.runId === run.id).map((c) => c.kind).sort()).toEqual(['policy', 'reference']);
    expect(bytesIds).toEqual(records.map((c) => c.id));
  });
});
