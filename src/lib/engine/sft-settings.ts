// Supervised fine-tuning's knobs and their defaults: no tfjs here, so the app's forms can read them.

export interface SFTSettings {
  epochs: number;
  /** Demonstrations per step. */
  batchSize: number;
  /** Peak Adam learning rate (short warm-up, then cosine decay over the run). */
  learningRate: number;
  gradClip: number;
  /** Seeds the order demonstrations are visited in, each epoch. */
  seed: number;
}

export const DEFAULT_SFT: SFTSettings = { epochs: 3, batchSize: 8, learningRate: 1e-3, gradClip: 1, seed: 1 };

/** Throws on the first setting out of range, naming it and its value; returns s. */
export function checkSFTSettings(s: SFTSettings): SFTSettings {
  const need = (ok: boolean, what: string, v: unknown) => {
    if (!ok) throw new Error(`Expected ${what}, but got ${String(v)}`);
  };
  need(Number.isInteger(s.epochs) && s.epochs >= 1 && s.epochs <= 1000, 'epochs to be an integer in 1..1000', s.epochs);
  need(Number.isInteger(s.batchSize) && s.batchSize >= 1 && s.batchSize <= 256, 'batch size to be an integer in 1..256', s.batchSize);
  need(Number.isFinite(s.learningRate) && s.learningRate > 0 && s.learningRate <= 1, 'learning rate in (0, 1]', s.learningRate);
  need(Number.isFinite(s.gradClip) && s.gradClip > 0, 'gradient clip > 0', s.gradClip);
  need(Number.isFinite(s.seed), 'a finite seed', s.seed);
  return s;
}
