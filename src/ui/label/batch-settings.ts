// What the person asks for when they want completions to label, and how it advances after each
// judgement: a new seed always, and a random prompt of the chosen set when "move on" is set.
import type { LabelSource } from '../../lib/worker/protocol';
import type { SessionRequest } from './label-session.svelte';

export interface BatchSettings {
  prompt: string;
  /** Completions per prompt, 2..6. */
  k: number;
  maxTokens: number;
  /** Sampling temperature of the model in use (a tournament sets one per source). */
  temperature: number;
  seed: number;
  /** After each judgement, continue with a random prompt of the chosen set (else the same prompt again). */
  moveOn: boolean;
  /** The K come from several checkpoints / temperatures. */
  tournament: boolean;
  sources: LabelSource[];
}

export const K_MIN = 2;
export const K_MAX = 6;

export const DEFAULT_BATCH: BatchSettings = {
  prompt: 'Once upon a time', k: 4, maxTokens: 60, temperature: 0.8, seed: 1, moveOn: true, tournament: false,
  sources: [{ temperature: 0.8 }, { temperature: 1.2 }],
};

export function requestOf(s: BatchSettings): SessionRequest {
  return {
    prompt: s.prompt, k: s.k, maxTokens: s.maxTokens, seed: s.seed,
    sources: s.tournament ? s.sources.map((x) => ({ ...x })) : [{ temperature: s.temperature }],
  };
}

/** The settings for the next batch; `random` is uniform in [0, 1). */
export function nextBatch(s: BatchSettings, prompts: string[], random: number): BatchSettings {
  const prompt = s.moveOn && prompts.length ? prompts[Math.floor(random * prompts.length)] : s.prompt;
  return { ...s, prompt, seed: s.seed + 1, sources: s.sources.map((x) => ({ ...x })) };
}
