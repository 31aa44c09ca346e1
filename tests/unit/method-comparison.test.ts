// The Compare screen's loop on a tiny model: every method measured on the same held-out prompts,
// a trained policy handed out for each policy method only, a stop honoured between steps, settings
// refused by name, and no tensor left behind.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPARE, checkCompareSettings } from '../../src/lib/engine/compare-settings';
import { collectComparisons } from '../../src/lib/engine/simulated-comparisons';
import { compareMethods } from '../../src/lib/engine/method-comparison';
import { fitProxyReward } from '../../src/lib/engine/proxy-reward';
import { lengthScorer, makeLabeler } from '../../src/lib/feedback/labelers';
import { disposeLanguageModel } from '../../src/lib/model/language-model';
import { Lock } from '../../src/lib/util/lock';
import { testModel } from './helpers';

const settings = { ...DEFAULT_COMPARE, steps: 1, evalPrompts: 2, maxTokens: 5, comparisons: 3, seed: 2 };
const train = ['Once upon a time', 'The cat', 'A dog'];
const heldout = ['In the morning', 'She said'];

async function setup() {
  const reference = testModel(4, { blockSize: 32, nLayer: 1, nHead: 2, nEmbd: 16 });
  const gold = lengthScorer('shorter');
  const { groups } = await collectComparisons(reference, train, makeLabeler(gold, 0, 'random'), { k: 2, maxTokens: 5, temperature: 0.7, comparisons: 3, seed: 2 });
  const proxy = await fitProxyReward(reference, groups, 2);
  return { reference, gold, groups, proxy, dispose: () => { proxy.dispose(); disposeLanguageModel(reference); } };
}

describe('compareMethods', () => {
  it('measures each method on the same prompts, hands out policies only where one was trained, and leaks nothing', async () => {
    const s = await setup();
    const before = tf.memory().numTensors;
    const seen: Array<{ method: string; policy: boolean; completions: number; kl: number; gold: number | null }> = [];
    for await (const { result, policy } of compareMethods({ ...s, train, heldout }, ['reference', 'best-of-4', 'rloo', 'a2c', 'ipo', 'kto'], settings)) {
      seen.push({ method: result.method, policy: policy !== undefined, completions: result.completions.length, kl: result.kl, gold: result.gold_score });
      expect(Number.isFinite(result.proxy_score)).toBe(true);
    }
    expect(seen.map((r) => [r.method, r.policy, r.completions])).toEqual([
      ['reference', false, 2], ['best-of-4', false, 2], ['rloo', true, 2], ['a2c', true, 2], ['ipo', true, 2], ['kto', true, 2],
    ]);
    expect(seen[0].kl).toBe(0);
    expect(seen[1].kl).toBeCloseTo(Math.log(4) - 0.75, 12);
    expect(seen.every((r) => typeof r.gold === 'number')).toBe(true);
    expect(tf.memory().numTensors).toBe(before); // each policy was disposed once the next result was asked for
    s.dispose();
  });

  it('reports no gold score without a gold judge, and stops between steps when asked', async () => {
    const s = await setup();
    let stop = false;
    const methods: string[] = [];
    for await (const { result } of compareMethods({ ...s, gold: undefined, train, heldout }, ['reference', 'ppo', 'dpo'], settings, { stopped: () => stop })) {
      methods.push(result.method);
      expect(result.gold_score).toBeNull();
      stop = true;
    }
    expect(methods).toEqual(['reference']);
    s.dispose();
  });

  it('runs under the worker\'s lock, which is not re-entrant: the RL step scores with the proxy inside its own turn', async () => {
    const s = await setup();
    const lock = new Lock();
    const run = <T>(work: () => Promise<T>) => lock.run(work);
    const proxy = await fitProxyReward(s.reference, s.groups, 2, { run });
    const methods: string[] = [];
    for await (const { result } of compareMethods({ ...s, proxy, train, heldout }, ['best-of-4', 'ppo', 'dpo'], settings, { run })) methods.push(result.method);
    expect(methods).toEqual(['best-of-4', 'ppo', 'dpo']);
    proxy.dispose();
    s.dispose();
  }, 30_000);

  it('refuses unknown methods and out-of-range settings by name', () => {
    expect(() => checkCompareSettings(settings, ['ppo', 'dqn'])).toThrow('but got "dqn"');
    expect(() => checkCompareSettings(settings, [])).toThrow('at least one method');
    expect(() => checkCompareSettings({ ...settings, steps: 0 }, ['ppo'])).toThrow('Expected RL steps to be an integer in 1..1000, but got 0');
  });
});
