// The story world: deterministic, every plot writes 3-15 well-formed sentences, and every trait
// changes what is written (a trait that never shows in the text could not be learnt or judged).
import { describe, expect, it } from 'vitest';
import { makeRng } from '../../src/lib/util/rng';
import { PLOTS } from '../../src/lib/storyworld/plots';
import { writePlot, writeStory, stories } from '../../src/lib/storyworld/story-world';
import type { StoryTraits } from '../../src/lib/storyworld/traits';
import { isProfane } from '../../cli/teacher-safe';

/** Problems of form in one story's text, as short strings (empty when clean). */
function formProblems(text: string): string[] {
  const out: string[] = [];
  if (/undefined|NaN|\[object|null/.test(text)) out.push('a placeholder leaked');
  if (/ {2}|\s[,.!?]|,,|\.\./.test(text)) out.push('bad spacing or doubled punctuation');
  if ((text.match(/"/g) ?? []).length % 2 !== 0) out.push('unbalanced quotation marks');
  if (!/[.!?]"?$/.test(text)) out.push('no end mark');
  if (/\ba (?!uni|use|one|eu)[aeiou]/i.test(text.replace(/"[^"]*"/g, ''))) out.push(`"a" before a vowel`);
  if (/\b(\w+) \1\b/i.test(text.replace(/\b(very|had|that|no) \1\b/gi, ''))) out.push('a doubled word');
  return out;
}

describe('story world', () => {
  it('writes the same story for the same seed and index, and different ones otherwise', () => {
    expect(writeStory(3, 17)).toEqual(writeStory(3, 17));
    const texts = new Set([...stories(3, 0, 200)].map((s) => s.text));
    expect(texts.size).toBe(200);
    expect(writeStory(4, 17).text).not.toBe(writeStory(3, 17).text);
  });

  it('has at least 30 plot shapes with distinct ids', () => {
    expect(new Set(PLOTS.map((p) => p.id)).size).toBe(PLOTS.length);
    expect(PLOTS.length).toBeGreaterThanOrEqual(30);
  });

  for (const plot of PLOTS) {
    describe(plot.id, () => {
      it('writes 3-15 well-formed sentences for every trait combination and topic', () => {
        const rng = makeRng(11);
        for (let i = 0; i < 300; i++) {
          const story = writePlot(plot, rng);
          expect(story.sentences.length, story.text).toBeGreaterThanOrEqual(3);
          expect(story.sentences.length, story.text).toBeLessThanOrEqual(15);
          expect(formProblems(story.text), story.text).toEqual([]);
          expect(plot.topics).toContain(story.traits.topic);
        }
      });

      const axes: Array<[keyof StoryTraits, string, string]> = [
        ['kindness', 'kind', 'unkind'],
        ['ending', 'happy', 'sad'],
        ...(plot.hasFear ? [['bravery', 'brave', 'fearful'] as [keyof StoryTraits, string, string]] : []),
        ...(plot.hasLie ? [['honesty', 'honest', 'dishonest'] as [keyof StoryTraits, string, string]] : []),
      ];
      for (const [key, one, other] of axes) {
        it(`shows ${key} in the text: the same draws with ${one} and with ${other} differ`, () => {
          for (let seed = 0; seed < 20; seed++) {
            const base = writePlot(plot, makeRng(seed)).traits;
            const a = writePlot(plot, makeRng(seed), { ...base, [key]: one });
            const b = writePlot(plot, makeRng(seed), { ...base, [key]: other });
            expect(a.text, `${key} did not change the story`).not.toBe(b.text);
          }
        });
      }
    });
  }

  it('is teacher-safe by construction: the corpus word filter catches none of 5,000 stories', () => {
    const caught = [...stories(1, 0, 5000)].filter((s) => isProfane(s.text)).map((s) => s.text.slice(0, 80));
    expect(caught).toEqual([]);
  });

  it('keeps each trait near balanced over 2,000 stories', () => {
    const all = [...stories(1, 0, 2000)];
    const share = (f: (t: StoryTraits) => boolean) => all.filter((s) => f(s.traits)).length / all.length;
    expect(share((t) => t.kindness === 'kind')).toBeGreaterThan(0.45);
    expect(share((t) => t.kindness === 'kind')).toBeLessThan(0.55);
    expect(share((t) => t.ending === 'happy')).toBeGreaterThan(0.45);
    expect(share((t) => t.ending === 'happy')).toBeLessThan(0.55);
  });
});
