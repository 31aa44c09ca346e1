// The main thread's view of an RL run in the worker: its status, the phase in progress, the
// metrics of each round, the before/after rows, and the feedback each round asks for. A simulated
// labeler answers here, through the same store path as a person. A run left unfinished by a reload
// is found again in IndexedDB and can be resumed from its last round.
import { getContext, setContext } from 'svelte';
import { isResumable, resumePoint, type RLRunSettings } from '../../lib/engine/rl-run';
import { labelerFromSettings, simulatedJudgement, type LabelingBatch } from '../../lib/feedback/simulated-judgement';
import type { PlaygroundDB } from '../../lib/store/db';
import { makeRng } from '../../lib/util/rng';
import type { EngineClient } from '../../lib/worker/client';
import type { BeforeAfterRow, FromWorker, RLPhase, RLStatus } from '../../lib/worker/protocol';
import type { FeedbackState } from './feedback-state.svelte';

type FeedbackRequest = Extract<FromWorker, { type: 'rl/feedback-request' }>;

export const PHASE_LABELS: Record<RLPhase, string> = {
  sample: 'Sampling completions', feedback: 'Waiting for feedback', reward: 'Training the reward model',
  ppo: 'PPO steps', measure: 'Measuring on held-out prompts',
};

export class RLState {
  status = $state<RLStatus | 'starting'>('idle');
  runId = $state<number | undefined>(undefined);
  round = $state(0);
  rounds = $state(0);
  message = $state('');
  progress = $state<{ phase: RLPhase; step: number; total: number; round: number } | null>(null);
  /** One entry per finished round: TRL's keys, plus round, rm/* and eval/*. */
  metrics = $state<Array<Record<string, number>>>([]);
  samples = $state<string[]>([]);
  beforeAfter = $state<BeforeAfterRow[]>([]);
  /** Batches waiting for the person's judgement (a simulated labeler never leaves any here). */
  pending = $state<{ round: number; labeler: string; batches: Array<LabelingBatch & { answered: boolean }> } | null>(null);
  feedbackMessage = $state('');
  /** A stored run a reload interrupted: it can go on from nextRound. */
  resumable = $state<{ runId: number; nextRound: number; rounds: number; name: string } | null>(null);

  constructor(private readonly client: EngineClient, private readonly feedback: FeedbackState, private readonly db: PlaygroundDB) {
    client.on('rl/status', (m) => {
      Object.assign(this, { status: m.status, round: m.round, rounds: m.rounds, message: m.message ?? '' });
      if (m.runId !== undefined) this.runId = m.runId;
      if (m.status !== 'running' && m.status !== 'paused') { this.pending = null; this.progress = null; }
      if (m.status === 'idle') this.clear();
    });
    client.on('rl/progress', (m) => {
      this.progress = { phase: m.phase, step: m.step, total: m.total, round: m.round };
      this.round = m.round;
    });
    client.on('rl/round', (m) => {
      this.metrics.push(m.metrics);
      this.samples = m.samples;
    });
    client.on('rl/before-after', (m) => { this.beforeAfter = m.rows; });
    client.on('rl/feedback-request', (m) => void this.answer(m));
    client.on('error', (m) => {
      if (m.context.startsWith('rl/')) Object.assign(this, { status: 'failed', message: m.message });
    });
    void this.findStored();
  }

  get busy(): boolean {
    return this.status === 'starting' || this.status === 'running' || this.status === 'paused';
  }

  /** The newest RL run, if a reload left it unfinished: its curves, and a way to go on. */
  async findStored(): Promise<void> {
    const runs = await this.db.runs.where('kind').equals('rl').toArray();
    const run = runs.at(-1);
    if (!run?.id || !isResumable(run) || this.busy) return;
    const s = run.settings as RLRunSettings;
    this.metrics = run.metrics;
    this.runId = run.id;
    this.resumable = { runId: run.id, nextRound: resumePoint(run).nextRound, rounds: s.rounds, name: run.name };
  }

  private clear(): void {
    Object.assign(this, { metrics: [], samples: [], beforeAfter: [], pending: null, progress: null, resumable: null, feedbackMessage: '' });
  }

  start(settings: RLRunSettings): void {
    this.clear();
    Object.assign(this, { status: 'starting', message: '', round: 0, rounds: settings.rounds });
    this.client.send({ type: 'rl/start', settings: $state.snapshot(settings) as RLRunSettings });
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
      const rng = makeRng(m.round * 7919 + m.batches.length);
      for (const batch of m.batches) this.feedbackMessage = await this.feedback.add(simulatedJudgement(labeler, batch, rng));
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
      this.feedbackMessage = await this.feedback.add({
        createdAt: new Date().toISOString(), labeler: name, labelerKind: 'person',
        prompt: batch.prompt, promptIds: [...batch.promptIds],
        completions: batch.completions.map((c) => ({ text: c.text, ids: [...c.ids], source: { ...c.source } })),
        feedback: { kind: 'ranking', ranks: batch.completions.map((_, i) => (best === null || i === best ? 1 : 2)) },
      });
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
}

const KEY = Symbol('rl');
export const setRLState = (r: RLState) => setContext(KEY, r);
export const useRLState = () => getContext<RLState>(KEY);
