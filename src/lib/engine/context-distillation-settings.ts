// Context distillation's knobs: no tfjs here, so a form and the README's settings table read the
// same defaults, ranges and help as the trainer checks (the prefix, text, is checked beside them).
import { type SettingsTable } from '../util/settings-table';

export interface ContextDistillationSettings {
  /** The context the teacher sees before every prompt and the student never does (non-empty). */
  prefix: string;
  /** Longest teacher continuation, in tokens (EOS included). */
  maxTokens: number;
  /** Sampling temperature of the teacher's continuations. */
  temperature: number;
  learningRate: number;
  /** Prompts per step, one continuation each. */
  batchSize: number;
  maxGradNorm: number;
  seed: number;
}

export const CONTEXT_DISTILLATION_SETTINGS: SettingsTable<Omit<ContextDistillationSettings, 'prefix'>> = [
  { key: 'maxTokens', kind: 'int', default: 32, min: 1, max: 4096, form: { max: 256 }, label: 'Max tokens', help: "Longest teacher continuation, in tokens (EOS included); below the model's context" },
  { key: 'temperature', kind: 'number', default: 1, min: 0, max: 10, form: { min: 0.05, max: 2 }, step: 0.05, label: 'Temperature', help: "Sampling temperature of the teacher's continuations (the KL is between the models' own distributions)" },
  { key: 'learningRate', kind: 'number', default: 1e-4, min: 0, max: Infinity, minOpen: true, form: { min: 1e-7, max: 0.1 }, step: 1e-5, label: 'Learning rate', help: 'Adam step size' },
  { key: 'batchSize', kind: 'int', default: 8, min: 1, max: Infinity, form: { max: 64 }, label: 'Prompts per step', help: 'Prompts per step, one teacher continuation each' },
  { key: 'maxGradNorm', kind: 'number', default: 1, min: 0, max: Infinity, minOpen: true, form: { min: 0.01, max: 100 }, step: 0.01, label: 'Max gradient norm', help: 'Clip the global gradient norm to this' },
  { key: 'seed', kind: 'number', default: 1, min: -Infinity, max: Infinity, form: { min: 0, max: 2147483647 }, step: 1, label: 'Seed', help: 'Seeds the prompts drawn and the teacher\'s samples' },
];
