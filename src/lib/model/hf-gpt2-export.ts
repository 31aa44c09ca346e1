// A checkpoint as a Hugging Face GPT-2 folder: what `GPT2LMHeadModel.from_pretrained(dir)` and
// `AutoTokenizer.from_pretrained(dir)` read, plus heads.safetensors (the value and reward heads,
// which GPT-2 has no place for) and a README.md saying what each file is. Pure JS: the page
// builds the zip on the main thread.
import type { Checkpoint } from './checkpoint-format';
import { rewardReadoutOf } from './config';
import { hfExportReadme } from './hf-export-readme';
import { HF_HEAD_NAMES, HF_PREFIX, hfTrunkNames } from './hf-gpt2-names';
import { mergesTxt, tokenizerJson, vocabJson } from './hf-tokenizer-files';
import { parameterShapes } from './param-shapes';
import { encodeSafetensors, type TensorToWrite } from './safetensors';
import { BOS, EOS, PAD, SPECIAL_TOKEN_NAMES } from './special-tokens';

export class HfExportError extends Error {
  override name = 'HfExportError';
}

/** File name -> contents (text files as strings). */
export type HfFiles = Map<string, Uint8Array | string>;

/** Version of the "rlhf_playground" block we add to config.json (meta and reward readout). */
export const HF_EXPORT_FORMAT = 1;

const json = (x: unknown) => JSON.stringify(x, null, 2) + '\n';

export function exportHfGpt2(ck: Checkpoint): HfFiles {
  const { config: c, tokenizer } = ck;
  if (tokenizer.kind !== 'bpe') {
    throw new HfExportError(`"${ck.meta.name}" uses the older character tokenizer, which GPT-2's tokenizer files cannot express; only byte-level BPE checkpoints export to the Hugging Face format`);
  }
  const shapes = new Map(parameterShapes(c));
  const tensor = (name: string, shape?: number[]): TensorToWrite => {
    const data = ck.tensors.get(name);
    if (!data) throw new HfExportError(`Checkpoint "${ck.meta.name}" is missing tensor "${name}"`);
    if (!data.every(Number.isFinite)) throw new HfExportError(`Refusing to export "${ck.meta.name}": tensor "${name}" contains NaN or Infinity`);
    return { shape: shape ?? shapes.get(name)!, data };
  };
  const model = encodeSafetensors(hfTrunkNames(c).map(([ours, hf]) => [HF_PREFIX + hf, tensor(ours)]), { format: 'pt' });
  const heads = encodeSafetensors(HF_HEAD_NAMES.map(([ours, hf, shape]) => [hf, tensor(ours, shape(c))]), {
    format: 'pt', reward_readout: rewardReadoutOf(c),
  });

  const [pad, bos, eos] = [SPECIAL_TOKEN_NAMES[PAD], SPECIAL_TOKEN_NAMES[BOS], SPECIAL_TOKEN_NAMES[EOS]];
  const files: HfFiles = new Map();
  files.set('config.json', json(gpt2Config(ck)));
  files.set('generation_config.json', json({ _from_model_config: true, bos_token_id: BOS, eos_token_id: EOS, pad_token_id: PAD }));
  files.set('model.safetensors', model);
  files.set('vocab.json', vocabJson(tokenizer));
  files.set('merges.txt', mergesTxt(tokenizer));
  files.set('tokenizer.json', tokenizerJson(tokenizer));
  files.set('special_tokens_map.json', json({ bos_token: bos, eos_token: eos, pad_token: pad, unk_token: eos }));
  files.set('tokenizer_config.json', json({
    tokenizer_class: 'GPT2Tokenizer', add_bos_token: true, add_prefix_space: false, clean_up_tokenization_spaces: false,
    bos_token: bos, eos_token: eos, pad_token: pad, unk_token: eos, model_max_length: c.blockSize,
    added_tokens_decoder: Object.fromEntries(SPECIAL_TOKEN_NAMES.map((content, id) => [String(id), {
      content, lstrip: false, normalized: false, rstrip: false, single_word: false, special: true,
    }])),
  }));
  files.set('heads.safetensors', heads);
  files.set('README.md', hfExportReadme(ck));
  return files;
}

/** GPT2Config's fields for our model: GPT-2's architecture with our sizes, no dropout (we train without). */
function gpt2Config(ck: Checkpoint): Record<string, unknown> {
  const c = ck.config;
  return {
    architectures: ['GPT2LMHeadModel'],
    model_type: 'gpt2',
    vocab_size: c.vocabSize,
    n_positions: c.blockSize,
    n_ctx: c.blockSize,
    n_embd: c.nEmbd,
    n_layer: c.nLayer,
    n_head: c.nHead,
    n_inner: null,
    activation_function: 'gelu_new',
    layer_norm_epsilon: 1e-5,
    resid_pdrop: 0,
    embd_pdrop: 0,
    attn_pdrop: 0,
    initializer_range: 0.02,
    scale_attn_weights: true,
    scale_attn_by_inverse_layer_idx: false,
    reorder_and_upcast_attn: false,
    summary_type: 'cls_index',
    summary_use_proj: true,
    summary_activation: null,
    summary_proj_to_labels: true,
    summary_first_dropout: 0.1,
    bos_token_id: BOS,
    eos_token_id: EOS,
    pad_token_id: PAD,
    tie_word_embeddings: true,
    use_cache: true,
    torch_dtype: 'float32',
    // Ours, for a lossless import back; transformers keeps unknown keys as attributes and ignores them.
    rlhf_playground: { format: HF_EXPORT_FORMAT, meta: ck.meta, reward_readout: c.rewardReadout },
  };
}

/** Text files as UTF-8 bytes (for a zip or a folder). */
export function hfFileBytes(contents: Uint8Array | string): Uint8Array {
  return typeof contents === 'string' ? new TextEncoder().encode(contents) : contents;
}
