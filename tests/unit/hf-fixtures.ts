// Small models and Hugging Face folders for the HF export/import tests: a tiny seeded checkpoint
// with every tensor random (gains and biases too, so a misplaced one shows), a folder as bytes,
// a synthetic "foreign" GPT-2 laid out as the real gpt2 upload is, and header surgery.
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import type { BPETokenizerSpec } from '../../src/lib/model/bpe-tokenizer';
import { trainBPE } from '../../src/lib/model/bpe-training';
import type { Checkpoint } from '../../src/lib/model/checkpoint-format';
import type { GPTConfig } from '../../src/lib/model/config';
import { logits } from '../../src/lib/model/gpt';
import { exportHfGpt2, hfFileBytes } from '../../src/lib/model/hf-gpt2-export';
import { disposeParams, paramsFromArrays } from '../../src/lib/model/params';
import { parameterShapes } from '../../src/lib/model/param-shapes';
import { encodeSafetensors } from '../../src/lib/model/safetensors';
import { BYTE_TO_CHAR } from '../../src/lib/model/byte-unicode';
import { makeRng } from '../../src/lib/util/rng';
import { GPT2_BYTE_ORDER } from './reference-gpt2-bpe';

const corpus = readFileSync('public/corpus/heldout.txt', 'utf8').split('\n').filter(Boolean).slice(0, 200);
/** A 300-token byte-level BPE (41 merges) trained on held-out text. */
export const tinySpec: BPETokenizerSpec = trainBPE(corpus, 300);
export const TINY: Omit<GPTConfig, 'vocabSize'> = { blockSize: 16, nLayer: 2, nHead: 2, nEmbd: 16 };

/** Every tensor drawn from a seeded normal: weights ~0.2 (large enough for peaked logits), gains ~1. */
export function randomCheckpoint(seed: number, spec: BPETokenizerSpec = tinySpec, size = TINY): Checkpoint {
  const config: GPTConfig = { ...size, vocabSize: Object.keys(spec.vocab).length };
  const rng = makeRng(seed);
  const tensors = new Map<string, Float32Array>();
  for (const [name, shape] of parameterShapes(config)) {
    const n = shape.reduce((a, b) => a * b, 1);
    const gain = name.endsWith('G');
    tensors.set(name, Float32Array.from({ length: n }, () => (gain ? 1 : 0) + (gain ? 0.1 : 0.2) * rng.normal()));
  }
  return { config, tokenizer: spec, meta: { name: `random ${seed}`, createdAt: '2026-01-01T00:00:00.000Z', kind: 'pretrain', seed }, tensors };
}

/** exportHfGpt2's folder as bytes, the form an import reads. */
export function folderBytes(ck: Checkpoint): Map<string, Uint8Array> {
  return new Map([...exportHfGpt2(ck)].map(([name, c]) => [name, hfFileBytes(c)]));
}

/** Our tfjs model's logits (T rows of V) for one sequence (whatever backend is set). */
export async function tfjsLogits(ck: Checkpoint, ids: number[]): Promise<number[][]> {
  const params = paramsFromArrays(ck.config, ck.tensors);
  const out = tf.tidy(() => logits(ck.config, params, tf.tensor2d([ids], undefined, 'int32')));
  const rows = ((await out.array()) as number[][][])[0];
  out.dispose();
  disposeParams(params);
  return rows;
}

const text = (s: string) => new TextEncoder().encode(s);

/**
 * A tiny GPT-2 laid out as the real gpt2 upload is: bytes numbered in GPT-2's order (by their
 * unicode stand-ins), merges from 256, <|endoftext|> last; tensor names without "transformer.",
 * the old causal-mask buffers (h.N.attn.bias) beside them, no lm_head. Random weights.
 */
export function foreignGpt2Files(seed: number, spec: BPETokenizerSpec = tinySpec): Map<string, Uint8Array> {
  const vocab: Record<string, number> = {};
  GPT2_BYTE_ORDER.forEach((b, id) => { vocab[BYTE_TO_CHAR[b]] = id; });
  spec.merges.forEach((m, rank) => { vocab[m.replace(' ', '')] = 256 + rank; });
  const V = 256 + spec.merges.length + 1;
  vocab['<|endoftext|>'] = V - 1;
  const { blockSize: T, nLayer, nHead, nEmbd: C } = TINY;
  const rng = makeRng(seed);
  const random = (shape: number[], mean = 0, std = 0.2) => ({ shape, data: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => mean + std * rng.normal()) });
  const tensors: Array<[string, { shape: number[]; data: Float32Array }]> = [['wte.weight', random([V, C])], ['wpe.weight', random([T, C])]];
  const mask = Float32Array.from({ length: T * T }, (_, i) => (i % T <= Math.floor(i / T) ? 1 : 0));
  for (let l = 0; l < nLayer; l++) {
    const h = `h.${l}.`;
    tensors.push(
      [h + 'ln_1.weight', random([C], 1, 0.1)], [h + 'ln_1.bias', random([C])],
      [h + 'attn.bias', { shape: [1, 1, T, T], data: mask }],
      [h + 'attn.c_attn.weight', random([C, 3 * C])], [h + 'attn.c_attn.bias', random([3 * C])],
      [h + 'attn.c_proj.weight', random([C, C])], [h + 'attn.c_proj.bias', random([C])],
      [h + 'ln_2.weight', random([C], 1, 0.1)], [h + 'ln_2.bias', random([C])],
      [h + 'mlp.c_fc.weight', random([C, 4 * C])], [h + 'mlp.c_fc.bias', random([4 * C])],
      [h + 'mlp.c_proj.weight', random([4 * C, C])], [h + 'mlp.c_proj.bias', random([C])],
    );
  }
  tensors.push(['ln_f.weight', random([C], 1, 0.1)], ['ln_f.bias', random([C])]);
  const config = {
    _name_or_path: 'tiny-foreign-gpt2', activation_function: 'gelu_new', architectures: ['GPT2LMHeadModel'], model_type: 'gpt2',
    vocab_size: V, n_positions: T, n_ctx: T, n_embd: C, n_layer: nLayer, n_head: nHead, layer_norm_epsilon: 1e-5,
    bos_token_id: V - 1, eos_token_id: V - 1,
  };
  return new Map([
    ['config.json', text(JSON.stringify(config))],
    ['vocab.json', text(JSON.stringify(vocab))],
    ['merges.txt', text(['#version: 0.2', ...spec.merges].join('\n') + '\n')],
    ['model.safetensors', encodeSafetensors(tensors, { format: 'pt' })],
  ]);
}

/** A safetensors file with its header JSON edited and its data kept (how tests make lying headers). */
export function withSafetensorsHeader(bytes: Uint8Array, edit: (h: Record<string, any>) => void): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n)));
  edit(header);
  const json = text(JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + bytes.length - 8 - n);
  new DataView(out.buffer).setUint32(0, json.length, true);
  out.set(json, 8);
  out.set(bytes.subarray(8 + n), 8 + json.length);
  return out;
}

/** config.json edited. */
export function withConfig(files: Map<string, Uint8Array>, edit: (c: Record<string, any>) => void): Map<string, Uint8Array> {
  const c = JSON.parse(new TextDecoder().decode(files.get('config.json')!));
  edit(c);
  return new Map(files).set('config.json', text(JSON.stringify(c)));
}

export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** -1 when a and b hold the same float32 bit patterns, else the first index that differs (fast on megabytes, where toEqual is not). */
export function firstBitDifference(a: Float32Array | undefined, b: Float32Array | undefined): number {
  if (!a || !b || a.length !== b.length) return 0;
  const x = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const y = new Uint32Array(b.buffer, b.byteOffset, b.length);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return i;
  return -1;
}
