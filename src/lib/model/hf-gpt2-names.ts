// Our parameter names beside GPT2LMHeadModel's (Hugging Face transformers). Every weight keeps its
// layout: GPT-2's linear layers are Conv1D, whose weight is (in, out) as ours is, and c_attn's
// 3C outputs are q, k, v side by side as ours are (transformers splits them in that order).
// The output head is tied to wte, so there is no lm_head tensor (save_pretrained leaves it out).
import type { GPTConfig } from './config';
import { LAYER_KEYS } from './param-shapes';

const LAYER_NAMES: Record<(typeof LAYER_KEYS)[number], string> = {
  ln1G: 'ln_1.weight', ln1B: 'ln_1.bias',
  attnW: 'attn.c_attn.weight', attnB: 'attn.c_attn.bias',
  projW: 'attn.c_proj.weight', projB: 'attn.c_proj.bias',
  ln2G: 'ln_2.weight', ln2B: 'ln_2.bias',
  fcW: 'mlp.c_fc.weight', fcB: 'mlp.c_fc.bias',
  fc2W: 'mlp.c_proj.weight', fc2B: 'mlp.c_proj.bias',
};

/** Hugging Face's name (without the "transformer." prefix) of each trunk parameter, ours first. */
export function hfTrunkNames(c: GPTConfig): Array<[ours: string, hf: string]> {
  const out: Array<[string, string]> = [['wte', 'wte.weight'], ['wpe', 'wpe.weight']];
  for (let l = 0; l < c.nLayer; l++) {
    for (const key of LAYER_KEYS) out.push([`h${l}.${key}`, `h.${l}.${LAYER_NAMES[key]}`]);
  }
  out.push(['lnfG', 'ln_f.weight'], ['lnfB', 'ln_f.bias']);
  return out;
}

/** GPT2LMHeadModel's prefix; the original gpt2 upload has none (transformers accepts both). */
export const HF_PREFIX = 'transformer.';

/**
 * The value and reward heads, in heads.safetensors: nn.Linear(C, 1) layout, weight (1, C). Ours
 * are (C, 1): the same numbers in the same order, only the shape differs.
 */
export const HF_HEAD_NAMES: ReadonlyArray<[ours: string, hf: string, shape: (c: GPTConfig) => number[]]> = [
  ['valueW', 'value_head.weight', (c) => [1, c.nEmbd]],
  ['valueB', 'value_head.bias', () => [1]],
  ['rewardW', 'reward_head.weight', (c) => [1, c.nEmbd]],
  ['rewardB', 'reward_head.bias', () => [1]],
];

/** Buffers older GPT-2 uploads carry beside the weights (the causal mask): not parameters, skipped. */
export const isAttentionBuffer = (name: string) => /(^|\.)h\.\d+\.attn\.(bias|masked_bias)$/.test(name);

/** Activations that are GPT-2's tanh-approximated GELU (transformers' names for it). */
export const TANH_GELU_NAMES = ['gelu_new', 'gelu_pytorch_tanh', 'gelu_fast'];
