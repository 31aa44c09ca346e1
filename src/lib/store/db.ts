// The app's IndexedDB database (Dexie). Schema changes add a version here, never edit an old one.
import Dexie, { type Table } from 'dexie';
import type { CheckpointMeta } from '../model/checkpoint-format';
import type { GPTConfig } from '../model/config';

/** What the checkpoint list shows; the weights live apart so listing stays cheap. */
export interface CheckpointRecord {
  id?: number;
  name: string;
  createdAt: string;
  kind: string;
  config: GPTConfig;
  meta: CheckpointMeta;
  sizeBytes: number;
}

export interface CheckpointBytes {
  id: number;
  bytes: ArrayBuffer;
}

export class PlaygroundDB extends Dexie {
  checkpoints!: Table<CheckpointRecord, number>;
  checkpointBytes!: Table<CheckpointBytes, number>;

  constructor(name = 'rlhf-playground') {
    super(name);
    this.version(1).stores({
      checkpoints: '++id, createdAt, kind',
      checkpointBytes: 'id',
    });
  }
}

let shared: PlaygroundDB | undefined;

/** The database of this origin, opened once per thread (main thread and worker each have one). */
export function getDB(): PlaygroundDB {
  return (shared ??= new PlaygroundDB());
}
