// A whole project as one file (as Teachable Machine saves one): judgements, checkpoints with
// their weights, training runs, settings, prompt sets and demonstrations, in UTF-8 JSON:
//   {format: 'rlhf-playground-project', version, exportedAt, judgements, checkpoints: [{record, bytesBase64}], runs, settings, promptSets, demonstrations}
// (promptSets and demonstrations came later; a file without them still opens. Edits on the
// labeling screen travel as judgements, which is where demonstrations.ts reads them from.)
// Importing validates every item before writing any, then adds them all in one transaction.
import type { Judgement } from '../feedback/judgement';
import { decodeCheckpoint } from '../model/checkpoint-format';
import { saveCheckpoint } from './checkpoints';
import type { CheckpointRecord, DemonstrationRecord, PlaygroundDB, PromptSetRecord, RunRecord, SettingRecord } from './db';
import { checkDemonstrationRecord } from './demonstrations';
import { validateJudgement } from './judgements';
import { checkPromptList } from './prompt-set-formats';

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
    runs, settings, promptSets, demonstrations,
  };
  // JSON has no NaN: a diverged run's NaN metrics go out as null and come back as NaN.
  return new TextEncoder().encode(JSON.stringify(file));
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

function checkpointEntry(v: unknown): { oldId?: number; name: string; bytes: Uint8Array } {
  if (!isObj(v) || !isObj(v.record)) throw new Error('not a {record, bytesBase64} entry');
  if (typeof v.bytesBase64 !== 'string') throw new Error('bytesBase64 is missing');
  const bytes = fromBase64(v.bytesBase64);
  decodeCheckpoint(bytes); // throws naming the problem: truncated, NaN, shapes, newer version
  return { oldId: optionalId(v.record.id, 'record.id'), name: typeof v.record.name === 'string' ? v.record.name : 'Checkpoint', bytes };
}

function run(v: unknown): RunRecord {
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
  const r: RunRecord = { kind: v.kind, name: v.name as string, createdAt: v.createdAt as string, settings: v.settings ?? null, metrics, status: v.status as string };
  const checkpointId = optionalId(v.checkpointId, 'checkpointId');
  if (checkpointId !== undefined) r.checkpointId = checkpointId;
  return r;
}

function setting(v: unknown): SettingRecord {
  if (!isObj(v) || typeof v.key !== 'string' || v.key === '') throw new Error('not a {key, value} setting');
  return { key: v.key, value: v.value ?? null };
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
  const seen = new Set<number>();
  checkpoints.forEach((c, i) => {
    if (c.oldId === undefined) return;
    if (seen.has(c.oldId)) throw new Error(`checkpoints[${i}]: id ${c.oldId} is used twice`);
    seen.add(c.oldId);
  });
  const runs = each(file, 'runs', run);
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
 * Adds a project file's contents to the database, all or nothing. Items get new ids; runs and
 * sampled completions follow their checkpoints' new ids (a link to a checkpoint not in the file is
 * dropped). Settings already set here are kept.
 */
export async function importProject(db: PlaygroundDB, input: Uint8Array | string): Promise<{ judgements: number; checkpoints: number; runs: number }> {
  const p = parseProject(input);
  const tables = [db.judgements, db.checkpoints, db.checkpointBytes, db.runs, db.settings, db.promptSets, db.demonstrations];
  await db.transaction('rw', tables, async () => {
    const newId = new Map<number, number>();
    for (const c of p.checkpoints) {
      const id = await saveCheckpoint(db, c.bytes, c.name);
      if (c.oldId !== undefined) newId.set(c.oldId, id);
    }
    const follow = <T extends { checkpointId?: number }>(x: T): T => {
      const { checkpointId, ...rest } = x;
      const id = checkpointId === undefined ? undefined : newId.get(checkpointId);
      return (id === undefined ? rest : { ...rest, checkpointId: id }) as T;
    };
    await db.runs.bulkAdd(p.runs.map(follow));
    await db.judgements.bulkAdd(p.judgements.map(({ id: _, ...j }) => ({
      ...j, completions: j.completions.map((c) => (c.source.kind === 'sample' ? { ...c, source: follow(c.source) } : c)),
    })));
    const have = new Set(await db.settings.toCollection().primaryKeys());
    await db.settings.bulkAdd(p.settings.filter((s) => !have.has(s.key)));
    await db.promptSets.bulkAdd(p.promptSets);
    await db.demonstrations.bulkAdd(p.demonstrations);
  });
  return { judgements: p.judgements.length, checkpoints: p.checkpoints.length, runs: p.runs.length };
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
