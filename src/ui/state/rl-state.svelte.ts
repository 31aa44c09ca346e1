// The main thread's view of an RL run in the worker: its status, the phase in progress, the
// metrics of each round, the before/after rows, and the feedback each round asks for. A simulated
// labeler answers here, through the same store path as a person. A run left unfinished by a reload
// is found again in IndexedDB: resumed at once if it was running, offered if it was paused. While
// another tab trains (run-lock.ts) the run is shown read-only, live from IndexedDB (Dexie's
// liveQuery sees other tabs' writes), and this tab takes over when that one closes.
import { liveQuery, type Subscription } from 'dexie';
import { getContext, setContext } from 'svelte';
import { isResumable, resumePoint, type RLRunSettings } from '../../lib/engine/rl-run';
import type { Judgement } from '../../lib/feedback/judgement';
import { labelerFromSettings, simulatedRoundJudgements, type LabelingBatch } from '../../lib/feedback/simulated-judgement';
import type { PlaygroundDB } from '../../lib/store/db';
import type { EngineClient } from '../../lib/worker/client';
import type { BeforeAfterRow, FromWorker, RLPhase, RLStatus } from '../../lib/worker/protocol';
import { runLockName, TRAINING_LOCK, webRunLocks, type RunLocks } from '../../lib/worker/run-lock';
import type { FeedbackState } from './feedback-state.svelte';

type FeedbackRequest = Extract<FromWorker, { type: 'rl/feedback-request' }>;
type Progress = { phase: RLPhase; step: number; total: number; round: number };
type PhaseNote = { runId: number | undefined; progress: Progress };

export const PHASE_LABELS: Record<RLPhase, string> = {
  sample: 'Sampling completions', feedback: 'Waiting for feedback', reward: 'Training the reward model',
  ppo: 'PPO steps', measure: 'Measuring on held-out prompts', save: 'Saving the round',
};

export class RLState {
  status = $state<RLStatus | 'starting'>('idle');
  runId = $state<number | undefined>(undefined);
  round = $state(0);
  rounds = $state(0);
  message = $state('');
  progress = $state<Progress | null>(null);
  /** One entry per finished round: TRL's keys, plus round, rm/* and eval/*. */
  metrics = $state<Array<Record<string, number>>>([]);
  samples = $state<string[]>([]);
  beforeAfter = $state<BeforeAfterRow[]>([]);
  /** Batches waiting for the person's judgement (a simulated labeler never leaves any here). */
  pending = $state<{ round: number; labeler: string; batches: Array<LabelingBatch & { answered: boolean }> } | null>(null);
  feedbackMessage = $state('');
  /** A stored run a reload interrupted: it can go on from nextRound. */
  resumable = $state<{ runId: number; nextRound: number; rounds: number; name: string } | null>(null);
  /** The settings of the run going on here or in another tab, or stored for resuming: the form shows them. */
  runSettings = $state<RLRunSettings | null>(null);
  /** Another tab trains (run runId, when known; its stored status): this tab only watches. */
  elsewhere = $state<{ runId?: number; status: string } | null>(null);
  /** The id of the judgement acknowledged last (also logged, one line each: see acknowledge). */
  lastJudgementId = $state<number | undefined>(undefined);

  /** Runs resumed on their own once this page (a failed resume is not retried in a loop). */
  private readonly autoResumed = new Set<number>();
  /** The newest stored RL run, watched across tabs. */
  private readonly newest: Subscription;
  /** The training tab tells watching tabs its phase: not stored, it changes several times a second. */
  private readonly channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('rlhf-rl-phase');

  constructor(private readonly client: EngineClient, private readonly feedback: FeedbackState, private readonly db: PlaygroundDB,
    private readonly locks: RunLocks = webRunLocks()) {
    client.on('rl/status', (m) => {
      if (this.status === 'failed' && m.status === 'stopped') return; // the run stopped because of the failure shown
      Object.assign(this, { status: m.status, round: m.round, rounds: m.rounds, message: m.message ?? '' });
      if (m.runId !== undefined) this.runId = m.runId;
      if (m.status !== 'running' && m.status !== 'paused') { this.pending = null; this.progress = null; }
      if (m.status === 'idle') this.clear();
      if (m.status === 'failed') void this.reconcile(); // a failed run stays resumable: offer it
    });
    client.on('rl/progress', (m) => {
      this.progress = { phase: m.phase, step: m.step, total: m.total, round: m.round };
      this.round = m.round;
      this.channel?.postMessage({ runId: this.runId, progress: $state.snapshot(this.progress) } satisfies PhaseNote);
    });
    if (this.channel) this.channel.onmessage = (e: MessageEvent<PhaseNote>) => {
      if (this.elsewhere && this.elsewhere.runId === e.data.runId) this.progress = e.data.progress;
    };
    client.on('rl/round', (m) => {
      this.metrics.push(m.metrics);
      this.samples = m.samples;
    });
    client.on('rl/before-after', (m) => { this.beforeAfter = m.rows; });
    // A lost GPU interrupts a run (stored as paused, its locks released): offer to resume it now.
    client.on('backend/lost', () => void this.reconcile());
    client.on('rl/feedback-request', (m) => void this.answer(m));
    client.on('rl/locked', (m) => {
      Object.assign(this, { status: 'idle', message: '' });
      this.watch(m.runId);
    });
    client.on('error', (m) => {
      if (m.context.startsWith('rl/')) Object.assign(this, { status: 'failed', message: m.message });
    });
    // The newest RL run, now and whenever any tab changes it.
    this.newest = liveQuery(() => this.db.runs.where('kind').equals('rl').last()).subscribe({
      next: () => void this.reconcile(), error: (e: unknown) => console.error('RL run query failed', e),
    });
  }

  get busy(): boolean {
    return this.status === 'starting' || this.status === 'running' || this.status === 'paused';
  }

  /**
   * What to do with the newest stored run when this tab trains nothing: watch it if another tab
   * trains it; resume it at once if a reload cut it short while running; offer to resume it if it
   * was paused. Automatic because the tab that ran it is gone and a running run would otherwise stall.
   */
  private async reconcile(): Promise<void> {
    if (this.busy || this.elsewhere) return;
    // The locks first, then the run: a trainer writes the run's final status before it lets go.
    const trainer = await this.locks.heldRun();
    const run = await this.db.runs.where('kind').equals('rl').last();
    if (!run?.id || this.busy || this.elsewhere || !isResumable(run)) return;
    if (trainer !== undefined) {
      // This tab's own worker may not yet have let go of the run it has just ended: wait, don't watch.
      const justEnded = trainer === this.runId && (['failed', 'stopped', 'finished'] as string[]).includes(this.status);
      if (!justEnded) return this.watch(trainer);
      void this.locks.whenFree(runLockName(trainer)).then(() => this.reconcile());
      return;
    }
    const s = run.settings as RLRunSettings;
    Object.assign(this, { metrics: run.metrics, runId: run.id, rounds: s.rounds, round: resumePoint(run).nextRound, runSettings: s });
    if (run.status === 'running' && !this.autoResumed.has(run.id)) {
      this.autoResumed.add(run.id);
      Object.assign(this, { status: 'starting', message: '', resumable: null });
      this.client.send({ type: 'rl/resume-run', runId: run.id });
      return;
    }
    this.resumable = { runId: run.id, nextRound: resumePoint(run).nextRound, rounds: s.rounds, name: run.name };
  }

  /** Shows the run another tab trains, live, until that tab lets go of the training lock. */
  private watch(runId: number | undefined): void {
    if (this.elsewhere) return;
    Object.assign(this, { elsewhere: { runId, status: 'running' }, resumable: null, pending: null, progress: null, beforeAfter: [], samples: [] });
    const sub = runId === undefined ? undefined : liveQuery(() => this.db.runs.get(runId)).subscribe({
      next: (run) => {
        if (!run || !this.elsewhere) return;
        const s = run.settings as RLRunSettings;
        const next = resumePoint(run).nextRound;
        if (!this.runSettings || this.runId !== runId) this.runSettings = s;
        Object.assign(this, { runId, metrics: run.metrics, rounds: s.rounds, round: Math.min(next, s.rounds) });
        this.elsewhere = { runId, status: run.status };
      },
      error: (e: unknown) => console.error('RL run query failed', e),
    });
    void this.locks.whenFree(TRAINING_LOCK).then(async () => {
      sub?.unsubscribe();
      Object.assign(this, { elsewhere: null, progress: null });
      if (runId !== undefined) this.autoResumed.delete(runId); // the other tab closed: take its run over
      const run = runId === undefined ? undefined : await this.db.runs.get(runId);
      const ended: RLStatus[] = ['finished', 'stopped', 'failed'];
      if (run && ended.includes(run.status as RLStatus)) Object.assign(this, { status: run.status, message: `Run ${runId} ${run.status} in another tab` });
      await this.reconcile();
    });
  }

  private clear(): void {
    Object.assign(this, { metrics: [], samples: [], beforeAfter: [], pending: null, progress: null, resumable: null, feedbackMessage: '' });
  }

  start(settings: RLRunSettings): void {
    this.clear();
    const snapshot = $state.snapshot(settings) as RLRunSettings;
    Object.assign(this, { status: 'starting', message: '', round: 0, rounds: settings.rounds, runSettings: snapshot });
    this.client.send({ type: 'rl/start', settings: snapshot });
  }

  resumeStored(): void {
    const r = this.resumable;
    if (!r) return;
    Object.assign(this, { status: 'starting', message: '', resumable: null });
    this.client.send({ type: 'rl/resume-run', runId: r.runId });
  }

  pause = () => this.client.send({ type: 'rl/pause' });
  resume = () => this.client.send({ type: 'rl/resume' });
  stop = () => this.client.send({ type: 'rl/stop' });

  async reset(): Promise<void> {
    const r = this.resumable;
    if (r) await this.db.runs.update(r.runId, { status: 'reset' });
    this.clear();
    this.client.send({ type: 'rl/reset' });
  }

  /** A simulated labeler ranks every batch at once; a person's batches wait on screen. */
  private async answer(m: FeedbackRequest): Promise<void> {
    if (m.labeler.kind === 'person') {
      this.pending = { round: m.round, labeler: m.labeler.name, batches: m.batches.map((b) => ({ ...b, answered: false })) };
      return;
    }
    try {
      const labeler = labelerFromSettings(m.labeler.settings);
      for (const j of simulatedRoundJudgements(labeler, m.round, m.batches)) await this.acknowledge(j, m.round);
      this.client.send({ type: 'rl/feedback-done', round: m.round });
    } catch (e) {
      Object.assign(this, { status: 'failed', message: `The simulated labeler failed: ${(e as Error).message}` });
      this.stop();
    }
  }

  /**
   * The person's judgement of one batch: the completion they liked best ranks first, the others
   * tie behind it; null says they are all the same (stored, but it teaches the reward model nothing).
   */
  async judge(index: number, best: number | null): Promise<void> {
    const p = this.pending;
    const batch = p?.batches[index];
    if (!p || !batch || batch.answered) return;
    const name = p.labeler;
    batch.answered = true;
    try {
      await this.acknowledge({
        createdAt: new Date().toISOString(), labeler: name, labelerKind: 'person',
        prompt: batch.prompt, promptIds: [...batch.promptIds],
        completions: batch.completions.map((c) => ({ text: c.text, ids: [...c.ids], source: { ...c.source } })),
        feedback: { kind: 'ranking', ranks: batch.completions.map((_, i) => (best === null || i === best ? 1 : 2)) },
      }, p.round);
    } catch (e) {
      batch.answered = false;
      this.feedbackMessage = `Not saved: ${(e as Error).message}`;
      return;
    }
    if (p.batches.every((b) => b.answered)) {
      this.pending = null;
      this.client.send({ type: 'rl/feedback-done', round: p.round });
    }
  }

  /**
   * Stores a judgement and, once it is committed, says so on screen and in one console line with
   * its id: what was acknowledged is in IndexedDB (the reload test checks each id is there once).
   */
  private async acknowledge(j: Judgement, round: number): Promise<void> {
    const { id, message } = await this.feedback.save(j);
    this.feedbackMessage = message;
    this.lastJudgementId = id;
    console.info(`RL judgement ${id} saved (run ${this.runId}, round ${round})`);
  }

  dispose(): void {
    this.newest.unsubscribe();
    this.channel?.close();
  }
}

const KEY = Symbol('rl');
export const setRLState = (r: RLState) => setContext(KEY, r);
export const useRLState = () => getContext<RLState>(KEY);
