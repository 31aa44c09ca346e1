// The worker's side of supervised fine-tuning: reads the chosen demonstrations from IndexedDB and
// trains the model in use on them in place, a step at a time under the engine's lock (so
// generation interleaves and a save sees consistent weights), with pause, resume and stop between
// steps. The model in use then is the SFT model: its metadata says kind 'sft', how many
// demonstrations, how many steps and the last loss, and "Save as checkpoint" stores it so.
import type { CheckpointMeta } from '../model/checkpoint-format';
import type { LanguageModel } from '../model/language-model';
import { describeFault } from '../store/fault-record';
import { SFTSession, sftMeta } from '../engine/sft';
import { checkSFTSettings } from '../engine/sft-settings';
import { getDB } from '../store/db';
import { chooseDemonstrations } from '../store/demonstrations';
import type { Lock } from '../util/lock';
import type { FromWorker, ModelInfo, SFTRequest } from './protocol';
import { RunControl } from './run-control';

export interface SFTHostContext {
  lock: Lock;
  post: (msg: FromWorker) => void;
  /** The model in use, trained in place. */
  current: () => { model: LanguageModel; info: ModelInfo };
  /** Records the model in use's metadata as training goes (a checkpoint saved mid-run carries it). */
  setMeta: (meta: CheckpointMeta) => void;
  /** Something else trains the model in use (pretraining): SFT waits for it to end. */
  otherTraining: () => boolean;
}

export class SFTHost {
  private run: RunControl | undefined;

  constructor(private readonly ctx: SFTHostContext) {}

  get active(): boolean {
    return this.run !== undefined;
  }

  async start(r: SFTRequest): Promise<void> {
    if (this.run) throw new Error('Fine-tuning is already going; stop it first');
    if (this.ctx.otherTraining()) throw new Error('Pretraining is going; stop it before fine-tuning');
    const settings = checkSFTSettings({ epochs: r.epochs, batchSize: r.batchSize, learningRate: r.learningRate, gradClip: 1, seed: r.seed });
    const run = new RunControl();
    this.run = run;
    const { post, lock } = this.ctx;
    try {
      const demos = await chooseDemonstrations(getDB(), r.keys);
      const { model, info } = this.ctx.current();
      const baseMeta = info.meta;
      const session = new SFTSession(model, demos, settings);
      post({ type: 'sft/status', status: 'running' });
      const t0 = performance.now();
      let pausedMs = 0;
      let last = { step: 0, loss: NaN };
      let faults = 0;
      const pauseHooks = {
        onPause: () => post({ type: 'sft/status', status: 'paused' }),
        onResume: () => post({ type: 'sft/status', status: 'running' }),
      };
      try {
        while (!session.done && !run.stopped) {
          pausedMs += await run.pausePoint(pauseHooks);
          if (run.stopped) break;
          const next = await lock.run(() => session.step());
          if (next.fault) {
            // Undone: the weights are the last good ones. Told, counted, not charted.
            faults++;
            post({ type: 'training/fault', context: 'sft', fault: next.fault, message: describeFault(next.fault) });
            last = { step: next.step, loss: last.loss };
          } else {
            last = { step: next.step, loss: next.loss };
            post({ type: 'sft/progress', step: next.step, totalSteps: next.totalSteps, epoch: next.epoch, loss: next.loss, demonstrations: demos.length, elapsedMs: performance.now() - t0 - pausedMs });
          }
          this.ctx.setMeta({ ...sftMeta(baseMeta, demos.length, last), ...(faults ? { faults } : {}) });
        }
      } finally {
        session.dispose();
      }
      post({ type: 'model/changed', model: this.ctx.current().info });
      post({ type: 'sft/status', status: run.stopped ? 'stopped' : 'finished' });
    } catch (e) {
      post({ type: 'sft/status', status: 'stopped', message: (e as Error).message });
      throw e;
    } finally {
      this.run = undefined;
      run.end();
    }
  }

  pause(): void {
    this.run?.pause();
  }

  resume(): void {
    this.run?.resume();
  }

  /** Stops after the step under way; resolves when the run has ended. */
  stop(): Promise<void> {
    return this.run?.stop() ?? Promise.resolve();
  }
}
