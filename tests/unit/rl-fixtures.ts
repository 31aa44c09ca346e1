// Shared by the PPO, A2C and PPO-ptx trainer tests: the 2-layer test model taught to write short lines
// of a few letters (so rollouts have EOS, padding and a reward signal), its frozen reference, and a
// reward for one letter.
import * as tf from '@tensorflow/tfjs';
import { Pretraining } from '../../src/lib/engine/pretraining';
import type { PPOTrainer } from '../../src/lib/engine/ppo-trainer';
import type { ScoreFn } from '../../src/lib/engine/rollout';
import { disposeLanguageModel, type LanguageModel } from '../../src/lib/model/language-model';
import { cloneParams, disposeParams, namedParams, paramsToArrays } from '../../src/lib/model/params';
import { makeRng } from '../../src/lib/util/rng';
import { testModel } from './helpers';

export const PROMPTS = ['a', 'the', 'b c', 'dead '];

/** +1 per letter in the completion, less 1 (about 1 'a' in 6 characters). */
export function letterScore(model: LanguageModel, letter = 'a'): ScoreFn {
  return async (items) => items.map(({ completion }) => [...model.tokenizer.decode(completion)].filter((ch) => ch === letter).length - 1);
}

export function withReference(policy: LanguageModel): LanguageModel {
  return { ...policy, params: cloneParams(policy.config, policy.params, false) };
}

export function disposePair(policy: LanguageModel, reference: LanguageModel): void {
  disposeLanguageModel(policy);
  disposeParams(reference.params);
}

/** Names of the parameters whose values differ between two snapshots. */
export function changed(before: Map<string, Float32Array>, after: Map<string, Float32Array>): string[] {
  return [...before].filter(([name, data]) => data.some((x, i) => x !== after.get(name)![i])).map(([name]) => name);
}

/** Trains the short-lines model once (call in beforeAll); returns a factory of fresh copies. */
export async function shortLineModels(): Promise<() => LanguageModel> {
  const rng = makeRng(5);
  const corpus = Array.from({ length: 300 }, () =>
    Array.from({ length: 1 + rng.int(8) }, () => 'abcde'[rng.int(5)]).join('')).join('\n');
  const model = testModel(7);
  const run = new Pretraining(model, corpus, { learningRate: 1e-2, warmupSteps: 2, totalSteps: 60, gradClip: 1, batchSize: 8, seed: 1 });
  for (let i = 0; i < 60; i++) await run.step();
  run.dispose();
  const weights = await paramsToArrays(model.params);
  disposeLanguageModel(model);
  return () => {
    const m = testModel(7);
    tf.tidy(() => { for (const [name, v] of namedParams(m.params)) v.assign(tf.tensor(weights.get(name)!, v.shape)); });
    return m;
  };
}

/**
 * tf.memory().numTensors after one warm-up step and after 10 more (equal when the trainer leaks
 * nothing); disposes the trainer and both models.
 */
export async function tensorsAcrossSteps(trainer: PPOTrainer, policy: LanguageModel, reference: LanguageModel): Promise<{ before: number; after: number }> {
  const scoreFn = letterScore(policy);
  await trainer.step(PROMPTS, scoreFn, 0);
  const before = tf.memory().numTensors;
  for (let i = 1; i <= 10; i++) await trainer.step(PROMPTS, scoreFn, i);
  const after = tf.memory().numTensors;
  trainer.dispose();
  disposePair(policy, reference);
  return { before, after };
}
