// What a project file is: its format tag, version and shape, and parseProject, which checks every
// item of one before anything is written (project-import.ts then adds them). Apart from the import
// and export so that the rules for a valid file read in one place.
//   {format: 'rlhf-playground-project', version, exportedAt, judgements, checkpoints: [{record, bytesBase64}], runs, settings, promptSets, demonstrations}
// (promptSets and demonstrations came later; a file without them still opens.)
import { parseComparison } from './comparison-runs';
import { fromBase64 } from './base64';
import type { FaultRecord } from './fault-record';
import type { Judgement } from '../feedback/judgement';
import { decodeCheckpoint, type CheckpointMeta } from '../model/checkpoint-format';
import type { CheckpointRecord, DemonstrationRecord, PromptSetRecord, RunRecord, SettingRecord } from './db';
import { checkDemonstrationRecord } from './demonstrations';
import { validateJudgement } from './judgements';
import { checkPromptList } from './prompt-set-formats';
import { parseRunSettingKey } from './run-settings';

export const PROJECT_FORMAT = 'rlhf-playground-project';
export const PROJECT_VERSION = 1;

export interface ProjectFile {
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

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

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
  const bytes = fromBase64(v.bytesBase64, 'bytesBase64');
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
  if (v.kind !== 'reward' && v.kind !== 'rl' && v.kind !== 'compare') throw new Error(`kind must be "reward", "rl" or "compare", but is ${JSON.stringify(v.kind)}`);
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
  if (v.kind === 'compare') r.comparison = parseComparison(v.comparison);
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
export function parseProject(input: Uint8Array | string) {
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
