// Supervised fine-tuning's knobs and their defaults: no tfjs here, so the app's forms can read them.
import { checkSettings, defaultsOf, type SettingsTable } from '../util/settings-table';

// Each field's meaning, default and range is its row of SFT_SETTINGS.
export interface SFTSettings {
  epochs: number;
  batchSize: number;
  learningRate: number;
  gradClip: number;
  seed: number;
}

export const SFT_SETTINGS: SettingsTable<SFTSettings> = [
  { key: 'epochs', kind: 'int', default: 3, min: 1, max: 1000, label: 'Epochs', help: 'Passes over the chosen demonstrations' },
  { key: 'batchSize', kind: 'int', default: 8, min: 1, max: 256, name: 'batch size', label: 'Batch size', help: 'Demonstrations per step, padded together' },
  { key: 'learningRate', kind: 'number', default: 1e-3, min: 0, max: 1, minOpen: true, form: { min: 1e-6, max: 0.1 }, step: 1e-6, name: 'learning rate', label: 'Learning rate', help: 'Peak Adam learning rate (short warm-up, then cosine decay)' },
  { key: 'gradClip', kind: 'number', default: 1, min: 0, max: Infinity, minOpen: true, form: { min: 0.01, max: 100 }, step: 0.01, name: 'gradient clip', label: 'Gradient clip', help: 'Clip the global gradient norm to this' },
  { key: 'seed', kind: 'number', default: 1, min: -Infinity, max: Infinity, form: { min: 0, max: 2147483647 }, step: 1, label: 'Seed', help: 'Seeds the order demonstrations are visited in, each epoch' },
];

export const DEFAULT_SFT: SFTSettings = defaultsOf(SFT_SETTINGS);

/** Throws on the first setting out of range, naming it and its value; returns s. */
export function checkSFTSettings(s: SFTSettings): SFTSettings {
  return checkSettings(SFT_SETTINGS, s);
}
