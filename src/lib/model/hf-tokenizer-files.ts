// A byte-level BPE tokenizer as Hugging Face's GPT-2 files hold it, both ways: vocab.json +
// merges.txt (GPT2Tokenizer) and tokenizer.json (the `tokenizers` library, GPT2TokenizerFast).
// Reading gives the files' own ids, whatever their order; hf-gpt2-vocab.ts maps them onto ours.
import type { BPETokenizerSpec } from './bpe-tokenizer';
import { BOS, SPECIAL_TOKEN_NAMES } from './special-tokens';

/** A vocabulary and merge list as some files give them (ids in the files' own order). */
export interface HfBpeVocabulary {
  vocab: Map<string, number>;
  /** "left right", highest priority first. */
  merges: string[];
  /** Where they came from, for messages. */
  source: string;
}

export class HfTokenizerError extends Error {
  override name = 'HfTokenizerError';
}

const byId = (spec: BPETokenizerSpec) => Object.entries(spec.vocab).sort((a, b) => a[1] - b[1]);

export function vocabJson(spec: BPETokenizerSpec): string {
  return JSON.stringify(Object.fromEntries(byId(spec)));
}

/** GPT2Tokenizer drops the first line (the version) and the last (so the file must end in a newline). */
export function mergesTxt(spec: BPETokenizerSpec): string {
  return ['#version: 0.2', ...spec.merges].join('\n') + '\n';
}

/** tokenizer.json for `tokenizers`: ByteLevel pre-tokenizer and decoder, BPE model, our 3 specials. */
export function tokenizerJson(spec: BPETokenizerSpec): string {
  const byteLevel = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true };
  const bos = SPECIAL_TOKEN_NAMES[BOS];
  return JSON.stringify({
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKEN_NAMES.map((content, id) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: null,
    pre_tokenizer: byteLevel,
    // Our documents start with BOS (the model was trained so): the fast tokenizer adds it too.
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: bos, type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }],
      pair: [{ SpecialToken: { id: bos, type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { Sequence: { id: 'B', type_id: 1 } }],
      special_tokens: { [bos]: { id: bos, ids: [BOS], tokens: [bos] } },
    },
    decoder: byteLevel,
    model: {
      type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: '', end_of_word_suffix: '',
      fuse_unk: false, byte_fallback: false, vocab: Object.fromEntries(byId(spec)), merges: spec.merges,
    },
  }, null, 1);
}

function fail(source: string, msg: string): never {
  throw new HfTokenizerError(`${source}: ${msg}`);
}

function vocabFrom(raw: unknown, source: string): Map<string, number> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(source, 'the vocabulary is not an object of token -> id');
  const vocab = new Map<string, number>();
  const seen = new Map<number, string>();
  for (const [token, id] of Object.entries(raw as Record<string, unknown>)) {
    if (!Number.isSafeInteger(id) || (id as number) < 0) fail(source, `the vocabulary gives "${token}" the id ${JSON.stringify(id)}`);
    if (seen.has(id as number)) fail(source, `the vocabulary gives the id ${id} twice ("${seen.get(id as number)}" and "${token}")`);
    seen.set(id as number, token);
    vocab.set(token, id as number);
  }
  return vocab;
}

export function parseVocabJson(text: string): Map<string, number> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('vocab.json', 'not valid JSON');
  }
  return vocabFrom(raw, 'vocab.json');
}

/** merges.txt: an optional "#version" line, then "left right" per line; blank lines ignored. */
export function parseMergesTxt(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.startsWith('#version')) lines.shift();
  const merges = lines.filter((l) => l !== '');
  merges.forEach((line, i) => {
    const parts = line.split(' ');
    if (parts.length !== 2 || !parts[0] || !parts[1]) fail('merges.txt', `merge ${i + 1} is not "left right": ${JSON.stringify(line)}`);
  });
  return merges;
}

/** tokenizer.json: a byte-level BPE model; added tokens join the vocabulary. */
export function parseTokenizerJson(text: string): HfBpeVocabulary {
  const source = 'tokenizer.json';
  let raw: any;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail(source, 'not valid JSON');
  }
  const model = raw?.model;
  if (model?.type !== 'BPE') fail(source, `the model is ${JSON.stringify(model?.type ?? null)}, not BPE`);
  if (model.byte_fallback || model.continuing_subword_prefix || model.end_of_word_suffix) {
    fail(source, 'the BPE model uses byte fallback or word prefixes/suffixes: not GPT-2\'s byte-level BPE');
  }
  const pre = raw.pre_tokenizer;
  const isByteLevel = pre?.type === 'ByteLevel' || (pre?.type === 'Sequence' && pre.pretokenizers?.some((p: any) => p?.type === 'ByteLevel'));
  if (!isByteLevel) fail(source, `the pre-tokenizer is ${JSON.stringify(pre?.type ?? null)}, not ByteLevel`);
  const vocab = vocabFrom(model.vocab, source);
  if (!Array.isArray(model.merges)) fail(source, 'the BPE model has no merge list');
  // Newer `tokenizers` write each merge as [left, right]; older ones as "left right".
  const merges = (model.merges as unknown[]).map((m, i) => {
    const pair = typeof m === 'string' ? m.split(' ') : m;
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string' || !pair[0] || !pair[1]) {
      fail(source, `merge ${i + 1} is not a pair of tokens: ${JSON.stringify(m)}`);
    }
    return `${pair[0]} ${pair[1]}`;
  });
  for (const t of Array.isArray(raw.added_tokens) ? raw.added_tokens : []) {
    if (typeof t?.content !== 'string' || !Number.isSafeInteger(t?.id)) fail(source, `an added token is not {id, content}: ${JSON.stringify(t)}`);
    const known = vocab.get(t.content);
    if (known !== undefined && known !== t.id) fail(source, `the added token "${t.content}" has the id ${t.id}, but the vocabulary gives it ${known}`);
    for (const [token, id] of vocab) if (id === t.id && token !== t.content) fail(source, `the added token "${t.content}" takes the id ${t.id} of "${token}"`);
    vocab.set(t.content, t.id);
  }
  return { vocab, merges, source };
}
