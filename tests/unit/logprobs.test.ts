import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { logits } from '../../src/lib/model/gpt';
import { disposeLanguageModel } from '../../src/lib/model/language-model';
import { continuationLogProbs, packSequences } from '../../src/lib/model/logprobs';
import { PAD } from '../../src/lib/model/tokenizer';
import { testModel } from './helpers';

const model = testModel(12);
const { config: c, params: p } = model;
afterAll(() => disposeLanguageModel(model));

describe('packSequences', () => {
  it('right-pads and masks prompt and padding targets', () => {
    const { ids, targetMask } = packSequences([[1, 5, 6, 7], [1, 8]], [2, 1], PAD);
    expect(ids).toEqual([[1, 5, 6, 7], [1, 8, PAD, PAD]]);
    // Targets are ids[t + 1]: row 0 scores 6 and 7 (after its 2-token prompt), row 1 scores 8.
    expect(targetMask).toEqual([[0, 1, 1], [1, 0, 0]]);
  });
});

describe('continuationLogProbs', () => {
  it('gives each padded sequence the same log-probs as computing it alone', async () => {
    const seqs = [[1, 40, 41, 42, 43, 44, 45], [1, 50, 51, 52], [1, 60, 61, 62, 63]];
    const prompts = [3, 2, 2];
    const batched = await continuationLogProbs(c, p, seqs, prompts, PAD);
    for (let b = 0; b < seqs.length; b++) {
      const alone = await continuationLogProbs(c, p, [seqs[b]], [prompts[b]], PAD);
      expect(batched.total[b]).toBeCloseTo(alone.total[0], 4);
      batched.perToken[b].slice(seqs[b].length - 1).forEach((x) => expect(Math.abs(x)).toBe(0)); // padding adds nothing
    }
  });

  it('equals the log-softmax of the logits at each continuation token, summed by hand', async () => {
    const seq = [1, 30, 31, 32, 33];
    const promptLength = 2;
    const full = tf.tidy(() => tf.logSoftmax(logits(c, p, tf.tensor2d([seq], undefined, 'int32'))));
    const logp = ((await full.array()) as number[][][])[0];
    full.dispose();
    let expected = 0;
    for (let t = promptLength - 1; t < seq.length - 1; t++) expected += logp[t][seq[t + 1]];
    const { total } = await continuationLogProbs(c, p, [seq], [promptLength], PAD);
    expect(total[0]).toBeCloseTo(expected, 4);
  });

  it('divides the logits by the sampling temperature', async () => {
    const seq = [1, 30, 31, 32];
    const scaled = tf.tidy(() => tf.logSoftmax(logits(c, p, tf.tensor2d([seq], undefined, 'int32')).div(0.5)));
    const logp = ((await scaled.array()) as number[][][])[0];
    scaled.dispose();
    const expected = logp[0][30] + logp[1][31] + logp[2][32];
    const { total } = await continuationLogProbs(c, p, [seq], [1], PAD, 0.5);
    expect(total[0]).toBeCloseTo(expected, 4);
  });
});
