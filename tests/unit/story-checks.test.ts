// The sentence-level story check on texts worked by hand.
import { describe, expect, it } from 'vitest';
import { checkStory, summarizeChecks } from '../../src/lib/storyworld/story-checks';

describe('story check', () => {
  it('counts complete sentences and leaves a cut-off last fragment out', () => {
    const c = checkStory('Lily went to the park. she ran. "Wait for me!" said Tom. The dog ran to the', true);
    // "she ran." has no capital; the last fragment is not counted at all.
    expect(c.sentences).toBe(3);
    expect(c.complete).toBe(2);
  });

  it('keeps a quotation of several sentences whole', () => {
    const c = checkStory('"Mine! You can watch," shouted Amir. Tina said, "Oh no! I am sorry!" Then she ran. "Stop!" Tom shouted. Mrs. Gray came. Bump!');
    expect(c.sentences).toBe(6);
    expect(c.complete).toBe(6);
  });

  it('checks pronouns where a sentence starts with the one person it names, outside quotations', () => {
    const c = checkStory([
      'Lily said that she lost the ball.', // Lily (f), "she": agrees
      'Tom said he was sad.', // Tom (m), "he": agrees
      'Tom looked up, and she ran.', // Tom (m), "she": disagrees
      'Will held her hand.', // a possessive may point at anyone: not checked
      'Lily gave Tom a hug and he smiled.', // two people: not checked
      'Ben said, "I know she can."', // the pronoun is inside the quotation: not checked
      'Lily and her mom went home, and she sang.', // two people (Lily, mom): not checked
      'Next to him, she sat down.', // starts with no name: not checked
    ].join(' '));
    expect(c.pronounSentences).toBe(3);
    expect(c.pronounsAgree).toBe(2);
  });

  it('asks whether the first first-name comes back in the second half', () => {
    const long = (end: string) => `Lily had a kite. ${'The wind was strong and the sky was blue. '.repeat(5)}${end}`;
    expect(checkStory(long('Lily was happy.')).heroKept).toBe(true);
    expect(checkStory(long('Sam was happy.')).heroKept).toBe(false);
    expect(checkStory('Lily had a kite.').heroKept).toBeNull();
  });

  it('adds checks up into shares', () => {
    const s = summarizeChecks([checkStory('Lily said she was lost. Tom said she was lost.'), checkStory('Tom ran home. He was glad.')]);
    expect(s.completeShare).toBe(1);
    expect(s.pronounSentences).toBe(2);
    expect(s.pronounAgreeShare).toBe(0.5);
  });
});
