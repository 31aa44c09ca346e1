// The Compare screen's knobs (and `npm run experiment -- compare`'s defaults): the methods share
// one set of judgements, one reward model fitted on them, and one sampling budget. No tfjs here.
import { checkSettings, defaultsOf, type SettingsTable } from '../util/settings-table';

/** The methods a comparison can run: the starter itself, best-of-n at two n, four RL algorithms, DPO, IPO and KTO. */
export const COMPARE_METHODS = ['reference', 'best-of-4', 'best-of-16', 'ppo', 'grpo', 'rloo', 'a2c', 'dpo', 'ipo', 'kto'] as const;
export type CompareMethod = (typeof COMPARE_METHODS)[number];

export const METHOD_LABELS: Record<CompareMethod, string> = {
  reference: 'Reference (the starting model)', 'best-of-4': 'Best-of-4', 'best-of-16': 'Best-of-16',
  ppo: 'PPO', grpo: 'GRPO', rloo: 'RLOO', a2c: 'A2C', dpo: 'DPO', ipo: 'IPO', kto: 'KTO',
};

export const isCompareMethod = (x: unknown): x is CompareMethod => (COMPARE_METHODS as readonly unknown[]).includes(x);

export interface CompareSettings {
  /** RL steps per policy method; each step samples COMPLETIONS_PER_STEP completions. */
  steps: number;
  /** β: the KL penalty of the RL methods (fixed). DPO, IPO and KTO keep their own β. */
  beta: number;
  /** Held-out prompts every method is measured on (one completion each; best-of-n keeps one of n). */
  evalPrompts: number;
  maxTokens: number;
  /** Comparisons the simulated labeler makes when it gives the feedback. */
  comparisons: number;
  seed: number;
}

/** The policy methods' sampling budget per step: 8 completions (GRPO and RLOO: 2 prompts × 4). */
export const COMPLETIONS_PER_STEP = 8;

export const COMPARE_SETTINGS: SettingsTable<CompareSettings> = [
  { key: 'steps', kind: 'int', default: 24, min: 1, max: 1000, form: { max: 200 }, name: 'RL steps', label: 'RL steps per method', help: `Steps of each RL method, ${COMPLETIONS_PER_STEP} completions sampled per step: the same budget for all` },
  { key: 'beta', kind: 'number', default: 0.05, min: 0, max: 10, step: 0.005, name: 'β', label: 'β (RL methods)', help: 'The KL penalty every RL method trains with, fixed' },
  { key: 'evalPrompts', kind: 'int', default: 16, min: 1, max: 256, form: { max: 64 }, name: 'held-out prompts', label: 'Held-out prompts', help: 'Prompts each method is measured on and shown side by side, never trained on' },
  { key: 'maxTokens', kind: 'int', default: 32, min: 1, max: 512, form: { max: 128 }, name: 'max tokens', label: 'Max tokens', help: 'Longest completion, in tokens' },
  { key: 'comparisons', kind: 'int', default: 200, min: 1, max: 100_000, form: { max: 2000 }, label: 'Comparisons (simulated labeler)', help: 'Pairs the simulated labeler judges when it gives the feedback' },
  { key: 'seed', kind: 'number', default: 1, min: -Infinity, max: Infinity, form: { min: 0, max: 2147483647 }, step: 1, label: 'Seed', help: 'Seeds the judgements, the samples and the updates' },
];

export const DEFAULT_COMPARE: CompareSettings = defaultsOf(COMPARE_SETTINGS);

export function checkCompareSettings(s: CompareSettings, methods: readonly string[]): CompareSettings {
  checkSettings(COMPARE_SETTINGS, s);
  if (!methods.length) throw new Error('Expected at least one method to compare');
  const unknown = methods.find((m) => !isCompareMethod(m));
  if (unknown) throw new Error(`Expected methods from ${COMPARE_METHODS.join(', ')}, but got "${unknown}"`);
  return s;
}
