import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/lib/model/config';
import { padBatch, readoutWeights, rewardSequence } from '../../src/lib/model/reward';
import { BOS, EOS, PAD } from '../../src/lib/model/tokenizer';

describe('reward readout', () => {
  it('marks where the completion starts, also when the prompt is cut from the left', () => {
    expect(rewardSequence([7, 8], [9], 16)).toEqual({ ids: [BOS, 7, 8, 9, EOS], first: 3 });
    // 6 ids cut to 4: BOS and the 7 go, the completion starts at index 1.
    expect(rewardSequence([7, 8], [9, 10], 4)).toEqual({ ids: [8, 9, 10, EOS], first: 1 });
    // An empty completion is scored on its EOS.
    expect(rewardSequence([7], [], 16)).toEqual({ ids: [BOS, 7, EOS], first: 2 });
  });

  it('pads to the longest row and keeps each row its span', () => {
    const b = padBatch([rewardSequence([7], [9, 10], 16), rewardSequence([7], [], 16)]);
    expect(b.ids).toEqual([[BOS, 7, 9, 10, EOS], [BOS, 7, EOS, PAD, PAD]]);
    expect(b.first).toEqual([2, 2]);
    expect(b.last).toEqual([4, 2]);
  });

  it('weighs positions as each readout says (worked by hand)', () => {
    const spans = { first: [2, 2], last: [4, 2] };
    const third = 1 / 3;
    expect([...readoutWeights('eos', spans, 5)]).toEqual([0, 0, 0, 0, 1, 0, 0, 1, 0, 0]);
    [...readoutWeights('mean', spans, 5)].forEach((w, i) => expect(w).toBeCloseTo([0, 0, third, third, third, 0, 0, 1, 0, 0][i], 6));
    [...readoutWeights('eos+mean', spans, 5)].forEach((w, i) => expect(w).toBeCloseTo([0, 0, third, third, 1 + third, 0, 0, 2, 0, 0][i], 6));
  });

  it('refuses an unknown readout in a config', () => {
    const size = { vocabSize: 10, blockSize: 8, nLayer: 1, nHead: 1, nEmbd: 4 };
    expect(validateConfig({ ...size, rewardReadout: 'mean' }).rewardReadout).toBe('mean');
    expect(() => validateConfig({ ...size, rewardReadout: 'max' as 'mean' })).toThrow(/rewardReadout to be one of eos, mean, eos\+mean, but got max/);
  });
});
