// Every importer refuses a bad file whole: one table of bad files of every kind, each refused with a
// message naming the problem (and its line where it has one), and every table of the database
// byte-for-byte as it was.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Judgement } from '../../src/lib/feedback/judgement';
import { CHECKPOINT_VERSION, encodeCheckpoint } from '../../src/lib/model/checkpoint-format';
import type { GPTConfig } from '../../src/lib/model/config';
import { parameterShapes } from '../../src/lib/model/param-shapes';
import { charTokenizer, createTokenizer } from '../../src/lib/model/tokenizer';
import { trainBPE } from '../../src/lib/model/bpe-training';
import { importCheckpointFile, saveCheckpoint } from '../../src/lib/store/checkpoints';
import { readCorpus } from '../../src/lib/store/corpus-file';
import type { PlaygroundDB } from '../../src/lib/store/db';
import { addJudgement } from '../../src/lib/store/judgements';
import { importPreferenceFile } from '../../src/lib/store/preference-export';
import { exportProject } from '../../src/lib/store/project-export';
import { importProject } from '../../src/lib/store/project-import';
import { importPromptSetFile } from '../../src/lib/store/prompt-sets';
import { addDemonstration, importDemonstrationFile } from '../../src/lib/store/demonstrations';
import { freshDatabases } from './fresh-db';
import { withCheckpointHeader } from './helpers';

const tokenizer = charTokenizer();
const enc = (s: string) => new TextEncoder().encode(s);
const jsonl = (...lines: unknown[]) => enc(lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
};

// A tiny checkpoint written by the real encoder, with weights that are not all zero.
const config: GPTConfig = { vocabSize: tokenizer.vocabSize, blockSize: 8, nLayer: 1, nHead: 2, nEmbd: 8 };
const meta = { name: 'tiny', createdAt: '2026-01-01T00:00:00.000Z', kind: 'pretrain' };
function checkpoint(): Uint8Array {
  const tensors = new Map(parameterShapes(config).map(([name, shape]) => [
    name, Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => ((i % 7) - 3) / 10),
  ] as const));
  return encodeCheckpoint({ config, tokenizer: tokenizer.spec, meta, tensors });
}
const good = checkpoint();

/** The good checkpoint with its last weight (of "rewardB") overwritten: the encoder refuses to write one. */
function poisoned(value: number): Uint8Array {
  const b = good.slice();
  new DataView(b.buffer).setFloat32(b.length - 4, value, true);
  return b;
}

/** The good checkpoint with its header JSON edited; the weights are carried over unchanged. */
const withHeader = (edit: (h: any) => void): Uint8Array => withCheckpointHeader(good, edit);

// The same with a byte-level BPE tokenizer (6 merges: 265 tokens), for the tokenizer rows.
const bpe = createTokenizer(trainBPE(['the cat sat on the mat with the hat', 'that cat is the cat'], 300));
const bpeConfig: GPTConfig = { ...config, vocabSize: bpe.vocabSize };
const goodBpe = encodeCheckpoint({
  config: bpeConfig, tokenizer: bpe.spec, meta,
  tensors: new Map(parameterShapes(bpeConfig).map(([name, shape]) => [name, new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(0.1)] as const)),
});
const withBpeHeader = (edit: (h: any) => void): Uint8Array => withCheckpointHeader(goodBpe, edit);

function judgement(prompt: string): Judgement {
  return {
    createdAt: '2026-01-02T00:00:00.000Z', labeler: 'ana', labelerKind: 'person', prompt, promptIds: tokenizer.encode(prompt),
    completions: [' one', ' two'].map((text, seed) => ({
      text, ids: tokenizer.encode(text), source: { kind: 'sample', model: 'tiny', temperature: 1, topK: 0, topP: 1, maxTokens: 8, seed },
    })),
    feedback: { kind: 'ab', a: 0, b: 1, better: 'a', strength: 'better', margin: 0.5 },
  };
}

/** A good project file (one of everything) edited by `edit`. */
let project: any;
const editProject = (edit: (p: any) => void) => () => {
  const p = structuredClone(project);
  edit(p);
  return enc(JSON.stringify(p));
};
const base64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

type Importer = 'preferences' | 'project' | 'checkpoint' | 'corpus' | 'prompt set' | 'demonstrations';
const importers: Record<Importer, (db: PlaygroundDB, bytes: Uint8Array, fileName: string) => Promise<unknown>> = {
  preferences: (db, bytes, fileName) => importPreferenceFile(db, bytes, fileName),
  project: (db, bytes) => importProject(db, bytes),
  checkpoint: (db, bytes, fileName) => importCheckpointFile(db, bytes, fileName),
  // Not stored: a refused corpus only means training does not start.
  corpus: async (_db, bytes) => readCorpus(bytes),
  'prompt set': (db, bytes, fileName) => importPromptSetFile(db, bytes, fileName),
  demonstrations: (db, bytes) => importDemonstrationFile(db, bytes),
};

const lines = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i)).join('\n');
const story = 'Once upon a time a little bear walked through the wood to find some honey for his mother. ';

interface Row { name: string; importer: Importer; file: string; bytes: () => Uint8Array; message: RegExp }
const rows: Row[] = [
  // Preferences: TRL and HH-RLHF JSON lines
  { name: 'truncated JSON', importer: 'preferences', file: 'p.jsonl', bytes: () => concat(jsonl({ prompt: 'a', chosen: 'b', rejected: 'c' }), enc('{"prompt": "a", "chosen": "b"')), message: /^Line 2: not valid JSON/ },
  { name: 'a missing field', importer: 'preferences', file: 'p.jsonl', bytes: () => jsonl({ prompt: 'a', chosen: 'b', rejected: 'c' }, { prompt: 'a', chosen: 'b' }), message: /^Line 2: missing field "rejected"/ },
  { name: 'a number where text goes', importer: 'preferences', file: 'p.jsonl', bytes: () => jsonl({ prompt: 'a', chosen: 5, rejected: 'c' }), message: /^Line 1: field "chosen" must be text, but is number/ },
  { name: 'an empty prompt', importer: 'preferences', file: 'p.jsonl', bytes: () => jsonl({ prompt: 'a', chosen: 'b', rejected: 'c' }, { prompt: '   ', chosen: 'b', rejected: 'c' }), message: /^Line 2: field "prompt" is empty/ },
  { name: 'an unpaired label that is not a boolean', importer: 'preferences', file: 'p.jsonl', bytes: () => jsonl({ prompt: 'a', completion: 'b', label: 'yes' }), message: /^Line 1: field "label" must be true or false/ },
  { name: 'a margin that is text', importer: 'preferences', file: 'p.jsonl', bytes: () => jsonl({ prompt: 'a', chosen: 'b', rejected: 'c', margin: 'big' }), message: /^Line 1: field "margin" must be a finite number/ },
  { name: 'HH transcripts without turns', importer: 'preferences', file: 'hh.jsonl', bytes: () => jsonl({ chosen: 'good answer', rejected: 'bad answer' }), message: /^Line 1: no "prompt" field, and "chosen"\/"rejected" are not .* transcripts/ },
  { name: 'HH transcripts of two conversations', importer: 'preferences', file: 'hh.jsonl', bytes: () => jsonl({ chosen: '\n\nHuman: hi\n\nAssistant: hello', rejected: '\n\nHuman: bye\n\nAssistant: no' }), message: /^Line 1: the chosen and rejected transcripts start from different conversations/ },
  { name: 'a list instead of an object', importer: 'preferences', file: 'p.jsonl', bytes: () => jsonl(['a', 'b']), message: /^Line 1: expected a JSON object/ },
  { name: 'an oversized line', importer: 'preferences', file: 'p.jsonl', bytes: () => jsonl({ prompt: 'a', chosen: 'b', rejected: 'c' }, { prompt: 'x'.repeat(1_000_001), chosen: 'b', rejected: 'c' }), message: /^Line 2: the line is longer than 1 MB/ },
  { name: 'binary bytes', importer: 'preferences', file: 'p.jsonl', bytes: () => new Uint8Array([0x7b, 0x00, 0x01, 0x02, 0x7d]), message: /binary file/ },
  { name: 'an empty file', importer: 'preferences', file: 'p.jsonl', bytes: () => enc('\n\n'), message: /no records/ },

  // Project files
  { name: 'a truncated project', importer: 'project', file: 'x.rlhfproj', bytes: () => editProject(() => {})().subarray(0, 200), message: /not JSON/ },
  { name: 'a project from a newer app', importer: 'project', file: 'x.rlhfproj', bytes: editProject((p) => { p.version = 99; }), message: /newer version of the app/ },
  { name: 'a project without its format tag', importer: 'project', file: 'x.rlhfproj', bytes: editProject((p) => { delete p.format; }), message: /no "rlhf-playground-project" format tag/ },
  { name: 'a project with an empty completion', importer: 'project', file: 'x.rlhfproj', bytes: editProject((p) => { p.judgements[0].completions[1].text = ''; }), message: /^judgements\[0\]: completion 1 text is empty/ },
  { name: 'a project whose checkpoint does not match its config', importer: 'project', file: 'x.rlhfproj', bytes: editProject((p) => { p.checkpoints[0].bytesBase64 = base64(withHeader((h) => { h.config.nEmbd = 16; })); }), message: /^checkpoints\[0\]: Checkpoint mismatch: tensor "wte" has shape/ },
  { name: 'a project with an empty prompt in a prompt set', importer: 'project', file: 'x.rlhfproj', bytes: editProject((p) => { p.promptSets[0].prompts[1] = ' '; }), message: /^promptSets\[0\]: prompts\[1\] is empty/ },
  { name: 'a project with a prompt that is a number', importer: 'project', file: 'x.rlhfproj', bytes: editProject((p) => { p.promptSets[0].prompts[0] = 7; }), message: /^promptSets\[0\]: prompts\[0\] must be text, but is number/ },
  { name: 'a project with an empty demonstration response', importer: 'project', file: 'x.rlhfproj', bytes: editProject((p) => { p.demonstrations[0].response = ' \n'; }), message: /^demonstrations\[0\]: response is empty/ },
  { name: 'a project with a stored demonstration from an edit', importer: 'project', file: 'x.rlhfproj', bytes: editProject((p) => { p.demonstrations[0].source = 'edit'; }), message: /^demonstrations\[0\]: source must be "typed" or "import", but is "edit"/ },
  { name: 'a project whose judgements are missing', importer: 'project', file: 'x.rlhfproj', bytes: editProject((p) => { delete p.judgements; }), message: /"judgements" is not a list/ },
  { name: 'a project with two runs of one id', importer: 'project', file: 'x.rlhfproj', bytes: editProject((p) => { p.runs.push(structuredClone(p.runs[0])); }), message: /^runs\[1\]: id 1 is used twice/ },
  { name: 'a project whose run names its reference checkpoint in text', importer: 'project', file: 'x.rlhfproj', bytes: editProject((p) => { p.runs[0].settings = { referenceCheckpointId: 'first' }; }), message: /^runs\[0\]: settings.referenceCheckpointId must be a whole number, but is "first"/ },
  { name: 'a project whose run logs a fault without its step', importer: 'project', file: 'x.rlhfproj', bytes: editProject((p) => { p.runs[0].faults = [{ what: 'loss', lrBefore: 1, lrAfter: 0.5 }]; }), message: /^runs\[0\]: faults\[0\] must be \{step, what: "loss" \| "weights", lrBefore, lrAfter\}/ },
  { name: 'a project whose run refits from a reward model named in text', importer: 'project', file: 'x.rlhfproj', bytes: editProject((p) => { p.runs[0].settings = { rewardBase: { checkpointId: 'mine' } }; }), message: /^runs\[0\]: settings.rewardBase.checkpointId must be a whole number, but is "mine"/ },
  { name: 'a project whose run refits from a reward model given as a number', importer: 'project', file: 'x.rlhfproj', bytes: editProject((p) => { p.runs[0].settings = { rewardBase: 3 }; }), message: /^runs\[0\]: settings.rewardBase must be "reference" or \{checkpointId\}, but is 3/ },
  { name: 'a project whose RL trainer state is not numbers', importer: 'project', file: 'x.rlhfproj', bytes: editProject((p) => { p.settings.push({ key: 'rl-trainer/1', value: { round: 1, state: { adam: { iterations: 1, moments: [{ shape: [2], values: [0.5, 'x'] }] } } } }); }), message: /^settings\[1\]: the trainer state's moments\[0\] is not a list of numbers/ },

  // Checkpoints
  { name: 'an empty checkpoint', importer: 'checkpoint', file: 'c.rlhfckpt', bytes: () => new Uint8Array(0), message: /only 0 bytes/ },
  { name: 'another file type', importer: 'checkpoint', file: 'c.rlhfckpt', bytes: () => enc('PK\u0003\u0004 this is a zip file, not a checkpoint'), message: /does not start with "RLHFCKPT"/ },
  { name: 'a truncated checkpoint', importer: 'checkpoint', file: 'c.rlhfckpt', bytes: () => good.subarray(0, good.length - 100), message: /Truncated checkpoint: the data of tensor ".*" runs past the end/ },
  { name: 'a checkpoint cut inside its header', importer: 'checkpoint', file: 'c.rlhfckpt', bytes: () => good.subarray(0, 40), message: /Truncated checkpoint: the header runs past the end/ },
  { name: 'a checkpoint from a newer format version', importer: 'checkpoint', file: 'c.rlhfckpt', bytes: () => withHeader((h) => { h.version = CHECKPOINT_VERSION + 1; }), message: new RegExp(`format version ${CHECKPOINT_VERSION + 1}, newer than this app reads`) },
  { name: 'shapes that do not match the config', importer: 'checkpoint', file: 'c.rlhfckpt', bytes: () => withHeader((h) => { h.config.blockSize = 16; }), message: /tensor "wpe" has shape \[8,8\] but the config needs \[16,8\]/ },
  { name: 'NaN weights', importer: 'checkpoint', file: 'c.rlhfckpt', bytes: () => poisoned(NaN), message: /tensor "rewardB" contains NaN or Infinity/ },
  { name: 'infinite weights', importer: 'checkpoint', file: 'c.rlhfckpt', bytes: () => poisoned(-Infinity), message: /tensor "rewardB" contains NaN or Infinity/ },
  { name: 'a config out of range', importer: 'checkpoint', file: 'c.rlhfckpt', bytes: () => withHeader((h) => { h.config.nLayer = 1000; }), message: /config out of range: nLayer is 1000, more than 48/ },
  { name: 'a config that is not a model', importer: 'checkpoint', file: 'c.rlhfckpt', bytes: () => withHeader((h) => { h.config.nHead = 3; }), message: /divisible by nHead/ },
  { name: 'an oversized header', importer: 'checkpoint', file: 'c.rlhfckpt', bytes: () => { const b = good.slice(); new DataView(b.buffer).setUint32(8, 0xfffffff0, true); return b; }, message: /header length is 4294967280 bytes, more than the 1000000 allowed/ },
  { name: 'a header that is not JSON', importer: 'checkpoint', file: 'c.rlhfckpt', bytes: () => { const b = good.slice(); b[12] = 0x21; return b; }, message: /the header is not valid JSON/ },
  { name: 'metadata without a name', importer: 'checkpoint', file: 'c.rlhfckpt', bytes: () => withHeader((h) => { delete h.meta.name; }), message: /the metadata has no name/ },
  { name: 'a BPE merge naming an unknown token', importer: 'checkpoint', file: 'c.rlhfckpt', bytes: () => withBpeHeader((h) => { h.tokenizer.merges[3] = 'Ġzebra t'; }), message: /tokenizer is broken: BPE merge 4 names the unknown token "Ġzebra"/ },
  { name: 'a BPE vocabulary giving one id twice', importer: 'checkpoint', file: 'c.rlhfckpt', bytes: () => withBpeHeader((h) => { const v = h.tokenizer.vocab; const last = Object.keys(v).at(-1)!; v[last] = v['a']; }), message: /tokenizer is broken: The BPE vocabulary gives the id \d+ twice/ },
  { name: 'a BPE vocabulary larger than the model', importer: 'checkpoint', file: 'c.rlhfckpt', bytes: () => withBpeHeader((h) => { h.config.vocabSize -= 1; }), message: /the tokenizer has 265 tokens but the config says 264/ },
  { name: 'a BPE merge list shorter than the vocabulary', importer: 'checkpoint', file: 'c.rlhfckpt', bytes: () => withBpeHeader((h) => { h.tokenizer.merges.pop(); }), message: /tokenizer is broken: The BPE vocabulary has 265 tokens, but 5 merges make 264/ },
  { name: 'a BPE vocabulary without its byte tokens', importer: 'checkpoint', file: 'c.rlhfckpt', bytes: () => withBpeHeader((h) => { const v = h.tokenizer.vocab; v['Ā-gone'] = v['Ā']; delete v['Ā']; }), message: /tokenizer is broken: The BPE vocabulary must give byte 0 \("Ā"\) the id 3/ },
  { name: 'a version 1 checkpoint with a BPE tokenizer', importer: 'checkpoint', file: 'c.rlhfckpt', bytes: () => withBpeHeader((h) => { h.version = 1; }), message: /a version 1 checkpoint holds the character tokenizer, not "bpe"/ },
  { name: 'an unknown tokenizer kind', importer: 'checkpoint', file: 'c.rlhfckpt', bytes: () => withHeader((h) => { h.tokenizer.kind = 'sentencepiece'; }), message: /tokenizer is broken: Unknown tokenizer kind "sentencepiece"/ },

  // Corpora (uploaded .txt)
  { name: 'an empty corpus', importer: 'corpus', file: 'c.txt', bytes: () => new Uint8Array(0), message: /The corpus is empty/ },
  { name: 'a whitespace-only corpus', importer: 'corpus', file: 'c.txt', bytes: () => enc(' \n\t\r\n   \n'), message: /The corpus is empty \(only whitespace\)/ },
  { name: 'a binary corpus', importer: 'corpus', file: 'c.txt', bytes: () => concat(enc('Once\nupon'), new Uint8Array([0, 1, 2])), message: /binary file, not text: byte 9 \(line 2\) is a control character \(0x00\)/ },
  { name: 'an escape character in a corpus', importer: 'corpus', file: 'c.txt', bytes: () => enc(`${story}\n${story}\n\u001b[31m red`), message: /byte \d+ \(line 3\) is a control character \(0x1b\)/ },
  { name: 'a corpus that is not UTF-8', importer: 'corpus', file: 'c.txt', bytes: () => concat(enc(`${story}\n${story}\nna`), new Uint8Array([0xef, 0xbb]), enc('ve')), message: /not UTF-8 text: byte 184 \(line 3\)/ },
  { name: 'a Latin-1 corpus', importer: 'corpus', file: 'c.txt', bytes: () => concat(enc('caf'), new Uint8Array([0xe9]), enc(` ${story}`)), message: /not UTF-8 text: byte 3 \(line 1\)/ },
  { name: 'an oversized corpus', importer: 'corpus', file: 'c.txt', bytes: () => enc(lines(60_000, () => story)), message: /The file is 5\.5 MB; a corpus can be at most 5\.0 MB/ },
  { name: 'a corpus with an oversized line', importer: 'corpus', file: 'c.txt', bytes: () => enc(`${story}\n${'a'.repeat(20_001)}\n${story}`), message: /Line 2 is 20,001 characters long; a corpus line can be at most 20,000/ },
  { name: 'a corpus too short to train on', importer: 'corpus', file: 'c.txt', bytes: () => enc('The end.\n'), message: /too short: 8 characters; it needs at least 200/ },

  // Prompt sets (.txt, .json, .jsonl)
  { name: 'an empty prompt list', importer: 'prompt set', file: 'p.txt', bytes: () => enc('\n\n'), message: /The prompt set is empty/ },
  { name: 'a prompt line over the cap', importer: 'prompt set', file: 'p.txt', bytes: () => enc(`Once\nThe bear\n${'x'.repeat(501)}\n`), message: /^Line 3 is 501 characters long; a prompt set line can be at most 500/ },
  { name: 'a whitespace-only JSON prompt', importer: 'prompt set', file: 'p.json', bytes: () => enc('["Once", " \\t "]'), message: /^Prompt 2 is empty/ },
  { name: 'a binary prompt file', importer: 'prompt set', file: 'p.txt', bytes: () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), message: /binary file, not text: byte 6 \(line 2\)/ },
  { name: 'prompts that are not UTF-8', importer: 'prompt set', file: 'p.txt', bytes: () => concat(enc('Once\n'), new Uint8Array([0xc3, 0x28])), message: /not UTF-8 text: byte 5 \(line 2\)/ },
  { name: 'too many prompts', importer: 'prompt set', file: 'p.txt', bytes: () => enc(lines(10_001, (i) => `Prompt ${i}`)), message: /10,001 prompts; at most 10,000/ },
  { name: 'truncated JSON prompts', importer: 'prompt set', file: 'p.json', bytes: () => enc('[\n  "Once upon a time",\n  "The bear'), message: /^Line 3: not valid JSON/ },
  { name: 'a JSON prompt that is a number', importer: 'prompt set', file: 'p.json', bytes: () => enc('["Once", 42]'), message: /^Prompt 2 must be text, but is number/ },
  { name: 'an empty JSON prompt', importer: 'prompt set', file: 'p.json', bytes: () => enc('{"prompts": ["", "Once"]}'), message: /^Prompt 1 is empty/ },
  { name: 'a JSON object without prompts', importer: 'prompt set', file: 'p.json', bytes: () => enc('{"prompt": "Once"}'), message: /Expected a JSON list of prompts/ },
  { name: 'an empty JSON list', importer: 'prompt set', file: 'p.json', bytes: () => enc('[]'), message: /has no prompts/ },
  { name: 'a JSON prompt with a control character', importer: 'prompt set', file: 'p.json', bytes: () => enc('["Once \\u0007 upon"]'), message: /^Prompt 1 contains a control character \(0x07\)/ },
  { name: 'a JSONL line without "prompt"', importer: 'prompt set', file: 'p.jsonl', bytes: () => jsonl({ prompt: 'Once' }, { text: 'The bear' }), message: /^Line 2: missing field "prompt"/ },
  { name: 'a JSONL prompt that is null', importer: 'prompt set', file: 'p.jsonl', bytes: () => jsonl({ prompt: null }), message: /^Line 1: field "prompt" must be text, but is null/ },
  { name: 'a JSONL line that is not JSON', importer: 'prompt set', file: 'p.jsonl', bytes: () => jsonl({ prompt: 'Once' }, { prompt: 'Twice' }, '{"prompt": "Thr'), message: /^Line 3: not valid JSON/ },
  // Demonstrations (TRL prompt-completion JSON lines)
  { name: 'a demonstration line that is not JSON', importer: 'demonstrations', file: 'd.jsonl', bytes: () => jsonl({ prompt: 'Q', completion: 'A' }, '{"prompt": "Q", "completion": "A'), message: /^Line 2: not valid JSON/ },
  { name: 'a demonstration without a completion', importer: 'demonstrations', file: 'd.jsonl', bytes: () => jsonl({ prompt: 'Q', completion: 'A' }, { prompt: 'Q', response: 'A' }), message: /^Line 2: missing field "completion"/ },
  { name: 'a demonstration completion that is a number', importer: 'demonstrations', file: 'd.jsonl', bytes: () => jsonl({ prompt: 'Q', completion: 42 }), message: /^Line 1: field "completion" must be text, but is number/ },
  { name: 'a conversational demonstration (messages, not text)', importer: 'demonstrations', file: 'd.jsonl', bytes: () => jsonl({ prompt: [{ role: 'user', content: 'Q' }], completion: 'A' }), message: /^Line 1: field "prompt" must be text, but is a list/ },
  { name: 'an empty demonstration prompt', importer: 'demonstrations', file: 'd.jsonl', bytes: () => jsonl({ prompt: 'Q', completion: 'A' }, { prompt: ' \t ', completion: 'A' }), message: /^Line 2: field "prompt" is empty/ },
  { name: 'a control character in a demonstration', importer: 'demonstrations', file: 'd.jsonl', bytes: () => jsonl({ prompt: 'Q', completion: 'A' }, { prompt: 'Q', completion: 'red \u001b[31m' }), message: /^Line 2: field "completion" contains a control character \(0x1b\)/ },
  { name: 'a demonstration line over 1 MB', importer: 'demonstrations', file: 'd.jsonl', bytes: () => jsonl({ prompt: 'Q', completion: 'A' }, { prompt: 'Q', completion: 'é'.repeat(600_000) }), message: /^Line 2: the line is longer than 1 MB/ },
  { name: 'a binary demonstration file', importer: 'demonstrations', file: 'd.jsonl', bytes: () => concat(jsonl({ prompt: 'Q', completion: 'A' }), new Uint8Array([0x00, 0xff, 0x10])), message: /binary file, not text: byte \d+ \(line 2\)/ },
  { name: 'a demonstration line that is a list', importer: 'demonstrations', file: 'd.jsonl', bytes: () => jsonl(['Q', 'A']), message: /^Line 1: expected a JSON object/ },
  { name: 'an empty demonstration file', importer: 'demonstrations', file: 'd.jsonl', bytes: () => enc('\n \n'), message: /The demonstration file is empty/ },
  { name: 'a JSONL prompt over the cap', importer: 'prompt set', file: 'p.jsonl', bytes: () => jsonl({ prompt: 'Once' }, { prompt: 'y'.repeat(600) }), message: /^Line 2: field "prompt" is 600 characters long; a prompt can be at most 500/ },
];

const freshDB = freshDatabases('bad-input');

/** Every table of the database, every row, as one string: ArrayBuffers as hex, NaN kept apart from null. */
async function dump(db: PlaygroundDB): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));
  return JSON.stringify(Object.fromEntries(tables), (_, v) => {
    if (v instanceof ArrayBuffer) return `bytes:${Buffer.from(v).toString('hex')}`;
    if (typeof v === 'number' && !Number.isFinite(v)) return `number:${v}`;
    return v;
  });
}

/** A database that already holds one of everything an import could touch. */
async function seeded(): Promise<PlaygroundDB> {
  const db = freshDB();
  await addJudgement(db, judgement('Once upon a time'));
  await saveCheckpoint(db, good);
  await importPromptSetFile(db, enc('Once upon a time\nThe little bear\n'), 'mine.txt');
  await addDemonstration(db, { prompt: 'Tell me about bears.', response: ' Bears sleep all winter.', author: 'ana' });
  await db.runs.add({ kind: 'reward', name: 'rm', createdAt: '2026-01-03T00:00:00.000Z', settings: {}, metrics: [{ step: 1, loss: NaN }], status: 'done' });
  await db.settings.put({ key: 'labelerName', value: 'ana' });
  return db;
}

beforeEach(async () => {
  project ??= JSON.parse(new TextDecoder().decode(await exportProject(await seeded())));
});

describe('bad input', () => {
  it('has at least 30 bad files, covering every importer', () => {
    expect(rows.length).toBeGreaterThanOrEqual(30);
    expect(new Set(rows.map((r) => r.importer))).toEqual(new Set(Object.keys(importers)));
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
  });

  it('seeds a database with a row in every table, so "unchanged" means something', async () => {
    const db = await seeded();
    for (const t of db.tables) expect(await t.count(), t.name).toBeGreaterThan(0);
    expect(project.promptSets).toEqual([expect.objectContaining({ name: 'mine', prompts: ['Once upon a time', 'The little bear'] })]);
    expect(project.demonstrations).toEqual([expect.objectContaining({ prompt: 'Tell me about bears.', response: ' Bears sleep all winter.', source: 'typed' })]);
  });

  it.each(rows)('refuses $name ($importer) naming the problem, and changes nothing', async ({ importer, file, bytes, message }) => {
    const db = await seeded();
    const before = await dump(db);
    await expect(importers[importer](db, bytes(), file)).rejects.toThrow(message);
    expect(await dump(db)).toBe(before);
  });

  it('accepts the good files the bad ones were made from', async () => {
    const db = await seeded();
    await importers.checkpoint(db, good, 'c.rlhfckpt');
    await importers.project(db, enc(JSON.stringify(project)), 'x.rlhfproj');
    await importers.preferences(db, jsonl({ prompt: 'a', chosen: 'b', rejected: 'c' }), 'p.jsonl');
    expect(await importers.corpus(db, enc(`${story}\n${story}\n${story}`), 'c.txt')).toBe(`${story}\n${story}\n${story}`);
    await importers['prompt set'](db, enc('["Once", "The bear"]'), 'p.json');
    await importers.demonstrations(db, jsonl({ prompt: 'Q', completion: 'A' }), 'd.jsonl');
    expect(await db.checkpoints.count()).toBe(3);
    expect(await db.demonstrations.count()).toBe(3); // seeded, from the project, from the file
    expect(await db.judgements.count()).toBe(2); // seeded, from the preferences file (the project's is the seeded one: not stored twice)
    expect(await db.promptSets.count()).toBe(3);
  });
});
