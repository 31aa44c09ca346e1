// An RL run exported mid-way and opened in a browser whose own run and checkpoints have the same
// ids resumes as the original would have: from its own reference and newest round (not the local
// checkpoints that had those ids in the file), with its kept batches and Adam's state, and its
// retention deletes its own old round only. Driven in Node as rl-host.test.ts does.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { AdamState } from '../../src/lib/engine/adam-state';
import { DEFAULT_RL, type RLRunSettings } from '../../src/lib/engine/rl-run';
import { roundCheckpointName } from '../../src/lib/store/checkpoint-names';
import type { LabelingBatch } from '../../src/lib/feedback/simulated-judgement';
import { modelToCheckpointBytes } from '../../src/lib/model/checkpoint';
import { rlRoundCheckpoints, saveCheckpoint } from '../../src/lib/store/checkpoints';
import { getDB, type CheckpointBytes } from '../../src/lib/store/db';
import { exportProject } from '../../src/lib/store/project-export';
import { importProject } from '../../src/lib/store/project-import';
import type { FromWorker } from '../../src/lib/worker/protocol';
import { testModel } from './helpers';
import { RANDOM_LABELER, RL_TEST_SIZE, labelRound, makeTestRLHost, type FeedbackRequest } from './rl-host-harness';

const settings: RLRunSettings = {
  ...DEFAULT_RL, rounds: 3, feedbackPrompts: 1, k: 2, rmEpochs: 1, ppoSteps: 1, evalPrompts: 1, seed: 7,
  ppo: { ...DEFAULT_RL.ppo, batchSize: 2, maxTokens: 4, ppoEpochs: 1, minibatches: 1 },
  retention: { keepLast: 2, keepEvery: 0 },
  labeler: { kind: 'simulated', settings: RANDOM_LABELER },
  prompts: ['The cat', 'A dog', 'Once', 'The sun'],
};

const model = testModel(1, RL_TEST_SIZE);

const referenceTexts = (messages: FromWorker[]) =>
  messages.flatMap((m) => (m.type === 'rl/before-after' ? [m.rows.map((r) => r.reference.text)] : []));

describe('an imported RL run', () => {
  it('resumes from its own checkpoints and state, beside a local run with the same ids', async () => {
    const db = getDB();
    // 1. The original: rounds 1 and 2 saved, interrupted as round 3 waits for feedback.
    let round3: LabelingBatch[] = [];
    let interrupted!: Promise<void>;
    const first = makeTestRLHost(model, {
      onRequest: (host, m) => {
        if (m.round === 3) { round3 = m.batches; interrupted = host.interrupt(); return; }
        void labelRound(host, m);
      },
    });
    await first.host.start(settings);
    await interrupted;
    const original = (await db.runs.toArray())[0];
    expect(original).toMatchObject({ id: 1, status: 'paused', checkpointId: 3, settings: { referenceCheckpointId: 1 } });
    expect(round3.length).toBeGreaterThan(0);
    const file = await exportProject(db);

    // 2. Another browser: its own finished run 1 and its checkpoints 1 to 3 (other weights), its own state.
    await db.delete();
    await db.open();
    const other = testModel(9, RL_TEST_SIZE);
    const meta = (name: string, kind: string, round?: number) => ({ name, createdAt: '2025-01-02T00:00:00.000Z', kind, runId: 1, ...(round && { round }) });
    await db.runs.add({ kind: 'rl', name: 'RL from other', createdAt: '2025-01-02T00:00:00.000Z', settings: { ...settings, referenceCheckpointId: 1 }, metrics: [{ round: 1 }, { round: 2 }], checkpointId: 3, status: 'finished' });
    await saveCheckpoint(db, await modelToCheckpointBytes(other, meta('RL reference (run 1)', 'reference')));
    for (const round of [1, 2]) await saveCheckpoint(db, await modelToCheckpointBytes(other, meta(roundCheckpointName(1, round), 'policy', round)));
    await db.settings.put({ key: 'rl-trainer/1', value: { round: 0, state: 'local' } });
    const local = { checkpoints: await db.checkpoints.toArray(), bytes: await db.checkpointBytes.toArray(), trainer: await db.settings.get('rl-trainer/1') };

    // 3. Opened there, the run is run 2; its checkpoints are 4 (reference), 5 and 6 (rounds 1 and 2).
    await importProject(db, file);
    const runId = (await db.runs.orderBy('id').last())!.id!;
    expect(runId).toBe(2);
    const imported = (await db.runs.get(runId))!;
    const referenceId = (imported.settings as RLRunSettings).referenceCheckpointId!;
    expect([referenceId, imported.checkpointId]).toEqual([4, 6]);

    // 4. Resumed: it reads exactly its own reference and newest round.
    const read: number[] = [];
    const reading = (row: CheckpointBytes) => { read.push(row.id); return row; };
    db.checkpointBytes.hook('reading', reading);
    let adam3: Promise<AdamState> | undefined;
    const second = makeTestRLHost(model, {
      onPost: (m) => {
        if (m.type === 'rl/round' && m.round === 3) {
          adam3 = db.settings.get(`rl-trainer/${runId}`).then((s) => (s?.value as { state: { adam: AdamState } }).state.adam);
        }
      },
    });
    try {
      await second.host.resumeRun(runId);
    } finally {
      db.checkpointBytes.hook('reading').unsubscribe(reading);
    }
    expect(read).toEqual([referenceId, imported.checkpointId]);
    expect(second.messages.find((m) => m.type === 'rl/status')).toMatchObject({ status: 'running', round: 3, message: `Resumed run ${runId} at round 3` });
    expect((await db.runs.get(runId))!).toMatchObject({ status: 'finished', metrics: [{ round: 1 }, { round: 2 }, { round: 3 }] });
    // The same reference as the original (its held-out completions, same seed, same text) ...
    expect(referenceTexts(second.messages)).toEqual([referenceTexts(first.messages)[0]]);
    // ... round 3's batches as the original drew them, kept under the run's new id (none sampled again) ...
    expect(second.messages.filter((m) => m.type === 'rl/progress' && m.phase === 'sample')).toHaveLength(0);
    const asked = second.messages.find((m): m is FeedbackRequest => m.type === 'rl/feedback-request');
    expect(asked?.batches).toEqual(round3);
    // ... and Adam going on from round 2's state (a cold start counts 1).
    expect((await adam3!).iterations).toBe(3);

    // 5. Its retention (the last 2 rounds) let its round 1 go, as the original's would; the local run's are untouched.
    const rounds = (await rlRoundCheckpoints(db, runId)).map((c) => [c.meta.round, c.name]).sort();
    expect(rounds).toEqual([[2, roundCheckpointName(runId, 2)], [3, roundCheckpointName(runId, 3)]]);
    expect(await db.checkpoints.where('id').belowOrEqual(3).toArray()).toEqual(local.checkpoints);
    expect(await db.checkpointBytes.where('id').belowOrEqual(3).toArray()).toEqual(local.bytes);
    expect(await db.settings.get('rl-trainer/1')).toEqual(local.trainer);
    expect(await db.checkpoints.get(5)).toBeUndefined();
  });
});
