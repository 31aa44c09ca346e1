// A simulated labeler labeling N batches on its own while the person watches: each batch samples
// K completions of a bundled prompt, the labeler ranks them, the judgement is stored, then shown.
import type { Judgement } from '../../lib/feedback/judgement';
import { labelerFromSettings, simulatedJudgement, type SimulatedLabelerSettings } from '../../lib/feedback/simulated-judgement';
import { makeRng } from '../../lib/util/rng';
import type { FeedbackState } from '../state/feedback-state.svelte';
import type { RewardState } from '../state/reward-state.svelte';
import { seeds } from '../../lib/util/seeds';
import type { LabelSource } from '../../lib/worker/protocol';

export interface RunSettings {
  batches: number;
  k: number;
  maxTokens: number;
  temperature: number;
  /** Seeds the prompt choice and the labeler's noise; batch b samples with seed + b. */
  seed: number;
  /** A tournament of models: completion i from sources[i mod n] (the ladder rates them); else the model in use at `temperature`. */
  tournament: boolean;
  sources: LabelSource[];
}

export const DEFAULT_RUN: RunSettings = { batches: 10, k: 4, maxTokens: 60, temperature: 0.8, seed: 1, tournament: false, sources: [{ temperature: 0.8 }, { temperature: 1.2 }] };

export class SimulatedRun {
  running = $state(false);
  stopping = $state(false);
  done = $state(0);
  total = $state(0);
  /** The newest stored judgement and its acknowledgement. */
  last = $state<{ judgement: Judgement; message: string } | null>(null);
  error = $state('');

  constructor(private readonly reward: RewardState, private readonly feedback: FeedbackState) {}

  async start(labelerSettings: SimulatedLabelerSettings, run: RunSettings, prompts: string[]): Promise<void> {
    if (this.running) return;
    this.error = '';
    if (!prompts.length) {
      this.error = 'The bundled prompts are not loaded';
      return;
    }
    let labeler;
    try {
      labeler = labelerFromSettings(labelerSettings);
    } catch (e) {
      this.error = (e as Error).message;
      return;
    }
    Object.assign(this, { running: true, stopping: false, done: 0, total: run.batches, last: null });
    const rng = makeRng(run.seed);
    try {
      for (let b = 0; b < run.batches && !this.stopping; b++) {
        const prompt = prompts[rng.int(prompts.length)];
        const batch = await this.reward.sample({ prompt, k: run.k, maxTokens: run.maxTokens, seed: seeds.labelingBatch(run.seed, b), sources: run.tournament ? run.sources : [{ temperature: run.temperature }] });
        if (this.stopping) break;
        const judgement = simulatedJudgement(labeler, batch, rng);
        const message = await this.feedback.add(judgement);
        this.done = b + 1;
        this.last = { judgement, message };
      }
    } catch (e) {
      this.error = `Stopped: ${(e as Error).message}`;
    } finally {
      this.running = false;
      this.stopping = false;
    }
  }

  stop(): void {
    if (this.running) this.stopping = true;
  }
}
