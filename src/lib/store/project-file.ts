// A whole project as one file (as Teachable Machine saves one): judgements, checkpoints with
// their weights, training runs, settings, prompt sets and demonstrations, in UTF-8 JSON:
//   {format: 'rlhf-playground-project', version, exportedAt, judgements, checkpoints: [{record, bytesBase64}], runs, settings, promptSets, demonstrations}
// (promptSets and demonstrations came later; a file without them still opens. Edits on the
// labeling screen travel as judgements, which is where demonstrations.ts reads them from.)
// Importing validates every item before writing any, then adds them all in one transaction, where
// every item gets a new id and every link between items follows it (see importProject).
import { referenceCheckpointName, roundCheckpointName } from './checkpoint-names';
import type { FaultRecord } from './fault-record';
import type { Judgement } from '../feedback/judgement';
import { decodeCheckpoint, encodeCheckpoint, type CheckpointMeta } from '../model/checkpoint-format';
import { saveCheckpoint } from './checkpoints';
import type { CheckpointRecord, DemonstrationRecord, PlaygroundDB, PromptSetRecord, RunRecord, SettingRecord } from './db';
import { checkDemonstrationRecord } from './demonstrations';
import { validateJudgement } from './judgements';
import { checkPromptList } from './prompt-set-formats';
import { parseRunSettingKey, runSettingKey } from './run-settings';
import { PRETRAIN_AUTOSAVE_KEY } from './setting-keys';

export const PROJECT_FORMAT = 'rlhf-playground-project';
export const PROJECT_VERSION = 1;

interface ProjectFile {
  format: typeof PROJECT_FORMAT;
  version: number;
  exportedAt: string;
  judgements: Judgement[];
  checkpoints: Array<{ record: CheckpointRecord; bytesBase64: string }>;
  runs: RunRecord[];
  settings: SettingRecord[];
  promptSets: PromptSetRecord[];
  demonstrations: DemonstrationRecord[];
}

export async function exportProject(db: PlaygroundDB): Promise<Uint8Array> {
  const tables = [db.judgements, db.checkpoints, db.checkpointBytes, db.runs, db.settings, db.promptSets, db.demonstrations];
  const [judgements, checkpoints, bytes, runs, settings, promptSets, demonstrations] = await db.transaction('r', tables, () => Promise.all([
    db.judgements.toArray(), db.checkpoints.toArray(), db.checkpointBytes.toArray(), db.runs.toArray(), db.settings.toArray(),
    db.promptSets.toArray(), db.demonstrations.toArray(),
  ]));
  const bytesOf = new Map(bytes.map((b) => [b.id, b.bytes]));
  const file: ProjectFile = {
    format: PROJECT_FORMAT, version: PROJECT_VERSION, exportedAt: new Date().toISOString(), judgements,
    checkpoints: checkpoints.flatMap((record) => {
      const b = bytesOf.get(record.id!);
      return b ? [{ record, bytesBase64: toBase64(new Uint8Array(b)) }] : [];
    }),
    // The pretraining autosave is this browser's unsaved model, not part of the project.
    runs, settings: settings.filter((s) => s.key !== PRETRAIN_AUTOSAVE_KEY), promptSets, demonstrations,
  };
  // JSON has no NaN: a diverged run's NaN metrics go out as null and come back as NaN. Typed arrays
  // (Adam's moments in an RL run's trainer state) go out as number lists, not {"0": x, ...} objects.
  return new TextEncoder().encode(JSON.stringify(file, (_, v) => (ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as Float32Array) : v)));
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Runs `check` on every item of `list`, prefixing any error with the item's place. */
function each<T>(file: Obj, key: string, check: (item: unknown) => T): T[] {
  const list = file[key];
  if (!Array.isArray(list)) throw new Error(`The project's "${key}" is not a list`);
  return list.map((item, i) => {
    try {
      return check(item);
    } catch (e) {
      throw new Error(`${key}[${i}]: ${(e as Error).message}`);
    }
  });
}

function optionalId(v: unknown, what: string): number | undefined {
  if (v !== undefined && !Number.isInteger(v)) throw new Error(`${what} must be a whole number, but is ${JSON.stringify(v)}`);
  return v as number | undefined;
}

function checkpointEntry(v: unknown): { oldId?: number; name: string; bytes: Uint8Array; meta: CheckpointMeta } {
  if (!isObj(v) || !isObj(v.record)) throw new Error('not a {record, bytesBase64} entry');
  if (typeof v.bytesBase64 !== 'string') throw new Error('bytesBase64 is missing');
  const bytes = fromBase64(v.bytesBase64);
  const { meta } = decodeCheckpoint(bytes); // throws naming the problem: truncated, NaN, shapes, newer version
  return { oldId: optionalId(v.record.id, 'record.id'), name: typeof v.record.name === 'string' ? v.record.name : 'Checkpoint', bytes, meta };
}

/** Throws naming the first id used by two items of a list. */
function unique(key: string, items: Array<{ oldId?: number }>): void {
  const seen = new Set<number>();
  items.forEach((c, i) => {
    if (c.oldId === undefined) return;
    if (seen.has(c.oldId)) throw new Error(`${key}[${i}]: id ${c.oldId} is used twice`);
    seen.add(c.oldId);
  });
}

function run(v: unknown): { oldId?: number; record: RunRecord } {
  if (!isObj(v)) throw new Error('not an object');
  if (v.kind !== 'reward' && v.kind !== 'rl') throw new Error(`kind must be "reward" or "rl", but is ${JSON.stringify(v.kind)}`);
  for (const key of ['name', 'createdAt', 'status'] as const) {
    if (typeof v[key] !== 'string') throw new Error(`${key} must be text, but is ${JSON.stringify(v[key])}`);
  }
  if (!Array.isArray(v.metrics)) throw new Error('metrics is not a list');
  const metrics = v.metrics.map((m, i) => {
    if (!isObj(m)) throw new Error(`metrics[${i}] is not an object`);
    return Object.fromEntries(Object.entries(m).map(([k, x]) => {
      if (typeof x !== 'number' && x !== null) throw new Error(`metrics[${i}].${k} must be a number, but is ${JSON.stringify(x)}`);
      return [k, x ?? NaN];
    }));
  });
  if (isObj(v.settings)) {
    optionalId(v.settings.referenceCheckpointId, 'settings.referenceCheckpointId');
    const base = v.settings.rewardBase;
    if (base !== undefined && base !== 'reference') {
      if (!isObj(base)) throw new Error(`settings.rewardBase must be "reference" or {checkpointId}, but is ${JSON.stringify(base)}`);
      optionalId(base.checkpointId, 'settings.rewardBase.checkpointId');
    }
  }
  const r: RunRecord = { kind: v.kind, name: v.name as string, createdAt: v.createdAt as string, settings: v.settings ?? null, metrics, status: v.status as string };
  const checkpointId = optionalId(v.checkpointId, 'checkpointId');
  if (checkpointId !== undefined) r.checkpointId = checkpointId;
  if (v.faults !== undefined) r.faults = faults(v.faults);
  return { oldId: optionalId(v.id, 'id'), record: r };
}

/** A run's log of training steps undone for a NaN or Infinity (fault-guard.ts), kept as it was. */
function faults(v: unknown): FaultRecord[] {
  if (!Array.isArray(v)) throw new Error('faults is not a list');
  return v.map((f, i) => {
    const ok = isObj(f) && (f.what === 'loss' || f.what === 'weights') && [f.step, f.lrBefore, f.lrAfter].every((x) => typeof x === 'number' && Number.isFinite(x));
    if (!ok) throw new Error(`faults[${i}] must be {step, what: "loss" | "weights", lrBefore, lrAfter}, but is ${JSON.stringify(f)}`);
    return { step: f.step as number, what: f.what as FaultRecord['what'], lrBefore: f.lrBefore as number, lrAfter: f.lrAfter as number };
  });
}

function setting(v: unknown): SettingRecord {
  if (!isObj(v) || typeof v.key !== 'string' || v.key === '') throw new Error('not a {key, value} setting');
  return { key: v.key, value: parseRunSettingKey(v.key)?.kind === 'rl-trainer' ? trainerState(v.value) : v.value ?? null };
}

/**
 * An RL run's trainer state with Adam's moments as the Float32Arrays rl-host.ts stores: a file has
 * them as number lists (or, written before exportProject listed them, as {"0": x, ...} objects).
 */
function trainerState(value: unknown): unknown {
  if (!isObj(value) || !isObj(value.state) || !isObj(value.state.adam) || !Array.isArray(value.state.adam.moments)) return value;
  const moments = value.state.adam.moments.map((m: unknown, i) => {
    const v = isObj(m) ? m.values : undefined;
    const list = Array.isArray(v) ? v : isObj(v) && Object.keys(v).every((k, j) => k === String(j)) ? Object.values(v) : undefined;
    if (!isObj(m) || !list?.every((x) => typeof x === 'number')) throw new Error(`the trainer state's moments[${i}] is not a list of numbers`);
    return { ...m, values: Float32Array.from(list as number[]) };
  });
  return { ...value, state: { ...value.state, adam: { ...value.state.adam, moments } } };
}

function promptSet(v: unknown): PromptSetRecord {
  if (!isObj(v)) throw new Error('not an object');
  if (typeof v.name !== 'string' || v.name.trim() === '') throw new Error(`name must be text, but is ${JSON.stringify(v.name)}`);
  if (typeof v.createdAt !== 'string') throw new Error(`createdAt must be text, but is ${JSON.stringify(v.createdAt)}`);
  return { name: v.name, createdAt: v.createdAt, prompts: checkPromptList(v.prompts) };
}

/** Every item of a project file, checked; throws an Error naming the first bad one. */
function parseProject(input: Uint8Array | string) {
  let text: string;
  try {
    text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    throw new Error('Not a project file: it is not UTF-8 text');
  }
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    throw new Error('Not a project file: it is not JSON');
  }
  if (!isObj(file) || file.format !== PROJECT_FORMAT) throw new Error(`Not a project file: it has no "${PROJECT_FORMAT}" format tag`);
  if (!Number.isInteger(file.version) || (file.version as number) < 1) throw new Error(`Corrupt project file: bad version ${JSON.stringify(file.version)}`);
  if ((file.version as number) > PROJECT_VERSION) {
    throw new Error(`This project was made by a newer version of the app (project format ${file.version}; this one reads up to ${PROJECT_VERSION}): update the app`);
  }
  const judgements = each(file, 'judgements', validateJudgement);
  const checkpoints = each(file, 'checkpoints', checkpointEntry);
  unique('checkpoints', checkpoints);
  const runs = each(file, 'runs', run);
  unique('runs', runs);
  const settings = each(file, 'settings', setting);
  const keys = new Set<string>();
  settings.forEach((s, i) => {
    if (keys.has(s.key)) throw new Error(`settings[${i}]: key "${s.key}" appears twice`);
    keys.add(s.key);
  });
  const promptSets = file.promptSets === undefined ? [] : each(file, 'promptSets', promptSet);
  const demonstrations = file.demonstrations === undefined ? [] : each(file, 'demonstrations', checkDemonstrationRecord);
  return { judgements, checkpoints, runs, settings, promptSets, demonstrations };
}


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

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new Error('bytesBase64 is not base64');
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
