// The model in use: the one the Language model tab generates with, pretraining and SFT train in
// place, and a new RL run takes as its reference. One slot in the worker; every change to which
// model it holds goes through here, under the engine's lock, and is told to the page.
import type { CheckpointMeta } from '../model/checkpoint-format';
import { modelFromCheckpointBytes, modelToCheckpointBytes } from '../model/checkpoint';
import { countParameters } from '../model/config';
import { disposeLanguageModel, type LanguageModel } from '../model/language-model';
import { describeTokenizer } from '../model/tokenizer';
import { getDB } from '../store/db';
import { readCheckpointBytes, saveCheckpoint } from '../store/checkpoints';
import type { BundledModelId } from '../util/bundled-models';
import type { Lock } from '../util/lock';
import type { FromWorker, ModelInfo } from './protocol';

export type LoadedModel = { model: LanguageModel; meta: CheckpointMeta };

export interface ModelSlotContext {
  lock: Lock;
  post: (msg: FromWorker) => void;
  /** A model that ships with the app (the starter at init). */
  loadBundled: (id: BundledModelId) => Promise<LoadedModel>;
  /** Ends any generation before the model it reads is replaced. */
  stopGeneration: () => Promise<void>;
}

export function describeModel(m: LanguageModel, meta: CheckpointMeta, checkpointId?: number): ModelInfo {
  return { name: meta.name, config: m.config, parameters: countParameters(m.config), tokenizer: describeTokenizer(m.tokenizer), checkpointId, meta };
}

export class ModelSlot {
  private held: { model: LanguageModel; info: ModelInfo } | undefined;

  constructor(private readonly ctx: ModelSlotContext) {}

  /** The model in use and what the page knows of it; there is one from the worker's init on. */
  current(): { model: LanguageModel; info: ModelInfo } {
    if (!this.held) throw new Error('No model is loaded yet');
    return this.held;
  }

  get info(): ModelInfo | undefined {
    return this.held?.info;
  }

  /** The model trained in place has new metadata (its name, steps, loss): a save records it. */
  setMeta(meta: CheckpointMeta): void {
    const { model, info } = this.current();
    this.held = { model, info: { ...info, name: meta.name, meta } };
  }

  /** The first model, at init (nothing to stop or dispose yet, and not told: 'ready' carries it). */
  init(loaded: LoadedModel, bundled: BundledModelId = 'starter'): ModelInfo {
    this.held = { model: loaded.model, info: { ...describeModel(loaded.model, loaded.meta), bundled } };
    return this.held.info;
  }

  /** Replaces the model in use (under the lock, after any generation has stopped) and tells the page. */
  async swap(next: LanguageModel, meta: CheckpointMeta, checkpointId?: number): Promise<void> {
    await this.ctx.stopGeneration();
    await this.ctx.lock.run(() => this.replace(next, meta, checkpointId));
    this.ctx.post({ type: 'model/changed', model: this.current().info });
  }

  /** The swap itself, for a caller that already holds the lock. */
  replace(next: LanguageModel, meta: CheckpointMeta, checkpointId?: number, bundled?: BundledModelId): void {
    if (this.held) disposeLanguageModel(this.held.model);
    this.held = { model: next, info: { ...describeModel(next, meta, checkpointId), ...(bundled ? { bundled } : {}) } };
  }

  /** Stores the model in use as a checkpoint named `name`; it is then that checkpoint. */
  async save(name: string): Promise<void> {
    const trimmed = name.trim();
    if (!trimmed) throw new Error('Give the checkpoint a name');
    const { model, info } = this.current();
    const meta: CheckpointMeta = { ...info.meta, name: trimmed.slice(0, 120), createdAt: new Date().toISOString(), parent: info.meta.name };
    const bytes = await this.ctx.lock.run(() => modelToCheckpointBytes(model, meta));
    const id = await saveCheckpoint(getDB(), bytes);
    this.held = { model, info: describeModel(model, meta, id) };
    this.ctx.post({ type: 'checkpoint/saved', id, name: meta.name });
    this.ctx.post({ type: 'model/changed', model: this.held.info });
  }

  /** A stored checkpoint (or a bundled model) read from storage; what a load or a reload after a lost GPU uses. */
  async read(id: number | BundledModelId): Promise<LoadedModel> {
    return typeof id === 'number' ? modelFromCheckpointBytes(await readCheckpointBytes(getDB(), id)) : this.ctx.loadBundled(id);
  }

  /** Makes a stored checkpoint (or a bundled model) the model in use. */
  async load(id: number | BundledModelId): Promise<void> {
    const loaded = await this.read(id);
    if (typeof id === 'number') return this.swap(loaded.model, loaded.meta, id);
    await this.ctx.stopGeneration();
    await this.ctx.lock.run(() => this.replace(loaded.model, loaded.meta, undefined, id));
    this.ctx.post({ type: 'model/changed', model: this.current().info });
  }

  /** Where the model in use can be read again (a lost GPU): its checkpoint, its bundled file, or the starter. */
  source(): number | BundledModelId {
    const info = this.held?.info;
    return info?.checkpointId ?? info?.bundled ?? 'starter';
  }
}
