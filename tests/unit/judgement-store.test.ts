import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Feedback, Judgement } from '../../src/lib/feedback/judgement';
import { PlaygroundDB } from '../../src/lib/store/db';
import {
  addJudgement, countFeedback, listJudgements, listLabelers, undoLastJudgement, validateJudgement,
} from '../../src/lib/store/judgements';
import { MAX_TEXT_CHARS } from '../../src/lib/store/preference-formats';
import { freshDatabases } from './fresh-db';

function judgement(feedback: Feedback, labeler = 'ana', k = 4): Judgement {
  return {
    createdAt: '2025-01-01T00:00:00.000Z', labeler, labelerKind: 'person',
    prompt: 'Once upon a time', promptIds: [50, 51],
    completions: Array.from({ length: k }, (_, i) => ({
      text: ` story ${i}`, ids: [10 + i],
      source: { kind: 'sample', model: 'starter', temperature: 0.8, topK: 0, topP: 1, maxTokens: 40, seed: i },
    })),
    feedback,
  };
}

const ranking = (labeler = 'ana') => judgement({ kind: 'ranking', ranks: [1, 2, 3, 4] }, labeler);
const ab = (labeler = 'ana') => judgement({ kind: 'ab', a: 0, b: 1, better: 'a', strength: 'better', margin: 0.5 }, labeler, 2);

const freshDB = freshDatabases('judgement-store');

describe('validateJudgement', () => {
  it('returns a clean copy of a good judgement, unknown fields dropped', () => {
    const j = { ...ranking(), extra: 'x' };
    const clean = validateJudgement(j);
    expect(clean).toEqual(ranking());
    expect('extra' in clean).toBe(false);
  });

  const bad = (change: (j: Record<string, any>) => void, base = ranking()) => {
    const j = structuredClone(base) as Record<string, any>;
    change(j);
    return j;
  };
  it.each<[string, unknown, RegExp]>([
    ['not an object', 'judgement', /must be an object/],
    ['an empty prompt', bad((j) => { j.prompt = '  '; }), /prompt is empty/],
    ['no completions', bad((j) => { j.completions = []; }), /no completions/],
    ['an empty completion', bad((j) => { j.completions[1].text = ''; }), /completion 1 text is empty/],
    ['text over the limit', bad((j) => { j.completions[2].text = 'a'.repeat(MAX_TEXT_CHARS + 1); }), /completion 2 text is longer than/],
    ['ids that are not whole numbers', bad((j) => { j.completions[0].ids = [1, 2.5]; }), /completion 0 ids must be a list of token ids/],
    ['prompt ids that are text', bad((j) => { j.promptIds = '1,2'; }), /promptIds must be a list of token ids/],
    ['a ranks length mismatch', bad((j) => { j.feedback.ranks = [1, 2]; }), /2 ranks for 4 completions/],
    ['an index out of range', bad((j) => { j.feedback.b = 7; }, ab()), /feedback.b is 7, not a completion index/],
    ['a margin that is not finite', bad((j) => { j.feedback.margin = null; }, ab()), /feedback.margin must be a finite number/],
    ['a winner with strength "same"', bad((j) => { j.feedback.strength = 'same'; }, ab()), /better is "a" but the strength is "same"/],
    ['an unknown kind', bad((j) => { j.feedback = { kind: 'stars', n: 5 }; }), /unknown kind "stars"/],
    ['an unknown labeler kind', bad((j) => { j.labelerKind = 'robot'; }), /labelerKind must be/],
    ['a missing labeler', bad((j) => { delete j.labeler; }), /labeler must be a name/],
    ['a bad date', bad((j) => { j.createdAt = 'yesterday'; }), /createdAt must be a date/],
    ['an edit of itself', bad((j) => { j.completions[2].source = { kind: 'edit', from: 2 }; }), /completion 2 source.from is 2, not another completion/],
    ['an unknown completion source', bad((j) => { j.completions[3].source = { kind: 'magic' }; }), /completion 3 source has unknown kind "magic"/],
  ])('refuses %s', (_, j, message) => {
    expect(() => validateJudgement(j)).toThrow(message);
  });
});

describe('judgement store', () => {
  it('adds, lists in order, and counts judgements and comparisons per labeler', async () => {
    const db = freshDB();
    const ids = [await addJudgement(db, ranking('ana')), await addJudgement(db, ab('ben')), await addJudgement(db, ab('ana'))];
    await addJudgement(db, judgement({ kind: 'thumbs', index: 0, up: true }, 'ben'));
    expect(ids).toEqual([1, 2, 3]);
    const all = await listJudgements(db);
    expect(all.map((j) => j.id)).toEqual([1, 2, 3, 4]);
    expect(all[0]).toEqual({ ...ranking('ana'), id: 1 });
    expect((await listJudgements(db, { labelers: ['ben'] })).map((j) => j.id)).toEqual([2, 4]);
    expect(await listJudgements(db, { labelers: [] })).toEqual([]);
    expect(await listLabelers(db)).toEqual(['ana', 'ben']);
    expect(await countFeedback(db)).toEqual({
      judgements: 4, comparisons: 6 + 1 + 1,
      byLabeler: { ana: { judgements: 2, comparisons: 7 }, ben: { judgements: 2, comparisons: 1 } },
    });
  });

  it('is readable from another connection as soon as add resolves', async () => {
    const db = freshDB();
    await addJudgement(db, ab());
    const other = new PlaygroundDB(db.name);
    expect(await other.judgements.count()).toBe(1);
    other.close();
  });

  it('ignores an id given by the caller and refuses a bad judgement without writing', async () => {
    const db = freshDB();
    expect(await addJudgement(db, { ...ab(), id: 99 })).toBe(1);
    await expect(addJudgement(db, { ...ab(), prompt: '' })).rejects.toThrow(/prompt is empty/);
    expect(await db.judgements.count()).toBe(1);
  });

  it('undoes the newest judgement, of one labeler when named', async () => {
    const db = freshDB();
    await addJudgement(db, ranking('ana'));
    await addJudgement(db, ab('ben'));
    await addJudgement(db, ab('ana'));
    expect((await undoLastJudgement(db, 'ben'))?.id).toBe(2);
    expect((await undoLastJudgement(db))?.id).toBe(3);
    expect(await undoLastJudgement(db, 'ben')).toBeUndefined();
    expect((await listJudgements(db)).map((j) => j.id)).toEqual([1]);
    expect((await undoLastJudgement(db))?.feedback.kind).toBe('ranking');
    expect(await undoLastJudgement(db)).toBeUndefined();
  });

  it('counts a labeler called "__proto__" like any other', async () => {
    const db = freshDB();
    await addJudgement(db, ab('__proto__'));
    const counts = await countFeedback(db);
    expect(Object.keys(counts.byLabeler)).toEqual(['__proto__']);
    expect(counts.byLabeler['__proto__']).toEqual({ judgements: 1, comparisons: 1 });
  });

  it('upgrades a version 1 database, keeping its checkpoints', async () => {
    const name = freshDB().name; // a unique name, deleted after the test
    const v1 = new Dexie(name);
    v1.version(1).stores({ checkpoints: '++id, createdAt, kind', checkpointBytes: 'id' });
    await v1.table('checkpoints').add({ name: 'old', createdAt: '2024-01-01', kind: 'pretrain' });
    v1.close();
    const db = new PlaygroundDB(name);
    expect((await db.checkpoints.toArray()).map((c) => c.name)).toEqual(['old']);
    expect(await addJudgement(db, ab())).toBe(1);
    await db.runs.add({ kind: 'reward', name: 'r', createdAt: '2025-01-01', settings: {}, metrics: [], status: 'done' });
    await db.settings.put({ key: 'labeler', value: 'ana' });
    expect(await db.settings.get('labeler')).toEqual({ key: 'labeler', value: 'ana' });
    db.close();
  });
});
