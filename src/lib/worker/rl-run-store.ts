// What an RL run keeps in IndexedDB: its record and reference from the start (and read back to
// resume it), and between and within rounds: a round's sampled batches until the
// round is saved (a resumed round shows the same ones), the PPO trainer's state as of the last
// saved round (Adam's moments, the KL coefficient), and the round's save itself: the policy, the
// trainer's state and the metrics in one transaction, with the retention policy's deletions.
import type { LabelingBatch } from '../feedback/simulated-judgement';
import type { PPOTrainerState } from '../engine/ppo-trainer';
import { checkpointsToDelete, DEFAULT_RETENTION } from '../engine/checkpoint-retention';
import { parseStoredRLSettings, resumePoint, type RLRunSettings } from '../engine/rl-run';
import { referenceCheckpointName, roundCheckpointName } from '../store/checkpoint-names';
import type { CheckpointMeta } from '../model/checkpoint-format';
import { modelFromCheckpointBytes, modelToCheckpointBytes } from '../model/checkpoint';
import { disposeLanguageModel, type LanguageModel } from '../model/language-model';
import { deleteCheckpoints, readCheckpointBytes, rlRoundCheckpoints, saveCheckpoint } from '../store/checkpoints';
import type { PlaygroundDB } from '../store/db';
import { runSettingKey } from '../store/run-settings';
import { retryWhenFull, writeOrExplain, type StorageFullError } from '../store/storage-errors';

/**
 * A new run's record and its frozen reference, saved at the start so a resumed run compares with
 * the same model; holdRun takes the run's lock as soon as it has an id. Without its reference the
 * run cannot go on: it is then marked failed, not left "running" for a reload to resume.
 */
export async function storeNewRun(
  db: PlaygroundDB, settings: RLRunSettings,
  from: { reference: LanguageModel; meta: CheckpointMeta; rewardBase: RLRunSettings['rewardBase'] },
  holdRun: (id: number) => Promise<void>,
): Promise<{ runId: number; stored: RLRunSettings }> {
  let runId: number | undefined;
  try {
    const createdAt = new Date().toISOString();
    runId = await db.runs.add({ kind: 'rl', name: `RL from ${from.meta.name}`, createdAt, settings, metrics: [], status: 'running' });
    await holdRun(runId);
    const refMeta: CheckpointMeta = { ...from.meta, name: referenceCheckpointName(runId), createdAt, kind: 'reference', runId, parent: from.meta.name };
    const referenceCheckpointId = await saveCheckpoint(db, await modelToCheckpointBytes(from.reference, refMeta));
    const stored: RLRunSettings = { ...settings, referenceCheckpointId, rewardBase: from.rewardBase };
    await db.runs.update(runId, { settings: stored });
    return { runId, stored };
  } catch (e) {
    if (runId !== undefined) await db.runs.update(runId, { status: 'failed' });
    throw e;
  }
}

/**
 * A stored run as it goes on: its settings read through the checked parser, the round after its
 * last saved one, its reference, and the policy of that round (none before round 1 was saved).
 * A run whose settings are damaged or whose models are gone cannot go on: it is marked failed, so
 * no later reload tries it again.
 */
export async function loadStoredRun(db: PlaygroundDB, runId: number): Promise<{ s: RLRunSettings; nextRound: number; reference: LanguageModel; policy?: LanguageModel }> {
  const run = await db.runs.get(runId);
  if (!run || run.kind !== 'rl') throw new Error(`There is no RL run ${runId}`);
  const { nextRound, policyCheckpointId } = resumePoint(run);
  let reference: LanguageModel | undefined;
  try {
    const s = parseStoredRLSettings(run.settings); // knobs added since it was stored take their defaults
    if (nextRound > s.rounds) throw new Finished(`Run ${runId} has finished all its ${s.rounds} rounds`);
    const load = async (id: number | undefined, what: string) => {
      if (id === undefined) throw new Error(`Run ${runId} has no stored ${what}`);
      return modelFromCheckpointBytes(await readCheckpointBytes(db, id)).model;
    };
    reference = await load(s.referenceCheckpointId, 'reference model');
    const policy = policyCheckpointId !== undefined ? await load(policyCheckpointId, 'policy') : undefined;
    return { s, nextRound, reference, policy };
  } catch (e) {
    if (reference) disposeLanguageModel(reference);
    if (!(e instanceof Finished)) await db.runs.update(runId, { status: 'failed' });
    throw e;
  }
}

/** A run with no round left: refused, and left as it is. */
class Finished extends Error {}

const roundKey = (runId: number) => runSettingKey('rl-round', runId);
const trainerKey = (runId: number) => runSettingKey('rl-trainer', runId);

/** Round `round`'s batches, if an earlier try of it sampled them. */
export async function keptBatches(db: PlaygroundDB, runId: number, round: number): Promise<LabelingBatch[] | undefined> {
  const kept = (await db.settings.get(roundKey(runId)))?.value as { round: number; batches: LabelingBatch[] } | undefined;
  return kept?.round === round ? kept.batches : undefined;
}

export async function keepBatches(db: PlaygroundDB, runId: number, round: number, batches: LabelingBatch[]): Promise<void> {
  await db.settings.put({ key: roundKey(runId), value: { round, batches } });
}

/** The trainer's state saved with round `round`, if that is the last round saved. */
export async function keptTrainerState(db: PlaygroundDB, runId: number, round: number): Promise<PPOTrainerState | undefined> {
  const kept = (await db.settings.get(trainerKey(runId)))?.value as { round: number; state: PPOTrainerState } | undefined;
  return kept?.round === round ? kept.state : undefined;
}

/** A run that cannot go on needs neither. */
export async function forgetRunState(db: PlaygroundDB, runId: number): Promise<void> {
  await db.settings.bulkDelete([roundKey(runId), trainerKey(runId)]);
}

export interface SavedRound {
  runId: number;
  round: number;
  settings: RLRunSettings;
  metrics: Record<string, number>;
  /** The policy's checkpoint bytes and the trainer's state, read together under the lock. */
  bytes: Uint8Array;
  trainerState: PPOTrainerState;
  /** The model in use's checkpoint: never deleted by retention. */
  inUse?: number;
}

/**
 * Saves a round in one transaction (a reload keeps all or none of it), deleting the round
 * checkpoints the retention policy lets go in the same one. A full disk calls onFull, which
 * waits (the run paused with the reason) before the save is tried again, so the round is kept.
 */
export async function saveRound(db: PlaygroundDB, r: SavedRound, onFull: (full: StorageFullError) => Promise<void>): Promise<void> {
  const { runId, round, settings: s } = r;
  // Runs stored before retention existed take the default.
  const retention = { ...DEFAULT_RETENTION, ...s.retention };
  const referenceId = s.referenceCheckpointId ?? Infinity;
  await retryWhenFull(() => writeOrExplain(`round ${round}`, r.bytes.byteLength, () => db.transaction('rw', [db.checkpoints, db.checkpointBytes, db.runs, db.settings], async () => {
    const checkpointId = await saveCheckpoint(db, r.bytes);
    const rec = await db.runs.get(runId);
    await db.runs.update(runId, { metrics: [...(rec?.metrics ?? []), r.metrics], checkpointId });
    await db.settings.put({ key: trainerKey(runId), value: { round, state: r.trainerState } });
    await db.settings.delete(roundKey(runId));
    // Only this run's rounds, saved after its reference and still under the name they were saved
    // with (a renamed one is the person's); the new round, the reference and the model in use stay.
    const mine = (await rlRoundCheckpoints(db, runId))
      .filter((c) => c.id > referenceId && c.name === roundCheckpointName(runId, c.meta.round));
    const keep = [checkpointId, ...[s.referenceCheckpointId, r.inUse].filter((id): id is number => id !== undefined)];
    await deleteCheckpoints(db, checkpointsToDelete(mine.map((c) => ({ round: c.meta.round, id: c.id })), retention, keep));
  })), onFull);
}
