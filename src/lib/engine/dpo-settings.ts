// DPO's knobs (offline preference optimisation on the stored judgements): no tfjs here, so the
// app's forms and the README's settings table read the same defaults, ranges and help.
import type { DpoLossType } from '../rlhf/dpo';
import { defaultsOf, type SettingsTable } from '../util/settings-table';

export interface DPOSettings {
  beta: number;
  lossType: DpoLossType;
  labelSmoothing: number;
  learningRate: number;
  batchSize: number;
  epochs: number;
  maxGradNorm: number;
  seed: number;
}

/** DPO's knobs (TRL's DPOConfig names and defaults, the learning rate sized for the small models here). */
export const DPO_SETTINGS: SettingsTable<DPOSettings> = [
  { key: 'beta', kind: 'number', default: 0.1, min: 0, max: Infinity, minOpen: true, form: { min: 0.01, max: 10 }, step: 0.01, label: 'β', help: 'How hard the policy is held to the reference: higher stays closer' },
  { key: 'lossType', kind: 'choice', default: 'sigmoid', name: 'loss type', label: 'Loss', options: [{ value: 'sigmoid', label: 'DPO (sigmoid)' }, { value: 'ipo', label: 'IPO' }],
    help: 'sigmoid: −log σ(β·h) (DPO); ipo: (h − 1/2β)² on per-token log-probs (IPO)' },
  { key: 'labelSmoothing', kind: 'number', default: 0, min: 0, max: 0.5, step: 0.01, name: 'label smoothing', label: 'Label smoothing', help: 'Assumed share of flipped preferences (conservative DPO); sigmoid only' },
  { key: 'learningRate', kind: 'number', default: 1e-4, min: 0, max: 1, minOpen: true, form: { min: 1e-7, max: 0.1 }, step: 1e-5, name: 'learning rate', label: 'Learning rate', help: 'Adam step size' },
  { key: 'batchSize', kind: 'int', default: 8, min: 1, max: 1024, name: 'batch size', label: 'Pairs per step', help: 'Preference pairs per optimizer step' },
  { key: 'epochs', kind: 'int', default: 3, min: 1, max: 1000, label: 'Epochs', help: 'Passes over every pair' },
  { key: 'maxGradNorm', kind: 'number', default: 1, min: 0, max: Infinity, minOpen: true, form: { min: 0.01, max: 100 }, step: 0.01, name: 'max gradient norm', label: 'Max gradient norm', help: 'Clip the global gradient norm to this' },
  { key: 'seed', kind: 'number', default: 1, min: -Infinity, max: Infinity, form: { min: 0, max: 2147483647 }, step: 1, label: 'Seed', help: 'Seeds the order pairs are visited in, each epoch' },
];

export const DEFAULT_DPO: DPOSettings = defaultsOf(DPO_SETTINGS);
