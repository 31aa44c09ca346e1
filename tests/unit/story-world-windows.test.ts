// Training windows written from the story world as they are read: deterministic from the rng, whole
// BOS ... EOS stories after the first, never a held-out story, and a run that learns from them.
import { describe, expect, it } from 'vitest';
import { Pretraining } from '../../src/lib/engine/pretraining';
import { StoryWorldWindows, storyWorldHeldoutText, storyWorldTrainingText } from '../../src/lib/engine/story-world-windows';
import { disposeLanguageModel } from '../../src/lib/model/language-model';
import { BOS, EOS, charTokenizer } from '../../src/lib/model/tokenizer';
import { HELDOUT_FIRST_STORY, writeStory } from '../../src/lib/storyworld/story-world';
import { makeRng } from '../../src/lib/util/rng';
import { mixedWindows, type WindowSource } from '../../src/lib/engine/window-source';
import { testModel } from './helpers';

const tok = charTokenizer();

describe('story-world training windows', () => {
  it('draws the same windows from the same rng, and T + 1 tokens each', () => {
    const source = new StoryWorldWindows(tok, 1);
    const a = source.windows(4, 300, makeRng(5));
    expect(a).toEqual(source.windows(4, 300, makeRng(5)));
    expect(a).not.toEqual(source.windows(4, 300, makeRng(6)));
    for (const w of a) expect(w).toHaveLength(301);
  });

  it('holds whole stories between BOS and EOS after the window start', () => {
    const [w] = new StoryWorldWindows(tok, 2).windows(1, 2000, makeRng(9));
    const firstBos = w.indexOf(BOS);
    const nextBos = w.indexOf(BOS, firstBos + 1);
    expect(firstBos).toBeGreaterThanOrEqual(0);
    expect(w[nextBos - 1]).toBe(EOS);
    const story = tok.decode(w.slice(firstBos + 1, nextBos - 1));
    // A story of the world, word for word: it is one of those the generator writes.
    expect(story.length).toBeGreaterThan(50);
    expect(story).toMatch(/^[A-Z]/);
    expect(story).toMatch(/[.!?"]$/);
  });

  it('never trains on a held-out story', () => {
    const held = new Set(storyWorldHeldoutText(3, 50).split('\n'));
    const source = new StoryWorldWindows(tok, 3);
    const seen: string[] = [];
    const rng = makeRng(1);
    for (let i = 0; i < 20; i++) {
      for (const w of source.windows(2, 600, rng)) {
        const text = tok.decode(w.map((id) => (id === BOS || id === EOS ? tok.encode('\n')[0] : id)));
        seen.push(...text.split('\n').slice(1, -1));
      }
    }
    expect(seen.length).toBeGreaterThan(20);
    for (const s of seen) expect(held.has(s)).toBe(false);
    expect(writeStory(3, HELDOUT_FIRST_STORY).text).toBe(storyWorldHeldoutText(3, 1));
  });

  it('counts the stories its filter turns away and trains on none of them', () => {
    // A filter half the stories fail, whatever the plots: an odd number of characters.
    const source = new StoryWorldWindows(tok, 4, (t) => t.length % 2 === 0);
    const windows = source.windows(6, 1500, makeRng(2));
    expect(source.rejected).toBeGreaterThan(0);
    for (const w of windows) {
      const whole = tok.decode(w.map((id) => (id === BOS || id === EOS ? tok.encode('\n')[0] : id))).split('\n').slice(1, -1);
      expect(whole.length).toBeGreaterThan(0);
      for (const story of whole) expect(story.length % 2).toBe(0);
    }
  });

  it('gives a tokenizer the first stories, about as many characters as asked', () => {
    const text = storyWorldTrainingText(1, 5000);
    expect(text.length).toBeGreaterThanOrEqual(5000);
    expect(text.split('\n')[0]).toBe(writeStory(1, 0).text);
  });

  it('pretrains a model whose held-out loss falls', async () => {
    const model = testModel(1);
    const run = new Pretraining(model, new StoryWorldWindows(model.tokenizer, 1), { learningRate: 1e-2, warmupSteps: 2, totalSteps: 30, gradClip: 1, batchSize: 4, seed: 1 });
    const heldout = storyWorldHeldoutText(1, 20);
    const before = await run.heldoutLoss(heldout, 16);
    for (let i = 0; i < 30; i++) await run.step();
    expect(await run.heldoutLoss(heldout, 16)).toBeLessThan(before - 0.5);
    run.dispose();
    disposeLanguageModel(model);
  });

  it('mixes two sources window by window in the asked share, the same for the same rng', () => {
    const constant = (id: number): WindowSource => ({ windows: (n, T) => Array.from({ length: n }, () => new Array(T + 1).fill(id)), tokenCount: null });
    const mix = mixedWindows(constant(7), constant(9), 0.25);
    const windows = mix.windows(400, 3, makeRng(1));
    expect(windows).toEqual(mix.windows(400, 3, makeRng(1)));
    const share = windows.filter((w) => w[0] === 7).length / windows.length;
    expect(share).toBeGreaterThan(0.18);
    expect(share).toBeLessThan(0.32);
    expect(() => mixedWindows(constant(7), constant(9), 1.5)).toThrow(/share in 0..1/);
  });
});
