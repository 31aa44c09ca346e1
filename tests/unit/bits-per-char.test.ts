import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { bitsPerChar, slidingWindows } from '../../src/lib/engine/bits-per-char';
import { tokenizeDocuments } from '../../src/lib/engine/corpus';
import { createLanguageModel, disposeLanguageModel } from '../../src/lib/model/language-model';
import { tokenLogProbs } from '../../src/lib/model/logprobs';
import { charTokenizer } from '../../src/lib/model/tokenizer';

describe('slidingWindows', () => {
  it.each([[2, 4], [5, 4], [9, 4], [10, 4], [23, 6], [100, 8]])('scores each of the %i tokens after the first exactly once (T %i)', (n, T) => {
    const times = new Array(n).fill(0);
    for (const { start, from } of slidingWindows(n, T)) {
      for (let t = from; t < T && start + t + 1 < n; t++) times[start + t + 1]++;
      expect(from).toBeGreaterThanOrEqual(0);
    }
    expect(times.slice(1)).toEqual(new Array(n - 1).fill(1));
    expect(times[0]).toBe(0);
  });
});

describe('bitsPerChar', () => {
  it('equals the summed token log-loss over the characters when the text fits one window', async () => {
    const model = createLanguageModel({ blockSize: 64, nLayer: 1, nHead: 2, nEmbd: 16 }, charTokenizer(), 3);
    const docs = ['The cat sat.', 'A dog ran off!'];
    const stream = tokenizeDocuments(model.tokenizer, docs);
    const nats = tf.tidy(() => tokenLogProbs(model.config, model.params, tf.tensor2d([Array.from(stream)], undefined, 'int32')).sum().neg());
    const expected = (await nats.data())[0] / (12 + 1 + 14 + 1) / Math.LN2;
    const got = await bitsPerChar(model, docs);
    expect(got.chars).toBe(28);
    expect(got.tokens).toBe(stream.length - 1);
    expect(got.bitsPerChar).toBeCloseTo(expected, 4);
    disposeLanguageModel(model);
  });

  it('a fresh model over a long text is near log2(V) bits per token and counts every token once', async () => {
    const model = createLanguageModel({ blockSize: 16, nLayer: 1, nHead: 2, nEmbd: 16 }, charTokenizer(), 4);
    const docs = Array.from({ length: 6 }, (_, i) => `Paragraph ${i} is a little longer than one window.`);
    const got = await bitsPerChar(model, docs, 4);
    expect(got.tokens).toBe(tokenizeDocuments(model.tokenizer, docs).length - 1);
    const bitsPerToken = (got.bitsPerChar * got.chars) / got.tokens;
    expect(Math.abs(bitsPerToken - Math.log2(model.config.vocabSize))).toBeLessThan(0.5);
    disposeLanguageModel(model);
  });
});
