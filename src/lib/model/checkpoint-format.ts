// The checkpoint file: one binary blob a user downloads, uploads, and the CLI reads.
//
//   "RLHFCKPT" (8 bytes) | header length (uint32 LE) | header JSON (UTF-8) | pad to 4 | float32 data
//
// The header holds the format version, the model config, the tokenizer, free-form training
// metadata and a table of tensors (name, shape, offset into the data). Pure JS: no tfjs, so the
// UI validates an upload without touching the model.
import { validateConfig, type GPTConfig, type GPTSizeKey } from './config';
import { parameterShapes } from './param-shapes';
import { createTokenizer, type Tokenizer, type TokenizerSpec } from './tokenizer';

export const CHECKPOINT_MAGIC = 'RLHFCKPT';
/** 2: the tokenizer may be byte-level BPE (version 1 files hold the character tokenizer, and still load). */
export const CHECKPOINT_VERSION = 2;
/** The header is a config, a tokenizer, metadata and a tensor table: kilobytes, never megabytes. */
export const MAX_HEADER_BYTES = 1_000_000;
/** Far above any model a tab can train; a file past them is corrupt or hostile, not big. */
export const CONFIG_LIMITS: Readonly<Record<GPTSizeKey, number>> = { vocabSize: 65_536, blockSize: 4096, nLayer: 48, nHead: 64, nEmbd: 2048 };

/** What we know about how a checkpoint was made; shown in the checkpoint list. */
export interface CheckpointMeta {
  name: string;
  createdAt: string;
  /** 'starter', 'pretrain', 'sft', 'reward', 'policy', ... */
  kind: string;
  steps?: number;
  tokensSeen?: number;
  trainLoss?: number;
  heldoutBitsPerChar?: number;
  seed?: number;
  corpus?: string;
  parent?: string;
  [key: string]: unknown;
}

export interface Checkpoint {
  config: GPTConfig;
  tokenizer: TokenizerSpec;
  meta: CheckpointMeta;
  tensors: Map<string, Float32Array>;
}

interface TensorEntry { name: string; shape: number[]; offset: number; length: number }
interface Header {
  format: 'rlhf-playground-checkpoint';
  version: number;
  config: GPTConfig;
  tokenizer: TokenizerSpec;
  meta: CheckpointMeta;
  tensors: TensorEntry[];
}

export function encodeCheckpoint(ck: Checkpoint): Uint8Array {
  const entries: TensorEntry[] = [];
  let offset = 0;
  for (const [name, shape] of parameterShapes(ck.config)) {
    const data = ck.tensors.get(name);
    if (!data) throw new Error(`Checkpoint is missing tensor "${name}"`);
    // Never write what decode would refuse: a NaN in the weights means training went wrong.
    if (!data.every(Number.isFinite)) throw new NonFiniteWeightsError(`Refusing to save "${ck.meta.name}": tensor "${name}" contains NaN or Infinity`);
    entries.push({ name, shape, offset, length: data.length });
    offset += data.length;
  }
  const header: Header = {
    format: 'rlhf-playground-checkpoint', version: CHECKPOINT_VERSION,
    config: ck.config, tokenizer: ck.tokenizer, meta: ck.meta, tensors: entries,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const dataStart = align4(8 + 4 + headerBytes.length);
  const out = new Uint8Array(dataStart + offset * 4);
  out.set(new TextEncoder().encode(CHECKPOINT_MAGIC), 0);
  new DataView(out.buffer).setUint32(8, headerBytes.length, true);
  out.set(headerBytes, 12);
  const floats = new Float32Array(out.buffer, dataStart, offset);
  for (const e of entries) floats.set(ck.tensors.get(e.name)!, e.offset);
  return out;
}

export class CheckpointFormatError extends Error {
  override name = 'CheckpointFormatError';
}

export class NonFiniteWeightsError extends Error {
  override name = 'NonFiniteWeightsError';
}

/** Parses and validates a whole checkpoint; throws CheckpointFormatError naming the problem. */
export function decodeCheckpoint(input: ArrayBuffer | Uint8Array): Checkpoint {
  // A plain Uint8Array view: Node's Buffer is a Uint8Array whose slice() shares memory instead of copying.
  const bytes = input instanceof Uint8Array ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : new Uint8Array(input);
  const fail = (msg: string): never => { throw new CheckpointFormatError(msg); };
  if (bytes.length < 12) fail(`Not a checkpoint: the file is only ${bytes.length} bytes`);
  if (new TextDecoder().decode(bytes.subarray(0, 8)) !== CHECKPOINT_MAGIC) {
    fail('Not a checkpoint: the file does not start with "RLHFCKPT"');
  }
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  if (headerLength > MAX_HEADER_BYTES) fail(`Corrupt checkpoint: the header length is ${headerLength} bytes, more than the ${MAX_HEADER_BYTES} allowed`);
  if (12 + headerLength > bytes.length) fail('Truncated checkpoint: the header runs past the end of the file');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(12, 12 + headerLength)));
  } catch {
    return fail('Corrupt checkpoint: the header is not valid JSON');
  }
  if (header?.format !== 'rlhf-playground-checkpoint') fail('Not a checkpoint: the header has no "rlhf-playground-checkpoint" format tag');
  if (!Number.isInteger(header.version) || header.version < 1) fail(`Corrupt checkpoint: bad format version ${header.version}`);
  if (header.version > CHECKPOINT_VERSION) {
    fail(`This checkpoint uses format version ${header.version}, newer than this app reads (${CHECKPOINT_VERSION}); update the app`);
  }
  let config: GPTConfig;
  let tokenizer: Tokenizer;
  try {
    config = validateConfig(header.config);
  } catch (e) {
    return fail(`Corrupt checkpoint: ${(e as Error).message}`);
  }
  if (header.version === 1 && header.tokenizer?.kind !== 'char-bytes') fail(`Corrupt checkpoint: a version 1 checkpoint holds the character tokenizer, not "${header.tokenizer?.kind}"`);
  try {
    tokenizer = createTokenizer(header.tokenizer);
  } catch (e) {
    return fail(`Corrupt checkpoint: its tokenizer is broken: ${(e as Error).message}`);
  }
  for (const [key, max] of Object.entries(CONFIG_LIMITS) as Array<[GPTSizeKey, number]>) {
    if (config[key] > max) fail(`Checkpoint config out of range: ${key} is ${config[key]}, more than ${max}`);
  }
  if (tokenizer.vocabSize !== config.vocabSize) {
    fail(`Checkpoint mismatch: the tokenizer has ${tokenizer.vocabSize} tokens but the config says ${config.vocabSize}`);
  }
  if (typeof header.meta !== 'object' || header.meta === null || typeof header.meta.name !== 'string') {
    fail('Corrupt checkpoint: the metadata has no name');
  }
  for (const key of ['createdAt', 'kind'] as const) {
    if (typeof header.meta[key] !== 'string') fail(`Corrupt checkpoint: the metadata's "${key}" is not text`);
  }
  if (!Array.isArray(header.tensors)) fail('Corrupt checkpoint: the header has no tensor table');
  const dataStart = align4(12 + headerLength);
  const available = Math.floor((bytes.length - dataStart) / 4);
  // Copy into an aligned buffer: the input may be a view at any offset.
  const floats = new Float32Array(bytes.slice(dataStart, dataStart + available * 4).buffer);
  const listed = new Map(header.tensors.map((e) => [e?.name, e]));
  const tensors = new Map<string, Float32Array>();
  for (const [name, shape] of parameterShapes(config)) {
    const e = listed.get(name);
    if (!e) fail(`Checkpoint mismatch: tensor "${name}" is missing`);
    if (!sameShape(e!.shape, shape)) {
      fail(`Checkpoint mismatch: tensor "${name}" has shape [${e!.shape}] but the config needs [${shape}]`);
    }
    const size = shape.reduce((a, b) => a * b, 1);
    if (e!.length !== size || !Number.isInteger(e!.offset) || e!.offset < 0 || e!.offset + size > available) {
      fail(`Truncated checkpoint: the data of tensor "${name}" runs past the end of the file`);
    }
    const data = floats.slice(e!.offset, e!.offset + size);
    for (let i = 0; i < data.length; i++) {
      if (!Number.isFinite(data[i])) fail(`Corrupt checkpoint: tensor "${name}" contains NaN or Infinity`);
    }
    tensors.set(name, data);
  }
  return { config, tokenizer: tokenizer.spec, meta: header.meta, tensors };
}

function sameShape(a: unknown, b: number[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);
}

function align4(n: number): number {
  return Math.ceil(n / 4) * 4;
}
