// The feedback an RL round asks for: a simulated labeler ranks every batch at once, here on the
// main thread, through the same store path as a person; a person's batches wait on screen until
// each has an answer. Every judgement is acknowledged only once IndexedDB has committed it.
import type { Judgement } from '../../lib/feedback/judgement';
import { labelerFromSettings, simulatedRoundJudgements, type LabelingBatch } from '../../lib/feedback/simulated-judgement';
import type { EngineClient } from '../../lib/worker/client';
import type { FromWorker } from '../../lib/worker/protocol';
import type { FeedbackState } from './feedback-state.svelte';

export type FeedbackRequest = Extract<FromWorker, { type: 'rl/feedback-request' }>;
/** A round's batches waiting for the person's judgement. */
export type PendingFeedback = { round: number; labeler: string; batches: Array<LabelingBatch & { answered: boolean }> };

/** What the feedback needs of the run it answers for (RLState is one). */
export interface FeedbackRun {
  runId(): number | undefined;
  /** The simulated labeler failed: show it and stop the run. */
  fail(message: string): void;
}

export class RLFeedback {
  /** Batches waiting for the person's judgement (a simulated labeler never leaves any here). */
  pending = $state<PendingFeedback | null>(null);
  message = $state('');
  /** The id of the judgement acknowledged last (also logged, one line each: see acknowledge). */
  lastJudgementId = $state<number | undefined>(undefined);

  constructor(private readonly client: EngineClient, private readonly feedback: FeedbackState, private readonly run: FeedbackRun) {}

  /** A simulated labeler ranks every batch at once; a person's batches wait on screen. */
  async answer(m: FeedbackRequest): Promise<void> {
    if (m.labeler.kind === 'person') {
      this.pending = { round: m.round, labeler: m.labeler.name, batches: m.batches.map((b) => ({ ...b, answered: false })) };
      return;
    }
    try {
      const labeler = labelerFromSettings(m.labeler.settings);
      for (const j of simulatedRoundJudgements(labeler, m.round, m.batches)) await this.acknowledge(j, m.round);
      this.client.send({ type: 'rl/feedback-done', round: m.round });
    } catch (e) {
      this.run.fail(`The simulated labeler failed: ${(e as Error).message}`);
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
      this.message = `Not saved: ${(e as Error).message}`;
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
    this.message = message;
    this.lastJudgementId = id;
    console.info(`RL judgement ${id} saved (run ${this.run.runId()}, round ${round})`);
  }

  clear(): void {
    this.pending = null;
    this.message = '';
  }
}
