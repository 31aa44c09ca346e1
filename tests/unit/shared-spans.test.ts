// The longest shared run of words, on texts small enough to see by eye.
import { describe, expect, it } from 'vitest';
import { longestSharedRun } from '../../src/lib/storyworld/shared-spans';

describe('longest shared run', () => {
  const training = ['the cat sat on the mat and then the dog ran to the park with a red ball', 'once upon a time there was a girl'];

  it('finds the longest ladder length a text shares, and 0 for none', () => {
    const [copy, part, none] = longestSharedRun([
      'the cat sat on the mat and then the dog ran to the park', // 14 shared words: ladder gives 12
      'a boy saw the dog ran to the park today', // "the dog ran to the park": 6
      'purple monkeys sing loudly at noon', // nothing
    ], training, [4, 6, 8, 12, 16]);
    expect(copy).toBe(12);
    expect(part).toBe(6);
    expect(none).toBe(0);
  });

  it('never counts a run across the end of one training document and the start of the next', () => {
    // "a red ball" ends doc 1 and "once upon a" starts doc 2: every 5-gram here crosses the boundary.
    expect(longestSharedRun(['a red ball once upon a'], training, [5])).toEqual([0]);
    expect(longestSharedRun(['a red ball once upon a'], [training.join(' ')], [5])).toEqual([5]);
  });

  it('ignores case and punctuation, as words', () => {
    expect(longestSharedRun(['The cat, sat on THE mat!'], training, [4, 6])).toEqual([6]);
  });
});
