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

  it('checks pronouns where a sentence names one person, outside quotations', () => {
    const c = checkStory([
      'Lily lost her ball.', // one person (f), "her": agrees
      'Tom said he was sad.', // one person (m), "he": agrees
      'Tom looked for her ball.', // one person (m), "her": disagrees
      'Lily gave Tom a hug.', // two people: not checked
      '"I love her," said Ben.', // the pronoun is inside the quotation: not checked
      'Her mom smiled at her.', // "mom" (f) and "her": agrees
    ].join(' '));
    expect(c.pronounSentences).toBe(4);
    expect(c.pronounsAgree).toBe(3);
  });

  it('asks whether the first first-name comes back in the second half', () => {
    const long = (end: string) => `Mia had a kite. ${'The wind was strong and the sky was blue. '.repeat(5)}${end}`;
    expect(checkStory(long('Mia was happy.')).heroKept).toBe(true);
    expect(checkStory(long('Sam was happy.')).heroKept).toBe(false);
    expect(checkStory('Mia had a kite.').heroKept).toBeNull();
  });

  it('adds checks up into shares', () => {
    const s = summarizeChecks([checkStory('Lily lost her ball. Tom found her ball.'), checkStory('Tom ran home. He was glad.')]);
    expect(s.completeShare).toBe(1);
    expect(s.pronounSentences).toBe(2);
    expect(s.pronounAgreeShare).toBe(0.5);
  });
});
