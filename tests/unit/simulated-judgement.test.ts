import { describe, expect, it } from 'vitest';
import type { CompletionRecord } from '../../src/lib/feedback/judgement';
import { comparisonCount } from '../../src/lib/feedback/judgement-group';
import {
  DEFAULT_SIMULATED_LABELER, labelerFromSettings, simulatedJudgement, type LabelingBatch, type SimulatedLabelerSettings,
} from '../../src/lib/feedback/simulated-judgement';
import { charTokenizer } from '../../src/lib/model/tokenizer';
import { makeRng } from '../../src/lib/util/rng';

const tokenizer = charTokenizer();
const source: CompletionRecord['source'] = { kind: 'sample', model: 'Starter model', temperature: 0.8, topK: 0, topP: 1, maxTokens: 24, seed: 1 };
const batch = (prompt: string, texts: string[]): LabelingBatch => ({
  prompt,
  promptIds: tokenizer.encode(prompt),
  completions: texts.map((text) => ({ text, ids: tokenizer.encode(text), source })),
});

const stories = batch('The little bear', [' was sad and cruel.', ' was very happy and kind.', ' sat.', ' ate a kind, happy, good cake.']);
const settings = (s: Partial<SimulatedLabelerSettings>): SimulatedLabelerSettings => ({ ...DEFAULT_SIMULATED_LABELER, noise: 0, ...s });

describe('simulated labelers from the form', () => {
  it('names each labeler after what it does, trolls and noise included', () => {
    expect(labelerFromSettings(settings({})).name).toBe('simulated: sentiment');
    expect(labelerFromSettings(settings({ scorer: 'shorter', noise: 0.2 })).name).toBe('simulated: shorter, 20% noise');
    expect(labelerFromSettings(settings({ scorer: 'keyword', keywords: ' Bear, cake ', keywordMode: 'avoid' })).name).toBe('simulated: avoid bear, cake');
    expect(labelerFromSettings(settings({ mode: 'inverted' })).name).toBe('simulated: troll, inverted sentiment');
    expect(labelerFromSettings(settings({ mode: 'random', noise: 0.1 })).name).toBe('simulated: troll, random, 10% noise');
  });

  it('refuses a keyword labeler without words and noise out of range', () => {
    expect(() => labelerFromSettings(settings({ scorer: 'keyword', keywords: ' , ' }))).toThrow(/at least one word/);
    expect(() => labelerFromSettings(settings({ noise: 0.9 }))).toThrow(/noise in 0..0.5, but got 0.9/);
  });
});

describe('a simulated ranking judgement', () => {
  it('ranks by sentiment, best first, and is stored as a ranking by a simulated labeler', () => {
    const j = simulatedJudgement(labelerFromSettings(settings({})), stories, makeRng(1), new Date('2025-01-02T03:04:05Z'));
    expect(j.feedback).toEqual({ kind: 'ranking', ranks: [4, 2, 3, 1] });
    expect(j).toMatchObject({ labeler: 'simulated: sentiment', labelerKind: 'simulated', prompt: 'The little bear', createdAt: '2025-01-02T03:04:05.000Z' });
    expect(j.promptIds).toEqual(tokenizer.encode('The little bear'));
    expect(j.completions.map((c) => c.text)).toEqual(stories.completions.map((c) => c.text));
    expect(j.completions[0].source).toEqual(source);
    expect(comparisonCount(j)).toBe(6);
  });

  it('copies the batch: changing the judgement leaves the screen\'s completions alone', () => {
    const j = simulatedJudgement(labelerFromSettings(settings({})), stories, makeRng(1));
    j.completions[0].ids.push(99);
    j.promptIds.push(99);
    expect(stories.completions[0].ids).toEqual(tokenizer.encode(' was sad and cruel.'));
    expect(stories.promptIds).toEqual(tokenizer.encode('The little bear'));
  });

  it('length, keyword and inverted labelers rank as they say', () => {
    const rng = makeRng(2);
    expect(simulatedJudgement(labelerFromSettings(settings({ scorer: 'shorter' })), stories, rng).feedback).toEqual({ kind: 'ranking', ranks: [2, 3, 1, 4] });
    expect(simulatedJudgement(labelerFromSettings(settings({ scorer: 'longer' })), stories, rng).feedback).toEqual({ kind: 'ranking', ranks: [3, 2, 4, 1] });
    // Two have both words, two have neither: two ties.
    expect(simulatedJudgement(labelerFromSettings(settings({ scorer: 'keyword', keywords: 'happy, kind' })), stories, rng).feedback)
      .toEqual({ kind: 'ranking', ranks: [3, 1, 3, 1] });
    expect(simulatedJudgement(labelerFromSettings(settings({ mode: 'inverted' })), stories, rng).feedback).toEqual({ kind: 'ranking', ranks: [1, 3, 2, 4] });
  });

  it('the same seed gives the same noisy rankings; the random troll agrees with the honest one about half the time', () => {
    const noisy = labelerFromSettings(settings({ noise: 0.3 }));
    const run = (seed: number) => {
      const rng = makeRng(seed);
      return Array.from({ length: 20 }, () => simulatedJudgement(noisy, stories, rng).feedback);
    };
    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));

    const honest = simulatedJudgement(labelerFromSettings(settings({})), stories, makeRng(1)).feedback;
    const troll = labelerFromSettings(settings({ mode: 'random' }));
    const rng = makeRng(7);
    let agree = 0;
    let total = 0;
    for (let t = 0; t < 500; t++) {
      const f = simulatedJudgement(troll, stories, rng).feedback;
      if (f.kind !== 'ranking' || honest.kind !== 'ranking') throw new Error('expected rankings');
      for (let i = 0; i < 4; i++) {
        for (let k = i + 1; k < 4; k++) {
          total++;
          if (Math.sign(f.ranks[i] - f.ranks[k]) === Math.sign(honest.ranks[i] - honest.ranks[k])) agree++;
        }
      }
    }
    expect(agree / total).toBeGreaterThan(0.45);
    expect(agree / total).toBeLessThan(0.55);
  });

  it('refuses fewer than two completions', () => {
    expect(() => simulatedJudgement(labelerFromSettings(settings({})), batch('p', ['only one']), makeRng(1))).toThrow(/at least 2 completions, but got 1/);
  });
});
