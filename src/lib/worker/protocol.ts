// Messages between the main thread and the engine worker: a tagged union each way.
// The main thread never runs a tfjs op; everything below crosses as plain data.
import type { GPTConfig, ModelSize } from '../model/config';
import type { CheckpointMeta } from '../model/checkpoint-format';
import type { DecodingSettings } from '../model/pick-token';

export const BACKENDS = ['webgpu', 'wasm', 'webgl', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

export function isBackendName(x: unknown): x is BackendName {
  return typeof x === 'string' && (BACKENDS as readonly string[]).includes(x);
}

export interface BackendChoice {
  name: BackendName;
  /** Why this backend: shown on the badge. */
  reason: string;
  /** The WebGPU adapter, when there is one. */
  adapter?: string;
}

export interface ModelInfo {
  name: string;
  config: GPTConfig;
  parameters: number;
  /** The stored checkpoint this model was loaded from, if any. */
  checkpointId?: number;
  meta: CheckpointMeta;
}

export interface GenerateSettings extends DecodingSettings {
  maxTokens: number;
  seed: number;
  /** Number of samples. */
  n: number;
  /** End a sample at its end-of-text token (a paragraph end in the bundled corpus). */
  stopAtEos: boolean;
}

export type CorpusChoice = { kind: 'bundled' } | { kind: 'text'; text: string };

export interface PretrainRequest {
  /** Start from fresh weights of a size, or continue training the current model. */
  from: { kind: 'scratch'; size: ModelSize; seed: number } | { kind: 'current' };
  corpus: CorpusChoice;
  steps: number;
  batchSize: number;
  learningRate: number;
  /** Show a sample every this many steps (0: never). */
  sampleEvery: number;
  seed: number;
}

export type ToWorker =
  | { type: 'init'; backend?: BackendName }
  | { type: 'generate'; requestId: number; prompt: string; settings: GenerateSettings }
  | { type: 'generate/stop' }
  | { type: 'pretrain/start'; request: PretrainRequest }
  | { type: 'pretrain/pause' }
  | { type: 'pretrain/resume' }
  | { type: 'pretrain/stop' }
  | { type: 'checkpoint/save'; name: string }
  | { type: 'checkpoint/load'; id: number }
  | { type: 'checkpoint/load-starter' };

export type PretrainStatus = 'running' | 'paused' | 'stopped' | 'finished';

export type FromWorker =
  | { type: 'ready'; backend: BackendChoice; model: ModelInfo; loadMs: number }
  | { type: 'model/changed'; model: ModelInfo }
  | { type: 'generate/progress'; requestId: number; texts: string[]; tokens: number }
  | { type: 'generate/done'; requestId: number; texts: string[]; tokens: number; tokensPerSecond: number }
  | { type: 'pretrain/progress'; step: number; totalSteps: number; loss: number; tokensPerSecond: number; tokensSeen: number; elapsedMs: number }
  | { type: 'pretrain/sample'; step: number; text: string }
  | { type: 'pretrain/status'; status: PretrainStatus; message?: string }
  | { type: 'checkpoint/saved'; id: number; name: string }
  | { type: 'error'; context: string; message: string };
