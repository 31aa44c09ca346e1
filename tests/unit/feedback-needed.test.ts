import { describe, expect, it } from 'vitest';
import { FEEDBACK_NEEDED, feedbackNeededNote } from '../../src/lib/feedback/feedback-needed';

describe('how much feedback the labeling screen says is enough', () => {
  it('names every measured preference with its count and accuracy, each above chance', () => {
    const note = feedbackNeededNote();
    for (const n of FEEDBACK_NEEDED) {
      expect(note).toContain(`${n.comparisons} for ${n.preference} (${n.accuracy.toFixed(2)})`);
      expect(n.accuracy).toBeGreaterThan(0.57);
    }
    expect(feedbackNeededNote([{ preference: 'a', comparisons: 1, accuracy: 0.6 }, { preference: 'b', comparisons: 2, accuracy: 0.7 }]))
      .toContain('after about 1 for a (0.60) and 2 for b (0.70)');
  });
});
