// The model's structure: causality, KV-cache equivalence, gradient flow to every parameter.
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { logits, lmHead, rewardHead, trunk, valueHead, type LayerKV } from '../../src/lib/model/gpt';
import { disposeLanguageModel } from '../../src/lib/model/language-model';
import { tokenLogProbs } from '../../src/lib/model/logprobs';
import { namedParams } from '../../src/lib/model/params';
import { maxAbsDiff, randomIds, read3D, testModel } from './helpers';

const model = testModel(7);
const { config: c, params: p } = model;
afterAll(() => disposeLanguageModel(model));

describe('causality', () => {
  it('changing a later token never changes earlier logits, and does change its own position', async () => {
    const [ids] = randomIds(1, c.blockSize, 3);
    const changeAt = 9;
    const altered = ids.slice();
    altered[changeAt] = ids[changeAt] === 50 ? 51 : 50;
    const [a] = await read3D(tf.tidy(() => logits(c, p, tf.tensor2d([ids], undefined, 'int32'))));
    const [b] = await read3D(tf.tidy(() => logits(c, p, tf.tensor2d([altered], undefined, 'int32'))));
    for (let t = 0; t < changeAt; t++) expect(maxAbsDiff(a[t], b[t])).toBe(0);
    expect(maxAbsDiff(a[changeAt], b[changeAt])).toBeGreaterThan(1e-6);
  });
});

describe('KV cache', () => {
  it('gives the same logits as a full forward pass at every position (to 1e-4)', async () => {
    const ids = randomIds(2, c.blockSize, 11);
    const full = await read3D(tf.tidy(() => logits(c, p, tf.tensor2d(ids, undefined, 'int32'))));
    // Prefill 5 tokens, then feed one token at a time.
    const prefill = 5;
    let kv: LayerKV[] | undefined;
    const incremental: number[][][] = [[], []];
    for (let start = 0; start < c.blockSize; start = start === 0 ? prefill : start + 1) {
      const end = start === 0 ? prefill : start + 1;
      const chunk = ids.map((row) => row.slice(start, end));
      const out = tf.tidy(() => {
        const r = trunk(c, p, tf.tensor2d(chunk, undefined, 'int32'), kv);
        return { logits: lmHead(p, r.hidden), kv: r.kv };
      });
      kv?.forEach(({ k, v }) => tf.dispose([k, v]));
      kv = out.kv;
      const rows = await read3D(out.logits);
      rows.forEach((row, b) => incremental[b].push(...row));
    }
    kv?.forEach(({ k, v }) => tf.dispose([k, v]));
    for (let b = 0; b < 2; b++) {
      expect(incremental[b]).toHaveLength(c.blockSize);
      for (let t = 0; t < c.blockSize; t++) expect(maxAbsDiff(incremental[b][t], full[b][t])).toBeLessThan(1e-4);
    }
  });

  it('refuses a sequence longer than the context', () => {
    const ids = randomIds(1, c.blockSize + 1, 1);
    expect(() => tf.tidy(() => logits(c, p, tf.tensor2d(ids, undefined, 'int32')))).toThrow(/exceeds the model's context/);
  });
});

describe('gradient flow', () => {
  it('reaches every parameter through the LM, value and reward heads', async () => {
    const ids = randomIds(2, c.blockSize, 5);
    const vars = namedParams(p);
    const { value, grads } = tf.variableGrads(() => {
      const x = tf.tensor2d(ids, undefined, 'int32');
      const hidden = trunk(c, p, x).hidden;
      const lm = tokenLogProbs(c, p, x).mean().neg();
      // The heads start at zero weights, so a linear term (not a square) gives them a gradient.
      return lm.add(valueHead(p, hidden).mean()).add(rewardHead(p, hidden).mean()) as tf.Scalar;
    }, vars.map(([, v]) => v));
    value.dispose();
    for (const [name, v] of vars) {
      const g = grads[v.name];
      expect(g, `gradient of ${name}`).toBeDefined();
      const norm = (await g.norm().data())[0];
      expect(norm, `gradient norm of ${name}`).toBeGreaterThan(0);
    }
    tf.dispose(grads);
  });
});
