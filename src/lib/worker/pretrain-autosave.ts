// The pretraining run's autosave: one `settings` row, replaced whole every ~15 s of training, so a
// reload or crash mid-run loses at most that much (worker.ts writes it, the Pretrain panel offers
// it back). It holds the weights as checkpoint bytes, the trainer's state, the request and how far
// the run got, written in one put: a reload finds the previous autosave or this one, never half.
// Apart from db.ts so that it does not load Dexie (unit tests install a fake IndexedDB first).
import type { CheckpointMeta } from '../model/checkpoint-format';
import type { LMTrainerState } from '../engine/lm-trainer';
import type { PlaygroundDB } from '../store/db';
import { PRETRAIN_AUTOSAVE_KEY } from '../store/setting-keys';
import { writeOrExplain, type StorageEstimateLike } from '../store/storage-errors';
import type { PretrainRequest } from './protocol';

export interface PretrainAutosave {
  savedAt: string;
  request: PretrainRequest;
  /** Steps of this run done (of request.steps), tokens they saw, training time (pauses left out). */
  step: number;
  tokensSeen: number;
  elapsedMs: number;
  /** The model's metadata before this run (what the run's steps add to) and now. */
  baseMeta: CheckpointMeta;
  meta: CheckpointMeta;
  /** The stored checkpoint the model in use came from, if any. */
  checkpointId?: number;
  /** The weights: checkpoint bytes (checkpoint-format.ts). */
  checkpoint: ArrayBuffer;
  trainer: LMTrainerState;
  /** The loss chart so far: (step, loss). */
  losses: Array<{ x: number; y: number }>;
}

/** Writes the autosave in place of the last one; a full disk throws StorageFullError (storage-errors.ts). */
export function saveAutosave(db: PlaygroundDB, a: PretrainAutosave, estimate?: () => Promise<StorageEstimateLike | undefined>): Promise<void> {
  const bytes = a.checkpoint.byteLength * 3; // the weights, then Adam's two moments
  return writeOrExplain('the pretraining autosave', bytes, async () => { await db.settings.put({ key: PRETRAIN_AUTOSAVE_KEY, value: a }); }, estimate);
}

export async function readAutosave(db: PlaygroundDB): Promise<PretrainAutosave | undefined> {
  const row = await db.settings.get(PRETRAIN_AUTOSAVE_KEY);
  const v = row?.value as PretrainAutosave | undefined;
  // Anything else under the key (a hand-edited database) is no autosave.
  return v && typeof v.checkpoint?.byteLength === 'number' && typeof v.step === 'number' && v.request ? v : undefined;
}

export async function deleteAutosave(db: PlaygroundDB): Promise<void> {
  await db.settings.delete(PRETRAIN_AUTOSAVE_KEY);
}
