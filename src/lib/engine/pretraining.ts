// A pretraining session: a model, its trainer, a token stream and a seeded batch sampler.
// The worker drives it a step at a time (so it can pause, sample and save between steps);
// the CLI drives it in a loop. Same code, same numbers for the same seed and backend.
import type { LanguageModel } from '../model/language-model';
import { makeRng } from '../util/rng';
import { evaluationWindows, splitParagraphs, tokenizeDocuments } from './corpus';
import { streamWindows, type WindowSource } from './window-source';
import { LMTrainer, type LMStepResult, type LMTrainerState, type LMTrainSettings } from './lm-trainer';

export interface PretrainSettings extends LMTrainSettings {
  batchSize: number;
  seed: number;
}

export const DEFAULT_PRETRAIN: PretrainSettings = {
  learningRate: 3e-3, warmupSteps: 100, totalSteps: 1700, gradClip: 1, batchSize: 16, seed: 1,
};

export interface PretrainStep extends LMStepResult {
  step: number;
  tokensSeen: number;
}

/** Documents of a corpus file: one paragraph per line (bundled corpus) or prose with blank lines. */
export function corpusDocuments(text: string): string[] {
  const lines = text.replace(/\r/g, '').split('\n').filter((l) => l.trim().length > 0);
  // A text with blank-line paragraph breaks is prose with hard wraps; otherwise a line is a document.
  return /\n\s*\n/.test(text.trim()) ? splitParagraphs(text) : lines.map((l) => l.trim());
}

export class Pretraining {
  readonly trainer: LMTrainer;
  /** Where each step's windows come from: a corpus text's token stream, or the story world. */
  readonly source: WindowSource;
  tokensSeen = 0;

  constructor(readonly model: LanguageModel, corpus: string | WindowSource, readonly settings: PretrainSettings) {
    this.source = typeof corpus === 'string' ? streamWindows(tokenizeDocuments(model.tokenizer, corpusDocuments(corpus))) : corpus;
    this.trainer = new LMTrainer(model, settings);
  }

  /**
   * Goes on from a saved point: the trainer's state (so the LR schedule continues from its step).
   * Each step's batch is drawn from a sampler seeded by the seed and the step alone, so a run
   * resumed at step N draws what the run never interrupted drew. Call before the first step.
   */
  async restore(state: LMTrainerState, tokensSeen: number): Promise<void> {
    await this.trainer.loadState(state);
    this.tokensSeen = tokensSeen;
  }

  async step(): Promise<PretrainStep> {
    const rng = makeRng(resumeSeed(this.settings.seed, this.trainer.steps));
    const windows = this.source.windows(this.settings.batchSize, this.model.config.blockSize, rng);
    const result = await this.trainer.step(windows);
    this.tokensSeen += this.settings.batchSize * this.model.config.blockSize;
    return { ...result, step: this.trainer.steps, tokensSeen: this.tokensSeen };
  }

  /** Mean loss in nats per token on held-out text (up to maxWindows context-length windows); bits-per-char.ts counts per character. */
  async heldoutLoss(text: string, maxWindows = 64): Promise<number> {
    const stream = tokenizeDocuments(this.model.tokenizer, corpusDocuments(text));
    return this.trainer.evaluate(evaluationWindows(stream, this.model.config.blockSize, maxWindows));
  }

  dispose(): void {
    this.trainer.dispose();
  }
}

/** The batch sampler's seed at `step` (a plain function of both; 32-bit). */
export function resumeSeed(seed: number, step: number): number {
  return (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(step + 1, 0x85ebca6b)) >>> 0;
}

/** The name of a model pretrained further: "<name> + pretraining", the suffix once however often. */
export function trainedFurtherName(name: string): string {
  const suffix = ' + pretraining';
  return name.endsWith(suffix) ? name : `${name}${suffix}`;
}
