// SFT on demonstrations: examples and masks, the masked loss against a hand computation, training
// lowers it, no tensors leak, and a NaN step is undone as in pretraining.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { learningRateAt } from '../../src/lib/engine/optimizer';
import { sftBatch, sftExample, sftLoss, sftLossTensor, sftMeta, SFTSession } from '../../src/lib/engine/sft';
import type { SFTSettings } from '../../src/lib/engine/sft-settings';
import { lmHead, trunk } from '../../src/lib/model/gpt';
import { disposeLanguageModel } from '../../src/lib/model/language-model';
import { paramsToArrays } from '../../src/lib/model/params';
import { BOS, EOS, PAD, charTokenizer } from '../../src/lib/model/tokenizer';
import { testModel } from './helpers';

const tok = charTokenizer();
const DEMOS = [
  { prompt: 'Q: cat?', response: ' A: meow.' },
  { prompt: 'Q: dog?', response: ' A: woof woof.' },
  { prompt: 'Q: cow?', response: ' A: moo.' },
  { prompt: 'Q: owl?', response: ' A: hoot.' },
];
const SETTINGS: SFTSettings = { epochs: 10, batchSize: 2, learningRate: 1e-2, gradClip: 1, seed: 1 };

async function poison(v: tf.Variable): Promise<void> {
  const data = (await v.data()).slice() as Float32Array;
  data[0] = NaN;
  tf.tidy(() => v.assign(tf.tensor(data, v.shape)));
}

describe('SFT examples and batches', () => {
  it('wraps prompt and response in BOS ... EOS and starts the loss at the response', () => {
    const e = sftExample(tok, 'ab', 'cd', 16);
    expect(e.ids).toEqual([BOS, ...tok.encode('abcd'), EOS]);
    expect(e.responseStart).toBe(3);
  });

  it('fits the context: a long prompt loses its oldest tokens, a long response keeps its start', () => {
    const long = sftExample(tok, 'abcdefghij', 'xyz', 8); // 9 tokens at most
    expect(long.ids).toEqual([BOS, ...tok.encode('ghijxyz'), EOS]);
    expect(long.responseStart).toBe(5);
    const huge = sftExample(tok, 'ab', 'x'.repeat(20), 8);
    expect(huge.ids).toEqual([BOS, ...tok.encode('x'.repeat(8))]);
    expect(huge.responseStart).toBe(1);
  });

  it('pads with PAD and masks everything but response targets (EOS included)', () => {
    const b = sftBatch([sftExample(tok, 'ab', 'c', 16), sftExample(tok, 'a', 'bcd', 16)]);
    const [a, b1, c, d] = tok.encode('abcd');
    expect(b.inputs).toEqual([[BOS, a, b1, c, EOS], [BOS, a, b1, c, d]]);
    expect(b.targets).toEqual([[a, b1, c, EOS, PAD], [a, b1, c, d, EOS]]);
    expect(b.mask).toEqual([[0, 0, 1, 1, 0], [0, 1, 1, 1, 1]]);
  });
});

describe('the SFT loss', () => {
  const model = testModel(3);
  const batch = sftBatch(DEMOS.slice(0, 2).map((d) => sftExample(tok, d.prompt, d.response, model.config.blockSize)));
  const lossOf = async (targets: number[][]) => {
    const t = tf.tidy(() => sftLossTensor(model.config, model.params,
      tf.tensor2d(batch.inputs, undefined, 'int32'), tf.tensor2d(targets, undefined, 'int32'), tf.tensor2d(batch.mask)));
    const v = (await t.data())[0];
    t.dispose();
    return v;
  };

  it('is the masked mean of −log p(target), computed by hand from the logits', async () => {
    const logitsT = tf.tidy(() => lmHead(model.params, trunk(model.config, model.params, tf.tensor2d(batch.inputs, undefined, 'int32')).hidden));
    const logits = (await logitsT.array()) as number[][][];
    logitsT.dispose();
    let sum = 0;
    let n = 0;
    batch.mask.forEach((row, b) => row.forEach((m, t) => {
      if (!m) return;
      const z = logits[b][t];
      const max = Math.max(...z);
      const logSumExp = max + Math.log(z.reduce((s, x) => s + Math.exp(x - max), 0));
      sum -= z[batch.targets[b][t]] - logSumExp;
      n++;
    }));
    expect(n).toBe(batch.mask.flat().filter(Boolean).length);
    expect(n).toBeLessThan(batch.mask.flat().length); // some positions are masked out
    expect(await lossOf(batch.targets)).toBeCloseTo(sum / n, 4);
  });

  it('counts only response positions: other targets can change, response targets cannot', async () => {
    const base = await lossOf(batch.targets);
    const promptChanged = batch.targets.map((row, b) => row.map((id, t) => (batch.mask[b][t] ? id : 40 + t)));
    expect(await lossOf(promptChanged)).toBe(base);
    const responseChanged = batch.targets.map((row, b) => row.map((id, t) => (batch.mask[b][t] && t === row.length - 2 ? 41 : id)));
    expect(await lossOf(responseChanged)).not.toBeCloseTo(base, 4);
  });
});

describe('SFT training', () => {
  it('lowers the loss on the demonstrations in a few steps, and changes the LM weights only', async () => {
    const model = testModel(2);
    const before = await paramsToArrays(model.params);
    const session = new SFTSession(model, DEMOS, SETTINGS);
    expect(session.totalSteps).toBe(20);
    const first = await session.evaluate();
    let last;
    while (!session.done) last = await session.step();
    expect(last).toMatchObject({ step: 20, totalSteps: 20, epoch: 10 });
    expect(await session.evaluate()).toBeLessThan(first - 1);
    const after = await paramsToArrays(model.params);
    for (const [name, data] of before) {
      expect(data.some((x, i) => x !== after.get(name)![i]), name).toBe(!name.startsWith('value') && !name.startsWith('reward'));
    }
    await expect(session.step()).rejects.toThrow(/taken all its 20 steps/);
    session.dispose();
    disposeLanguageModel(model);
  });

  it('is the same loss for the same seed', async () => {
    const losses = async () => {
      const model = testModel(4);
      const s = new SFTSession(model, DEMOS, SETTINGS);
      const out = [];
      for (let i = 0; i < 3; i++) out.push((await s.step()).loss);
      s.dispose();
      disposeLanguageModel(model);
      return out;
    };
    expect(await losses()).toEqual(await losses());
  });

  it('keeps the tensor count flat across repeated steps and evaluations', async () => {
    const model = testModel(6);
    const session = new SFTSession(model, DEMOS, SETTINGS);
    await session.step(); // Adam creates its moments on the first step
    const start = tf.memory().numTensors;
    for (let i = 0; i < 10; i++) await session.step();
    await sftLoss(model, session.examples);
    expect(tf.memory().numTensors).toBe(start);
    session.dispose();
    disposeLanguageModel(model);
  });

  it('undoes a NaN step as pretraining does: the last good weights and half the learning rate', async () => {
    const model = testModel(2);
    const session = new SFTSession(model, DEMOS, SETTINGS);
    await session.step();
    await session.step();
    const good = await paramsToArrays(model.params);
    await poison(model.params.wte);
    const bad = await session.step();
    expect(bad.fault).toEqual({ step: 3, what: 'loss', lrBefore: bad.learningRate, lrAfter: bad.learningRate / 2 });
    expect(await paramsToArrays(model.params)).toEqual(good);
    const next = await session.step();
    expect(next.fault).toBeUndefined();
    expect(next.learningRate).toBe(learningRateAt(3, SETTINGS.learningRate, 2, 20) / 2);
    expect(Number.isFinite(next.loss)).toBe(true);
    session.dispose();
    disposeLanguageModel(model);
  });

  it('refuses settings out of range and an empty set, naming them', () => {
    const model = testModel(1);
    expect(() => new SFTSession(model, DEMOS, { ...SETTINGS, epochs: 0 })).toThrow(/epochs to be an integer in 1\.\.1000, but got 0/);
    expect(() => new SFTSession(model, DEMOS, { ...SETTINGS, learningRate: NaN })).toThrow(/learning rate in \(0, 1\], but got NaN/);
    expect(() => new SFTSession(model, [], SETTINGS)).toThrow(/at least one demonstration/);
    disposeLanguageModel(model);
  });
});

describe('the metadata of a fine-tuned model', () => {
  it('names it for what it is now, counts the steps on, and a second SFT run keeps one suffix', () => {
    const base = { name: 'Starter model', createdAt: '2026-01-01T00:00:00.000Z', kind: 'starter', steps: 1300 };
    const once = sftMeta(base, 3, { step: 4, loss: 1.5 });
    expect(once).toMatchObject({ name: 'Starter model + SFT', kind: 'sft', steps: 1304, sftSteps: 4, demonstrations: 3, trainLoss: 1.5 });
    expect(sftMeta(once, 3, { step: 2, loss: 1.2 })).toMatchObject({ name: 'Starter model + SFT', steps: 1306, sftSteps: 2 });
  });
});
