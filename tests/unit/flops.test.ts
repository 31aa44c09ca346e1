import { describe, expect, it } from 'vitest';
import { forwardMatmulFlops, trainStepFlops } from '../../src/lib/model/flops';

describe('train-step FLOPs', () => {
  it('counts a one-layer model by hand', () => {
    // B=2, T=4 (N=8), C=8, V=10: projections 24·8·64 = 12,288; attention 4·2·16·8 = 1,024; head 2·8·8·10 = 1,280.
    const c = { vocabSize: 10, blockSize: 4, nLayer: 1, nHead: 2, nEmbd: 8 };
    expect(forwardMatmulFlops(c, 2)).toBe(12_288 + 1_024 + 1_280);
    expect(trainStepFlops(c, 2)).toBe(3 * (12_288 + 1_024 + 1_280));
  });

  it('puts the old starter near the issue\'s 5 GFLOP/s at 2,200 tokens/s', () => {
    const old = { vocabSize: 355, blockSize: 128, nLayer: 3, nHead: 4, nEmbd: 96 };
    const perToken = trainStepFlops(old, 16) / (16 * 128);
    expect((perToken * 2200) / 1e9).toBeGreaterThan(5);
    expect((perToken * 2200) / 1e9).toBeLessThan(6.5);
  });
});
