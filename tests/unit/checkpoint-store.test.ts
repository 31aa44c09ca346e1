import { freshDatabases } from './fresh-db'; // first: installs fake-indexeddb before Dexie loads
import Dexie from 'dexie';
import { afterAll, describe, expect, it } from 'vitest';
import { modelToCheckpointBytes } from '../../src/lib/model/checkpoint';
import { disposeLanguageModel } from '../../src/lib/model/language-model';
import { deleteCheckpoints, importCheckpointFile, listCheckpoints, readCheckpointBytes, rlRoundCheckpoints, saveCheckpoint } from '../../src/lib/store/checkpoints';
import { decodeCheckpoint } from '../../src/lib/model/checkpoint-format';
import { roundCheckpointName } from '../../src/lib/store/checkpoint-names';
import type { PlaygroundDB } from '../../src/lib/store/db';
import { isQuotaError, StorageFullError, storageFullMessage } from '../../src/lib/store/storage-errors';
import { testModel } from './helpers';

const freshDB = freshDatabases('checkpoint-store');
const model = testModel(4);
afterAll(() => disposeLanguageModel(model));

const bytesNamed = (name: string) => modelToCheckpointBytes(model, { name, createdAt: new Date().toISOString(), kind: 'pretrain' });
const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const fixedEstimate = async () => ({ usage: 1_000_000, quota: 3_000_000 });

/** A database holding one good checkpoint "A"; returns its id and bytes. */
async function withOneCheckpoint(): Promise<{ db: PlaygroundDB; id: number; bytes: Uint8Array }> {
  const db = freshDB();
  const bytes = await bytesNamed('A');
  const id = await saveCheckpoint(db, bytes);
  return { db, id, bytes };
}

/** Only "A" is listed, its bytes read back bit for bit, and no orphan bytes row was left. */
async function expectOnlyA(db: PlaygroundDB, id: number, bytes: Uint8Array): Promise<void> {
  expect((await listCheckpoints(db)).map((c) => c.name)).toEqual(['A']);
  expect(await readCheckpointBytes(db, id)).toEqual(bytes);
  expect(await db.checkpointBytes.count()).toBe(1);
}

describe('saving a checkpoint is one transaction', () => {
  it('leaves no record when writing the bytes fails half way, and the previous checkpoint intact', async () => {
    const { db, id, bytes } = await withOneCheckpoint();
    // The metadata row is written first; the bytes row then fails inside the same transaction.
    db.checkpointBytes.hook('creating', () => { throw new Error('disk on fire'); });
    await expect(saveCheckpoint(db, await bytesNamed('B'))).rejects.toThrow('disk on fire');
    await expectOnlyA(db, id, bytes);
  });

  it('turns a quota error into a plain message with the sizes, and keeps the previous checkpoint', async () => {
    const { db, id, bytes } = await withOneCheckpoint();
    db.checkpointBytes.hook('creating', () => { throw quotaError(); });
    const b = await bytesNamed('B');
    const err = await saveCheckpoint(db, b, 'Checkpoint', fixedEstimate).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFullError);
    const mb = (b.byteLength / 1e6).toFixed(1);
    expect((err as Error).message).toBe(`Not enough storage space to save the checkpoint "B" (needs ${mb} MB, 2.0 MB free): delete old checkpoints or runs`);
    await expectOnlyA(db, id, bytes);
  });

  it('also when the table add itself rejects with QuotaExceededError', async () => {
    const { db, id, bytes } = await withOneCheckpoint();
    db.checkpointBytes.add = () => Promise.reject(quotaError()) as never;
    await expect(saveCheckpoint(db, await bytesNamed('B'), 'Checkpoint', fixedEstimate)).rejects.toThrow(/^Not enough storage space to save the checkpoint "B"/);
    await expectOnlyA(db, id, bytes);
  });

  it('passes other errors through unchanged', async () => {
    const { db } = await withOneCheckpoint();
    db.checkpointBytes.hook('creating', () => { throw new TypeError('not a quota problem'); });
    const err = await saveCheckpoint(db, await bytesNamed('B')).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(StorageFullError);
    expect((err as Error).message).toContain('not a quota problem');
  });
});

describe('deleting checkpoints', () => {
  it('removes each record with its bytes, and inside a caller\'s transaction keeps all or none', async () => {
    const db = freshDB();
    const [a, b, c] = [await saveCheckpoint(db, await bytesNamed('A')), await saveCheckpoint(db, await bytesNamed('B')), await saveCheckpoint(db, await bytesNamed('C'))];
    // The caller's transaction fails after the delete: both rows of A and B are still there.
    await expect(db.transaction('rw', db.checkpoints, db.checkpointBytes, async () => {
      await deleteCheckpoints(db, [a, b]);
      throw new Error('crash before the round is saved');
    })).rejects.toThrow('crash before the round is saved');
    expect(await db.checkpoints.toCollection().primaryKeys()).toEqual([a, b, c]);
    expect(await db.checkpointBytes.toCollection().primaryKeys()).toEqual([a, b, c]);
    await db.transaction('rw', db.checkpoints, db.checkpointBytes, () => deleteCheckpoints(db, [a, b]));
    expect((await listCheckpoints(db)).map((r) => r.name)).toEqual(['C']);
    expect(await db.checkpointBytes.toCollection().primaryKeys()).toEqual([c]);
    await deleteCheckpoints(db, []); // nothing to do, no transaction opened
    expect(await db.checkpoints.count()).toBe(1);
  });
});

describe('uploading a checkpoint file', () => {
  it('stores a file byte for byte, but a downloaded RL round as the person\'s copy: no run id, so no run counts it as its round', async () => {
    const db = freshDB();
    const plain = await bytesNamed('mine');
    const plainId = await importCheckpointFile(db, plain, 'mine.rlhfckpt');
    expect(await readCheckpointBytes(db, plainId)).toEqual(plain);

    const round = await modelToCheckpointBytes(model, { name: roundCheckpointName(1, 2), createdAt: new Date().toISOString(), kind: 'policy', runId: 1, round: 2 });
    const id = await importCheckpointFile(db, round, 'round.rlhfckpt');
    const record = (await db.checkpoints.get(id))!;
    expect(record.meta).not.toHaveProperty('runId');
    expect(record.meta).toMatchObject({ kind: 'policy', round: 2, name: roundCheckpointName(1, 2) });
    expect(decodeCheckpoint(await readCheckpointBytes(db, id)).meta).not.toHaveProperty('runId');
    expect(decodeCheckpoint(await readCheckpointBytes(db, id)).tensors).toEqual(decodeCheckpoint(round).tensors);
    expect(await rlRoundCheckpoints(db, 1)).toEqual([]);
  });
});

describe('quota errors', () => {
  it('are found however Dexie wraps them', () => {
    expect(Dexie.errnames.QuotaExceeded).toBe('QuotaExceededError');
    expect(isQuotaError(quotaError())).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', quotaError()))).toBe(true);
    expect(isQuotaError(new Dexie.BulkError('some failed', [new Error('x'), quotaError()]))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', new Error('other')))).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
  });

  it('say what is free only when the browser tells', () => {
    expect(storageFullMessage('the checkpoint', 1_500_000)).toBe('Not enough storage space to save the checkpoint (needs 1.5 MB): delete old checkpoints or runs');
    expect(storageFullMessage('the checkpoint', 1_500_000, { usage: 10, quota: 5 })).toContain('(needs 1.5 MB, 0.0 MB free)');
  });
});
