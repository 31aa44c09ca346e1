// The worker's side of context distillation (engine/context-distillation.ts): the teacher is a
// frozen copy of the model in use taken at the start, under the engine's lock; the student is the
// model in use itself, trained in place a step at a time under the lock (so generation interleaves
// and a save sees consistent weights), with pause, resume and stop between steps. The model in use
// then is the distilled model: its metadata says kind 'distilled', the prefix, the steps and the
// last KL, and "Save as checkpoint" stores it so.
import type { CheckpointMeta } from '../model/checkpoint-format';
import type { LanguageModel } from '../model/language-model';
import { cloneParams, disposeParams } from '../model/params';
import { ContextDistillation } from '../engine/context-distillation';
import { describeFault } from '../store/fault-record';
import type { Lock } from '../util/lock';
import type { DistillRequest, FromWorker, ModelInfo } from './protocol';
import { RunControl } from './run-control';

/** The most steps one run takes (a form caps it lower). */
export const MAX_DISTILL_STEPS = 10_000;

export interface DistillHostContext {
  lock: Lock;
  post: (msg: FromWorker) => void;
  /** The model in use, trained in place. */
  current: () => { model: LanguageModel; info: ModelInfo };
  /** Records the model in use's metadata as training goes (a checkpoint saved mid-run carries it). */
  setMeta: (meta: CheckpointMeta) => void;
  /** What else trains the model in use now, in words ("Pretraining"), or undefined: distillation waits for it to end. */
  otherTraining: () => string | undefined;
}

/** Throws on the first part of a request the engine's own checks cannot see (steps, prompts). */
export function checkDistillRequest(r: DistillRequest): void {
  if (!Number.isInteger(r.steps) || r.steps < 1 || r.steps > MAX_DISTILL_STEPS) {
    throw new Error(`Expected steps to be an integer in 1..${MAX_DISTILL_STEPS}, but got ${r.steps}`);
  }
  if (!Array.isArray(r.prompts) || r.prompts.length === 0) throw new Error('Expected at least one prompt to distil on, but got none');
  const bad = r.prompts.findIndex((p) => typeof p !== 'string');
  if (bad >= 0) throw new Error(`Expected every prompt to be text, but prompt ${bad + 1} is ${typeof r.prompts[bad]}`);
}

/** The model's metadata after `last.step` steps of distilling `prefix`, on top of what it had. */
export function distilledMeta(base: CheckpointMeta, prefix: string, last: { step: number; kl: number }): CheckpointMeta {
  // Named for what it now is; a second run keeps one suffix (as SFT's does).
  const name = base.kind === 'distilled' ? base.name : `${base.name} + distilled`;
  return {
    ...base, name, kind: 'distilled',
    steps: (Number(base.steps) || 0) + last.step,
    distillSteps: last.step,
    prefix,
    distillKl: last.kl,
  };
}

export class DistillHost {
  private run: RunControl | undefined;

  constructor(private readonly ctx: DistillHostContext) {}

  get active(): boolean {
    return this.run !== undefined;
  }

  async start(r: DistillRequest): Promise<void> {
    if (this.run) throw new Error('Context distillation is already going; stop it first');
    const other = this.ctx.otherTraining();
    if (other) throw new Error(`${other} is going; stop it before distilling`);
    checkDistillRequest(r);
    const run = new RunControl();
    this.run = run;
    const { post, lock } = this.ctx;
    let teacher: LanguageModel | undefined;
    let renamed = false;
    try {
      const { model, info } = this.ctx.current();
      const baseMeta = info.meta;
      // 1. The teacher: the model in use as it is now, copied between two steps of anything else.
      teacher = await lock.run(() => ({ ...model, params: cloneParams(model.config, model.params, false) }));
      const trainer = new ContextDistillation(model, teacher, { ...r.settings, prefix: r.prefix });
      post({ type: 'distill/status', status: 'running' });
      const t0 = performance.now();
      let pausedMs = 0;
      let last = { step: 0, kl: NaN };
      const pauseHooks = {
        onPause: () => post({ type: 'distill/status', status: 'paused' }),
        onResume: () => post({ type: 'distill/status', status: 'running' }),
      };
      try {
        // 2. The student, the model in use, one step at a time; the step number seeds its prompts.
        for (let step = 1; step <= r.steps && !run.stopped; step++) {
          pausedMs += await run.pausePoint(pauseHooks);
          if (run.stopped) break;
          const faultsBefore = trainer.guard.faults.length;
          const out = await lock.run(() => trainer.step(r.prompts, step));
          const fault = trainer.guard.faults[faultsBefore];
          if (fault) {
            // Undone: the weights are the last good ones. Told, counted, not charted.
            post({ type: 'training/fault', context: 'distill', fault, message: describeFault(fault) });
            last = { step, kl: last.kl };
          } else {
            last = { step, kl: out.kl };
            post({ type: 'distill/progress', step, totalSteps: r.steps, kl: out.kl, elapsedMs: performance.now() - t0 - pausedMs });
          }
          const faults = trainer.guard.faults.length;
          this.ctx.setMeta({ ...distilledMeta(baseMeta, r.prefix, last), ...(faults ? { faults } : {}) });
          renamed = true;
        }
      } finally {
        trainer.dispose();
      }
      post({ type: 'model/changed', model: this.ctx.current().info });
      post({ type: 'distill/status', status: run.stopped ? 'stopped' : 'finished' });
    } catch (e) {
      // Stopped by faults or a lost device after some steps: the page still learns the model's new name.
      if (renamed) post({ type: 'model/changed', model: this.ctx.current().info });
      post({ type: 'distill/status', status: 'stopped', message: (e as Error).message });
      throw e;
    } finally {
      // 3. The teacher goes with the run (a save stores the student alone).
      if (teacher) disposeParams(teacher.params);
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
