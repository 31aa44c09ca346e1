// The engine's home in the browser: a dedicated Web Worker that owns the tfjs backend and the
// current model. It answers the typed messages of protocol.ts; the main thread only renders.
//
// One lock serialises every use of the model at the grain of one token step, one training step,
// one save or one swap, so generation and training interleave and a save sees consistent weights.
import * as tf from '@tensorflow/tfjs';
import type { CheckpointMeta } from '../model/checkpoint-format';
import { countParameters, MODEL_SIZES } from '../model/config';
import { modelFromCheckpointBytes, modelToCheckpointBytes } from '../model/checkpoint';
import { createLanguageModel, disposeLanguageModel, type LanguageModel } from '../model/language-model';
import { promptContext, sampleStream, validateSampleSettings, type SampleStep } from '../model/sample';
import { EOS, createTokenizer, describeTokenizer } from '../model/tokenizer';
import { MAX_BPE_VOCAB, MIN_BPE_VOCAB, trainBPE } from '../model/bpe-training';
import { corpusDocuments, Pretraining, trainedFurtherName } from '../engine/pretraining';
import { getDB } from '../store/db';
import { readCheckpointBytes, saveCheckpoint } from '../store/checkpoints';
import { deleteAutosave, readAutosave, saveAutosave, type PretrainAutosave } from './pretrain-autosave';
import { Lock } from '../util/lock';
import { yieldToEventLoop } from '../util/yield-to-event-loop';
import { describeFault, type FaultRecord } from '../store/fault-record';
import { chooseBackend, destroyWebGPUDevice, fallBackFrom, watchDeviceLoss } from './browser-backend';
import { poisonOneWeight } from './test-hooks';
import { RewardHost } from './reward-host';
import { RLHost } from './rl-host';
import { SFTHost } from './sft-host';
import type { BackendChoice, FromWorker, GenerateSettings, ModelInfo, PretrainRequest, ToWorker } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: FromWorker) => scope.postMessage(msg);
const asset = (path: string) => `${import.meta.env.BASE_URL}${path}`;

const lock = new Lock();
let model: LanguageModel | undefined;
let info: ModelInfo | undefined;
let ready: Promise<void> | undefined;
let backend: BackendChoice | undefined;
/** ?test-hooks=1: the test/* messages are accepted. */
let testHooks = false;
let generation = { requestId: 0, stopped: true, done: Promise.resolve() };
/** lost: the GPU went with the run's tensors (nothing of it can be read back to autosave). */
interface TrainingRun { paused: boolean; stopped: boolean; lost?: boolean; resume?: () => void; done: Promise<void> }
/** A running pretraining saves itself this often (of training time), so a reload loses at most this much. */
const AUTOSAVE_EVERY_MS = 15_000;
let training: TrainingRun | undefined;
const reward = new RewardHost({ lock, post, policy: () => ({ model: model!, info: info! }) });
/** With test hooks: tf.memory() as each RL round ends (a fixed point of the loop, for the soak bench). */
let roundEndMemory: { round: number; numTensors: number; numBytes: number } | null = null;
const rlPost = (msg: FromWorker) => {
  if (testHooks && msg.type === 'rl/round') roundEndMemory = { round: msg.round, ...tf.memory() };
  post(msg);
};
const rl = new RLHost({
  lock, post: rlPost, policy: () => ({ model: model!, info: info! }), rewardModel: () => reward.rewardModel(),
  ptxText: async () => new TextDecoder().decode(await fetchBytes('corpus/train.txt')),
});

// Supervised fine-tuning trains the model in use in place, like "continue pretraining".
const sft = new SFTHost({
  lock, post, current: () => ({ model: model!, info: info! }),
  // Trained in place: named for what it is now. checkpointId stays the stored checkpoint it came
  // from, what a lost GPU reloads ("anything not saved since was lost"), as after pretraining.
  setMeta: (meta) => { info = { ...info!, name: meta.name, meta }; },
  otherTraining: () => training !== undefined,
});

function describe(m: LanguageModel, meta: CheckpointMeta, checkpointId?: number): ModelInfo {
  return { name: meta.name, config: m.config, parameters: countParameters(m.config), tokenizer: describeTokenizer(m.tokenizer), checkpointId, meta };
}

/** Replaces the current model (under the lock, after any generation has stopped). */
async function swapModel(next: LanguageModel, meta: CheckpointMeta, checkpointId?: number): Promise<void> {
  generation.stopped = true;
  await generation.done;
  await lock.run(() => {
    if (model) disposeLanguageModel(model);
    model = next;
    info = describe(next, meta, checkpointId);
  });
  post({ type: 'model/changed', model: info! });
}

async function fetchBytes(path: string): Promise<Uint8Array> {
  const res = await fetch(asset(path));
  if (!res.ok) throw new Error(`Could not load ${path} (HTTP ${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}

const loadStarter = async () => modelFromCheckpointBytes(await fetchBytes('models/starter.ckpt'));

async function init(msg: Extract<ToWorker, { type: 'init' }>): Promise<void> {
  testHooks = msg.testHooks === true;
  backend = await chooseBackend(msg.backend, msg.wasmThreads);
  watchDeviceLoss((reason) => void recoverFromDeviceLoss(reason));
  const t0 = performance.now();
  const loaded = await loadStarter();
  model = loaded.model;
  info = describe(loaded.model, loaded.meta);
  // Before ready: once the page shows the engine ready, it knows of any unsaved pretraining.
  await offerAutosave();
  post({ type: 'ready', backend, model: info, loadMs: Math.round(performance.now() - t0) });
  await reward.restore();
}

async function generate(requestId: number, prompt: string, s: GenerateSettings): Promise<void> {
  validateSampleSettings(s);
  if (!Number.isInteger(s.n) || s.n < 1 || s.n > 16) throw new Error(`Expected 1..16 samples, but got ${s.n}`);
  generation.stopped = true;
  await generation.done;
  let finish = () => {};
  generation = { requestId, stopped: false, done: new Promise<void>((r) => (finish = r)) };
  const mine = generation;
  try {
    const m = model!;
    const stream = sampleStream(m, promptContext(m, prompt), s.n, s);
    const t0 = performance.now();
    let texts: string[] = [];
    let tokens = 0;
    let last: SampleStep | undefined;
    while (!mine.stopped) {
      await yieldToEventLoop(); // lets a Stop message in
      const next = await lock.run(() => stream.next());
      if (next.done) break;
      last = next.value;
      tokens = last.tokens.reduce((sum, ids) => sum + ids.length, 0);
      texts = last.tokens.map((ids) => m.tokenizer.decode(ids.filter((id) => id !== EOS)));
      post({ type: 'generate/progress', requestId, texts, tokens });
    }
    await stream.return(undefined); // frees the KV cache when stopped early
    const seconds = (performance.now() - t0) / 1000;
    const pieces = (last?.tokens ?? []).map((ids, b) => ids.map((id, t) => ({ id, text: m.tokenizer.tokenText(id), p: last!.probs[b][t] })));
    post({ type: 'generate/done', requestId, texts, tokens, tokensPerSecond: tokens / Math.max(seconds, 1e-3), pieces });
  } finally {
    finish();
  }
}

function checkPretrainRequest(r: PretrainRequest): void {
  const inRange = (v: number, lo: number, hi: number, what: string, int = true) => {
    if (!Number.isFinite(v) || v < lo || v > hi || (int && !Number.isInteger(v))) {
      throw new Error(`Expected ${what} in ${lo}..${hi}, but got ${v}`);
    }
  };
  inRange(r.steps, 1, 100_000, 'steps');
  inRange(r.batchSize, 1, 256, 'batch size');
  inRange(r.learningRate, 1e-6, 1, 'learning rate', false);
  inRange(r.sampleEvery, 0, 100_000, 'sample every');
  if (r.from.kind === 'scratch' && !(r.from.size in MODEL_SIZES)) throw new Error(`Unknown model size "${r.from.size}"`);
  // (An autosave from before tokenizers were chosen has none: it resumes its stored model.)
  if (r.from.kind === 'scratch' && r.from.tokenizer?.kind === 'train-bpe') inRange(r.from.tokenizer.vocabSize, MIN_BPE_VOCAB, MAX_BPE_VOCAB, 'vocabulary size');
}

/** The model's metadata after `last.step` steps of this run on top of what it had before. */
function trainedMeta(base: CheckpointMeta, last: { step: number; tokensSeen: number; loss: number }, r: PretrainRequest): CheckpointMeta {
  // A model trained further is named for it (as SFT names its own); fresh weights keep "New … model".
  return {
    ...base, kind: 'pretrain', name: r.from.kind === 'scratch' ? base.name : trainedFurtherName(base.name),
    steps: (Number(base.steps) || 0) + last.step,
    tokensSeen: (Number(base.tokensSeen) || 0) + last.tokensSeen,
    trainLoss: last.loss,
    corpus: r.corpus.kind === 'bundled' ? 'bundled corpus' : 'pasted text',
  };
}

/** Tells the Pretrain panel about a stored autosave (a run a reload cut short, or a model never saved). */
async function offerAutosave(): Promise<void> {
  const a = await readAutosave(getDB()).catch(() => undefined); // no IndexedDB (a private window): nothing to offer
  if (a) post({ type: 'pretrain/autosave-offer', offer: { savedAt: a.savedAt, name: a.meta.name, step: a.step, totalSteps: a.request.steps } });
}

/** The autosaved model is no longer the unsaved work: it was saved, replaced or discarded. */
async function dropAutosave(): Promise<void> {
  await deleteAutosave(getDB());
  post({ type: 'pretrain/autosave-offer', offer: null });
}

/** Makes the autosaved model the model in use, named as it was; resume: trains on to the run's last step. */
async function restoreAutosave(resume: boolean): Promise<void> {
  if (training) throw new Error('Stop pretraining before restoring another model');
  if (sft.active) throw new Error('Stop fine-tuning before restoring another model');
  const a = await readAutosave(getDB());
  if (!a) {
    post({ type: 'pretrain/autosave-offer', offer: null });
    throw new Error('There is no unsaved pretraining to restore');
  }
  const loaded = modelFromCheckpointBytes(new Uint8Array(a.checkpoint));
  // The checkpoint it came from, if it is still stored: what a lost GPU reloads.
  const from = a.checkpointId !== undefined && (await getDB().checkpoints.get(a.checkpointId)) ? a.checkpointId : undefined;
  await swapModel(loaded.model, loaded.meta, from);
  // The autosave stays until the model is saved or replaced: it is still the unsaved one.
  post({ type: 'pretrain/autosave-offer', offer: null });
  post({ type: 'pretrain/restored', step: a.step, totalSteps: a.request.steps, loss: a.losses.at(-1)?.y ?? NaN, tokensSeen: a.tokensSeen, elapsedMs: a.elapsedMs, losses: a.losses });
  if (resume && a.step < a.request.steps) await pretrain(a.request, a);
}

/** Trains the model in use (or fresh weights); `resume`: goes on from an autosave already made the model in use. */
async function pretrain(r: PretrainRequest, resume?: PretrainAutosave): Promise<void> {
  if (training) throw new Error('A pretraining run is already going; stop it first');
  if (sft.active) throw new Error('Fine-tuning on demonstrations is going; stop it before pretraining');
  checkPretrainRequest(r);
  let finish = () => {};
  const run: TrainingRun = { paused: false, stopped: false, done: new Promise<void>((res) => (finish = res)) };
  training = run;
  try {
    const text = r.corpus.kind === 'bundled' ? new TextDecoder().decode(await fetchBytes('corpus/train.txt')) : r.corpus.text;
    if (!resume) await dropAutosave(); // a new run's autosave takes the old one's place
    if (r.from.kind === 'scratch' && !resume) {
      const choice = r.from.tokenizer;
      const tokenizer = choice.kind === 'keep' ? model!.tokenizer
        : createTokenizer(trainBPE(corpusDocuments(text), choice.vocabSize, (p) => post({ type: 'pretrain/tokenizer', ...p })));
      const fresh = createLanguageModel(MODEL_SIZES[r.from.size], tokenizer, r.from.seed);
      await swapModel(fresh, { name: `New ${r.from.size} model`, createdAt: new Date().toISOString(), kind: 'pretrain', seed: r.from.seed });
    }
    const m = model!;
    const baseMeta = resume ? resume.baseMeta : info!.meta;
    const session = new Pretraining(m, text, { learningRate: r.learningRate, warmupSteps: Math.min(50, Math.ceil(r.steps / 10)), totalSteps: r.steps, gradClip: 1, batchSize: r.batchSize, seed: r.seed });
    post({ type: 'pretrain/status', status: 'running' });
    const t0 = performance.now();
    let pausedMs = 0;
    let last = resume ? { loss: resume.losses.at(-1)?.y ?? NaN, step: resume.step, tokensSeen: resume.tokensSeen } : { loss: NaN, step: 0, tokensSeen: 0 };
    const losses = resume ? [...resume.losses] : [];
    const elapsed = () => (resume?.elapsedMs ?? 0) + performance.now() - t0 - pausedMs;
    const faults: FaultRecord[] = [];
    let savedAt = performance.now();
    let savedStep = last.step;
    // The weights and the trainer's state read under the lock (consistent), written in one put.
    const autosave = async () => {
      if (last.step === savedStep || run.lost) return;
      savedAt = performance.now();
      try {
        const meta = info!.meta;
        const [bytes, trainer] = await lock.run(async () => [await modelToCheckpointBytes(m, meta), await session.trainer.saveState()] as const);
        const a: PretrainAutosave = {
          savedAt: new Date().toISOString(), request: r, step: last.step, tokensSeen: last.tokensSeen, elapsedMs: elapsed(),
          baseMeta, meta, checkpointId: info!.checkpointId, trainer, losses: [...losses],
          checkpoint: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
        };
        await saveAutosave(getDB(), a);
        savedStep = a.step;
        post({ type: 'pretrain/autosaved', step: a.step, savedAt: a.savedAt });
      } catch (e) {
        // A full disk (or any failed write) costs the autosave, not the run.
        post({ type: 'error', context: 'pretrain/autosave', message: `Pretraining goes on without an autosave: ${(e as Error).message}` });
      }
    };
    try {
      if (resume) await lock.run(() => session.restore(resume.trainer, resume.tokensSeen));
      while (last.step < r.steps && !run.stopped) {
        await yieldToEventLoop(); // lets Pause and Stop messages in
        if (run.paused) {
          await autosave();
          const p0 = performance.now();
          post({ type: 'pretrain/status', status: 'paused' });
          await new Promise<void>((res) => (run.resume = res));
          pausedMs += performance.now() - p0;
          if (run.stopped) break;
          post({ type: 'pretrain/status', status: 'running' });
        }
        const next = await lock.run(() => session.step());
        if (next.fault) {
          // Undone: the weights are the last good ones. Told, counted in the metadata, not charted.
          faults.push(next.fault);
          post({ type: 'training/fault', context: 'pretrain', fault: next.fault, message: describeFault(next.fault) });
          last = { ...next, loss: last.loss };
          info = { ...info!, meta: { ...info!.meta, faults: faults.length } };
          continue;
        }
        last = next;
        losses.push({ x: last.step, y: last.loss });
        // Kept current every step, so a checkpoint saved mid-run records how far training got.
        const meta = { ...trainedMeta(baseMeta, last, r), ...(faults.length ? { faults: faults.length } : {}) };
        info = { ...info!, name: meta.name, meta };
        const elapsedMs = elapsed();
        post({ type: 'pretrain/progress', step: last.step, totalSteps: r.steps, loss: last.loss, tokensSeen: last.tokensSeen, tokensPerSecond: last.tokensSeen / (elapsedMs / 1000), elapsedMs });
        if (r.sampleEvery > 0 && (last.step % r.sampleEvery === 0 || last.step === r.steps)) {
          const ids = await lock.run(async () => {
            let tokens: number[] = [];
            for await (const st of sampleStream(m, promptContext(m, ''), 1, { maxTokens: 80, temperature: 0.8, topK: 0, topP: 1, seed: last.step })) tokens = st.tokens[0];
            return tokens;
          });
          post({ type: 'pretrain/sample', step: last.step, text: m.tokenizer.decode(ids) });
        }
        if (performance.now() - savedAt >= AUTOSAVE_EVERY_MS) await autosave();
      }
      // Finished or stopped, the model is still unsaved: its autosave stays until it is saved or replaced.
      await autosave();
    } finally {
      session.dispose();
    }
    post({ type: 'model/changed', model: info! });
    post({ type: 'pretrain/status', status: run.stopped ? 'stopped' : 'finished' });
  } catch (e) {
    post({ type: 'pretrain/status', status: 'stopped', message: (e as Error).message });
    throw e;
  } finally {
    training = undefined;
    finish();
  }
}

async function saveCurrent(name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('Give the checkpoint a name');
  const meta: CheckpointMeta = { ...info!.meta, name: trimmed.slice(0, 120), createdAt: new Date().toISOString(), parent: info!.meta.name };
  const bytes = await lock.run(() => modelToCheckpointBytes(model!, meta));
  const id = await saveCheckpoint(getDB(), bytes);
  info = describe(model!, meta, id);
  await dropAutosave();
  post({ type: 'checkpoint/saved', id, name: meta.name });
  post({ type: 'model/changed', model: info });
}

async function loadStored(id: number | 'starter'): Promise<void> {
  if (training) throw new Error('Stop pretraining before loading another model');
  if (sft.active) throw new Error('Stop fine-tuning before loading another model');
  const loaded = id === 'starter' ? await loadStarter() : modelFromCheckpointBytes(await readCheckpointBytes(getDB(), id));
  await swapModel(loaded.model, loaded.meta, id === 'starter' ? undefined : id);
  await dropAutosave();
}

/**
 * The WebGPU device is gone and every tensor on it with it: stop what runs (its next read fails
 * anyway), start the next backend, and load the model in use again from its checkpoint (or the
 * starter). Training since the last save is lost; the message says so.
 */
async function recoverFromDeviceLoss(reason: string): Promise<void> {
  const why = `The GPU was lost (${reason})`;
  generation.stopped = true;
  if (training) { training.stopped = true; training.lost = true; training.paused = false; training.resume?.(); }
  reward.stop();
  await Promise.allSettled([generation.done, training?.done, rl.interrupt(), sft.stop()]);
  try {
    const name = await lock.run(async () => {
      backend = await fallBackFrom(backend!.name, why);
      const id = info?.checkpointId;
      if (model) disposeLanguageModel(model);
      const loaded = id !== undefined ? modelFromCheckpointBytes(await readCheckpointBytes(getDB(), id)) : await loadStarter();
      model = loaded.model;
      info = describe(loaded.model, loaded.meta, id);
      return loaded.meta.name;
    });
    post({ type: 'backend/lost', backend: backend!, message: `${why}; now running on ${backend!.name}. Reloaded "${name}": anything not saved since was lost.` });
    post({ type: 'model/changed', model: info! });
    await offerAutosave(); // the run's last autosave outlived the device: offered back at once
    await reward.reload();
  } catch (e) {
    post({ type: 'error', context: 'init', message: `${why}: ${(e as Error).message}` });
  }
}

async function testHook(msg: Extract<ToWorker, { type: 'test/lose-device' | 'test/poison-weights' | 'test/memory' }>): Promise<void> {
  if (!testHooks) throw new Error('Test hooks are off (open the page with ?test-hooks=1)');
  if (msg.type === 'test/memory') {
    const { numTensors, numBytes } = tf.memory();
    const heap = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    post({ type: 'test/memory', numTensors, numBytes, heapBytes: heap?.usedJSHeapSize ?? null, roundEnd: roundEndMemory });
    return;
  }
  if (msg.type === 'test/lose-device') {
    if (!destroyWebGPUDevice()) throw new Error('Not running on webgpu: there is no device to lose');
    return;
  }
  await lock.run(() => poisonOneWeight(model!.params));
}

async function handle(msg: ToWorker): Promise<void> {
  if (msg.type === 'init') {
    ready ??= init(msg);
    return ready;
  }
  if (!ready) throw new Error('The worker was not initialised');
  await ready;
  switch (msg.type) {
    case 'generate': return generate(msg.requestId, msg.prompt, msg.settings);
    case 'generate/stop': generation.stopped = true; return;
    case 'pretrain/start': return pretrain(msg.request);
    case 'pretrain/pause': if (training) training.paused = true; return;
    case 'pretrain/resume':
      if (training) { training.paused = false; training.resume?.(); }
      return;
    case 'pretrain/restore': return restoreAutosave(msg.resume);
    case 'pretrain/discard': return dropAutosave();
    case 'pretrain/stop':
      if (training) { training.stopped = true; training.paused = false; training.resume?.(); }
      return;
    case 'sft/start': return sft.start(msg.request);
    case 'sft/pause': sft.pause(); return;
    case 'sft/resume': sft.resume(); return;
    case 'sft/stop': return sft.stop();
    case 'checkpoint/save': return saveCurrent(msg.name);
    case 'checkpoint/load': return loadStored(msg.id);
    case 'checkpoint/load-starter': return loadStored('starter');
    case 'label/sample': return reward.sample(msg.request);
    case 'reward/train': return reward.train(msg.request);
    case 'reward/stop': reward.stop(); return;
    case 'reward/score': return reward.score(msg.requestId, msg.items);
    case 'reward/troll-check': return reward.trollCheck(msg.requestId, msg.labelers);
    case 'rl/start': return rl.start(msg.settings);
    case 'rl/resume-run': return rl.resumeRun(msg.runId);
    case 'rl/pause': rl.pause(); return;
    case 'rl/resume': rl.resume(); return;
    case 'rl/stop': return rl.stop();
    case 'rl/reset': return rl.reset();
    case 'rl/feedback-done': rl.feedbackDone(msg.round); return;
    case 'test/lose-device':
    case 'test/poison-weights':
    case 'test/memory': return testHook(msg);
  }
}

scope.onmessage = (e: MessageEvent<ToWorker>) => {
  handle(e.data).catch((err: unknown) => {
    post({ type: 'error', context: e.data.type, message: err instanceof Error ? err.message : String(err) });
  });
};
