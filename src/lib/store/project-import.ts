// Opening a project file: parseProject (project-file-format.ts) checks every item before any is
// written, then all are added in one transaction, where every item gets a new id and every link
// between items follows it (see importProject).
import { referenceCheckpointName, roundCheckpointName } from './checkpoint-names';
import type { Judgement } from '../feedback/judgement';
import { decodeCheckpoint, encodeCheckpoint, type CheckpointMeta } from '../model/checkpoint-format';
import { saveCheckpoint } from './checkpoints';
import type { PlaygroundDB, RunRecord, SettingRecord } from './db';
import { isObj, parseProject } from './project-file-format';
import { parseRunSettingKey, runSettingKey } from './run-settings';

/**
 * A checkpoint's metadata with its run's new id, or without a run when the file holds none of
 * that id; names the app gave it after the old id (the run's reference and rounds, and a round's
 * parent) take the new one, so retention still knows them for the run's own (a renamed one stays).
 * The same object when nothing changes.
 */
function relinkMeta(meta: CheckpointMeta, runs: ReadonlyMap<number, number>): CheckpointMeta {
  const old = meta.runId;
  if (typeof old !== 'number') return meta;
  const id = runs.get(old);
  if (id === old) return meta;
  const { runId: _, ...rest } = meta;
  if (id === undefined) return rest;
  const rename = (name: unknown) => {
    if (name === referenceCheckpointName(old)) return referenceCheckpointName(id);
    return Number.isInteger(meta.round) && name === roundCheckpointName(old, meta.round as number) ? roundCheckpointName(id, meta.round as number) : name;
  };
  return { ...rest, runId: id, name: rename(meta.name) as string, ...(meta.parent !== undefined && { parent: rename(meta.parent) as string }) };
}

/**
 * Adds a project file's contents to the database, all or nothing. Every item gets a new id, and
 * every link follows its target's new id: a run's checkpoint and reference checkpoint
 * (settings.referenceCheckpointId), a checkpoint's run (meta.runId), the settings an RL run keeps
 * under its id (rl-host.ts: kept batches, trainer state), a sampled completion's checkpoint. So an
 * imported run resumes from its own checkpoints, and no local run takes imported checkpoints or
 * state for its own (nor the other way round), however the ids collide.
 *
 * A link to an id the file does not hold is dropped, not refused: the app's own exports have them
 * (a checkpoint the person deleted is still named by the runs and judgements that used it), and kept
 * as it is it would point at whatever local item has that id. Settings already set here are kept.
 */
export async function importProject(db: PlaygroundDB, input: Uint8Array | string): Promise<{ judgements: number; judgementsAlreadyHere: number; checkpoints: number; runs: number }> {
  const p = parseProject(input);
  // A run that was training when the file was made arrives paused: the app resumes a "running" run
  // by itself, and opening a file should not start training; the person resumes it when they choose.
  for (const r of p.runs) if (r.record.kind === 'rl' && r.record.status === 'running') r.record.status = 'paused';
  const tables = [db.judgements, db.checkpoints, db.checkpointBytes, db.runs, db.settings, db.promptSets, db.demonstrations];
  let fresh: Judgement[] = [];
  await db.transaction('rw', tables, async () => {
    const mapped = <T extends { oldId?: number }>(items: T[], ids: number[]) =>
      new Map(items.flatMap((x, i) => (x.oldId === undefined ? [] : [[x.oldId, ids[i]] as const])));
    // Runs and checkpoints name each other: runs first, their checkpoint links added once the
    // checkpoints have their ids.
    const runIds = await db.runs.bulkAdd(p.runs.map((r) => unlinked(r.record)), { allKeys: true });
    const newRunId = mapped(p.runs, runIds);
    // Saved in the order of their old ids, so new ids keep it (retention counts a run's rounds
    // from after its reference). The run id is rewritten in the checkpoint's header as well as in
    // its row. At run time only the row's meta is read (rlRoundCheckpoints and retention; a resume
    // takes just the weights from the bytes), but the header is what a download, loading it as the
    // model in use, and a later export and its import read back, and it must agree with the row.
    const order = (c: { oldId?: number }) => c.oldId ?? Number.MAX_SAFE_INTEGER;
    const ordered = [...p.checkpoints].sort((a, b) => order(a) - order(b));
    const newCheckpointId = new Map<number, number>();
    for (const c of ordered) {
      const meta = relinkMeta(c.meta, newRunId);
      const bytes = meta === c.meta ? c.bytes : encodeCheckpoint({ ...decodeCheckpoint(c.bytes), meta });
      const id = await saveCheckpoint(db, bytes, c.name);
      if (c.oldId !== undefined) newCheckpointId.set(c.oldId, id);
    }
    const follow = (id: number | undefined) => (id === undefined ? undefined : newCheckpointId.get(id));
    const withCheckpoint = <T extends { checkpointId?: number }>(x: T): T => {
      const { checkpointId, ...rest } = x;
      const id = follow(checkpointId);
      return (id === undefined ? rest : { ...rest, checkpointId: id }) as T;
    };
    // The run's reference and the reward model it refits from (rl-run.ts RLRunSettings); a reward
    // model the file does not hold leaves the run as one stored before that was recorded.
    const linked = (r: RunRecord): RunRecord => {
      if (!isObj(r.settings)) return withCheckpoint(r);
      const { referenceCheckpointId, rewardBase, ...settings } = r.settings;
      const reference = follow(referenceCheckpointId as number | undefined);
      const base = isObj(rewardBase) ? follow(rewardBase.checkpointId as number | undefined) : undefined;
      return {
        ...withCheckpoint(r),
        settings: {
          ...settings,
          ...(reference !== undefined && { referenceCheckpointId: reference }),
          ...(rewardBase === 'reference' ? { rewardBase } : base !== undefined ? { rewardBase: { checkpointId: base } } : {}),
        },
      };
    };
    await db.runs.bulkPut(p.runs.map((r, i) => ({ ...linked(r.record), id: runIds[i] })));
    // A judgement already stored (same time, labeler, prompt, texts and answer) is not stored again:
    // opening one's own export, or one file twice, must not double the feedback a reward model
    // trains on. Runs and checkpoints do come in as copies: they are labelled, and train nothing.
    const known = new Set((await db.judgements.toArray()).map(judgementIdentity));
    fresh = p.judgements.filter((j) => !known.has(judgementIdentity(j)));
    await db.judgements.bulkAdd(fresh.map(({ id: _, ...j }) => ({
      ...j, completions: j.completions.map((c) => (c.source.kind === 'sample' ? { ...c, source: withCheckpoint(c.source) } : c)),
    })));
    // A run's own settings go under its new id (none can be set here yet: the id is new); those of
    // a run the file does not hold are dropped, or the local run with that id would take them.
    const have = new Set(await db.settings.toCollection().primaryKeys());
    const shared: SettingRecord[] = [];
    const perRun: SettingRecord[] = [];
    for (const s of p.settings) {
      const key = parseRunSettingKey(s.key);
      if (!key) {
        if (!have.has(s.key)) shared.push(s);
        continue;
      }
      const runId = newRunId.get(key.runId);
      if (runId !== undefined) perRun.push({ key: runSettingKey(key.kind, runId), value: s.value });
    }
    await db.settings.bulkAdd(shared);
    await db.settings.bulkPut(perRun);
    await db.promptSets.bulkAdd(p.promptSets);
    await db.demonstrations.bulkAdd(p.demonstrations);
  });
  return { judgements: fresh.length, judgementsAlreadyHere: p.judgements.length - fresh.length, checkpoints: p.checkpoints.length, runs: p.runs.length };
}

/** What makes two stored judgements the same one, whatever their ids. */
const judgementIdentity = (j: Judgement) => JSON.stringify([j.createdAt, j.labeler, j.prompt, j.completions.map((c) => c.text), j.feedback]);

/** A run without its links to checkpoints (filled in once they are stored). */
function unlinked(r: RunRecord): RunRecord {
  const { checkpointId: _, ...rest } = r;
  if (!isObj(r.settings)) return rest;
  const { referenceCheckpointId: __, rewardBase: ___, ...settings } = r.settings;
  return { ...rest, settings };
}
