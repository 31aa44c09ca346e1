// KTO's knobs (offline training on thumbs, and on the judged pairs taken apart): no tfjs here, so
// the app's forms and the README's settings table read the same defaults, ranges and help.
import { defaultsOf, type SettingsTable } from '../util/settings-table';

export interface KTOSettings {
  beta: number;
  desirableWeight: number;
  undesirableWeight: number;
  learningRate: number;
  batchSize: number;
  epochs: number;
  maxGradNorm: number;
  seed: number;
}

/** KTO's knobs (TRL's KTOConfig names and defaults, the learning rate sized as DPO's for the small models here). */
export const KTO_SETTINGS: SettingsTable<KTOSettings> = [
  { key: 'beta', kind: 'number', default: 0.1, min: 0, max: Infinity, minOpen: true, form: { min: 0.01, max: 10 }, step: 0.01, label: 'β', help: 'How hard the policy is held to the reference: higher stays closer' },
  { key: 'desirableWeight', kind: 'number', default: 1, min: 0, max: Infinity, form: { max: 10 }, step: 0.05, name: 'desirable weight', label: 'Desirable weight', help: 'λ_D: weight of the thumbs-up (and chosen) examples\' loss' },
  { key: 'undesirableWeight', kind: 'number', default: 1, min: 0, max: Infinity, form: { max: 10 }, step: 0.05, name: 'undesirable weight', label: 'Undesirable weight', help: 'λ_U: weight of the thumbs-down (and rejected) examples\' loss' },
  { key: 'learningRate', kind: 'number', default: 1e-4, min: 0, max: 1, minOpen: true, form: { min: 1e-7, max: 0.1 }, step: 1e-5, name: 'learning rate', label: 'Learning rate', help: 'Adam step size' },
  { key: 'batchSize', kind: 'int', default: 8, min: 2, max: 1024, name: 'batch size', label: 'Examples per step', help: 'Examples per optimizer step (at least 2: the KL estimate pairs each prompt with another example\'s completion)' },
  { key: 'epochs', kind: 'int', default: 3, min: 1, max: 1000, label: 'Epochs', help: 'Passes over every example' },
  { key: 'maxGradNorm', kind: 'number', default: 1, min: 0, max: Infinity, minOpen: true, form: { min: 0.01, max: 100 }, step: 0.01, name: 'max gradient norm', label: 'Max gradient norm', help: 'Clip the global gradient norm to this' },
  { key: 'seed', kind: 'number', default: 1, min: -Infinity, max: Infinity, form: { min: 0, max: 2147483647 }, step: 1, label: 'Seed', help: 'Seeds the order examples are visited in, each epoch' },
];

export const DEFAULT_KTO: KTOSettings = defaultsOf(KTO_SETTINGS);
