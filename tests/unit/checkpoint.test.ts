import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { modelFromCheckpointBytes, modelToCheckpointBytes } from '../../src/lib/model/checkpoint';
import { CHECKPOINT_VERSION, decodeCheckpoint, encodeCheckpoint } from '../../src/lib/model/checkpoint-format';
import { logits } from '../../src/lib/model/gpt';
import { disposeLanguageModel } from '../../src/lib/model/language-model';
import { paramsToArrays } from '../../src/lib/model/params';
import { randomIds, testModel, withCheckpointHeader } from './helpers';

const model = testModel(5);
afterAll(() => disposeLanguageModel(model));
const meta = { name: 'test', createdAt: '2026-01-01T00:00:00.000Z', kind: 'pretrain', steps: 3 };

async function flatLogits(m: typeof model, ids: number[][]): Promise<Float32Array> {
  const t = tf.tidy(() => logits(m.config, m.params, tf.tensor2d(ids, undefined, 'int32')));
  const data = (await t.data()) as Float32Array;
  t.dispose();
  return data;
}

/** A valid checkpoint with its header edited by `edit`. */
async function withHeader(edit: (h: Record<string, any>) => void): Promise<Uint8Array> {
  // Re-encoded through the real writer first, so only the edit differs from what it writes.
  return withCheckpointHeader(encodeCheckpoint(decodeCheckpoint(await modelToCheckpointBytes(model, meta))), edit);
}

describe('checkpoint round trip', () => {
  it('reloads a model whose logits are bit-identical', async () => {
    const bytes = await modelToCheckpointBytes(model, meta);
    const { model: loaded, meta: loadedMeta } = modelFromCheckpointBytes(bytes);
    const ids = randomIds(2, model.config.blockSize, 9);
    expect(Array.from(await flatLogits(loaded, ids))).toEqual(Array.from(await flatLogits(model, ids)));
    expect(loaded.config).toEqual(model.config);
    expect(loaded.tokenizer.spec).toEqual(model.tokenizer.spec);
    expect(loadedMeta).toEqual(meta);
    disposeLanguageModel(loaded);
  });

  it('reads a Node Buffer that sits at an odd offset in a larger allocation (as readFileSync can give)', async () => {
    const bytes = await modelToCheckpointBytes(model, meta);
    const shifted = Buffer.concat([Buffer.from('1234567'), Buffer.from(bytes)]).subarray(7);
    const fromBuffer = decodeCheckpoint(shifted).tensors;
    for (const [name, data] of decodeCheckpoint(bytes).tensors) expect(Array.from(fromBuffer.get(name)!), name).toEqual(Array.from(data));
  });

  it('stores every parameter exactly', async () => {
    const before = await paramsToArrays(model.params);
    const after = decodeCheckpoint(await modelToCheckpointBytes(model, meta)).tensors;
    for (const [name, data] of before) expect(Array.from(after.get(name)!), name).toEqual(Array.from(data));
  });
});

describe('checkpoint validation', () => {
  it.each([
    ['an empty file', async () => new Uint8Array(0), /only 0 bytes/],
    ['another file type', async () => new TextEncoder().encode('{"not": "a checkpoint"} padding'), /does not start with "RLHFCKPT"/],
    ['a truncated file', async () => (await modelToCheckpointBytes(model, meta)).slice(0, 2000), /Truncated checkpoint/],
    ['a newer format version', async () => withHeader((h) => { h.version = CHECKPOINT_VERSION + 1; }), /newer than this app reads/],
    ['shapes that do not match the config', async () => withHeader((h) => { h.config.nEmbd = 32; }), /tensor "wte" has shape \[355,16\] but the config needs \[355,32\]/],
    ['a config that is not a model', async () => withHeader((h) => { h.config.nHead = 3; }), /divisible by nHead/],
    ['a tokenizer that does not fit the vocabulary', async () => withHeader((h) => { h.tokenizer.alphabet = 'abc'; }), /tokenizer has 262 tokens but the config says 355/],
  ])('refuses %s with a message naming the problem', async (_, make, message) => {
    const bytes = await make();
    expect(() => decodeCheckpoint(bytes)).toThrow(message);
  });

  it('refuses NaN weights', async () => {
    const ck = decodeCheckpoint(await modelToCheckpointBytes(model, meta));
    ck.tensors.get('h0.fcW')![7] = NaN;
    expect(() => decodeCheckpoint(encodeCheckpoint(ck))).toThrow(/"h0.fcW" contains NaN/);
  });
});

describe('checkpoints of the character tokenizer (format version 1)', () => {
  it("the starter committed before BPE still loads and generates English-looking text", async () => {
    const { readFileSync } = await import('node:fs');
    const { modelFromCheckpointBytes: load } = await import('../../src/lib/model/checkpoint');
    const { promptContext, sample } = await import('../../src/lib/model/sample');
    const bytes = readFileSync('tests/fixtures/char-starter-v1.ckpt');
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true))));
    expect(header.version).toBe(1);
    const { model, meta } = load(bytes);
    expect(model.tokenizer.spec.kind).toBe('char-bytes');
    expect(meta.name).toBe('Starter model');
    const [ids] = await sample(model, promptContext(model, 'Once upon a time'), 1, { maxTokens: 60, temperature: 0.8, topK: 0, topP: 1, seed: 1, stopAtEos: false });
    const text = model.tokenizer.decode(ids);
    expect(text.length).toBe(60); // one character a token
    expect(text.split(' ').filter((w) => /^[a-z]+$/.test(w)).length).toBeGreaterThan(4);
    disposeLanguageModel(model);
  });
});
