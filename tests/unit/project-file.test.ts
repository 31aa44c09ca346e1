import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Judgement } from '../../src/lib/feedback/judgement';
import { modelToCheckpointBytes } from '../../src/lib/model/checkpoint';
import { charTokenizer } from '../../src/lib/model/tokenizer';
import { listCheckpoints, readCheckpointBytes, saveCheckpoint } from '../../src/lib/store/checkpoints';
import { PlaygroundDB, type RunRecord } from '../../src/lib/store/db';
import { addJudgement, listJudgements } from '../../src/lib/store/judgements';
import { exportProject } from '../../src/lib/store/project-export';
import { importProject } from '../../src/lib/store/project-import';
import { testModel } from './helpers';
import { freshDatabases } from './fresh-db';

const tokenizer = charTokenizer();

function judgement(prompt: string, checkpointId?: number): Judgement {
  return {
    createdAt: '2025-02-01T10:00:00.000Z', labeler: 'ana', labelerKind: 'person', prompt, promptIds: tokenizer.encode(prompt),
    completions: [' one', ' two'].map((text, seed) => ({
      text, ids: tokenizer.encode(text),
      source: { kind: 'sample', model: 'tiny', ...(checkpointId !== undefined && { checkpointId }), temperature: 1, topK: 0, topP: 1, maxTokens: 8, seed },
    })),
    feedback: { kind: 'ab', a: 0, b: 1, better: 'b', strength: 'better', margin: 0.5 },
  };
}

const run = (checkpointId?: number): RunRecord => ({
  kind: 'reward', name: 'first reward model', createdAt: '2025-02-01T11:00:00.000Z', settings: { learningRate: 3e-4 },
  metrics: [{ step: 1, 'loss/reward': 0.69 }, { step: 2, 'loss/reward': NaN }], status: 'done',
  faults: [{ step: 2, what: 'loss', lrBefore: 3e-4, lrAfter: 1.5e-4 }],
  ...(checkpointId !== undefined && { checkpointId }),
});

const freshDB = freshDatabases('project-file');

async function snapshot(db: PlaygroundDB) {
  return {
    judgements: await db.judgements.toArray(), checkpoints: await db.checkpoints.toArray(),
    bytes: await db.checkpointBytes.count(), runs: await db.runs.toArray(), settings: await db.settings.toArray(),
  };
}

let ckA: Uint8Array;
let ckB: Uint8Array;
/** A project: checkpoints 1 and 2, a judgement sampled from 2 and one from no checkpoint, a run that saved 2. */
let project: Uint8Array;

beforeAll(async () => {
  const meta = (name: string) => ({ name, createdAt: '2025-02-01T09:00:00.000Z', kind: 'pretrain' });
  ckA = await modelToCheckpointBytes(testModel(1), meta('tiny A'));
  ckB = await modelToCheckpointBytes(testModel(2), meta('tiny B'));
  const db = freshDB();
  await saveCheckpoint(db, ckA);
  await saveCheckpoint(db, ckB);
  await addJudgement(db, judgement('Once', 2));
  await addJudgement(db, judgement('<img src=x onerror=alert(1)>'));
  await db.runs.add(run(2));
  await db.settings.bulkPut([{ key: 'labeler', value: 'ana' }, { key: 'sampling', value: { temperature: 0.8 } }]);
  project = await exportProject(db);
});

describe('project file', () => {
  it('writes tagged, versioned JSON', () => {
    const file = JSON.parse(new TextDecoder().decode(project));
    expect(file).toMatchObject({ format: 'rlhf-playground-project', version: 1 });
    expect(file.judgements).toHaveLength(2);
    expect(file.checkpoints.map((c: { record: { name: string } }) => c.record.name)).toEqual(['tiny A', 'tiny B']);
  });

  it('round-trips into a fresh database', async () => {
    const db = freshDB();
    expect(await importProject(db, project)).toEqual({ judgements: 2, judgementsAlreadyHere: 0, checkpoints: 2, runs: 1 });
    expect(await listJudgements(db)).toEqual([{ ...judgement('Once', 2), id: 1 }, { ...judgement('<img src=x onerror=alert(1)>'), id: 2 }]);
    const checkpoints = await listCheckpoints(db);
    expect(checkpoints.map((c) => c.name).sort()).toEqual(['tiny A', 'tiny B']);
    expect(await readCheckpointBytes(db, 1)).toEqual(ckA);
    expect(await readCheckpointBytes(db, 2)).toEqual(ckB);
    expect(await db.runs.toArray()).toEqual([{ ...run(2), id: 1 }]);
    expect(await db.settings.get('sampling')).toEqual({ key: 'sampling', value: { temperature: 0.8 } });
    // And out again: the same file but for its time stamp.
    const again = JSON.parse(new TextDecoder().decode(await exportProject(db)));
    expect({ ...again, exportedAt: 0 }).toEqual({ ...JSON.parse(new TextDecoder().decode(project)), exportedAt: 0 });
  });

  it('adds to what is there: new ids, runs and samples following their checkpoints, settings kept', async () => {
    const db = freshDB();
    await saveCheckpoint(db, ckB, 'already here');
    await addJudgement(db, judgement('Mine', 1));
    await db.settings.put({ key: 'labeler', value: 'zoe' });
    await importProject(db, project);
    const names = new Map((await listCheckpoints(db)).map((c) => [c.id, c.name]));
    expect(names).toEqual(new Map([[1, 'tiny B'], [2, 'tiny A'], [3, 'tiny B']]));
    const [mine, sampled, unlinked] = await listJudgements(db);
    const checkpointOf = (j: Judgement) => (j.completions[0].source.kind === 'sample' ? j.completions[0].source.checkpointId : 'none');
    expect([mine.id, sampled.id, unlinked.id]).toEqual([1, 2, 3]);
    expect([checkpointOf(mine), checkpointOf(sampled), checkpointOf(unlinked)]).toEqual([1, 3, undefined]);
    expect((await db.runs.toArray())[0].checkpointId).toBe(3);
    expect(await db.settings.get('labeler')).toEqual({ key: 'labeler', value: 'zoe' });
    expect(await db.settings.count()).toBe(2);
  });

  it('brings an RL run that was training in as paused (opening a file starts no training); other runs as they were', async () => {
    const source = freshDB();
    await source.runs.bulkAdd([
      { kind: 'rl', name: 'training', createdAt: '2025-02-01T11:00:00.000Z', settings: {}, metrics: [], status: 'running' },
      { kind: 'rl', name: 'done', createdAt: '2025-02-01T11:00:00.000Z', settings: {}, metrics: [], status: 'finished' },
      { ...run(), status: 'running' },
    ]);
    const db = freshDB();
    await importProject(db, await exportProject(source));
    expect((await db.runs.toArray()).map((r) => [r.name, r.status])).toEqual([['training', 'paused'], ['done', 'finished'], ['first reward model', 'running']]);
  });

  it('drops a run\'s link to a checkpoint the file does not hold', async () => {
    const file = JSON.parse(new TextDecoder().decode(project));
    file.runs[0].checkpointId = 7;
    const db = freshDB();
    await importProject(db, JSON.stringify(file));
    expect((await db.runs.toArray())[0]).not.toHaveProperty('checkpointId');
  });

  const edit = (change: (file: any) => void) => () => {
    const file = JSON.parse(new TextDecoder().decode(project));
    change(file);
    return new TextEncoder().encode(JSON.stringify(file));
  };
  const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  it.each<[string, () => Uint8Array | string, RegExp]>([
    ['text that is not JSON', () => 'rlhf playground project', /not JSON/],
    ['a truncated file', () => project.subarray(0, project.length - 10), /not JSON/],
    ['bytes that are not UTF-8', () => new Uint8Array([0x7b, 0xff, 0x7d]), /not UTF-8/],
    ['a JSON array', () => '[]', /no "rlhf-playground-project" format tag/],
    ['another format name', edit((f) => { f.format = 'teachable-machine'; }), /no "rlhf-playground-project" format tag/],
    ['a newer version', edit((f) => { f.version = 2; }), /made by a newer version of the app/],
    ['a judgement with empty text', edit((f) => { f.judgements[1].completions[1].text = ''; }), /^judgements\[1\]: completion 1 text is empty/],
    ['a judgement index out of range', edit((f) => { f.judgements[0].feedback.b = 5; }), /^judgements\[0\]: feedback.b is 5/],
    ['truncated checkpoint bytes', edit((f) => { f.checkpoints[1].bytesBase64 = base64(ckB.subarray(0, ckB.length - 64)); }), /^checkpoints\[1\]: Truncated checkpoint/],
    ['NaN weights', edit((f) => {
      const bad = ckA.slice();
      new DataView(bad.buffer).setFloat32(bad.length - 4, NaN, true);
      f.checkpoints[0].bytesBase64 = base64(bad);
    }), /^checkpoints\[0\]: Corrupt checkpoint: tensor .* NaN/],
    ['checkpoint bytes that are not base64', edit((f) => { f.checkpoints[0].bytesBase64 = '!!!!'; }), /^checkpoints\[0\]: bytesBase64 is not base64/],
    ['a run of an unknown kind', edit((f) => { f.runs[0].kind = 'sft'; }), /^runs\[0\]: kind must be "reward", "rl" or "compare"/],
    ['a comparison without its results', edit((f) => { f.runs[0].kind = 'compare'; }), /^runs\[0\]: comparison is not an object/],
    ['a metric that is text', edit((f) => { f.runs[0].metrics[0].step = 'one'; }), /^runs\[0\]: metrics\[0\].step must be a number/],
    ['a missing list', edit((f) => { delete f.settings; }), /"settings" is not a list/],
  ])('refuses %s, naming it, and leaves the database as it was', async (_, input, message) => {
    const db = freshDB();
    await saveCheckpoint(db, ckA, 'already here');
    await addJudgement(db, judgement('Mine'));
    await db.settings.put({ key: 'labeler', value: 'zoe' });
    const before = await snapshot(db);
    await expect(importProject(db, input())).rejects.toThrow(message);
    expect(await snapshot(db)).toEqual(before);
  });
});
