// Pretraining's knobs (beside where it starts from and what it reads): no tfjs here, so the
// app's Pretrain panel reads the same defaults, ranges and help as the worker checks.
import { checkSettings, defaultsOf, type SettingsTable } from '../util/settings-table';

export interface PretrainSettings {
  steps: number;
  batchSize: number;
  learningRate: number;
  sampleEvery: number;
  seed: number;
}

export const PRETRAIN_SETTINGS: SettingsTable<PretrainSettings> = [
  { key: 'steps', kind: 'int', default: 200, min: 1, max: 100_000, label: 'Steps', help: 'Optimizer updates to run' },
  { key: 'batchSize', kind: 'int', default: 8, min: 1, max: 256, name: 'batch size', label: 'Batch size', help: 'Windows of context length per step' },
  { key: 'learningRate', kind: 'number', default: 0.003, min: 1e-6, max: 1, form: { min: 1e-5, max: 0.1 }, step: 1e-4, name: 'learning rate', label: 'Learning rate', help: 'Peak Adam learning rate (warm-up, then cosine decay)' },
  { key: 'sampleEvery', kind: 'int', default: 50, min: 0, max: 100_000, name: 'sample every', label: 'Sample every', help: 'Show generated text every N steps (0: never)' },
  { key: 'seed', kind: 'number', default: 1, min: -Infinity, max: Infinity, form: { min: 0, max: 2147483647 }, step: 1, label: 'Training seed', help: 'Seeds the weights and the batches' },
];

export const DEFAULT_PRETRAIN: PretrainSettings = defaultsOf(PRETRAIN_SETTINGS);

/** Throws on the first setting out of range, naming it and its value; returns s. */
export function checkPretrainSettings<T extends PretrainSettings>(s: T): T {
  checkSettings(PRETRAIN_SETTINGS, s);
  return s;
}
