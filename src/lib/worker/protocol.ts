// Messages between the main thread and the engine worker: a tagged union each way.
// The main thread never runs a tfjs op; everything below crosses as plain data.
import type { GPTConfig, ModelSize } from '../model/config';
import type { CheckpointMeta } from '../model/checkpoint-format';
import type { DecodingSettings } from '../model/pick-token';
import type { CompletionRecord } from '../feedback/judgement';
import type { LabelingBatch } from '../feedback/simulated-judgement';
import type { RLLabeler, RLRunSettings } from '../engine/rl-run';
import type { FaultRecord } from '../store/fault-record';
import type { EarlyStopMetric } from '../engine/reward-fit-settings';
import type { BeforeAfterRow, PolicyToken, RoundPhase } from '../engine/rlhf-round';
import type { CompareMethod, CompareSettings } from '../engine/compare-settings';
import type { ContextDistillationSettings } from '../engine/context-distillation-settings';
import type { SimulatedLabelerSettings } from '../feedback/simulated-judgement';
import type { BundledModelId } from '../util/bundled-models';

export const BACKENDS = ['webgpu', 'wasm', 'webgl', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

/** The most wasm threads ?threads= may ask for (tfjs's thread pool holds 8 workers). */
export const MAX_WASM_THREADS = 8;

/** ?threads=N as a thread count, or undefined when absent or not 1..MAX_WASM_THREADS. */
export function parseWasmThreads(x: string | null): number | undefined {
  const n = Number(x);
  return x !== null && Number.isInteger(n) && n >= 1 && n <= MAX_WASM_THREADS ? n : undefined;
}

export function isBackendName(x: unknown): x is BackendName {
  return typeof x === 'string' && (BACKENDS as readonly string[]).includes(x);
}

export interface BackendChoice {
  name: BackendName;
  /** Why this backend: shown on the badge. */
  reason: string;
  /** The WebGPU adapter, when there is one. */
  adapter?: string;
  /** On wasm: the threads XNNPACK computes with (more than 1 only on a cross-origin isolated page). */
  threads?: number;
}

export interface ModelInfo {
  name: string;
  config: GPTConfig;
  parameters: number;
  /** Its tokenizer in words, e.g. "byte-level BPE, 2048 tokens". */
  tokenizer: string;
  /** The stored checkpoint this model was loaded from, if any. */
  checkpointId?: number;
  /** The bundled model it was loaded from, if it is one unchanged. */
  bundled?: BundledModelId;
  meta: CheckpointMeta;
}

/** One generated token as the token view shows it: its id, its text, the model's probability of it. */
export interface TokenPiece {
  id: number;
  text: string;
  p: number;
}

/** One token of a probed completion and the reward read after the prefix that ends with it (normalised). */
export interface RewardPrefixPiece {
  text: string;
  reward: number;
}

export interface GenerateSettings extends DecodingSettings {
  maxTokens: number;
  seed: number;
  /** Number of samples. */
  n: number;
  /** End a sample at its end-of-text token (a paragraph end in the bundled corpus). */
  stopAtEos: boolean;
}

/** The bundled books, text the person gave, or the story world (written as training reads it). */
export type CorpusChoice = { kind: 'bundled' } | { kind: 'text'; text: string } | { kind: 'storyworld'; worldSeed: number };

export interface PretrainRequest {
  /**
   * Start from fresh weights of a size, or continue training the current model. Fresh weights come
   * with a byte-level BPE tokenizer trained on the chosen corpus first, or keep the current model's.
   */
  from: { kind: 'scratch'; size: ModelSize; seed: number; tokenizer: TokenizerChoice } | { kind: 'current' };
  corpus: CorpusChoice;
  steps: number;
  batchSize: number;
  learningRate: number;
  /** Show a sample every this many steps (0: never). */
  sampleEvery: number;
  seed: number;
}

export type TokenizerChoice = { kind: 'train-bpe'; vocabSize: number } | { kind: 'keep' };

/** A pretraining autosave found at start (worker/pretrain-autosave.ts), as the Pretrain panel offers it. */
export interface PretrainAutosaveOffer {
  savedAt: string;
  /** The model's name, as it was. */
  name: string;
  step: number;
  totalSteps: number;
}

/** Supervised fine-tuning of the model in use on stored demonstrations (engine/sft.ts). */
export interface SFTRequest {
  /** Demonstration keys (store/demonstrations.ts) to train on; null: all of them. */
  keys: string[] | null;
  epochs: number;
  learningRate: number;
  /** Demonstrations per step. */
  batchSize: number;
  seed: number;
}

/**
 * Context distillation of the model in use (engine/context-distillation.ts): trained in place,
 * without `prefix`, towards what a frozen copy of it taken at the start says with it.
 */
export interface DistillRequest {
  /** The context only the teacher sees, e.g. "Be kind and cheerful. " (non-empty). */
  prefix: string;
  settings: Omit<ContextDistillationSettings, 'prefix'>;
  /** Optimizer steps, each on settings.batchSize prompts. */
  steps: number;
  /** The prompts each step draws from. */
  prompts: string[];
}

/** Where one labeling completion comes from: a stored checkpoint (or the current model) at a temperature. */
export interface LabelSource {
  /** A stored checkpoint; absent: the model in use. */
  checkpointId?: number;
  temperature: number;
}

/** K completions of one prompt for the labeling screen. Completion i uses sources[i % sources.length]. */
export interface LabelSampleRequest {
  requestId: number;
  prompt: string;
  k: number;
  maxTokens: number;
  seed: number;
  /** One source: all K from the model in use; several: "a tournament of models". */
  sources: LabelSource[];
}

export interface RewardTrainRequest {
  /** Train on the judgements of these labelers only; null: everyone's. */
  labelers: string[] | null;
  /** Preference-model pretraining: first train on these labelers' judgements (an imported set, say). */
  pretrainLabelers: string[];
  /** Start from the language model in use (fresh reward head), or keep training the current reward model. */
  from: 'language-model' | 'reward-model';
  epochs: number;
  /** At least this many steps per stage (DEFAULT_REWARD_FIT's when left out). */
  minSteps?: number;
  learningRate: number;
  /** Judgements per batch. */
  batchSize: number;
  /** Share of judgements held out to measure accuracy, 0..0.5. */
  heldoutFraction: number;
  /** Early stopping (engine/reward-fit-settings.ts; DEFAULT_REWARD_FIT's when left out). */
  validationShare?: number;
  earlyStopOn?: EarlyStopMetric;
  seed: number;
}

/** The reward model in the worker, as the UI shows it. */
export interface RewardModelInfo {
  checkpointId?: number;
  createdAt: string;
  judgements: number;
  comparisons: number;
  heldoutAccuracy: number;
  /** Raw rewards of reference-policy samples have this mean and std; RL sees (r - mean) / std. */
  normalization: { mean: number; std: number; samples: number };
}

export interface LabelerAgreement {
  labeler: string;
  judgements: number;
  comparisons: number;
  /** Pairwise agreement with a reward model trained on everyone else's judgements. */
  agreement: number;
  /** Far below the others (a troll, or someone answering a different question). */
  flagged: boolean;
}

/** A Compare screen run (engine/method-comparison.ts): every method on the same judgements. */
export interface CompareRequest {
  methods: CompareMethod[];
  settings: CompareSettings;
  /** A simulated labeler judges settings.comparisons pairs of the model's samples, or the stored judgements are used (null: everyone's). */
  feedback: { kind: 'simulated'; labeler: SimulatedLabelerSettings } | { kind: 'stored'; labelers: string[] | null };
  /** The gold judge: a simulated labeler's noiseless score; null when the person judges the samples. */
  gold: Pick<SimulatedLabelerSettings, 'scorer' | 'keywords' | 'keywordMode' | 'topic'> | null;
  /** The first settings.evalPrompts are held out for measuring; the rest feed the RL methods. */
  prompts: string[];
}

export type CompareStatus = 'running' | 'finished' | 'stopped' | 'failed';

export type ToWorker =
  /** testHooks (the ?test-hooks=1 address flag): accept the test/* messages below; never in normal use. */
  /** wasmThreads: wasm's thread count asked with ?threads= (tfjs's own choice is half the cores). */
  | { type: 'init'; backend?: BackendName; wasmThreads?: number; testHooks?: boolean }
  /** Test hooks: destroy the WebGPU device (as a driver reset would); set one weight of the model in use to NaN. */
  | { type: 'test/lose-device' }
  | { type: 'test/poison-weights' }
  /** Test hook: the engine's tensor count and memory (the browser soak reads it every few rounds). */
  | { type: 'test/memory' }
  | { type: 'generate'; requestId: number; prompt: string; settings: GenerateSettings }
  | { type: 'generate/stop' }
  | { type: 'pretrain/start'; request: PretrainRequest }
  | { type: 'pretrain/pause' }
  | { type: 'pretrain/resume' }
  | { type: 'pretrain/stop' }
  /** Makes the autosaved model the model in use; resume: and train on to its run's last step. */
  | { type: 'pretrain/restore'; resume: boolean }
  | { type: 'pretrain/discard' }
  /** SFT trains the model in use in place: afterwards it is the SFT model (checkpoint kind 'sft'). */
  | { type: 'sft/start'; request: SFTRequest }
  | { type: 'sft/pause' }
  | { type: 'sft/resume' }
  | { type: 'sft/stop' }
  /** Context distillation trains the model in use in place: afterwards it is kind 'distilled'. */
  | { type: 'distill/start'; request: DistillRequest }
  | { type: 'distill/pause' }
  | { type: 'distill/resume' }
  | { type: 'distill/stop' }
  | { type: 'checkpoint/save'; name: string }
  | { type: 'checkpoint/load'; id: number }
  | { type: 'checkpoint/load-bundled'; id: BundledModelId }
  | { type: 'label/sample'; request: LabelSampleRequest }
  | { type: 'reward/train'; request: RewardTrainRequest }
  | { type: 'reward/stop' }
  | { type: 'reward/score'; requestId: number; items: Array<{ prompt: string; completion: string }> }
  /** The reward after every token prefix of one completion (at most engine/prefix-rewards.ts MAX_PREFIX_TOKENS tokens). */
  | { type: 'reward/score-prefixes'; requestId: number; prompt: string; completion: string }
  | { type: 'reward/troll-check'; requestId: number; labelers: string[] | null }
  /** Starts an RL run (see RLRunSettings), or resumes a stored one from its last round. */
  | { type: 'rl/start'; settings: RLRunSettings }
  | { type: 'rl/resume-run'; runId: number }
  | { type: 'rl/pause' }
  | { type: 'rl/resume' }
  | { type: 'rl/stop' }
  /** Stops the run and drops its policy: the next run starts from the model in use again. */
  | { type: 'rl/reset' }
  /** The judgements of a round's feedback request are in IndexedDB. */
  | { type: 'rl/feedback-done'; round: number }
  | { type: 'compare/start'; request: CompareRequest }
  | { type: 'compare/stop' };

export type RewardStatus = 'running' | 'finished' | 'stopped' | 'failed';

export type PretrainStatus = 'running' | 'paused' | 'stopped' | 'finished';

export type SFTStatus = 'running' | 'paused' | 'stopped' | 'finished';

export type DistillStatus = 'running' | 'paused' | 'stopped' | 'finished';

export type FromWorker =
  | { type: 'ready'; backend: BackendChoice; model: ModelInfo; loadMs: number }
  | { type: 'model/changed'; model: ModelInfo }
  | { type: 'generate/progress'; requestId: number; texts: string[]; tokens: number }
  | { type: 'generate/done'; requestId: number; texts: string[]; tokens: number; tokensPerSecond: number; pieces: TokenPiece[][] }
  | { type: 'pretrain/progress'; step: number; totalSteps: number; loss: number; tokensPerSecond: number; tokensSeen: number; elapsedMs: number }
  | { type: 'pretrain/sample'; step: number; text: string }
  /** Training the tokenizer of a fresh model, before its first step. */
  | { type: 'pretrain/tokenizer'; merges: number; totalMerges: number }
  | { type: 'pretrain/status'; status: PretrainStatus; message?: string }
  /** The stored autosave on offer (at start), or null once it is gone (discarded, restored, replaced by a save). */
  | { type: 'pretrain/autosave-offer'; offer: PretrainAutosaveOffer | null }
  /** The running pretraining was autosaved at this step. */
  | { type: 'pretrain/autosaved'; step: number; savedAt: string }
  /** An autosave was restored: the run's progress and loss chart up to its step. */
  | { type: 'pretrain/restored'; step: number; totalSteps: number; loss: number; tokensSeen: number; elapsedMs: number; losses: Array<{ x: number; y: number }> }
  | { type: 'sft/progress'; step: number; totalSteps: number; epoch: number; loss: number; demonstrations: number; elapsedMs: number }
  | { type: 'sft/status'; status: SFTStatus; message?: string }
  /** kl: the step's mean per-token KL(teacher with the prefix ‖ student without it), in nats, before its update. */
  | { type: 'distill/progress'; step: number; totalSteps: number; kl: number; elapsedMs: number }
  | { type: 'distill/status'; status: DistillStatus; message?: string }
  | { type: 'checkpoint/saved'; id: number; name: string }
  | { type: 'label/samples'; requestId: number; prompt: string; promptIds: number[]; completions: CompletionRecord[] }
  | { type: 'reward/progress'; phase: 'pretrain' | 'train' | 'normalize'; step: number; totalSteps: number; epoch: number; loss: number; trainAccuracy?: number; heldoutAccuracy?: number }
  | { type: 'reward/status'; status: RewardStatus; message?: string }
  /** The reward model in use changed (trained, or found in storage at start). null: none yet. */
  | { type: 'reward/model'; model: RewardModelInfo | null }
  /** Normalised rewards (see RewardModelInfo.normalization) and raw ones, in the order asked. */
  | { type: 'reward/scores'; requestId: number; rewards: number[]; raw: number[] }
  /** Normalised rewards after each token of the completion; base: of the prompt alone (an empty completion). */
  | { type: 'reward/prefix-scores'; requestId: number; base: number; pieces: RewardPrefixPiece[] }
  | { type: 'reward/troll-report'; requestId: number; labelers: LabelerAgreement[] }
  /** The troll check trains one reward model per labeler (the `index`-th of `labelers`): its step. */
  | { type: 'reward/troll-progress'; requestId: number; labeler: string; index: number; labelers: number; step: number; totalSteps: number }
  | { type: 'error'; context: string; message: string }
  /** A training step went NaN and was undone (fault-guard.ts); message is for people. */
  | { type: 'training/fault'; context: 'pretrain' | 'sft' | 'distill' | 'reward' | 'rl'; fault: FaultRecord; message: string }
  /** The GPU device was lost: the engine now runs on `backend`, with the model reloaded. */
  | { type: 'backend/lost'; backend: BackendChoice; message: string }
  /** Answer to test/memory: tf.memory() in the worker now and as the last RL round ended, and its JS heap where the browser tells it. */
  | { type: 'test/memory'; numTensors: number; numBytes: number; heapBytes: number | null; roundEnd: { round: number; numTensors: number; numBytes: number } | null }
  | { type: 'rl/status'; status: RLStatus; runId?: number; round: number; rounds: number; message?: string }
  | { type: 'rl/progress'; phase: RLPhase; step: number; total: number; round: number }
  /** A finished round: its metrics (TRL keys, plus round, rm/heldout_accuracy, eval/*) and policy samples. */
  | { type: 'rl/round'; round: number; metrics: Record<string, number>; samples: string[] }
  /** Completions to judge; answered with rl/feedback-done once the judgements are stored. */
  | { type: 'rl/feedback-request'; round: number; labeler: RLLabeler; batches: LabelingBatch[] }
  | { type: 'rl/before-after'; round: number; rows: BeforeAfterRow[] }
  /** A start or resume refused: another tab trains RL (run runId, when known); see run-lock.ts. */
  | { type: 'rl/locked'; runId?: number }
  | { type: 'compare/status'; status: CompareStatus; runId?: number; message?: string }
  /** stage: 'judgements', 'reward model', or the method in training. */
  | { type: 'compare/progress'; stage: string; step: number; total: number }
  /** A method's result is in IndexedDB (store/comparison-runs.ts). */
  | { type: 'compare/result'; runId: number; method: CompareMethod };

export type RLStatus = 'idle' | 'running' | 'paused' | 'stopped' | 'finished' | 'failed';
export type RLPhase = RoundPhase;

export type { BeforeAfterRow, PolicyToken };
