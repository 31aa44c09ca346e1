// The story world: writes short children's stories from a seed. Story i of seed s is always the same
// story, so a corpus of any size is written as training reads it, never stored.
import { makeRng, type Rng } from '../util/rng';
import type { Plot } from './plot';
import { PLOTS } from './plots';
import { Story } from './story';
import type { StoryTraits, WrittenStory } from './traits';

/** Training draws story indices below this; held-out stories (evaluation, prompts) start here. */
export const HELDOUT_FIRST_STORY = 2 ** 31;

/** Draws the traits first: the plot, then kindness, ending, bravery, honesty and topic. */
export function drawTraits(rng: Rng, plots: readonly Plot[] = PLOTS): { plot: Plot; traits: StoryTraits } {
  const plot = plots[rng.int(plots.length)];
  return { plot, traits: drawTraitsOf(plot, rng) };
}

/** The traits of a story of this plot. */
export function drawTraitsOf(plot: Plot, rng: Rng): StoryTraits {
  return {
    plot: plot.id,
    kindness: rng.next() < 0.5 ? 'kind' : 'unkind',
    ending: rng.next() < 0.5 ? 'happy' : 'sad',
    bravery: plot.hasFear ? (rng.next() < 0.5 ? 'brave' : 'fearful') : null,
    honesty: plot.hasLie ? (rng.next() < 0.5 ? 'honest' : 'dishonest') : null,
    topic: plot.topics[rng.int(plot.topics.length)],
  };
}

/** One story from its own rng. */
export function writeStoryWith(rng: Rng, plots: readonly Plot[] = PLOTS): WrittenStory {
  const { plot, traits } = drawTraits(rng, plots);
  const page = new Story(rng, traits);
  plot.write(page);
  return { text: page.text(), traits };
}

/**
 * A story of the given plot with some traits fixed (for tests and for checking labelers):
 * the rest are drawn as usual. Returns the page too, so its sentences can be counted.
 */
export function writePlot(plot: Plot, rng: Rng, fixed: Partial<StoryTraits> = {}): WrittenStory & { sentences: readonly string[] } {
  const traits = { ...drawTraitsOf(plot, rng), ...fixed, plot: plot.id };
  const page = new Story(rng, traits);
  plot.write(page);
  return { text: page.text(), traits, sentences: page.sentences };
}

/** Story `index` of the world seeded by `seed`: a pure function of the two. */
export function writeStory(seed: number, index: number): WrittenStory {
  return writeStoryWith(makeRng(storySeed(seed, index)));
}

/** The seed of story `index` (32-bit mix of both, so neighbouring stories share nothing). */
export function storySeed(seed: number, index: number): number {
  let h = Math.imul((seed >>> 0) ^ 0x2545f491, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

/** Stories first..first+count-1 of a seed. */
export function* stories(seed: number, first = 0, count = Infinity): Generator<WrittenStory> {
  for (let i = first; i < first + count; i++) yield writeStory(seed, i);
}

/** How fast the world writes: stories of `seed` written for about `ms`, as MB of text and stories a second. */
export function writingSpeed(seed: number, ms = 1000): { mbPerS: number; storiesPerS: number } {
  const t0 = performance.now();
  let chars = 0;
  let n = 0;
  while (performance.now() - t0 < ms) chars += writeStory(seed, n++).text.length;
  const seconds = (performance.now() - t0) / 1000;
  return { mbPerS: chars / 1e6 / seconds, storiesPerS: n / seconds };
}
