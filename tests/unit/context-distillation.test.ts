import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ContextDistillation, tokenKl, type ContextDistillationSettings } from '../../src/lib/engine/context-distillation';
import { Pretraining } from '../../src/lib/engine/pretraining';
import { logits } from '../../src/lib/model/gpt';
import { disposeLanguageModel, type LanguageModel } from '../../src/lib/model/language-model';
import { disposeParams, namedParams, paramsToArrays } from '../../src/lib/model/params';
import { promptContext } from '../../src/lib/model/sample';
import { makeRng } from '../../src/lib/util/rng';
import { read3D, testModel } from './helpers';
import { changed, disposePair, withReference } from './rl-fixtures';

// The 2-layer test model (context 16) taught documents of runs of one letter ("bb b bbb"), so a
// prefix "b" decides the letter: the student, its frozen copy told the prefix as the teacher.
const PROMPTS = ['', ' ', 'bb ', 'b'];
const SETTINGS: ContextDistillationSettings = {
  prefix: 'b', maxTokens: 6, temperature: 1, learningRate: 3e-3, batchSize: 4, maxGradNorm: 1, seed: 3,
};

let fresh: () => LanguageModel;
beforeAll(async () => {
  const rng = makeRng(5);
  const corpus = Array.from({ length: 300 }, () => {
    const letter = 'abcde'[rng.int(5)];
    return Array.from({ length: 1 + rng.int(3) }, () => letter.repeat(1 + rng.int(3))).join(' ');
  }).join('\n');
  const model = testModel(7);
  const run = new Pretraining(model, corpus, { learningRate: 1e-2, warmupSteps: 2, totalSteps: 80, gradClip: 1, batchSize: 8, seed: 1 });
  for (let i = 0; i < 80; i++) await run.step();
  run.dispose();
  const weights = await paramsToArrays(model.params);
  disposeLanguageModel(model);
  fresh = () => {
    const m = testModel(7);
    tf.tidy(() => { for (const [name, v] of namedParams(m.params)) v.assign(tf.tensor(weights.get(name)!, v.shape)); });
    return m;
  };
});

const pairs: Array<[LanguageModel, LanguageModel]> = [];
const copies: LanguageModel[] = [];
const trainers: ContextDistillation[] = [];
function setup(settings: Partial<ContextDistillationSettings> = {}) {
  const student = fresh();
  const teacher = withReference(student);
  pairs.push([student, teacher]);
  const trainer = new ContextDistillation(student, teacher, { ...SETTINGS, ...settings });
  trainers.push(trainer);
  return { student, teacher, trainer };
}
afterEach(() => {
  trainers.splice(0).forEach((t) => t.dispose());
  for (const [s, t] of pairs.splice(0)) disposePair(s, t);
  copies.splice(0).forEach((m) => disposeParams(m.params));
});

/** log-softmax at every position of one unpadded sequence, from plain logits. */
async function logSoftmaxRows(model: LanguageModel, ids: number[]): Promise<number[][]> {
  return (await read3D(tf.tidy(() => tf.logSoftmax(logits(model.config, model.params, tf.tensor2d([ids], undefined, 'int32'))))))[0];
}

describe('tokenKl', () => {
  it('is Σ p (log p − log q) on hand-worked numbers', () => {
    const kl = tokenKl([Math.log(0.5), Math.log(0.5)], [Math.log(0.25), Math.log(0.75)]);
    expect(kl).toBeCloseTo(0.5 * Math.log(2) + 0.5 * Math.log(2 / 3), 9);
    expect(kl).toBeCloseTo(0.1438410362, 9);
    expect(tokenKl([Math.log(0.2), Math.log(0.8)], [Math.log(0.2), Math.log(0.8)])).toBe(0);
    expect(tokenKl([0, -Infinity], [Math.log(0.5), Math.log(0.5)])).toBeCloseTo(Math.log(2), 9); // p = 0 adds nothing
  });
});

describe('ContextDistillation', () => {
  it('measures at its first step the KL an independent full-sequence computation gives', async () => {
    const { student, teacher, trainer } = setup();
    const before = withReference(student); // the student's weights the step measures with
    copies.push(before);
    const { kl, loss } = await trainer.step(PROMPTS, 0);
    const { prompts, continuations } = trainer.lastBatch!;
    expect(new Set(continuations.map((c) => c.length)).size).toBeGreaterThan(1); // padding is exercised
    let total = 0;
    let tokens = 0;
    for (let b = 0; b < prompts.length; b++) {
      const tCtx = promptContext(teacher, SETTINGS.prefix + prompts[b]);
      const sCtx = promptContext(before, prompts[b]);
      expect(tCtx.length).toBeLessThanOrEqual(16 - SETTINGS.maxTokens); // nothing was cut
      const c = continuations[b];
      const t = await logSoftmaxRows(teacher, [...tCtx, ...c]);
      const s = await logSoftmaxRows(before, [...sCtx, ...c]);
      for (let j = 0; j < c.length; j++) total += tokenKl(t[tCtx.length - 1 + j], s[sCtx.length - 1 + j]);
      tokens += c.length;
    }
    expect(kl).toBeGreaterThan(0.01); // the prefix matters to this model
    expect(Math.abs(kl - total / tokens)).toBeLessThan(1e-4);
    expect(loss).toBe(kl);
  });

  it('lowers the KL over 15 steps', async () => {
    const { trainer } = setup();
    const kls: number[] = [];
    for (let i = 0; i < 15; i++) kls.push((await trainer.step(PROMPTS, i)).kl);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(kls.slice(-3))).toBeLessThan(mean(kls.slice(0, 3)));
    expect(trainer.guard.faults).toEqual([]);
  });

  it('leaves the teacher and the heads alone and trains every other student parameter', async () => {
    const { student, teacher, trainer } = setup();
    const [s0, t0] = [await paramsToArrays(student.params), await paramsToArrays(teacher.params)];
    for (let i = 0; i < 3; i++) await trainer.step(PROMPTS, i);
    expect(changed(t0, await paramsToArrays(teacher.params))).toEqual([]);
    const trainable = namedParams(student.params).map(([name]) => name).filter((n) => !n.startsWith('value') && !n.startsWith('reward'));
    expect(changed(s0, await paramsToArrays(student.params))).toEqual(trainable);
  });

  it('holds the tensor count flat across steps after the first', async () => {
    const { trainer } = setup();
    await trainer.step(PROMPTS, 0);
    const before = tf.memory().numTensors;
    for (let i = 1; i <= 5; i++) await trainer.step(PROMPTS, i);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses an empty prefix and a teacher sharing the student\'s weights', () => {
    const student = fresh();
    const teacher = withReference(student);
    pairs.push([student, teacher]);
    expect(() => new ContextDistillation(student, teacher, { ...SETTINGS, prefix: '' })).toThrow(/non-empty prefix/);
    expect(() => new ContextDistillation(student, student, SETTINGS)).toThrow(/separate frozen copy/);
    expect(() => new ContextDistillation(student, { ...student, params: { ...teacher.params, wte: student.params.wte } }, SETTINGS)).toThrow(/separate frozen copy/);
    expect(() => new ContextDistillation(student, teacher, { ...SETTINGS, maxTokens: 16 })).toThrow(/maxTokens/);
  });
});
