// The main thread's view of an RL run in the worker: its status, the phase in progress, the
// metrics of each round, the before/after rows, and the feedback each round asks for, mirrored
// from the worker's messages. The feedback is collected in rl-feedback.svelte.ts (a simulated
// labeler answers there, through the same store path as a person); a run a reload interrupted, or
// one another tab trains, is picked up in rl-takeover.svelte.ts.
import { getContext, setContext } from 'svelte';
import type { RLRunSettings } from '../../lib/engine/rl-run';
import type { PlaygroundDB } from '../../lib/store/db';
import type { EngineClient } from '../../lib/worker/client';
import type { BeforeAfterRow, RLPhase, RLStatus } from '../../lib/worker/protocol';
import { webRunLocks, type RunLocks } from '../../lib/worker/run-lock';
import type { FeedbackState } from './feedback-state.svelte';
import { RLFeedback } from './rl-feedback.svelte';
import { RLTakeover, type ResumableRun, type RLProgress } from './rl-takeover.svelte';

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
  progress = $state<RLProgress | null>(null);
  /** One entry per finished round: TRL's keys, plus round, rm/* and eval/*. */
  metrics = $state<Array<Record<string, number>>>([]);
  samples = $state<string[]>([]);
  beforeAfter = $state<BeforeAfterRow[]>([]);
  /** A stored run a reload interrupted: it can go on from nextRound. */
  resumable = $state<ResumableRun | null>(null);
  /** The settings of the run going on here or in another tab, or stored for resuming: the form shows them. */
  runSettings = $state<RLRunSettings | null>(null);

  private readonly asks: RLFeedback;
  private readonly takeover: RLTakeover;

  constructor(private readonly client: EngineClient, feedback: FeedbackState, private readonly db: PlaygroundDB,
    locks: RunLocks = webRunLocks()) {
    this.asks = new RLFeedback(client, feedback, { runId: () => this.runId, fail: (message) => this.fail(message) });
    client.on('rl/status', (m) => {
      if (this.status === 'failed' && m.status === 'stopped') return; // the run stopped because of the failure shown
      Object.assign(this, { status: m.status, round: m.round, rounds: m.rounds, message: m.message ?? '' });
      if (m.runId !== undefined) this.runId = m.runId;
      if (m.status !== 'running' && m.status !== 'paused') { this.asks.pending = null; this.progress = null; }
      if (m.status === 'idle') this.clear();
      if (m.status === 'failed') void this.takeover.reconcile(); // a failed run stays resumable: offer it
    });
    client.on('rl/progress', (m) => {
      this.progress = { phase: m.phase, step: m.step, total: m.total, round: m.round };
      this.round = m.round;
      this.takeover.broadcast(this.progress);
    });
    client.on('rl/round', (m) => {
      this.metrics.push(m.metrics);
      this.samples = m.samples;
    });
    client.on('rl/before-after', (m) => { this.beforeAfter = m.rows; });
    // A lost GPU interrupts a run (stored as paused, its locks released): offer to resume it now.
    client.on('backend/lost', () => void this.takeover.reconcile());
    client.on('rl/feedback-request', (m) => void this.asks.answer(m));
    client.on('rl/locked', (m) => {
      Object.assign(this, { status: 'idle', message: '' });
      this.takeover.watch(m.runId);
    });
    client.on('error', (m) => {
      if (m.context.startsWith('rl/')) Object.assign(this, { status: 'failed', message: m.message });
    });
    // Last: it reads the newest stored run at once, and this state must be whole by then.
    this.takeover = new RLTakeover(this, this.asks, client, db, locks);
  }

  get busy(): boolean {
    return this.status === 'starting' || this.status === 'running' || this.status === 'paused';
  }

  /** Another tab trains (run runId, when known; its stored status): this tab only watches. */
  get elsewhere(): { runId?: number; status: string } | null {
    return this.takeover.elsewhere;
  }

  /** Batches waiting for the person's judgement (a simulated labeler never leaves any here). */
  get pending() {
    return this.asks.pending;
  }

  get feedbackMessage(): string {
    return this.asks.message;
  }

  /** The id of the judgement acknowledged last (also logged, one line each). */
  get lastJudgementId(): number | undefined {
    return this.asks.lastJudgementId;
  }

  /**
   * The person's judgement of one batch: the completion they liked best ranks first, the others
   * tie behind it; null says they are all the same (stored, but it teaches the reward model nothing).
   */
  judge(index: number, best: number | null): Promise<void> {
    return this.asks.judge(index, best);
  }

  /** The run failed here on the main thread (its simulated labeler): show it and stop the run. */
  private fail(message: string): void {
    Object.assign(this, { status: 'failed', message });
    this.stop();
  }

  private clear(): void {
    Object.assign(this, { metrics: [], samples: [], beforeAfter: [], progress: null, resumable: null });
    this.asks.clear();
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

  dispose(): void {
    this.takeover.dispose();
  }
}

const KEY = Symbol('rl');
export const setRLState = (r: RLState) => setContext(KEY, r);
export const useRLState = () => getContext<RLState>(KEY);
