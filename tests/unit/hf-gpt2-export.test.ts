// Export to Hugging Face's GPT-2 format: an independent GPT-2 forward pass (reference-gpt2.ts),
// reading only the exported files by GPT-2's tensor names, gives our tfjs model's logits; GPT-2's
// own BPE algorithm over the exported vocab.json/merges.txt gives our tokenizer's ids; the files
// say what transformers needs them to say.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BPETokenizer } from '../../src/lib/model/bpe-tokenizer';
import { exportHfGpt2, HfExportError } from '../../src/lib/model/hf-gpt2-export';
import { readSafetensorsHeader } from '../../src/lib/model/safetensors';
import { charTokenizer } from '../../src/lib/model/tokenizer';
import { folderBytes, maxDiff, randomCheckpoint, tfjsLogits, tinySpec } from './hf-fixtures';
import { referenceGpt2 } from './reference-gpt2';
import { referenceBpeEncoder } from './reference-gpt2-bpe';

const ck = randomCheckpoint(11);
const files = folderBytes(ck);
const textOf = (name: string) => new TextDecoder().decode(files.get(name)!);
const tokenizer = new BPETokenizer(tinySpec);
const texts = ['The rabbit ran to the garden gate.', ' "Well," said she, "I never!"\n\nThen 42 ducks—and café au lait.', 'and the and the and the and the'];

beforeAll(async () => { await tf.setBackend('cpu'); });
afterAll(async () => { await tf.setBackend('wasm'); });

describe('exported weights', () => {
  it("give our model's logits through an independent GPT-2 forward pass (max diff < 1e-4)", async () => {
    const ref = referenceGpt2(files);
    expect(ref.vocabSize).toBe(ck.config.vocabSize);
    let worst = 0;
    const sequences = [[1, ...tokenizer.encode(texts[0])].slice(0, ck.config.blockSize), tokenizer.encode(texts[1]).slice(0, ck.config.blockSize), [1, 2, 0, 7, 300 - 1]];
    for (const ids of sequences) {
      const ours = await tfjsLogits(ck, ids);
      const theirs = ref.logits(ids);
      ids.forEach((_, t) => { worst = Math.max(worst, maxDiff(ours[t], theirs[t])); });
    }
    console.log(`export: max |logit diff| tfjs (cpu) vs reference GPT-2 = ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(1e-4);
    // The logits are not trivially small: the comparison has something to compare.
    expect(Math.max(...ref.logits([5, 6, 7])[2].map(Math.abs))).toBeGreaterThan(1);
  });

  it('are float32 under GPT2LMHeadModel\'s names, no lm_head (tied), header space-padded to 8 bytes', () => {
    const bytes = files.get('model.safetensors')!;
    const h = readSafetensorsHeader(bytes);
    expect(h.metadata).toEqual({ format: 'pt' });
    expect(h.dataStart % 8).toBe(0);
    expect(bytes[h.dataStart - 1]).toBe(0x20);
    expect(h.tensors.has('lm_head.weight')).toBe(false);
    expect(h.tensors.get('transformer.h.1.attn.c_attn.weight')).toMatchObject({ dtype: 'F32', shape: [16, 48] });
    expect(h.tensors.get('transformer.h.0.mlp.c_proj.weight')?.shape).toEqual([64, 16]);
    expect(h.tensors.get('transformer.wte.weight')?.shape).toEqual([300, 16]);
    expect(h.tensors.size).toBe(2 + 2 * 12 + 2);
    // Laid end to end from offset 0, as the reference writer does.
    const spans = [...h.tensors.values()].map((e) => [e.begin, e.end]).sort((a, b) => a[0] - b[0]);
    spans.forEach(([b], i) => expect(b).toBe(i === 0 ? 0 : spans[i - 1][1]));
    expect(spans.at(-1)![1]).toBe(bytes.length - h.dataStart);
  });

  it('keep the value and reward heads in heads.safetensors, nn.Linear layout', () => {
    const h = readSafetensorsHeader(files.get('heads.safetensors')!);
    expect([...h.tensors.keys()].sort()).toEqual(['reward_head.bias', 'reward_head.weight', 'value_head.bias', 'value_head.weight']);
    expect(h.tensors.get('value_head.weight')?.shape).toEqual([1, 16]);
    expect(h.metadata.reward_readout).toBe('eos');
  });
});

describe('exported tokenizer', () => {
  it("encodes as GPT-2's own BPE algorithm does over vocab.json and merges.txt", () => {
    const encode = referenceBpeEncoder(textOf('vocab.json'), textOf('merges.txt'));
    for (const t of [...texts, 'Ünïcödé 😀 tabs\tand  double  spaces ']) expect(encode(t)).toEqual(tokenizer.encode(t));
  });

  it('writes merges.txt with the version line and a final newline (GPT2Tokenizer drops the last line)', () => {
    const lines = textOf('merges.txt').split('\n');
    expect(lines[0]).toBe('#version: 0.2');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(1, -1)).toEqual(tinySpec.merges);
  });

  it('writes tokenizer.json with the same vocabulary and merges, our 3 specials as added tokens, BOS prepended', () => {
    const t = JSON.parse(textOf('tokenizer.json'));
    expect(t.model).toMatchObject({ type: 'BPE', merges: tinySpec.merges, byte_fallback: false });
    expect(t.model.vocab).toEqual(JSON.parse(textOf('vocab.json')));
    expect(t.added_tokens.map((a: any) => [a.id, a.content, a.special])).toEqual([[0, '<|pad|>', true], [1, '<|bos|>', true], [2, '<|endoftext|>', true]]);
    expect(t.pre_tokenizer.type).toBe('ByteLevel');
    expect(t.post_processor.special_tokens['<|bos|>'].ids).toEqual([1]);
  });
});

describe('config.json and the rest', () => {
  it('is a GPT2Config for our sizes and special ids', () => {
    const c = JSON.parse(textOf('config.json'));
    expect(c).toMatchObject({
      model_type: 'gpt2', architectures: ['GPT2LMHeadModel'], vocab_size: 300, n_positions: 16, n_ctx: 16, n_embd: 16, n_layer: 2, n_head: 2,
      n_inner: null, activation_function: 'gelu_new', layer_norm_epsilon: 1e-5, resid_pdrop: 0, embd_pdrop: 0, attn_pdrop: 0,
      bos_token_id: 1, eos_token_id: 2, pad_token_id: 0, tie_word_embeddings: true, scale_attn_weights: true,
    });
    expect(c.rlhf_playground.meta.name).toBe('random 11');
    expect(JSON.parse(textOf('generation_config.json'))).toMatchObject({ bos_token_id: 1, eos_token_id: 2, pad_token_id: 0 });
    expect(JSON.parse(textOf('special_tokens_map.json'))).toMatchObject({ bos_token: '<|bos|>', eos_token: '<|endoftext|>', pad_token: '<|pad|>' });
    expect(JSON.parse(textOf('tokenizer_config.json'))).toMatchObject({ tokenizer_class: 'GPT2Tokenizer', model_max_length: 16, add_bos_token: true });
    expect(textOf('README.md')).toMatch(/heads\.safetensors[\s\S]*value_head\.weight[\s\S]*reward_head\.weight/);
  });

  it('refuses a character-tokenizer checkpoint, naming why', () => {
    const char = randomCheckpoint(1);
    const spec = charTokenizer().spec;
    expect(() => exportHfGpt2({ ...char, tokenizer: spec })).toThrow(HfExportError);
    expect(() => exportHfGpt2({ ...char, tokenizer: spec })).toThrow(/character tokenizer.*only byte-level BPE/);
  });

  it('refuses weights with NaN', () => {
    const bad = randomCheckpoint(2);
    bad.tensors.get('h0.fcB')![3] = NaN;
    expect(() => exportHfGpt2(bad)).toThrow(/"h0\.fcB" contains NaN/);
  });
});
