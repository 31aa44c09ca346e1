// The main thread's view of the engine worker: reactive fields the screens render, and methods
// that send the worker typed messages. No tfjs here.
import { getContext, setContext } from 'svelte';
import { EngineClient } from '../../lib/worker/client';
import type { BundledModelId } from '../../lib/util/bundled-models';
import type {
  BackendChoice, BackendName, GenerateSettings, ModelInfo, PretrainAutosaveOffer, PretrainRequest, PretrainStatus, TokenPiece,
} from '../../lib/worker/protocol';

export interface Point { x: number; y: number }

/** Something the engine did on its own that people must know: an undone training step, a lost GPU. */
export interface EngineNotice { id: number; kind: 'fault' | 'backend'; text: string }

export class EngineState {
  readonly client = new EngineClient();
  backend = $state<BackendChoice | null>(null);
  model = $state<ModelInfo | null>(null);
  loadMs = $state(0);
  /** A failure to start at all (no backend, starter missing). */
  fatal = $state('');

  generation = $state({
    running: false, requestId: 0, prompt: '', texts: [] as string[], tokens: 0, tokensPerSecond: 0, error: '',
    /** Each finished sample's tokens, for the token view (empty while generating). */
    pieces: [] as TokenPiece[][],
  });

  pretrain = $state({
    status: 'idle' as PretrainStatus | 'idle' | 'starting',
    step: 0, totalSteps: 0, loss: NaN, tokensPerSecond: 0, tokensSeen: 0, elapsedMs: 0,
    losses: [] as Point[], samples: [] as { step: number; text: string }[], message: '',
    /** The step and time of the running pretraining's last autosave (null: none yet). */
    autosaved: null as { step: number; savedAt: string } | null,
    /** Merges learnt so far while a fresh model's tokenizer trains (null: not training one). */
    tokenizer: null as { merges: number; totalMerges: number } | null,
  });
  /** Unsaved pretraining found in storage at start, offered back until restored or discarded. */
  pretrainOffer = $state<PretrainAutosaveOffer | null>(null);

  /** A save's or load's outcome; `savedFrom` names the panel that asked for the last save, which shows it. */
  checkpoints = $state({ busy: false, message: '', error: '', savedFrom: '' });
  /** Newest last; the header shows the last few. */
  notices = $state<EngineNotice[]>([]);

  constructor(forcedBackend?: BackendName, wasmThreads?: number) {
    const c = this.client;
    const notice = (kind: EngineNotice['kind'], text: string) => this.notices.push({ id: this.notices.length + 1, kind, text });
    const faultContext = { pretrain: 'Pretraining', sft: 'Fine-tuning (SFT)', distill: 'Context distillation', reward: 'Reward model', rl: 'RL' } as const;
    c.on('training/fault', (m) => notice('fault', `${faultContext[m.context]}: ${m.message}`));
    c.on('backend/lost', (m) => { this.backend = m.backend; notice('backend', m.message); });
    c.on('ready', (m) => { this.backend = m.backend; this.model = m.model; this.loadMs = m.loadMs; });
    // loadMs is the starter's load time at start-up: not shown once another model is in use.
    c.on('model/changed', (m) => { this.model = m.model; this.loadMs = 0; this.checkpoints.busy = false; });
    c.on('generate/progress', (m) => {
      if (m.requestId !== this.generation.requestId) return;
      this.generation.texts = m.texts;
      this.generation.tokens = m.tokens;
    });
    c.on('generate/done', (m) => {
      if (m.requestId !== this.generation.requestId) return;
      Object.assign(this.generation, { running: false, texts: m.texts, tokens: m.tokens, tokensPerSecond: m.tokensPerSecond, pieces: m.pieces });
    });
    c.on('pretrain/progress', (m) => {
      const p = this.pretrain;
      p.tokenizer = null;
      Object.assign(p, { step: m.step, totalSteps: m.totalSteps, loss: m.loss, tokensPerSecond: m.tokensPerSecond, tokensSeen: m.tokensSeen, elapsedMs: m.elapsedMs });
      p.losses.push({ x: m.step, y: m.loss });
    });
    c.on('pretrain/autosave-offer', (m) => { this.pretrainOffer = m.offer; });
    c.on('pretrain/autosaved', (m) => { this.pretrain.autosaved = { step: m.step, savedAt: m.savedAt }; });
    c.on('pretrain/restored', (m) => {
      Object.assign(this.pretrain, {
        status: m.step >= m.totalSteps ? 'finished' : 'stopped', step: m.step, totalSteps: m.totalSteps, loss: m.loss,
        tokensSeen: m.tokensSeen, elapsedMs: m.elapsedMs, tokensPerSecond: m.tokensSeen / Math.max(m.elapsedMs / 1000, 1e-3),
        losses: m.losses, samples: [], message: '', autosaved: null,
      });
    });
    c.on('pretrain/sample', (m) => { this.pretrain.samples.unshift(m); });
    c.on('pretrain/tokenizer', (m) => { this.pretrain.tokenizer = { merges: m.merges, totalMerges: m.totalMerges }; });
    c.on('pretrain/status', (m) => {
      this.pretrain.status = m.status;
      if (m.message) this.pretrain.message = m.message;
    });
    c.on('checkpoint/saved', (m) => { this.checkpoints.message = `Saved "${m.name}"`; this.checkpoints.busy = false; });
    c.on('error', (m) => {
      if (m.context === 'init' || m.context === 'worker') this.fatal = m.message;
      else if (m.context === 'generate') Object.assign(this.generation, { running: false, error: m.message });
      else if (m.context.startsWith('pretrain')) {
        this.pretrain.message = m.message;
        // A restore refused before any training started leaves nothing starting.
        if (m.context === 'pretrain/restore' && this.pretrain.status === 'starting') this.pretrain.status = 'idle';
      }
      // Phases 2 and 3, SFT and distillation show their own errors (reward-state, rl-state, sft-state, distill-state).
      else if (/^(label|reward|rl|sft|distill)\//.test(m.context)) return;
      else Object.assign(this.checkpoints, { busy: false, error: m.message, message: '' });
    });
    // ?test-hooks=1 lets the browser tests lose the GPU or poison a weight (never in normal use).
    const testHooks = new URLSearchParams(location.search).get('test-hooks') === '1';
    if (testHooks) {
      (globalThis as { rlhfTestHooks?: unknown }).rlhfTestHooks = {
        loseDevice: () => c.send({ type: 'test/lose-device' }),
        poisonWeights: () => c.send({ type: 'test/poison-weights' }),
        memory: () => new Promise((resolve) => {
          const off = c.on('test/memory', (m) => { off(); resolve(m); });
          c.send({ type: 'test/memory' });
        }),
      };
    }
    c.send({ type: 'init', backend: forcedBackend, wasmThreads, testHooks });
  }

  get ready(): boolean {
    return this.backend !== null && this.model !== null;
  }

  /** Pretraining is starting, running or paused: nothing else may train the model in use. */
  get pretraining(): boolean {
    return this.pretrain.status === 'starting' || this.pretrain.status === 'running' || this.pretrain.status === 'paused';
  }

  generate(prompt: string, settings: GenerateSettings): void {
    const requestId = this.generation.requestId + 1;
    Object.assign(this.generation, { running: true, requestId, prompt, texts: [], tokens: 0, tokensPerSecond: 0, error: '', pieces: [] });
    this.client.send({ type: 'generate', requestId, prompt, settings: { ...settings } });
  }

  stopGeneration(): void {
    this.client.send({ type: 'generate/stop' });
  }

  startPretraining(request: PretrainRequest): void {
    Object.assign(this.pretrain, { status: 'starting', step: 0, totalSteps: request.steps, loss: NaN, losses: [], samples: [], message: '', tokensPerSecond: 0, elapsedMs: 0, autosaved: null, tokenizer: null });
    this.client.send({ type: 'pretrain/start', request: $state.snapshot(request) as PretrainRequest });
  }

  pausePretraining = () => this.client.send({ type: 'pretrain/pause' });
  resumePretraining = () => this.client.send({ type: 'pretrain/resume' });
  stopPretraining = () => this.client.send({ type: 'pretrain/stop' });

  /** Makes the offered autosave the model in use; resume: and trains on to its last step. */
  restorePretraining(resume: boolean): void {
    this.pretrainOffer = null;
    if (resume) this.pretrain.status = 'starting';
    this.client.send({ type: 'pretrain/restore', resume });
  }

  discardPretraining(): void {
    this.pretrainOffer = null;
    this.client.send({ type: 'pretrain/discard' });
  }

  /** Saves the model in use; `from` names the asking panel, so only that one shows the outcome. */
  saveCheckpoint(name: string, from = ''): void {
    Object.assign(this.checkpoints, { busy: true, error: '', message: '', savedFrom: from });
    this.client.send({ type: 'checkpoint/save', name });
  }

  loadCheckpoint(id: number | BundledModelId): void {
    Object.assign(this.checkpoints, { busy: true, error: '', message: '', savedFrom: '' });
    this.client.send(typeof id === 'number' ? { type: 'checkpoint/load', id } : { type: 'checkpoint/load-bundled', id });
  }
}

const KEY = Symbol('engine');
export const setEngine = (e: EngineState) => setContext(KEY, e);
export const useEngine = () => getContext<EngineState>(KEY);
