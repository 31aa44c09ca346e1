// The engine's home in the browser: a dedicated Web Worker that owns the tfjs backend and the
// current model. It answers the typed messages of protocol.ts; the main thread only renders.
//
// One lock serialises every use of the model at the grain of one token step, one training step,
// one save or one swap, so generation and training interleave and a save sees consistent weights.
import * as tf from '@tensorflow/tfjs';
import { modelFromCheckpointBytes } from '../model/checkpoint';
import { Lock } from '../util/lock';
import { chooseBackend, destroyWebGPUDevice, fallBackFrom, watchDeviceLoss } from './browser-backend';
import { recoverFromDeviceLoss } from './device-loss';
import { CompareHost } from './compare-host';
import { DistillHost } from './distill-host';
import { GenerationHost } from './generation-host';
import { ModelSlot } from './model-slot';
import { PretrainHost } from './pretrain-host';
import { poisonOneWeight } from './test-hooks';
import { RewardHost } from './reward-host';
import { RLHost } from './rl-host';
import { SFTHost } from './sft-host';
import type { BackendChoice, FromWorker, ToWorker } from './protocol';
import { BUNDLED_MODELS, isBundledModelId, type BundledModelId } from '../util/bundled-models';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: FromWorker) => scope.postMessage(msg);
const asset = (path: string) => `${import.meta.env.BASE_URL}${path}`;

async function fetchBytes(path: string): Promise<Uint8Array> {
  const res = await fetch(asset(path));
  if (!res.ok) throw new Error(`Could not load ${path} (HTTP ${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}
const corpusText = async () => new TextDecoder().decode(await fetchBytes('corpus/train.txt'));

const lock = new Lock();
let ready: Promise<void> | undefined;
let backend: BackendChoice | undefined;
/** ?test-hooks=1: the test/* messages are accepted. */
let testHooks = false;

const generation: GenerationHost = new GenerationHost({ lock, post, current: () => slot.current() });
const slot = new ModelSlot({
  lock, post, stopGeneration: () => generation.stop(),
  // Named as the app lists it (the classic model's file still calls itself "Starter model").
  loadBundled: async (id) => {
    const loaded = modelFromCheckpointBytes(await fetchBytes(BUNDLED_MODELS[id].file));
    return { ...loaded, meta: { ...loaded.meta, name: BUNDLED_MODELS[id].name } };
  },
});
const reward = new RewardHost({ lock, post, policy: () => slot.current() });
/** With test hooks: tf.memory() as each RL round ends (a fixed point of the loop, for the soak bench). */
let roundEndMemory: { round: number; numTensors: number; numBytes: number } | null = null;
const rlPost = (msg: FromWorker) => {
  if (testHooks && msg.type === 'rl/round') roundEndMemory = { round: msg.round, ...tf.memory() };
  post(msg);
};
const rl = new RLHost({ lock, post: rlPost, policy: () => slot.current(), rewardModel: () => reward.rewardModel(), ptxText: corpusText });
// Supervised fine-tuning and pretraining train the model in use in place. Trained in place, it is
// named for what it is now; its checkpointId stays the stored checkpoint it came from, what a
// lost GPU reloads ("anything not saved since was lost").
// Context distillation trains it in place too: pretraining and SFT refuse while it runs, saying so.
const refuseWhileDistilling = (what: string) => {
  if (distill.active) throw new Error(`Context distillation is going; stop it before ${what}`);
};
const pretraining: PretrainHost = new PretrainHost({ lock, post, slot, corpusText, otherTraining: () => { refuseWhileDistilling('pretraining'); return sft.active; } });
const compare = new CompareHost({ lock, post, current: () => slot.current() });
const sft: SFTHost = new SFTHost({ lock, post, current: () => slot.current(), setMeta: (meta) => slot.setMeta(meta), otherTraining: () => { refuseWhileDistilling('fine-tuning'); return pretraining.active; } });
const distill: DistillHost = new DistillHost({
  lock, post, current: () => slot.current(), setMeta: (meta) => slot.setMeta(meta),
  otherTraining: () => (pretraining.active ? 'Pretraining' : sft.active ? 'Fine-tuning on demonstrations' : undefined),
});

async function init(msg: Extract<ToWorker, { type: 'init' }>): Promise<void> {
  testHooks = msg.testHooks === true;
  backend = await chooseBackend(msg.backend, msg.wasmThreads);
  watchDeviceLoss((reason) => void recoverFromDeviceLoss({
    lock, post, slot,
    stopAll: async () => {
      reward.stop();
      compare.stop();
      await Promise.allSettled([generation.stop(), pretraining.lose(), rl.interrupt(), sft.stop(), distill.stop()]);
    },
    fallBack: async (why) => (backend = await fallBackFrom(backend!.name, why)),
    afterReload: async () => {
      await pretraining.offerAutosave(); // the run's last autosave outlived the device: offered back at once
      await reward.reload();
    },
  }, reason));
  const t0 = performance.now();
  const info = slot.init(await slot.read('starter'));
  // Before ready: once the page shows the engine ready, it knows of any unsaved pretraining.
  await pretraining.offerAutosave();
  post({ type: 'ready', backend, model: info, loadMs: Math.round(performance.now() - t0) });
  await reward.restore();
  await compare.markInterrupted();
}

/** Another model in use: refused while something trains the current one in place. */
async function loadStored(id: number | BundledModelId): Promise<void> {
  if (pretraining.active) throw new Error('Stop pretraining before loading another model');
  if (sft.active) throw new Error('Stop fine-tuning before loading another model');
  if (distill.active) throw new Error('Stop context distillation before loading another model');
  await slot.load(id);
  await pretraining.dropAutosave();
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
  await lock.run(() => poisonOneWeight(slot.current().model.params));
}

async function handle(msg: ToWorker): Promise<void> {
  if (msg.type === 'init') {
    ready ??= init(msg);
    return ready;
  }
  if (!ready) throw new Error('The worker was not initialised');
  await ready;
  switch (msg.type) {
    case 'generate': return generation.generate(msg.requestId, msg.prompt, msg.settings);
    case 'generate/stop': return generation.stop();
    case 'pretrain/start': return pretraining.start(msg.request);
    case 'pretrain/pause': pretraining.pause(); return;
    case 'pretrain/resume': pretraining.resume(); return;
    case 'pretrain/restore': return pretraining.restoreAutosave(msg.resume);
    case 'pretrain/discard': return pretraining.dropAutosave();
    case 'pretrain/stop': return pretraining.stop();
    case 'sft/start': return sft.start(msg.request);
    case 'sft/pause': sft.pause(); return;
    case 'sft/resume': sft.resume(); return;
    case 'sft/stop': return sft.stop();
    case 'distill/start': return distill.start(msg.request);
    case 'distill/pause': distill.pause(); return;
    case 'distill/resume': distill.resume(); return;
    case 'distill/stop': return distill.stop();
    case 'checkpoint/save': await slot.save(msg.name); return pretraining.dropAutosave();
    case 'checkpoint/load': return loadStored(msg.id);
    case 'checkpoint/load-bundled': {
      if (!isBundledModelId(msg.id)) throw new Error(`No bundled model "${String(msg.id)}"`);
      return loadStored(msg.id);
    }
    case 'label/sample': return reward.sample(msg.request);
    case 'reward/train': return reward.train(msg.request);
    case 'reward/stop': reward.stop(); return;
    case 'reward/score': return reward.score(msg.requestId, msg.items);
    case 'reward/score-prefixes': return reward.scorePrefixes(msg.requestId, msg.prompt, msg.completion);
    case 'reward/troll-check': return reward.trollCheck(msg.requestId, msg.labelers);
    case 'rl/start': return rl.start(msg.settings);
    case 'rl/resume-run': return rl.resumeRun(msg.runId);
    case 'rl/pause': rl.pause(); return;
    case 'rl/resume': rl.resume(); return;
    case 'rl/stop': return rl.stop();
    case 'rl/reset': return rl.reset();
    case 'rl/feedback-done': rl.feedbackDone(msg.round); return;
    case 'compare/start': return compare.start(msg.request);
    case 'compare/stop': compare.stop(); return;
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
