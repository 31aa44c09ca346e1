// The app's IndexedDB database (Dexie). Schema changes add a version here, never edit an old one.
import Dexie, { type Table } from 'dexie';
import type { Comparison } from './comparison-runs';
import type { FaultRecord } from './fault-record';
import type { Judgement } from '../feedback/judgement';
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

/** One training run (reward model or RL), kept so its settings and curves can be looked at later. */
export interface RunRecord {
  id?: number;
  kind: 'reward' | 'rl' | 'compare';
  name: string;
  createdAt: string;
  settings: unknown;
  /** One entry per logged step, e.g. {step, 'loss/reward': 0.6}. */
  metrics: Array<Record<string, number>>;
  /** The checkpoint the run saved, if any. */
  checkpointId?: number;
  status: string;
  /** Training steps undone for a NaN or Infinity (not indexed: no schema change). */
  faults?: FaultRecord[];
  /** A Compare screen run: what was asked and each method's result (comparison-runs.ts; not indexed). */
  comparison?: Comparison;
}

/** Prompts a person uploaded, picked beside the bundled ones when labeling and in RL runs. */
export interface PromptSetRecord {
  id?: number;
  name: string;
  createdAt: string;
  prompts: string[];
}

/**
 * A demonstration for supervised fine-tuning (InstructGPT's step 1): a prompt and the response a
 * person would want, typed on the Language model tab or imported. Edits on the labeling screen
 * are demonstrations too, but they stay judgements and are read as demonstrations (demonstrations.ts).
 */
export interface DemonstrationRecord {
  id?: number;
  prompt: string;
  response: string;
  /** The labeler name the person set, or 'import'. */
  author: string;
  createdAt: string;
  /** 'edit' only for demonstrations read from edit judgements, never stored in this table. */
  source: 'typed' | 'edit' | 'import';
  /** Fields of an imported line besides prompt and completion, written back on export (not indexed). */
  extra?: Record<string, unknown>;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

export class PlaygroundDB extends Dexie {
  checkpoints!: Table<CheckpointRecord, number>;
  checkpointBytes!: Table<CheckpointBytes, number>;
  judgements!: Table<Judgement, number>;
  runs!: Table<RunRecord, number>;
  settings!: Table<SettingRecord, string>;
  promptSets!: Table<PromptSetRecord, number>;
  demonstrations!: Table<DemonstrationRecord, number>;

  constructor(name = 'rlhf-playground') {
    super(name);
    this.version(1).stores({
      checkpoints: '++id, createdAt, kind',
      checkpointBytes: 'id',
    });
    this.version(2).stores({
      judgements: '++id, createdAt, labeler',
      runs: '++id, kind, createdAt',
      settings: 'key',
    });
    this.version(3).stores({
      promptSets: '++id, createdAt',
    });
    this.version(4).stores({
      demonstrations: '++id, createdAt',
    });
  }
}

let shared: PlaygroundDB | undefined;

/** The database of this origin, opened once per thread (main thread and worker each have one). */
export function getDB(): PlaygroundDB {
  return (shared ??= new PlaygroundDB());
}
