// Prompts that open a story: some written by hand, the rest the first words of held-out stories
// (never trained on), cut before the name or thing that would give the story away.
import { HELDOUT_FIRST_STORY, writeStory } from './story-world';

export const HAND_WRITTEN_OPENINGS = [
  'Once upon a time, there was a little', 'Tom wanted to', 'The old dog', 'One day, a little girl named',
  'Lily and her mom went to', 'It was a rainy day, and', 'Max had a red ball. One day,', 'The little bird was sad because',
  'Sam found a box in the garden.', 'Once there was a big bear who', 'Mia did not want to share', 'The sun was hot, so',
  'Ben and Anna went to the park.', 'A small cat lived in', 'On her birthday,', 'Dad said, "Let\'s',
] as const;

/** `count` openings: the hand-written ones, then the first 4-7 words of held-out stories' first sentences. */
export function storyOpenings(worldSeed: number, count: number): string[] {
  const out: string[] = [...HAND_WRITTEN_OPENINGS].slice(0, count);
  const seen = new Set(out);
  for (let i = 0; out.length < count && i < count * 20; i++) {
    const first = writeStory(worldSeed, HELDOUT_FIRST_STORY + i).text.split(/(?<=[.!?]) /)[0];
    const words = first.split(' ');
    const opening = words.slice(0, Math.min(words.length - 1, 4 + (i % 4))).join(' ').replace(/[,;:]$/, '');
    if (opening.split(' ').length >= 3 && !seen.has(opening)) {
      seen.add(opening);
      out.push(opening);
    }
  }
  return out;
}
