// An RL run across reloads and tabs. A run left unfinished by a reload is found again in
// IndexedDB: resumed at once if it was running, offered if it was paused. While another tab trains
// (run-lock.ts) the run is shown read-only, live from IndexedDB (Dexie's liveQuery sees other tabs'
// writes), with its phase passed on by a BroadcastChannel; this tab takes over when that one closes.
import { liveQuery, type Subscription } from 'dexie';
import { isResumable, parseStoredRLSettings, resumePoint, type RLRunSettings } from '../../lib/engine/rl-run';
import type { PlaygroundDB } from '../../lib/store/db';
import type { EngineClient } from '../../lib/worker/client';
import type { BeforeAfterRow, RLPhase, RLStatus } from '../../lib/worker/protocol';
import { runLockName, TRAINING_LOCK, type RunLocks } from '../../lib/worker/run-lock';
import type { PendingFeedback } from './rl-feedback.svelte';

export type RLProgress = { phase: RLPhase; step: number; total: number; round: number };
/** A stored run a reload interrupted: it can go on from nextRound. */
export type ResumableRun = { runId: number; nextRound: number; rounds: number; name: string };
type PhaseNote = { runId: number | undefined; progress: RLProgress };

/** The main thread's view of the run that the takeover reads and writes (RLState is one). */
export interface RunView {
  status: RLStatus | 'starting';
  runId: number | undefined;
  round: number;
  rounds: number;
  message: string;
  progress: RLProgress | null;
  metrics: Array<Record<string, number>>;
  samples: string[];
  beforeAfter: BeforeAfterRow[];
  resumable: ResumableRun | null;
  runSettings: RLRunSettings | null;
  readonly busy: boolean;
}

/** A stored run's settings, or the line that says why they cannot be read. */
function readSettings(run: { id?: number; settings: unknown }): RLRunSettings | string {
  try {
    return parseStoredRLSettings(run.settings);
  } catch (e) {
    return `Run ${run.id} cannot be shown or resumed: ${(e as Error).message}`;
  }
}

export class RLTakeover {
  /** Another tab trains (run runId, when known; its stored status): this tab only watches. */
  elsewhere = $state<{ runId?: number; status: string } | null>(null);

  /** Runs resumed on their own once this page (a failed resume is not retried in a loop). */
  private readonly autoResumed = new Set<number>();
  /** The newest stored RL run, watched across tabs. */
  private readonly newest: Subscription;
  /** The training tab tells watching tabs its phase: not stored, it changes several times a second. */
  private readonly channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('rlhf-rl-phase');

  constructor(private readonly view: RunView, private readonly feedback: { pending: PendingFeedback | null },
    private readonly client: EngineClient, private readonly db: PlaygroundDB, private readonly locks: RunLocks) {
    if (this.channel) this.channel.onmessage = (e: MessageEvent<PhaseNote>) => {
      if (this.elsewhere && this.elsewhere.runId === e.data.runId) this.view.progress = e.data.progress;
    };
    // The newest RL run, now and whenever any tab changes it.
    this.newest = liveQuery(() => this.db.runs.where('kind').equals('rl').last()).subscribe({
      next: () => void this.reconcile(), error: (e: unknown) => console.error('RL run query failed', e),
    });
  }

  /** Passes this tab's phase on to the tabs that watch its run. */
  broadcast(progress: RLProgress): void {
    this.channel?.postMessage({ runId: this.view.runId, progress: $state.snapshot(progress) } satisfies PhaseNote);
  }

  /**
   * What to do with the newest stored run when this tab trains nothing: watch it if another tab
   * trains it; resume it at once if a reload cut it short while running; offer to resume it if it
   * was paused. Automatic because the tab that ran it is gone and a running run would otherwise stall.
   */
  async reconcile(): Promise<void> {
    const v = this.view;
    if (v.busy || this.elsewhere) return;
    // The locks first, then the run: a trainer writes the run's final status before it lets go.
    const trainer = await this.locks.heldRun();
    const run = await this.db.runs.where('kind').equals('rl').last();
    if (!run?.id || v.busy || this.elsewhere || !isResumable(run)) return;
    if (trainer !== undefined) {
      // This tab's own worker may not yet have let go of the run it has just ended: wait, don't watch.
      const justEnded = trainer === v.runId && (['failed', 'stopped', 'finished'] as string[]).includes(v.status);
      if (!justEnded) return this.watch(trainer);
      void this.locks.whenFree(runLockName(trainer)).then(() => this.reconcile());
      return;
    }
    const s = readSettings(run);
    // A damaged stored run is neither resumed nor offered: its error shows where a run's failure does.
    if (typeof s === 'string') {
      Object.assign(v, { status: 'failed', message: s, resumable: null });
      return;
    }
    Object.assign(v, { metrics: run.metrics, runId: run.id, rounds: s.rounds, round: resumePoint(run).nextRound, runSettings: s });
    if (run.status === 'running' && !this.autoResumed.has(run.id)) {
      this.autoResumed.add(run.id);
      Object.assign(v, { status: 'starting', message: '', resumable: null });
      this.client.send({ type: 'rl/resume-run', runId: run.id });
      return;
    }
    v.resumable = { runId: run.id, nextRound: resumePoint(run).nextRound, rounds: s.rounds, name: run.name };
  }

  /** Shows the run another tab trains, live, until that tab lets go of the training lock. */
  watch(runId: number | undefined): void {
    if (this.elsewhere) return;
    const v = this.view;
    this.elsewhere = { runId, status: 'running' };
    this.feedback.pending = null;
    Object.assign(v, { resumable: null, progress: null, beforeAfter: [], samples: [] });
    const sub = runId === undefined ? undefined : liveQuery(() => this.db.runs.get(runId)).subscribe({
      next: (run) => {
        if (!run || !this.elsewhere) return;
        const s = readSettings(run);
        if (typeof s === 'string') {
          Object.assign(v, { status: 'failed', message: s });
        } else {
          const next = resumePoint(run).nextRound;
          if (!v.runSettings || v.runId !== runId) v.runSettings = s;
          Object.assign(v, { runId, metrics: run.metrics, rounds: s.rounds, round: Math.min(next, s.rounds) });
        }
        this.elsewhere = { runId, status: run.status };
      },
      error: (e: unknown) => console.error('RL run query failed', e),
    });
    void this.locks.whenFree(TRAINING_LOCK).then(async () => {
      sub?.unsubscribe();
      this.elsewhere = null;
      v.progress = null;
      if (runId !== undefined) this.autoResumed.delete(runId); // the other tab closed: take its run over
      const run = runId === undefined ? undefined : await this.db.runs.get(runId);
      const ended: RLStatus[] = ['finished', 'stopped', 'failed'];
      if (run && ended.includes(run.status as RLStatus)) Object.assign(v, { status: run.status, message: `Run ${runId} ${run.status} in another tab` });
      await this.reconcile();
    });
  }

  dispose(): void {
    this.newest.unsubscribe();
    this.channel?.close();
  }
}
