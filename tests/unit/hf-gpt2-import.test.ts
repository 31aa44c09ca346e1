// Import from Hugging Face's GPT-2 format: our exports come back bit for bit; a foreign GPT-2
// (laid out as the real gpt2 upload is) is renumbered into our token layout and computes what the
// independent reference computes on its own files; every broken input is refused naming the problem.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BPETokenizer, type BPETokenizerSpec } from '../../src/lib/model/bpe-tokenizer';
import { decodeCheckpoint, encodeCheckpoint } from '../../src/lib/model/checkpoint-format';
import { HfImportError, importHfGpt2 } from '../../src/lib/model/hf-gpt2-import';
import { decodeSafetensors, encodeSafetensors, SafetensorsError } from '../../src/lib/model/safetensors';
import { estimateTraining } from '../../src/lib/model/training-estimate';
import { BOS, EOS, PAD } from '../../src/lib/model/tokenizer';
import { firstBitDifference, folderBytes, foreignGpt2Files, maxDiff, randomCheckpoint, tfjsLogits, tinySpec, withConfig, withSafetensorsHeader } from './hf-fixtures';
import { referenceGpt2 } from './reference-gpt2';
import { referenceBpeEncoder } from './reference-gpt2-bpe';

const LIMIT = { maxBytes: 50_000_000 };
const ck = randomCheckpoint(21);
const files = folderBytes(ck);
const text = (s: string) => new TextEncoder().encode(s);
const sample = 'The rabbit ran to the garden gate, and the cat';

beforeAll(async () => { await tf.setBackend('cpu'); });
afterAll(async () => { await tf.setBackend('wasm'); });

describe('our own export, imported back', () => {
  it('is the same checkpoint: config, tokenizer, metadata, every tensor bit for bit', () => {
    const back = importHfGpt2(files, LIMIT);
    expect(back.remapped).toBe(false);
    expect(back.checkpoint.config).toEqual(ck.config);
    expect(back.checkpoint.tokenizer).toEqual(ck.tokenizer);
    expect(back.checkpoint.meta).toEqual(ck.meta);
    expect([...back.checkpoint.tensors.keys()].sort()).toEqual([...ck.tensors.keys()].sort());
    for (const [name, values] of ck.tensors) expect(firstBitDifference(back.checkpoint.tensors.get(name), values), name).toBe(-1);
    // And it is a valid checkpoint file.
    expect(decodeCheckpoint(encodeCheckpoint(back.checkpoint)).tensors.get('wte')).toEqual(ck.tensors.get('wte'));
  });

  it('gives identical logits', async () => {
    const ids = [BOS, ...new BPETokenizer(tinySpec).encode(sample)].slice(0, 16);
    const back = importHfGpt2(files, LIMIT).checkpoint;
    expect(await tfjsLogits(back, ids)).toEqual(await tfjsLogits(ck, ids));
  });

  it('reads tokenizer.json alone (merges as "a b" or as pairs) the same as vocab.json + merges.txt', () => {
    const only = new Map(files);
    only.delete('vocab.json');
    only.delete('merges.txt');
    expect(importHfGpt2(only, LIMIT).checkpoint.tokenizer).toEqual(ck.tokenizer);
    const t = JSON.parse(new TextDecoder().decode(files.get('tokenizer.json')!));
    t.model.merges = t.model.merges.map((m: string) => m.split(' '));
    expect(importHfGpt2(new Map(only).set('tokenizer.json', text(JSON.stringify(t))), LIMIT).checkpoint.tokenizer).toEqual(ck.tokenizer);
  });

  it('accepts an lm_head.weight equal to the embedding, and starts absent heads at zero', () => {
    const withHead = new Map(files);
    const st = decodeSafetensors(files.get('model.safetensors')!);
    st.tensors.set('lm_head.weight', st.tensors.get('transformer.wte.weight')!);
    withHead.set('model.safetensors', encodeSafetensors(st.tensors, st.metadata));
    withHead.delete('heads.safetensors');
    const back = importHfGpt2(withHead, LIMIT);
    expect(back.checkpoint.tensors.get('wte')).toEqual(ck.tensors.get('wte'));
    expect([...back.checkpoint.tensors.get('rewardW')!].every((x) => x === 0)).toBe(true);
    expect(back.notes.join(' ')).toMatch(/no heads\.safetensors/);
  });

  it('reads BF16 weights as the float32 values they stand for', () => {
    const st = decodeSafetensors(files.get('model.safetensors')!);
    // BF16 by truncation: the top 16 bits of each float32.
    const bf16 = new Map([...st.tensors].map(([name, t]) => [name, { ...t, data: new Uint16Array(new Uint32Array(t.data.slice().buffer).map((b) => b >>> 16)) }]));
    const header: Record<string, unknown> = { __metadata__: { format: 'pt' } };
    let at = 0;
    for (const [name, t] of bf16) { header[name] = { dtype: 'BF16', shape: t.shape, data_offsets: [at, at + 2 * t.data.length] }; at += 2 * t.data.length; }
    const json = text(JSON.stringify(header));
    const out = new Uint8Array(8 + json.length + at);
    new DataView(out.buffer).setUint32(0, json.length, true);
    out.set(json, 8);
    let p = 8 + json.length;
    for (const t of bf16.values()) { out.set(new Uint8Array(t.data.buffer), p); p += t.data.byteLength; }
    const back = importHfGpt2(new Map(files).set('model.safetensors', out), LIMIT).checkpoint;
    const truncated = (x: Float32Array) => new Float32Array(new Uint32Array(x.slice().buffer).map((b) => b & 0xffff0000).buffer);
    expect(back.tensors.get('h1.attnW')).toEqual(truncated(ck.tensors.get('h1.attnW')!));
  });
});

describe('safetensors half-precision decoding', () => {
  const file = (dtype: string, halves: number[]) => {
    const json = text(JSON.stringify({ x: { dtype, shape: [halves.length], data_offsets: [0, 2 * halves.length] } }));
    const out = new Uint8Array(8 + json.length + 2 * halves.length);
    new DataView(out.buffer).setUint32(0, json.length, true);
    out.set(json, 8);
    out.set(new Uint8Array(Uint16Array.from(halves).buffer), 8 + json.length);
    return out;
  };
  it('F16: normal, negative, subnormal, largest, infinite', () => {
    const x = decodeSafetensors(file('F16', [0x3c00, 0xc000, 0x3555, 0x0001, 0x7bff, 0x7c00, 0x8000])).tensors.get('x')!.data;
    expect([...x]).toEqual([1, -2, Math.fround(0.333251953125), Math.fround(2 ** -24), 65504, Infinity, -0]);
  });
  it('BF16: the top half of a float32', () => {
    const x = decodeSafetensors(file('BF16', [0x3f80, 0xc040, 0x4049])).tensors.get('x')!.data;
    expect([...x]).toEqual([1, -3, 3.140625]);
  });
});

describe('a foreign GPT-2 (bytes in GPT-2\'s order, <|endoftext|> last, no PAD or BOS)', () => {
  const foreign = foreignGpt2Files(5);
  const imported = importHfGpt2(foreign, LIMIT);
  const spec = imported.checkpoint.tokenizer as BPETokenizerSpec;
  const ours = new BPETokenizer(spec);
  const theirVocab: Record<string, number> = JSON.parse(new TextDecoder().decode(foreign.get('vocab.json')!));
  const tokenOf: string[] = [];
  for (const [token, id] of Object.entries(spec.vocab)) tokenOf[id] = token;
  const theirId = (ourId: number) => theirVocab[ourId === BOS ? '<|endoftext|>' : tokenOf[ourId]];

  it('is renumbered into our layout: PAD, BOS, EOS, bytes in byte order, merges in rank order', () => {
    expect(imported.remapped).toBe(true);
    const v = spec.vocab;
    expect([v['<|pad|>'], v['<|bos|>'], v['<|endoftext|>'], v['Ā'], v['!'], v['Ġ']]).toEqual([PAD, BOS, EOS, 3, 3 + 33, 3 + 32]);
    expect(imported.checkpoint.config.vocabSize).toBe(300);
    expect(imported.checkpoint.meta).toMatchObject({ name: 'tiny-foreign-gpt2', kind: 'imported' });
    expect(imported.notes.join(' ')).toMatch(/BOS .* takes <\|endoftext\|>'s.*PAD .* mean row/);
  });

  it("encodes text to the same tokens as GPT-2's own BPE over the foreign files", () => {
    const encode = referenceBpeEncoder(new TextDecoder().decode(foreign.get('vocab.json')!), new TextDecoder().decode(foreign.get('merges.txt')!));
    for (const t of [sample, ' Quoth the raven, "Nevermore."\n']) expect(ours.encode(t).map(theirId)).toEqual(encode(t));
  });

  it("gives, for each token, the reference's logit for the same token on the foreign files", async () => {
    const ref = referenceGpt2(foreign);
    const ids = ours.encode(sample).slice(0, 15);
    let worst = 0;
    // With BOS first: our BOS row is <|endoftext|>'s, which the reference is fed.
    for (const seq of [ids, [BOS, ...ids]]) {
      const mine = await tfjsLogits(imported.checkpoint, seq);
      const theirs = ref.logits(seq.map(theirId));
      seq.forEach((_, t) => {
        const permuted = Array.from({ length: 300 }, (_, id) => (id === PAD ? theirs[t].reduce((a, b) => a + b, 0) / theirs[t].length : theirs[t][theirId(id)]));
        worst = Math.max(worst, maxDiff(mine[t], permuted));
      });
    }
    // PAD's row is the mean row: its logit is the mean logit, so by Jensen its probability is at most 1/V.
    const padLogits = await tfjsLogits(imported.checkpoint, ids);
    for (const row of padLogits) {
      const max = Math.max(...row);
      const lse = max + Math.log(row.reduce((a, x) => a + Math.exp(x - max), 0));
      expect(Math.exp(row[PAD] - lse)).toBeLessThanOrEqual(1 / 300);
    }
    console.log(`foreign import: max |logit diff| tfjs (cpu) vs reference GPT-2 on the foreign files = ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(1e-4);
  });
});

describe('broken input, each refused naming the problem', () => {
  const model = files.get('model.safetensors')!;
  const withModel = (bytes: Uint8Array) => new Map(files).set('model.safetensors', bytes);
  const lengthField = (n: number) => { const b = model.slice(); new DataView(b.buffer).setUint32(0, n, true); return b; };
  const rows: Array<[string, () => Map<string, Uint8Array>, RegExp]> = [
    ['file shorter than the header length', () => withModel(model.slice(0, 5)), /model\.safetensors: truncated: 5 bytes/],
    ['truncated header', () => withModel(model.slice(0, 100)), /model\.safetensors: truncated header: the header length is \d+ bytes but only 92 follow/],
    ['header length past the file', () => withModel(lengthField(model.length + 1)), /truncated header/],
    ['absurd header length', () => withModel(lengthField(0xffffffff)), /header length is 4294967295 bytes, more than/],
    ['header not JSON', () => withModel(withSafetensorsHeader(model, () => {}).map((b, i) => (i === 8 ? 0x7b + 1 : b))), /header is not valid JSON/],
    ['unknown dtype', () => withModel(withSafetensorsHeader(model, (h) => { h['transformer.wpe.weight'].dtype = 'Q4'; })), /"transformer\.wpe\.weight" has the unknown dtype "Q4"/],
    ['unsupported dtype', () => withModel(withSafetensorsHeader(model, (h) => { h['transformer.wpe.weight'].dtype = 'I64'; })), /dtype I64; only F32, F16 and BF16/],
    ['offsets out of range', () => withModel(model.slice(0, model.length - 4)), /data_offsets \[\d+, \d+\] fall outside/],
    ['offsets overlapping', () => withModel(withSafetensorsHeader(model, (h) => { h['transformer.ln_f.bias'].data_offsets = h['transformer.ln_f.weight'].data_offsets; })), /"transformer\.ln_f\.(weight|bias)" and "transformer\.ln_f\.(weight|bias)" overlap/],
    ['size not shape x dtype', () => withModel(withSafetensorsHeader(model, (h) => { h['transformer.ln_f.bias'].shape = [15]; })), /"transformer\.ln_f\.bias" has 64 bytes of data, but shape \[15\] of F32 needs 60/],
    ['shape not matching config', () => withConfig(files, (c) => { c.n_positions = 8; }), /"transformer\.wpe\.weight" has shape \[16,16\] but config\.json needs \[8,16\]/],
    ['tensor missing', () => withModel(withSafetensorsHeader(model, (h) => { delete h['transformer.h.1.mlp.c_fc.bias']; })), /tensor "transformer\.h\.1\.mlp\.c_fc\.bias" is missing/],
    ['tensor unknown', () => {
      const st = decodeSafetensors(model);
      st.tensors.set('score.weight', { shape: [1, 16], data: new Float32Array(16) });
      return withModel(encodeSafetensors(st.tensors, st.metadata));
    }, /1 tensor\(s\) that a GPT-2 of this config does not have: score\.weight/],
    ['merge naming an unknown token', () => new Map(files).set('merges.txt', text(`#version: 0.2\n${tinySpec.merges.slice(0, -1).join('\n')}\nĠzz qq\n`)), /merge 41 names the unknown token "Ġzz"/],
    ['architecture not GPT-2', () => withConfig(files, (c) => { c.model_type = 'llama'; c.architectures = ['LlamaForCausalLM']; }), /"llama" model \(LlamaForCausalLM\), not GPT-2/],
    ['vocabulary size mismatch', () => withConfig(files, (c) => { c.vocab_size = 301; }), /Vocabulary size mismatch: config\.json says 301 tokens but vocab\.json\/merges\.txt has 300/],
    ['another activation', () => withConfig(files, (c) => { c.activation_function = 'gelu'; }), /the activation is "gelu"/],
    ['another LayerNorm epsilon', () => withConfig(files, (c) => { c.layer_norm_epsilon = 1e-6; }), /layer_norm_epsilon is 0\.000001/],
    ['untied output layer', () => {
      const st = decodeSafetensors(model);
      st.tensors.set('lm_head.weight', { shape: [300, 16], data: new Float32Array(300 * 16) });
      return withModel(encodeSafetensors(st.tensors, st.metadata));
    }, /lm_head\.weight differs from the token embedding/],
    ['NaN in the weights', () => {
      const st = decodeSafetensors(model);
      st.tensors.get('transformer.h.0.ln_2.bias')!.data[0] = NaN;
      return withModel(encodeSafetensors(st.tensors, st.metadata));
    }, /"transformer\.h\.0\.ln_2\.bias" contains NaN/],
    ['no tokenizer', () => { const m = new Map(files); m.delete('vocab.json'); m.delete('tokenizer.json'); return m; }, /No tokenizer/],
    ['no config', () => { const m = new Map(files); m.delete('config.json'); return m; }, /config\.json is missing/],
    ['a pickle only', () => { const m = new Map(files); m.delete('model.safetensors'); return m.set('pytorch_model.bin', new Uint8Array(4)); }, /pytorch_model\.bin .* pickle/],
  ];
  it.each(rows)('%s', (_, make, message) => {
    expect(() => importHfGpt2(make(), LIMIT)).toThrow(HfImportError);
    expect(() => importHfGpt2(make(), LIMIT)).toThrow(message);
  });

  it('refuses files over the size limit before reading them', () => {
    expect(() => importHfGpt2(files, { maxBytes: 1000 })).toThrow(/add up to .* MB, more than the 0 MB allowed/);
  });

  it('names safetensors problems with their own error type when decoded alone', () => {
    expect(() => decodeSafetensors(model.slice(0, 3), 'x.safetensors')).toThrow(SafetensorsError);
  });
});

describe('training estimate', () => {
  it("says distilgpt2's size trains on WebGPU only and the starter's everywhere", () => {
    const distil = estimateTraining({ vocabSize: 50_259, blockSize: 1024, nLayer: 6, nHead: 12, nEmbd: 768 });
    expect(distil.parameters).toBeGreaterThan(81e6);
    expect(distil.parameters).toBeLessThan(83e6);
    expect(distil.backends).toEqual(['webgpu']);
    const starter = estimateTraining({ vocabSize: 4096, blockSize: 128, nLayer: 4, nHead: 4, nEmbd: 128 });
    expect(starter.parameters).toBe(1_334_274);
    expect(starter.backends).toEqual(['cpu', 'wasm', 'webgl', 'webgpu']);
    // The wasm figure should land near the measured 810-985 tokens/s (README, Speed).
    expect(starter.tokensPerSecond.wasm).toBeGreaterThan(700);
    expect(starter.tokensPerSecond.wasm).toBeLessThan(1100);
  });
});
