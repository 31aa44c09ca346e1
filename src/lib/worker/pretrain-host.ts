// The worker's side of pretraining: trains the model in use (or fresh weights, with a tokenizer
// kept or trained on the corpus) a step at a time under the engine's lock, with pause, resume and
// stop between steps. It autosaves the weights and the trainer's state every AUTOSAVE_EVERY_MS of
// training and on pause, so a reload loses at most that much; the Pretrain panel offers the
// autosave back until the model is saved, replaced or discarded.
import type { CheckpointMeta } from '../model/checkpoint-format';
import { modelFromCheckpointBytes, modelToCheckpointBytes } from '../model/checkpoint';
import { MODEL_SIZES } from '../model/config';
import { createLanguageModel } from '../model/language-model';
import { promptContext, sampleStream } from '../model/sample';
import { createTokenizer } from '../model/tokenizer';
import { MAX_BPE_VOCAB, MIN_BPE_VOCAB, trainBPE } from '../model/bpe-training';
import { corpusDocuments, Pretraining, trainedFurtherName } from '../engine/pretraining';
import { StoryWorldWindows, storyWorldTrainingText } from '../engine/story-world-windows';
import { checkPretrainSettings } from '../engine/pretrain-settings';
import { getDB } from '../store/db';
import { describeFault, type FaultRecord } from '../store/fault-record';
import type { Lock } from '../util/lock';
import { deleteAutosave, readAutosave, saveAutosave, type PretrainAutosave } from './pretrain-autosave';
import type { ModelSlot } from './model-slot';
import type { FromWorker, PretrainRequest } from './protocol';
import { RunControl } from './run-control';

/** Characters of story-world text a fresh tokenizer learns from in the tab (about a second of BPE training). */
const STORY_WORLD_TOKENIZER_CHARS = 1_000_000;

/** A running pretraining saves itself this often (of training time), so a reload loses at most this much. */
export const AUTOSAVE_EVERY_MS = 15_000;

export interface PretrainHostContext {
  lock: Lock;
  post: (msg: FromWorker) => void;
  slot: ModelSlot;
  /** The bundled corpus's text. */
  corpusText: () => Promise<string>;
  /** Something else trains the model in use (SFT): pretraining waits for it to end. */
  otherTraining: () => boolean;
}

/** Throws on the first field of a request out of range, naming it. */
export function checkPretrainRequest(r: PretrainRequest): void {
  checkPretrainSettings(r);
  if (r.from.kind === 'scratch' && !(r.from.size in MODEL_SIZES)) throw new Error(`Unknown model size "${r.from.size}"`);
  if (r.corpus.kind === 'storyworld' && !Number.isSafeInteger(r.corpus.worldSeed)) throw new Error('Expected the story world\'s seed to be a whole number');
  // (An autosave from before tokenizers were chosen has none: it resumes its stored model.)
  const t = r.from.kind === 'scratch' ? r.from.tokenizer : undefined;
  if (t?.kind === 'train-bpe' && !(Number.isInteger(t.vocabSize) && t.vocabSize >= MIN_BPE_VOCAB && t.vocabSize <= MAX_BPE_VOCAB)) {
    throw new Error(`Expected vocabulary size in ${MIN_BPE_VOCAB}..${MAX_BPE_VOCAB}, but got ${t.vocabSize}`);
  }
}

/** The model's metadata after `last.step` steps of this run on top of what it had before. */
export function trainedMeta(base: CheckpointMeta, last: { step: number; tokensSeen: number; loss: number }, r: PretrainRequest): CheckpointMeta {
  // A model trained further is named for it (as SFT names its own); fresh weights keep "New … model".
  return {
    ...base, kind: 'pretrain', name: r.from.kind === 'scratch' ? base.name : trainedFurtherName(base.name),
    steps: (Number(base.steps) || 0) + last.step,
    tokensSeen: (Number(base.tokensSeen) || 0) + last.tokensSeen,
    trainLoss: last.loss,
    corpus: r.corpus.kind === 'bundled' ? 'bundled corpus' : r.corpus.kind === 'storyworld' ? `story world (seed ${r.corpus.worldSeed})` : 'pasted text',
  };
}

export class PretrainHost {
  private run: (RunControl & { lost?: boolean }) | undefined;

  constructor(private readonly ctx: PretrainHostContext) {}

  get active(): boolean {
    return this.run !== undefined;
  }

  pause(): void { this.run?.pause(); }
  resume(): void { this.run?.resume(); }
  stop(): Promise<void> { return this.run?.stop() ?? Promise.resolve(); }

  /** The GPU went with the run's tensors: it stops without a last autosave (nothing can be read back). */
  lose(): Promise<void> {
    if (this.run) this.run.lost = true;
    return this.stop();
  }

  /** Tells the Pretrain panel about a stored autosave (a run a reload cut short, or a model never saved). */
  async offerAutosave(): Promise<void> {
    const a = await readAutosave(getDB()).catch(() => undefined); // no IndexedDB (a private window): nothing to offer
    if (a) this.ctx.post({ type: 'pretrain/autosave-offer', offer: { savedAt: a.savedAt, name: a.meta.name, step: a.step, totalSteps: a.request.steps } });
  }

  /** The autosaved model is no longer the unsaved work: it was saved, replaced or discarded. */
  async dropAutosave(): Promise<void> {
    await deleteAutosave(getDB());
    this.ctx.post({ type: 'pretrain/autosave-offer', offer: null });
  }

  /** Makes the autosaved model the model in use, named as it was; resume: trains on to the run's last step. */
  async restoreAutosave(resume: boolean): Promise<void> {
    const { post, slot } = this.ctx;
    if (this.run) throw new Error('Stop pretraining before restoring another model');
    if (this.ctx.otherTraining()) throw new Error('Stop fine-tuning before restoring another model');
    const a = await readAutosave(getDB());
    if (!a) {
      post({ type: 'pretrain/autosave-offer', offer: null });
      throw new Error('There is no unsaved pretraining to restore');
    }
    const loaded = modelFromCheckpointBytes(new Uint8Array(a.checkpoint));
    // The checkpoint it came from, if it is still stored: what a lost GPU reloads.
    const from = a.checkpointId !== undefined && (await getDB().checkpoints.get(a.checkpointId)) ? a.checkpointId : undefined;
    await slot.swap(loaded.model, loaded.meta, from);
    // The autosave stays until the model is saved or replaced: it is still the unsaved one.
    post({ type: 'pretrain/autosave-offer', offer: null });
    post({ type: 'pretrain/restored', step: a.step, totalSteps: a.request.steps, loss: a.losses.at(-1)?.y ?? NaN, tokensSeen: a.tokensSeen, elapsedMs: a.elapsedMs, losses: a.losses });
    if (resume && a.step < a.request.steps) await this.start(a.request, a);
  }

  /** Trains the model in use (or fresh weights); `resume`: goes on from an autosave already made the model in use. */
  async start(r: PretrainRequest, resume?: PretrainAutosave): Promise<void> {
    if (this.run) throw new Error('A pretraining run is already going; stop it first');
    if (this.ctx.otherTraining()) throw new Error('Fine-tuning on demonstrations is going; stop it before pretraining');
    checkPretrainRequest(r);
    const run: RunControl & { lost?: boolean } = new RunControl();
    this.run = run;
    const { post, lock, slot } = this.ctx;
    try {
      const corpus = r.corpus;
      const text = corpus.kind === 'bundled' ? await this.ctx.corpusText() : corpus.kind === 'text' ? corpus.text : '';
      if (!resume) await this.dropAutosave(); // a new run's autosave takes the old one's place
      if (r.from.kind === 'scratch' && !resume) {
        const choice = r.from.tokenizer;
        const tokenizer = choice.kind === 'keep' ? slot.current().model.tokenizer
          : createTokenizer(trainBPE(
            corpusDocuments(corpus.kind === 'storyworld' ? storyWorldTrainingText(corpus.worldSeed, STORY_WORLD_TOKENIZER_CHARS) : text),
            choice.vocabSize, (p) => post({ type: 'pretrain/tokenizer', ...p })));
        const fresh = createLanguageModel(MODEL_SIZES[r.from.size], tokenizer, r.from.seed);
        await slot.swap(fresh, { name: `New ${r.from.size} model`, createdAt: new Date().toISOString(), kind: 'pretrain', seed: r.from.seed });
      }
      const m = slot.current().model;
      const baseMeta = resume ? resume.baseMeta : slot.current().info.meta;
      const source = corpus.kind === 'storyworld' ? new StoryWorldWindows(m.tokenizer, corpus.worldSeed) : text;
      const session = new Pretraining(m, source, { learningRate: r.learningRate, warmupSteps: Math.min(50, Math.ceil(r.steps / 10)), totalSteps: r.steps, gradClip: 1, batchSize: r.batchSize, seed: r.seed });
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
          const { meta, checkpointId } = slot.current().info;
          const [bytes, trainer] = await lock.run(async () => [await modelToCheckpointBytes(m, meta), await session.trainer.saveState()] as const);
          const a: PretrainAutosave = {
            savedAt: new Date().toISOString(), request: r, step: last.step, tokensSeen: last.tokensSeen, elapsedMs: elapsed(),
            baseMeta, meta, checkpointId, trainer, losses: [...losses],
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
      const pauseHooks = {
        onPause: async () => { await autosave(); post({ type: 'pretrain/status', status: 'paused' }); },
        onResume: () => post({ type: 'pretrain/status', status: 'running' }),
      };
      try {
        if (resume) await lock.run(() => session.restore(resume.trainer, resume.tokensSeen));
        while (last.step < r.steps && !run.stopped) {
          pausedMs += await run.pausePoint(pauseHooks);
          if (run.stopped) break;
          const next = await lock.run(() => session.step());
          if (next.fault) {
            // Undone: the weights are the last good ones. Told, counted in the metadata, not charted.
            faults.push(next.fault);
            post({ type: 'training/fault', context: 'pretrain', fault: next.fault, message: describeFault(next.fault) });
            last = { ...next, loss: last.loss };
            slot.setMeta({ ...slot.current().info.meta, faults: faults.length });
            continue;
          }
          last = next;
          losses.push({ x: last.step, y: last.loss });
          // Kept current every step, so a checkpoint saved mid-run records how far training got.
          slot.setMeta({ ...trainedMeta(baseMeta, last, r), ...(faults.length ? { faults: faults.length } : {}) });
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
      post({ type: 'model/changed', model: slot.current().info });
      post({ type: 'pretrain/status', status: run.stopped ? 'stopped' : 'finished' });
    } catch (e) {
      post({ type: 'pretrain/status', status: 'stopped', message: (e as Error).message });
      throw e;
    } finally {
      this.run = undefined;
      run.end();
    }
  }
}
