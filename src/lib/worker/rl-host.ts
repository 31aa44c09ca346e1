// The worker's side of phase 3: online RLHF rounds (the order of online-rlhf.ts, with the feedback
// coming from the main thread):
//   1. sample K completions of a few prompts from the policy,
//   2. ask for feedback, and wait until the judgements are in IndexedDB,
//   3. fit the reward model on everything this run's labeler has said, and re-normalise it,
//   4. M PPO iterations of the policy against it, with a KL leash to the frozen reference,
//   5. measure the policy on held-out prompts, beside the reference's completions.
// Each round ends by saving the policy as a checkpoint, the trainer's state and the round's metrics
// in one transaction, so a reload resumes at the next round; a reload mid-round loses only that
// round's reward-model fit and PPO steps (its sampled batches and every stored judgement are kept).
// One tab trains at a time: the session holds the Web Locks of run-lock.ts. Every model here is a
// copy: the model in use is untouched.
import type { SimulatedLabeler } from '../feedback/labelers';
import { labelerFromSettings } from '../feedback/simulated-judgement';
import { modelToCheckpointBytes } from '../model/checkpoint';
import type { CheckpointMeta } from '../model/checkpoint-format';
import { disposeLanguageModel, type LanguageModel } from '../model/language-model';
import { cloneParams } from '../model/params';
import { DEFAULT_PPO } from '../engine/ppo-config';
import { PPOTrainer } from '../engine/ppo-trainer';
import { PtxBatches } from '../engine/ptx';
import { runRound, type LoopState, type RoundIO } from '../engine/rlhf-round';
import { checkRLSettings, splitPrompts, type RLRunSettings } from '../engine/rl-run';
import { referenceCheckpointName, roundCheckpointName } from '../store/checkpoint-names';
import type { RewardNormalization } from '../rlhf/reward-normalization';
import { getDB } from '../store/db';
import { reportFaults } from './fault-report';
import { rewardBase } from './reward-base';
import { listJudgements } from '../store/judgements';
import type { Lock } from '../util/lock';
import type { FromWorker, ModelInfo, RLPhase, RLStatus } from './protocol';
import { Locked, webRunLocks, withTrainingLocks, type RunLocks } from './run-lock';
import { RunControl } from './run-control';
import { ptxDocuments } from './ptx-documents';
import { forgetRunState, keepBatches, keptBatches, keptTrainerState, loadStoredRun, saveRound, storeNewRun } from './rl-run-store';

export interface RLHostContext {
  lock: Lock;
  post: (msg: FromWorker) => void;
  /** The model in use: the reference of a new run. */
  policy: () => { model: LanguageModel; info: ModelInfo };
  /** The reward model phase 2 trained, if any: a run's reward model starts from a copy of it. */
  rewardModel: () => { model: LanguageModel; normalization: RewardNormalization; checkpointId?: number } | undefined;
  /** Pretraining text for PPO-ptx (the bundled corpus); asked for only when ptxCoef > 0 and ptxSource is 'corpus'. */
  ptxText?: () => Promise<string>;
  /** Web Locks by default; tests pass their own. */
  locks?: RunLocks;
}

/** A run in progress: the loop's models (engine/rlhf-round.ts) and its run control. */
interface Session extends LoopState {
  runId: number;
  s: RLRunSettings;
  labelerName: string;
  control: RunControl;
  reset: boolean;
  /** Stopped by something other than the person (a lost GPU): the run stays resumable. */
  interrupted: boolean;
  feedback?: { round: number; done: () => void };
}

class Stopped extends Error {}

export class RLHost {
  private session: Session | undefined;
  /** Settles when the latest start or resume has ended: its record written, its locks released. */
  private ended: Promise<void> = Promise.resolve();
  /** Set from a start or resume request until its run is under way (or failed to start). */
  private starting = false;

  private readonly locks: RunLocks;

  constructor(private readonly ctx: RLHostContext) {
    this.locks = ctx.locks ?? webRunLocks();
  }

  /**
   * Runs a start or a resume, refusing a second while one is starting or running here, and
   * answering rl/locked while another tab trains. begin() returns when the session ends, and the
   * locks it took (TRAINING_LOCK, then the run's through holdRun) are held until then.
   */
  private async exclusive(runId: number | undefined, begin: (holdRun: (id: number) => Promise<void>) => Promise<void>): Promise<void> {
    if (this.session || this.starting) throw new Error('An RL run is already going; stop it first');
    this.starting = true;
    let ended = () => {};
    this.ended = new Promise<void>((r) => (ended = r));
    try {
      await withTrainingLocks(this.locks, runId, begin);
    } catch (e) {
      if (!(e instanceof Locked)) throw e;
      this.ctx.post({ type: 'rl/locked', runId: e.runId });
    } finally {
      this.starting = false;
      ended();
    }
  }

  start = (settings: RLRunSettings): Promise<void> => this.exclusive(undefined, (holdRun) => this.startNew(settings, holdRun));

  /** Goes on with a stored run from the round after its last saved one. */
  resumeRun = (runId: number): Promise<void> => this.exclusive(runId, (holdRun) => this.resumeStored(runId, holdRun));

  private async startNew(settings: RLRunSettings, holdRun: (id: number) => Promise<void>): Promise<void> {
    checkRLSettings(settings);
    splitPrompts(settings.prompts, settings.evalPrompts);
    // Refused before a run is stored: PPO-ptx on demonstrations with none written.
    const ppo = { ...DEFAULT_PPO, ...settings.ppo };
    if (ppo.ptxCoef > 0 && ppo.ptxSource === 'demonstrations') await ptxDocuments('demonstrations', this.ctx.ptxText);
    const db = getDB();
    const { reference, meta, rewardBase } = await this.ctx.lock.run(() => {
      const { model, info } = this.ctx.policy();
      const rm = this.ctx.rewardModel();
      return {
        reference: { ...model, params: cloneParams(model.config, model.params, false) }, meta: info.meta,
        rewardBase: rm?.checkpointId !== undefined ? { checkpointId: rm.checkpointId } : 'reference' as const,
      };
    });
    let created: { runId: number; stored: RLRunSettings };
    try {
      created = await storeNewRun(db, settings, { reference, meta, rewardBase }, holdRun);
    } catch (e) {
      disposeLanguageModel(reference);
      throw e;
    }
    const { runId, stored } = created;
    await this.drive(runId, stored, reference, undefined, 1);
  }

  private async resumeStored(runId: number, holdRun: (id: number) => Promise<void>): Promise<void> {
    await holdRun(runId);
    const db = getDB();
    const { s, nextRound, reference, policy } = await loadStoredRun(db, runId);
    await db.runs.update(runId, { status: 'running' });
    await this.drive(runId, s, reference, policy, nextRound, `Resumed run ${runId} at round ${nextRound}`);
  }

  pause(): void {
    this.session?.control.pause();
  }

  resume(): void {
    this.session?.control.resume();
  }

  stop(): Promise<void> {
    const run = this.session;
    if (!run) return Promise.resolve();
    run.feedback?.done();
    return run.control.stop();
  }

  /**
   * Stops the run, keeping it resumable from its last saved round (stored as paused, its kept
   * batches and trainer state left in place): for when the engine itself must stop, not the person.
   */
  async interrupt(): Promise<void> {
    if (this.session) this.session.interrupted = true;
    await this.stop();
    await this.ended; // the run's record written and its locks released: another tab may take it now
  }

  /** Stops any run and marks it as reset: the next run starts again from the model in use. */
  async reset(): Promise<void> {
    const run = this.session;
    if (run) run.reset = true;
    await this.stop();
    this.ctx.post({ type: 'rl/status', status: 'idle', round: 0, rounds: 0, message: 'Reset: the next run starts from the model in use' });
  }

  feedbackDone(round: number): void {
    const f = this.session?.feedback;
    if (f && f.round === round) f.done();
  }

  private async drive(runId: number, s: RLRunSettings, reference: LanguageModel, stored: LanguageModel | undefined, firstRound: number, resumed?: string): Promise<void> {
    const policy = stored ?? { ...reference, params: cloneParams(reference.config, reference.params) };
    let base: Session['base'] | undefined;
    let trainer: PPOTrainer | undefined;
    let simulated: SimulatedLabeler | undefined;
    try {
      simulated = s.labeler.kind === 'simulated' ? labelerFromSettings(s.labeler.settings) : undefined;
      // Runs stored before a knob existed take its default (ptxSource: the bundled corpus).
      const ppo = { ...DEFAULT_PPO, ...s.ppo };
      const ptxDocs = ppo.ptxCoef > 0 ? await ptxDocuments(ppo.ptxSource, this.ctx.ptxText) : undefined;
      const ptx = ptxDocs === undefined ? undefined : new PtxBatches(reference.tokenizer, ptxDocs, reference.config.blockSize, s.seed);
      trainer = new PPOTrainer(policy, reference, ppo, ptx);
      // Adam and the KL coefficient go on from the last saved round, not from scratch.
      const kept = await keptTrainerState(getDB(), runId, firstRound - 1);
      if (kept) await this.ctx.lock.run(() => trainer!.loadState(kept));
      base = await rewardBase(s, reference, this.ctx);
    } catch (e) {
      trainer?.dispose();
      [policy, reference].forEach(disposeLanguageModel);
      await getDB().runs.update(runId, { status: 'failed' });
      throw e;
    }
    const session: Session = {
      runId, s, simulated, reference, policy, base, trainer, runLabel: `run ${runId}`,
      labelerName: simulated ? simulated.name : (s.labeler as { name: string }).name,
      control: new RunControl(), reset: false, interrupted: false,
    };
    this.session = session;
    const db = getDB();
    let status: RLStatus = 'running';
    let message: string | undefined;
    let round = firstRound;
    try {
      this.status(session, 'running', round, resumed);
      for (; round <= s.rounds; round++) await this.round(session, round);
      status = 'finished';
      round = s.rounds;
    } catch (e) {
      status = e instanceof Stopped ? 'stopped' : 'failed';
      message = e instanceof Stopped ? (session.reset ? 'Reset' : 'Stopped') : (e as Error).message;
    } finally {
      session.trainer.dispose();
      [session.policy, session.reference, session.base.model, session.rm?.model].forEach((m) => m && disposeLanguageModel(m));
      this.session = undefined;
      session.control.end();
    }
    // Interrupted (a lost GPU) or failed mid-round (a GPU read that died with its device, a full
    // disk, a bug): the rounds saved so far and the round's kept batches stay, and the run can be
    // resumed from there. Only the person's Stop or Reset ends a run for good.
    const resumable = (session.interrupted && status === 'stopped') || status === 'failed';
    await db.runs.update(runId, { status: session.reset ? 'reset' : resumable ? 'paused' : status });
    if (!resumable) await forgetRunState(db, runId);
    if (status === 'stopped' && resumable) message = `Interrupted at round ${round}: resume it from its last saved round`;
    if (status === 'failed') message = `${message} (round ${round} was not saved: resume the run to try it again)`;
    if (!session.reset) this.status(session, status, round, message);
  }

  private status(run: Session, status: RLStatus, round: number, message?: string): void {
    this.ctx.post({ type: 'rl/status', status, runId: run.runId, round, rounds: run.s.rounds, message });
  }

  /** A point where the run may be paused or stopped (it throws Stopped): between steps, never inside one. */
  private async pausePoint(run: Session, round: number, message?: string): Promise<void> {
    await run.control.pausePoint({
      // Stored before it is shown: a reload once "paused" is on screen finds the run paused.
      onPause: async () => { await getDB().runs.update(run.runId, { status: 'paused' }); this.status(run, 'paused', round, message); },
      onResume: async () => { await getDB().runs.update(run.runId, { status: 'running' }); this.status(run, 'running', round); },
    });
    if (run.control.stopped) throw new Stopped();
  }

  private progress(round: number, phase: RLPhase, step: number, total: number): void {
    this.ctx.post({ type: 'rl/progress', phase, step, total, round });
  }

  private async round(run: Session, round: number): Promise<void> {
    const { s } = run;
    const { lock } = this.ctx;
    const db = getDB();
    const io: RoundIO = {
      lock,
      progress: (phase, step, total) => this.progress(round, phase, step, total),
      pausePoint: () => this.pausePoint(run, round),
      keptBatches: (r) => keptBatches(db, run.runId, r),
      keepBatches: (r, batches) => keepBatches(db, run.runId, r, batches),
      judgements: () => listJudgements(db, { labelers: [run.labelerName] }),
      requestFeedback: async (r, batches) => {
        const answered = new Promise<void>((done) => (run.feedback = { round: r, done }));
        this.ctx.post({ type: 'rl/feedback-request', round: r, labeler: s.labeler, batches });
        await answered;
        run.feedback = undefined;
      },
      reportFaults: (faults) => reportFaults(this.ctx.post, 'rl', faults, { db, runId: run.runId }),
    };
    // 1-6: sample, feedback, reward model, normalise, policy steps, measure (engine/rlhf-round.ts).
    const { metrics, rows, samples } = await runRound(io, run, s, s.prompts, round);

    // 7. save the policy, the trainer's state and the round's metrics in one transaction, then show them
    this.progress(round, 'save', 0, 1);
    await this.pausePoint(run, round);
    const meta: CheckpointMeta = { name: roundCheckpointName(run.runId, round), createdAt: new Date().toISOString(), kind: 'policy', runId: run.runId, round, parent: referenceCheckpointName(run.runId) };
    const [bytes, trainerState, inUse] = await lock.run(async () => [await modelToCheckpointBytes(run.policy, meta), await run.trainer.saveState(), this.ctx.policy().info?.checkpointId] as const);
    // A full disk pauses the run with the reason; Resume tries the save again.
    await saveRound(db, { runId: run.runId, round, settings: s, metrics, bytes, trainerState, inUse }, async (full) => {
      run.control.pause();
      await this.pausePoint(run, round, `${full.message}, then Resume to save round ${round}`);
    });
    this.progress(round, 'save', 1, 1);
    this.ctx.post({ type: 'rl/round', round, metrics, samples });
    this.ctx.post({ type: 'rl/before-after', round, rows });
  }
}
