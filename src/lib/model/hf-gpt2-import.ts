// A Hugging Face GPT-2 folder (file name -> bytes) as a checkpoint, checked whole before anything
// is returned: config.json must be GPT-2 computing what our model computes (hf-gpt2-config.ts),
// the tokenizer byte-level BPE (vocab.json + merges.txt, or tokenizer.json), every tensor present
// with the shape the config gives, the vocabulary the same size in config, tokenizer and weights.
// Our own exports come back bit for bit; a foreign GPT-2 (gpt2, distilgpt2) is renumbered into our
// token layout, its embedding rows moved with its tokens (hf-gpt2-vocab.ts).
import { CONFIG_LIMITS, type Checkpoint, type CheckpointMeta } from './checkpoint-format';
import { validateConfig, type GPTConfig, type GPTSizeKey } from './config';
import { BPETokenizer } from './bpe-tokenizer';
import { HfImportError, readGpt2Config, type Gpt2ConfigRead } from './hf-gpt2-config';
import { HF_HEAD_NAMES, HF_PREFIX, hfTrunkNames, isAttentionBuffer } from './hf-gpt2-names';
import { MEAN_ROW, remapVocabulary, type VocabRemap } from './hf-gpt2-vocab';
import { HfTokenizerError, parseMergesTxt, parseTokenizerJson, parseVocabJson, type HfBpeVocabulary } from './hf-tokenizer-files';
import { parameterShapes } from './param-shapes';
import { readSafetensorsHeader, readTensor, SafetensorsError, type SafetensorsHeader } from './safetensors';
import { estimateTraining, type TrainingEstimate } from './training-estimate';

export { HfImportError } from './hf-gpt2-config';

export interface HfImportOptions {
  /** Refuse files whose sizes add up to more than this. */
  maxBytes: number;
  /** A foreign model's name (default: the name transformers recorded, else "Hugging Face GPT-2"). */
  name?: string;
  /** The import's time, ISO (default: now). */
  createdAt?: string;
}

export interface HfImport {
  checkpoint: Checkpoint;
  /** Token ids were renumbered (a foreign GPT-2); false for our own exports. */
  remapped: boolean;
  /** What was filled in or changed, in words. */
  notes: string[];
  estimate: TrainingEstimate;
}

const fail = (msg: string): never => { throw new HfImportError(msg); };

/** Errors of the parts below, re-thrown as one kind with their message. */
function guard<T>(what: () => T): T {
  try {
    return what();
  } catch (e) {
    if (e instanceof HfTokenizerError || e instanceof SafetensorsError) fail(e.message);
    throw e;
  }
}

export function importHfGpt2(files: ReadonlyMap<string, Uint8Array>, opts: HfImportOptions): HfImport {
  let total = 0;
  for (const bytes of files.values()) total += bytes.length;
  if (total > opts.maxBytes) fail(`The files add up to ${mb(total)}, more than the ${mb(opts.maxBytes)} allowed`);
  const text = (name: string) => new TextDecoder().decode(need(files, name));

  const cfg = readGpt2Config(text('config.json'));
  const vocab = guard(() => readVocabulary(files, text));
  if (vocab.vocab.size !== cfg.sizes.vocabSize) {
    fail(`Vocabulary size mismatch: config.json says ${cfg.sizes.vocabSize} tokens but ${vocab.source} has ${vocab.vocab.size}`);
  }
  for (const [token, id] of vocab.vocab) {
    if (id >= cfg.sizes.vocabSize) fail(`${vocab.source}: "${token}" has the id ${id}, past the ${cfg.sizes.vocabSize} rows of the embedding`);
  }
  const remap = guard(() => remapVocabulary(vocab, cfg.eosTokenId));
  try {
    new BPETokenizer(remap.spec);
  } catch (e) {
    fail(`${vocab.source}: ${(e as Error).message}`);
  }
  const config = checkedConfig(cfg, remap.sourceRow.length);

  const modelBytes = needWeights(files);
  const model = guard(() => readSafetensorsHeader(modelBytes, 'model.safetensors'));
  const prefix = model.tensors.has(HF_PREFIX + 'wte.weight') ? HF_PREFIX : model.tensors.has('wte.weight') ? '' : fail('model.safetensors: no token embedding (transformer.wte.weight)');
  const ourShapes = new Map(parameterShapes(config));
  const trunk = hfTrunkNames(config).map(([ours, hf]) => {
    // wte has the files' rows (their vocabulary), moved into ours below.
    const shape = ours === 'wte' ? [cfg.sizes.vocabSize, config.nEmbd] : ourShapes.get(ours)!;
    return { ours, hf: prefix + hf, shape };
  });
  checkTensors(model, 'model.safetensors', trunk, (name) => name === 'lm_head.weight' || isAttentionBuffer(name));
  const lmHead = model.tensors.get('lm_head.weight');
  if (lmHead) checkShape('model.safetensors', 'lm_head.weight', lmHead.shape, [cfg.sizes.vocabSize, config.nEmbd]);
  else if (!cfg.tied) fail('config.json: tie_word_embeddings is false but model.safetensors has no lm_head.weight');

  const headBytes = files.get('heads.safetensors');
  const heads = headBytes ? guard(() => readSafetensorsHeader(headBytes, 'heads.safetensors')) : undefined;
  const headList = HF_HEAD_NAMES.map(([ours, hf, shape]) => ({ ours, hf, shape: shape(config) }));
  if (heads) checkTensors(heads, 'heads.safetensors', headList, () => false);

  // Everything is checked: convert.
  const tensors = new Map<string, Float32Array>();
  const read = (bytes: Uint8Array, h: SafetensorsHeader, name: string, file: string) => finite(readTensor(bytes, h, h.tensors.get(name)!), name, file);
  for (const t of trunk) {
    const data = read(modelBytes, model, t.hf, 'model.safetensors');
    tensors.set(t.ours, t.ours === 'wte' ? moveRows(data, remap, config.nEmbd) : data);
  }
  if (lmHead && !sameValues(read(modelBytes, model, 'lm_head.weight', 'model.safetensors'), read(modelBytes, model, prefix + 'wte.weight', 'model.safetensors'))) {
    fail('model.safetensors: lm_head.weight differs from the token embedding; this app\'s model ties its output layer to the embedding');
  }
  for (const h of headList) {
    const size = h.shape[0] * (h.shape[1] ?? 1);
    tensors.set(h.ours, heads ? read(headBytes!, heads, h.hf, 'heads.safetensors') : new Float32Array(size));
  }

  const notes = [...remap.notes];
  if (!heads) notes.push('no heads.safetensors: the value and reward heads start at zero');
  const meta: CheckpointMeta = cfg.ours?.meta ?? {
    name: opts.name ?? cfg.nameOrPath ?? 'Hugging Face GPT-2',
    createdAt: opts.createdAt ?? new Date().toISOString(),
    kind: 'imported',
    source: 'Hugging Face GPT-2 files',
  };
  const checkpoint: Checkpoint = { config, tokenizer: remap.spec, meta, tensors };
  return { checkpoint, remapped: !remap.identity, notes, estimate: estimateTraining(config) };
}

function need(files: ReadonlyMap<string, Uint8Array>, name: string): Uint8Array {
  return files.get(name) ?? fail(`${name} is missing`);
}

/** vocab.json + merges.txt if both are there (GPT2Tokenizer's), else tokenizer.json. */
function readVocabulary(files: ReadonlyMap<string, Uint8Array>, text: (name: string) => string): HfBpeVocabulary {
  if (files.has('vocab.json') && files.has('merges.txt')) {
    return { vocab: parseVocabJson(text('vocab.json')), merges: parseMergesTxt(text('merges.txt')), source: 'vocab.json/merges.txt' };
  }
  if (files.has('tokenizer.json')) return parseTokenizerJson(text('tokenizer.json'));
  return fail('No tokenizer: give vocab.json and merges.txt, or tokenizer.json');
}

function needWeights(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const bytes = files.get('model.safetensors');
  if (bytes) return bytes;
  if (files.has('model.safetensors.index.json')) fail('The weights are split over several files (model.safetensors.index.json); only a single model.safetensors is read');
  if (files.has('pytorch_model.bin')) fail('Only pytorch_model.bin is given: a Python pickle, which is not opened here; convert it to model.safetensors');
  return fail('model.safetensors is missing');
}

/** Our config from the files' sizes, within the limits any checkpoint must meet. */
function checkedConfig(cfg: Gpt2ConfigRead, vocabSize: number): GPTConfig {
  const { vocabSize: _theirs, ...sizes } = cfg.sizes;
  const config: GPTConfig = { vocabSize, ...sizes };
  if (cfg.ours?.rewardReadout) config.rewardReadout = cfg.ours.rewardReadout;
  try {
    validateConfig(config);
  } catch (e) {
    fail(`config.json: ${(e as Error).message}`);
  }
  for (const [key, max] of Object.entries(CONFIG_LIMITS) as Array<[GPTSizeKey, number]>) {
    if (config[key] > max) fail(`config.json: ${key} would be ${config[key]}, more than the ${max} a checkpoint may have`);
  }
  return config;
}

function checkShape(file: string, name: string, shape: number[], want: number[]): void {
  if (shape.length !== want.length || shape.some((d, i) => d !== want[i])) {
    fail(`${file}: tensor "${name}" has shape [${shape}] but config.json needs [${want}]`);
  }
}

/** Every expected tensor present with its shape; anything else is refused unless `extra` allows it. */
function checkTensors(h: SafetensorsHeader, file: string, want: Array<{ hf: string; shape: number[] }>, extra: (name: string) => boolean): void {
  for (const t of want) {
    const e = h.tensors.get(t.hf) ?? fail(`${file}: tensor "${t.hf}" is missing`);
    checkShape(file, t.hf, e.shape, t.shape);
  }
  const wanted = new Set(want.map((t) => t.hf));
  const unknown = [...h.tensors.keys()].filter((n) => !wanted.has(n) && !extra(n));
  if (unknown.length) fail(`${file}: ${unknown.length} tensor(s) that a GPT-2 of this config does not have: ${unknown.slice(0, 5).join(', ')}`);
}

/** The embedding in our token order: row i is the files' row sourceRow[i] (or their mean). */
function moveRows(wte: Float32Array, remap: VocabRemap, C: number): Float32Array {
  if (remap.identity) return wte;
  const rows = wte.length / C;
  const out = new Float32Array(remap.sourceRow.length * C);
  let mean: Float32Array | undefined;
  remap.sourceRow.forEach((from, i) => {
    if (from === MEAN_ROW) {
      if (!mean) {
        const sum = new Float64Array(C);
        for (let r = 0; r < rows; r++) for (let j = 0; j < C; j++) sum[j] += wte[r * C + j];
        mean = Float32Array.from(sum, (s) => s / rows);
      }
      out.set(mean, i * C);
    } else {
      out.set(wte.subarray(from * C, (from + 1) * C), i * C);
    }
  });
  return out;
}

function finite(data: Float32Array, name: string, file: string): Float32Array {
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) fail(`${file}: tensor "${name}" contains NaN or Infinity`);
  return data;
}

function sameValues(a: Float32Array, b: Float32Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

const mb = (n: number) => `${(n / 1e6).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
