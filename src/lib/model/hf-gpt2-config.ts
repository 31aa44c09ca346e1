// config.json of a Hugging Face GPT-2, read and checked: it must describe the computation our
// model does (GPT-2's blocks, tanh GELU, LayerNorm epsilon 1e-5, scaled attention, tied output
// layer), or the imported weights would compute something else without saying so.
import { REWARD_READOUTS, type RewardReadout } from './config';
import type { CheckpointMeta } from './checkpoint-format';
import { TANH_GELU_NAMES } from './hf-gpt2-names';

export class HfImportError extends Error {
  override name = 'HfImportError';
}

export interface Gpt2Sizes {
  vocabSize: number;
  blockSize: number;
  nLayer: number;
  nHead: number;
  nEmbd: number;
}

export interface Gpt2ConfigRead {
  sizes: Gpt2Sizes;
  eosTokenId?: number;
  /** tie_word_embeddings (true unless the file says false). */
  tied: boolean;
  /** The name transformers recorded, if any. */
  nameOrPath?: string;
  /** Our own block, present in this app's exports. */
  ours?: { meta: CheckpointMeta; rewardReadout?: RewardReadout };
}

const ARCHITECTURES = ['GPT2LMHeadModel', 'GPT2Model'];

export function readGpt2Config(text: string): Gpt2ConfigRead {
  const fail = (msg: string): never => { throw new HfImportError(`config.json: ${msg}`); };
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('not valid JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('not a JSON object');
  const archs = Array.isArray(raw.architectures) ? raw.architectures.map(String) : [];
  const named = archs.length ? ` (${archs.join(', ')})` : '';
  if (raw.model_type !== 'gpt2') fail(`this is a ${JSON.stringify(raw.model_type ?? 'unknown')} model${named}, not GPT-2: only GPT-2 checkpoints are read`);
  if (archs.length && !archs.some((a) => ARCHITECTURES.includes(a))) fail(`the architecture is ${archs.join(', ')}, not ${ARCHITECTURES.join(' or ')}`);
  const activation = raw.activation_function ?? 'gelu_new';
  if (!TANH_GELU_NAMES.includes(activation as string)) {
    fail(`the activation is ${JSON.stringify(activation)}; this app's model computes GPT-2's tanh GELU (${TANH_GELU_NAMES.join(', ')})`);
  }
  const int = (key: string, fallback?: string): number => {
    const v = raw[key] ?? (fallback ? raw[fallback] : undefined);
    if (!Number.isSafeInteger(v) || (v as number) <= 0) fail(`${key} is ${JSON.stringify(v ?? null)}, not a positive integer`);
    return v as number;
  };
  const sizes: Gpt2Sizes = { vocabSize: int('vocab_size'), blockSize: int('n_positions', 'n_ctx'), nLayer: int('n_layer'), nHead: int('n_head'), nEmbd: int('n_embd') };
  if (raw.n_inner != null && raw.n_inner !== 4 * sizes.nEmbd) fail(`n_inner is ${raw.n_inner}; this app's MLP is 4 x n_embd = ${4 * sizes.nEmbd} wide`);
  const eps = raw.layer_norm_epsilon ?? 1e-5;
  if (typeof eps !== 'number' || Math.abs(eps - 1e-5) > 1e-12) fail(`layer_norm_epsilon is ${JSON.stringify(eps)}; this app's LayerNorm uses 1e-5`);
  if (raw.scale_attn_weights === false) fail('scale_attn_weights is false; this app scales attention by 1/sqrt(head size)');
  if (raw.scale_attn_by_inverse_layer_idx === true) fail('scale_attn_by_inverse_layer_idx is true; this app does not scale attention by layer');
  if (raw.add_cross_attention === true) fail('add_cross_attention is true; this app\'s model has no cross-attention');
  const eos = raw.eos_token_id;
  return {
    sizes,
    eosTokenId: Number.isSafeInteger(eos) ? (eos as number) : undefined,
    tied: raw.tie_word_embeddings !== false,
    nameOrPath: typeof raw._name_or_path === 'string' && raw._name_or_path ? raw._name_or_path : undefined,
    ours: ourBlock(raw.rlhf_playground, fail),
  };
}

/** This app's "rlhf_playground" block (exports only): the metadata and reward readout, checked. */
function ourBlock(block: unknown, fail: (msg: string) => never): Gpt2ConfigRead['ours'] {
  if (block === undefined) return undefined;
  const b = block as { format?: unknown; meta?: Record<string, unknown>; reward_readout?: unknown };
  if (typeof b !== 'object' || b === null || b.format !== 1) fail('its "rlhf_playground" block is not format 1');
  const meta = b.meta;
  if (typeof meta !== 'object' || meta === null || !['name', 'createdAt', 'kind'].every((k) => typeof meta[k] === 'string')) {
    fail('its "rlhf_playground" block has no metadata with a name, a date and a kind');
  }
  const readout = b.reward_readout;
  if (readout !== undefined && !(REWARD_READOUTS as readonly unknown[]).includes(readout)) fail(`its reward readout ${JSON.stringify(readout)} is not one of ${REWARD_READOUTS.join(', ')}`);
  return { meta: meta as CheckpointMeta, rewardReadout: readout as RewardReadout | undefined };
}
