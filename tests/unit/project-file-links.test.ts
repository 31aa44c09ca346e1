// A project opened into a database that has records of its own: every item gets a new id, and
// every link between imported items follows it: a run's newest policy and its frozen reference,
// a checkpoint's run (in its row and in its file's header), the settings an RL run keeps under its
// id, a judgement's sampling checkpoint. Nothing links to what was there before, and what was there
// is untouched. Links to items the file does not hold are dropped.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { roundCheckpointName } from '../../src/lib/store/checkpoint-names';
import type { Judgement } from '../../src/lib/feedback/judgement';
import { modelToCheckpointBytes } from '../../src/lib/model/checkpoint';
import { decodeCheckpoint } from '../../src/lib/model/checkpoint-format';
import { disposeLanguageModel } from '../../src/lib/model/language-model';
import { charTokenizer } from '../../src/lib/model/tokenizer';
import { readCheckpointBytes, rlRoundCheckpoints, saveCheckpoint } from '../../src/lib/store/checkpoints';
import type { PlaygroundDB } from '../../src/lib/store/db';
import { addJudgement, listJudgements } from '../../src/lib/store/judgements';
import { exportProject } from '../../src/lib/store/project-export';
import { importProject } from '../../src/lib/store/project-import';
import { freshDatabases } from './fresh-db';
import { testModel } from './helpers';

const freshDB = freshDatabases('project-links');
const tokenizer = charTokenizer();
const createdAt = '2025-03-01T10:00:00.000Z';

async function checkpointBytes(seed: number, meta: { name: string; kind: string; [key: string]: unknown }): Promise<Uint8Array> {
  const m = testModel(seed);
  try {
    return await modelToCheckpointBytes(m, { createdAt, ...meta });
  } finally {
    disposeLanguageModel(m);
  }
}

function sampledFrom(checkpointId: number, prompt: string): Judgement {
  return {
    createdAt, labeler: 'ana', labelerKind: 'person', prompt, promptIds: tokenizer.encode(prompt),
    completions: [' one', ' two'].map((text, seed) => ({
      text, ids: tokenizer.encode(text),
      source: { kind: 'sample', model: 'RL policy', checkpointId, temperature: 1, topK: 0, topP: 1, maxTokens: 8, seed },
    })),
    feedback: { kind: 'ab', a: 0, b: 1, better: 'a', strength: 'better', margin: 0.5 },
  };
}

/** An RL run's trainer state as rl-host.ts keeps it: Adam's moments are Float32Arrays. */
const trainerState = (seed: number) => ({ round: 2, state: { adam: { iterations: 2, moments: [{ shape: [2], values: Float32Array.of(0.1, seed) }] }, klValue: 0.05 } });

/**
 * What the app stores for a reward model and an RL run paused after round 2, as rl-host.ts writes
 * them: the run's reference and two round checkpoints (weights from `seed`), the run's newest
 * policy and reference ids, its trainer state and kept batches under its id, a judgement sampled
 * from round 1.
 */
async function storeRLRun(db: PlaygroundDB, seed: number) {
  const rewardId = await saveCheckpoint(db, await checkpointBytes(seed, { name: 'Reward model (4 judgements)', kind: 'reward' }));
  await db.runs.add({ kind: 'reward', name: 'Reward model', createdAt, settings: { epochs: 2 }, metrics: [{ step: 1, loss: 0.7 }], checkpointId: rewardId, status: 'finished' });
  const runId = await db.runs.add({ kind: 'rl', name: 'RL from tiny', createdAt, settings: { rounds: 5 }, metrics: [], status: 'running' });
  const reference = `RL reference (run ${runId})`;
  const referenceId = await saveCheckpoint(db, await checkpointBytes(seed + 1, { name: reference, kind: 'reference', runId, parent: 'tiny' }));
  const roundIds: number[] = [];
  for (const round of [1, 2]) {
    roundIds.push(await saveCheckpoint(db, await checkpointBytes(seed + 1 + round, { name: roundCheckpointName(runId, round), kind: 'policy', runId, round, parent: reference })));
  }
  await db.runs.update(runId, {
    settings: { rounds: 5, referenceCheckpointId: referenceId, rewardBase: { checkpointId: rewardId } }, metrics: [{ round: 1 }, { round: 2 }], checkpointId: roundIds[1], status: 'paused',
  });
  await db.settings.bulkPut([
    { key: `rl-trainer/${runId}`, value: trainerState(seed) },
    { key: `rl-round/${runId}`, value: { round: 3, batches: [{ prompt: `batch of ${seed}` }] } },
    { key: 'labelerName', value: 'ana' },
  ]);
  await addJudgement(db, sampledFrom(roundIds[0], `sampled by ${seed}`));
  return { runId, referenceId, roundIds, rewardId };
}

/** Every row of every table by its key, as JSON (bytes as hex). */
async function rows(db: PlaygroundDB): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const t of db.tables) {
    const keys = await t.toCollection().primaryKeys();
    const values = await t.bulkGet(keys);
    keys.forEach((k, i) => out.set(`${t.name}/${String(k)}`, JSON.stringify(values[i], (_, v) => (v instanceof ArrayBuffer ? Buffer.from(v).toString('hex') : v))));
  }
  return out;
}

const weightsOf = async (db: PlaygroundDB, id: number) => decodeCheckpoint(await readCheckpointBytes(db, id)).tensors;
const headerOf = async (db: PlaygroundDB, id: number) => decodeCheckpoint(await readCheckpointBytes(db, id)).meta;

/** The ids the imported RL run `runId` links to, each checked to be one of its own. */
async function linksOf(db: PlaygroundDB, runId: number) {
  const run = (await db.runs.get(runId))!;
  const referenceId = (run.settings as { referenceCheckpointId?: number }).referenceCheckpointId!;
  const reference = (await db.checkpoints.get(referenceId))!;
  expect(reference).toMatchObject({ kind: 'reference', name: `RL reference (run ${runId})`, meta: { runId } });
  expect(await headerOf(db, referenceId)).toMatchObject({ kind: 'reference', name: `RL reference (run ${runId})`, runId });
  const rounds = (await rlRoundCheckpoints(db, runId)).sort((a, b) => a.meta.round - b.meta.round);
  expect(rounds.map((c) => [c.meta.round, c.name, c.meta.parent])).toEqual([1, 2].map((r) => [r, roundCheckpointName(runId, r), `RL reference (run ${runId})`]));
  for (const c of rounds) expect(await headerOf(db, c.id)).toMatchObject({ runId, round: c.meta.round, name: roundCheckpointName(runId, c.meta.round) });
  // The run goes on from its own newest round.
  expect(run.checkpointId).toBe(rounds[1].id);
  return { run, referenceId, roundIds: rounds.map((c) => c.id) };
}

describe('project file links', () => {
  it('opened over a database with its own run and checkpoints (the same ids), every link points at the imported item', async () => {
    const source = freshDB();
    const original = await storeRLRun(source, 10);
    const file = await exportProject(source);

    // The same shape of records under the same ids, with other weights and other state.
    const db = freshDB();
    const local = await storeRLRun(db, 20);
    expect(local).toEqual(original);
    const before = await rows(db);

    expect(await importProject(db, file)).toEqual({ judgements: 1, judgementsAlreadyHere: 0, checkpoints: 4, runs: 2 });

    // What was there is as it was, row for row.
    const after = await rows(db);
    for (const [key, row] of before) expect(after.get(key), key).toBe(row);
    expect(await rlRoundCheckpoints(db, local.runId)).toHaveLength(2);
    expect((await rlRoundCheckpoints(db, local.runId)).map((c) => c.id).sort()).toEqual(local.roundIds);

    const [rewardRun, runId] = (await db.runs.toCollection().primaryKeys()).slice(2);
    expect(runId).not.toBe(original.runId);
    const { run, referenceId, roundIds } = await linksOf(db, runId);
    expect([referenceId, ...roundIds].every((id) => !before.has(`checkpoints/${id}`))).toBe(true);
    // The imported weights, not the local ones that had these ids in the file.
    expect(await weightsOf(db, referenceId)).toEqual(await weightsOf(source, original.referenceId));
    expect(await weightsOf(db, run.checkpointId!)).toEqual(await weightsOf(source, original.roundIds[1]));
    expect(await weightsOf(db, roundIds[0])).toEqual(await weightsOf(source, original.roundIds[0]));
    expect(run).toMatchObject({ status: 'paused', metrics: [{ round: 1 }, { round: 2 }], settings: { rounds: 5 } });

    // The reward run follows its checkpoint too.
    const reward = (await db.runs.get(rewardRun))!;
    expect(reward.kind).toBe('reward');
    expect(await weightsOf(db, reward.checkpointId!)).toEqual(await weightsOf(source, original.rewardId));
    expect(before.has(`checkpoints/${reward.checkpointId}`)).toBe(false);
    // The reward model the RL run refits from is the imported one as well.
    expect(run.settings).toMatchObject({ rewardBase: { checkpointId: reward.checkpointId } });

    // The run's kept state, under its new id; the local run's, under its own.
    const trainer = (await db.settings.get(`rl-trainer/${runId}`))?.value as ReturnType<typeof trainerState>;
    expect(trainer).toEqual(trainerState(10));
    expect(trainer.state.adam.moments[0].values).toBeInstanceOf(Float32Array);
    expect((await db.settings.get(`rl-round/${runId}`))?.value).toEqual({ round: 3, batches: [{ prompt: 'batch of 10' }] });
    expect((await db.settings.get(`rl-trainer/${local.runId}`))?.value).toEqual(trainerState(20));
    expect(await db.settings.count()).toBe(5);

    // The judgement sampled from round 1 names the imported round 1.
    const sampled = (await listJudgements(db)).find((j) => j.prompt === 'sampled by 10')!;
    expect(sampled.completions[0].source).toMatchObject({ checkpointId: roundIds[0] });
  });

  it('opened twice, makes two independent copies', async () => {
    const source = freshDB();
    await storeRLRun(source, 10);
    const file = await exportProject(source);
    const db = freshDB();
    await importProject(db, file);
    // The first import made `db` a copy of the source (same ids): the second is a browser opening its own export.
    // Its judgement is the same one: not stored twice (the runs and checkpoints come in as copies).
    expect(await importProject(db, file)).toMatchObject({ judgements: 0, judgementsAlreadyHere: 1 });
    expect(await db.judgements.count()).toBe(1);

    const rlRuns = await db.runs.where('kind').equals('rl').primaryKeys();
    expect(rlRuns).toHaveLength(2);
    const [a, b] = await Promise.all(rlRuns.map((id) => linksOf(db, id)));
    const idsOf = (x: typeof a) => [x.referenceId, ...x.roundIds];
    expect(idsOf(a).filter((id) => idsOf(b).includes(id))).toEqual([]);
    expect(new Set([...idsOf(a), ...idsOf(b)]).size).toBe(6);
    expect(await weightsOf(db, a.run.checkpointId!)).toEqual(await weightsOf(db, b.run.checkpointId!));
    for (const id of rlRuns) expect((await db.settings.get(`rl-trainer/${id}`))?.value).toEqual(trainerState(10));
    // One labeler name, kept from the first import; two trainer states, two kept batches.
    expect(await db.settings.count()).toBe(5);
    const reward = await db.runs.where('kind').equals('reward').toArray();
    expect(new Set(reward.map((r) => r.checkpointId)).size).toBe(2);
  });

  it('into a fresh database, keeps the ids and the bytes: the export comes out the same', async () => {
    const source = freshDB();
    const original = await storeRLRun(source, 10);
    const file = await exportProject(source);
    const db = freshDB();
    await importProject(db, file);
    expect(await readCheckpointBytes(db, original.roundIds[1])).toEqual(await readCheckpointBytes(source, original.roundIds[1]));
    const text = async (d: PlaygroundDB) => ({ ...JSON.parse(new TextDecoder().decode(await exportProject(d))), exportedAt: 0 });
    expect(await text(db)).toEqual(await text(source));
  });

  it('reads Adam\'s moments back as Float32Arrays, from number lists and from the {"0": x} objects older files have', async () => {
    const source = freshDB();
    const { runId } = await storeRLRun(source, 10);
    const file = JSON.parse(new TextDecoder().decode(await exportProject(source)));
    const entry = file.settings.find((s: { key: string }) => s.key === `rl-trainer/${runId}`);
    expect(entry.value.state.adam.moments[0].values).toEqual([Math.fround(0.1), 10]);
    for (const old of [false, true]) {
      if (old) entry.value.state.adam.moments[0].values = { 0: Math.fround(0.1), 1: 10 };
      const db = freshDB();
      await importProject(db, JSON.stringify(file));
      const trainer = (await db.settings.get(`rl-trainer/${runId}`))?.value as ReturnType<typeof trainerState>;
      expect(trainer.state.adam.moments[0].values).toBeInstanceOf(Float32Array);
      expect(trainer).toEqual(trainerState(10));
    }
  });

  it('drops links to runs and checkpoints the file does not hold (a local item with that id never takes their place)', async () => {
    const source = freshDB();
    const original = await storeRLRun(source, 10);
    const file = JSON.parse(new TextDecoder().decode(await exportProject(source)));
    // As from a database where the person deleted the reference and the run's record is not in the file.
    file.checkpoints = file.checkpoints.filter((c: { record: { id: number } }) => c.record.id !== original.referenceId);
    const rl = file.runs.find((r: { kind: string }) => r.kind === 'rl');
    file.runs = file.runs.filter((r: { kind: string }) => r.kind !== 'rl');
    file.runs.push({ ...rl, id: 9, name: 'a second run' });

    const db = freshDB();
    const local = await storeRLRun(db, 20);
    const before = await rows(db);
    await importProject(db, JSON.stringify(file));
    const after = await rows(db);
    for (const [key, row] of before) expect(after.get(key), key).toBe(row);

    // The round checkpoints of a run not in the file belong to no run here, in their rows and headers.
    const imported = (await db.checkpoints.toArray()).filter((c) => !before.has(`checkpoints/${c.id}`));
    expect(imported.map((c) => c.kind).sort()).toEqual(['policy', 'policy', 'reward']);
    for (const c of imported) {
      expect(c.meta).not.toHaveProperty('runId');
      expect(await headerOf(db, c.id!)).not.toHaveProperty('runId');
    }
    expect((await rlRoundCheckpoints(db, local.runId)).map((c) => c.id).sort()).toEqual(local.roundIds);
    // Run 9 (was the RL run) keeps its newest round, not its deleted reference.
    const second = (await db.runs.toArray()).find((r) => r.name === 'a second run')!;
    // ... and refits from the imported reward model.
    expect(second.settings).toEqual({ rounds: 5, rewardBase: { checkpointId: imported.find((c) => c.kind === 'reward')!.id } });
    expect(imported.map((c) => c.id)).toContain(second.checkpointId);
    // The state kept under the old run id is not for any run here.
    expect(await db.settings.count()).toBe(3);
    expect(await db.settings.get(`rl-trainer/${second.id}`)).toBeUndefined();
  });
});
