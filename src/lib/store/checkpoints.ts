// Stored checkpoints: save (atomically, metadata and bytes together), list, read, delete, import.
import { decodeCheckpoint, encodeCheckpoint } from '../model/checkpoint-format';
import type { CheckpointRecord, PlaygroundDB } from './db';
import { browserEstimate, writeOrExplain, type StorageEstimateLike } from './storage-errors';

/**
 * Saves encoded checkpoint bytes, validated whole first (never store what could not load back,
 * NaN weights included); returns the new id. `fallbackName` names a checkpoint whose metadata has
 * an empty name. The record and its bytes are one transaction: a failed write leaves neither, and
 * a full disk throws StorageFullError with a plain message (`estimate` says what is free).
 */
export async function saveCheckpoint(
  db: PlaygroundDB, bytes: Uint8Array, fallbackName = 'Checkpoint', estimate: () => Promise<StorageEstimateLike | undefined> = browserEstimate,
): Promise<number> {
  const { config, meta: stored } = decodeCheckpoint(bytes);
  const meta = { ...stored, name: stored.name || fallbackName };
  const record: CheckpointRecord = {
    name: meta.name, createdAt: meta.createdAt, kind: meta.kind, config, meta, sizeBytes: bytes.byteLength,
  };
  const buffer = bytes.slice().buffer; // an exact, unshared ArrayBuffer
  return writeOrExplain(`the checkpoint "${meta.name}"`, bytes.byteLength, () => db.transaction('rw', db.checkpoints, db.checkpointBytes, async () => {
    const id = await db.checkpoints.add(record);
    await db.checkpointBytes.add({ id, bytes: buffer });
    return id;
  }), estimate);
}

export function listCheckpoints(db: PlaygroundDB): Promise<CheckpointRecord[]> {
  return db.checkpoints.orderBy('createdAt').reverse().toArray();
}

export async function readCheckpointBytes(db: PlaygroundDB, id: number): Promise<Uint8Array> {
  const row = await db.checkpointBytes.get(id);
  if (!row) throw new Error(`Checkpoint ${id} is not stored`);
  return new Uint8Array(row.bytes);
}

export function deleteCheckpoint(db: PlaygroundDB, id: number): Promise<void> {
  return deleteCheckpoints(db, [id]);
}

/**
 * Deletes checkpoints, each record with its bytes, in one transaction; called inside a caller's
 * transaction over both tables, it joins that one instead (all or nothing with the caller's writes).
 */
export async function deleteCheckpoints(db: PlaygroundDB, ids: readonly number[]): Promise<void> {
  if (!ids.length) return;
  await db.transaction('rw', db.checkpoints, db.checkpointBytes, async () => {
    await db.checkpoints.bulkDelete([...ids]);
    await db.checkpointBytes.bulkDelete([...ids]);
  });
}

/** The policy checkpoints an RL run saved round by round, found by the run id and round in their metadata. */
export async function rlRoundCheckpoints(db: PlaygroundDB, runId: number): Promise<Array<CheckpointRecord & { id: number; meta: { round: number } }>> {
  const policies = await db.checkpoints.where('kind').equals('policy').toArray();
  return policies.filter((c): c is CheckpointRecord & { id: number; meta: { round: number } } =>
    c.id !== undefined && c.meta.runId === runId && Number.isInteger(c.meta.round));
}

/**
 * An uploaded checkpoint file: refused with the problem (nothing written) unless it decodes whole.
 * A round checkpoint downloaded from an RL run names that run's id, which here may be another run's
 * (another browser) or the same run's: either way the upload is the person's copy, not a round of a
 * run, so its run id is taken out of the header (retention never deletes it); other files are stored
 * byte for byte.
 */
export async function importCheckpointFile(db: PlaygroundDB, bytes: Uint8Array, fileName: string): Promise<number> {
  const name = fileName.replace(/\.[^.]+$/, '');
  const ck = decodeCheckpoint(bytes);
  if (ck.meta.runId === undefined) return saveCheckpoint(db, bytes, name);
  const { runId: _, ...meta } = ck.meta;
  return saveCheckpoint(db, encodeCheckpoint({ ...ck, meta }), name);
}

/** A file name for downloading a checkpoint. */
export function checkpointFileName(record: Pick<CheckpointRecord, 'name' | 'createdAt'>): string {
  const slug = record.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'checkpoint';
  return `${slug}-${record.createdAt.slice(0, 10)}.rlhfckpt`;
}
